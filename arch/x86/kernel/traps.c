// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions and the IDT.  A fault in kernel mode is either a
 * user-copy helper's (fixed up to -EFAULT through the exception table) or
 * a kernel bug: registers, backtrace, panic.  A fault in user mode sends
 * the thread Linux's signal for it, with Linux's console line when no
 * handler is there to see it.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/mm.h>
#include <lego/string.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/syscall.h>
#include <asm/fpu.h>
#include <lego/smp.h>
#include <lego/signal.h>
#include <lego/mm_types.h>
#include <lego/fs.h>
#include <lego/mutex.h>

/* One page exactly: page-table isolation maps it into the user tables. */
struct gate_desc idt_table[NR_VECTORS] __aligned(PAGE_SIZE);
static DEFINE_PER_CPU(struct expected_fault *, ktest_expected_fault);

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection", "page fault", "spurious",
	"coprocessor error", "alignment check", "machine check",
	"SIMD exception", "virtualization exception",
	"control protection", "reserved", "reserved", "reserved",
	"reserved", "reserved", "reserved", "hypervisor injection",
	"VMM communication", "security exception", "reserved",
};

static void set_gate(unsigned int v, const void *fn, u8 dpl, u8 ist)
{
	struct gate_desc *g = &idt_table[v];
	u64 a = (u64)fn;

	g->offset0 = a & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_dpl_p = 0x80 | (dpl << 5) | GATE_INTERRUPT;
	g->offset1 = (a >> 16) & 0xffff;
	g->offset2 = a >> 32;
	g->reserved = 0;
}

void set_intr_gate(unsigned int vector, const void *handler)
{
	set_gate(vector, handler, 0, 0);
}

#define EXC(n)	extern char asm_exc_##n[]
EXC(divide_error); EXC(debug); EXC(nmi); EXC(int3); EXC(overflow);
EXC(bounds); EXC(invalid_op); EXC(device_not_available); EXC(double_fault);
EXC(coproc_overrun); EXC(invalid_tss); EXC(segment_not_present);
EXC(stack_segment); EXC(general_protection); EXC(page_fault); EXC(spurious);
EXC(coprocessor_error); EXC(alignment_check); EXC(machine_check);
EXC(simd_error); EXC(virtualization); EXC(control_protection);
EXC(reserved22); EXC(reserved23); EXC(reserved24); EXC(reserved25);
EXC(reserved26); EXC(reserved27); EXC(hypervisor_injection);
EXC(vmm_communication); EXC(security); EXC(reserved31);
#undef EXC
extern char irq_entries_start[];
extern char entry_INT80_compat[];

void idt_setup(void)
{
	static const void *const exc[32] = {
		asm_exc_divide_error, asm_exc_debug, asm_exc_nmi, asm_exc_int3,
		asm_exc_overflow, asm_exc_bounds, asm_exc_invalid_op,
		asm_exc_device_not_available, asm_exc_double_fault,
		asm_exc_coproc_overrun, asm_exc_invalid_tss,
		asm_exc_segment_not_present, asm_exc_stack_segment,
		asm_exc_general_protection, asm_exc_page_fault, asm_exc_spurious,
		asm_exc_coprocessor_error, asm_exc_alignment_check,
		asm_exc_machine_check, asm_exc_simd_error, asm_exc_virtualization,
		asm_exc_control_protection, asm_exc_reserved22, asm_exc_reserved23,
		asm_exc_reserved24, asm_exc_reserved25, asm_exc_reserved26,
		asm_exc_reserved27, asm_exc_hypervisor_injection,
		asm_exc_vmm_communication, asm_exc_security, asm_exc_reserved31,
	};
	unsigned int v;

	for (v = 0; v < 32; v++)
		set_gate(v, exc[v], 0, 0);
	/* int3 and into may be executed from user mode (DPL 3), as on Linux. */
	set_gate(X86_TRAP_BP, asm_exc_int3, 3, 0);
	set_gate(X86_TRAP_OF, asm_exc_overflow, 3, 0);
	/*
	 * NMI, #DF, #MC and #DB on their own known-good stacks (IST): they
	 * can arrive on a broken or overflowed stack, or (#DB) before the
	 * kernel stack is set up.  A user-mode #DB leaves its IST stack for
	 * the task's at once (asm_exc_debug).
	 */
	set_gate(X86_TRAP_DF, asm_exc_double_fault, 0, IST_INDEX_DF + 1);
	set_gate(X86_TRAP_NMI, asm_exc_nmi, 0, IST_INDEX_NMI + 1);
	set_gate(X86_TRAP_MC, asm_exc_machine_check, 0, IST_INDEX_MC + 1);
	set_gate(X86_TRAP_DB, asm_exc_debug, 0, IST_INDEX_DB + 1);
	/*
	 * External vectors.  Without IA32 emulation vector 0x80 keeps DPL 0:
	 * `int $0x80` from user mode then raises #GP with error code
	 * (0x80 << 3) | 2 (SDM Vol. 3A 6.13: IDT, external 0), exactly as
	 * Linux.  With it, the gate is the 32-bit syscall entry, DPL 3.
	 */
	for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++)
		set_gate(v, irq_entries_start + 16 * (v - FIRST_EXTERNAL_VECTOR), 0, 0);
