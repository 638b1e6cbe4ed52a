// SPDX-License-Identifier: GPL-2.0
/*
 * lego-storaged: a Lego storage component as a Linux program.  It serves
 * one host directory over the Lego RPC storage protocol
 * (include/uapi/lego/rpc_proto.h), with the same protocol code as a Lego
 * storage kernel (net/rpc_core.c, net/storage_proto.c), on
 *
 *   --udp [ADDR:]PORT  QEMU's -netdev dgram: each UDP datagram is one
 *                      Ethernet frame (replies go where requests came from)
 *   --iface IFNAME     a raw AF_PACKET socket on a real Ethernet segment,
 *                      frames of EtherType 0x88B5 (needs CAP_NET_RAW)
 *
 *   lego-storaged --root DIR [--node N] [--mac MAC] (--udp P | --iface IF) [-v]
 *
 * Nothing outside DIR is ever served: paths are walked one component at
 * a time below DIR with O_NOFOLLOW, symbolic links are expanded by this
 * program as if DIR were the root directory (an absolute target starts
 * at DIR, ".." stops at DIR), and only regular files and directories are
 * opened.  It is one single-threaded loop: a request runs to completion
 * before the next frame is read.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "lego_tool.h"

#include "rpc_core.h"
#include "storage_proto.h"

#define SRV_SLOTS		512
#define SRV_MAX_BYTES		(32u << 20)
#define RESEND_GAP_NS		(10 * 1000000ull)
#define REPLY_TTL_NS		(240 * 1000000000ull)
#define RECV_TTL_NS		(10 * 1000000000ull)
#define MAX_HANDLES		1024
#define MAX_LINKS		40
#define MAX_DEPTH		256
#define MAX_DEFERRED		64

static int verbose;
static int my_node = 3;
static rpc_u8 my_mac[6] = { 0x52, 0x54, 0x00, 0x4c, 0x00, 0x00 };
static int root_fd = -1;
static rpc_u32 instance;		/* in every handle: stale after a restart */

/* ------------------------------------------------------------ utilities */
static void logmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "lego-storaged: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static rpc_u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (rpc_u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

void *rpc_core_alloc(size_t n)
{
	return malloc(n);
}

void rpc_core_free(void *p)
{
	free(p);
}

/* ------------------------------------------------------------ paths */
/*
 * Walks path below the served root.  On success *parent is a new file
 * descriptor of the directory holding the final component and last is
 * that component ("." when the path names a directory itself, such as
 * "/" or "a/.."); the caller acts on it with *at() calls that follow no
 * symbolic link.  With follow, a final symbolic link is expanded too.
 * A final component that does not exist is not an error here.
 */
