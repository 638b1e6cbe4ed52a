// SPDX-License-Identifier: GPL-2.0
/*
 * The console tty on the serial port: /dev/ttyS0, /dev/console, and
 * /dev/tty (the caller's controlling terminal) all reach it.  Its line
 * discipline follows Linux's n_tty:
 *
 *  - Input arrives by the UART's receive interrupt (COM1, ISA IRQ 4) into
 *    a ring.  In canonical mode (ICANON) the line being edited is the
 *    ring's tail past canon_head: ERASE, KILL, WERASE, LNEXT and REPRINT
 *    work on it, and a newline, EOL, EOL2 or EOF makes it readable (EOF
 *    is kept as a NUL marked end-of-line, and read returns the line
 *    without it: 0 bytes at the start of a line).  Otherwise reads follow
 *    VMIN and VTIME.  INTR, QUIT and SUSP send SIGINT, SIGQUIT and
 *    SIGTSTP to the foreground process group (ISIG); STOP and START stop
 *    and restart output (IXON).  Echo follows ECHO, ECHOE, ECHOK,
 *    ECHOKE, ECHONL, ECHOCTL and ECHOPRT.
 *  - Output is post-processed (OPOST: ONLCR, OCRNL, ONOCR, ONLRET, OLCUC,
 *    XTABS) with the column tracked for tabs and erasing.
 *  - Job control (POSIX 11.1.3): a session leader that opens the tty
 *    without O_NOCTTY, or asks with TIOCSCTTY, makes it its session's
 *    controlling terminal; TIOCSPGRP picks the foreground group.  A
 *    background process that reads gets SIGTTIN, one that writes with
 *    TOSTOP or changes the settings gets SIGTTOU (EIO when its group is
 *    orphaned, or for reads when SIGTTIN is ignored or blocked).  When
 *    the session leader exits the foreground group gets SIGHUP and
 *    SIGCONT and the terminal belongs to no session.
 *
 * tty->lock (interrupts off: the receive interrupt takes it) guards all
 * of the state.  Signals are sent after it is dropped.
 */
#include <lego/kernel.h>
#include <lego/fs.h>
#include <lego/mm.h>
#include <lego/sched.h>
#include <lego/signal.h>
#include <lego/serial.h>
#include <lego/string.h>
#include <lego/wait.h>
#include <lego/poll.h>
#include <lego/time.h>
#include <lego/errno.h>
#include <uapi/lego/termios.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>
#include <lego/tty.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>

#define TTY_BUF		4096	/* Linux's N_TTY_BUF_SIZE; a power of two */
#define TTY_MASK	(TTY_BUF - 1)

struct tty {
	spinlock_t lock;
	struct termios termios;
	struct termios locked;		/* TIOCSLCKTRMIOS: kept, not enforced */
	speed_t ispeed, ospeed;
	struct winsize winsize;
	/* Input: a ring from tail to head; [tail, canon_head) holds complete
	 * lines (ICANON), [line_start, head) the line being edited. */
	unsigned char rbuf[TTY_BUF];
	unsigned long eol[TTY_BUF / 64];	/* the last byte of each line */
	unsigned int head, tail, canon_head, line_start;
	unsigned int canon_column;	/* where the edited line's echo began */
	bool lnext;			/* the next byte is literal */
	bool erasing;			/* ECHOPRT: inside \...\ */
	/* Output. */
	unsigned int column;
	bool stopped;			/* STOP typed, or TCOOFF */
	bool exclusive;			/* TIOCEXCL */
	/* Job control: the session it is the terminal of, its foreground group. */
	pid_t session, pgrp;
	struct wait_queue_head read_wait, write_wait;
};

static struct tty console_tty = {
	.lock = __SPIN_LOCK_UNLOCKED,
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
		/* Linux's INIT_C_CC: ^C ^\ DEL ^U ^D, TIME 0, MIN 1, ^Q ^S ^Z,
		 * REPRINT ^R, DISCARD ^O, WERASE ^W, LNEXT ^V. */
		.c_cc = { 003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0,
			  022, 017, 027, 026, 0 },
	},
	.ispeed = 115200,
	.ospeed = 115200,
	.read_wait = __WAIT_QUEUE_HEAD_INITIALIZER(console_tty.read_wait),
	.write_wait = __WAIT_QUEUE_HEAD_INITIALIZER(console_tty.write_wait),
};

#define I(t, f)	((t)->termios.c_iflag & (f))
#define O(t, f)	((t)->termios.c_oflag & (f))
#define L(t, f)	((t)->termios.c_lflag & (f))
#define CC(t, i) ((t)->termios.c_cc[i])

/* c is the control character i, which is not disabled. */
static bool is_cc(const struct tty *t, unsigned char c, int i)
{
	return c != _POSIX_VDISABLE && c == CC(t, i);
}

static bool is_cntrl(unsigned char c)
{
	return c < 32 || c == 127;
}

