/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

/* What fs/proc.c and fs/proc_pid.c share. */
#include <lego/fs.h>

#define PROC_BUF_SIZE	(64 * 1024)
#define FIRST_PID_POS	256	/* directory position of pid 0 in /proc */

/*
 * Inode numbers are fixed, so a listing and a stat agree (glibc's
 * readdir also skips entries with d_ino 0): registered entries count
 * from 2; a process's directory is pid << 16 | 1, its entries
 * pid << 16 | 2 + index; fd/N and fdinfo/N put pid above bit 32.
 */
#define PID_INO(pid, idx)	(((unsigned long)(pid) << 16) | (idx))
#define FD_INO(pid, fd, info)	(((unsigned long)(pid) << 32) | ((info) ? 0x40000000UL : \
				 0x80000000UL) | (unsigned int)(fd))

struct proc_dir_entry;
struct pid_entry;

/* i_private of every /proc inode. */
struct proc_inode {
	struct proc_dir_entry *pde;	/* registered entries */
	pid_t pid;			/* per-process entries: the task */
	int fd;				/* fd/N, fdinfo/N */
	const struct pid_entry *pent;
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return inode->i_private;
}

/* Sums over every task, for /proc/stat, uptime and loadavg. */
struct proc_totals {
	u64 utime, stime, ctxt;
	unsigned int running, blocked, tasks;
	pid_t last_pid;
};

void proc_task_totals(struct proc_totals *t);
int proc_pid_lookup(struct inode *dir, struct dentry *d);
int proc_pid_readdir(struct file *f, struct dir_context *ctx);
struct inode *proc_new_inode(struct super_block *sb, umode_t mode, uid_t uid, gid_t gid);
int proc_setattr(struct dentry *d, const struct iattr *attr);
ssize_t proc_read_text(const char *text, ssize_t len, struct iov_iter *to, loff_t *pos);
char *proc_buf(void);
void proc_buf_free(char *buf);
loff_t proc_llseek(struct file *f, loff_t off, int whence);
u64 ns_to_ticks(u64 ns);

#endif /* _FS_PROC_INTERNAL_H */
