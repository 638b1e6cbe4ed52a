/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LEGO_TERMIOS_H
#define _UAPI_LEGO_TERMIOS_H

/* asm-generic/termbits.h and ioctls.h, x86-64 values. */
typedef unsigned char cc_t;
typedef unsigned int tcflag_t;

#define NCCS 19
struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};
_Static_assert(sizeof(struct termios) == 36, "struct termios");

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSWTC	7
#define VSTART	8
#define VSTOP	9
#define VSUSP	10
#define VEOL	11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	14
#define VLNEXT	15
#define VEOL2	16

#define IGNCR	0000200
#define ICRNL	0000400
#define INLCR	0000100
#define IXON	0002000
#define OPOST	0000001
#define ONLCR	0000004
#define CS8	0000060
#define CREAD	0000200
#define HUPCL	0002000
#define CLOCAL	0004000
#define B115200	0010002
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define ECHOCTL	0001000
#define ECHOKE	0004000
#define IEXTEN	0100000

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIOASYNC	0x5452

#endif /* _UAPI_LEGO_TERMIOS_H */
