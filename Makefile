# SPDX-License-Identifier: GPL-2.0
#
# Lego top-level Makefile, in the kbuild manner:
#   make defconfig | menuconfig | nconfig | oldconfig | olddefconfig |
#        savedefconfig | allnoconfig | allyesconfig
#   make [-jN] [V=1] [C=1|2]     build vmlego and System.map
#   make run | test | isoimage | bench | clean | mrproper | help
#
VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELRELEASE = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)$(CONFIG_LOCALVERSION:"%"=%)

MAKEFLAGS += -rR --no-print-directory
export LC_ALL := C
SHELL := /bin/bash

# V=1 prints whole commands; the default prints "  CC      file.o".
ifeq ("$(origin V)", "command line")
  KBUILD_VERBOSE := $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
  quiet :=
  Q :=
else
  quiet := quiet_
  Q := @
endif
# C=1 or C=2 runs sparse on every C file of the kernel.
ifeq ("$(origin C)", "command line")
  KBUILD_CHECKSRC := $(C)
endif
export quiet Q KBUILD_VERBOSE KBUILD_CHECKSRC

srctree := $(CURDIR)
export srctree

CROSS_COMPILE ?=
CC	:= $(CROSS_COMPILE)gcc
LD	:= $(CROSS_COMPILE)ld
AR	:= $(CROSS_COMPILE)ar
NM	:= $(CROSS_COMPILE)nm
OBJCOPY	:= $(CROSS_COMPILE)objcopy
HOSTCC	:= gcc
CHECK	:= sparse
KCONFIG_CONF	:= kconfig-conf
KCONFIG_MCONF	:= kconfig-mconf
KCONFIG_NCONF	:= kconfig-nconf
export CC LD AR NM OBJCOPY HOSTCC CHECK

# The kernel is freestanding: no libc headers, no red zone (interrupts push
# onto the current stack, AMD64 ABI 3.2.2), no SSE/x87 state in the kernel,
# kernel code model for the top 2 GiB (0xffffffff80000000).
KBUILD_CPPFLAGS := -nostdinc \
	-Iinclude -Iarch/x86/include -Iarch/x86/include/generated \
	-include include/lego/kconfig.h -D__KERNEL__ $(EXTRA_CPPFLAGS)
KBUILD_CFLAGS := -std=gnu11 -O2 -ffreestanding -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -mno-sse -mno-mmx -mno-sse2 -mno-3dnow \
	-mno-avx -mgeneral-regs-only -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	-fno-delete-null-pointer-checks -fno-jump-tables \
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wstrict-prototypes \
	-Wmissing-prototypes -Wundef -Werror
KBUILD_AFLAGS := -D__ASSEMBLY__
CHECKFLAGS := -D__CHECKER__ -D__x86_64__ -m64 -Wbitwise -Wno-return-void \
	-Wno-unknown-attribute -Wno-decl

# Everything below needs the configuration; these targets make it.
config-targets := defconfig menuconfig nconfig oldconfig olddefconfig \
	savedefconfig allnoconfig allyesconfig
