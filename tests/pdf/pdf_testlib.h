/* pdf_testlib — what the PDF tests share: running a command and reading its
 * output, and the text comparison that pdftotext's line breaking calls for.
 * Include once, in a test program. */
#ifndef MOTCUA_PDF_TESTLIB_H
#define MOTCUA_PDF_TESTLIB_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "text.h"
#include "xalloc.h"

/* The standard output of a shell command (malloc'd, never NULL); its exit
 * status in *status when status is non-NULL. */
static char *run(int *status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *run(int *status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *cmd = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(cmd, (size_t)len + 1, fmt, ap);
	va_end(ap);
	FILE *f = popen(cmd, "r");
	free(cmd);
	size_t n = 0, cap = 65536;
	char *buf = xmalloc(cap);
	size_t k;
	while (f && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = xgrow(buf, &cap, cap + 1, 1);
	}
	buf[n] = 0;
	int st = f ? pclose(f) : -1;
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return buf;
}

/* NFC, without white space, hyphens (pdftotext joins a word broken after
 * "-" at a line end) or soft hyphens. */
static char *norm(const char *s)
{
	char *n = text_nfc(s);
	if (!n)
		return xstrdup("<invalid UTF-8>");
	char *q = n;
	for (const char *p = n; *p;) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f' ||
		    *p == '-') {
			p++;
		} else if (!strncmp(p, "\xC2\xA0", 2) || !strncmp(p, "\xC2\xAD", 2)) {
			p += 2; /* NBSP, soft hyphen */
		} else {
			*q++ = *p++;
		}
	}
	*q = 0;
	return n;
}

#endif
