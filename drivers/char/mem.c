// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1 (null 1:3, zero 1:5, full 1:7, random
 * 1:8, urandom 1:9) and the console tty's numbers (tty 5:0, console 5:1,
 * ttyS0 4:64), with Linux's numbers and devtmpfs modes.  At boot /dev is
 * a devtmpfs with their nodes, plus the /dev/fd and /dev/std* links an
 * init system would add.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/tty.h>
#include <uapi/lego/mount.h>
#include <asm/uaccess.h>

/* /dev/null: reads end at once, writes vanish. */
static ssize_t null_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	size_t n = from->count;

	iov_iter_advance(from, n);
	return n;
}

/* Every position is 0, as Linux's null_lseek. */
static loff_t null_lseek(struct file *f, loff_t off, int whence)
{
	return f->f_pos = 0;
}

/* /dev/zero and /dev/full read zeros; a fault ends the read short. */
static ssize_t zero_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	size_t n = to->count, done = iov_iter_zero(n, to);

	if (!done && n)
		return -EFAULT;
	return done;
}

/* /dev/full: every write fails with ENOSPC. */
static ssize_t full_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	return from->count ? -ENOSPC : 0;
}

/* /dev/random and /dev/urandom: the kernel's generator, never blocking
 * (it is seeded at boot); writes are accepted and mixed in by nobody. */
static ssize_t random_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	u8 tmp[256];
	size_t done = 0;

	while (to->count) {
		size_t c = min(to->count, sizeof(tmp)), moved;

		get_random_bytes(tmp, c);
		moved = copy_to_iter(tmp, c, to);
		done += moved;
		if (moved < c)
			break;
	}
	memset(tmp, 0, sizeof(tmp));
	return done ? (ssize_t)done : (to->count ? -EFAULT : 0);
}

static const struct file_operations null_fops = {
	.read_iter = null_read, .write_iter = null_write, .llseek = null_lseek,
};
static const struct file_operations zero_fops = {
	.read_iter = zero_read, .write_iter = null_write, .llseek = null_lseek,
};
static const struct file_operations full_fops = {
	.read_iter = zero_read, .write_iter = full_write, .llseek = null_lseek,
};
static const struct file_operations random_fops = {
	.read_iter = random_read, .write_iter = null_write, .llseek = null_lseek,
};

static const struct {
	const char *name;
	unsigned int major, minor;
	umode_t mode;
	const struct file_operations *fops;
} devices[] = {
	{ "null",	1, 3,	0666, &null_fops },
	{ "zero",	1, 5,	0666, &zero_fops },
	{ "full",	1, 7,	0666, &full_fops },
	{ "random",	1, 8,	0666, &random_fops },
	{ "urandom",	1, 9,	0666, &random_fops },
	{ "tty",	5, 0,	0666, &tty_fops },
	{ "console",	5, 1,	0600, &tty_fops },
	{ "ttyS0",	4, 64,	0600, &tty_fops },
};

static const char *const links[][2] = {
	{ "/proc/self/fd", "/dev/fd" },
	{ "/proc/self/fd/0", "/dev/stdin" },
	{ "/proc/self/fd/1", "/dev/stdout" },
	{ "/proc/self/fd/2", "/dev/stderr" },
};

/* Registers the devices and mounts a devtmpfs on /dev (made if missing). */
void chrdev_init(void)
{
	struct dentry *dev;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(devices); i++)
		if (register_chrdev(devices[i].major, devices[i].minor, devices[i].name,
				    devices[i].mode, devices[i].fops))
			panic("cannot register /dev/%s", devices[i].name);
	devtmpfs_init();
	if (kern_path("/dev", LOOKUP_FOLLOW, &dev)) {
		if (kern_mkdir("/dev", 0755))
			panic("cannot create /dev");
	} else {
		path_put(dev);
	}
	if (do_mount_at("devtmpfs", "/dev", "devtmpfs", 0, NULL))
		panic("cannot mount devtmpfs on /dev");
	for (i = 0; i < ARRAY_SIZE(links); i++)
		kern_symlink(links[i][0], links[i][1]);
}
