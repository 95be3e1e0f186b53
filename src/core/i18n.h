/* i18n — gettext set-up and the UI language (Vietnamese by default).
 *
 * The UI languages are Vietnamese, English (the msgids) and every other
 * translation installed beside vi (LOCALEDIR/CODE/LC_MESSAGES/motcua.mo);
 * a language is named by its ISO 639 code ("vi", "en", "hmn"). */
#ifndef MOTCUA_I18N_H
#define MOTCUA_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* I18N_OTHER: a UI translation other than Vietnamese and English. */
typedef enum i18n_lang { I18N_VI, I18N_EN, I18N_OTHER } i18n_lang;

/* Binds the text domain and picks the language: MOTCUA_LANG ("vi", "en" or
 * the code of an installed translation) when set, English when LANG/LC_ALL
 * is C or POSIX, else Vietnamese. */
void i18n_init(void);

/* Switches the language of later _() calls (I18N_OTHER is ignored). */
void i18n_set_lang(i18n_lang lang);
i18n_lang i18n_get_lang(void);

/* The code of the UI language of later _() calls: "vi", "en", ... Static. */
const char *i18n_code(void);
/* Switches the UI to code; false (nothing changed) when it is neither vi,
 * en nor an installed translation. */
bool i18n_set_code(const char *code);
/* True when code is a UI language (vi, en or an installed translation). */
bool i18n_has_ui(const char *code);
/* The UI languages: "vi", "en", then the other installed translations by
 * code. Returns the count; *out (caller frees each and the array). */
size_t i18n_ui_codes(char ***out);

/* The language's name in itself ("Tiếng Việt", "English", "Hmoob"), from a
 * small table of ISO 639 codes; an unknown code is its own name. Static or
 * code itself. */
const char *i18n_autonym(const char *code);
/* True when code looks like a language code: 2 or 3 ASCII lower-case
 * letters, optionally "_" or "-" and 2-8 letters or digits ("vi", "hmn",
 * "pt_BR"). */
bool i18n_code_valid(const char *code);

#endif
