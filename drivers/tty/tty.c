// SPDX-License-Identifier: GPL-2.0
/*
 * The console tty on the serial port: /dev/console, /dev/tty and
 * /dev/ttyS0 all name it.  Input arrives by the UART's receive interrupt
 * (COM1, ISA IRQ 4) into a line discipline: in canonical mode (ICANON)
 * lines are edited (ERASE, KILL, EOF) and echoed, and read() returns a
 * whole line; otherwise bytes are returned as they come (VMIN 1).
 * Output post-processing is ONLCR ("\n" -> "\r\n") when OPOST is set.
 * Job control and signals from the keyboard come with the ABI breadth
 * issue.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/serial.h>
#include <lego/string.h>
#include <lego/wait.h>
#include <lego/errno.h>
#include <uapi/lego/termios.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>
#include <lego/tty.h>
#include <lego/signal.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>

#define TTY_BUF		4096

struct tty {
	struct termios termios;
	struct winsize winsize;
	char line[TTY_BUF];		/* the line being edited */
	unsigned int line_len;
	char read_buf[TTY_BUF];		/* bytes ready for read() */
	unsigned int head, tail;	/* ring indices */
	unsigned int lines;		/* complete lines (or EOFs) in read_buf */
	spinlock_t lock;		/* the buffers, against the interrupt */
	struct wait_queue_head wait;
};

static struct tty console_tty = {
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			   ECHOKE | IEXTEN,
		.c_cc = { 003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0,
			  022, 017, 027, 026, 0 },
	},
	.lock = __SPIN_LOCK_UNLOCKED,
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(console_tty.wait),
};

static unsigned int rb_count(const struct tty *t)
{
	return t->head - t->tail;
}

static void rb_put(struct tty *t, char c)
{
	if (rb_count(t) < TTY_BUF)
		t->read_buf[t->head++ % TTY_BUF] = c;
}

static void tty_output(struct tty *t, const char *s, size_t n)
{
	size_t i, start = 0;

	if (!(t->termios.c_oflag & OPOST) || !(t->termios.c_oflag & ONLCR)) {
		serial_write_raw(s, n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			serial_write_raw(s + start, i - start);
			serial_write_raw("\r\n", 2);
			start = i + 1;
		}
	}
	serial_write_raw(s + start, n - start);
}

static void echo(struct tty *t, char c)
{
	if (!(t->termios.c_lflag & ECHO))
		return;
	if ((t->termios.c_lflag & ECHOCTL) && (unsigned char)c < 32 &&
	    c != '\n' && c != '\t') {
		char ctl[2] = { '^', c + 64 };

		tty_output(t, ctl, 2);
		return;
	}
	tty_output(t, &c, 1);
}

/* One received byte through the line discipline (interrupts off). */
static void tty_receive(struct tty *t, char c)
{
	const cc_t *cc = t->termios.c_cc;

	if (c == '\r' && (t->termios.c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->termios.c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->termios.c_iflag & INLCR))
		c = '\r';
	if (!(t->termios.c_lflag & ICANON)) {
		rb_put(t, c);
		echo(t, c);
		wake_up_all(&t->wait);
		return;
	}
	if ((cc_t)c == cc[VERASE] || c == '\b') {
		if (t->line_len) {
			t->line_len--;
			if (t->termios.c_lflag & ECHOE)
				tty_output(t, "\b \b", 3);
		}
		return;
	}
	if ((cc_t)c == cc[VKILL]) {
		while (t->line_len) {
			t->line_len--;
			if (t->termios.c_lflag & ECHOK)
				tty_output(t, "\b \b", 3);
		}
		return;
	}
	if ((cc_t)c == cc[VEOF]) {
		unsigned int i;

		/* The line so far is readable; alone, EOF reads as 0 bytes. */
		for (i = 0; i < t->line_len; i++)
			rb_put(t, t->line[i]);
		if (!t->line_len)
			rb_put(t, 0), t->head--, t->lines++;
		else
			t->lines++;
		t->line_len = 0;
		wake_up_all(&t->wait);
		return;
	}
	if (t->line_len < TTY_BUF - 1)
		t->line[t->line_len++] = c;
	echo(t, c);
	if (c == '\n' || (c && (cc_t)c == cc[VEOL])) {
		unsigned int i;

		for (i = 0; i < t->line_len; i++)
			rb_put(t, t->line[i]);
		t->line_len = 0;
		t->lines++;
		wake_up_all(&t->wait);
	}
}

