// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formats a message, prefixes the Linux-style timestamp
 * "[    1.234567] ", keeps it in the log ring and writes it to every
 * registered console whose level admits it.
 */
#include <lego/kernel.h>
#include <lego/printk.h>
#include <lego/spinlock.h>
#include <lego/string.h>
#include <lego/time.h>

int console_loglevel = 7;
static struct console *consoles;
static DEFINE_SPINLOCK(printk_lock);

/* The log ring: every message, for dmesg-like readers. */
#define LOG_BUF_LEN	(1 << 16)
static char log_buf[LOG_BUF_LEN];
static u64 log_head;		/* bytes ever written */
static bool line_open;		/* last message did not end in '\n' */

void register_console(struct console *con)
{
	con->next = consoles;
	consoles = con;
}

static void __console_write(const char *s, size_t n)
{
	struct console *c;

	for (c = consoles; c; c = c->next)
		c->write(c, s, n);
}

/* Text for the console as it is, whole: no other CPU's output lands in
 * the middle of it. */
void console_write(const char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&printk_lock);

	__console_write(s, n);
	spin_unlock_irqrestore(&printk_lock, flags);
}

static void log_store(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += n;
}

static void emit(const char *s, size_t n, bool to_console)
{
	log_store(s, n);
	if (to_console)
		__console_write(s, n);
}

int vprintk(const char *fmt, va_list args)
{
	char text[1024], prefix[32];
	int level = LOGLEVEL_DEFAULT, len, plen = 0;
	bool cont = false, to_console;
	unsigned long flags;

	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;
		else if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	len = vscnprintf(text, sizeof(text), fmt, args);
	to_console = level <= console_loglevel;

	flags = spin_lock_irqsave(&printk_lock);
	if (!(cont && line_open)) {
		if (line_open)
			emit("\n", 1, to_console);
		if (IS_ENABLED(CONFIG_PRINTK_TIME)) {
			u64 ns = ktime_get_ns();

			plen = scnprintf(prefix, sizeof(prefix), "[%5lu.%06lu] ",
					 (unsigned long)(ns / 1000000000),
					 (unsigned long)(ns % 1000000000) / 1000);
			emit(prefix, plen, to_console);
		}
	}
	emit(text, len, to_console);
	line_open = len && text[len - 1] != '\n';
	spin_unlock_irqrestore(&printk_lock, flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
