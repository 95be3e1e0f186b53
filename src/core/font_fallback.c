#include "font_fallback.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "xalloc.h"

#define PRIMARY_FILE "NotoSans-Regular.ttf"
#define MAX_FONTS 250 /* memo entries are bytes: index + 2 must fit */

/* What a font covers is read once from its character map into ranges of
 * code points, and the face is closed again: an open FreeType face costs
 * tens of KiB, and a character no font has asks every font of the folders
 * (about 6 MiB for fonts-noto-core's if they stayed open). */
typedef struct font_entry {
	char *path, *bold;
	uint32_t (*ranges)[2]; /* first and last code point of each run, ascending */
	int n_ranges;
	bool tried; /* ranges read, or the font failed to open (none) */
} font_entry;

struct font_fallback {
	FT_Library lib;
	bool lib_ok;
	font_entry *v;
	int n, cap;
	unsigned char memo[0x10000]; /* BMP: 0 not asked, 1 none, else index + 2 */
};

static bool regular_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static void add_font(font_fallback *ff, const char *path)
{
	if (ff->n == MAX_FONTS)
		return;
	for (int i = 0; i < ff->n; i++)
		if (!strcmp(ff->v[i].path, path))
			return;
	if (ff->n == ff->cap) {
		ff->cap = ff->cap ? 2 * ff->cap : 64;
		ff->v = xrealloc(ff->v, (size_t)ff->cap * sizeof *ff->v);
	}
	font_entry *e = &ff->v[ff->n++];
	*e = (font_entry){.path = xstrdup(path)};
	const char *r = strstr(path, "-Regular.");
	if (r) {
		char *b = xasprintf("%.*s-Bold.%s", (int)(r - path), path, r + strlen("-Regular."));
		if (regular_file(b))
			e->bold = b;
		else
			free(b);
	}
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && !strcmp(s + n - t, tail);
}

/* Noto Sans of every script first: it matches the primary's look. */
static int name_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	bool sx = !strncmp(x, "NotoSans", 8), sy = !strncmp(y, "NotoSans", 8);
	if (sx != sy)
		return sx ? -1 : 1;
	return strcmp(x, y);
}

static void walk_folder(const char *dir, font_fallback_visit fn, void *ctx)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!ends_with(de->d_name, "-Regular.ttf") && !ends_with(de->d_name, "-Regular.otf"))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		fn(ctx, dir, names[i]);
		free(names[i]);
	}
	free(names);
}

void font_fallback_walk(const char *default_dirs, font_fallback_visit fn, void *ctx)
{
	const char *env = getenv("MOTCUA_FALLBACK_FONTDIRS");
	char *dirs = xstrdup(env ? env : default_dirs);
	char *save = NULL;
	for (char *dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
		walk_folder(dir, fn, ctx);
	free(dirs);
}

/* A font of a fallback folder (font_fallback_walk): the primary is listed
 * first already. */
static void add_walked(void *ctx, const char *dir, const char *name)
{
	font_fallback *ff = ctx;
	if (!strcmp(name, PRIMARY_FILE))
		return;
	char *p = xasprintf("%s/%s", dir, name);
	if (regular_file(p))
		add_font(ff, p);
	free(p);
}

font_fallback *font_fallback_new(const char *primary_dir)
{
	font_fallback *ff = xcalloc(1, sizeof *ff);
	ff->lib_ok = FT_Init_FreeType(&ff->lib) == 0;
	if (primary_dir && *primary_dir) {
		char *p = xasprintf("%s/%s", primary_dir, PRIMARY_FILE);
		if (regular_file(p))
			add_font(ff, p);
		free(p);
	}
	font_fallback_walk(FONT_FALLBACK_DIRS, add_walked, ff);
	return ff;
}

void font_fallback_free(font_fallback *ff)
{
	if (!ff)
		return;
	for (int i = 0; i < ff->n; i++) {
		free(ff->v[i].ranges);
		free(ff->v[i].path);
		free(ff->v[i].bold);
	}
	free(ff->v);
	if (ff->lib_ok)
		FT_Done_FreeType(ff->lib);
	free(ff);
}

int font_fallback_count(const font_fallback *ff) { return ff->n; }

const char *font_fallback_path(const font_fallback *ff, int i)
{
	return i >= 0 && i < ff->n ? ff->v[i].path : NULL;
}

const char *font_fallback_bold_path(const font_fallback *ff, int i)
{
	return i >= 0 && i < ff->n ? ff->v[i].bold : NULL;
}

int font_fallback_invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xad || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) ||
	       (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff || (cp >= 0xe0000 && cp <= 0xe0fff);
}

/* Reads e's character map (the one FreeType selects, Unicode when the font
 * has it: what FT_Get_Char_Index would consult) into ranges. */
static void read_ranges(font_fallback *ff, font_entry *e)
{
	FT_Face face;
	if (!ff->lib_ok || FT_New_Face(ff->lib, e->path, 0, &face) != 0)
		return;
	int cap = 0;
	FT_UInt gi;
	for (FT_ULong cp = FT_Get_First_Char(face, &gi); gi != 0; cp = FT_Get_Next_Char(face, cp, &gi)) {
		if (cp > 0x10ffff)
			break;
		if (e->n_ranges && e->ranges[e->n_ranges - 1][1] + 1 == cp) {
			e->ranges[e->n_ranges - 1][1] = (uint32_t)cp;
			continue;
		}
		if (e->n_ranges == cap) {
			cap = cap ? 2 * cap : 32;
			e->ranges = xrealloc(e->ranges, (size_t)cap * sizeof *e->ranges);
		}
		e->ranges[e->n_ranges][0] = e->ranges[e->n_ranges][1] = (uint32_t)cp;
		e->n_ranges++;
	}
	FT_Done_Face(face);
	if (e->n_ranges)
		e->ranges = xrealloc(e->ranges, (size_t)e->n_ranges * sizeof *e->ranges);
}

