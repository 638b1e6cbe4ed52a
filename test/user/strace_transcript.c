// Kernel strace output, byte for byte against strace_transcript.expected
// (pids normalised), and switching tracing off and on at run time
// through /proc/lego/strace.
// lego-test: libc=musl
// lego-test: linux=no
// lego-test: kernel=strace=open,read,write,close,getppid,exit_group
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[8];
	int fd, ctl, bad = 0;

	fd = open("/strace_transcript", O_RDONLY | O_CLOEXEC);
	bad |= read(fd, buf, 4) != 4;
	close(fd);
	bad |= open("/nope", O_RDONLY) != -1;
	write(1, "hello\n", 6);
	ctl = open("/proc/lego/strace", O_WRONLY);
	write(ctl, "off", 3);
	getppid();			/* not traced */
	write(ctl, "on", 2);		/* entered while off: not traced */
	getppid();
	close(ctl);
	printf("%s strace_transcript/calls\n", bad ? "FAIL" : "PASS");
	fflush(stdout);
	return bad;
}
