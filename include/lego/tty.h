/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_TTY_H
#define _LEGO_TTY_H

struct file_operations;
struct signal_struct;

/* The console tty (drivers/tty/tty.c). */
void tty_init(void);
extern const struct file_operations tty_fops;
/* A session leader's process is gone: its terminal is nobody's now. */
void disassociate_ctty(struct signal_struct *sig);

#endif /* _LEGO_TTY_H */
