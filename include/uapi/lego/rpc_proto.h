/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The Lego RPC wire protocol: the one definition of what travels between
 * Lego components (processor, memory, storage) and tools/lego-storaged.
 * The kernel (net/), the daemon and the tests all include this header, so
 * the two ends cannot drift apart.  Documentation/lego/disaggregation.rst
 * describes it in prose.
 *
 * A message is carried in raw Ethernet II frames of EtherType 0x88B5 (the
 * first of IEEE 802's two "local experimental" EtherTypes): no IP.  Each
 * frame is
 *
 *	6 dst MAC | 6 src MAC | 2 EtherType | 44 rpc header | payload
 *
 * and carries one fragment of at most RPC_FRAG_PAYLOAD bytes, so that the
 * Ethernet payload never exceeds the 1500-byte MTU.  Every multi-byte field
 * is big-endian (network order), encoded and decoded byte by byte here:
 * nothing depends on the host's byte order or alignment.
 *
 * Everything here is static inline and freestanding: the kernel builds it
 * with -nostdinc, user programs with their C library.
 */
#ifndef _UAPI_LEGO_RPC_PROTO_H
#define _UAPI_LEGO_RPC_PROTO_H

#ifdef __KERNEL__
#include <lego/types.h>
#include <lego/errno.h>
#include <lego/string.h>
#else
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#endif

typedef __UINT8_TYPE__ rpc_u8;
typedef __UINT16_TYPE__ rpc_u16;
typedef __UINT32_TYPE__ rpc_u32;
typedef __UINT64_TYPE__ rpc_u64;
typedef __INT32_TYPE__ rpc_s32;
typedef __INT64_TYPE__ rpc_s64;

/* ------------------------------------------------------------ Ethernet */
#define RPC_ETHERTYPE		0x88B5	/* IEEE 802 local experimental 1 */
#define RPC_ETH_ALEN		6
#define RPC_ETH_HLEN		14	/* dst, src, EtherType; no 802.1Q tag */
#define RPC_ETH_MTU		1500	/* Ethernet payload, without the FCS */

/* ------------------------------------------------------------ header */
#define RPC_MAGIC		0x4C47	/* "LG" */
#define RPC_VERSION		1
#define RPC_HDR_LEN		44
#define RPC_FRAG_PAYLOAD	(RPC_ETH_MTU - RPC_HDR_LEN)	/* 1456 */
#define RPC_MAX_FRAGS		64	/* fits one 64-bit bitmap */
#define RPC_MAX_MSG		(RPC_MAX_FRAGS * RPC_FRAG_PAYLOAD) /* 93184 */
#define RPC_FRAME_MAX		(RPC_ETH_HLEN + RPC_ETH_MTU)

/* kind: what a frame is. */
#define RPC_KIND_REQUEST	1	/* client -> server, fragmented */
#define RPC_KIND_REPLY		2	/* server -> client, fragmented */
#define RPC_KIND_ACK		3	/* server -> client: have it, working */
#define RPC_KIND_REPLY_ACK	4	/* client -> server: reply received */

/* Node ids: 1 .. RPC_MAX_NODES - 1; 0 is "none". */
#define RPC_MAX_NODES		64

/*
 * The header, decoded into host order.  On the wire (offsets in bytes
 * from the end of the Ethernet header):
 *
 *	 0 u16 magic 0x4C47      2 u8 version 1      3 u8 kind
 *	 4 u16 type (message)    6 u16 flags, 0
 *	 8 u16 src node         10 u16 dst node
 *	12 u32 epoch: the requester's boot incarnation
 *	16 u64 request id, unique within (requester node, epoch)
 *	24 u16 fragment index   26 u16 fragment count
 *	28 u16 this fragment's payload length       30 u16 reserved, 0
 *	32 u32 the whole message's payload length
 *	36 s32 status: in replies, 0 or a negative Linux errno
 *	40 u32 CRC-32C of the 44 header bytes (this field as 0) + payload
 *
 * (node, epoch, request id) names one call everywhere: the requester
 * never reuses an id within an epoch, and a rebooted requester has a new
 * epoch, so a server's reply cache can never answer it with a reply meant
 * for its previous life.
 */
struct rpc_hdr {
	rpc_u8 version, kind;
	rpc_u16 type, flags;
	rpc_u16 src, dst;
	rpc_u32 epoch;
	rpc_u64 reqid;
	rpc_u16 frag_idx, frag_cnt, frag_len;
	rpc_u32 total_len;
	rpc_s32 status;
};

/* ------------------------------------------------------------ byte order */
static inline void rpc_put16(rpc_u8 *p, rpc_u16 v)
{
	p[0] = (rpc_u8)(v >> 8);
	p[1] = (rpc_u8)(v & 0xff);
}

static inline void rpc_put32(rpc_u8 *p, rpc_u32 v)
{
	rpc_put16(p, (rpc_u16)(v >> 16));
	rpc_put16(p + 2, (rpc_u16)(v & 0xffff));
}

static inline void rpc_put64(rpc_u8 *p, rpc_u64 v)
{
	rpc_put32(p, (rpc_u32)(v >> 32));
	rpc_put32(p + 4, (rpc_u32)(v & 0xffffffff));
}

static inline rpc_u16 rpc_get16(const rpc_u8 *p)
{
	return (rpc_u16)(p[0] << 8 | p[1]);
}

static inline rpc_u32 rpc_get32(const rpc_u8 *p)
{
	return (rpc_u32)rpc_get16(p) << 16 | rpc_get16(p + 2);
}

static inline rpc_u64 rpc_get64(const rpc_u8 *p)
{
	return (rpc_u64)rpc_get32(p) << 32 | rpc_get32(p + 4);
}

/* ------------------------------------------------------------ CRC-32C */
/*
 * CRC-32C (Castagnoli, RFC 3720 B.4): reflected polynomial 0x82F63B78,
 * initial value and final XOR 0xFFFFFFFF; "123456789" gives 0xE3069283.
 * Four bits at a time from a 16-entry table: small enough for a header,
 * about a dozen instructions a byte.
 */
#if defined(__x86_64__) && (defined(__KERNEL__) || defined(RPC_CRC32C_HW_TEST))
/*
 * SSE4.2's CRC32 instruction computes exactly this CRC (Intel SDM Vol. 2A,
 * "CRC32"), eight bytes at a time, on general registers.  The kernel sets
 * rpc_crc32c_hw when CPUID.01H:ECX bit 20 says the CPU has it.
 */
extern int rpc_crc32c_hw;

static inline rpc_u32 rpc_crc32c_x86(rpc_u32 crc, const rpc_u8 *p, size_t len)
{
	rpc_u64 c = crc, v;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&v, p, 8);
		asm("crc32q %1, %0" : "+r"(c) : "rm"(v));
	}
	for (; len; p++, len--)
		asm("crc32b %1, %k0" : "+r"(c) : "rm"(*p));
	return (rpc_u32)c;
}
#define RPC_CRC32C_HW	1
#endif

