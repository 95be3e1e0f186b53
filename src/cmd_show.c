/* motcua show CODE — one procedure as plain text, headed field by field in
 * the sheet's order (procedure_fields), in the UI language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/audio_clip.h"
#include "core/i18n.h"
#include "core/procedure_fields.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Prints s with every line indented, so multi-line cells (Alt+Enter in
 * Excel) stay under their heading. `first` prefixes the first line, and the
 * following lines are aligned under its text. Catalogue text is escaped
 * (text_escape), keeping its line breaks: a catalogue installed before
 * control characters were refused must not drive the terminal. */
static void print_indented(const char *first, const char *text)
{
	size_t pad = strlen(first);
	char *s = text_escape(text, true);
	fputs(first, stdout);
	for (const char *p = s; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			printf("%*s", (int)pad, "");
	}
	putchar('\n');
	free(s);
}

static void print_field(const procedure_field *f)
{
	printf("%s:\n", _(f->def->heading));
	if (f->text) {
		print_indented("    ", f->text);
		return;
	}
	for (size_t i = 0; i < f->items->n; i++) {
		const item *it = &f->items->v[i];
		char bullet[32];
		if (f->def->kind == PROCEDURE_FIELD_NUMBERED)
			snprintf(bullet, sizeof bullet, "  %2zu. ", i + 1);
		else
			snprintf(bullet, sizeof bullet, "    - ");
		print_indented(bullet, it->text ? it->text : "");
		/* The second part under its own label: "Quantity: 01 bản chính". */
		if (f->def->kind == PROCEDURE_FIELD_PAIRS && it->extra && *it->extra) {
			char *label =
			    xasprintf("%*s%s: ", (int)strlen(bullet), "", _(f->def->extra_heading));
			print_indented(label, it->extra);
			free(label);
		}
	}
}

int cmd_show(motcua_env *env, int argc, char **argv)
{
	if (argc != 2 || !*argv[1]) {
		fputs(_("usage: motcua show CODE\n"), stderr);
		return 2;
	}
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	const char *code = argv[1];
	procedure *p = catalog_get(env->cat, code);
	if (!p) {
		char *shown = text_escape(code, false);
		fprintf(stderr, _("motcua: no procedure has the code %s\n"), shown);
		free(shown);
		fputs(_("Search by name with: motcua search WORDS\n"), stderr);
		return 1;
	}
	/* A repealed procedure says so first, with what replaces it. */
	if (procedure_repealed(p->status)) {
		printf("*** %s ***\n", _(PROCEDURE_FIELDS_REPEALED));
		procedure *r = str_empty(p->replaced_by) ? NULL : catalog_get(env->cat, p->replaced_by);
		if (r) {
			char *rc_shown = text_escape(r->code, false);
			char *rn_shown = text_escape(r->name ? r->name : "", false);
			printf(_("Replaced by: %s %s\n"), rc_shown, rn_shown);
			free(rc_shown);
			free(rn_shown);
		}
		procedure_free(r);
		putchar('\n');
	}
	print_indented("", p->name ? p->name : "");
	char *code_shown = text_escape(p->code, false);
	printf("%s: %s\n\n", _(PROCEDURE_FIELDS_CODE_HEADING), code_shown);
	free(code_shown);

	procedure_fields_iter it;
	procedure_field f;
	procedure_fields_begin(&it, p);
	while (procedure_fields_next(&it, &f)) {
		print_field(&f);
		putchar('\n');
	}

	if (p->recordings.n) {
		printf("%s:\n", _("Recorded readings"));
		for (size_t i = 0; i < p->recordings.n; i++) {
			char *label = audio_lang_label(p->recordings.v[i].text);
			char *file = text_escape(p->recordings.v[i].extra ? p->recordings.v[i].extra : "", false);
			printf("    - %s: %s\n", label, file);
			free(label);
			free(file);
		}
		putchar('\n');
	}

	faq *faqs = NULL;
	size_t n = catalog_faqs(env->cat, p->code, &faqs);
	if (n) {
		printf("%s:\n", _(PROCEDURE_FIELDS_FAQ_HEADING));
		for (size_t i = 0; i < n; i++) {
			char q[64], a[64];
			snprintf(q, sizeof q, "  %s: ", _(PROCEDURE_FIELDS_QUESTION));
			snprintf(a, sizeof a, "  %s: ", _(PROCEDURE_FIELDS_ANSWER));
			print_indented(q, faqs[i].question ? faqs[i].question : "");
			print_indented(a, faqs[i].answer ? faqs[i].answer : "");
			if (i + 1 < n)
				putchar('\n');
		}
	}
	catalog_faqs_free(faqs, n);
	procedure_free(p);
	return 0;
}
