// vdso_elf's checks on a CPU without RDTSCP (QEMU's -cpu max,-rdtscp; TCG
// has no RDPID either): the vDSO's getcpu reads the CPU number as the
// limit of the per-CPU GDT entry, with LSL, and still names the CPU.
// lego-test: libc=none
// lego-test: smp=1,2
// lego-test: linux=no
// lego-test: qemu=-cpu max,-rdtscp
// lego-test: console=getcpu by LSL
#define LT_SUITE "vdso_elf_lsl"
#include "vdso_elf.c"
