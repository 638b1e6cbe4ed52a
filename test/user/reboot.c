// reboot(2): the magic numbers and commands are checked (EINVAL), the
// Ctrl-Alt-Del setting changes, and LINUX_REBOOT_CMD_POWER_OFF ends the
// machine at once: nothing after it runs (qemu-run.sh reports the
// power-off, "reboot: Power down", as status 0).
// lego-test: libc=musl
// lego-test: status=0
// lego-test: console=reboot: Power down
#define LT_SUITE "reboot"
#include "lego_test.h"
#include <errno.h>

#define NR_reboot		169
#define MAGIC1			0xfee1deadL
#define MAGIC2			672274793L
#define CMD_CAD_ON		0x89ABCDEFL
#define CMD_CAD_OFF		0x00000000L
#define CMD_POWER_OFF		0x4321FEDCL

int main(void)
{
	EXPECT_EQ("bad_magic1", lt_syscall4(NR_reboot, 0x12345678, MAGIC2, CMD_CAD_OFF, 0), -EINVAL);
	EXPECT_EQ("bad_magic2", lt_syscall4(NR_reboot, MAGIC1, 1, CMD_CAD_OFF, 0), -EINVAL);
	EXPECT_EQ("bad_cmd", lt_syscall4(NR_reboot, MAGIC1, MAGIC2, 0x12345678, 0), -EINVAL);
	EXPECT_EQ("magic2a", lt_syscall4(NR_reboot, MAGIC1, 85072278, CMD_CAD_OFF, 0), 0);
	EXPECT_EQ("cad_on", lt_syscall4(NR_reboot, MAGIC1, MAGIC2, CMD_CAD_ON, 0), 0);
	EXPECT_EQ("cad_off", lt_syscall4(NR_reboot, MAGIC1, MAGIC2, CMD_CAD_OFF, 0), 0);
	/* Reported before the machine goes: a line after it would be a bug. */
	lt_check("power_off_returns_not", 1, "");
	lt_syscall4(NR_reboot, MAGIC1, MAGIC2, CMD_POWER_OFF, 0);
	lt_check("power_off_returned", 0, "reboot(POWER_OFF) returned");
	return lt_done();
}
