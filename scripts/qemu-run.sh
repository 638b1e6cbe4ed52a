#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# qemu-run.sh [--kernel vmlego] [--initrd FILE.cpio] [--append "CMDLINE"]
#             [--smp N] [--mem SIZE] [--timeout S] [--iso FILE] [--uefi]
#             [-- extra qemu args]
#
# Boots a kernel (or, with --iso, a bootable ISO) in QEMU with the serial
# console on stdout, and exits with the exit status of PID 1:
#   N     init exited with status N (0-255)
#   0     also: the machine was powered off through reboot(2)
#   128+S init was killed by signal S
#   124   the timeout expired (--timeout S, default 60; 0 means none)
#   125   the kernel stopped without reporting init's status (panic,
#         triple fault, or a boot that never reached init)
# The kernel reports init's end on the console ("Lego: init exited with
# status N"), which is where the full 8-bit status is read; isa-debug-exit
# ends QEMU at once.  A Linux kernel booted the same way (for comparison)
# panics when init exits, naming the wait status ("Attempted to kill
# init! exitcode=0x00000100"); that is read too.  TCG is used unless ACCEL=kvm (or -- -accel kvm).
set -u
kernel=vmlego initrd= append= smp=1 mem=256M timeout=60 iso= uefi=0
extra=()
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--iso) iso=$2; shift 2 ;;
	--uefi) uefi=1; shift ;;
	--) shift; extra=("$@"); break ;;
	-h|--help) sed -n '3,18p' "$0"; exit 0 ;;
	*) echo "qemu-run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done

qemu=${QEMU:-qemu-system-x86_64}
command -v "$qemu" >/dev/null || { echo "qemu-run.sh: $qemu not found (scripts/install-deps.sh installs it)" >&2; exit 2; }

args=(-machine q35 -cpu max -m "$mem" -smp "$smp" -display none -no-reboot
      -serial stdio -monitor none
      -device isa-debug-exit,iobase=0xf4,iosize=4)
if [ "${ACCEL:-tcg}" = kvm ]; then
	args+=(-accel kvm)
else
	args+=(-accel tcg)
fi
if [ -n "$iso" ]; then
	args+=(-cdrom "$iso" -boot d)
	if [ "$uefi" = 1 ]; then
		fw=
		for f in /usr/share/ovmf/OVMF.fd /usr/share/OVMF/OVMF_CODE.fd /usr/share/qemu/OVMF.fd; do
			[ -f "$f" ] && { fw=$f; break; }
		done
		[ -n "$fw" ] || { echo "qemu-run.sh: no OVMF firmware (apt-get install ovmf)" >&2; exit 2; }
		args+=(-bios "$fw")
	fi
else
	[ -f "$kernel" ] || { echo "qemu-run.sh: no kernel $kernel" >&2; exit 2; }
	args+=(-kernel "$kernel")
	[ -n "$initrd" ] && args+=(-initrd "$initrd")
	# panic=-1: a kernel panic restarts, which -no-reboot turns into exit.
	args+=(-append "console=ttyS0 panic=-1 $append")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ "$timeout" != 0 ]; then
	timeout --foreground -k 5 "$timeout" "$qemu" "${args[@]}" "${extra[@]}" | tee "$log"
	rc=${PIPESTATUS[0]}
else
	"$qemu" "${args[@]}" "${extra[@]}" | tee "$log"
	rc=${PIPESTATUS[0]}
fi
[ "$rc" = 124 ] && { echo "qemu-run.sh: timeout after ${timeout}s" >&2; exit 124; }

line=$(tr -d '\r' < "$log" | grep -aoE 'Lego: init (exited with status [0-9]+|killed by signal [0-9]+)' | tail -n 1)
case $line in
*"exited with status"*) exit "${line##* }" ;;
*"killed by signal"*) exit $((128 + ${line##* })) ;;
esac
code=$(tr -d '\r' < "$log" | grep -aoE 'Attempted to kill init! exitcode=0x[0-9a-f]+' | tail -n 1)
if [ -n "$code" ]; then
	code=$((${code##*=}))
	[ $((code & 0x7f)) = 0 ] && exit $(((code >> 8) & 0xff))
	exit $((128 + (code & 0x7f)))
fi
# A power-off by reboot(2) (busybox's poweroff), Lego's or Linux's.
tr -d '\r' < "$log" | grep -aq 'reboot: Power down' && exit 0
exit 125
