# SPDX-License-Identifier: GPL-2.0
#
# lego-vms.sh: shell helpers for running Lego components side by side on
# loopback, sourced by scripts/run-cluster.sh, test/net/run.sh and
# bench/run.sh.  Background jobs each get a process group of their own,
# recorded in the array pgids, so that stop_groups can end them with
# everything they started.
#
#   netdev ID LOCAL REMOTE MAC   QEMU arguments for one virtio-net device
#                                on a UDP "wire" between two ports of
#                                127.0.0.1 (-netdev dgram: each datagram is
#                                one Ethernet frame)
#   bg LOG CMD...                CMD in the background in its own process
#                                group, output to LOG; its pid in last_pid
#   wait_for LOG TEXT SECONDS    until LOG holds TEXT (status 1 at the end
#                                of SECONDS)
#   stop_groups                  TERM to every group in pgids, KILL to
#                                those still there 2 seconds later

pgids=()

netdev() {
	echo "-netdev dgram,id=$1,local.type=inet,local.host=127.0.0.1,local.port=$2,remote.type=inet,remote.host=127.0.0.1,remote.port=$3" \
	     "-device virtio-net-pci,netdev=$1,disable-legacy=on,mac=$4"
}

bg() {
	local log=$1
	shift
	setsid "$@" > "$log" 2>&1 < /dev/null &
	last_pid=$!
	pgids+=("$last_pid")
}

wait_for() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		grep -aqF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

stop_groups() {
	local g i
	for g in "${pgids[@]}"; do
		kill -TERM -- "-$g" 2>/dev/null
	done
	for g in "${pgids[@]}"; do
		for ((i = 0; i < 10; i++)); do
			kill -0 -- "-$g" 2>/dev/null || break
			sleep 0.2
		done
		kill -KILL -- "-$g" 2>/dev/null
	done
}
