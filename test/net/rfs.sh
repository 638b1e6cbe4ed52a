# SPDX-License-Identifier: GPL-2.0
#
# test/net/rfs.sh: the remote file system's sections of test/net/run.sh
# (sourced by it, with its helpers; ports 26..31 of its block).  A
# processor VM with lego.peers=storage:3 mounts lego-storaged's directory
# at /mnt/storage (fs/rfs.c):
#   net/rfs-sh/...     a busybox session creates, reads, renames and
#                      deletes files; the host directory shows it, and the
#                      VM read what the host put there
#   net/rfs/...        rfstest: every forwarded call's result and errno
#   net/rfs-lossy/...  both again through lego-netshim losing 5% of frames
#                      (and duplicating, reordering, corrupting some)
#   net/rfs-restart/...  lego-storaged killed under a loop of calls: the
#                      pending call and new ones fail with EIO in bounded
#                      time; restarted, new calls work, old descriptors are
#                      ESTALE, every acknowledged write is there
#   net/rfs-exec/...   a static busybox on the host directory executed
#                      from /mnt/storage, by absolute and relative path
#   net/rfs-self/...   rfstest on a processor that is its own storage
#                      component (lego.peers=storage:1, lego.storage_root=
#                      /srv: what make bench measures), no NIC: the same
#                      results through the Lego storage backend

# rfs_root DIR: what the rfs checks expect on the host.  DIR itself stays
# (a daemon serving it keeps its descriptor), its contents are made anew.
rfs_root() {
	mkdir -p "$1"
	find "$1" -mindepth 1 -delete
	mkdir "$1/sub"
	printf 'hello from the host\n' > "$1/host.txt"
	echo bye > "$1/to-delete.txt"
}

# rfs_vm TAG LOCAL REMOTE TIMEOUT CMD...: the processor VM, node 1, with
# CMD as init (after rdinit=), its console in $out/TAG.log; results().
rfs_vm() {
	local tag=$1 local_port=$2 remote_port=$3 timeout=$4 rc
	shift 4
	scripts/qemu-run.sh --initrd "$out/rfs.cpio" --timeout "$timeout" \
		--append "rdinit=$1 lego.node=1 lego.peers=storage:3 -- ${*:2}" \
		-- $(netdev n0 "$local_port" "$remote_port" 52:54:00:4c:00:01) > "$out/$tag.log" 2>&1
	rc=$?
	results "$tag" "$out/$tag.log" "$rc"
}