/* ------------------------------------------------------------- output */

/*
 * Output goes to the UART in small batches with the lock held, so echo
 * from the interrupt and writes from tasks keep their order and the
 * column stays right; the batch bounds the time interrupts stay off.
 */
struct obuf {
	char b[64];
	unsigned int n;
};

static void out_flush(struct obuf *o)
{
	serial_write_raw(o->b, o->n);
	o->n = 0;
}

static void out_raw(struct obuf *o, char c)
{
	if (o->n == sizeof(o->b))
		out_flush(o);
	o->b[o->n++] = c;
}

/* One byte through OPOST (Linux's do_output_char). */
static void out_char(struct tty *t, struct obuf *o, unsigned char c)
{
	unsigned int spaces;

	if (!O(t, OPOST)) {
		out_raw(o, c);
		return;
	}
	switch (c) {
	case '\n':
		if (O(t, ONLRET))
			t->column = 0;
		if (O(t, ONLCR)) {
			t->column = 0;
			out_raw(o, '\r');
		}
		break;
	case '\r':
		if (O(t, ONOCR) && !t->column)
			return;
		if (O(t, OCRNL)) {
			c = '\n';
			if (O(t, ONLRET))
				t->column = 0;
			break;
		}
		t->column = 0;
		break;
	case '\t':
		spaces = 8 - (t->column & 7);
		t->column += spaces;
		if ((t->termios.c_oflag & TABDLY) == XTABS) {
			while (spaces--)
				out_raw(o, ' ');
			return;
		}
		break;
	case '\b':
		if (t->column)
			t->column--;
		break;
	default:
		if (!is_cntrl(c)) {
			if (O(t, OLCUC) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			t->column++;
		}
		break;
	}
	out_raw(o, c);
}

/* An echo: a control character as ^X with ECHOCTL (not tab, newline). */
static void echo_char(struct tty *t, struct obuf *o, unsigned char c)
{
	if (L(t, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n') {
		out_char(t, o, '^');
		out_char(t, o, c ^ 0100);
		return;
	}
	out_char(t, o, c);
}

/* ------------------------------------------------------------- input */

static unsigned int rb_count(const struct tty *t)
{
	return t->head - t->tail;
}

static bool eol_test(const struct tty *t, unsigned int i)
{
	i &= TTY_MASK;
	return t->eol[i / 64] & (1UL << (i % 64));
}

static void eol_set(struct tty *t, unsigned int i, bool v)
{
	unsigned long bit = 1UL << ((i & TTY_MASK) % 64);

	if (v)
		t->eol[(i & TTY_MASK) / 64] |= bit;
	else
		t->eol[(i & TTY_MASK) / 64] &= ~bit;
}

static void flush_input(struct tty *t)
{
	t->head = t->tail = t->canon_head = t->line_start = 0;
	t->lnext = false;
	memset(t->eol, 0, sizeof(t->eol));
}

/*
 * Stores c; in canonical mode, eol ends the line (it becomes readable).
 * A full ring keeps room for one line terminator so a line always ends.
 */
static void put_input(struct tty *t, unsigned char c, bool eol)
{
	if (rb_count(t) >= TTY_BUF - (eol ? 0 : 1))
		return;
	eol_set(t, t->head, eol);
	t->rbuf[t->head++ & TTY_MASK] = c;
	if (eol) {
		t->canon_head = t->line_start = t->head;
		t->canon_column = t->column;
	}
}

/* The echo width of the edited line's bytes before index end. */
static unsigned int line_column(struct tty *t, unsigned int end)
{
	unsigned int i, col = t->canon_column;

	for (i = t->line_start; i != end; i++) {
		unsigned char c = t->rbuf[i & TTY_MASK];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c) && L(t, ECHOCTL))
			col += 2;
		else if (!is_cntrl(c))
			col++;
	}
	return col;
}

/* Rubs out the last byte of the edited line on the screen and in the ring. */
static void rub_out(struct tty *t, struct obuf *o)
{
	unsigned int before, after;
	unsigned char c = t->rbuf[(t->head - 1) & TTY_MASK];

	after = line_column(t, t->head);
	t->head--;
	if (!L(t, ECHO))
		return;
	if (L(t, ECHOPRT)) {
		if (!t->erasing) {
			out_char(t, o, '\\');
			t->erasing = true;
		}
		echo_char(t, o, c);
		return;
	}
	if (!L(t, ECHOE)) {
		echo_char(t, o, CC(t, VERASE));
		return;
	}
	before = line_column(t, t->head);
	while (after-- > before) {
		out_char(t, o, '\b');
		if (c != '\t') {
			out_char(t, o, ' ');
			out_char(t, o, '\b');
		}
	}
}

