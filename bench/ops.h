/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The list of benchmarks: the only one.  It is included several times
 * with different definitions of BENCH_OP (bench.h makes the table the
 * programs run from it; init uses it to report the operations of a
 * program that cannot be started) and read by bench/run.sh for the rows
 * of the table, in this order.
 *
 * BENCH_OP(program, name, iterations, reference, description)
 *   program     the binary under /bench that measures it (init: the
 *               init program itself)
 *   name        the row name; the program defines s64 bench_<name>(long n)
 *   iterations  operations per timed batch (BENCH_ITERS overrides)
 *   reference   the empty timed loop subtracted: ASM (a two-instruction
 *               dec/jnz loop, for operations timed in an asm loop), C (the
 *               same C loop with an empty body) or NONE
 *   description what one operation is, for the table
 */
BENCH_OP(init, boot_to_init, 1, NONE, "QEMU start to init's first instruction (init's first RDTSC)")
BENCH_OP(syscall, null_syscall, 10000, ASM, "getpid through raw SYSCALL")
BENCH_OP(syscall, invalid_syscall, 10000, ASM, "syscall number 100000: -ENOSYS")
BENCH_OP(syscall, clock_gettime_syscall, 5000, C, "clock_gettime(CLOCK_MONOTONIC) by SYSCALL: 16-byte copy out")
BENCH_OP(syscall, uname, 5000, C, "uname: 390-byte copy out")
BENCH_OP(syscall, write_devnull, 5000, C, "write 1 byte to /dev/null")
BENCH_OP(syscall, read_devzero, 5000, C, "read 1 byte from /dev/zero")
BENCH_OP(syscall, int80_getpid, 5000, ASM, "int $0x80 from 64-bit code, 32-bit getpid (20)")
BENCH_OP(compat32, sysenter_getpid, 5000, ASM, "32-bit getpid by SYSENTER through __kernel_vsyscall")
BENCH_OP(compat32, int80_getpid_32, 5000, ASM, "32-bit getpid by int $0x80 from a 32-bit program")
BENCH_OP(syscall, vdso_clock_gettime, 5000, C, "clock_gettime(CLOCK_MONOTONIC) through the vDSO")
BENCH_OP(mm, brk_grow_shrink, 2000, C, "brk up one page and back down")
BENCH_OP(mm, mmap_4k, 1000, C, "mmap 4 KiB anonymous, touch, munmap")
BENCH_OP(mm, mmap_1m, 50, C, "mmap 1 MiB anonymous, touch its 256 pages, munmap")
BENCH_OP(mm, page_fault, 2000, C, "first write to an anonymous page (4 KiB, no THP)")
BENCH_OP(rmem, remote_page_fault, 500, C, "read fault fetching a page from the memory component (the processor itself: no wire) and evicting a clean one")
BENCH_OP(rmemvm, remote_page_fault_vm, 200, C, "the same fault with the memory component a VM over loopback UDP (wall clock only)")
BENCH_OP(rfs, local_stat, 1000, C, "stat of a 4 KiB file on the local RAM file system (/tmp)")
BENCH_OP(rfs, remote_stat, 200, C, "stat of a file on /mnt/storage: RPC_ST_STAT, the storage component the processor itself (no wire)")
BENCH_OP(rfsvm, remote_stat_vm, 100, C, "the same stat served by lego-storaged over loopback UDP (wall clock only)")
BENCH_OP(rfs, local_read_4k, 1000, C, "pread 4 KiB at offset 0 of a local RAM file")
BENCH_OP(rfs, remote_read_4k, 200, C, "pread 4 KiB of a /mnt/storage file: RPC_ST_PREAD, served by the processor itself")
BENCH_OP(rfsvm, remote_read_4k_vm, 100, C, "the same pread served by lego-storaged over loopback UDP (wall clock only)")
BENCH_OP(rfs, local_write_4k, 1000, C, "pwrite 4 KiB at offset 0 of a local RAM file")
BENCH_OP(rfs, remote_write_4k, 200, C, "pwrite 4 KiB of a /mnt/storage file: RPC_ST_PWRITE, served by the processor itself")
BENCH_OP(rfsvm, remote_write_4k_vm, 100, C, "the same pwrite served by lego-storaged over loopback UDP (wall clock only)")
BENCH_OP(proc, fork_exit_wait, 100, C, "fork, child exits at once, parent wait4s")
BENCH_OP(proc, vfork_exec_wait, 100, C, "vfork, exec a tiny static binary that exits, wait4")
BENCH_OP(proc, pipe_pingpong, 1000, C, "1-byte round trip over two pipes between two processes")
BENCH_OP(proc, signal_raise, 1000, C, "kill(self, SIGUSR1): delivery, handler, rt_sigreturn")
BENCH_OP(proc, futex_pingpong, 1000, C, "futex wake/wait round trip between two threads")
BENCH_OP(proc, thread_create_join, 200, C, "clone a thread that exits at once, join on its tid futex")
BENCH_OP(smp, throughput_1cpu, 40000, NONE, "getpid from 1 process pinned to CPU 0: ticks per syscall, system-wide")
BENCH_OP(smp, throughput_2cpu, 40000, NONE, "getpid from 2 processes pinned one per CPU: ticks per syscall, system-wide")
BENCH_OP(smp, throughput_4cpu, 40000, NONE, "getpid from 4 processes pinned one per CPU: ticks per syscall, system-wide")
