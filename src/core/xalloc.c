#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p)
{
	if (!p) {
		fputs("motcua: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xmalloc(size_t n) { return check(malloc(n ? n : 1)); }

void *xcalloc(size_t nmemb, size_t size) { return check(calloc(nmemb ? nmemb : 1, size ? size : 1)); }

void *xrealloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }

void *xgrow(void *p, size_t *cap, size_t want, size_t sz)
{
	if (want <= *cap)
		return p;
	size_t c = *cap ? *cap : 8;
	while (c < want)
		c *= 2;
	*cap = c;
	return xrealloc(p, c * sz);
}

char *xstrdup(const char *s) { return s ? xstrndup(s, strlen(s)) : NULL; }

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return check(n < 0 ? NULL : s);
}
