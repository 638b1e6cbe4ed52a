// Scripted busybox sessions (Debian's busybox-static, its ash and its
// applets) whose output must be Linux's byte for byte: pipes, redirects,
// find, sort, grep, sed, awk, a tar round trip, background jobs, kill,
// trap and exit codes.  ash's "Terminated" for a killed background job
// depends on when it reaps the job (in `kill` or in `wait`), on Linux
// too, so those lines are sent to /dev/null; and a background job
// ignores SIGINT (POSIX, for an asynchronous list without job control)
// only from when its shell has set that up, so it gets SIGUSR1.
// lego-test: libc=musl
// lego-test: file=/bin/busybox:/bin/busybox
// lego-test: timeout=180
#define _GNU_SOURCE
#define LT_SUITE "busybox_script"
#include "lego_test.h"
#include "vfs_util.h"
#include "shell_cases.h"

static const struct shell_case cases[] = {
	{ "pipes",
	  "printf 'b\\na\\nc\\n' | sort | tr a-z A-Z; echo x | cat | cat | wc -c;"
	  "seq 1 5 | xargs echo; seq 10 | tail -n 2 | head -n 1; echo a,b,c | cut -d, -f2",
	  "A\nB\nC\n2\n1 2 3 4 5\n9\nb\n", 0 },
	{ "redirects",
	  "echo one > f; echo two >> f; cat < f; wc -l < f;"
	  "ls nonexistent 2> err; echo ls=$?; grep -c 'No such file' err;"
	  "exec 3> g; echo three >&3; exec 3>&-; cat g;"
	  "{ echo out; echo err >&2; } 2>&1 >/dev/null | tr a-z A-Z;"
	  "cat <<EOF\nhere $((6 * 7))\n'quoted'\nEOF\n"
	  "cat <<'EOF'\nliteral $HOME\nEOF\n"
	  "cat /dev/null > f; wc -c < f; head -c 5 /dev/zero | od -An -tx1 | tr -s ' '",
	  "one\ntwo\n2\nls=1\n1\nthree\nERR\nhere 42\n'quoted'\nliteral $HOME\n"
	  "0\n 00 00 00 00 00\n", 0 },
	{ "find",
	  "mkdir -p d/e/f; touch d/a d/e/b d/e/f/c; ln -s a d/l;"
	  "find d -type f | sort; find d -name b; find d -type l; find d -type d | sort;"
	  "find d -path '*/f/*'; find d -maxdepth 1 | sort",
	  "d/a\nd/e/b\nd/e/f/c\nd/e/b\nd/l\nd\nd/e\nd/e/f\nd/e/f/c\nd\nd/a\nd/e\nd/l\n", 0 },
	{ "sort_uniq",
	  "printf '10\\n9\\n100\\n9\\n' > n; sort n | tr '\\n' ' '; echo;"
	  "sort -n n | uniq | tr '\\n' ' '; echo; sort -rn -u n | head -n1;"
	  "printf 'b 2\\na 3\\nc 1\\n' | sort -k2 -n | cut -d' ' -f1 | tr -d '\\n'; echo;"
	  "sort -n n | uniq -c | sed 's/^ *//'",
	  "10 100 9 9 \n9 10 100 \n100\ncba\n2 9\n1 10\n1 100\n", 0 },
	{ "grep",
	  "printf 'apple\\nbanana\\ncherry\\nApple pie\\n' > fr; grep -n an fr; grep -v a fr;"
	  "grep -c e fr; grep -i '^apple' fr; grep -E 'ch|pie$' fr; grep -q zzz fr; echo q=$?;"
	  "grep zzz nofile; echo missing=$?; grep -o 'an' fr | wc -l; grep -l apple fr",
	  "2:banana\ncherry\nApple pie\n3\napple\nApple pie\ncherry\nApple pie\nq=1\n"
	  "grep: nofile: No such file or directory\nmissing=2\n2\nfr\n", 0 },
	{ "sed",
	  "echo hello world | sed 's/world/lego/'; printf '1\\n2\\n3\\n' | sed -n '2p';"
	  "printf 'a\\nb\\nc\\n' > s; sed -i 's/b/B/;/c/d' s; cat s;"
	  "echo aaa | sed 's/a/x/2'; echo 'k=v' | sed -E 's/([a-z])=([a-z])/\\2=\\1/';"
	  "printf 'x\\ny\\n' | sed '1i\\\ntop' ; printf 'one\\ntwo\\n' | sed '$!d'",
	  "hello lego\n2\na\nB\naxa\nv=k\ntop\nx\ny\ntwo\n", 0 },
	{ "awk",
	  "printf '1 2\\n3 4\\n' | awk '{ s += $1 * $2 } END { print s }';"
	  "echo a:b:c | awk -F: '{ print $2, NF }';"
	  "printf 'x 1\\ny 2\\nx 3\\n' | awk '{ t[$1] += $2 } END { print t[\"x\"], t[\"y\"] }';"
	  "awk 'BEGIN { printf \"%05.1f|%-3s|%x\\n\", 3.14159, \"ab\", 255 }';"
	  "echo 'The Quick' | awk '{ print toupper($1) length($2) substr($2, 2, 3) }';"
	  "seq 1 10 | awk 'NR % 3 == 0' | tr '\\n' ' '; echo",
	  "14\nb 3\n4 2\n003.1|ab |ff\nTHE5uic\n3 6 9 \n", 0 },
	{ "tar",
	  "mkdir -p t/x; echo data > t/x/y; printf 'bin\\001\\377' > t/b; ln -s x/y t/l;"
	  "chmod 640 t/x/y; tar cf t.tar t; rm -rf t; tar xf t.tar; cat t/x/y;"
	  "readlink t/l; od -An -tx1 t/b | tr -s ' '; stat -c %a t/x/y; tar tf t.tar | sort;"
	  "tar czf t.tgz t && rm -rf t && tar xzf t.tgz && cat t/x/y;"
	  "tar cf - t | (mkdir u && cd u && tar xf -) && cmp t/b u/t/b && echo same",
	  "data\nx/y\n 62 69 6e 01 ff\n640\nt/\nt/b\nt/l\nt/x/\nt/x/y\ndata\nsame\n", 0 },
	{ "jobs",
	  "sleep 0.2 & p=$!; echo started; wait $p; echo waited=$?;"
	  "(exit 3) & wait $!; echo sub=$?;"
	  "for i in 3 1 2; do (sleep 0.$i; echo job$i) & done | sort; wait; echo all;"
	  "echo $(echo inner; echo two) | wc -w",
	  "started\nwaited=0\nsub=3\njob1\njob2\njob3\nall\n2\n", 0 },
	{ "kill",
	  "sleep 10 & p=$!; { kill $p; wait $p; } 2>/dev/null; echo term=$?;"
	  "sleep 10 & p=$!; { kill -9 $p; wait $p; } 2>/dev/null; echo kill=$?;"
	  "kill -0 $$; echo self=$?; kill -0 999999 2>/dev/null; echo none=$?;"
	  "sleep 10 & p=$!; kill -STOP $p; kill -CONT $p; { kill -USR1 $p; wait $p; } 2>/dev/null; echo usr1=$?;"
	  "kill -l 15; kill -l TERM",
	  "term=143\nkill=137\nself=0\nnone=1\nusr1=138\nTERM\n15\n", 0 },
	{ "trap",
	  "trap 'echo got USR1' USR1; kill -USR1 $$; echo after;"
	  "trap 'echo bye' EXIT; (trap 'echo sub exit' EXIT; echo in sub);"
	  "trap '' INT; kill -INT $$; echo ignored; trap - INT;"
	  "sh -c 'trap \"echo term; exit 5\" TERM; kill -TERM $$; sleep 1'; echo child=$?;"
	  "trap 'echo err' USR2; sleep 5 & p=$!; (sleep 0.2; kill -USR2 $$) & wait $p; echo wait=$?; kill $p",
	  "got USR1\nafter\nin sub\nsub exit\nignored\nterm\nchild=5\nerr\nwait=140\nbye\n", 0 },
	{ "exit_codes",
	  "false; echo $?; true; echo $?; (exit 7); echo $?; sh -c 'exit 300'; echo $?;"
	  "nonexistent_cmd 2>/dev/null; echo $?; ./ 2>/dev/null; echo $?; ! false; echo $?;"
	  "false || echo or; true && echo and; test 2 -gt 1 && [ -d / ] && echo tests;"
	  "sh -c 'kill -SEGV $$'; echo segv=$?;"
	  "exit 42",
	  "1\n0\n7\n44\n127\n126\n0\nor\nand\ntests\nSegmentation fault\nsegv=139\n", 42 },
	{ "files",
	  "echo z > src; cp src dst; mv dst dst2; ln -s dst2 lnk; ln src hard;"
	  "readlink lnk; cat lnk; ls; stat -c '%h %s' src; rm src; cat hard;"
	  "mkdir -p a/b; rmdir a 2>&1 | sed 's/.*: //'; rm -r a; [ -e a ] || echo gone;"
	  "touch -d '2020-01-02 03:04:05' old; date -r old -u '+%Y %m %d'; dd if=/dev/zero bs=512 count=3 2>/dev/null | wc -c;"
	  "umask 027; touch m; stat -c %a m; basename /x/y.c .c; dirname /x/y.c",
	  "dst2\nz\ndst2\nhard\nlnk\nsrc\n2 2\nz\nDirectory not empty\ngone\n2020 01 02\n1536\n640\ny\n/x\n", 0 },
};

int main(void)
{
	vfs_setup("/tmp/busybox_script");
	install_busybox_applets();
	run_shell_cases("/bin/busybox", "/tmp/busybox_script", cases,
			sizeof(cases) / sizeof(cases[0]));
	return lt_done();
}