/* ERASE, WERASE (a word: trailing blanks, then non-blanks) or KILL. */
static void erase(struct tty *t, struct obuf *o, int which)
{
	if (t->head == t->line_start)
		return;
	if (which == VKILL && (!L(t, ECHO) || !L(t, ECHOK) || !L(t, ECHOKE) || !L(t, ECHOE))) {
		t->head = t->line_start;
		if (L(t, ECHO)) {
			echo_char(t, o, CC(t, VKILL));
			if (L(t, ECHOK))
				out_char(t, o, '\n');
			t->canon_column = t->column;
		}
		return;
	}
	if (which == VWERASE) {
		while (t->head != t->line_start && (t->rbuf[(t->head - 1) & TTY_MASK] == ' ' ||
						    t->rbuf[(t->head - 1) & TTY_MASK] == '\t'))
			rub_out(t, o);
		while (t->head != t->line_start && t->rbuf[(t->head - 1) & TTY_MASK] != ' ' &&
		       t->rbuf[(t->head - 1) & TTY_MASK] != '\t')
			rub_out(t, o);
	} else if (which == VKILL) {
		while (t->head != t->line_start)
			rub_out(t, o);
	} else {
		rub_out(t, o);
	}
	if (t->head == t->line_start && L(t, ECHOPRT) && t->erasing) {
		out_char(t, o, '/');
		t->erasing = false;
	}
}

/* REPRINT: the edited line again on a fresh line. */
static void reprint(struct tty *t, struct obuf *o)
{
	unsigned int i;

	echo_char(t, o, CC(t, VREPRINT));
	out_char(t, o, '\n');
	t->canon_column = t->column;
	for (i = t->line_start; i != t->head; i++)
		echo_char(t, o, t->rbuf[i & TTY_MASK]);
}

/* A byte of the line (canonical) or of the input (raw), echoed. */
static void receive_normal(struct tty *t, struct obuf *o, unsigned char c)
{
	if (L(t, ICANON) && rb_count(t) >= TTY_BUF - 1) {
		if (I(t, IMAXBEL))
			out_raw(o, '\a');
		return;
	}
	if (L(t, ECHO)) {
		if (t->erasing) {
			out_char(t, o, '/');
			t->erasing = false;
		}
		if (t->head == t->line_start)
			t->canon_column = t->column;
		echo_char(t, o, c);
	}
	put_input(t, c, false);
	if (!L(t, ICANON))
		t->canon_head = t->line_start = t->head;
}

/*
 * One received byte, interrupts off, lock held.  Returns the signal the
 * foreground group is to get (ISIG), 0 if none.
 */
