#include "i18n.h"
#include "paths.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


static i18n_lang current = I18N_VI;

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
	i18n_lang l = I18N_VI;
	if (explicit_lang && *explicit_lang)
		l = strncmp(explicit_lang, "en", 2) == 0 ? I18N_EN : I18N_VI;
	else if ((lc_all && *lc_all) ? is_c_locale(lc_all) : is_c_locale(lang))
		l = I18N_EN;
	set_utf8_locale();
	bindtextdomain("motcua", paths_localedir());
	bind_textdomain_codeset("motcua", "UTF-8");
	textdomain("motcua");
	i18n_set_lang(l);
}

void i18n_set_lang(i18n_lang lang)
{
	extern int _nl_msg_cat_cntr;
	current = lang;
	setenv("LANGUAGE", lang == I18N_EN ? "en" : "vi", 1);
	++_nl_msg_cat_cntr; /* tells gettext its cached lookups are stale */
}

i18n_lang i18n_get_lang(void) { return current; }
