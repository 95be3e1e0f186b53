/* pdf_font — see pdf_font.h. HarfBuzz is used only here. */
#include "pdf_font.h"

#include <hb-subset.h>
#include <hb.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "font_fallback.h"
#include "xalloc.h"

#define NO_GLYPH 0xFFFF

struct pdf_font {
	char *path;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	int ascent;
	int notdef_w;
	/* The width table, built on the first pdf_font_width: the Basic
	 * Multilingual Plane in pages of 256 characters (NULL: none there),
	 * the rest as a sorted list. */
	bool built;
	uint16_t *bmp[256];
	uint32_t *astral_cp;
	uint16_t *astral_w;
	size_t n_astral;
	pdf_font *next;
};

/* One fallback font: its files, opened when first asked. */
typedef struct fallback {
	char *regular, *bold; /* bold: NULL when there is none */
	pdf_font *font[2];
	bool tried[2];
} fallback;

static pthread_mutex_t pdf_font_mu = PTHREAD_MUTEX_INITIALIZER;
static pdf_font *pdf_font_list;
static fallback *pdf_font_fallbacks;
static size_t pdf_font_n_fallbacks;
static bool pdf_font_fallbacks_listed;

static int pdf_font_be16(hb_blob_t *b, unsigned off)
{
	unsigned len;
	const unsigned char *d = (const unsigned char *)hb_blob_get_data(b, &len);
	if (!d || off + 2 > len)
		return 0;
	return (int16_t)(uint16_t)(d[off] << 8 | d[off + 1]);
}

/* thousandths of an em, as libharu's (HPDF_UINT)advance * 1000 / upem */
static int pdf_font_scale(const pdf_font *f, hb_position_t adv)
{
	return (int)(uint16_t)((unsigned)adv * 1000u / f->upem);
}

static pdf_font *pdf_font_open(const char *path)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob)
		return NULL;
	hb_face_t *face = hb_face_create(blob, 0);
	unsigned upem = hb_face_get_upem(face);
	if (!hb_face_get_glyph_count(face) || !upem) {
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		return NULL;
	}
	pdf_font *f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->blob = blob;
	f->face = face;
	f->font = hb_font_create(face);
	f->upem = upem;
	hb_blob_t *hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
	/* libharu: (HPDF_INT16)((HPDF_INT32)ascender * 1000 / upem) */
	f->ascent = (int16_t)(pdf_font_be16(hhea, 4) * 1000 / (int)upem);
	hb_blob_destroy(hhea);
	f->notdef_w = pdf_font_scale(f, hb_font_get_glyph_h_advance(f->font, 0));
	return f;
}

pdf_font *pdf_font_get(const char *path)
{
	pthread_mutex_lock(&pdf_font_mu);
	pdf_font *f = pdf_font_list;
	while (f && strcmp(f->path, path))
		f = f->next;
	if (!f) {
		f = pdf_font_open(path);
		if (f) {
			f->next = pdf_font_list;
			pdf_font_list = f;
		}
	}
	pthread_mutex_unlock(&pdf_font_mu);
	return f;
}

const char *pdf_font_path(const pdf_font *f)
{
	return f->path;
}

int pdf_font_notdef_width(const pdf_font *f)
{
	return f->notdef_w;
}

int pdf_font_ascent(const pdf_font *f)
{
	return f->ascent;
}

