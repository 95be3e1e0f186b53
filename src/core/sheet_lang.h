/* sheet_lang — the printed sheet in the citizen's content language
 * (issue 12.4, DESIGN §6).
 *
 * The kiosk's print (ui/printjob.c) and `motcua pdf|print --lang`
 * (cmd_pdf.c) call it between catalog_get and pdf_sheet_write, so that
 * pdf_sheet.c never reads the catalogue. */
#ifndef MOTCUA_SHEET_LANG_H
#define MOTCUA_SHEET_LANG_H

#include <stdbool.h>

#include "catalog.h"
#include "pdf_sheet.h"

/* Puts the fields of p that the catalogue translates into lang in their
 * translation (catalog_translate) and sets ctx->lang, ctx->vi_fields (every
 * translatable field left untranslated, as the kiosk's detail page marks
 * them) and ctx->vi_mark: "(in Vietnamese)" in lang's UI translation when
 * there is one, else NULL ("(Tiếng Việt)"). Nothing changes when lang is
 * NULL, "" or "vi", or when the catalogue translates no field of p into
 * lang: the sheet is then the Vietnamese one. Returns true when the sheet
 * is translated. ctx->vi_mark is static storage, overwritten by the next
 * call. Switches the UI language for a moment when lang is not the current
 * one: call from the thread that draws, or from the command line. */
bool sheet_lang_apply(catalog *c, const char *lang, procedure *p, pdf_sheet_ctx *ctx);

/* Fills ctx's questions and hotlines for the sheet of procedure code that
 * sheet_lang_apply set ctx up for: on a translated sheet (ctx->lang set)
 * in the language where dich/LANG/faq.csv and hotlines.csv have them, each
 * question or answer left in Vietnamese followed by the mark, as the
 * kiosk's detail page shows them; else the Vietnamese. They are owned by
 * *faqs (free with catalog_faqs_free(*faqs, ctx->n_faqs)) and *extras
 * (zeroed by the caller; free with catalog_data_clear). */
void sheet_lang_extras(catalog *c, pdf_sheet_ctx *ctx, const char *code, faq **faqs,
                       catalog_data *extras);

#endif
