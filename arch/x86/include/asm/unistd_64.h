/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_UNISTD_64_H
#define _ASM_X86_UNISTD_64_H
/* The syscall numbers, generated from syscall_64.tbl by syscallhdr.sh. */
#include <generated/uapi/asm/unistd_64.h>
#endif