#ifdef CONFIG_IA32_EMULATION
	set_gate(IA32_SYSCALL_VECTOR, entry_INT80_compat, 3, 0);
#endif
}

void load_idt(void)
{
	struct desc_ptr idtr = { sizeof(idt_table) - 1, (u64)idt_table };

	asm volatile("lidt %0" : : "m"(idtr));
}

bool fixup_exception(struct pt_regs *regs)
{
	extern const struct exception_table_entry __start___ex_table[],
		__stop___ex_table[];
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_EMERG "RIP: %04lx:%016lx RFLAGS: %08lx\n", regs->cs, regs->ip,
	       regs->flags);
	if (!user_mode(regs))
		printk(KERN_EMERG "RIP is at %pS\n", (void *)regs->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx ORIG_RAX: %016lx\n", regs->ss,
	       regs->sp, regs->orig_ax);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax,
	       regs->bx, regs->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx,
	       regs->si, regs->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp,
	       regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10,
	       regs->r11, regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13,
	       regs->r14, regs->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* A kernel-mode fault that nothing fixes up: report and panic. */
void die(const char *str, struct pt_regs *regs, long err)
{
	local_irq_disable();
	printk(KERN_EMERG "%s: %04lx [#1]\n", str, err & 0xffff);
	printk(KERN_EMERG "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       current ? current->pid : 0,
	       current ? current->comm : "?");
	show_regs(regs);
	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " [<%016lx>] %pS\n", regs->ip, (void *)regs->ip);
	show_backtrace(regs->bp);
	panic("Fatal exception");
}

/* A ktest that provokes a fault on purpose skips over the instruction. */
bool ktest_fault_expected(struct pt_regs *regs, unsigned int vector)
{
	struct expected_fault *ef = this_cpu_read(ktest_expected_fault);

	if (!IS_ENABLED(CONFIG_KTEST) || !ef || ef->vector != (int)vector ||
	    user_mode(regs))
		return false;
	ef->hits++;
	ef->error_code = regs->orig_ax;
	ef->cr2 = vector == X86_TRAP_PF ? read_cr2() : 0;
	if (ef->emulate_ret) {
		regs->ip = *(unsigned long *)regs->sp;
		regs->sp += 8;
	} else {
		regs->ip += ef->insn_len;
	}
	return true;
}

int ktest_expect_fault(struct expected_fault *ef, void (*fn)(void *), void *arg)
{
	ef->hits = 0;
	preempt_disable();		/* armed on this CPU only */
	this_cpu_write(ktest_expected_fault, ef);
	barrier();			/* armed before the faulting instruction */
	fn(arg);
	barrier();
	this_cpu_write(ktest_expected_fault, NULL);
	preempt_enable();
	return ef->hits;
}

void print_vma_addr(unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *v;
	char *path, *name;

	if (!mm)
		return;
	path = kmalloc(256, GFP_KERNEL);
	if (!path)
		return;
	mutex_lock(&mm->mmap_lock);
	v = find_vma(mm, ip);
	if (v && v->vm_start <= ip && v->vm_file && d_path(v->vm_file->dentry, path, 256) >= 0) {
		name = strrchr(path, '/');
		pr_cont(" in %s[%lx+%lx]", name ? name + 1 : path, v->vm_start,
			v->vm_end - v->vm_start);
	}
	mutex_unlock(&mm->mmap_lock);
	kfree(path);
}

/* Linux's show_signal(): the line for a fault no handler will see. */
static void show_signal(struct pt_regs *regs, int sig, const char *type,
			const char *desc, unsigned long err)
{
	if (!unhandled_signal(current, sig))
		return;
	printk(KERN_INFO "traps: %s[%d] %s%s ip:%lx sp:%lx error:%lx", current->comm,
	       current->pid, type, desc, regs->ip, regs->sp, err);
	print_vma_addr(regs->ip);
	pr_cont("\n");
}