static int receive_char(struct tty *t, struct obuf *o, unsigned char c)
{
	int sig = 0;

	if (I(t, ISTRIP))
		c &= 0x7f;
	if (I(t, IUCLC) && L(t, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (t->lnext) {
		t->lnext = false;
		if (L(t, ECHO) && L(t, ICANON))
			out_char(t, o, '\b');	/* the '^' shown for LNEXT */
		receive_normal(t, o, c);
		return 0;
	}
	if (I(t, IXON)) {
		if (is_cc(t, c, VSTOP)) {
			t->stopped = true;
			return 0;
		}
		if (is_cc(t, c, VSTART)) {
			t->stopped = false;
			wake_up_all(&t->write_wait);
			return 0;
		}
		if (t->stopped && I(t, IXANY)) {
			t->stopped = false;
			wake_up_all(&t->write_wait);
		}
	}
	if (L(t, ISIG)) {
		if (is_cc(t, c, VINTR))
			sig = SIGINT;
		else if (is_cc(t, c, VQUIT))
			sig = SIGQUIT;
		else if (is_cc(t, c, VSUSP))
			sig = SIGTSTP;
		if (sig) {
			if (!L(t, NOFLSH)) {
				flush_input(t);
				t->stopped = false;
				wake_up_all(&t->write_wait);
			}
			if (L(t, ECHO))
				echo_char(t, o, c);
			t->canon_column = t->column;
			return sig;
		}
	}
	if (c == '\r') {
		if (I(t, IGNCR))
			return 0;
		if (I(t, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(t, INLCR)) {
		c = '\r';
	}
	if (L(t, IEXTEN) && is_cc(t, c, VDISCARD)) {
		t->termios.c_lflag ^= FLUSHO;
		if (L(t, ECHO))
			echo_char(t, o, c);
		return 0;
	}
	if (!L(t, ICANON)) {
		if (L(t, ECHO))
			echo_char(t, o, c);
		put_input(t, c, false);
		t->canon_head = t->line_start = t->head;
		wake_up_all(&t->read_wait);
		return 0;
	}
	if (is_cc(t, c, VERASE) || is_cc(t, c, VKILL) ||
	    (L(t, IEXTEN) && is_cc(t, c, VWERASE))) {
		erase(t, o, is_cc(t, c, VERASE) ? VERASE : is_cc(t, c, VKILL) ? VKILL : VWERASE);
		return 0;
	}
	if (L(t, IEXTEN) && is_cc(t, c, VLNEXT)) {
		t->lnext = true;
		if (L(t, ECHO)) {
			if (t->head == t->line_start)
				t->canon_column = t->column;
			out_char(t, o, '^');
		}
		return 0;
	}
	if (L(t, IEXTEN) && is_cc(t, c, VREPRINT)) {
		if (L(t, ECHO))
			reprint(t, o);
		return 0;
	}
	if (c == '\n' || is_cc(t, c, VEOL) || (L(t, IEXTEN) && is_cc(t, c, VEOL2))) {
		if (L(t, ECHO) || (c == '\n' && L(t, ECHONL)))
			echo_char(t, o, c);
		put_input(t, c, true);
		wake_up_all(&t->read_wait);
		return 0;
	}
	if (is_cc(t, c, VEOF)) {
		put_input(t, 0, true);	/* the marker read() leaves out */
		wake_up_all(&t->read_wait);
		return 0;
	}
	receive_normal(t, o, c);
	return 0;
}

/* Sends sig to the foreground process group (after the lock). */
static void signal_fg(pid_t pgrp, int sig)
{
	if (sig && pgrp > 0)
		kill_pgrp(pgrp, sig, 1);
}

/* Bytes for the line discipline: the receive interrupt, and TIOCSTI. */
static void tty_receive_buf(struct tty *t, const unsigned char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&t->lock);
	struct obuf o = { .n = 0 };
	int sigs[4], nsig = 0, i;
	pid_t pgrp = t->pgrp;

	for (; n; s++, n--) {
		int sig = receive_char(t, &o, *s);

		if (sig && nsig < (int)ARRAY_SIZE(sigs))
			sigs[nsig++] = sig;
	}
	out_flush(&o);
	spin_unlock_irqrestore(&t->lock, flags);
	for (i = 0; i < nsig; i++)
		signal_fg(pgrp, sigs[i]);
}

static void serial_interrupt(struct pt_regs *regs)
{
	unsigned char buf[16];
	size_t n = 0;
	int c;

	while ((c = serial_getc()) >= 0) {
		buf[n++] = c;
		if (n == sizeof(buf)) {
			tty_receive_buf(&console_tty, buf, n);
			n = 0;
		}
	}
	if (n)
		tty_receive_buf(&console_tty, buf, n);
}

/* ------------------------------------------------------ job control */

static bool sig_ignored_or_blocked(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa_handler == SIG_IGN;
}

/*
 * Linux's __tty_check_change(): a process of a background group using its
 * controlling terminal.  Returns 0 to go on, -EIO, or -ERESTARTSYS once
 * sig (SIGTTIN, SIGTTOU) is on its way to the group.
 */
static int job_control(struct tty *t, int sig)
{
	struct signal_struct *s = current->signal;
	unsigned long flags;
	pid_t fg;

	if (s->tty != t)
		return 0;
	flags = spin_lock_irqsave(&t->lock);
	fg = t->pgrp;
	spin_unlock_irqrestore(&t->lock, flags);
	if (!fg || s->pgrp == fg)
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(s->pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* The caller's session takes t as its terminal, its group in front. */
static void proc_set_tty(struct tty *t)
{
	struct signal_struct *s = current->signal;
	unsigned long flags = spin_lock_irqsave(&t->lock);

	t->session = s->session;
	t->pgrp = s->pgrp;
	spin_unlock_irqrestore(&t->lock, flags);
	s->tty = t;
}

/*
 * t is nobody's terminal any more: the processes of its session lose it.
 * tasklist_lock taken here.
 */
static void session_clear_tty(struct tty *t, pid_t sid)
{
	struct task_struct *p;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && p->signal->session == sid && p->signal->tty == t)
			p->signal->tty = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	flags = spin_lock_irqsave(&t->lock);
	if (t->session == sid) {
		t->session = 0;
		t->pgrp = 0;
	}
	spin_unlock_irqrestore(&t->lock, flags);
}

/*
 * The controlling process is gone (exit), or gave the terminal up
 * (TIOCNOTTY): POSIX's SIGHUP to the foreground group, SIGCONT so that a
 * stopped one sees it, and the terminal belongs to no session.  Open
 * descriptors keep working (Documentation/process/decisions.rst).
 */
void disassociate_ctty(struct signal_struct *sig)
{
	struct tty *t = sig->tty;
	unsigned long flags;
	pid_t fg, sid;

	if (!t)
		return;
	flags = spin_lock_irqsave(&t->lock);
	fg = t->pgrp;
	sid = t->session;
	spin_unlock_irqrestore(&t->lock, flags);
	if (sid == sig->session) {
		signal_fg(fg, SIGHUP);
		signal_fg(fg, SIGCONT);
		session_clear_tty(t, sid);
	}
	sig->tty = NULL;
}

/* ------------------------------------------------------------ read */

static bool input_available(struct tty *t)
{
	return L(t, ICANON) ? t->canon_head != t->tail : rb_count(t) > 0;
}

/*
 * Canonical read: one line at most; the EOF marker ends a line without
 * being returned.  Lock held; copies to the kernel buffer kb.
 */
static size_t read_canon(struct tty *t, char *kb, size_t n)
{
	size_t done = 0;

	while (done < n && t->tail != t->canon_head) {
		unsigned int i = t->tail;
		unsigned char c = t->rbuf[i & TTY_MASK];
		bool eol = eol_test(t, i);

		if (eol && c == 0) {		/* EOF */
			t->tail++;
			break;
		}
		kb[done++] = c;
		t->tail++;
		if (eol)
			break;
	}
	return done;
}

static size_t read_raw(struct tty *t, char *kb, size_t n)
{
	size_t done = 0;

	while (done < n && rb_count(t))
		kb[done++] = t->rbuf[t->tail++ & TTY_MASK];
	if (t->canon_head - t->tail > TTY_BUF)	/* behind the tail now */
		t->canon_head = t->line_start = t->tail;
	return done;
}

/*
 * n_tty_read's rules: canonical reads wait for a line; raw reads wait
 * for VMIN bytes, with VTIME (tenths of a second) as the time for the
 * first byte when VMIN is 0 and between bytes otherwise.
 */
static ssize_t tty_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	struct tty *t = &console_tty;
	char *kb;
	size_t done = 0, minimum = 1;
	u64 interval = 0, deadline = 0;
	unsigned long flags;
	bool canon;
	ssize_t r;

	r = job_control(t, SIGTTIN);
	if (r)
		return r;
	if (!n)
		return 0;
	kb = kmalloc(min(n, (size_t)TTY_BUF), GFP_KERNEL);
	if (!kb)
		return -ENOMEM;
	flags = spin_lock_irqsave(&t->lock);
	canon = L(t, ICANON);
	if (!canon) {
		u64 vtime = CC(t, VTIME) * (NSEC_PER_SEC / 10);

		if (CC(t, VMIN)) {
			minimum = CC(t, VMIN);
			interval = vtime;
		} else if (vtime) {
			deadline = ktime_get_ns() + vtime;
		} else {
			minimum = 0;		/* a poll: what is there now */
		}
	}
	spin_unlock_irqrestore(&t->lock, flags);
	for (;;) {
		size_t got;

		flags = spin_lock_irqsave(&t->lock);
		if (L(t, ICANON)) {
			bool had_line = t->canon_head != t->tail;

			got = read_canon(t, kb, min(n, (size_t)TTY_BUF));
			spin_unlock_irqrestore(&t->lock, flags);
			if (had_line) {
				done = got;
				break;
			}
		} else {
			got = read_raw(t, kb + done, min(n, (size_t)TTY_BUF) - done);
			spin_unlock_irqrestore(&t->lock, flags);
			done += got;
			if (got && interval)
				deadline = ktime_get_ns() + interval;
			if (done >= minimum || done == min(n, (size_t)TTY_BUF) || !minimum)
				break;
			if (deadline && ktime_get_ns() >= deadline)
				break;
		}
		if (f->f_flags & O_NONBLOCK) {
			r = -EAGAIN;
			break;
		}
		r = deadline ? wait_event_interruptible_deadline(t->read_wait, input_available(t),
								 deadline) :
			       wait_event_interruptible(t->read_wait, input_available(t));
		if (r == -ETIMEDOUT) {
			r = 0;
			break;
		}
		if (r)
			break;
	}
	if (done && copy_to_user(buf, kb, done))
		r = -EFAULT;
	else if (done)
		r = done;
	kfree(kb);
	return r;
}

/* ------------------------------------------------------------ write */

#define TTY_WRITE_CHUNK	2048

/*
 * Output in chunks of 2048 bytes, each copied whole before any of it is
 * written, as Linux's tty_write: a fault ends the write with the chunks
 * before it, or -EFAULT in the first, never a torn chunk.  STOP (or
 * TCOOFF) holds writers until START; FLUSHO discards.
 */
static ssize_t tty_write(struct file *f, const char __user *buf, size_t n, loff_t *pos)
{
	struct tty *t = &console_tty;
	size_t done = 0;
	char *chunk;
	ssize_t r = 0;

	if (L(t, TOSTOP)) {
		r = job_control(t, SIGTTOU);
		if (r)
			return r;
	}
	if (!n)
		return 0;
	chunk = kmalloc(TTY_WRITE_CHUNK, GFP_KERNEL);
	if (!chunk)
		return -ENOMEM;
	while (done < n) {
		size_t c = min(n - done, (size_t)TTY_WRITE_CHUNK), i = 0;

		if (copy_from_user(chunk, buf + done, c)) {
			r = -EFAULT;
			break;
		}
		while (i < c) {
			struct obuf o = { .n = 0 };
			unsigned long flags;
			size_t end = min(c, i + sizeof(o.b) / 2);

			if (t->stopped) {
				r = (f->f_flags & O_NONBLOCK) ? -EAGAIN :
					wait_event_interruptible(t->write_wait, !t->stopped);
				if (r)
					goto out;
			}
			flags = spin_lock_irqsave(&t->lock);
			if (!L(t, FLUSHO))
				for (; i < end; i++)
					out_char(t, &o, chunk[i]);
			i = end;
			out_flush(&o);
			spin_unlock_irqrestore(&t->lock, flags);
		}
		done += c;
	}
out:
	kfree(chunk);
	return done ? (ssize_t)done : r;
}

/* ------------------------------------------------------------- ioctl */

/* TCSETS and friends: TCSETSW waits for output (which never waits here),
 * TCSETSF also discards unread input. */
static void set_termios(struct tty *t, const struct termios *tio, bool flush)
{
	unsigned long flags = spin_lock_irqsave(&t->lock);
	bool was_canon = L(t, ICANON);

	if (flush)
		flush_input(t);
	t->termios = *tio;
	if (was_canon != !!L(t, ICANON)) {
		/* Linux's n_tty_set_termios: entering canonical mode makes
		 * what is buffered one line; leaving it makes it all readable. */
		memset(t->eol, 0, sizeof(t->eol));
		t->line_start = t->tail;
		if (L(t, ICANON) && rb_count(t)) {
			eol_set(t, t->head - 1, true);
			t->canon_head = t->line_start = t->head;
		} else {
			t->canon_head = t->tail;
		}
		t->lnext = t->erasing = false;
	}
	if (!I(t, IXON) && t->stopped) {
		t->stopped = false;
		wake_up_all(&t->write_wait);
	}
	spin_unlock_irqrestore(&t->lock, flags);
	wake_up_all(&t->read_wait);
}

/* The speed a cflag's CBAUD bits name (the usual ones). */
static speed_t baud_of(tcflag_t cflag)
{
	static const speed_t low[16] = { 0, 50, 75, 110, 134, 150, 200, 300, 600, 1200,
					 1800, 2400, 4800, 9600, 19200, 38400 };
	static const speed_t high[] = { 57600, 115200, 230400, 460800, 500000, 576000,
					921600, 1000000, 1152000, 1500000, 2000000, 2500000,
					3000000, 3500000, 4000000 };
	unsigned int b = cflag & CBAUD;

	if (!(b & CBAUDEX))
		return low[b];
	b &= ~CBAUDEX;
	return b >= 1 && b <= ARRAY_SIZE(high) ? high[b - 1] : 0;
}

static int get_termio(struct tty *t, struct termio __user *u)
{
	struct termio tio = {
		.c_iflag = t->termios.c_iflag, .c_oflag = t->termios.c_oflag,
		.c_cflag = t->termios.c_cflag, .c_lflag = t->termios.c_lflag,
		.c_line = t->termios.c_line,
	};

	memcpy(tio.c_cc, t->termios.c_cc, NCC);
	return copy_to_user(u, &tio, sizeof(tio)) ? -EFAULT : 0;
}

/* TCSETA*: the low 16 bits of each flag word and the first 8 characters. */
static int set_termio(struct tty *t, const struct termio __user *u, bool flush)
{
	struct termios tio = t->termios;
	struct termio o;

	if (copy_from_user(&o, u, sizeof(o)))
		return -EFAULT;
	tio.c_iflag = (tio.c_iflag & 0xffff0000) | o.c_iflag;
	tio.c_oflag = (tio.c_oflag & 0xffff0000) | o.c_oflag;
	tio.c_cflag = (tio.c_cflag & 0xffff0000) | o.c_cflag;
	tio.c_lflag = (tio.c_lflag & 0xffff0000) | o.c_lflag;
	tio.c_line = o.c_line;
	memcpy(tio.c_cc, o.c_cc, NCC);
	set_termios(t, &tio, flush);
	return 0;
}

static int termios_ioctl(struct tty *t, unsigned int cmd, void __user *p)
{
	struct termios2 t2;
	struct termios tio;
	int r = job_control(t, SIGTTOU);

	if (r)
		return r;
	switch (cmd) {
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&tio, p, sizeof(tio)))
			return -EFAULT;
		set_termios(t, &tio, cmd == TCSETSF);
		t->ispeed = t->ospeed = baud_of(tio.c_cflag);
		return 0;
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		if (copy_from_user(&t2, p, sizeof(t2)))
			return -EFAULT;
		memcpy(&tio, &t2, sizeof(tio));
		set_termios(t, &tio, cmd == TCSETSF2);
		t->ospeed = (tio.c_cflag & CBAUD) == BOTHER ? t2.c_ospeed : baud_of(tio.c_cflag);
		t->ispeed = ((tio.c_cflag >> IBSHIFT) & CBAUD) == BOTHER ? t2.c_ispeed : t->ospeed;
		return 0;
	default:
		return set_termio(t, p, cmd == TCSETAF);
	}
}

/* TIOCSPGRP: a group of the caller's session becomes the foreground. */
static int tiocspgrp(struct tty *t, pid_t __user *p)
{
	struct signal_struct *s = current->signal;
	struct task_struct *q;
	unsigned long flags;
	bool found = false, same_session = false;
	pid_t pgrp;
	int r = job_control(t, SIGTTOU);

	if (r == -EIO)
		return -ENOTTY;
	if (r)
		return r;
	if (s->tty != t || t->session != s->session)
		return -ENOTTY;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	list_for_each_entry(q, &task_list, tasks) {
		if (q->signal && thread_group_leader(q) && q->signal->pgrp == pgrp) {
			found = true;
			same_session |= q->signal->session == s->session;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found)
		return -ESRCH;
	if (!same_session)
		return -EPERM;
	flags = spin_lock_irqsave(&t->lock);
	t->pgrp = pgrp;
	spin_unlock_irqrestore(&t->lock, flags);
	return 0;
}

/* TIOCSCTTY: a session leader without a terminal takes this one; arg 1
 * lets root take it from another session. */
static int tiocsctty(struct tty *t, struct file *f, unsigned long arg)
{
	struct signal_struct *s = current->signal;

	if (s->leader && t->session == s->session)
		return 0;
	if (!s->leader || s->tty)
		return -EPERM;
	if (t->session) {
		if (arg != 1 || current->cred.euid)
			return -EPERM;
		session_clear_tty(t, t->session);
	}
	if (!(f->f_mode & FMODE_READ) && current->cred.euid)
		return -EPERM;
	proc_set_tty(t);
	return 0;
}

/* The modem lines as QEMU's and a PC's 16550 show them: DTR and RTS are
 * ours, carrier, DSR and CTS present. */
static unsigned int mctrl = TIOCM_DTR | TIOCM_RTS | TIOCM_OUT2;

/* Commands that need the caller to be in the foreground (SIGTTOU). */
static bool changes_tty(unsigned int cmd)
{
	switch (cmd) {
	case TCSBRK:
	case TCSBRKP:
	case TIOCSBRK:
	case TIOCCBRK:
	case TCFLSH:
	case TCXONC:
	case TIOCSETD:
		return true;
	}
	return false;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty *t = &console_tty;
	struct signal_struct *s = current->signal;
	void __user *p = (void __user *)arg;
	struct termios2 t2;
	struct winsize ws;
	unsigned long flags;
	int v, r;

	if (changes_tty(cmd)) {
		r = job_control(t, SIGTTOU);
		if (r)
			return r;
	}
	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &t->termios, sizeof(t->termios)) ? -EFAULT : 0;
	case TCGETS2:
		memcpy(&t2, &t->termios, sizeof(t->termios));
		t2.c_ispeed = t->ispeed;
		t2.c_ospeed = t->ospeed;
		return copy_to_user(p, &t2, sizeof(t2)) ? -EFAULT : 0;
	case TCGETA:
		return get_termio(t, p);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
	case TCSETA:
	case TCSETAW:
	case TCSETAF:
		return termios_ioctl(t, cmd, p);
	case TIOCGLCKTRMIOS:
		return copy_to_user(p, &t->locked, sizeof(t->locked)) ? -EFAULT : 0;
	case TIOCSLCKTRMIOS:
		if (current->cred.euid)
			return -EPERM;
		return copy_from_user(&t->locked, p, sizeof(t->locked)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &t->winsize, sizeof(t->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, p, sizeof(ws)))
			return -EFAULT;
		flags = spin_lock_irqsave(&t->lock);
		r = memcmp(&ws, &t->winsize, sizeof(ws));
		t->winsize = ws;
		v = t->pgrp;
		spin_unlock_irqrestore(&t->lock, flags);
		if (r)
			signal_fg(v, SIGWINCH);
		return 0;
	case FIONREAD:
		flags = spin_lock_irqsave(&t->lock);
		if (L(t, ICANON)) {
			unsigned int i;

			for (v = 0, i = t->tail; i != t->canon_head; i++)
				v += !(eol_test(t, i) && !t->rbuf[i & TTY_MASK]);
		} else {
			v = rb_count(t);
		}
		spin_unlock_irqrestore(&t->lock, flags);
		return put_user(v, (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);	/* output is synchronous */
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH) {
			flags = spin_lock_irqsave(&t->lock);
			flush_input(t);
			spin_unlock_irqrestore(&t->lock, flags);
		}
		return 0;
	case TCXONC:
		switch (arg) {
		case TCOOFF:
			t->stopped = true;
			return 0;
		case TCOON:
			t->stopped = false;
			wake_up_all(&t->write_wait);
			return 0;
		case TCIOFF:
		case TCION:
			v = CC(t, arg == TCIOFF ? VSTOP : VSTART);
			if (v != _POSIX_VDISABLE)
				serial_write_raw((char *)&v, 1);
			return 0;
		}
		return -EINVAL;
	case TCSBRK:
	case TCSBRKP:
	case TIOCSBRK:
	case TIOCCBRK:
		return 0;		/* output drained already; no break on the line */
	case TIOCGPGRP:
		if (s->tty != t)
			return -ENOTTY;
		return put_user(t->pgrp, (pid_t __user *)p);
	case TIOCSPGRP:
		return tiocspgrp(t, p);
	case TIOCGSID:
		if (s->tty != t || !t->session)
			return -ENOTTY;
		return put_user(t->session, (pid_t __user *)p);
	case TIOCSCTTY:
		return tiocsctty(t, f, arg);
	case TIOCNOTTY:
		if (s->tty != t)
			return -ENOTTY;
		if (s->leader)
			disassociate_ctty(s);
		s->tty = NULL;
		return 0;
	case TIOCSTI:
		if (s->tty != t && current->cred.euid)
			return -EPERM;
		if (get_user(v, (char __user *)p))
			return -EFAULT;
		tty_receive_buf(t, (unsigned char *)&v, 1);
		return 0;
	case TIOCEXCL:
	case TIOCNXCL:
		t->exclusive = cmd == TIOCEXCL;
		return 0;
	case TIOCGEXCL:
		return put_user((int)t->exclusive, (int __user *)p);
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)p);
	case TIOCSETD:
		if (get_user(v, (int __user *)p))
			return -EFAULT;
		return v == N_TTY ? 0 : -EINVAL;
	case TIOCMGET:
		return put_user((int)(mctrl | TIOCM_CAR | TIOCM_DSR | TIOCM_CTS),
				(int __user *)p);
	case TIOCMSET:
	case TIOCMBIS:
	case TIOCMBIC:
		if (get_user(v, (int __user *)p))
			return -EFAULT;
		v &= TIOCM_DTR | TIOCM_RTS | TIOCM_OUT1 | TIOCM_OUT2 | TIOCM_LOOP;
		mctrl = cmd == TIOCMSET ? (unsigned int)v :
			cmd == TIOCMBIS ? mctrl | v : mctrl & ~v;
		return 0;
	case TIOCGSOFTCAR:
		return put_user(t->termios.c_cflag & CLOCAL ? 1 : 0, (int __user *)p);
	case TIOCSSOFTCAR:
		if (get_user(v, (int __user *)p))
			return -EFAULT;
		flags = spin_lock_irqsave(&t->lock);
		t->termios.c_cflag = (t->termios.c_cflag & ~CLOCAL) | (v ? CLOCAL : 0);
		spin_unlock_irqrestore(&t->lock, flags);
		return 0;
	case TIOCGSERIAL: {
		struct serial_struct ss = {
			.type = PORT_16550A, .line = 0, .port = 0x3f8, .irq = SERIAL_IRQ,
			.xmit_fifo_size = 16, .baud_base = 115200, .close_delay = 50,
			.closing_wait = 3000,
		};

		return copy_to_user(p, &ss, sizeof(ss)) ? -EFAULT : 0;
	}
	case TIOCCONS:
	case TIOCVHANGUP:
		return current->cred.euid ? -EPERM : 0;
	default:
		return -ENOTTY;
	}
}

