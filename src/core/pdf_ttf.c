/* pdf_ttf — see pdf_ttf.h. */
#include "pdf_ttf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdf_font.h"

/* The map the codes are, for the n characters cps the font draws: each
 * code is a UTF-16 code unit of the BMP and stands for itself. One bfchar a
 * character, at most 100 to a block (the CMap limit): not bfranges, which
 * Ghostscript 10.0 misreads for a destination above U+00FF (it extracts
 * "ố" as "ï"). */
static void pdf_ttf_write_map(HPDF_Stream s, const uint32_t *cps, size_t n)
{
	HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n"
	                        "12 dict begin\n"
	                        "begincmap\n"
	                        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	                        "/CMapName /Adobe-Identity-UCS def\n"
	                        "/CMapType 2 def\n"
	                        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < n; i += 100) {
		size_t m = n - i < 100 ? n - i : 100;
		char line[40];
		snprintf(line, sizeof line, "%zu beginbfchar\n", m);
		HPDF_Stream_WriteStr(s, line);
		for (size_t j = i; j < i + m; j++) {
			snprintf(line, sizeof line, "<%04X> <%04X>\n", (unsigned)cps[j], (unsigned)cps[j]);
			HPDF_Stream_WriteStr(s, line);
		}
		HPDF_Stream_WriteStr(s, "endbfchar\n");
	}
	HPDF_Stream_WriteStr(s, "endcmap\n"
	                        "CMapName currentdict /CMap defineresource pop\n"
	                        "end\n"
	                        "end\n");
}

HPDF_Font pdf_ttf_font(HPDF_Doc pdf, const char *path)
{
	const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	HPDF_Font f = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	if (!f)
		return NULL;
	/* The stream libharu made (and numbered) with the font: its content
	 * replaced, its dictionary named as the map it now is. A write that
	 * fails tells the document's error handler, as libharu's own do. */
	HPDF_Dict map = HPDF_Dict_GetItem(f, "ToUnicode", HPDF_OCLASS_DICT);
	uint32_t *cps;
	size_t n = pdf_font_file_bmp(path, &cps);
	if (map && map->stream && map->stream->type == HPDF_STREAM_MEMORY && n) {
		HPDF_MemStream_FreeData(map->stream);
		pdf_ttf_write_map(map->stream, cps, n);
		HPDF_Dict_AddName(map, "CMapName", "Adobe-Identity-UCS");
		HPDF_Dict info = HPDF_Dict_GetItem(map, "CIDSystemInfo", HPDF_OCLASS_DICT);
		if (info)
			HPDF_Dict_Add(info, "Ordering", HPDF_String_New(map->mmgr, "UCS", NULL));
	}
	free(cps);
	return f;
}
