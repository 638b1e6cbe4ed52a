/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Linux version whose ABI Lego follows: uname's release begins with
 * it, and the vDSO's "Linux" ELF note carries it as Linux's
 * LINUX_VERSION_CODE does, (version << 16) + (patchlevel << 8) + sublevel.
 * Plain macros: assembly includes this too.
 */
#ifndef _LEGO_LINUX_ABI_H
#define _LEGO_LINUX_ABI_H

#define LINUX_ABI_VERSION	6
#define LINUX_ABI_PATCHLEVEL	1
#define LINUX_ABI_SUBLEVEL	0

#define __LINUX_ABI_STR(x)	#x
#define __LINUX_ABI_RELEASE(a, b, c)	__LINUX_ABI_STR(a) "." __LINUX_ABI_STR(b) "." __LINUX_ABI_STR(c)
#define LINUX_ABI_RELEASE	__LINUX_ABI_RELEASE(LINUX_ABI_VERSION, \
				LINUX_ABI_PATCHLEVEL, LINUX_ABI_SUBLEVEL)
#define LINUX_ABI_VERSION_CODE	((LINUX_ABI_VERSION << 16) + \
				 (LINUX_ABI_PATCHLEVEL << 8) + LINUX_ABI_SUBLEVEL)

#endif /* _LEGO_LINUX_ABI_H */
