#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-config.sh OUT "CONFIG TARGETS" [JOBS]: builds the kernel of another
# configuration ("allnoconfig", "defconfig hardened.config", ...) in a
# scratch copy of the sources, leaving this tree and its .config alone,
# and copies the result to OUT.  On failure prints the first error line
# and exits non-zero.  The test harness and make bench both use it.
set -u
out=$1 targets=$2 jobs=${3:-$(nproc 2>/dev/null || echo 2)}
cd "$(dirname "$0")/.."
dir=$(mktemp -d "${BUILD:-build}/cfg.XXXXXX" 2>/dev/null) ||
	{ mkdir -p "${BUILD:-build}"; dir=$(mktemp -d "${BUILD:-build}/cfg.XXXXXX"); }
trap 'rm -rf "$dir"' EXIT
git ls-files -z -c -o --exclude-standard 2>/dev/null | xargs -0 cp --parents -t "$dir" 2>/dev/null ||
	tar cf - --exclude=./build --exclude=./.git . | tar xf - -C "$dir"
if (cd "$dir" && make $targets > build.log 2>&1 && make -j"$jobs" >> build.log 2>&1); then
	cp "$dir/vmlego" "$out"
else
	grep -m1 -E 'error|Error' "$dir/build.log" || tail -n1 "$dir/build.log"
	exit 1
fi