static int walk(const char *path, int follow, int *parent, char *last)
{
	int stack[MAX_DEPTH], depth = 0, links = 0, r = 0;
	char *buf = malloc(2 * RPC_PATH_MAX), *rest, *comp;
	char *link = malloc(RPC_PATH_MAX);
	struct stat st;

	if (!buf || !link) {
		free(buf);
		free(link);
		return -ENOMEM;
	}
	stack[0] = dup(root_fd);
	if (stack[0] < 0) {
		r = -errno;
		goto out;
	}
	snprintf(buf, 2 * RPC_PATH_MAX, "%s", path);
	rest = buf;
	for (;;) {
		size_t n;
		int is_last, slash;

		while (*rest == '/')
			rest++;
		if (!*rest) {			/* the directory itself */
			strcpy(last, ".");
			break;
		}
		comp = rest;
		n = strcspn(comp, "/");
		rest = comp + n;
		slash = *rest == '/';
		if (slash)
			*rest++ = 0;
		is_last = !rest[strspn(rest, "/")];
		if (n > NAME_MAX) {
			r = -ENAMETOOLONG;
			break;
		}
		if (!strcmp(comp, ".") || !strcmp(comp, "..")) {
			if (comp[1] == '.' && depth > 0)
				close(stack[depth--]);
			if (is_last) {
				strcpy(last, ".");
				break;
			}
			continue;
		}
		if (is_last && !follow && !slash) {
			strcpy(last, comp);
			break;
		}
		if (fstatat(stack[depth], comp, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			if (errno == ENOENT && is_last) {
				strcpy(last, comp);
				break;
			}
			r = -errno;
			break;
		}
		if (S_ISLNK(st.st_mode)) {
			ssize_t len;
			size_t restlen = strlen(rest);

			if (++links > MAX_LINKS) {
				r = -ELOOP;
				break;
			}
			len = readlinkat(stack[depth], comp, link, RPC_PATH_MAX - 1);
			if (len <= 0 || (size_t)len + 1 + restlen >= 2 * RPC_PATH_MAX) {
				r = len < 0 ? -errno : -ENAMETOOLONG;
				break;
			}
			/* An absolute target starts again at the served root. */
			if (link[0] == '/')
				while (depth > 0)
					close(stack[depth--]);
			/* target + "/" + the rest; the slash only if one was there. */
			memmove(buf + len + slash, rest, restlen + 1);
			memcpy(buf, link, len);
			if (slash)
				buf[len] = '/';
			rest = buf;
			continue;
		}
		if (is_last) {
			/* "dir/" names a directory, nothing else. */
			if (slash && !S_ISDIR(st.st_mode)) {
				r = -ENOTDIR;
				break;
			}
			strcpy(last, comp);
			break;
		}
		if (!S_ISDIR(st.st_mode)) {
			r = -ENOTDIR;
			break;
		}
		if (depth + 1 >= MAX_DEPTH) {
			r = -ENAMETOOLONG;
			break;
		}
		stack[depth + 1] = openat(stack[depth], comp,
					  O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (stack[depth + 1] < 0) {
			r = -errno;
			break;
		}
		depth++;
	}
out:
	/* The innermost directory is the parent; the others are done with. */
	if (r == 0)
		*parent = stack[depth--];
	while (depth >= 0)
		if (stack[depth--] >= 0)
			close(stack[depth + 1]);
	free(buf);
	free(link);
	return r;
}

/*
 * walk(), and refuses a final "." for the operations that change a name
 * (err is what Linux says for the directory itself).
 */
static int walk_name(const char *path, int *parent, char *last, int err)
{
	int r = walk(path, 0, parent, last);

	if (!r && !strcmp(last, ".")) {
		close(*parent);
		return err;
	}
	return r;
}

/* ------------------------------------------------------------ handles */
static struct handle {
	int fd, node;
	rpc_u16 gen;
	int in_use;
} handles[MAX_HANDLES];

static struct handle *get_handle(int node, rpc_u64 h, long *err)
{
	struct handle *hd;
	rpc_u32 idx;
	rpc_u16 gen;

	*err = storage_handle_parse(h, instance, &gen, &idx);
	if (*err)
		return NULL;
	*err = -EBADF;
	if (idx >= MAX_HANDLES)
		return NULL;
	hd = &handles[idx];
	if (!hd->in_use || hd->gen != gen || hd->node != node)
		return NULL;
	return hd;
}

/* The handle's file descriptor, or -ESTALE / -EBADF. */
static int handle_fd(int node, rpc_u64 h)
{
	long err;
	struct handle *hd = get_handle(node, h, &err);

	return hd ? hd->fd : (int)err;
}

/* A libc call's result as the protocol's: -errno on failure. */
static long sysret(long r)
{
	return r < 0 ? -errno : r;
}

static void to_rpc_stat(const struct stat *s, struct rpc_stat *r)
{
	r->ino = s->st_ino;
	r->mode = s->st_mode;
	r->nlink = s->st_nlink;
	r->uid = s->st_uid;
	r->gid = s->st_gid;
	r->rdev = s->st_rdev;
	r->size = s->st_size;
	r->blocks = s->st_blocks;
	r->blksize = s->st_blksize;
	r->atime = s->st_atim.tv_sec;
	r->atime_ns = s->st_atim.tv_nsec;
	r->mtime = s->st_mtim.tv_sec;
	r->mtime_ns = s->st_mtim.tv_nsec;
	r->ctime = s->st_ctim.tv_sec;
	r->ctime_ns = s->st_ctim.tv_nsec;
}

/* ------------------------------------------------------------ storage ops */
/* Flags and mode arrive checked (RPC_ST_OPEN_FLAGS, storage_dispatch). */
static long st_open(void *ctx, int node, const char *path, rpc_u32 flags, rpc_u32 mode,
		    rpc_u64 *handle, struct rpc_stat *rst)
{
	int parent, fd, i, r;
	char last[NAME_MAX + 1];
	struct stat st;

	for (i = 0; i < MAX_HANDLES && handles[i].in_use; i++)
		;
	if (i == MAX_HANDLES)
		return -EMFILE;
	r = walk(path, !(flags & O_NOFOLLOW), &parent, last);
	if (r)
		return r;
	/* Only files and directories: a FIFO or device is never opened. */
	if (fstatat(parent, last, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		close(parent);
		return S_ISLNK(st.st_mode) ? -ELOOP : -EACCES;
	}
	fd = openat(parent, last, (flags & ~O_CLOEXEC) | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
		    mode);
	r = fd < 0 ? -errno : 0;
	close(parent);
	if (r)
		return r;
	if (fstat(fd, &st) < 0 || (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
		close(fd);
		return -EACCES;
	}
	/* Non-blocking was ours, not the caller's. */
	if (!(flags & O_NONBLOCK))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	handles[i].fd = fd;
	handles[i].node = node;
	handles[i].gen++;
	handles[i].in_use = 1;
	*handle = storage_handle(instance, handles[i].gen, i);
	to_rpc_stat(&st, rst);
	return 0;
}

static long st_close(void *ctx, int node, rpc_u64 h)
{
	long err;
	struct handle *hd = get_handle(node, h, &err);

	if (!hd)
		return err;
	close(hd->fd);
	hd->in_use = 0;
	return 0;
}

static long st_read(void *ctx, int node, rpc_u64 h, void *buf, rpc_u32 count,
		    const rpc_u64 *off)
{
	int fd = handle_fd(node, h);

	return fd < 0 ? fd : sysret(off ? pread(fd, buf, count, *off) : read(fd, buf, count));
}

static long st_write(void *ctx, int node, rpc_u64 h, const void *buf, rpc_u32 count,
		     const rpc_u64 *off)
{
	int fd = handle_fd(node, h);

	return fd < 0 ? fd : sysret(off ? pwrite(fd, buf, count, *off) : write(fd, buf, count));
}

static long st_lseek(void *ctx, int node, rpc_u64 h, rpc_s64 off, rpc_u32 whence,
		     rpc_u64 *pos)
{
	int fd = handle_fd(node, h);
	off_t o;

	if (fd < 0)
		return fd;
	if (whence > SEEK_HOLE)
		return -EINVAL;
	o = lseek(fd, off, whence);
	if (o < 0)
		return -errno;
	*pos = o;
	return 0;
}

static long st_stat(void *ctx, int node, const char *path, int nofollow,
		    struct rpc_stat *rst)
{
	char last[NAME_MAX + 1];
	struct stat st;
	int parent, r = walk(path, !nofollow, &parent, last);

	if (r)
		return r;
	r = fstatat(parent, last, &st, AT_SYMLINK_NOFOLLOW) < 0 ? -errno : 0;
	close(parent);
	if (!r)
		to_rpc_stat(&st, rst);
	return r;
}

static long st_fstat(void *ctx, int node, rpc_u64 h, struct rpc_stat *rst)
{
	int fd = handle_fd(node, h);
	struct stat st;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0)
		return -errno;
	to_rpc_stat(&st, rst);
	return 0;
}

struct linux_dirent64 {
	rpc_u64 d_ino;
	rpc_s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* The directory's own offsets (d_off) are the cookies, as NFS uses them. */
static long st_getdents(void *ctx, int node, rpc_u64 h, rpc_u64 cookie,
			storage_emit_t emit, void *arg)
{
	int fd = handle_fd(node, h);
	char buf[8192];
	long n, pos;

	if (fd < 0)
		return fd;
	if (lseek(fd, cookie, SEEK_SET) < 0)
		return -errno;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (pos = 0; pos < n; ) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + pos);

			if (emit(arg, d->d_ino, d->d_off, d->d_type, d->d_name))
				return 1;
			pos += d->d_reclen;
		}
	}
	return n < 0 ? -errno : 0;
}

static long st_mkdir(void *ctx, int node, const char *path, rpc_u32 mode)
{
	char last[NAME_MAX + 1];
	int parent, r = walk_name(path, &parent, last, -EEXIST);

	if (r)
		return r;
	r = mkdirat(parent, last, mode & 07777) < 0 ? -errno : 0;
	close(parent);
	return r;
}

static long unlink_common(const char *path, int flags, int err_dot)
{
	char last[NAME_MAX + 1];
	int parent, r = walk_name(path, &parent, last, err_dot);

	if (r)
		return r;
	r = unlinkat(parent, last, flags) < 0 ? -errno : 0;
	close(parent);
	return r;
}

static long st_unlink(void *ctx, int node, const char *path)
{
	return unlink_common(path, 0, -EISDIR);
}

static long st_rmdir(void *ctx, int node, const char *path)
{
	return unlink_common(path, AT_REMOVEDIR, -EINVAL);
}

static long st_rename(void *ctx, int node, const char *from, const char *to)
{
	char l1[NAME_MAX + 1], l2[NAME_MAX + 1];
	int p1, p2, r = walk_name(from, &p1, l1, -EBUSY);

	if (r)
		return r;
	r = walk_name(to, &p2, l2, -EBUSY);
	if (r) {
		close(p1);
		return r;
	}
	r = renameat(p1, l1, p2, l2) < 0 ? -errno : 0;
	close(p1);
	close(p2);
	return r;
}

static long st_fsync(void *ctx, int node, rpc_u64 h, int datasync)
{
	int fd = handle_fd(node, h);

	return fd < 0 ? fd : sysret(datasync ? fdatasync(fd) : fsync(fd));
}

static long st_truncate(void *ctx, int node, const char *path, rpc_u64 len)
{
	char last[NAME_MAX + 1];
	struct stat st;
	int parent, fd, r = walk(path, 1, &parent, last);

	if (r)
		return r;
	fd = openat(parent, last, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	r = fd < 0 ? -errno : 0;
	close(parent);
	if (r)
		return r;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		r = S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
	else if (ftruncate(fd, len) < 0)
		r = -errno;
	close(fd);
	return r;
}

static long st_ftruncate(void *ctx, int node, rpc_u64 h, rpc_u64 len)
{
	int fd = handle_fd(node, h);

	return fd < 0 ? fd : sysret(ftruncate(fd, len));
}

static const struct storage_ops dir_ops = {
	.open = st_open, .close = st_close, .read = st_read, .write = st_write,
	.lseek = st_lseek, .stat = st_stat, .fstat = st_fstat,
	.getdents = st_getdents, .mkdir = st_mkdir, .unlink = st_unlink,
	.rmdir = st_rmdir, .rename = st_rename, .fsync = st_fsync,
	.truncate = st_truncate, .ftruncate = st_ftruncate,
};

/* ------------------------------------------------------------ transport */
static int sock = -1, use_udp;
static int ifindex;
/* Where each node was last heard from (UDP) */
static struct sockaddr_in udp_peer[RPC_MAX_NODES];
static struct sockaddr_in udp_default;
static int have_default;

static void send_frame(const rpc_u8 *dst_mac, const struct rpc_hdr *h, const void *payload)
{
	rpc_u8 f[RPC_FRAME_MAX];
	size_t n = rpc_frame_build(f, dst_mac, my_mac, h, payload);

	if (use_udp) {
		struct sockaddr_in *to = udp_peer[h->dst].sin_port ? &udp_peer[h->dst] :
					 have_default ? &udp_default : NULL;

		if (to)
			sendto(sock, f, n, 0, (struct sockaddr *)to, sizeof(*to));
	} else {
		struct sockaddr_ll ll = {
			.sll_family = AF_PACKET, .sll_protocol = htons(RPC_ETHERTYPE),
			.sll_ifindex = ifindex, .sll_halen = 6,
		};

		memcpy(ll.sll_addr, dst_mac, 6);
		sendto(sock, f, n, 0, (struct sockaddr *)&ll, sizeof(ll));
	}
}

static void send_fragment(void *dst_mac, const struct rpc_hdr *h, const void *payload)
{
	send_frame(dst_mac, h, payload);
}

static void send_message(const rpc_u8 *mac, struct rpc_hdr *t, const void *msg, rpc_u32 len)
{
	rpc_send_fragments(t, msg, len, send_fragment, (void *)mac);
}

/* ------------------------------------------------------------ server */
static struct rpc_srv_table srv;
static rpc_u8 *resp_buf;
static rpc_u64 test_count;
static struct deferred {
	struct rpc_srv_entry *e;
	rpc_u64 due;
} deferred[MAX_DEFERRED];

static void reply(struct rpc_srv_entry *e, long r, const rpc_u8 *data)
{
	struct rpc_hdr t = {
		.kind = RPC_KIND_REPLY, .type = e->type, .src = my_node, .dst = e->node,
		.epoch = e->epoch, .reqid = e->reqid, .status = r < 0 ? (rpc_s32)r : 0,
	};
	rpc_u8 mac[6];
	rpc_u32 len = r < 0 ? 0 : (rpc_u32)r;

	memcpy(mac, e->mac, 6);
	/* e is forgotten if its reply cannot be kept: send from data. */
	rpc_srv_complete(&srv, e, t.status, data, len, now_ns());
	send_message(mac, &t, data, len);
}

static const char *type_name(rpc_u16 type)
{
	static const char *const st[] = {
		"OPEN", "CLOSE", "READ", "WRITE", "PREAD", "PWRITE", "LSEEK", "STAT",
		"FSTAT", "GETDENTS", "MKDIR", "UNLINK", "RMDIR", "RENAME", "FSYNC",
		"TRUNCATE", "FTRUNCATE",
	};

	if (storage_type(type))
		return st[type - RPC_ST_OPEN];
	return type == RPC_PING ? "PING" : type == RPC_TEST_SLEEP ? "TEST_SLEEP" :
	       type == RPC_TEST_COUNT ? "TEST_COUNT" : "?";
}

static void dispatch(struct rpc_srv_entry *e)
{
	long r;
	int i;

	switch (e->type) {
	case RPC_PING:
		memcpy(resp_buf, e->req.buf, e->req.total);
		r = e->req.total;
		break;
	case RPC_TEST_COUNT:
		r = e->req.total ? -EINVAL : 8;
		if (r > 0)
			rpc_put64(resp_buf, ++test_count);
		break;
	case RPC_TEST_SLEEP:
		/* Replied to later; duplicates meanwhile get ACKs. */
		if (e->req.total != 4 || rpc_get32(e->req.buf) > 60000) {
			r = -EINVAL;
			break;
		}
		for (i = 0; i < MAX_DEFERRED && deferred[i].e; i++)
			;
		if (i == MAX_DEFERRED) {
			r = -EBUSY;
			break;
		}
		deferred[i].e = e;
		deferred[i].due = now_ns() + rpc_get32(e->req.buf) * 1000000ull;
		return;
	default:
		r = storage_dispatch(&dir_ops, NULL, e->node, e->type, e->req.buf,
				     e->req.total, resp_buf, RPC_MAX_MSG);
	}
	if (verbose)
		logmsg("node %u %s #%llu -> %ld", e->node, type_name(e->type),
		       (unsigned long long)e->reqid, r);
	reply(e, r, resp_buf);
}

static void run_deferred(rpc_u64 now, int *timeout_ms)
{
	int i;

	for (i = 0; i < MAX_DEFERRED; i++) {
		rpc_u64 left;

		if (!deferred[i].e)
			continue;
		if (deferred[i].due <= now) {
			struct rpc_srv_entry *e = deferred[i].e;

			deferred[i].e = NULL;
			reply(e, 0, resp_buf);
			continue;
		}
		left = (deferred[i].due - now) / 1000000 + 1;
		if (left < (rpc_u64)*timeout_ms)
			*timeout_ms = left;
	}
}

static unsigned long bad_frames[RPC_BAD_NR];

static void input(const rpc_u8 *f, size_t len, const struct sockaddr_in *from)
{
	static const rpc_u8 bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct rpc_srv_entry *e;
	struct rpc_hdr h, t;
	enum rpc_bad bad;

	if (len < RPC_ETH_HLEN || rpc_get16(f + 12) != RPC_ETHERTYPE)
		return;
	if (memcmp(f, my_mac, 6) && memcmp(f, bcast, 6))
		return;
	bad = rpc_hdr_decode(f + RPC_ETH_HLEN, len - RPC_ETH_HLEN, &h);
	if (bad) {
		if (verbose)
			logmsg("dropped a bad frame (reason %d)", bad);
		bad_frames[bad]++;
		return;
	}
	if (h.dst != my_node)
		return;
	if (from)
		udp_peer[h.src] = *from;
	if (h.kind == RPC_KIND_REPLY_ACK) {
		rpc_srv_reply_acked(&srv, &h);
		return;
	}
	if (h.kind != RPC_KIND_REQUEST)
		return;
	switch (rpc_srv_request(&srv, &h, f + RPC_ETH_HLEN + RPC_HDR_LEN, f + 6, now_ns(), &e)) {
	case RPC_ACT_DISPATCH:
		dispatch(e);
		break;
	case RPC_ACT_ACK:
		t = (struct rpc_hdr){ .kind = RPC_KIND_ACK, .type = h.type, .src = my_node,
				      .dst = h.src, .epoch = h.epoch, .reqid = h.reqid,
				      .frag_cnt = 1 };
		send_frame(f + 6, &t, NULL);
		break;
	case RPC_ACT_RESEND:
		t = (struct rpc_hdr){ .kind = RPC_KIND_REPLY, .type = e->type, .src = my_node,
				      .dst = e->node, .epoch = e->epoch, .reqid = e->reqid,
				      .status = e->status };
		send_message(e->mac, &t, e->reply, e->reply_len);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------ setup */
static int parse_mac(const char *s, rpc_u8 *mac)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6 ||
	    strlen(s) != 17)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = b[i];
	return (mac[0] & 1) ? -1 : 0;
}

static int open_udp(const char *spec)
{
	struct sockaddr_in a;

	if (parse_udp_addr(spec, &a))
		return -1;
	sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock < 0 || bind(sock, (struct sockaddr *)&a, sizeof(a)) < 0)
		return -1;
	/* Room for bursts of whole messages (64 frames each) from many calls. */
	setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &(int){ 4 << 20 }, sizeof(int));
	use_udp = 1;
	return 0;
}

