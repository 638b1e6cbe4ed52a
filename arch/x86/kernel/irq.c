// SPDX-License-Identifier: GPL-2.0
/*
 * External interrupts (vectors 32-255): a handler per vector, and the
 * acknowledgement each source needs once its handler has run.  The local
 * APIC takes an EOI for everything it delivered (the timer, IPIs, and the
 * I/O APIC's device interrupts); a legacy 8259A interrupt takes an EOI at
 * the 8259A; the spurious vector takes none (Intel SDM Vol. 3A 11.8.5,
 * 11.9).  Handlers run with interrupts disabled and never nest.
 *
 * Message-signalled interrupts (PCI MSI/MSI-X) need no routing: the
 * device writes the vector straight to a local APIC.  Their vectors come
 * from a small allocator over FIRST_DYNAMIC_VECTOR..LAST_DYNAMIC_VECTOR,
 * each with a handler that gets its device's data pointer.
 */
#include <lego/kernel.h>
#include <lego/smp.h>
#include <lego/spinlock.h>
#include <lego/errno.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>

static void (*irq_handlers[NR_VECTORS])(struct pt_regs *);
static struct {
	void (*fn)(void *data);
	void *data;
} dyn_handlers[LAST_DYNAMIC_VECTOR - FIRST_DYNAMIC_VECTOR + 1];
static DEFINE_SPINLOCK(vector_lock);

void set_irq_handler(unsigned int vector, void (*fn)(struct pt_regs *))
{
	irq_handlers[vector] = fn;
}

/*
 * Installs the handler of ISA interrupt irq and unmasks it: through the
 * I/O APIC to the boot CPU when there is one, else at the 8259A.
 */
void request_isa_irq(unsigned int irq, void (*fn)(struct pt_regs *))
{
	set_irq_handler(ISA_IRQ_VECTOR(irq), fn);
	if (ioapic_in_use && io_apic_route_isa(irq, cpu_apicid[0]))
		return;
	pic_unmask(irq);
}

/*
 * A free vector for a message-signalled interrupt whose handler is
 * fn(data); -ENOSPC when all are taken.  The handler is in place before
 * the vector is returned, so the device may be told about it at once.
 */
int irq_alloc_vector(void (*fn)(void *data), void *data)
{
	unsigned long flags = spin_lock_irqsave(&vector_lock);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dyn_handlers); i++) {
		if (FIRST_DYNAMIC_VECTOR + i == IA32_SYSCALL_VECTOR)
			continue;
		if (!dyn_handlers[i].fn) {
			dyn_handlers[i].data = data;
			WRITE_ONCE(dyn_handlers[i].fn, fn);
			spin_unlock_irqrestore(&vector_lock, flags);
			return FIRST_DYNAMIC_VECTOR + i;
		}
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return -ENOSPC;
}

/* Gives a vector back; the device must no longer send it. */
void irq_free_vector(unsigned int vector)
{
	unsigned long flags;

	if (vector < FIRST_DYNAMIC_VECTOR || vector > LAST_DYNAMIC_VECTOR)
		return;
	flags = spin_lock_irqsave(&vector_lock);
	WRITE_ONCE(dyn_handlers[vector - FIRST_DYNAMIC_VECTOR].fn, NULL);
	spin_unlock_irqrestore(&vector_lock, flags);
}

static bool is_legacy_pic_vector(unsigned int vector)
{
	return !ioapic_in_use && vector >= ISA_IRQ_VECTOR(0) && vector < ISA_IRQ_VECTOR(16);
}

void do_irq(struct pt_regs *regs, unsigned int vector)
{
	void (*fn)(struct pt_regs *) = irq_handlers[vector];

	if (vector >= FIRST_DYNAMIC_VECTOR && vector <= LAST_DYNAMIC_VECTOR &&
	    READ_ONCE(dyn_handlers[vector - FIRST_DYNAMIC_VECTOR].fn)) {
		unsigned int i = vector - FIRST_DYNAMIC_VECTOR;

		dyn_handlers[i].fn(dyn_handlers[i].data);
	} else if (fn)
		fn(regs);
	else
		pr_warn("CPU%d: unexpected interrupt on vector %#x\n",
			smp_processor_id(), vector);
	if (vector == SPURIOUS_APIC_VECTOR)
		return;
	if (is_legacy_pic_vector(vector))
		pic_eoi(vector - ISA_IRQ_VECTOR(0));
	else
		apic_eoi();
}
