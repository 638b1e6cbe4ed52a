// vdso_elf's checks on the hardened kernel (page-table isolation): the
// vDSO and its data page are user mappings, in both page tables; getcpu
// reads TSC_AUX, or the GDT in the entry area the user tables map.
// lego-test: libc=none
// lego-test: smp=1,2
// lego-test: image=hardened
// lego-test: linux=no
// lego-test: console=pti: page-table isolation on
#define LT_SUITE "vdso_elf_pti"
#include "vdso_elf.c"
