// SPDX-License-Identifier: GPL-2.0
/*
 * The legacy vsyscall page: old binaries call gettimeofday, time and
 * getcpu at fixed addresses, 0xffffffffff600000 + 0x0, 0x400 and 0x800,
 * in the kernel's half of every address space.  As in Linux, no kernel
 * code runs there any more; "vsyscall=" on the command line chooses:
 *
 *   emulate (Lego's default)  the page is mapped readable, user, no-execute
 *                              (vsyscall_emu_64.S): a call faults and
 *                              emulate_vsyscall() performs it;
 *   xonly                      the page is not mapped: a call is emulated
 *                              just the same, a read is SIGSEGV;
 *   none                       nothing: a call is SIGSEGV.
 *
 * A call that does not land exactly on an entry, a bad stack, or a bad
 * pointer argument is SIGSEGV, each with Linux's console line.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <lego/errno.h>
#include <lego/mm_types.h>
#include <uapi/lego/time.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/vsyscall.h>

#define SIGSEGV		11

enum vsyscall_mode { EMULATE, XONLY, NONE };
static enum vsyscall_mode vsyscall_mode = EMULATE;

extern char __vsyscall_page[];

/*
 * In emulate mode the page is mapped in init_pgd, whose kernel half every
 * address space shares (mm_alloc copies its PML4 entries, so this runs
 * before the first one), and, with page-table isolation, in the kernel
 * half of the user tables as well (pti_user_pgd(), Linux's
 * pti_setup_vsyscall()).  User access needs the U/S bit in every entry of
 * the walk (SDM Vol. 3A 4.6.1): the PML4 entry 511, the PDPT entry 511 and
 * the page directory entry 507 get it.  Those cover the kernel image (PDPT
 * entry 510) and nothing else of Lego's, and each leaf below them but the
 * vsyscall PTE keeps U/S clear, so user space gains access to that one
 * page only (Documentation/x86/vdso.rst).
 */
static void map_vsyscall_into(pteval_t *pgd)
{
	pteval_t *e = &pgd[pgd_index(VSYSCALL_ADDR)];

	if (map_page(pgd, VSYSCALL_ADDR, __pa_symbol(__vsyscall_page),
		     _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_GLOBAL |
		     _PAGE_NX))
		panic("vsyscall: no memory for the page tables");
	*e |= _PAGE_USER;
	e = &pte_table(*e)[pud_index(VSYSCALL_ADDR)];
	*e |= _PAGE_USER;
	e = &pte_table(*e)[pmd_index(VSYSCALL_ADDR)];
	*e |= _PAGE_USER;
}

void map_vsyscall(const char *cmdline)
{
	char v[16];

	if (cmdline_get(cmdline, "vsyscall", v, sizeof(v))) {
		if (!strcmp(v, "emulate"))
			vsyscall_mode = EMULATE;
		else if (!strcmp(v, "xonly"))
			vsyscall_mode = XONLY;
		else if (!strcmp(v, "none"))
			vsyscall_mode = NONE;
		else
			pr_warn("vsyscall: unknown mode \"%s\", using emulate\n", v);
	}
	if (vsyscall_mode != EMULATE)
		return;
	map_vsyscall_into(init_pgd);
	if (pti_user_pgd())
		map_vsyscall_into(pti_user_pgd());
}

unsigned long vsyscall_gate_flags(void)
{
	switch (vsyscall_mode) {
	case EMULATE:
		return VM_READ | VM_EXEC;
	case XONLY:
		return VM_EXEC;
	default:
		return 0;
	}
}

/* Linux's warn_bad_vsyscall() line (level: a KERN_ literal). */
#define warn_bad_vsyscall(level, regs, message)				\
	printk(level "%s[%d] %s ip:%lx cs:%lx sp:%lx ax:%lx si:%lx di:%lx\n", \
	       current->comm, current->pid, message, (regs)->ip, (regs)->cs, \
	       (regs)->sp, (regs)->ax, (regs)->si, (regs)->di)

/* SIGSEGV for a vsyscall gone wrong, with no further report: Linux's
 * force_sig(SIGSEGV) here; a handler sees it at the vsyscall address. */
static void vsyscall_sigsegv(void)
{
	force_sig(SIGSEGV);
}

/*
 * A user-mode page fault at address in the vsyscall page.  True if it was
 * dealt with: the call made and returned from (rax set, rip the caller's
 * return address popped from the user stack), or SIGSEGV forced.  False
 * sends the fault down the ordinary path (its report and SIGSEGV), as for
 * Linux's emulate_vsyscall().
 */
bool emulate_vsyscall(struct pt_regs *regs, unsigned long address,
		      unsigned long error_code)
{
	unsigned long caller, off = address - VSYSCALL_ADDR;
	int nr;
	bool ok;
	long ret;

	if ((error_code & (X86_PF_WRITE | X86_PF_USER)) != X86_PF_USER)
		return false;
	if (!(error_code & X86_PF_INSTR)) {
		/* A read: emulate mode maps the page, so it is something else. */
		if (vsyscall_mode != EMULATE)
			warn_bad_vsyscall(KERN_INFO, regs, "vsyscall read attempt denied "
					  "-- look up the vsyscall kernel parameter if you need a workaround");
		return false;
	}
	if (vsyscall_mode == NONE) {
		warn_bad_vsyscall(KERN_INFO, regs, "vsyscall attempted with vsyscall=none");
		return false;
	}
	if (address != regs->ip || off % VSYSCALL_ENTRY_SIZE ||
	    off / VSYSCALL_ENTRY_SIZE > 2) {
		warn_bad_vsyscall(KERN_WARNING, regs, "misaligned vsyscall (exploit attempt "
				  "or buggy program) -- look up the vsyscall kernel parameter "
				  "if you need a workaround");
		vsyscall_sigsegv();
		return true;
	}
	if (get_user(caller, (unsigned long __user *)regs->sp)) {
		warn_bad_vsyscall(KERN_WARNING, regs, "vsyscall with bad stack (exploit attempt?)");
		vsyscall_sigsegv();
		return true;
	}
	switch (off / VSYSCALL_ENTRY_SIZE) {
	case 0:
		nr = __NR_gettimeofday;
		ok = access_ok((void __user *)regs->di, sizeof(struct __kernel_old_timeval)) &&
		     access_ok((void __user *)regs->si, sizeof(struct timezone));
		break;
	case 1:
		nr = __NR_time;
		ok = access_ok((void __user *)regs->di, sizeof(long));
		break;
	default:
		nr = __NR_getcpu;
		ok = access_ok((void __user *)regs->di, sizeof(unsigned int)) &&
		     access_ok((void __user *)regs->si, sizeof(unsigned int));
		break;
	}
	/* Pointers into the kernel fail first, as the real call's would. */
	ret = -EFAULT;
	if (ok) {
		regs->orig_ax = nr;
		regs->ax = -ENOSYS;
		ret = sys_call_table[nr](regs->di, regs->si, regs->dx, regs->r10,
					 regs->r8, regs->r9);
	}
	if (ret == -EFAULT) {
		/* A real vsyscall would have faulted on the pointer. */
		warn_bad_vsyscall(KERN_INFO, regs, "vsyscall fault (exploit attempt?)");
		vsyscall_sigsegv();
		return true;
	}
	regs->ax = ret;
	regs->orig_ax = -1;	/* not a syscall instruction: nothing to restart */
	regs->ip = caller;	/* the "ret" of the entry */
	regs->sp += 8;
	return true;
}
