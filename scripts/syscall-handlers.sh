#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# syscall-handlers.sh [SRCDIR]: every SYSCALL_DEFINEn in the sources, one
# line each: "<name> <nargs> <file>".  The shared front end of
# checksyscalls.sh and syscall-list.sh.  COMPAT_SYSCALL_DEFINEn (the
# 32-bit table's compat_sys_ handlers) are not among them.
set -e
src=${1:-.}
cd "$src"
grep -rnoE --include='*.c' '(COMPAT_)?SYSCALL_DEFINE[0-6]\([a-z0-9_]+' \
	arch kernel mm fs init drivers lib 2>/dev/null | grep -v ':COMPAT_' |
	sed -E 's|^([^:]+):[0-9]+:SYSCALL_DEFINE([0-6])\(([a-z0-9_]+)$|\3 \2 \1|' |
	LC_ALL=C sort
