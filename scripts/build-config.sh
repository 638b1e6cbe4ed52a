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
# The sources only (tracked and new files, minus those deleted in the work
# tree): never the objects or the .config of this tree's own build.
if files=$(git ls-files -z -c -o --exclude-standard 2>/dev/null | tr '\0' '\n'); then
	while IFS= read -r f; do [ -e "$f" ] && printf '%s\0' "$f"; done <<< "$files" |
		xargs -0 cp --parents -t "$dir"
else
	tar cf - --exclude-vcs --exclude-vcs-ignores --exclude=./build . | tar xf - -C "$dir"
fi
if (cd "$dir" && make $targets > build.log 2>&1 && make -j"$jobs" >> build.log 2>&1); then
	cp "$dir/vmlego" "$out"
else
	grep -m1 -E 'error|Error' "$dir/build.log" || tail -n1 "$dir/build.log"
	exit 1
fi
