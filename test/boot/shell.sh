#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test/boot/shell.sh [OUT] [--linux]: the default image of `make run`
# driven over the serial console as a person would drive it: keys are
# typed into QEMU's stdin, the screen is read from its stdout.  Busybox
# init must give a login shell on ttyS0 with a controlling terminal;
# then typed text is echoed, pipes work, ^C interrupts the foreground
# job (status 130), ^Z stops it and `fg` resumes it, `sleep &` and `jobs`
# show background jobs, the tty's canonical mode edits a line for `cat`
# (erase, kill, ^D), and `poweroff` ends QEMU with status 0.
#
# With --linux the same image and keystrokes go to Debian's Linux kernel
# (scripts/get-linux.sh), which is how the expectations are shown to be
# Linux's.
set -u
out=${1:-build/test}
linux=0
[ "${2:-}" = --linux ] && linux=1
mkdir -p "$out"
tag=shell
kernel=(--kernel vmlego)
if [ $linux = 1 ]; then
	tag=shell-linux
	k=$(scripts/get-linux.sh) || { echo "FAIL $tag/linux: no Linux kernel"; exit 0; }
	kernel=(--kernel "$k" --append "console=ttyS0 quiet")
fi
log=$out/$tag.console fifo=$out/$tag.in
make -s -f scripts/Makefile.image default-initramfs >/dev/null ||
	{ echo "FAIL $tag/initramfs: cannot build"; exit 0; }
rm -f "$fifo" && mkfifo "$fifo"
scripts/qemu-run.sh "${kernel[@]}" --initrd build/initramfs.cpio --timeout 300 \
	< "$fifo" > "$log" 2>&1 &
qpid=$!
exec 3> "$fifo"
trap 'exec 3>&-; kill $qpid 2>/dev/null; rm -f "$fifo"' EXIT

mark=0
# The console since the last send, without CRs and terminal escapes.
screen() { tail -c +$((mark + 1)) "$log" | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'; }
# Types keys (printf %b escapes: \003 is ^C) and starts a new screen.
send() { mark=$(stat -c %s "$log"); printf '%b' "$1" >&3; }
# Waits up to $2 seconds (default 20) until grep $3 (default -F) finds $1.
wait_for() {
	local i=0 limit=$(( ${2:-20} * 10 ))
	until screen | grep -q ${3:--F} -- "$1"; do
		kill -0 $qpid 2>/dev/null || return 1
		[ $i -ge $limit ] && return 1
		sleep 0.1
		i=$((i + 1))
	done
}
check() {	# check NAME TEXT [TIMEOUT] [GREP-FLAGS]
	if wait_for "$2" "${3:-20}" "${4:--F}"; then
		echo "PASS $tag/$1"
	else
		echo "FAIL $tag/$1: '$2' not on the screen: $(screen | tail -n 3 | tr '\n' '|')"
	fi
}
prompt='lego:~# '

check prompt "$prompt" 120
# How long the boot to the first prompt took, in the guest's clock (a
# measurement for the log, not a check: TCG's clock follows the host's).
send 'cut -d" " -f1 /proc/uptime\n'
wait_for '^[0-9]+\.[0-9]+$' 20 -xE && echo "INFO $tag/uptime at the first prompt: $(screen | grep -xE '[0-9]+\.[0-9]+')s"
send 'echo hello-lego\n'
check echo_typed 'echo hello-lego'
check echo_output '^hello-lego$' 20 -x
send 'tty\n'
check ctty '^/dev/ttyS0$' 20 -x
send 'echo hi | wc -c\n'
check pipe '^3$' 20 -x
send 'ls /\n'
check ls 'proc' 20
send 'sleep 30\n'
sleep 1
send '\003'
check ctrl_c "$prompt" 10
send 'echo status=$?\n'
check ctrl_c_status '^status=130$' 20 -x
send 'sleep 30 & echo pid=$!\n'
check background '^pid=[0-9]+$' 20 -xE
send 'jobs\n'
check jobs '^\[1\]\+ +Running +sleep 30$' 20 -xE
send 'kill %1; sleep 1; jobs\n'
check kill_job '^\[1\]\+ +Terminated +sleep 30$' 20 -xE
send 'sleep 30\n'
sleep 1
send '\032'
check ctrl_z '^(\^Z)?\[1\]\+ +Stopped +sleep 30$' 10 -xE
send 'fg\n'
check fg '^sleep 30$' 10 -x
sleep 1
send '\003'
check fg_ctrl_c "$prompt" 10
# The line discipline's canonical mode (cat reads a cooked line): DEL
# erases a character, ^U the line, ^W a word; ^D on an empty line is the
# end of the file.
send 'cat\n'
sleep 1
send 'onX\177e\n'
check erase '^one$' 10 -x
send 'junk\025two\n'
check kill_line '^two$' 10 -x
send 'three bad\027four\n'
check werase '^three four$' 10 -x
send '\004'
check eof "$prompt" 10
send 'poweroff\n'
if wait $qpid; then
	echo "PASS $tag/poweroff"
else
	echo "FAIL $tag/poweroff: qemu-run status $?"
fi