/* Called with the mutex held. */
static void pdf_font_build(pdf_font *f)
{
	hb_set_t *set = hb_set_create();
	hb_face_collect_unicodes(f->face, set);
	size_t cap_astral = 0;
	for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(set, &cp);) {
		hb_codepoint_t gid;
		if (!hb_font_get_nominal_glyph(f->font, cp, &gid))
			continue;
		int w = pdf_font_scale(f, hb_font_get_glyph_h_advance(f->font, gid));
		if (cp < 0x10000) {
			uint16_t **page = &f->bmp[cp >> 8];
			if (!*page) {
				*page = xmalloc(256 * sizeof **page);
				for (int i = 0; i < 256; i++)
					(*page)[i] = NO_GLYPH;
			}
			(*page)[cp & 0xFF] = (uint16_t)w;
		} else {
			size_t c = cap_astral;
			f->astral_cp = xgrow(f->astral_cp, &c, f->n_astral + 1, sizeof *f->astral_cp);
			f->astral_w = xgrow(f->astral_w, &cap_astral, f->n_astral + 1,
			                    sizeof *f->astral_w);
			f->astral_cp[f->n_astral] = cp; /* hb_set_next goes up: stays sorted */
			f->astral_w[f->n_astral++] = (uint16_t)w;
		}
	}
	hb_set_destroy(set);
	f->built = true;
}

int pdf_font_width(pdf_font *f, uint32_t cp)
{
	if (!__atomic_load_n(&f->built, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&pdf_font_mu);
		if (!f->built)
			pdf_font_build(f);
		pthread_mutex_unlock(&pdf_font_mu);
	}
	if (cp < 0x10000) {
		const uint16_t *page = f->bmp[cp >> 8];
		return page && page[cp & 0xFF] != NO_GLYPH ? page[cp & 0xFF] : -1;
	}
	size_t lo = 0, hi = f->n_astral;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->astral_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->n_astral && f->astral_cp[lo] == cp ? f->astral_w[lo] : -1;
}

int pdf_font_subset(pdf_font *f, const uint32_t *cps, size_t n, unsigned char **out,
                    size_t *len)
{
	*out = NULL;
	*len = 0;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return -1;
	hb_set_t *u = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < n; i++)
		hb_set_add(u, cps[i]);
	/* Paper needs no hinting; libharu embeds no layout table, and keeping
	 * GSUB would pull in every ligature and alternate of the characters. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const tags[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH",
	                                   "kern", "DSIG", "gasp", "hdmx", "LTSH", "VDMX",
	                                   "STAT", "morx", "kerx", "meta"};
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		hb_set_add(drop, hb_tag_from_string(tags[i], 4));
	pthread_mutex_lock(&pdf_font_mu);
	hb_face_t *sub = hb_subset_or_fail(f->face, in);
	pthread_mutex_unlock(&pdf_font_mu);
	hb_subset_input_destroy(in);
	if (!sub)
		return -1;
	/* libharu 2.3 cannot write a font whose last table ('prep', dropped
	 * with the hinting) is empty when the file ends on its stream's buffer
	 * boundary: a 'prep' of two no-op instructions (push 0, pop) instead. */
	hb_blob_t *sub_blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	sub = hb_face_create(sub_blob, 0); /* a builder face does not list its tables */
	hb_blob_destroy(sub_blob);
	hb_face_t *full = hb_face_builder_create();
	hb_tag_t have[64];
	unsigned count = sizeof have / sizeof *have;
	hb_face_get_table_tags(sub, 0, &count, have);
	for (unsigned i = 0; i < count; i++) {
		hb_blob_t *t = hb_face_reference_table(sub, have[i]);
		hb_face_builder_add_table(full, have[i], t);
		hb_blob_destroy(t);
	}
	static const char prep[] = {'\xB0', '\x00', '\x21'};
	hb_blob_t *pb = hb_blob_create(prep, sizeof prep, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_builder_add_table(full, HB_TAG('p', 'r', 'e', 'p'), pb);
	hb_blob_destroy(pb);
	hb_face_destroy(sub);
	sub = full;
	hb_blob_t *b = hb_face_reference_blob(sub);
	unsigned blen;
	const char *data = hb_blob_get_data(b, &blen);
	int rc = -1;
	if (data && blen) {
		*out = xmalloc(blen);
		memcpy(*out, data, blen);
		*len = blen;
		rc = 0;
	}
	hb_blob_destroy(b);
	hb_face_destroy(sub);
	return rc;
}

bool pdf_font_invisible(uint32_t cp)
{
	if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F)
		return true;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return true;
	default:
		return false;
	}
}

