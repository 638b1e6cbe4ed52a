#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host tests of tools/lego-storaged (storaged_test.c): the daemon on a
# loopback UDP port, spoken to directly, no QEMU.  Both are built with
# the sanitizers; the daemon is killed on exit.
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
dpid=
trap '[ -n "$dpid" ] && kill "$dpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
if ! make -s -C tools/lego-storaged O="$work" CFLAGS_EXTRA="$san" > "$work/cc.log" 2>&1 ||
   ! gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-missing-field-initializers $san -Iinclude -Inet -o "$work/storaged_test" \
	test/host/storaged_test.c net/rpc_core.c >> "$work/cc.log" 2>&1; then
	echo "FAIL host/storaged/build: $(grep -m1 -E 'error|Error' "$work/cc.log")"
	exit 1
fi
# The served tree, and a directory beside it that must stay untouched.
root=$work/srv/root outside=$work/srv/outside
mkdir -p "$root/deep/a" "$outside"
echo secret > "$outside/secret"
echo hello > "$root/host.txt"
echo hello > "$root/host2.txt"
ln -s ../outside "$root/up"
ln -s / "$root/abs"
ln -s loop2 "$root/loop1"
ln -s loop1 "$root/loop2"
ln -s deep/a/../../up "$root/chain"
ln -s /made-by-link "$root/dangling"
mkfifo "$root/fifo"
port=$((20000 + ($$ * 16) % 20000))
"$work/lego-storaged" --root "$root" --node 3 --udp "127.0.0.1:$((port + 1))" \
	> "$work/daemon.log" 2>&1 &
dpid=$!
for i in $(seq 50); do grep -q serving "$work/daemon.log" && break; sleep 0.1; done
timeout 120 "$work/storaged_test" "$port" "$((port + 1))" "$root" "$outside"
rc=$?
kill "$dpid" 2>/dev/null
wait "$dpid"
drc=$?
dpid=
# The daemon must have survived every frame and stopped cleanly on SIGTERM.
if [ "$drc" = 0 ] && grep -q stopped "$work/daemon.log"; then
	echo "PASS host/storaged/daemon-survived"
else
	echo "FAIL host/storaged/daemon-survived: status $drc: $(grep -m3 -E 'ERROR|runtime error|Sanitizer' "$work/daemon.log")"
fi
exit $rc
