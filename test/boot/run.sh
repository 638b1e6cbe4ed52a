#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot tests: the default image, with rdinit=/bin/hello (its /init is the
# interactive shell, tested by test/boot/shell.sh), boots and powers off with init's
# status, directly (PVH, qemu -kernel), from the ISO under SeaBIOS and
# from the ISO under OVMF (UEFI, multiboot2 through GRUB).
set -u
out=${1:-build/test}
mkdir -p "$out"
check() {	# check NAME LOG RC
	local name=$1 log=$2 rc=$3
	if [ "$rc" != 0 ]; then
		echo "FAIL boot/$name: qemu-run status $rc (see $log)"
	elif ! grep -aq 'Hello from user space on Linux' "$log"; then
		echo "FAIL boot/$name: init's greeting missing"
	elif ! grep -aq "Booted by $4" "$log"; then
		echo "FAIL boot/$name: not booted by $4"
	else
		echo "PASS boot/$name"
	fi
}
make -s -f scripts/Makefile.image default-initramfs >/dev/null || echo "FAIL boot/initramfs: cannot build"
scripts/qemu-run.sh --initrd build/initramfs.cpio --append rdinit=/bin/hello --timeout 60 > "$out/boot-pvh.log" 2>&1
check pvh "$out/boot-pvh.log" $? PVH
iso=$out/boot-test.iso
if make -s -f scripts/Makefile.image iso ISO="$iso" ISO_APPEND=rdinit=/bin/hello > "$out/iso-build.log" 2>&1; then
	scripts/qemu-run.sh --iso "$iso" --timeout 120 > "$out/boot-bios.log" 2>&1
	check iso-seabios "$out/boot-bios.log" $? multiboot2
	scripts/qemu-run.sh --iso "$iso" --uefi --timeout 180 > "$out/boot-uefi.log" 2>&1
	check iso-ovmf "$out/boot-uefi.log" $? multiboot2
else
	echo "FAIL boot/iso: make isoimage failed: $(tail -n1 "$out/iso-build.log")"
fi
