/* SPDX-License-Identifier: GPL-2.0 */
/*
 * syscall_regs.h: a SYSCALL with every general register and rflags
 * chosen by the test, and every register captured as it came back.
 * Include after lego_test.h.
 */
#ifndef SYSCALL_REGS_H
#define SYSCALL_REGS_H

enum { RAX, RBX, RCX, RDX, RSI, RDI, RBP, R8, R9, R10, R11, R12, R13, R14,
       R15, FLAGS, NREGS };
static const char *const names[NREGS] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9", "r10",
	"r11", "r12", "r13", "r14", "r15", "rflags",
};

/*
 * void regs_syscall(const unsigned long in[NREGS], unsigned long out[NREGS])
 * Loads every general register and rflags from in[], executes SYSCALL,
 * and stores every register and rflags as they came back into out[].
 * regs_int80 does the same around int $0x80 (the 32-bit entry).
 */
#define REGS_ENTRY_ASM(fn, insn)					\
	".text\n"							\
	".globl " fn ", " fn "_ret\n"					\
	fn ":\n"							\
	"	push %rbx; push %rbp; push %r12; push %r13; push %r14; push %r15\n" \
	"	push %rsi\n"				/* out */	\
	"	pushq 15*8(%rdi)\n"					\
	"	popfq\n"				/* the flags to test */	\
	"	mov 0*8(%rdi), %rax\n"					\
	"	mov 1*8(%rdi), %rbx\n"					\
	"	mov 2*8(%rdi), %rcx\n"					\
	"	mov 3*8(%rdi), %rdx\n"					\
	"	mov 4*8(%rdi), %rsi\n"					\
	"	mov 6*8(%rdi), %rbp\n"					\
	"	mov 7*8(%rdi), %r8\n"					\
	"	mov 8*8(%rdi), %r9\n"					\
	"	mov 9*8(%rdi), %r10\n"					\
	"	mov 10*8(%rdi), %r11\n"					\
	"	mov 11*8(%rdi), %r12\n"					\
	"	mov 12*8(%rdi), %r13\n"					\
	"	mov 13*8(%rdi), %r14\n"					\
	"	mov 14*8(%rdi), %r15\n"					\
	"	mov 5*8(%rdi), %rdi\n"					\
	"	" insn "\n"						\
	fn "_ret:\n"							\
	"	pushfq\n"						\
	"	push %r15; push %r14; push %r13; push %r12; push %r11; push %r10\n" \
	"	push %r9; push %r8; push %rbp; push %rdi; push %rsi; push %rdx\n" \
	"	push %rcx; push %rbx; push %rax\n"			\
	"	pushq $0x202\n"		/* sane flags again: DF, AC, NT off */ \
	"	popfq\n"						\
	"	mov 16*8(%rsp), %rdi\n"					\
	"	mov %rsp, %rsi\n"					\
	"	mov $16, %ecx\n"					\
	"	rep movsq\n"						\
	"	add $17*8, %rsp\n"					\
	"	pop %r15; pop %r14; pop %r13; pop %r12; pop %rbp; pop %rbx\n" \
	"	ret\n"
asm(REGS_ENTRY_ASM("regs_syscall", "syscall"));
asm(REGS_ENTRY_ASM("regs_int80", "int $0x80"));
void regs_syscall(const unsigned long *in, unsigned long *out);
void regs_int80(const unsigned long *in, unsigned long *out);
extern char regs_syscall_ret[], regs_int80_ret[];

#define X86_EFLAGS_CF	0x0001UL
#define X86_EFLAGS_FIXED 0x0002UL
#define X86_EFLAGS_PF	0x0004UL
#define X86_EFLAGS_ZF	0x0040UL
#define X86_EFLAGS_SF	0x0080UL
#define X86_EFLAGS_IF	0x0200UL
#define X86_EFLAGS_DF	0x0400UL
#define X86_EFLAGS_OF	0x0800UL
#define X86_EFLAGS_NT	0x4000UL
#define X86_EFLAGS_AC	0x40000UL

static void fill(unsigned long *in, unsigned long nr, unsigned long flags)
{
	int i;

	for (i = 0; i < NREGS; i++)
		in[i] = 0x0101010101010101UL * (i + 1) ^ 0x8000000000000000UL;
	in[RAX] = nr;
	in[FLAGS] = flags | X86_EFLAGS_FIXED | X86_EFLAGS_IF;
}

/* Every register but rax, rcx and r11 as it went in. */
static int check_untouched(const char *name, const unsigned long *in,
			   const unsigned long *out)
{
	int i, ok = 1;

	for (i = 0; i < FLAGS; i++) {
		if (i == RAX || i == RCX || i == R11)
			continue;
		if (in[i] != out[i]) {
			lt_check(name, 0, "%s changed: %lx -> %lx", names[i], in[i], out[i]);
			ok = 0;
		}
	}
	if (ok)
		lt_check(name, 1, "");
	return ok;
}

#endif /* SYSCALL_REGS_H */