# Fragments: `make defconfig debug.config` adds arch/x86/configs/debug.config.
config-fragments := $(notdir $(wildcard arch/x86/configs/*.config))
config-targets += $(config-fragments)
no-dot-config-targets := $(config-targets) clean mrproper help distclean \
	host-test tools

PHONY := all
all: vmlego

ifneq ($(filter $(config-targets),$(MAKECMDGOALS)),)
# ------------------------------------------------------------------------
# Configuration targets (kconfig-frontends).
# ------------------------------------------------------------------------
KCONFIG_DEFCONFIG := arch/x86/configs/x86_64_defconfig
PHONY += $(config-targets)
defconfig:
	$(Q)$(KCONFIG_CONF) --defconfig=$(KCONFIG_DEFCONFIG) Kconfig
menuconfig:
	$(Q)scripts/need-tool.sh $(KCONFIG_MCONF) kconfig-frontends-nox
	$(Q)$(KCONFIG_MCONF) Kconfig
nconfig:
	$(Q)scripts/need-tool.sh $(KCONFIG_NCONF) kconfig-frontends-nox
	$(Q)$(KCONFIG_NCONF) Kconfig
oldconfig:
	$(Q)$(KCONFIG_CONF) --oldconfig Kconfig
olddefconfig:
	$(Q)$(KCONFIG_CONF) --olddefconfig Kconfig
savedefconfig:
	$(Q)$(KCONFIG_CONF) --savedefconfig=defconfig Kconfig
	@echo "  GEN     defconfig"
allnoconfig allyesconfig:
	$(Q)$(KCONFIG_CONF) --$@ Kconfig
# After a base configuration when both are asked for (make defconfig x.config).
$(config-fragments): $(filter-out $(config-fragments),$(filter $(config-targets),$(MAKECMDGOALS)))
	$(Q)$(SHELL) scripts/merge-config.sh .config arch/x86/configs/$@
	$(Q)$(KCONFIG_CONF) --olddefconfig Kconfig
endif

# ------------------------------------------------------------------------
# Build targets.
# ------------------------------------------------------------------------
ifeq ($(filter $(no-dot-config-targets),$(MAKECMDGOALS)),)
ifeq ($(wildcard .config),)
$(info *** No .config found: using arch/x86/configs/x86_64_defconfig.)
$(info *** Run "make menuconfig" to change it.)
$(shell $(KCONFIG_CONF) --defconfig=arch/x86/configs/x86_64_defconfig Kconfig >/dev/null)
endif
# auto.conf and autoconf.h follow .config; make rereads auto.conf after
# remaking it.  Only symbols whose value changed touch their
# include/config/<sym>.h stamp, which fixdep made objects depend on.
-include include/config/auto.conf
include/config/auto.conf: .config Kconfig $(shell find . -name 'Kconfig*' -not -path './build/*')
	$(Q)mkdir -p include/config include/generated
	@# Without a terminal to ask on, options new since .config was made
	@# take their defaults (as "make olddefconfig" would) and we say so.
	$(Q)if [ ! -t 0 ]; then cp .config .config.sync && \
		$(KCONFIG_CONF) --olddefconfig Kconfig > /dev/null && \
		{ cmp -s .config .config.sync || echo "*** New configuration" \
		  "options set to their defaults (\"make oldconfig\" asks)."; }; \
		rm -f .config.sync; fi
	$(Q)KCONFIG_AUTOCONFIG=include/config/auto.conf \
	 KCONFIG_AUTOHEADER=include/generated/autoconf.h.tmp \
	 KCONFIG_TRISTATE=include/config/tristate.conf \
	 $(KCONFIG_CONF) --silentoldconfig Kconfig < /dev/null
	$(Q)scripts/move-if-changed.sh include/generated/autoconf.h.tmp include/generated/autoconf.h
	@echo "  SYNC    include/config/auto.conf"
endif

include scripts/Kbuild.include

ifdef CONFIG_FRAME_POINTER
KBUILD_CFLAGS += -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer
else
KBUILD_CFLAGS += -fomit-frame-pointer
endif
ifdef CONFIG_DEBUG_INFO
KBUILD_CFLAGS += -g
KBUILD_AFLAGS += -g
endif
export KBUILD_CPPFLAGS KBUILD_CFLAGS KBUILD_AFLAGS CHECKFLAGS

# Top-level directories whose built-in.o make up the kernel.
core-dirs := arch/x86 init kernel mm fs drivers net lib
core-objs := $(addsuffix /built-in.o,$(core-dirs))

# Generated headers every object may include.
SYSCALL_DIR := arch/x86/entry/syscalls
gen-headers := include/generated/autoconf.h include/generated/utsrelease.h \
	include/generated/errnames.h include/generated/asm-offsets.h \
	arch/x86/include/generated/asm/syscalls_64.h \
	arch/x86/include/generated/asm/syscall_homes_64.h \
	arch/x86/include/generated/uapi/asm/unistd_64.h \
	arch/x86/include/generated/asm/syscalls_32.h \
	arch/x86/include/generated/asm/unistd_32_ia32.h \
	arch/x86/include/generated/asm/syscall_homes_32.h

include/generated/autoconf.h: include/config/auto.conf
	@:
include/generated/utsrelease.h: include/config/auto.conf Makefile
	$(Q)mkdir -p $(@D)
	$(Q)printf '#define UTS_RELEASE "%s"\n#define LEGO_COMPILER "%s"\n' \
		'$(KERNELRELEASE)' "$$($(CC) --version | head -n1)" > $@.tmp
	$(Q)scripts/move-if-changed.sh $@.tmp $@
# Structure offsets for assembly (arch/x86/kernel/asm-offsets.c).
include/generated/asm-offsets.h: arch/x86/kernel/asm-offsets.c include/generated/autoconf.h \
		arch/x86/include/generated/asm/syscalls_64.h \
		arch/x86/include/generated/uapi/asm/unistd_64.h \
		arch/x86/include/generated/asm/unistd_32_ia32.h $(wildcard include/lego/*.h) \
		$(wildcard arch/x86/include/asm/*.h)
	$(call cmd,offsets)
quiet_cmd_offsets = GEN     $@
      cmd_offsets = mkdir -p $(@D) && \
	$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -S -o $@.s $< && \
	{ echo '/* Generated from arch/x86/kernel/asm-offsets.c: do not edit. */'; \
	  sed -n 's/^[[:space:]]*\.ascii "->\([A-Za-z_0-9]*\) \$$\{0,1\}\(-\{0,1\}[0-9]*\)"/\#define \1 \2/p' $@.s; } \
	> $@.tmp && rm -f $@.s && scripts/move-if-changed.sh $@.tmp $@
include/generated/errnames.h: include/lego/errno.h scripts/gen-errnames.sh
	$(Q)mkdir -p $(@D)
	$(Q)$(SHELL) scripts/gen-errnames.sh $< $@
arch/x86/include/generated/asm/syscalls_64.h: $(SYSCALL_DIR)/syscall_64.tbl $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,systbl)
arch/x86/include/generated/asm/syscall_homes_64.h: $(SYSCALL_DIR)/syscall_64.tbl $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,syshomes)
arch/x86/include/generated/uapi/asm/unistd_64.h: $(SYSCALL_DIR)/syscall_64.tbl $(SYSCALL_DIR)/syscallhdr.sh $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,syshdr)
arch/x86/include/generated/asm/syscalls_32.h: $(SYSCALL_DIR)/syscall_32.tbl $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,systbl32)
arch/x86/include/generated/asm/unistd_32_ia32.h: $(SYSCALL_DIR)/syscall_32.tbl $(SYSCALL_DIR)/syscallhdr.sh $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,syshdr32)
arch/x86/include/generated/asm/syscall_homes_32.h: $(SYSCALL_DIR)/syscall_32.tbl $(SYSCALL_DIR)/syscalltbl.sh
	$(call cmd,syshomes32)
