/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_REBOOT_H
#define _LEGO_REBOOT_H

#include <lego/compiler.h>

/* Ends the machine; under QEMU with isa-debug-exit, with this status. */
__noreturn void machine_power_off(int status);
__noreturn void machine_restart(void);
__noreturn void machine_halt(void);

#endif /* _LEGO_REBOOT_H */