static inline rpc_u32 rpc_crc32c_update(rpc_u32 crc, const void *data, size_t len)
{
	static const rpc_u32 t[16] = {
		0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1,
		0x417b1dbc, 0x5125dad3, 0x61c69362, 0x7198540d,
		0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9,
		0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75,
	};
	const rpc_u8 *p = (const rpc_u8 *)data;

#ifdef RPC_CRC32C_HW
	if (rpc_crc32c_hw)
		return rpc_crc32c_x86(crc, p, len);
#endif
	while (len--) {
		crc ^= *p++;
		crc = (crc >> 4) ^ t[crc & 15];
		crc = (crc >> 4) ^ t[crc & 15];
	}
	return crc;
}

static inline rpc_u32 rpc_crc32c(const void *data, size_t len)
{
	return ~rpc_crc32c_update(~0u, data, len);
}

/* ------------------------------------------------------------ fragments */
/* Fragments of a message of total bytes: at least one, even when empty. */
static inline unsigned int rpc_frag_count(rpc_u32 total)
{
	return total ? (total + RPC_FRAG_PAYLOAD - 1) / RPC_FRAG_PAYLOAD : 1;
}

/* Every fragment is full but the last. */
static inline unsigned int rpc_frag_len(rpc_u32 total, unsigned int idx)
{
	rpc_u32 off = idx * RPC_FRAG_PAYLOAD;

	return total - off < RPC_FRAG_PAYLOAD ? total - off : RPC_FRAG_PAYLOAD;
}

/* ------------------------------------------------------------ frames */
/*
 * Writes the header of h at p (RPC_HDR_LEN bytes) and seals it: the CRC
 * covers the header and the frag_len bytes of payload.
 */
