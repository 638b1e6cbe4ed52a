#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# install-deps.sh [--check]: installs the Debian packages Lego's build,
# images and tests use (a no-op when they are all present).  With --check
# it only names what is missing and fails if anything is.
set -u
packages=(gcc make binutils qemu-system-x86 sparse kconfig-frontends-nox
	  musl-tools cpio gzip gcc-multilib grub-pc-bin grub-efi-amd64-bin grub-common
	  xorriso mtools ovmf busybox-static bash-static)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "${1:-}" = --check ]; then
	echo "*** Missing packages: ${missing[*]}" >&2
	echo "*** Run scripts/install-deps.sh (as root) to install them." >&2
	exit 1
fi
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
