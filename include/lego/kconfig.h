/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included first into every kernel file (-include): the configuration and
 * the IS_ENABLED() helper, so that code says `if (IS_ENABLED(CONFIG_FOO))`
 * and both branches stay compiled and type-checked.
 */
#ifndef _LEGO_KCONFIG_H
#define _LEGO_KCONFIG_H

#include <generated/autoconf.h>

/* IS_ENABLED(CONFIG_X) is 1 when CONFIG_X is defined to 1, else 0. */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option)		__is_defined(option)

#endif /* _LEGO_KCONFIG_H */
