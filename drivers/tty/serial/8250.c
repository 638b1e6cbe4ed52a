// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550A UART on COM1 (I/O port 0x3f8), 115200 baud 8N1: the kernel
 * console and, through the tty layer, the user's terminal.  Register map:
 * National Semiconductor PC16550D data sheet.
 */
#include <lego/kernel.h>
#include <lego/printk.h>
#include <lego/serial.h>
#include <lego/string.h>
#include <lego/cmdline.h>
#include <asm/io.h>

#define UART_RX		0	/* receive buffer (DLAB=0) */
#define UART_TX		0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_IER_RDI	0x01	/* interrupt on received data */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* gates the IRQ line on PC hardware */

#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */

static u16 uart_base = 0x3f8;
static unsigned int uart_baud = 115200;
static bool uart_present;

static void uart_putc(char c)
{
	int spins = 100000;

	while (!(inb(uart_base + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb(c, uart_base + UART_TX);
}

/* Console output: "\n" becomes "\r\n", as a serial terminal expects. */
static void serial_console_write(struct console *con, const char *s, size_t n)
{
	size_t i;

	if (!uart_present)
		return;
	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
};

/* A byte from the UART if one is waiting, else -1. */
int serial_getc(void)
{
	if (!uart_present || !(inb(uart_base + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(uart_base + UART_RX);
}

/* Raw output without newline translation, for the tty layer. */
void serial_write_raw(const char *s, size_t n)
{
	size_t i;

	if (!uart_present)
		return;
	for (i = 0; i < n; i++)
		uart_putc(s[i]);
}

void serial_enable_rx_irq(void)
{
	if (uart_present)
		outb(UART_IER_RDI, uart_base + UART_IER);
}

/*
 * console=ttyS0[,baud] or console=ttyS1: parsed before the console comes up.
 * Any other console= leaves COM1 at 115200.
 */
static void parse_console_arg(const char *cmdline)
{
	char val[32];
	unsigned long baud;
	char *comma;

	if (!cmdline_get(cmdline, "console", val, sizeof(val)))
		return;
	if (strncmp(val, "ttyS", 4))
		return;
	if (val[4] == '1')
		uart_base = 0x2f8;
	comma = strchr(val, ',');
	if (comma) {
		char *p = comma + 1;

		baud = simple_strtoul(p, NULL, 10);
		if (baud >= 50 && baud <= UART_CLOCK)
			uart_baud = baud;
	}
}

void serial_init(const char *cmdline)
{
	u16 div;

	parse_console_arg(cmdline);
	div = UART_CLOCK / uart_baud;
	outb(0, uart_base + UART_IER);
	outb(UART_LCR_DLAB, uart_base + UART_LCR);
	outb(div & 0xff, uart_base + UART_DLL);
	outb(div >> 8, uart_base + UART_DLM);
	outb(UART_LCR_8N1, uart_base + UART_LCR);
	outb(0xc7, uart_base + UART_FCR);	/* enable+clear FIFOs, 14-byte trigger */
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, uart_base + UART_MCR);
	/* A port that reads back 0xff on LSR is not there. */
	uart_present = inb(uart_base + UART_LSR) != 0xff;
	register_console(&serial_console);
}
