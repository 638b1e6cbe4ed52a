#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# need-tool.sh TOOL PACKAGE: fail with a clear message when TOOL is missing.
command -v "$1" >/dev/null 2>&1 && exit 0
echo "*** $1 is not installed: run scripts/install-deps.sh (Debian package $2)." >&2
exit 1