quiet_cmd_syshomes32 = SYSHOME $@
      cmd_syshomes32 = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscalltbl.sh --homes --abis i386 $< $@
quiet_cmd_systbl32 = SYSTBL  $@
      cmd_systbl32 = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscalltbl.sh --abis i386 $< $@
quiet_cmd_syshdr32 = SYSHDR  $@
      cmd_syshdr32 = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscallhdr.sh --abis i386 --prefix ia32_ --emit-nr $< $@
quiet_cmd_systbl = SYSTBL  $@
      cmd_systbl = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscalltbl.sh --abis common,64 $< $@
quiet_cmd_syshomes = SYSHOME $@
      cmd_syshomes = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscalltbl.sh --homes --abis common,64 $< $@
quiet_cmd_syshdr = SYSHDR  $@
      cmd_syshdr = mkdir -p $(@D) && $(SHELL) $(SYSCALL_DIR)/syscallhdr.sh --abis common,64 --emit-nr $< $@

PHONY += prepare
prepare: $(gen-headers)

$(core-objs): prepare FORCE
	$(Q)$(MAKE) -f scripts/Makefile.build obj=$(@D)

# vmlego is linked twice: the first link gives the symbol addresses, which
# become the kallsyms table; the table lives in its own segment after
# everything else, so linking it in moves no other symbol.
LDS := arch/x86/kernel/vmlego.lds
LDFLAGS_vmlego := -m elf_x86_64 -nostdlib -z max-page-size=0x1000 \
	-z noexecstack --no-warn-rwx-segments --build-id=none -T $(LDS)