/* A fallback folder's font (font_fallback_walk): TrueType only (libharu
 * embeds no CFF), no hidden file. */
static void pdf_font_add_fallback(void *ctx, const char *dir, const char *name)
{
	size_t *cap = ctx, len = strlen(name), tail = strlen("-Regular.ttf");
	if (name[0] == '.' || len < tail || strcmp(name + len - tail, "-Regular.ttf"))
		return;
	pdf_font_fallbacks = xgrow(pdf_font_fallbacks, cap, pdf_font_n_fallbacks + 1, sizeof *pdf_font_fallbacks);
	fallback *fb = &pdf_font_fallbacks[pdf_font_n_fallbacks++];
	*fb = (fallback){.regular = xasprintf("%s/%s", dir, name)};
	fb->bold = xasprintf("%s/%.*s-Bold.ttf", dir, (int)(len - tail), name);
}

/* Called with the mutex held. */
static void pdf_font_list_fallbacks(void)
{
	pdf_font_fallbacks_listed = true;
	size_t cap = 0;
	font_fallback_walk(PDF_FONT_FALLBACK_DIRS, pdf_font_add_fallback, &cap);
}

/* pdf_font_get without the lock (called with the mutex held). */
static pdf_font *pdf_font_get_locked(const char *path)
{
	pdf_font *f = pdf_font_list;
	while (f && strcmp(f->path, path))
		f = f->next;
	if (!f && (f = pdf_font_open(path))) {
		f->next = pdf_font_list;
		pdf_font_list = f;
	}
	return f;
}

/* Face w (0 regular, 1 bold) of fallback fb, opened on first use; NULL when
 * it cannot be read or has no TrueType outlines. */
static pdf_font *pdf_font_fallback_face(fallback *fb, int w)
{
	if (!fb->tried[w]) {
		fb->tried[w] = true;
		pdf_font *f = w ? (fb->bold ? pdf_font_get_locked(fb->bold) : NULL)
		                : pdf_font_get_locked(fb->regular);
		if (f) {
			hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
			if (!hb_blob_get_length(glyf))
				f = NULL; /* CFF outlines: libharu cannot embed them */
			hb_blob_destroy(glyf);
		}
		if (!f && w) {
			free(fb->bold);
			fb->bold = NULL;
		}
		fb->font[w] = f;
	}
	return fb->font[w];
}

pdf_font *pdf_font_fallback(uint32_t cp, bool bold)
{
	pdf_font *found = NULL;
	pthread_mutex_lock(&pdf_font_mu);
	if (!pdf_font_fallbacks_listed)
		pdf_font_list_fallbacks();
	for (size_t i = 0; i < pdf_font_n_fallbacks && !found; i++) {
		fallback *fb = &pdf_font_fallbacks[i];
		pdf_font *f = pdf_font_fallback_face(fb, 0);
		hb_codepoint_t gid;
		if (!f || !hb_font_get_nominal_glyph(f->font, cp, &gid))
			continue;
		found = f;
		if (bold && pdf_font_fallback_face(fb, 1) &&
		    hb_font_get_nominal_glyph(fb->font[1]->font, cp, &gid))
			found = fb->font[1];
	}
	pthread_mutex_unlock(&pdf_font_mu);
	return found;
}

size_t pdf_font_file_bmp(const char *path, uint32_t **out)
{
	*out = NULL;
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob)
		return 0;
	hb_face_t *face = hb_face_create(blob, 0);
	hb_set_t *set = hb_set_create();
	hb_face_collect_unicodes(face, set);
	size_t n = 0;
	uint32_t *v = xmalloc((hb_set_get_population(set) + 1) * sizeof *v);
	for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(set, &cp) && cp <= 0xFFFF;)
		if (cp < 0xD800 || cp > 0xDFFF)
			v[n++] = cp;
	hb_set_destroy(set);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	if (!n)
		free(v);
	else
		*out = v;
	return n;
}
