#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fixdep.sh DEPFILE: make an object depend on the configuration symbols it
# uses rather than on the whole of autoconf.h.
#
# gcc -MMD lists every header, including include/generated/autoconf.h, so
# any change to the configuration would rebuild everything.  kconfig-conf
# --silentoldconfig touches include/config/<sym>.h (CONFIG_FOO_BAR ->
# include/config/foo/bar.h) only for symbols whose value changed; this
# script drops autoconf.h from the dependencies and adds those stamp files
# for each CONFIG_ symbol mentioned in the source or its headers.
set -e
dep=$1
deps=$(awk '
	!done {
		cont = sub(/\\$/, "")
		line = line " " $0
		if (!cont) { print line; done = 1 }
	}' "$dep" | sed 's/^[^:]*://')
files=
for f in $deps; do
	case $f in
	include/generated/autoconf.h|*/include/generated/autoconf.h) ;;
	*) [ -f "$f" ] && files="$files $f" ;;
	esac
done
syms=$(grep -ohE 'CONFIG_[A-Z0-9_]+' $files 2>/dev/null | sort -u)
sed -i -e 's@ include/generated/autoconf\.h@@g' -e '/^include\/generated\/autoconf\.h:/d' "$dep"
target=$(sed -n '1s/:.*//p' "$dep")
{
	for s in $syms; do
		p=$(echo "${s#CONFIG_}" | tr 'A-Z_' 'a-z/')
		# $(wildcard): a symbol only named in a comment has no stamp.
		echo "$target: \$(wildcard include/config/$p.h)"
	done
} >> "$dep"