quiet_cmd_link = LD      $@
      cmd_link = $(LD) $(LDFLAGS_vmlego) -o $@ $(core-objs) $(2)
quiet_cmd_kallsyms = KSYMS   $@
      cmd_kallsyms = $(NM) -n $< | $(SHELL) scripts/kallsyms.sh > $@.S && \
	$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) -c -o $@ $@.S

$(LDS): $(LDS).S include/generated/autoconf.h
	$(call cmd,cpp_lds)
quiet_cmd_cpp_lds = LDS     $@
      cmd_cpp_lds = $(CC) -E -P $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -D__LINKER__ -x c -o $@ $<

.tmp_vmlego1: $(core-objs) $(LDS) .tmp_kallsyms0.o
	$(if $(strip $? $(if $(wildcard $@),,missing)),$(call cmd,link,.tmp_kallsyms0.o),@:)
.tmp_kallsyms0.o: scripts/kallsyms.sh
	$(Q)$(SHELL) scripts/kallsyms.sh < /dev/null > $@.S && \
		$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) -c -o $@ $@.S
.tmp_kallsyms1.o: .tmp_vmlego1
	$(call cmd,kallsyms)
# Table entries against handlers, on every build (scripts/checksyscalls.sh).
PHONY += checksyscalls
checksyscalls: prepare
	$(Q)$(SHELL) scripts/checksyscalls.sh
$(core-objs): | checksyscalls

vmlego: .tmp_vmlego1 .tmp_kallsyms1.o
	$(call cmd,link,.tmp_kallsyms1.o)
	$(Q)$(SHELL) scripts/check-vmlego.sh $@ .tmp_vmlego1
	$(Q)$(NM) -n $@ | grep -v -e ' [aUw] ' -e '\$$x' > System.map
	@echo '  Kernel: $@ is ready ($(KERNELRELEASE))'

# ------------------------------------------------------------------------
# Images, running, tests.
# ------------------------------------------------------------------------
BUILD := build
export BUILD

PHONY += initramfs run run-cluster isoimage test host-test bench fuzz syscalls-doc tools
initramfs: vmlego
	$(Q)$(MAKE) -f scripts/Makefile.image default-initramfs
run: vmlego
	$(Q)scripts/install-deps.sh --check
	$(Q)$(MAKE) -f scripts/Makefile.image default-initramfs
	$(Q)scripts/qemu-run.sh --kernel vmlego --initrd $(BUILD)/initramfs.cpio \
		--append "$(RUN_APPEND)" --timeout 0 $(if $(ACCEL),-- -accel $(ACCEL))
# A processor VM, a memory VM and lego-storaged on loopback, the user at
# the processor's shell (Documentation/lego/disaggregation.rst).
run-cluster: vmlego tools
	$(Q)scripts/install-deps.sh --check
	$(Q)$(MAKE) -f scripts/Makefile.image default-initramfs
	$(Q)scripts/run-cluster.sh $(if $(STORAGE),--storage $(STORAGE)) \
		$(if $(RUN_APPEND),--append "$(RUN_APPEND)")
isoimage: vmlego
	$(Q)$(MAKE) -f scripts/Makefile.image iso
# Linux programs: lego-storaged and lego-netshim, into $(BUILD)/tools.
tools:
	$(Q)$(MAKE) -C tools/lego-storaged O=$(CURDIR)/$(BUILD)/tools
	$(Q)$(MAKE) -C tools/lego-netshim O=$(CURDIR)/$(BUILD)/tools
