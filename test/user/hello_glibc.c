// A program that uses glibc's stdio and malloc the ordinary way (gcc
// -static): its line reaches the console, and a few libc calls give
// Linux's answers.
// lego-test: libc=glibc
// lego-test: console=hello from glibc: 42 ok
#define LT_SUITE "hello_glibc"
#define LIBC "glibc"
#include "hello.h"
