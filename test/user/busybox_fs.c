// A busybox shell session over the file system, its output compared
// with the text Linux gives: redirections and here-documents, pipes,
// sort/sed/awk, mkdir -p, links, find, a tar round trip keeping hard
// links and symlinks, cp -a and diff -r, mv and rm -rf, dd and stat,
// descriptors opened with exec, /proc/self/fd.
// lego-test: libc=musl
// lego-test: file=/bin/busybox:/bin/busybox
// lego-test: timeout=180
#define _GNU_SOURCE
#define LT_SUITE "busybox_fs"
#include "lego_test.h"
#include "vfs_util.h"
#include "lego_child.h"

static const char script[] =
	"mkdir -p /tmp/w && cd /tmp/w\n"
	"echo hello > a.txt; echo world >> a.txt; cat a.txt | wc -l\n"
	"printf 'b\\na\\nc\\n' | sort > s.txt; cat s.txt\n"
	"cat <<HERE > h.txt\nline1\nline2\nHERE\n"
	"sed -n 2p h.txt\n"
	"awk '{print NR\": \"$0}' h.txt\n"
	"mkdir -p d/e/f; touch d/e/f/g; ln -s ../a.txt d/link; ln a.txt hard\n"
	"find . | sort\n"
	"tar cf /tmp/t.tar d a.txt hard && mkdir x && cd x && tar xf /tmp/t.tar && "
	"stat -c '%n %s %h %F %a' a.txt hard d d/link d/e/f/g && readlink d/link && "
	"cmp a.txt hard && cd ..\n"
	"cp -a d d2 && diff -r d d2 && echo same\n"
	"mv d2 d3; rm -rf d3 x; ls\n"
	"dd if=/dev/zero of=z bs=1k count=64 2>/dev/null; stat -c '%s %b' z\n"
	"exec 3>fd3.txt; echo via3 >&3; exec 3>&-; cat fd3.txt\n"
	"(echo sub) | cat\n"
	"ls /proc/self/fd\n"
	"echo end > /dev/null; echo $?\n";

static const char expected[] =
	"2\n"
	"a\nb\nc\n"
	"line2\n"
	"1: line1\n2: line2\n"
	".\n./a.txt\n./d\n./d/e\n./d/e/f\n./d/e/f/g\n./d/link\n./h.txt\n./hard\n./s.txt\n"
	"a.txt 12 2 regular file 644\n"
	"hard 12 2 regular file 644\n"
	"d 80 3 directory 755\n"
	"d/link 8 1 symbolic link 777\n"
	"d/e/f/g 0 1 regular empty file 644\n"
	"../a.txt\n"
	"same\n"
	"a.txt\nd\nh.txt\nhard\ns.txt\n"
	"65536 128\n"
	"via3\n"
	"sub\n"
	"0\n1\n2\n3\n"
	"0\n";

int main(void)
{
	static char out[8192];
	int status;

	vfs_setup(NULL);
	status = lt_run_output("/bin/busybox", (char *[]){ "sh", "-c", (char *)script, NULL },
			       (char *[]){ "PATH=/bin", NULL }, out, sizeof(out));
	EXPECT_TRUE("shell_exit", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (!lt_check("transcript", !strcmp(out, expected), "output differs"))
		lt_printf("--- got:\n%s--- expected:\n%s---\n", out, expected);
	return lt_done();
}