static bool provides(font_fallback *ff, int i, uint32_t cp)
{
	font_entry *e = &ff->v[i];
	if (!e->tried) {
		e->tried = true;
		read_ranges(ff, e);
	}
	int lo = 0, hi = e->n_ranges;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (cp < e->ranges[mid][0])
			hi = mid;
		else if (cp > e->ranges[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int font_fallback_has(font_fallback *ff, int i, uint32_t cp)
{
	if (font_fallback_invisible(cp))
		return 1;
	return i >= 0 && i < ff->n && provides(ff, i, cp);
}

int font_fallback_find(font_fallback *ff, uint32_t cp)
{
	if (font_fallback_invisible(cp))
		return 0;
	if (cp < 0x10000 && ff->memo[cp])
		return ff->memo[cp] - 2;
	int found = -1;
	for (int i = 0; i < ff->n && found < 0; i++)
		if (provides(ff, i, cp))
			found = i;
	if (cp < 0x10000)
		ff->memo[cp] = (unsigned char)(found + 2);
	return found;
}

typedef struct script_range {
	uint32_t lo, hi;
	const char *name;
} script_range;

/* The blocks a commune's text is likely to meet, the scripts of Viet Nam's
 * peoples first among them (Tai Viet, Tai Dam; Hmong in Pahawh, Nyiakeng
 * Puachue and Miao). Sorted by code point. */
static const script_range scripts[] = {
	{0x0000, 0x024f, "Latin"},
	{0x0370, 0x03ff, "Greek"},
	{0x0400, 0x052f, "Cyrillic"},
	{0x0530, 0x058f, "Armenian"},
	{0x0590, 0x05ff, "Hebrew"},
	{0x0600, 0x06ff, "Arabic"},
	{0x0700, 0x074f, "Syriac"},
	{0x0780, 0x07bf, "Thaana"},
	{0x07c0, 0x07ff, "NKo"},
	{0x0900, 0x097f, "Devanagari"},
	{0x0980, 0x09ff, "Bengali"},
	{0x0a00, 0x0a7f, "Gurmukhi"},
	{0x0a80, 0x0aff, "Gujarati"},
	{0x0b00, 0x0b7f, "Oriya"},
	{0x0b80, 0x0bff, "Tamil"},
	{0x0c00, 0x0c7f, "Telugu"},
	{0x0c80, 0x0cff, "Kannada"},
	{0x0d00, 0x0d7f, "Malayalam"},
	{0x0d80, 0x0dff, "Sinhala"},
	{0x0e00, 0x0e7f, "Thai"},
	{0x0e80, 0x0eff, "Lao"},
	{0x0f00, 0x0fff, "Tibetan"},
	{0x1000, 0x109f, "Myanmar"},
	{0x10a0, 0x10ff, "Georgian"},
	{0x1100, 0x11ff, "Hangul"},
	{0x1200, 0x139f, "Ethiopic"},
	{0x13a0, 0x13ff, "Cherokee"},
	{0x1780, 0x17ff, "Khmer"},
	{0x1800, 0x18af, "Mongolian"},
	{0x1950, 0x197f, "Tai Le"},
	{0x1980, 0x19df, "New Tai Lue"},
	{0x1a20, 0x1aaf, "Tai Tham"},
	{0x1e00, 0x1eff, "Latin"},
	{0x2000, 0x2bff, "punctuation and symbols"},
	{0x2e80, 0x2fdf, "CJK radicals"},
	{0x3000, 0x303f, "CJK punctuation"},
	{0x3040, 0x309f, "Hiragana"},
	{0x30a0, 0x30ff, "Katakana"},
	{0x3400, 0x4dbf, "Han"},
	{0x4e00, 0x9fff, "Han"},
	{0xa000, 0xa4cf, "Yi"},
	{0xa4d0, 0xa4ff, "Lisu"},
	{0xaa80, 0xaadf, "Tai Viet"},
	{0xac00, 0xd7af, "Hangul"},
	{0xe000, 0xf8ff, "private use"},
	{0xf900, 0xfaff, "Han"},
	{0x16b00, 0x16b8f, "Pahawh Hmong"},
	{0x16f00, 0x16f9f, "Miao"},
	{0x17000, 0x18aff, "Tangut"},
	{0x18b00, 0x18cff, "Khitan Small Script"},
	{0x1b000, 0x1b0ff, "Kana"},
	{0x1e100, 0x1e14f, "Nyiakeng Puachue Hmong"},
	{0x1f300, 0x1faff, "emoji"},
	{0x20000, 0x3134f, "Han"},
	{0xf0000, 0x10ffff, "private use"},
};

const char *font_fallback_script(uint32_t cp)
{
	size_t lo = 0, hi = sizeof scripts / sizeof *scripts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < scripts[mid].lo)
			hi = mid;
		else if (cp > scripts[mid].hi)
			lo = mid + 1;
		else
			return scripts[mid].name;
	}
	return NULL;
}
