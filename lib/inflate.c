// SPDX-License-Identifier: GPL-2.0
/*
 * gzip (RFC 1952) around DEFLATE (RFC 1951): stored, fixed-Huffman and
 * dynamic-Huffman blocks, checked against the trailer's CRC-32 and
 * length.  Decoding uses canonical Huffman counts and symbols (the
 * "count, then walk" method), needs no allocation, and never reads or
 * writes outside the buffers it is given: the data is untrusted.
 */
#include <lego/types.h>
#include <lego/string.h>
#include <lego/errno.h>
#include <lego/inflate.h>

#define MAXBITS		15
#define MAXLCODES	286
#define MAXDCODES	30
#define FIXLCODES	288

struct huffman {
	u16 count[MAXBITS + 1];		/* codes of each length */
	u16 symbol[FIXLCODES];		/* symbols ordered by code */
};

struct state {
	const u8 *in;
	size_t inlen, incnt;
	u8 *out;
	size_t outcap, outcnt;
	u32 bitbuf;
	int bitcnt;
	bool error;			/* ran past the input */
};

static int bits(struct state *s, int need)
{
	u32 v = s->bitbuf;

	while (s->bitcnt < need) {
		if (s->incnt >= s->inlen) {
			s->error = true;
			return 0;
		}
		v |= (u32)s->in[s->incnt++] << s->bitcnt;
		s->bitcnt += 8;
	}
	s->bitbuf = v >> need;
	s->bitcnt -= need;
	return v & ((1u << need) - 1);
}

static int stored(struct state *s)
{
	unsigned int len;

	s->bitbuf = 0;
	s->bitcnt = 0;
	if (s->incnt + 4 > s->inlen)
		return -EINVAL;
	len = s->in[s->incnt] | s->in[s->incnt + 1] << 8;
	if ((s->in[s->incnt + 2] ^ 0xff) != (len & 0xff) ||
	    (s->in[s->incnt + 3] ^ 0xff) != (len >> 8))
		return -EINVAL;
	s->incnt += 4;
	if (len > s->inlen - s->incnt)
		return -EINVAL;
	if (len > s->outcap - s->outcnt)
		return -ENOSPC;
	memcpy(s->out + s->outcnt, s->in + s->incnt, len);
	s->incnt += len;
	s->outcnt += len;
	return 0;
}

/* Decodes one symbol, bit by bit through the canonical code; -1 bad. */
static int decode(struct state *s, const struct huffman *h)
{
	int code = 0, first = 0, index = 0, len, count;

	for (len = 1; len <= MAXBITS; len++) {
		code |= bits(s, 1);
		if (s->error)
			return -1;
		count = h->count[len];
		if (code - count < first)
			return h->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	return -1;
}

/* Builds a code from lengths; 0 complete, >0 incomplete, <0 oversubscribed. */
static int construct(struct huffman *h, const u8 *length, int n)
{
	u16 offs[MAXBITS + 1];
	int sym, len, left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[length[sym]]++;
	if (h->count[0] == n)
		return 0;
	for (len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= h->count[len];
		if (left < 0)
			return left;
	}
	offs[1] = 0;
	for (len = 1; len < MAXBITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (length[sym])
			h->symbol[offs[length[sym]]++] = sym;
	return left;
}

static const u16 len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const u8 len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const u16 dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577 };
static const u8 dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

static int codes(struct state *s, const struct huffman *lencode,
		 const struct huffman *distcode)
{
	int sym;

	do {
		sym = decode(s, lencode);
		if (sym < 0)
			return -EINVAL;
		if (sym < 256) {
			if (s->outcnt >= s->outcap)
				return -ENOSPC;
			s->out[s->outcnt++] = sym;
		} else if (sym > 256) {
			unsigned int len, dist;

			sym -= 257;
			if (sym >= 29)
				return -EINVAL;
			len = len_base[sym] + bits(s, len_extra[sym]);
			sym = decode(s, distcode);
			if (sym < 0 || sym >= 30)
				return -EINVAL;
			dist = dist_base[sym] + bits(s, dist_extra[sym]);
			if (s->error || dist > s->outcnt)
				return -EINVAL;
			if (len > s->outcap - s->outcnt)
				return -ENOSPC;
			while (len--) {
				s->out[s->outcnt] = s->out[s->outcnt - dist];
				s->outcnt++;
			}
		}
	} while (sym != 256);
	return s->error ? -EINVAL : 0;
}

/* Scratch for the two codes of a block: kept off the kernel stack. */
static struct huffman lencode, distcode;

static int fixed(struct state *s)
{
	u8 lengths[FIXLCODES];
	int sym;

	for (sym = 0; sym < 144; sym++)
		lengths[sym] = 8;
	for (; sym < 256; sym++)
		lengths[sym] = 9;
	for (; sym < 280; sym++)
		lengths[sym] = 7;
	for (; sym < FIXLCODES; sym++)
		lengths[sym] = 8;
	construct(&lencode, lengths, FIXLCODES);
	for (sym = 0; sym < MAXDCODES; sym++)
		lengths[sym] = 5;
	construct(&distcode, lengths, MAXDCODES);
	return codes(s, &lencode, &distcode);
}

static int dynamic(struct state *s)
{
	static const u8 order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
	u8 lengths[MAXLCODES + MAXDCODES];
	int nlen, ndist, ncode, index, err;

	nlen = bits(s, 5) + 257;
	ndist = bits(s, 5) + 1;
	ncode = bits(s, 4) + 4;
	if (s->error || nlen > MAXLCODES || ndist > MAXDCODES)
		return -EINVAL;
	for (index = 0; index < ncode; index++)
		lengths[order[index]] = bits(s, 3);
	for (; index < 19; index++)
		lengths[order[index]] = 0;
	if (s->error || construct(&lencode, lengths, 19) != 0)
		return -EINVAL;
	for (index = 0; index < nlen + ndist;) {
		int sym = decode(s, &lencode), len = 0, rep;

		if (sym < 0)
			return -EINVAL;
		if (sym < 16) {
			lengths[index++] = sym;
			continue;
		}
		if (sym == 16) {
			if (!index)
				return -EINVAL;
			len = lengths[index - 1];
			rep = 3 + bits(s, 2);
		} else if (sym == 17) {
			rep = 3 + bits(s, 3);
		} else {
			rep = 11 + bits(s, 7);
		}
		if (s->error || index + rep > nlen + ndist)
			return -EINVAL;
		while (rep--)
			lengths[index++] = len;
	}
	if (!lengths[256])
		return -EINVAL;
	err = construct(&lencode, lengths, nlen);
	if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1))
		return -EINVAL;
	err = construct(&distcode, lengths + nlen, ndist);
	if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1))
		return -EINVAL;
	return codes(s, &lencode, &distcode);
}

