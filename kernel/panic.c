// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), WARN() and BUG(), and the frame-pointer backtrace they print.
 * With CONFIG_FRAME_POINTER every C function saves the caller's rbp under
 * its return address, so [rbp] is the previous frame and [rbp + 8] the
 * return address (x86-64 psABI 3.2.2, with -fno-omit-frame-pointer).
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/reboot.h>
#include <lego/time.h>
#include <lego/cmdline.h>
#include <lego/string.h>
#include <lego/smp.h>
#include <lego/kmem.h>
#include <asm/irqflags.h>
#include <asm/page_types.h>

int panic_in_progress;
int panic_timeout;

/* panic=N is read early: a panic can come before the command line's
 * other parameters are parsed. */
void panic_parse_cmdline(const char *cmdline)
{
	char v[24];
	long t;

	if (cmdline_get(cmdline, "panic", v, sizeof(v)) && !kstrtol(v, 10, &t))
		panic_timeout = t;
}

static bool kernel_text_address(unsigned long a)
{
	extern char _stext[], _etext[];

	return a >= (unsigned long)_stext && a < (unsigned long)_etext;
}

static bool on_kernel_stack(unsigned long p)
{
	return p >= __START_KERNEL_map || (p >= VMALLOC_START && p < VMALLOC_END);
}

void show_backtrace(unsigned long bp)
{
	int depth = 0;

	while (bp && on_kernel_stack(bp) && !(bp & 7) && depth++ < 32) {
		unsigned long ret = ((unsigned long *)bp)[1];

		if (!kernel_text_address(ret))
			break;
		printk(KERN_EMERG " [<%016lx>] %pS\n", ret, (void *)ret);
		bp = ((unsigned long *)bp)[0];
	}
}

void dump_stack(void)
{
	printk(KERN_EMERG "Call Trace:\n");
	show_backtrace((unsigned long)__builtin_frame_address(0));
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	local_irq_disable();
	if (__atomic_fetch_add(&panic_in_progress, 1, __ATOMIC_SEQ_CST))
		machine_halt();		/* a panic while panicking, or on two CPUs */
	smp_send_stop();
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	/* panic=N: restart after N seconds; negative: at once; 0: halt. */
	if (panic_timeout > 0)
		ndelay_tsc((u64)panic_timeout * NSEC_PER_SEC);
	if (panic_timeout)
		machine_restart();
	machine_halt();
}

void __warn(const char *file, int line, const char *fmt, ...)
{
	char buf[256];
	va_list args;
	struct task_struct *t = current;

	kmem_inc(KMEM_WARNINGS);
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d: %s\n",
	       smp_processor_id(), t ? t->pid : 0, file, line, buf);
	dump_stack();
	printk(KERN_WARNING "---[ end trace ]---\n");
}

void __bug(const char *file, int line)
{
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	panic("BUG");
}
