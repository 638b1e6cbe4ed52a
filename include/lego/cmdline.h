#ifndef _LEGO_CMDLINE_H
#define _LEGO_CMDLINE_H
#include <lego/types.h>
int parse_cmdline(char *buf, int (*cb)(char *param, char *val, void *arg), void *arg, char **after_dashdash);
int split_args(char *s, char **argv, int max);
bool cmdline_get(const char *cmdline, const char *name, char *val, size_t len);
#endif
