/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_INIT_H
#define _LEGO_INIT_H

#include <lego/compiler.h>
#include <generated/utsrelease.h>

__noreturn void start_kernel(void);

/* The kernel command line, as the boot loader passed it. */
extern char boot_command_line[];

#endif /* _LEGO_INIT_H */
