#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* A message quotes cells of up to 64 KiB, and a bundle may hold thousands
 * of problems: longer messages are cut (at a UTF-8 boundary) so that they
 * cannot fill the memory. */
#define DIAG_MAX_MESSAGE 1000

__attribute__((format(printf, 5, 0))) static void
diag_vadd(diag_list *d, diag_level level, const char *file, int line, const char *fmt, va_list ap)
{
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	diag_entry *e = &d->v[d->n++];
	e->level = level;
	e->line = line;
	e->row = 0;
	e->code = NULL;
	char *raw = NULL;
	int n = vasprintf(&raw, fmt, ap);
	if (n < 0) {
		fputs("motcua: out of memory\n", stderr);
		abort();
	}
	if (n > DIAG_MAX_MESSAGE + 3) {
		size_t cut = DIAG_MAX_MESSAGE;
		while (cut && ((unsigned char)raw[cut] & 0xC0) == 0x80)
			cut--;
		memcpy(raw + cut, "\xE2\x80\xA6", 4); /* "…" */
	}
	/* Names and messages carry text from outside (a file name on the stick,
	 * a cell, a signer's comment, a configuration value): escaped here, once,
	 * so no entry can drive the terminal or forge a line of its own. */
	e->file = text_escape(file, false);
	e->message = text_escape(raw, false);
	free(raw);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diag_add(diag_list *d, diag_level level, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, level, file, line, fmt, ap);
	va_end(ap);
}

void diag_report(FILE *out, diag_level level, const char *file, int line, const char *fmt, ...)
{
	diag_list d = {0};
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(&d, level, file, line, fmt, ap);
	va_end(ap);
	diag_print(&d, out);
	diag_clear(&d);
}

void diag_locate(diag_list *d, size_t from, int line, int row, const char *code)
{
	char *shown = code && *code ? text_escape(code, false) : NULL;
	for (size_t i = from; i < d->n; i++) {
		diag_entry *e = &d->v[i];
		if (e->line != line || line <= 0)
			continue;
		if (row > 0 && row != line)
			e->row = row;
		if (shown && !e->code && !strstr(e->message, shown))
			e->code = xstrdup(shown);
	}
	free(shown);
}

/* "row 4 in Excel, line 124 of the file, procedure 1.001193: message". */
static char *diag_where(const diag_entry *e)
{
	if (e->row > 0 && e->code)
		return xasprintf(_("row %d in Excel, line %d of the file, procedure %s: %s"), e->row,
		                 e->line, e->code, e->message);
	if (e->row > 0)
		return xasprintf(_("row %d in Excel, line %d of the file: %s"), e->row, e->line,
		                 e->message);
	if (e->code)
		return xasprintf(_("procedure %s: %s"), e->code, e->message);
	return xstrdup(e->message);
}

char *diag_format(const diag_entry *e)
{
	const char *word = e->level == DIAG_ERROR ? _("error") : _("warning");
	char *msg = e->line > 0 ? diag_where(e) : xstrdup(e->message), *s;
	if (!*e->file)
		s = xasprintf("motcua: %s: %s", word, msg);
	else if (e->line > 0)
		s = xasprintf("%s:%d: %s: %s", e->file, e->line, word, msg);
	else
		s = xasprintf("%s: %s: %s", e->file, word, msg);
	free(msg);
	return s;
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
		free(d->v[i].code);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
