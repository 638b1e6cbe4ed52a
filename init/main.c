// SPDX-License-Identifier: GPL-2.0
/*
 * From a running kernel to the first user program.
 *
 * The command line works as on Linux: rdinit= names the program run from
 * the initramfs (default CONFIG_DEFAULT_INIT), init= the one tried after
 * it; words after "--" are init's arguments; other words that are not
 * kernel parameters go to init too, as arguments or, when they contain
 * '=', as environment strings after HOME=/ and TERM=linux.
 */
#include <lego/kernel.h>
#include <lego/init.h>
#include <lego/sched.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/binfmts.h>
#include <lego/cmdline.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/ktest.h>
#include <lego/tty.h>
#include <lego/strace.h>
#include <lego/device.h>
#include <lego/rpc.h>
#include <lego/rmem.h>
#include <lego/time.h>
#include <lego/kmem.h>
#include <asm/bootparam.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/syscall.h>
#include <lego/futex.h>


#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

static const char *argv_init[MAX_INIT_ARGS + 2];
static const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux" };
static int argc_init = 1, envc_init = 2;
static const char *ramdisk_execute_command = CONFIG_DEFAULT_INIT;
static const char *execute_command;
static char cmdline_copy[sizeof(boot_params.cmdline)];

/* Parameters the kernel itself takes; everything else goes to init. */
static const char *const kernel_params[] = {
	"console", "rdinit", "init", "ktest", "quiet", "loglevel", "nosmap",
	"nosmep", "panic", "debug", "earlyprintk", "root", "rw", "ro",
	"strace", "vsyscall", "vdso", "noapic", "acpi", "mem", "nokaslr",
};

static bool is_kernel_param(const char *param)
{
	size_t i;

	if (strchr(param, '.'))		/* module.param: never init's */
		return true;
	for (i = 0; i < ARRAY_SIZE(kernel_params); i++)
		if (!strcmp(param, kernel_params[i]))
			return true;
	return false;
}

static int init_param(char *param, char *val, void *arg)
{
	if (!strcmp(param, "rdinit") && val)
		ramdisk_execute_command = val;
	else if (!strcmp(param, "init") && val)
		execute_command = val;
	else if (!strcmp(param, "loglevel") && val)
		console_loglevel = simple_strtoul(val, NULL, 10);
	else if (!strcmp(param, "quiet"))
		console_loglevel = 4;

	else if (!is_kernel_param(param)) {
		if (val && envc_init < MAX_INIT_ENVS) {
			val[-1] = '=';		/* give back "name=value" */
			envp_init[envc_init++] = param;
		} else if (!val && argc_init < MAX_INIT_ARGS) {
			argv_init[argc_init++] = param;
		}
	}
	return 0;
}

static void parse_init_args(void)
{
	char *rest = NULL;

	strscpy(cmdline_copy, boot_params.cmdline, sizeof(cmdline_copy));
	parse_cmdline(cmdline_copy, init_param, NULL, &rest);
	if (rest)
		argc_init += split_args(rest, (char **)&argv_init[argc_init],
					MAX_INIT_ARGS - argc_init);
	argv_init[argc_init] = NULL;
	envp_init[envc_init] = NULL;
}

static int run_init_process(const char *path)
{
	argv_init[0] = path;
	pr_info("Run %s as init process\n", path);
	return kernel_execve(path, argv_init, envp_init);
}

/* fds 0, 1 and 2 on /dev/console, as Linux's console_on_rootfs(). */
static void console_on_rootfs(void)
{
	struct file *f = filp_open("/dev/console", O_RDWR);

	if (IS_ERR(f)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	fd_install(f, 0);
	get_file(f);
	get_file(f);
	fd_install(f, 0);
	fd_install(f, 0);
}

/* Pid 1 starts as a kernel thread and becomes the first user program. */
static int kernel_init(void *unused)
{
	static const char *const defaults[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	struct dentry *d;
	size_t i;
	int r;

	/* Devices and the RPC layer start here, so that init is pid 1 and
	 * their kernel threads come after it, as on Linux. */
	driver_init();
	if (!lego_net_init(boot_params.cmdline)) {
		/* A memory or storage component serves its peers, runs no init. */
		pr_info("Lego: %s component ready\n", lego_role_name(lego_current_role()));
		for (;;)
			sleep_until_ns(ktime_get_ns() + 3600 * NSEC_PER_SEC);
	}
	rmem_init(boot_params.cmdline);
	current->files = alloc_files();
	current->fs = alloc_fs();
	if (!current->files || !current->fs)
		panic("out of memory starting init");
	console_on_rootfs();
	rfs_init(boot_params.cmdline);

	if (ramdisk_execute_command &&
	    kern_path(ramdisk_execute_command, LOOKUP_FOLLOW, &d) == 0) {
		path_put(d);
		r = run_init_process(ramdisk_execute_command);
		if (!r)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, r);
	}
	if (execute_command) {
		r = run_init_process(execute_command);
		if (!r)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, r);
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!run_init_process(defaults[i]))
			return 0;
	panic("No working init found.  Try passing init= option to kernel.");
}

void start_kernel(void)
{
	random_init();
	vfs_init();
	if (IS_ENABLED(CONFIG_BLK_DEV_INITRD) && boot_params.initrd_size) {
		int n = unpack_initramfs(__va(boot_params.initrd_start),
					 boot_params.initrd_size);

		if (n >= 0)
			pr_info("initramfs: %d entries from %llu bytes\n", n,
				boot_params.initrd_size);
	}
	chrdev_init();
	proc_init();
	strace_init(boot_params.cmdline);
	syscall_homes_init();
	kmem_init();
	signals_init(boot_params.cmdline);
	futex_init();
	tty_init();
	parse_init_args();
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run(boot_params.cmdline);
	if (!user_mode_thread(kernel_init, NULL, "init"))
		panic("cannot create init");
	local_irq_enable();
	cpu_idle_loop();
}
