/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

void acpi_init(void);
void acpi_power_off(void);

#endif /* _ASM_X86_ACPI_H */