/* ------------------------------------------------------------ the rest */

static __poll_t tty_poll(struct file *f, poll_table *pt)
{
	struct tty *t = &console_tty;
	__poll_t mask = POLLOUT | POLLWRNORM;

	poll_wait(f, &t->read_wait, pt);
	poll_wait(f, &t->write_wait, pt);
	if (input_available(t))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/*
 * /dev/tty is the caller's controlling terminal (ENXIO without one);
 * /dev/console never becomes one; /dev/ttyS0 does for a session leader
 * without one that opens it for reading without O_NOCTTY (Linux's
 * tty_open_proc_set_tty).  TIOCEXCL keeps others out (EBUSY) but root.
 */
static int tty_open(struct inode *inode, struct file *f)
{
	struct tty *t = &console_tty;
	struct signal_struct *s = current->signal;
	dev_t dev = inode->i_rdev;
	bool noctty = (f->f_flags & O_NOCTTY) || dev == MKDEV(5, 0) || dev == MKDEV(5, 1);

	if (dev == MKDEV(5, 0) && (!s || !s->tty))
		return -ENXIO;
	if (t->exclusive && current->cred.euid)
		return -EBUSY;
	if (!noctty && s && s->leader && !s->tty && !t->session && (f->f_mode & FMODE_READ))
		proc_set_tty(t);
	return 0;
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

void tty_init(void)
{
	request_isa_irq(SERIAL_IRQ, serial_interrupt);
	serial_enable_rx_irq();
}
