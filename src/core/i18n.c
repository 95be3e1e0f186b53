#include "i18n.h"
#include "paths.h"

#include <dirent.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

static i18n_lang current = I18N_VI;
static char current_code[16] = "vi";

/* glibc's gettext ignores LANGUAGE under the plain "C" locale, and a kiosk
 * image rarely has vi_VN generated, so fall back to the built-in C.UTF-8,
 * under which LANGUAGE still selects the catalogue. */
static void set_utf8_locale(void)
{
	const char *got = setlocale(LC_ALL, "");
	if (!got || strcmp(got, "C") == 0 || strcmp(got, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	/* Numbers are parsed and printed the C way everywhere. */
	setlocale(LC_NUMERIC, "C");
}


static bool is_c_locale(const char *v) { return v && (!strcmp(v, "C") || !strcmp(v, "POSIX")); }

void i18n_init(void)
{
	const char *explicit_lang = getenv("MOTCUA_LANG");
	const char *lc_all = getenv("LC_ALL");
	const char *lang = getenv("LANG");
	const char *code = "vi";
	if (explicit_lang && *explicit_lang)
		code = strncmp(explicit_lang, "en", 2) == 0 ? "en" : explicit_lang;
	else if ((lc_all && *lc_all) ? is_c_locale(lc_all) : is_c_locale(lang))
		code = "en";
	set_utf8_locale();
	bindtextdomain("motcua", paths_localedir());
	bind_textdomain_codeset("motcua", "UTF-8");
	textdomain("motcua");
	if (!i18n_set_code(code))
		i18n_set_code("vi");
}

bool i18n_code_valid(const char *c)
{
	size_t n = 0;
	while (c[n] >= 'a' && c[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return false;
	if (!c[n])
		return true;
	if (c[n] != '_' && c[n] != '-')
		return false;
	size_t m = 0;
	for (const char *p = c + n + 1; *p; p++, m++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return m >= 2 && m <= 8;
}

static bool mo_installed(const char *code)
{
	if (!i18n_code_valid(code))
		return false;
	char *p = xasprintf("%s/%s/LC_MESSAGES/motcua.mo", paths_localedir(), code);
	struct stat st;
	bool ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
	free(p);
	return ok;
}

bool i18n_has_ui(const char *code)
{
	return !strcmp(code, "vi") || !strcmp(code, "en") || mo_installed(code);
}

bool i18n_set_code(const char *code)
{
	extern int _nl_msg_cat_cntr;
	if (!i18n_has_ui(code) || strlen(code) >= sizeof current_code)
		return false;
	memcpy(current_code, code, strlen(code) + 1);
	current = !strcmp(code, "vi") ? I18N_VI : !strcmp(code, "en") ? I18N_EN : I18N_OTHER;
	setenv("LANGUAGE", code, 1);
	++_nl_msg_cat_cntr; /* tells gettext its cached lookups are stale */
	return true;
}

void i18n_set_lang(i18n_lang lang)
{
	if (lang == I18N_VI || lang == I18N_EN)
		i18n_set_code(lang == I18N_EN ? "en" : "vi");
}

i18n_lang i18n_get_lang(void) { return current; }

const char *i18n_code(void) { return current_code; }

static int str_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

size_t i18n_ui_codes(char ***out)
{
	size_t n = 2, cap = 8;
	char **v = xmalloc(cap * sizeof *v);
	v[0] = xstrdup("vi");
	v[1] = xstrdup("en");
	DIR *d = opendir(paths_localedir());
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, "vi") || !strcmp(de->d_name, "en") || !mo_installed(de->d_name))
			continue;
		if (n == cap)
			v = xrealloc(v, (cap *= 2) * sizeof *v);
		v[n++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	qsort(v + 2, n - 2, sizeof *v, str_cmp);
	*out = v;
	return n;
}

/* Names of languages in themselves, as CLDR writes them. Only names we can
 * vouch for: the Thái languages (Tai Dam "blt", Tai Don "twh") are left to
 * their translators, who add their name here (doc/translating.md); until
 * then the code is shown. */
static const struct autonym {
	const char *code, *name;
} autonyms[] = {
	{"bn", "বাংলা"},
	{"de", "Deutsch"},
	{"en", "English"},
	{"es", "Español"},
	{"fr", "Français"},
	{"hi", "हिन्दी"},
	{"hmn", "Hmoob"},
	{"id", "Bahasa Indonesia"},
	{"ja", "日本語"},
	{"km", "ខ្មែរ"},
	{"ko", "한국어"},
	{"lo", "ລາວ"},
	{"ms", "Bahasa Melayu"},
	{"my", "မြန်မာ"},
	{"ru", "Русский"},
	{"th", "ไทย"},
	{"tl", "Tagalog"},
	{"vi", "Tiếng Việt"},
	{"zh", "中文"},
};

const char *i18n_autonym(const char *code)
{
	for (size_t i = 0; i < sizeof autonyms / sizeof *autonyms; i++)
		if (!strcmp(autonyms[i].code, code))
			return autonyms[i].name;
	return code;
}
