#ifndef _LEGO_INFLATE_H
#define _LEGO_INFLATE_H
#include <lego/types.h>
bool is_gzip(const void *buf, size_t len);
ssize_t gunzip(const void *in, size_t inlen, void *out, size_t outcap, size_t *consumed);
#endif
