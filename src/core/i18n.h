/* i18n — gettext set-up and the UI language (Vietnamese by default). */
#ifndef MOTCUA_I18N_H
#define MOTCUA_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

typedef enum i18n_lang { I18N_VI, I18N_EN } i18n_lang;

/* Binds the text domain and picks the language: MOTCUA_LANG ("vi"/"en") when
 * set, English when LANG/LC_ALL is C or POSIX, else Vietnamese. */
void i18n_init(void);

/* Switches the language of later _() calls (the kiosk's VI / EN toggle). */
void i18n_set_lang(i18n_lang lang);
i18n_lang i18n_get_lang(void);

#endif