static void serial_interrupt(struct pt_regs *regs)
{
	int c;

	spin_lock(&console_tty.lock);
	while ((c = serial_getc()) >= 0)
		tty_receive(&console_tty, c);
	spin_unlock(&console_tty.lock);
}

static bool tty_readable(struct tty *t)
{
	if (t->termios.c_lflag & ICANON)
		return t->lines > 0;
	return rb_count(t) > 0;
}

static ssize_t tty_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	struct tty *t = &console_tty;
	size_t done = 0;
	unsigned long flags;
	int r;

	if (!n)
		return 0;
	if ((f->f_flags & O_NONBLOCK) && !tty_readable(t))
		return -EAGAIN;
	r = wait_event_interruptible(t->wait, tty_readable(t));
	if (r)
		return -ERESTARTSYS;
	flags = spin_lock_irqsave(&t->lock);
	if ((t->termios.c_lflag & ICANON) && t->lines && rb_count(t) == 0) {
		t->lines--;			/* a lone EOF */
		spin_unlock_irqrestore(&t->lock, flags);
		return 0;
	}
	while (done < n && rb_count(t)) {
		char c = t->read_buf[t->tail % TTY_BUF];

		spin_unlock_irqrestore(&t->lock, flags);
		if (put_user(c, buf + done)) {
			return done ? (ssize_t)done : -EFAULT;
		}
		flags = spin_lock_irqsave(&t->lock);
		t->tail++;
		done++;
		if (c == '\n' && (t->termios.c_lflag & ICANON)) {
			t->lines--;
			break;
		}
	}
	spin_unlock_irqrestore(&t->lock, flags);
	return done;
}

/*
 * Output goes in chunks of 2048 bytes, each copied whole before any of it
 * is written, as Linux's tty_write does: a fault ends the write with the
 * chunks before it, or -EFAULT in the first, never a torn chunk.
 */
#define TTY_WRITE_CHUNK	2048

static ssize_t tty_write(struct file *f, const char __user *buf, size_t n,
			 loff_t *pos)
{
	char *chunk;
	size_t done = 0;

	if (!n)
		return 0;
	chunk = kmalloc(TTY_WRITE_CHUNK, GFP_KERNEL);
	if (!chunk)
		return -ENOMEM;
	while (done < n) {
		size_t c = min(n - done, (size_t)TTY_WRITE_CHUNK);

		if (copy_from_user(chunk, buf + done, c))
			break;
		tty_output(&console_tty, chunk, c);
		done += c;
	}
	kfree(chunk);
	return done ? (ssize_t)done : -EFAULT;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty *t = &console_tty;
	void __user *p = (void __user *)arg;
	struct termios tio;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &t->termios, sizeof(tio)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&tio, p, sizeof(tio)))
			return -EFAULT;
		if (cmd == TCSETSF) {
			unsigned long flags = spin_lock_irqsave(&t->lock);

			t->head = t->tail = t->lines = t->line_len = 0;
			spin_unlock_irqrestore(&t->lock, flags);
		}
		t->termios = tio;
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &t->winsize, sizeof(t->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&t->winsize, p, sizeof(t->winsize)) ? -EFAULT : 0;
	case FIONREAD:
		return put_user((int)rb_count(t), (int __user *)p);
	default:
		return -ENOTTY;
	}
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
};

void disassociate_ctty(struct signal_struct *sig)
{
	sig->tty = NULL;
}

void tty_init(void)
{
	request_isa_irq(SERIAL_IRQ, serial_interrupt);
	serial_enable_rx_irq();
}
