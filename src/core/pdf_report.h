/* pdf_report — the report of a period as a PDF (issue 13; libharu).
 *
 * A4 portrait, Noto Sans embedded, always in Vietnamese: the heading block
 * of an administrative paper, the title and the period, then numbered
 * sections — the summary figures; procedure views by field (a bar chart);
 * the 20 procedures viewed most (a table); sheets and forms printed (a bar
 * chart); the searches that found nothing (what citizens asked for that the
 * catalogue lacks); ratings by level (a bar chart), the share satisfied and
 * the reasons of low ratings with their Decision 766 complaint kind; dossier
 * lookups by status and the share overdue. Every page has "Trang N/M" and
 * the time the report was made. */
#ifndef MOTCUA_PDF_REPORT_H
#define MOTCUA_PDF_REPORT_H

#include <stddef.h>

#include "report.h"

/* Writes r as a PDF into *data (malloc'd, *len bytes): a buffer, so the
 * staff area can put it on a stick through export_dir. font_dir holds
 * NotoSans-Regular.ttf and NotoSans-Bold.ttf (NULL: pdf_sheet_font_dir()).
 * Returns 0, or a negative errno with *err (malloc'd, when err is non-NULL):
 * -ENOENT a font is missing, -EINVAL libharu failed. */
int pdf_report_make(const report *r, const char *font_dir, unsigned char **data, size_t *len,
                    char **err);

#endif