#define DR6_BS		(1UL << 14)	/* single step (SDM Vol. 3B 18.2.3) */
#define DR6_RESET	0xffff0ff0UL	/* DR6's value with no event recorded */

/* A user #DB: SIGTRAP, TRAP_TRACE for a single step (TF), else
 * TRAP_BRKPT, at the user's ip (Linux's send_sigtrap). */
static void user_debug_trap(struct pt_regs *regs)
{
	unsigned long dr6;

	asm volatile("mov %%db6, %0" : "=r"(dr6));
	asm volatile("mov %0, %%db6" : : "r"(DR6_RESET));
	current->thread.error_code = 0;
	force_sig_fault(SIGTRAP, (dr6 & DR6_BS) ? TRAP_TRACE : TRAP_BRKPT,
			(void __user *)regs->ip);
}

/*
 * #MF and #XM: SIGFPE with the code of the unmasked exception the x87
 * status word (or MXCSR) records, in Linux's order of precedence; none
 * (a spurious trap) sends nothing.
 */
static void math_error(struct pt_regs *regs, unsigned int v)
{
	unsigned int err;
	u16 cwd, swd;
	u32 mxcsr;
	int code = 0;

	fpu_read_status(&cwd, &swd, &mxcsr);
	current->thread.error_code = 0;
	err = v == X86_TRAP_MF ? (swd & ~cwd) : (~(mxcsr >> 7) & mxcsr);
	if (err & 0x001)
		code = FPE_FLTINV;
	else if (err & 0x004)
		code = FPE_FLTDIV;
	else if (err & 0x008)
		code = FPE_FLTOVF;
	else if (err & 0x012)
		code = FPE_FLTUND;
	else if (err & 0x020)
		code = FPE_FLTRES;
	if (code)
		force_sig_fault(SIGFPE, code, (void __user *)regs->ip);
}

/*
 * An exception in user mode: Linux's signal and si_code for each (its
 * do_error_trap() calls), the trap number and error code kept for the
 * signal frame's sigcontext.  si_code 0 means SI_KERNEL.
 */
static void user_exception(struct pt_regs *regs, unsigned int v, unsigned long err)
{
	void __user *addr = (void __user *)regs->ip;
	int sig = SIGSEGV, code = 0;

	current->thread.trap_nr = v;
	current->thread.error_code = err;
	switch (v) {
	case X86_TRAP_DE:
		sig = SIGFPE;
		code = FPE_INTDIV;
		break;
	case X86_TRAP_UD:
		sig = SIGILL;
		code = ILL_ILLOPN;
		break;
	case X86_TRAP_BP:
		sig = SIGTRAP;
		break;
	case 9:				/* coprocessor segment overrun */
		sig = SIGFPE;
		break;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
		sig = SIGBUS;
		break;
	case X86_TRAP_AC:
		sig = SIGBUS;
		code = BUS_ADRALN;
		addr = NULL;
		break;
	case X86_TRAP_DB:
		user_debug_trap(regs);
		return;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		math_error(regs, v);
		return;
	case X86_TRAP_GP:
		show_signal(regs, SIGSEGV, "", "general protection", err);
		force_sig(SIGSEGV);
		return;
	}
	show_signal(regs, sig, "trap ", exception_names[v], err);
	if (code)
		force_sig_fault(sig, code, addr);
	else
		force_sig(sig);
}

static void do_exception(struct pt_regs *regs, unsigned int v, unsigned long err)
{
	if (v == X86_TRAP_PF) {
		do_page_fault(regs, err);
		return;
	}
	if (user_mode(regs)) {
		local_irq_enable();
		user_exception(regs, v, err);
		return;
	}
	if (ktest_fault_expected(regs, v))
		return;
	if (v == X86_TRAP_GP && fixup_exception(regs))
		return;
	die(exception_names[v], regs, err);
}

/*
 * The common C entry for exceptions and interrupts (not the paranoid
 * ones).  Interrupts are off on entry (interrupt gates) and on return.
 */
__visible void do_trap_or_irq(struct pt_regs *regs, unsigned int vector)
{
#ifdef CONFIG_IA32_EMULATION
	/* int $0x80 (entry_64_compat.S); the kernel itself never uses it. */
	if (vector == IA32_SYSCALL_VECTOR && user_mode(regs)) {
		do_int80_syscall_32(regs);
		return;
	}
#endif
	if (vector < FIRST_EXTERNAL_VECTOR) {
		unsigned long err = regs->orig_ax;

		/* The error code sat in orig_ax; for user mode orig_ax must say
		 * "no syscall", or the signal code would take the interrupted
		 * instruction for a syscall to restart (Linux does the same). */
		if (user_mode(regs))
			regs->orig_ax = -1;
		do_exception(regs, vector, err);
	} else
		do_irq(regs, vector);
	local_irq_disable();
	if (user_mode(regs))
		syscall_exit_to_user_mode_prepare(regs);
	else if (IS_ENABLED(CONFIG_PREEMPT) && (regs->flags & X86_EFLAGS_IF) &&
		 !preempt_count() && need_resched())
		preempt_schedule_irq();	/* kernel code, preemptible here */
}

