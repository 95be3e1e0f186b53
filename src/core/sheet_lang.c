#include "sheet_lang.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"
#include "procedure_fields.h"

bool sheet_lang_apply(catalog *c, const char *lang, procedure *p, pdf_sheet_ctx *ctx)
{
	if (!c || str_empty(lang) || !strcmp(lang, "vi"))
		return false;
	unsigned long mask = catalog_translate(c, lang, p);
	if (!mask)
		return false;
	unsigned long vi = 0;
	size_t n;
	const procedure_field_def *t = procedure_fields_table(&n);
	for (size_t i = 0; i < n; i++)
		if (catalog_translatable(t[i].offset) && !catalog_translated(mask, t[i].offset))
			vi |= PDF_SHEET_VI(t[i].id);
	if (!catalog_translated(mask, offsetof(procedure, name)))
		vi |= PDF_SHEET_VI_NAME;

	static char mark[128];
	ctx->vi_mark = NULL;
	if (i18n_has_ui(lang)) {
		char was[16];
		snprintf(was, sizeof was, "%s", i18n_code());
		bool switched = strcmp(was, lang) != 0 && i18n_set_code(lang);
		snprintf(mark, sizeof mark, "%s", _("(in Vietnamese)"));
		if (switched)
			i18n_set_code(was);
		ctx->vi_mark = mark;
	}
	ctx->lang = lang;
	ctx->vi_fields = vi;
	return true;
}

/* Puts the mark after *text when it is in Vietnamese. */
static void mark_vi(char **text, unsigned mask, size_t member, const char *mark)
{
	if (str_empty(*text) || catalog_row_translated(mask, TR_FAQ, member))
		return;
	char *marked = xasprintf("%s %s", *text, mark);
	free(*text);
	*text = marked;
}

static size_t sheet_lang_faqs(catalog *c, const pdf_sheet_ctx *ctx, const char *code, faq **out)
{
	if (str_empty(ctx->lang))
		return catalog_faqs(c, code, out);
	size_t n = catalog_faqs_in(c, ctx->lang, code, out);
	const char *mark = !str_empty(ctx->vi_mark) ? ctx->vi_mark : "(Tiếng Việt)";
	for (size_t i = 0; i < n; i++) {
		faq *f = &(*out)[i];
		mark_vi(&f->question, f->translated, offsetof(faq, question), mark);
		mark_vi(&f->answer, f->translated, offsetof(faq, answer), mark);
	}
	return n;
}

void sheet_lang_extras(catalog *c, pdf_sheet_ctx *ctx, const char *code, faq **faqs,
                       catalog_data *extras)
{
	ctx->n_faqs = sheet_lang_faqs(c, ctx, code, faqs);
	ctx->faqs = *faqs;
	catalog_load_extras_in(c, ctx->lang, extras);
	ctx->hotlines = extras->hotlines;
	ctx->n_hotlines = extras->n_hotlines;
}
