/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_SERIAL_H
#define _LEGO_SERIAL_H

#include <lego/types.h>

void serial_init(const char *cmdline);
int serial_getc(void);
void serial_write_raw(const char *s, size_t n);
void serial_enable_rx_irq(void);

#define SERIAL_IRQ	4	/* COM1 on the ISA bus */

#endif /* _LEGO_SERIAL_H */
