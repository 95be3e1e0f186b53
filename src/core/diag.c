#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define DIAG_MAX_MESSAGE 1000

void diag_add(diag_list *d, diag_level level, const char *file, int line, const char *fmt, ...)
{
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	diag_entry *e = &d->v[d->n++];
	e->level = level;
	e->file = xstrdup(file ? file : "");
	e->line = line;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	e->message = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	e->message[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->message, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	/* A message quotes cells of up to 64 KiB, and a bundle may hold
	 * thousands of problems: long messages are cut (at a UTF-8 boundary) so
	 * that they cannot fill the memory. */
	if (n > DIAG_MAX_MESSAGE + 3) {
		size_t cut = DIAG_MAX_MESSAGE;
		while (cut && ((unsigned char)e->message[cut] & 0xC0) == 0x80)
			cut--;
		memcpy(e->message + cut, "\xE2\x80\xA6", 4); /* "…" */
		e->message = xrealloc(e->message, cut + 4);
	}
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

char *diag_format(const diag_entry *e)
{
	const char *word = e->level == DIAG_ERROR ? _("error") : _("warning");
	if (!*e->file)
		return xasprintf("motcua: %s: %s", word, e->message);
	if (e->line > 0)
		return xasprintf("%s:%d: %s: %s", e->file, e->line, word, e->message);
	return xasprintf("%s: %s: %s", e->file, word, e->message);
}

void diag_print(const diag_list *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		fprintf(out, "%s\n", s);
		free(s);
	}
}

void diag_clear(diag_list *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
