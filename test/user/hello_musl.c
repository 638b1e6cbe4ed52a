// A program that uses musl's stdio and malloc the ordinary way: its
// line reaches the console, and a few libc calls give Linux's answers.
// lego-test: libc=musl
// lego-test: console=hello from musl: 42 ok
#define LT_SUITE "hello_musl"
#define LIBC "musl"
#include "hello.h"
