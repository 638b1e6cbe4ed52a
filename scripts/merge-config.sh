#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# merge-config.sh CONFIG FRAGMENT: sets in CONFIG every option FRAGMENT
# names ("CONFIG_X=v" or "# CONFIG_X is not set"), replacing what CONFIG
# said of it.  The caller then runs olddefconfig to settle dependencies.
set -eu
config=$1 frag=$2
[ -f "$config" ] || { echo "merge-config.sh: no $config (run make defconfig first)" >&2; exit 1; }
syms=$(sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' \
	      -e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1/p' "$frag")
tmp=$(mktemp)
cp "$config" "$tmp"
for s in $syms; do
	sed -i -e "/^$s=/d" -e "/^# $s is not set\$/d" "$tmp"
done
grep -E '^(CONFIG_|# CONFIG_)' "$frag" >> "$tmp"
mv "$tmp" "$config"
echo "  MERGE   $frag"
