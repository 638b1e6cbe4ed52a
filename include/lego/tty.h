/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_TTY_H
#define _LEGO_TTY_H

struct file_operations;

/* The console tty (drivers/tty/tty.c). */
void tty_init(void);
extern const struct file_operations tty_fops;

#endif /* _LEGO_TTY_H */
