// SPDX-License-Identifier: GPL-2.0
/*
 * Split virtqueues (virtio spec 1.1, 2.6), one descriptor per buffer.
 *
 * The driver owns the descriptor table and the available ring, the device
 * the used ring.  Ordering (2.6.13, 2.6.14), on x86 where stores are not
 * reordered with stores nor loads with loads (Intel SDM Vol. 3A 8.2.2):
 *  - the descriptor and the ring entry are written before avail->idx is
 *    (a compiler barrier: smp_wmb);
 *  - avail->idx is visible before used->flags is read to decide whether to
 *    notify (a store then a load of another location: smp_mb);
 *  - used->idx is read before the used entries it covers (smp_rmb).
 */
#include <lego/kernel.h>
#include <lego/virtio.h>
#include <lego/atomic.h>
#include <lego/errno.h>
#include <asm/io.h>

int virtqueue_add(struct virtqueue *vq, phys_addr_t addr, u32 len, bool device_writes,
		  void *token)
{
	u16 head;

	if (!vq->num_free)
		return -ENOSPC;
	head = vq->free_head;
	vq->free_head = vq->desc[head].next;
	vq->num_free--;
	vq->desc[head].addr = addr;
	vq->desc[head].len = len;
	vq->desc[head].flags = device_writes ? VRING_DESC_F_WRITE : 0;
	vq->tokens[head] = token;
	vq->avail->ring[vq->avail_idx & (vq->num - 1)] = head;
	smp_wmb();
	vq->avail_idx++;
	WRITE_ONCE(vq->avail->idx, vq->avail_idx);
	return 0;
}

void virtqueue_kick(struct virtqueue *vq)
{
	smp_mb();
	if (!(READ_ONCE(vq->used->flags) & VRING_USED_F_NO_NOTIFY))
		writew(vq->index, vq->notify_addr);
}

/*
 * A used entry naming a descriptor we did not give out (a broken device)
 * is skipped, never followed.
 */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len)
{
	struct vring_used_elem e;
	void *token;

	while (vq->last_used != READ_ONCE(vq->used->idx)) {
		smp_rmb();
		e = vq->used->ring[vq->last_used & (vq->num - 1)];
		vq->last_used++;
		if (e.id >= vq->num || !vq->tokens[e.id])
			continue;
		token = vq->tokens[e.id];
		vq->tokens[e.id] = NULL;
		vq->desc[e.id].next = vq->free_head;
		vq->free_head = e.id;
		vq->num_free++;
		*len = e.len;
		return token;
	}
	return NULL;
}
