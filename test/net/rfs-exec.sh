# SPDX-License-Identifier: GPL-2.0
# rfs-exec.sh: execve from the remote file system (test/net/rfs.sh,
# net/rfs-exec).  /mnt/storage/bin/sh is a static busybox the host put
# there (named sh: busybox runs the applet its name says); the child shells
# it runs use builtins only (their PATH may have no applets).
M=/mnt/storage
ok() { echo "PASS net/rfs-exec/$1"; }
no() { echo "FAIL net/rfs-exec/$1: $2"; }
is() { [ "$2" = "$3" ] && ok "$1" || no "$1" "got '$2', expected '$3'"; }

is absolute "$($M/bin/sh -c 'echo absolute-$#' x y)" absolute-1
$M/bin/sh -c 'exit 7'
is exit-status $? 7
cd $M/bin
is relative "$(./sh -c 'echo relative-$PWD')" relative-/mnt/storage/bin
cd $M
is relative-subdir "$(bin/sh -c 'cd bin && echo in-$PWD')" in-/mnt/storage/bin
# Its segments were copied in: no mapping of the file (fs/binfmt_elf.c).
is no-file-mapping "$($M/bin/sh -c 'n=0; while read l; do case "$l" in *storage*) n=$((n+1));; esac; done < /proc/self/maps; echo $n')" 0
# A child of the child: the same binary again, from its own cwd.
is nested "$(cd $M/bin && ./sh -c './sh -c "echo nested-ok"')" nested-ok
# Mode 644 on the host: EACCES, the shell's 126.
out=$($M/bin/noexec 2>&1)
is not-executable "$?:${out##*: }" "126:Permission denied"
echo RFS-EXEC-DONE
