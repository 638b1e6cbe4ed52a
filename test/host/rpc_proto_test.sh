#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host unit tests of the RPC protocol code (rpc_proto_test.c), built with
# the address and undefined-behaviour sanitizers.
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-DRPC_CRC32C_HW_TEST -Iinclude -Inet -o "$work/rpc_proto_test" \
	test/host/rpc_proto_test.c net/rpc_core.c net/storage_proto.c 2> "$work/cc.log"; then
	echo "FAIL host/rpc_proto/build: $(head -n1 "$work/cc.log")"
	exit 1
fi
"$work/rpc_proto_test"
