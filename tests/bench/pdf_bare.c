/* pdf_bare — see pdf_bare.h. */
#include "pdf_bare.h"

#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void HPDF_STDCALL pdf_bare_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	*(int *)data = 1;
}

int pdf_bare_write(const char *trace, const char *font_dir, const char *out)
{
	int failed = 0;
	HPDF_Doc pdf = HPDF_New(pdf_bare_on_error, &failed);
	if (!pdf)
		return -1;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_Font font[2] = {NULL, NULL};
	static const char *const files[2] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};
	for (int i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", font_dir, files[i]);
		const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
		font[i] = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	}
	HPDF_Page page = NULL;
	for (const char *l = trace; *l && !failed && font[0] && font[1];) {
		const char *eol = strchr(l, '\n');
		size_t len = eol ? (size_t)(eol - l) : strlen(l);
		char *line = strndup(l, len);
		int f, n = 0;
		double a, b, c, d, e;
		if (line[0] == 'P') {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		} else if (!page) {
			/* drawing before a page: not a trace */
		} else if (sscanf(line, "T %d %lf %lf %lf %n", &f, &a, &b, &c, &n) == 4 && n) {
			HPDF_Page_BeginText(page);
			HPDF_Page_SetFontAndSize(page, font[f ? 1 : 0], (HPDF_REAL)a);
			HPDF_Page_TextOut(page, (HPDF_REAL)b, (HPDF_REAL)c, line + n);
			HPDF_Page_EndText(page);
		} else if (sscanf(line, "L %lf %lf %lf %lf %lf", &a, &b, &c, &d, &e) == 5) {
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)a);
			HPDF_Page_MoveTo(page, (HPDF_REAL)b, (HPDF_REAL)c);
			HPDF_Page_LineTo(page, (HPDF_REAL)(b + d), (HPDF_REAL)(c + e));
			HPDF_Page_Stroke(page);
		} else if (sscanf(line, "R %lf %lf %lf %lf %lf", &a, &b, &c, &d, &e) == 5) {
			HPDF_Page_SetGrayFill(page, (HPDF_REAL)a);
			HPDF_Page_Rectangle(page, (HPDF_REAL)b, (HPDF_REAL)c, (HPDF_REAL)d,
			                    (HPDF_REAL)e);
			HPDF_Page_Fill(page);
			HPDF_Page_SetGrayFill(page, 0);
		}
		free(line);
		l += len + (eol != NULL);
	}
	int rc = failed || !font[0] || !font[1] || HPDF_SaveToFile(pdf, out) != HPDF_OK ? -1 : 0;
	HPDF_Free(pdf);
	return rc;
}