# rfs_host_checks TAG DIR: what the busybox session left on the host.
rfs_host_checks() {
	local d=$2
	[ "$(cat "$d/made.txt" 2>/dev/null)" = "made in lego
second line" ] && pass "net/$1/host-sees-created" ||
		fail "net/$1/host-sees-created" "made.txt: $(cat "$d/made.txt" 2>&1)"
	[ "$(cat "$d/dir1/renamed.txt" 2>/dev/null)" = moving ] && [ ! -e "$d/dir1/a.txt" ] &&
		pass "net/$1/host-sees-renamed" ||
		fail "net/$1/host-sees-renamed" "$(ls -l "$d/dir1" 2>&1 | tr '\n' ' ')"
	[ ! -e "$d/to-delete.txt" ] && [ ! -e "$d/gone" ] && pass "net/$1/host-sees-removals" ||
		fail "net/$1/host-sees-removals" "$(ls "$d" | tr '\n' ' ')"
	cmp -s "$d/seq.txt" <(seq 1 30000) && pass "net/$1/host-same-bytes" ||
		fail "net/$1/host-same-bytes" "seq.txt: $(stat -c %s "$d/seq.txt" 2>&1) bytes"
	[ "$(cat "$d/host.txt")" = "hello from the host" ] && pass "net/$1/host-file-intact" ||
		fail "net/$1/host-file-intact" "host.txt changed"
}

# rfs_errno_host_checks TAG DIR: what rfstest left (and that failed calls
# left nothing).
rfs_errno_host_checks() {
	local d=$2
	[ "$(cat "$d/sub/moved.txt" 2>/dev/null)" = abc ] && [ "$(stat -c %s "$d/rw.bin")" = 0 ] &&
	[ "$(cat "$d/host-log.txt")" = "one
two" ] && [ "$(stat -c %a "$d/ro.txt")" = 444 ] && pass "net/$1/host-sees-results" ||
		fail "net/$1/host-sees-results" "$(ls -lR "$d" | tr '\n' ' ')"
	[ ! -e "$d/x" ] && [ ! -e "$d/never" ] && [ ! -e "$d/l" ] && [ ! -e "$d/fifo" ] &&
	[ ! -e "$d/newdir" ] && [ ! -e "$d/no" ] && pass "net/$1/host-failed-calls-left-nothing" ||
		fail "net/$1/host-failed-calls-left-nothing" "$(ls "$d" | tr '\n' ' ')"
}

# ---------------------------------------------------------------- rfs
root=$work/rfs/sh
rfs_root "$root"
daemon "$root" "$(port 27)" "$out/rfs-storaged.log"
sd=$last_pid
rfs_vm rfs-sh "$(port 26)" "$(port 27)" 180 /bin/sh /rfs-session.sh
rfs_host_checks rfs-sh "$root"
rfs_root "$root"
rfs_vm rfs "$(port 26)" "$(port 27)" 180 /rfstest errno
stop "$sd"
rfs_errno_host_checks rfs "$root"

# ---------------------------------------------------------------- rfs-lossy
# processor (28) -- hub (29, 31) -- lego-storaged (30).
root=$work/rfs/lossy
rfs_root "$root"
daemon "$root" "$(port 30)" "$out/rfs-lossy-storaged.log"
sd=$last_pid
bg "$out/rfs-lossy-shim.log" "$tools/lego-netshim" --drop 5 --dup 2 --reorder 3 --corrupt 1 \
	--seed $$ --port "$(port 29)=$(port 28)" --port "$(port 31)=$(port 30)"
shim=$last_pid
rfs_vm rfs-lossy "$(port 28)" "$(port 29)" 400 /bin/sh /rfs-session.sh
rfs_host_checks rfs-lossy "$root"
rfs_root "$root"
rfs_vm rfs-lossy-errno "$(port 28)" "$(port 29)" 400 /rfstest errno
rfs_errno_host_checks rfs-lossy-errno "$root"
stop "$sd"
stop "$shim"
echo "# rfs through a lossy link: $(tail -n1 "$out/rfs-lossy-shim.log")"

# ---------------------------------------------------------------- rfs-restart
root=$work/rfs/restart
rfs_root "$root"
daemon "$root" "$(port 27)" "$out/rfs-restart-storaged-1.log"
sd=$last_pid
log=$out/rfs-restart.log
bg "$log" scripts/qemu-run.sh --initrd "$out/rfs.cpio" --timeout 300 \
	--append "rdinit=/rfstest lego.node=1 lego.peers=storage:3 -- restart" \
	-- $(netdev n0 "$(port 26)" "$(port 27)" 52:54:00:4c:00:01)
vm=$last_pid
# A second after RFS-PENDING the VM makes calls back to back.
kill_and_restart "$log" RFS-PENDING 1 RFS-DOWN "$root" "$(port 27)" \
	"$out/rfs-restart-storaged-2.log"
wait "$vm"
rc=$?
stop "$sd"
results rfs-restart "$log" "$rc"
cmp -s "$root/durable.txt" <(head -c 40960 "$root/durable.txt") &&
[ "$(stat -c %s "$root/durable.txt" 2>/dev/null)" = 40960 ] && [ "$(cat "$root/after.txt")" = after ] &&
	pass net/rfs-restart/host-has-writes ||
	fail net/rfs-restart/host-has-writes "$(ls -l "$root" | tr '\n' ' ')"
echo "# rfs-restart: $(tr -d '\r' < "$log" | grep -a '^RFS-DOWN')"

# ---------------------------------------------------------------- rfs-exec
# The host's static busybox, executed from /mnt/storage.
root=$work/rfs/exec
rfs_root "$root"
mkdir "$root/bin"
cp /bin/busybox "$root/bin/sh"
chmod 755 "$root/bin/sh"
printf '#!/bin/sh\necho no\n' > "$root/bin/noexec"
chmod 644 "$root/bin/noexec"
daemon "$root" "$(port 27)" "$out/rfs-exec-storaged.log"
sd=$last_pid
rfs_vm rfs-exec "$(port 26)" "$(port 27)" 180 /bin/sh /rfs-exec.sh
stop "$sd"

# ---------------------------------------------------------------- rfs-self
# The image's /srv holds what rfs_root makes; net/storage_vfs.c serves it.
rfs_root "$work/rfs/self/srv"
scripts/mkinitramfs.sh "$out/rfs-self.cpio" "$out/rfstest:/rfstest" --dir "$work/rfs/self" \
	--mkdir /proc --mkdir /dev --mkdir /tmp > /dev/null
scripts/qemu-run.sh --initrd "$out/rfs-self.cpio" --timeout 180 \
	--append "rdinit=/rfstest lego.node=1 lego.peers=storage:1 lego.storage_root=/srv -- errno" \
	> "$out/rfs-self.log" 2>&1
results rfs-self "$out/rfs-self.log" $?
