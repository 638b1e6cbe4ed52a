#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check-vmlego.sh FINAL FIRST: the kallsyms table was made from FIRST's
# symbols; adding it must not have moved any text symbol, or backtraces
# would name the wrong functions.
set -e
a=$(nm -n "$1" | awk '$2 ~ /^[tT]$/ && $3 !~ /^kallsyms/' | md5sum)
b=$(nm -n "$2" | awk '$2 ~ /^[tT]$/ && $3 !~ /^kallsyms/' | md5sum)
if [ "$a" != "$b" ]; then
	echo "check-vmlego.sh: text symbols moved between the two links" >&2
	exit 1
fi
