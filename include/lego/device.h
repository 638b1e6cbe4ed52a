/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LEGO_DEVICE_H
#define _LEGO_DEVICE_H

/* Finds the buses and binds their drivers (drivers/init.c). */
void driver_init(void);
void virtio_net_init(void);

#endif /* _LEGO_DEVICE_H */