static int inflate_raw(struct state *s)
{
	int last, type, r;

	do {
		last = bits(s, 1);
		type = bits(s, 2);
		if (s->error)
			return -EINVAL;
		if (type == 0)
			r = stored(s);
		else if (type == 1)
			r = fixed(s);
		else if (type == 2)
			r = dynamic(s);
		else
			r = -EINVAL;
		if (r)
			return r;
	} while (!last);
	return 0;
}

static u32 crc32(const u8 *p, size_t n)
{
	u32 c = ~0u;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

bool is_gzip(const void *buf, size_t len)
{
	const u8 *b = buf;

	return len >= 18 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8;
}

#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10

/* Skips a NUL-terminated header field; false if it runs off the end. */
static bool skip_string(const u8 *b, size_t len, size_t *p)
{
	while (*p < len && b[*p])
		(*p)++;
	if (*p >= len)
		return false;
	(*p)++;
	return true;
}

ssize_t gunzip(const void *in, size_t inlen, void *out, size_t outcap,
	       size_t *consumed)
{
	const u8 *b = in;
	struct state s;
	size_t p = 10;
	u8 flg;
	int r;

	if (!is_gzip(in, inlen))
		return -EINVAL;
	flg = b[3];
	if (flg & 0xe0)
		return -EINVAL;
	if (flg & FEXTRA) {
		size_t xlen;

		if (p + 2 > inlen)
			return -EINVAL;
		xlen = b[p] | b[p + 1] << 8;
		p += 2 + xlen;
	}
	if ((flg & FNAME) && !skip_string(b, inlen, &p))
		return -EINVAL;
	if ((flg & FCOMMENT) && !skip_string(b, inlen, &p))
		return -EINVAL;
	if (flg & FHCRC)
		p += 2;
	if (p >= inlen)
		return -EINVAL;
	memset(&s, 0, sizeof(s));
	s.in = b + p;
	s.inlen = inlen - p;
	s.out = out;
	s.outcap = outcap;
	r = inflate_raw(&s);
	if (r)
		return r;
	p += s.incnt;
	if (p + 8 > inlen)
		return -EINVAL;
	if ((b[p] | b[p + 1] << 8 | b[p + 2] << 16 | (u32)b[p + 3] << 24) !=
	    crc32(s.out, s.outcnt))
		return -EINVAL;
	if ((b[p + 4] | b[p + 5] << 8 | b[p + 6] << 16 | (u32)b[p + 7] << 24) !=
	    (u32)s.outcnt)
		return -EINVAL;
	if (consumed)
		*consumed = p + 8;
	return s.outcnt;
}