static int open_raw(const char *ifname, int mac_given)
{
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(RPC_ETHERTYPE) };
	struct ifreq ifr;

	sock = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(RPC_ETHERTYPE));
	if (sock < 0 || strlen(ifname) >= IFNAMSIZ)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, ifname);
	if (ioctl(sock, SIOCGIFINDEX, &ifr) < 0)
		return -1;
	ifindex = ll.sll_ifindex = ifr.ifr_ifindex;
	if (bind(sock, (struct sockaddr *)&ll, sizeof(ll)) < 0)
		return -1;
	setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &(int){ 4 << 20 }, sizeof(int));
	if (!mac_given) {
		if (ioctl(sock, SIOCGIFHWADDR, &ifr) < 0)
			return -1;
		memcpy(my_mac, ifr.ifr_hwaddr.sa_data, 6);
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: lego-storaged --root DIR [--node N] [--mac MAC]\n"
		"                     (--udp [ADDR:]PORT [--peer ADDR:PORT] | --iface IFNAME) [-v]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *root = NULL, *udp = NULL, *iface = NULL, *peer = NULL;
	static rpc_u8 frame[RPC_FRAME_MAX + 64];
	int mac_given = 0, i = 1;
	rpc_u64 last_expire = 0;
	const char *a, *v;

	while ((a = tool_next_opt(argc, argv, &i, &v, &verbose, usage))) {
		if (!strcmp(a, "--root"))
			root = v;
		else if (!strcmp(a, "--node"))
			my_node = atoi(v);
		else if (!strcmp(a, "--mac") && !parse_mac(v, my_mac))
			mac_given = 1;
		else if (!strcmp(a, "--udp"))
			udp = v;
		else if (!strcmp(a, "--peer"))
			peer = v;
		else if (!strcmp(a, "--iface"))
			iface = v;
		else
			usage();
	}
	if (!root || !!udp == !!iface || my_node <= 0 || my_node >= RPC_MAX_NODES)
		usage();
	if (!mac_given)
		my_mac[5] = my_node;
	root_fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0) {
		logmsg("%s: %s", root, strerror(errno));
		return 1;
	}
	if (udp ? open_udp(udp) : open_raw(iface, mac_given)) {
		logmsg("%s: %s", udp ? udp : iface, strerror(errno));
		return 1;
	}
	if (peer) {
		if (parse_udp_addr(peer, &udp_default))
			usage();
		have_default = 1;
	}
	umask(0);			/* modes arrive with the caller's umask applied */
	srand(now_ns() ^ getpid());
	instance = (rpc_u32)rand() ^ (rpc_u32)now_ns();
	resp_buf = malloc(RPC_MAX_MSG);
	if (!resp_buf || rpc_srv_init(&srv, SRV_SLOTS, SRV_MAX_BYTES, RESEND_GAP_NS))
		return 1;
	tool_catch_signals();
	logmsg("serving %s as node %d (%02x:%02x:%02x:%02x:%02x:%02x) on %s %s", root, my_node,
	       my_mac[0], my_mac[1], my_mac[2], my_mac[3], my_mac[4], my_mac[5],
	       udp ? "udp" : "interface", udp ? udp : iface);

	while (!tool_stop) {
		struct pollfd p = { .fd = sock, .events = POLLIN };
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		int timeout = 1000;
		rpc_u64 now = now_ns();
		ssize_t n;

		run_deferred(now, &timeout);
		if (now - last_expire > 1000000000ull) {
			rpc_srv_expire(&srv, now, REPLY_TTL_NS, RECV_TTL_NS);
			last_expire = now;
		}
		if (poll(&p, 1, timeout) <= 0)
			continue;
		n = recvfrom(sock, frame, sizeof(frame), 0,
			     use_udp ? (struct sockaddr *)&from : NULL, use_udp ? &fl : NULL);
		if (n > 0)
			input(frame, n, use_udp ? &from : NULL);
	}
	logmsg("stopped");
	return 0;
}
