// SPDX-License-Identifier: GPL-2.0
/*
 * reboot(2): power off, halt or restart the machine (what busybox's
 * poweroff, halt and reboot end in).  Linux's order of checks: privilege
 * (EPERM), the two magic numbers (EINVAL), the command (EINVAL).  The RAM
 * file systems have nothing to write back first.
 */
#include <lego/kernel.h>
#include <lego/sched.h>
#include <lego/syscalls.h>
#include <lego/errno.h>
#include <lego/reboot.h>
#include <lego/capability.h>
#include <lego/string.h>
#include <asm/uaccess.h>

/* include/uapi/linux/reboot.h */
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216

#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2	0xA1B2C3D4
#define LINUX_REBOOT_CMD_SW_SUSPEND	0xD000FCE2
#define LINUX_REBOOT_CMD_KEXEC		0x45584543

/* What Ctrl-Alt-Del does: reboot at once, or signal init (the default).
 * The serial console has no such key; kept for the ABI. */
static bool cad_reboots;

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	char why[256];

	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		machine_restart();
	case LINUX_REBOOT_CMD_RESTART2:
		if (strncpy_from_user(why, arg, sizeof(why)) < 0)
			return -EFAULT;
		why[sizeof(why) - 1] = 0;
		pr_emerg("reboot: Restarting system with command '%s'\n", why);
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		machine_power_off(0);
	case LINUX_REBOOT_CMD_CAD_ON:
		cad_reboots = true;
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		cad_reboots = false;
		return 0;
	default:
		/* Includes SW_SUSPEND and KEXEC: Lego has neither (Linux
		 * without hibernation or kexec: EINVAL too for kexec). */
		return -EINVAL;
	}
}
