#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test/fuzz/run.sh SEED COUNT [SMP [NPROC [NTHREADS]]]: one longer fuzz
# campaign (make fuzz).  Boots the kernel with the fuzz test
# (test/user/fuzz.c) as init, which runs the campaign and checks what the
# kernel promises after it: object counts and free pages back, no WARN,
# a normal program still runs.  Prints the campaign's lines and the
# checks; exits 0 only if all passed and the console shows no panic, oops
# or WARN.  Documentation/dev-tools/fuzzing.rst.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
seed=${1:?SEED}
count=${2:?COUNT}
smp=${3:-4}
nproc=${4:-4}
nthreads=${5:-2}
out=${BUILD:-build}/fuzz
mkdir -p "$out"
make -s -C test/user O="$top/$out" "$top/$out/fuzz" || exit 1
scripts/mkinitramfs.sh "$out/fuzz.cpio" "$out/fuzz:/fuzz" || exit 1
# About 20,000 calls a second under TCG on one host CPU: a generous bound.
timeout=$((120 + count / 2000))
log=$out/fuzz-$seed.log
echo "fuzz: seed $seed count $count smp $smp nproc $nproc threads $nthreads (log $log)"
scripts/qemu-run.sh --kernel vmlego --initrd "$out/fuzz.cpio" --smp "$smp" \
	--append "rdinit=/fuzz -- $seed:$count:$nproc:$nthreads" \
	--timeout "$timeout" > "$log" 2>&1
rc=$?
tr -d '\r' < "$log" | grep -aE '^(fuzz|kmem):|^FAIL ' || true
fails=$(grep -acE '^FAIL ' "$log")
if grep -aqE 'Kernel panic|BUG:|Oops|WARNING:' "$log"; then
	echo "FAIL kernel: $(grep -a -m1 -E 'Kernel panic|BUG:|Oops|WARNING:' "$log")"
	rc=1
fi
[ "$rc" = 124 ] && echo "FAIL timeout after ${timeout}s"
if [ "$rc" = 0 ] && [ "$fails" = 0 ]; then
	echo "fuzz: PASS ($(grep -acE '^PASS ' "$log") checks)"
	exit 0
fi
echo "fuzz: FAILED (qemu-run status $rc; replay: make fuzz SEED=$seed COUNT=$count SMP=$smp NPROC=$nproc NTHREADS=$nthreads)"
exit 1
