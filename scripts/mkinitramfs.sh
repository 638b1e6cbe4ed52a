#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh [-z] OUT.cpio SRC:DEST [SRC:DEST ...] [--dir DIR] [--link TARGET:DEST]
#                 [--mkdir DEST]
#
# Makes a cpio "newc" archive (gzip-compressed with -z) holding each SRC
# file at path DEST (mode kept), every directory of DIR as it is, the
# given symlinks and empty directories; all owned by root.
set -eu
gz=0
[ "${1:-}" = -z ] && { gz=1; shift; }
out=$1
shift
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
while [ $# -gt 0 ]; do
	case $1 in
	--dir) cp -a "$2/." "$stage/"; shift 2 ;;
	--mkdir) mkdir -p "$stage/$2"; shift 2 ;;
	--link) mkdir -p "$stage/$(dirname "${2#*:}")"; ln -sfn "${2%%:*}" "$stage/${2#*:}"; shift 2 ;;
	*)
		src=${1%%:*} dest=${1#*:}
		mkdir -p "$stage/$(dirname "$dest")"
		cp -p "$src" "$stage/$dest"
		shift ;;
	esac
done
mkdir -p "$(dirname "$out")"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) > "$out.tmp"
if [ $gz = 1 ]; then
	gzip -9 -n < "$out.tmp" > "$out"
	rm -f "$out.tmp"
else
	mv "$out.tmp" "$out"
fi
