// SPDX-License-Identifier: GPL-2.0
/* Device discovery at boot: the buses, then the drivers that probe them. */
#include <lego/kernel.h>
#include <lego/device.h>
#include <lego/pci.h>

void driver_init(void)
{
	pci_init();
	if (IS_ENABLED(CONFIG_VIRTIO_NET))
		virtio_net_init();
}