static inline void rpc_hdr_encode(rpc_u8 *p, const struct rpc_hdr *h,
				  const void *payload)
{
	rpc_u32 crc;

	rpc_put16(p + 0, RPC_MAGIC);
	p[2] = RPC_VERSION;
	p[3] = h->kind;
	rpc_put16(p + 4, h->type);
	rpc_put16(p + 6, h->flags);
	rpc_put16(p + 8, h->src);
	rpc_put16(p + 10, h->dst);
	rpc_put32(p + 12, h->epoch);
	rpc_put64(p + 16, h->reqid);
	rpc_put16(p + 24, h->frag_idx);
	rpc_put16(p + 26, h->frag_cnt);
	rpc_put16(p + 28, h->frag_len);
	rpc_put16(p + 30, 0);
	rpc_put32(p + 32, h->total_len);
	rpc_put32(p + 36, (rpc_u32)h->status);
	rpc_put32(p + 40, 0);
	crc = rpc_crc32c_update(~0u, p, RPC_HDR_LEN);
	crc = ~rpc_crc32c_update(crc, payload, h->frag_len);
	rpc_put32(p + 40, crc);
}

/* Why rpc_hdr_decode() refused a frame (counted by the receivers). */
enum rpc_bad {
	RPC_OK = 0,
	RPC_BAD_SHORT,		/* shorter than the headers or its payload */
	RPC_BAD_MAGIC,		/* not ours, or a version we do not speak */
	RPC_BAD_FIELD,		/* kind, flags, reserved bits or node ids */
	RPC_BAD_LENGTH,		/* fragment fields inconsistent with total */
	RPC_BAD_CRC,
	RPC_BAD_NR
};

/*
 * Decodes and checks the RPC header at p, len bytes of Ethernet payload
 * (which may carry padding past the fragment: short frames are padded to
 * 60 bytes).  Every field is checked before anything else looks at the
 * frame: version, kind, node ids, fragment index and count against the
 * total length, the fragment length against the frame, then the CRC.
 * Returns RPC_OK with *h filled, else the reason.
 */
static inline enum rpc_bad rpc_hdr_decode(const rpc_u8 *p, size_t len,
					  struct rpc_hdr *h)
{
	rpc_u32 crc;

	if (len < RPC_HDR_LEN)
		return RPC_BAD_SHORT;
	if (rpc_get16(p) != RPC_MAGIC || p[2] != RPC_VERSION)
		return RPC_BAD_MAGIC;
	h->version = p[2];
	h->kind = p[3];
	h->type = rpc_get16(p + 4);
	h->flags = rpc_get16(p + 6);
	h->src = rpc_get16(p + 8);
	h->dst = rpc_get16(p + 10);
	h->epoch = rpc_get32(p + 12);
	h->reqid = rpc_get64(p + 16);
	h->frag_idx = rpc_get16(p + 24);
	h->frag_cnt = rpc_get16(p + 26);
	h->frag_len = rpc_get16(p + 28);
	h->total_len = rpc_get32(p + 32);
	h->status = (rpc_s32)rpc_get32(p + 36);
	if (h->kind < RPC_KIND_REQUEST || h->kind > RPC_KIND_REPLY_ACK ||
	    h->flags || rpc_get16(p + 30) ||
	    !h->src || h->src >= RPC_MAX_NODES ||
	    !h->dst || h->dst >= RPC_MAX_NODES)
		return RPC_BAD_FIELD;
	if (h->total_len > RPC_MAX_MSG ||
	    h->frag_cnt != rpc_frag_count(h->total_len) ||
	    h->frag_idx >= h->frag_cnt ||
	    h->frag_len != rpc_frag_len(h->total_len, h->frag_idx))
		return RPC_BAD_LENGTH;
	/* Acknowledgements carry nothing. */
	if ((h->kind == RPC_KIND_ACK || h->kind == RPC_KIND_REPLY_ACK) &&
	    h->total_len)
		return RPC_BAD_LENGTH;
	if (len - RPC_HDR_LEN < h->frag_len)
		return RPC_BAD_SHORT;
	crc = rpc_crc32c_update(~0u, p, 40);
	crc = rpc_crc32c_update(crc, "\0\0\0\0", 4);
	crc = ~rpc_crc32c_update(crc, p + RPC_HDR_LEN, h->frag_len);
	if (crc != rpc_get32(p + 40))
		return RPC_BAD_CRC;
	return RPC_OK;
}

