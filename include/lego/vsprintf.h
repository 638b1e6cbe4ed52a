#ifndef _LEGO_VSPRINTF_H
#define _LEGO_VSPRINTF_H
#include <lego/types.h>
#include <lego/compiler.h>
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
#endif
