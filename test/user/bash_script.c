// A script for Debian's bash-static (glibc, unmodified): functions,
// arrays, subshells, command substitution, here-documents, traps, wait,
// job control builtins, pipelines and process substitution, whose output
// must be Linux's byte for byte.  busybox supplies the external commands.
// lego-test: libc=musl
// lego-test: file=/bin/bash-static:/bin/bash
// lego-test: file=/bin/busybox:/bin/busybox
// lego-test: timeout=180
#define _GNU_SOURCE
#define LT_SUITE "bash_script"
#include "lego_test.h"
#include "vfs_util.h"
#include "shell_cases.h"

static const struct shell_case cases[] = {
	{ "version", "echo ${BASH_VERSINFO[0]} > /dev/null && echo bash", "bash\n", 0 },
	{ "functions",
	  "fact() { local n=$1; (( n <= 1 )) && { echo 1; return; }; echo $(( n * $(fact $((n - 1))) )); };"
	  "fact 10; g() { local x=inner; return 3; }; x=outer; g; echo $? $x;"
	  "h() { echo \"$# [$1] [$2]\"; shift; echo \"$*\"; }; h 'a b' c d;"
	  "declare -f g | head -n 1; type -t fact; unset -f fact; type -t fact || echo gone",
	  "3628800\n3 outer\n3 [a b] [c]\nc d\ng () \nfunction\ngone\n", 0 },
	{ "arrays",
	  "a=(zero one two three); echo ${#a[@]} ${a[2]} ${a[-1]}; a+=(four); echo ${a[@]:1:2};"
	  "unset 'a[1]'; echo ${!a[@]}; declare -A m=([k1]=v1 [k2]=v2); m[k3]=v3;"
	  "for k in $(printf '%s\\n' \"${!m[@]}\" | sort); do printf '%s=%s ' $k ${m[$k]}; done; echo;"
	  "echo ${#m[@]}; [[ -v m[k2] ]] && echo has-k2; s='x y  z'; read -ra w <<< \"$s\"; echo ${#w[@]} ${w[2]};"
	  "mapfile -t lines < <(printf 'l1\\nl2\\n'); echo ${lines[1]} ${#lines[@]}",
	  "4 two three\none two\n0 2 3 4\nk1=v1 k2=v2 k3=v3 \n3\nhas-k2\n3 z\nl2 2\n", 0 },
	{ "expansion",
	  "f=archive.tar.gz; echo ${f%.*} ${f%%.*} ${f#*.} ${f##*.}; s=banana; echo ${s//a/o} ${s/a/A} ${s^^} ${#s};"
	  "echo ${unset:-dflt} ${s:1:3} ${s: -2}; : ${newvar:=set}; echo $newvar; echo {1..5} {a,b}{x,y};"
	  "printf -v p '%03d|%-4s|%x' 7 ab 255; echo \"$p\"; n=5; echo $(( n ** 2 % 7 )) $(( 16#ff )) $(( n > 3 ? 1 : 0 ));"
	  "(( n++ )); echo $n; let 'm = n * 2'; echo $m; x=abc; [[ $x == a* && $x =~ ^a(b)c$ ]] && echo match ${BASH_REMATCH[1]}",
	  "archive.tar archive tar.gz gz\nbonono bAnana BANANA 6\ndflt ana na\nset\n1 2 3 4 5 ax ay bx by\n"
	  "007|ab  |ff\n4 255 1\n6\n12\nmatch b\n", 0 },
	{ "subshells",
	  "x=1; (x=2; echo in $x); echo out $x; echo $(echo a $(echo b $(echo c)));"
	  "v=$( (exit 4) ); echo st=$?; y=`echo backtick`; echo $y; { x=3; }; echo brace $x;"
	  "echo $BASHPID > p1; ( echo $BASHPID > p2 ); [ \"$(cat p1)\" != \"$(cat p2)\" ] && echo new-pid;"
	  "cd /; (cd /tmp; pwd); pwd; echo \"$(printf 'x\\n\\n\\n')\" | wc -l",
	  "in 2\nout 1\na b c\nst=4\nbacktick\nbrace 3\nnew-pid\n/tmp\n/\n1\n", 0 },
	{ "heredocs",
	  "v=val; cat <<EOF\nexpanded $v $((1 + 1)) $(echo cmd)\nEOF\n"
	  "cat <<'EOF'\nliteral $v\nEOF\n"
	  "cat <<-EOF\n\tstripped tab\n\tEOF\n"
	  "tr a-z A-Z <<< \"here string $v\"; while read -r a b; do echo \"[$a|$b]\"; done <<EOF\n1 one\n2 two three\nEOF\n",
	  "expanded val 2 cmd\nliteral $v\nstripped tab\nHERE STRING VAL\n[1|one]\n[2|two three]\n", 0 },
	{ "traps",
	  "trap 'echo exit trap' EXIT; trap 'echo usr1' USR1; kill -USR1 $$; echo after;"
	  "f() { trap 'echo ret' RETURN; echo in-f; }; f; trap - RETURN;"
	  "( trap 'echo err at $LINENO' ERR; false; echo continues );"
	  "trap -p USR1;"
	  "bash -c 'trap \"echo caught; exit 7\" TERM; kill -TERM $$; sleep 2'; echo child=$?",
	  "usr1\nafter\nin-f\nret\nerr at 1\ncontinues\ntrap -- 'echo usr1' USR1\ncaught\nchild=7\nexit trap\n", 0 },
	{ "wait",
	  "sleep 0.3 & a=$!; (sleep 0.1; exit 5) & b=$!; wait $b; echo b=$?; wait $a; echo a=$?;"
	  "for i in 3 1 2; do (sleep 0.$i; exit $i) & done; wait -n; echo first=$?; wait; echo all;"
	  "sleep 5 & k=$!; kill $k; wait $k 2>/dev/null; echo killed=$?; jobs -l | wc -l;"
	  "(exit 9) & wait $!; echo nine=$?; wait 12345 2>/dev/null; echo none=$?",
	  "b=5\na=0\nfirst=1\nall\nkilled=143\n0\nnine=9\nnone=127\n", 0 },
	{ "pipelines",
	  "true | false | true; echo ${PIPESTATUS[@]}; set -o pipefail; true | false | true; echo pf=$?; set +o pipefail;"
	  "printf 'c\\na\\nb\\n' | sort | head -n 2 | tr '\\n' ,; echo; echo x 2>&1 1>/dev/null | wc -c;"
	  "diff <(printf 'a\\nb\\n') <(printf 'a\\nc\\n') | grep -c '^[-+][a-z]'; cat < <(echo procsub);"
	  "exec 4<> rw; echo 'fd4' >&4; exec 4>&-; cat rw; echo ok > >(cat); wait; sleep 0.1",
	  "0 1 0\npf=1\na,b,\n0\n2\nprocsub\nfd4\nok\n", 0 },
	{ "control",
	  "for ((i = 0; i < 3; i++)); do echo -n $i; done; echo; i=0; while :; do (( ++i > 2 )) && break; echo w$i; done;"
	  "until [ $i -le 0 ]; do i=$((i - 1)); done; echo i=$i; case foo.c in *.h) echo h ;; *.c) echo c ;; esac;"
	  "set -- p q r; for a; do echo -n $a; done; echo; shift 2; echo $# $1;"
	  "set -e; (false; echo ignored) || echo no; set +e; false && echo no; echo end",
	  "012\nw1\nw2\ni=0\nc\npqr\n1 r\nignored\nend\n", 0 },
	{ "exit_status",
	  "bash -c 'exit 256'; echo $?; bash -c 'kill -9 $$'; echo $?; nosuchcmd 2>/dev/null; echo $?;"
	  "/ 2>/dev/null; echo $?; bash -c 'echo $0 $1' zero one; exit 3",
	  "0\n137\n127\n126\nzero one\n", 3 },
};

int main(void)
{
	vfs_setup("/tmp/bash_script");
	/* What udev or an init script adds; bash's <(...) names /dev/fd/N. */
	symlink("/proc/self/fd", "/dev/fd");
	install_busybox_applets();
	run_shell_cases("/bin/bash", "/tmp/bash_script", cases, sizeof(cases) / sizeof(cases[0]));
	return lt_done();
}
