#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# move-if-changed.sh NEW OLD: replace OLD by NEW only when they differ, so
# that an unchanged generated file keeps its timestamp and rebuilds nothing.
if cmp -s "$1" "$2"; then
	rm -f "$1"
else
	mv -f "$1" "$2"
fi
