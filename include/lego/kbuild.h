/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_KBUILD_H
#define _LEGO_KBUILD_H

/* For asm-offsets.c: a marker line "->SYM VAL" in the compiler's output. */
#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %0\"" : : "i" (val))

#endif /* _LEGO_KBUILD_H */