/* ------------------------------------------------------------ messages */
/*
 * Message types.  A reply has the type of its request.  Its status is 0
 * or a negative Linux errno (x86-64 numbering, as <asm-generic/errno.h>);
 * a failed call's reply has no payload.  -ENOSYS: no handler for the
 * type on that node.
 */
#define RPC_PING		0x0001	/* payload echoed back */

/* Test services (kernels built with CONFIG_KTEST, and lego-storaged). */
#define RPC_TEST_SLEEP		0x00f0	/* u32 ms: sleeps, then replies */
#define RPC_TEST_COUNT		0x00f1	/* -> u64: how often it ran, this one included */

/*
 * Memory component (the processor's pages live there).  A page is named
 * by (requesting node, pid, page-aligned virtual address): each
 * processor's processes have their own address spaces.
 */
#define RPC_MEM_ALLOC		0x0101	/* u32 pid, u64 len -> u64 addr */
#define RPC_MEM_FREE		0x0102	/* u32 pid, u64 addr, u64 len */
#define RPC_MEM_WRITE		0x0103	/* u32 pid, u64 addr, 4096 bytes */
#define RPC_MEM_READ		0x0104	/* u32 pid, u64 addr -> 4096 bytes */
#define RPC_MEM_EXIT		0x0105	/* u32 pid: drop the address space */
#define RPC_MEM_STAT		0x0106	/* -> u64 pages stored, u64 pages free */
#define RPC_MEM_PAGE_SIZE	4096

/*
 * Storage component: a file system named by paths (relative to its root;
 * a leading '/' is the root itself) and by handles from RPC_ST_OPEN.
 * Flags and modes are Linux's O_* and S_* values; strings are a u16
 * length and that many bytes, no NUL (at most RPC_PATH_MAX - 1).
 */
#define RPC_ST_OPEN		0x0201	/* u32 flags, u32 mode, str -> u64 handle, stat */
#define RPC_ST_CLOSE		0x0202	/* u64 handle */
#define RPC_ST_READ		0x0203	/* u64 handle, u32 count -> data (at the handle's position) */
#define RPC_ST_WRITE		0x0204	/* u64 handle, data -> u32 written */
#define RPC_ST_PREAD		0x0205	/* u64 handle, u64 off, u32 count -> data */
#define RPC_ST_PWRITE		0x0206	/* u64 handle, u64 off, data -> u32 written */
#define RPC_ST_LSEEK		0x0207	/* u64 handle, s64 off, u32 whence -> u64 pos */
#define RPC_ST_STAT		0x0208	/* u32 flags, str -> stat */
#define RPC_ST_FSTAT		0x0209	/* u64 handle -> stat */
#define RPC_ST_GETDENTS		0x020a	/* u64 handle, u64 cookie, u32 max -> dirents */
#define RPC_ST_MKDIR		0x020b	/* u32 mode, str */
#define RPC_ST_UNLINK		0x020c	/* str */
#define RPC_ST_RMDIR		0x020d	/* str */
#define RPC_ST_RENAME		0x020e	/* u32 flags (0), str old, str new */
#define RPC_ST_FSYNC		0x020f	/* u64 handle, u32 datasync */
#define RPC_ST_TRUNCATE		0x0210	/* u64 length, str */
#define RPC_ST_FTRUNCATE	0x0211	/* u64 handle, u64 length */

#define RPC_PATH_MAX		4096
#define RPC_ST_NOFOLLOW		0x1	/* RPC_ST_STAT: lstat */
/*
 * The open flags a storage component takes (anything else is EINVAL),
 * Linux's x86-64 values (asm-generic/fcntl.h): O_ACCMODE, O_CREAT,
 * O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK, O_DSYNC, O_LARGEFILE
 * (a no-op on 64-bit, set by libcs), O_DIRECTORY, O_NOFOLLOW, O_NOATIME,
 * O_CLOEXEC and O_SYNC (__O_SYNC | O_DSYNC); and the mode bits a create
 * takes.
 */
#define RPC_ST_OPEN_FLAGS	(00000003 | 00000100 | 00000200 | 00000400 | 00001000 | \
				 00002000 | 00004000 | 00010000 | 00100000 | 00200000 | \
				 00400000 | 01000000 | 02000000 | 04000000)
#define RPC_ST_MODE_BITS	07777
/* The most data one READ/WRITE/PREAD/PWRITE moves. */
#define RPC_ST_IO_MAX		65536

