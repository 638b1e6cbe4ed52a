// SPDX-License-Identifier: GPL-2.0
/*
 * External interrupts (vectors 32-255): a handler per vector, and the
 * acknowledgement each source needs once its handler has run.  The local
 * APIC takes an EOI for everything it delivered (the timer, IPIs, and the
 * I/O APIC's device interrupts); a legacy 8259A interrupt takes an EOI at
 * the 8259A; the spurious vector takes none (Intel SDM Vol. 3A 11.8.5,
 * 11.9).  Handlers run with interrupts disabled and never nest.
 */
#include <lego/kernel.h>
#include <lego/smp.h>
#include <asm/apic.h>
#include <asm/traps.h>
#include <asm/irq_vectors.h>

static void (*irq_handlers[NR_VECTORS])(struct pt_regs *);

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

static bool is_legacy_pic_vector(unsigned int vector)
{
	return !ioapic_in_use && vector >= ISA_IRQ_VECTOR(0) && vector < ISA_IRQ_VECTOR(16);
}

void do_irq(struct pt_regs *regs, unsigned int vector)
{
	void (*fn)(struct pt_regs *) = irq_handlers[vector];

	if (fn)
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
