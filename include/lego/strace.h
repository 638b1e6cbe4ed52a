/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_STRACE_H
#define _LEGO_STRACE_H

#include <lego/types.h>
#include <lego/compiler.h>

struct pt_regs;
struct task_struct;

#ifdef CONFIG_STRACE
/* True while tracing or statistics are on: do_syscall_64 then calls
 * through strace_syscall(), the 32-bit entries through
 * strace_syscall_ia32(). */
extern bool strace_active;
long strace_syscall(struct pt_regs *regs, unsigned int nr);
long strace_syscall_ia32(struct pt_regs *regs, unsigned int nr);
void strace_init(const char *cmdline);
void strace_task_free(struct task_struct *t);
void strace_poweroff(void);
#else
#define strace_active false
static inline long strace_syscall(struct pt_regs *regs, unsigned int nr) { return 0; }
static inline long strace_syscall_ia32(struct pt_regs *regs, unsigned int nr) { return 0; }
static inline void strace_init(const char *cmdline) { }
static inline void strace_task_free(struct task_struct *t) { }
static inline void strace_poweroff(void) { }
#endif

#endif /* _LEGO_STRACE_H */
