// SPDX-License-Identifier: GPL-2.0
/*
 * Random numbers for AT_RANDOM, getrandom() and /dev/urandom: a ChaCha20
 * keystream (RFC 8439 block function) whose key is seeded from RDRAND when
 * the CPU has it and always from the TSC and the RTC, and re-keyed from
 * its own output after every request (fast key erasure), so earlier
 * output cannot be recomputed from a later state.
 */
#include <lego/kernel.h>
#include <lego/random.h>
#include <lego/string.h>
#include <lego/spinlock.h>
#include <lego/errno.h>
#include <lego/syscalls.h>
#include <lego/time.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

static u32 key[8];
static u64 counter;
static DEFINE_SPINLOCK(rng_lock);

#define ROTL(v, n)	(((v) << (n)) | ((v) >> (32 - (n))))
#define QR(a, b, c, d)	(a += b, d ^= a, d = ROTL(d, 16), c += d, b ^= c, \
			 b = ROTL(b, 12), a += b, d ^= a, d = ROTL(d, 8),  \
			 c += d, b ^= c, b = ROTL(b, 7))

static void chacha20_block(u32 out[16])
{
	u32 x[16], in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	int i;

	memcpy(&in[4], key, sizeof(key));
	in[12] = (u32)counter;
	in[13] = (u32)(counter >> 32);
	in[14] = in[15] = 0;
	counter++;
	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++)
		out[i] = x[i] + in[i];
}

static bool rdrand64(u64 *v)
{
	unsigned char ok;
	int tries = 10;

	while (tries--) {
		asm volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

void random_init(void)
{
	u64 seed[4] = { rdtsc(), rtc_read_epoch_seconds(), 0, 0 };
	int i;

	if (boot_cpu_data.rdrand)
		for (i = 2; i < 4; i++)
			rdrand64(&seed[i]);
	seed[3] ^= rdtsc() * 0x9e3779b97f4a7c15ULL;
	memcpy(key, seed, sizeof(key));
}

/* Output n bytes; then replace the key with fresh keystream. */
void get_random_bytes(void *buf, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&rng_lock);
	u32 block[16];
	u8 *p = buf;

	while (n) {
		size_t c = min(n, sizeof(block));

		chacha20_block(block);
		memcpy(p, block, c);
		p += c;
		n -= c;
	}
	chacha20_block(block);
	memcpy(key, block, sizeof(key));
	memset(block, 0, sizeof(block));
	spin_unlock_irqrestore(&rng_lock, flags);
}

u64 get_random_u64(void)
{
	u64 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

ssize_t get_random_bytes_user(void __user *buf, size_t n)
{
	u8 tmp[256];
	size_t done = 0;

	while (done < n) {
		size_t c = min(n - done, sizeof(tmp)), left;

		get_random_bytes(tmp, c);
		left = copy_to_user((u8 __user *)buf + done, tmp, c);
		done += c - left;
		if (left)
			break;
	}
	memset(tmp, 0, sizeof(tmp));
	if (!done && n)
		return -EFAULT;
	return done;
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

/*
 * getrandom(2): the pool is seeded at boot, so no flag ever blocks.
 * GRND_INSECURE with GRND_RANDOM is EINVAL, as are unknown flags; a count
 * beyond INT_MAX is clamped (Linux's MAX_RW_COUNT).
 */
SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > (INT_MAX & PAGE_MASK))
		count = INT_MAX & PAGE_MASK;
	if (!count)
		return 0;
	return get_random_bytes_user(buf, count);
}