/*
 * The stat record (RPC_STAT_LEN bytes): u64 ino, u32 mode, u32 nlink,
 * u32 uid, u32 gid, u64 rdev, u64 size, u64 blocks (512-byte), u32
 * blksize, then atime, mtime, ctime as s64 seconds and u32 nanoseconds.
 */
struct rpc_stat {
	rpc_u64 ino;
	rpc_u32 mode, nlink, uid, gid;
	rpc_u64 rdev, size, blocks;
	rpc_u32 blksize;
	rpc_s64 atime, mtime, ctime;
	rpc_u32 atime_ns, mtime_ns, ctime_ns;
};
#define RPC_STAT_LEN		88

/*
 * A RPC_ST_GETDENTS reply is a sequence of entries, each u64 ino, u64
 * cookie (where the next call resumes after this entry), u8 type (DT_*,
 * as in linux_dirent64), str name; as many as fit in max bytes (at least
 * one if any is left).  An empty reply is the end of the directory.
 * Cookie 0 is the start.
 */
#define RPC_DIRENT_FIXED	(8 + 8 + 1 + 2)

/* ------------------------------------------------------------ payload codec */
/*
 * Bounded writer and reader of payloads.  Any overflow or short read
 * sets err and every later call does nothing, so a message is encoded or
 * decoded with straight-line code and one check at the end: a malformed
 * payload can never make either side read or write out of bounds.
 */
struct rpc_wbuf {
	rpc_u8 *p;
	size_t cap, len;
	int err;
};

struct rpc_rbuf {
	const rpc_u8 *p;
	size_t len, off;
	int err;
};

static inline void rpc_winit(struct rpc_wbuf *w, void *buf, size_t cap)
{
	w->p = (rpc_u8 *)buf;
	w->cap = cap;
	w->len = 0;
	w->err = 0;
}

static inline rpc_u8 *rpc_wspace(struct rpc_wbuf *w, size_t n)
{
	rpc_u8 *q;

	if (w->err || w->cap - w->len < n) {
		w->err = 1;
		return NULL;
	}
	q = w->p + w->len;
	w->len += n;
	return q;
}

static inline void rpc_w8(struct rpc_wbuf *w, rpc_u8 v)
{
	rpc_u8 *q = rpc_wspace(w, 1);

	if (q)
		*q = v;
}

static inline void rpc_w16(struct rpc_wbuf *w, rpc_u16 v)
{
	rpc_u8 *q = rpc_wspace(w, 2);

	if (q)
		rpc_put16(q, v);
}

static inline void rpc_w32(struct rpc_wbuf *w, rpc_u32 v)
{
	rpc_u8 *q = rpc_wspace(w, 4);

	if (q)
		rpc_put32(q, v);
}

static inline void rpc_w64(struct rpc_wbuf *w, rpc_u64 v)
{
	rpc_u8 *q = rpc_wspace(w, 8);

	if (q)
		rpc_put64(q, v);
}

static inline void rpc_wbytes(struct rpc_wbuf *w, const void *d, size_t n)
{
	rpc_u8 *q = rpc_wspace(w, n);

	if (q && n)
		memcpy(q, d, n);
}

/* A string: u16 length, the bytes; refused if too long for RPC_PATH_MAX. */
static inline void rpc_wstr(struct rpc_wbuf *w, const char *s)
{
	size_t n = strlen(s);

	if (n >= RPC_PATH_MAX) {
		w->err = 1;
		return;
	}
	rpc_w16(w, (rpc_u16)n);
	rpc_wbytes(w, s, n);
}

static inline void rpc_rinit(struct rpc_rbuf *r, const void *buf, size_t len)
{
	r->p = (const rpc_u8 *)buf;
	r->len = len;
	r->off = 0;
	r->err = 0;
}

static inline const rpc_u8 *rpc_rspace(struct rpc_rbuf *r, size_t n)
{
	const rpc_u8 *q;

	if (r->err || r->len - r->off < n) {
		r->err = 1;
		return NULL;
	}
	q = r->p + r->off;
	r->off += n;
	return q;
}

static inline rpc_u8 rpc_r8(struct rpc_rbuf *r)
{
	const rpc_u8 *q = rpc_rspace(r, 1);

	return q ? *q : 0;
}

static inline rpc_u16 rpc_r16(struct rpc_rbuf *r)
{
	const rpc_u8 *q = rpc_rspace(r, 2);

	return q ? rpc_get16(q) : 0;
}

