#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# get-linux.sh: prints the path of a Linux kernel image to compare Lego
# with, fetching it on first use.  The kernel is Debian's current
# linux-image-*-amd64 (what `apt-get install linux-image-amd64` would
# install), downloaded with `apt-get download` and unpacked with
# `dpkg-deb -x` into $BUILD/linux; nothing is installed on the host.
# Fails, saying why on stderr, when it cannot be had.
set -eu
cd "$(dirname "$0")/.."
dir=${BUILD:-build}/linux
cached=$(ls "$dir"/boot/vmlinuz-* 2>/dev/null | head -n1 || true)
if [ -n "$cached" ]; then
	echo "$cached"
	exit 0
fi
command -v apt-get >/dev/null || { echo "get-linux.sh: no apt-get here" >&2; exit 1; }
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
[ -n "$pkg" ] || { echo "get-linux.sh: apt knows no linux-image-amd64 (run apt-get update)" >&2; exit 1; }
mkdir -p "$dir"
(cd "$dir" && apt-get download "$pkg" >/dev/null 2>"$PWD/download.log") ||
	{ echo "get-linux.sh: apt-get download $pkg failed: $(tail -n1 "$dir/download.log")" >&2; exit 1; }
dpkg-deb -x "$dir"/"$pkg"_*.deb "$dir"
rm -rf "$dir"/*.deb "$dir"/lib "$dir"/usr
ls "$dir"/boot/vmlinuz-* | head -n1