test:
	$(Q)scripts/install-deps.sh --check
	$(Q)$(SHELL) test/run-tests.sh
host-test:
	$(Q)$(SHELL) test/run-tests.sh --host-only
bench: vmlego
	$(Q)$(SHELL) bench/run.sh
# One longer syscall fuzzer campaign (Documentation/dev-tools/fuzzing.rst).
SEED ?= 1
COUNT ?= 1000000
SMP ?= 4
NPROC ?= 4
NTHREADS ?= 2
fuzz: vmlego
	$(Q)$(SHELL) test/fuzz/run.sh $(SEED) $(COUNT) $(SMP) $(NPROC) $(NTHREADS)
syscalls-doc:
	$(Q)$(SHELL) scripts/syscall-list.sh > Documentation/syscall/list.rst.tmp
	$(Q)mv Documentation/syscall/list.rst.tmp Documentation/syscall/list.rst
	@echo "  GEN     Documentation/syscall/list.rst"

PHONY += clean mrproper distclean help
clean:
	$(Q)find . \( -name '*.o' -o -name '*.d' -o -name '*.chk' -o -name '.*.cmd' \
		-o -name '*.so' -o -name '*.so.dbg' \) -not -path './.git/*' -delete
	$(Q)rm -rf vmlego System.map .tmp_* $(LDS) $(BUILD) \
		arch/x86/entry/vdso/vdso.lds arch/x86/entry/vdso/vdsocheck \
		arch/x86/entry/vdso/vdso32/vdso32.lds arch/x86/entry/vdso/vdso32-syms.h \
		arch/x86/entry/vdso/vdso32check \
		arch/x86/include/generated include/generated/utsrelease.h
mrproper distclean: clean
	$(Q)rm -rf .config .config.old include/config include/generated defconfig
help:
	@echo 'Configuration:'
	@echo '  defconfig       - New .config from arch/x86/configs/x86_64_defconfig'
	@echo '  menuconfig      - Edit .config with a menu (kconfig-mconf)'
	@echo '  nconfig         - Edit .config with ncurses (kconfig-nconf)'
	@echo '  oldconfig       - Update .config, asking about new options'
	@echo '  olddefconfig    - Update .config, new options at their defaults'
	@echo '  savedefconfig   - Write the minimal ./defconfig'
	@echo '  allnoconfig     - Every option answered no'
	@echo '  allyesconfig    - Every option answered yes'
	@echo '  debug.config    - Add the debugging options (after another target)'
	@echo '  hardened.config - Add the optional hardening (after another target)'
	@echo '  nocompat.config - Turn IA32 emulation off (after another target)'
	@echo 'Building:'
	@echo '  all / vmlego    - The kernel (ELF64) and System.map'
	@echo '  isoimage        - build/lego.iso: GRUB, BIOS and UEFI bootable'
	@echo '  initramfs       - build/initramfs.cpio, the default user space'
	@echo '  tools           - build/tools: lego-storaged, lego-netshim (Linux programs)'
	@echo 'Running and testing:'
	@echo '  run             - Boot in QEMU on the serial console (ACCEL=kvm for KVM)'
	@echo '  run-cluster     - Processor and memory VMs and lego-storaged on loopback,'
	@echo '                    the processor'"'"'s shell here (STORAGE=dir served)'
	@echo '  test            - Host unit tests, in-kernel tests and QEMU boot tests'
	@echo '  host-test       - The host unit tests only'
	@echo '  bench           - Guest instruction counts per operation, beside Linux'
	@echo '  fuzz            - One syscall fuzzer campaign: SEED=1 COUNT=1000000 SMP=4'
	@echo '                    NPROC=4 NTHREADS=2 (replays exactly with the same values)'
	@echo '  syscalls-doc    - Regenerate Documentation/syscall/list.rst'
	@echo 'Cleaning:'
	@echo '  clean           - Remove build outputs, keep .config'
	@echo '  mrproper        - Remove build outputs and the configuration'
	@echo 'Options: V=1 full commands, C=1 sparse on every C file, -jN parallel'

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