static inline rpc_u32 rpc_r32(struct rpc_rbuf *r)
{
	const rpc_u8 *q = rpc_rspace(r, 4);

	return q ? rpc_get32(q) : 0;
}

static inline rpc_u64 rpc_r64(struct rpc_rbuf *r)
{
	const rpc_u8 *q = rpc_rspace(r, 8);

	return q ? rpc_get64(q) : 0;
}

/* What is left of the payload (raw data at the end of a message). */
static inline const rpc_u8 *rpc_rrest(struct rpc_rbuf *r, size_t *n)
{
	*n = r->err ? 0 : r->len - r->off;
	return rpc_rspace(r, *n);
}

/*
 * A string into buf (cap bytes, NUL-terminated).  Refused (err) if it is
 * empty, does not fit, or contains a NUL: a path can never be cut short
 * or smuggle a second one.
 */
static inline void rpc_rstr(struct rpc_rbuf *r, char *buf, size_t cap)
{
	rpc_u16 n = rpc_r16(r);
	const rpc_u8 *q = rpc_rspace(r, n);

	if (!q || !n || n >= cap || memchr(q, 0, n)) {
		r->err = 1;
		if (cap)
			buf[0] = 0;
		return;
	}
	memcpy(buf, q, n);
	buf[n] = 0;
}

/* A reader that consumed exactly its payload, with no error. */
static inline int rpc_rdone(const struct rpc_rbuf *r)
{
	return !r->err && r->off == r->len;
}

static inline void rpc_wstat(struct rpc_wbuf *w, const struct rpc_stat *s)
{
	rpc_w64(w, s->ino);
	rpc_w32(w, s->mode);
	rpc_w32(w, s->nlink);
	rpc_w32(w, s->uid);
	rpc_w32(w, s->gid);
	rpc_w64(w, s->rdev);
	rpc_w64(w, s->size);
	rpc_w64(w, s->blocks);
	rpc_w32(w, s->blksize);
	rpc_w64(w, (rpc_u64)s->atime);
	rpc_w32(w, s->atime_ns);
	rpc_w64(w, (rpc_u64)s->mtime);
	rpc_w32(w, s->mtime_ns);
	rpc_w64(w, (rpc_u64)s->ctime);
	rpc_w32(w, s->ctime_ns);
}

static inline void rpc_rstat(struct rpc_rbuf *r, struct rpc_stat *s)
{
	s->ino = rpc_r64(r);
	s->mode = rpc_r32(r);
	s->nlink = rpc_r32(r);
	s->uid = rpc_r32(r);
	s->gid = rpc_r32(r);
	s->rdev = rpc_r64(r);
	s->size = rpc_r64(r);
	s->blocks = rpc_r64(r);
	s->blksize = rpc_r32(r);
	s->atime = (rpc_s64)rpc_r64(r);
	s->atime_ns = rpc_r32(r);
	s->mtime = (rpc_s64)rpc_r64(r);
	s->mtime_ns = rpc_r32(r);
	s->ctime = (rpc_s64)rpc_r64(r);
	s->ctime_ns = rpc_r32(r);
}

/* ------------------------------------------------------------ test ABI */
/*
 * Lego-private test syscalls (CONFIG_KTEST): 1003 lego_ktest_rpc_call
 * takes a struct rpc_ktest_call and returns what rpc_call() returns;
 * 1004 lego_ktest_rpc_stats(struct rpc_stats *, size) copies the
 * counters out.  Not for programs other than tests.
 */
struct rpc_ktest_call {
	rpc_u32 node, type;
	rpc_u64 req, req_len;		/* user pointer, bytes */
	rpc_u64 resp, resp_max;
	rpc_u64 timeout_ns;		/* 0: the default */
	/*
	 * Nonzero: TIF_SIGPENDING is raised on the caller this many ms into
	 * the call, as a signal would (until Lego delivers signals).
	 */
	rpc_u32 signal_after_ms, pad;
};

struct rpc_stats {
	rpc_u32 node, role, memory_node, storage_node;
	rpc_u64 calls, call_errors, timeouts, interrupted;
	rpc_u64 retransmits, frames_tx, frames_rx, tx_busy;
	rpc_u64 bad_frames[RPC_BAD_NR], not_mine, stray_replies;
	rpc_u64 served, dup_requests, cache_evictions;
};

#endif /* _UAPI_LEGO_RPC_PROTO_H */