/*
 * Events of NMI and kernel #DB context, which may have interrupted this
 * CPU inside printk (its lock held): counted there, reported by the next
 * timer tick (report_ist_events()).
 */
static DEFINE_PER_CPU(unsigned int, nmi_unknown);
static DEFINE_PER_CPU(unsigned int, kernel_single_steps);
static DEFINE_PER_CPU(unsigned long, kernel_step_ip);
extern const char entry_SYSENTER_compat[], __end_entry_SYSENTER_compat[];


/*
 * #DB in kernel mode.  Lego sets no kernel breakpoints, so this is a
 * single step into the kernel -- TF survives SYSENTER -- or a stale user
 * breakpoint register: the kernel is not to be traced.  Clear TF in the
 * interrupted frame (the single step ends here) and every breakpoint, and
 * go on; the user-mode side of the step, if any, is the return path's.
 */
static void kernel_debug_trap(struct pt_regs *regs)
{
	unsigned long dr6;

	asm volatile("mov %%db6, %0" : "=r"(dr6));
	asm volatile("mov %0, %%db6" : : "r"(DR6_RESET));
#ifdef CONFIG_IA32_EMULATION
	/*
	 * SYSENTER with the user's TF: single steps through
	 * entry_SYSENTER_compat up to its popfq, which clears TF once the
	 * user's flags are saved.  Let each go by with TF kept (Linux's
	 * is_sysenter_singlestep); the user's own step trap comes after the
	 * return.
	 */
	if ((dr6 & DR6_BS) && regs->ip >= (unsigned long)entry_SYSENTER_compat &&
	    regs->ip < (unsigned long)__end_entry_SYSENTER_compat)
		return;
#endif
	if (!(dr6 & DR6_BS))
		asm volatile("mov %0, %%db7" : : "r"(0UL));
	regs->flags &= ~X86_EFLAGS_TF;
	this_cpu_inc(kernel_single_steps);
	this_cpu_write(kernel_step_ip, regs->ip);
}

/* From the timer interrupt: what NMI and kernel #DB context counted. */
void report_ist_events(void)
{
	unsigned int n = this_cpu_read(nmi_unknown);

	if (unlikely(n)) {
		this_cpu_sub(nmi_unknown, n);
		pr_warn("Uhhuh. %u NMI(s) received for unknown reason on CPU %d.\n",
			n, smp_processor_id());
	}
	n = this_cpu_read(kernel_single_steps);
	if (unlikely(n)) {
		this_cpu_sub(kernel_single_steps, n);
		pr_warn("CPU %d: %u single-step trap(s) in the kernel, last at %pS; TF cleared\n",
			smp_processor_id(), n, (void *)this_cpu_read(kernel_step_ip));
	}
}

/*
 * NMI, #MC and #DF (paranoid entry, IST stacks).  A #DF whose stack
 * pointer lies in the guard page under a kernel stack is that stack
 * overflowing: the #PF could not push its frame.
 */
__visible void do_paranoid_trap(struct pt_regs *regs, unsigned int vector)
{
	if (ktest_fault_expected(regs, vector))
		return;
	switch (vector) {
	case X86_TRAP_NMI:
		if (READ_ONCE(smp_stopping_by_nmi) || panic_in_progress)
			nmi_stop_this_cpu(regs);
		this_cpu_inc(nmi_unknown);	/* reported from the tick */
		return;
	case X86_TRAP_DB:
		kernel_debug_trap(regs);
		return;
	case X86_TRAP_DF:
		if (is_stack_guard(regs->sp) || is_stack_guard(read_cr2())) {
			unsigned long lo = current ? (unsigned long)current->stack : 0;

			printk(KERN_EMERG "BUG: stack guard page was hit at %016lx "
			       "(stack is %016lx..%016lx)\n", read_cr2(), lo,
			       lo ? lo + THREAD_SIZE - 1 : 0);
			die("kernel stack overflow (double-fault)", regs, regs->orig_ax);
		}
		die("double fault", regs, regs->orig_ax);
	default:
		die(exception_names[vector & 31], regs, regs->orig_ax);
	}
}
