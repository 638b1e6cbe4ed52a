# SPDX-License-Identifier: GPL-2.0
# rfs-session.sh: a busybox shell session on a processor VM whose
# /mnt/storage is lego-storaged's directory (test/net/run.sh, net/rfs-sh).
# It reads what the host put there and leaves what run.sh then looks for
# on the host: made.txt, dir1/renamed.txt, seq.txt; to-delete.txt gone.
M=/mnt/storage
ok() { echo "PASS net/rfs-sh/$1"; }
no() { echo "FAIL net/rfs-sh/$1: $2"; }
is() { [ "$2" = "$3" ] && ok "$1" || no "$1" "got '$2', expected '$3'"; }

is mounted "$(grep ' /mnt/storage ' /proc/mounts | cut -d' ' -f1,3)" "storage:3 rfs"
is read-host-file "$(cat $M/host.txt)" "hello from the host"
is list "$(ls $M | tr '\n' ' ')" "host.txt sub to-delete.txt "
echo "made in lego" > $M/made.txt
is create "$(cat $M/made.txt)" "made in lego"
echo "second line" >> $M/made.txt
is append "$(wc -l < $M/made.txt)" 2
mkdir $M/dir1 && echo moving > $M/dir1/a.txt && mv $M/dir1/a.txt $M/dir1/renamed.txt
is rename "$(ls $M/dir1)" renamed.txt
is renamed-content "$(cat $M/dir1/renamed.txt)" moving
rm $M/to-delete.txt
[ ! -e $M/to-delete.txt ] && ok delete || no delete "to-delete.txt still there"
cd $M/sub && is cwd "$(pwd)" /mnt/storage/sub
is relative-read "$(cat ../host.txt)" "hello from the host"
cd /
seq 1 30000 > $M/seq.txt
is big-file "$(md5sum < $M/seq.txt)" "$(seq 1 30000 | md5sum)"
is stat-size "$(stat -c %s $M/seq.txt)" "$(seq 1 30000 | wc -c)"
mkdir $M/gone && rmdir $M/gone
[ ! -d $M/gone ] && ok rmdir || no rmdir "gone/ still there"
cp $M/seq.txt /tmp/local.txt && cmp -s /tmp/local.txt $M/seq.txt && ok copy-out || no copy-out differs
echo RFS-SH-DONE
