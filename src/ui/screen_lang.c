/* screen_lang — the language chooser: Vietnamese, English, every other UI
 * translation installed and every language the catalogue is translated
 * into, each in its own name; the one in use is marked. A tap switches the
 * kiosk (app_set_lang) and goes back. */
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

typedef struct lang_state {
	char **codes;
	size_t n;
} lang_state;

static void lang_clear(lang_state *st)
{
	for (size_t i = 0; i < st->n; i++)
		free(st->codes[i]);
	free(st->codes);
	st->codes = NULL;
	st->n = 0;
}

static void lang_add(lang_state *st, const char *code)
{
	for (size_t i = 0; i < st->n; i++)
		if (!strcmp(st->codes[i], code))
			return;
	st->codes = xrealloc(st->codes, (st->n + 1) * sizeof *st->codes);
	st->codes[st->n++] = xstrdup(code);
}

static void lang_load(lang_state *st, app *a)
{
	lang_clear(st);
	char **v;
	size_t n = i18n_ui_codes(&v);
	for (size_t i = 0; i < n; i++) {
		lang_add(st, v[i]);
		free(v[i]);
	}
	free(v);
	n = a->cat ? catalog_langs(a->cat, &v) : 0;
	for (size_t i = 0; i < n; i++) {
		lang_add(st, v[i]);
		free(v[i]);
	}
	if (n)
		free(v);
}

static const char *lang_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Language");
}

/* What a language offers, in the language in use: a translated screen, the
 * catalogue's text, or both. */
static const char *lang_offers(app *a, const char *code)
{
	bool ui = i18n_has_ui(code), content = !strcmp(code, "vi");
	if (!content && a->cat) {
		char **v;
		size_t n = catalog_langs(a->cat, &v);
		for (size_t i = 0; i < n; i++) {
			content |= !strcmp(v[i], code);
			free(v[i]);
		}
		free(v);
	}
	if (!strcmp(code, "vi"))
		return NULL;
	if (ui && content)
		return _("Screens and procedures translated");
	if (ui)
		return _("Screens translated; procedures in Vietnamese");
	return _("Procedures translated where available; screens in Vietnamese");
}

static void lang_layout(screen *s, app *a, gfx_rect body)
{
	lang_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	for (size_t i = 0; i < st->n; i++) {
		const char *name = i18n_autonym(st->codes[i]);
		const char *sub = lang_offers(a, st->codes[i]);
		bool on = !strcmp(st->codes[i], a->lang);
		int h = widgets_row_height(f, m, w, name, sub, on);
		y += widgets_row(f, m, 0, y, w, h, name, sub, on ? "✓" : NULL, UI_BRAND, 0, (int)i) + m->gap;
	}
}

static void lang_action(screen *s, app *a, int action, int arg)
{
	lang_state *st = s->state;
	(void)action;
	if (arg < 0 || (size_t)arg >= st->n)
		return;
	char *code = xstrdup(st->codes[arg]);
	app_pop(a); /* frees s */
	app_set_lang(a, code);
	free(code);
}

static void lang_reload(screen *s, app *a) { lang_load(s->state, a); }

static void lang_destroy(void *state)
{
	lang_clear(state);
	free(state);
}

static const screen_ops lang_ops = {
	.id = SCREEN_LANG,
	.name = "lang",
	.title = lang_title,
	.layout = lang_layout,
	.action = lang_action,
	.reload = lang_reload,
	.destroy = lang_destroy,
};

screen *screen_lang_new(app *a)
{
	lang_state *st = xcalloc(1, sizeof *st);
	lang_load(st, a);
	return screen_new(&lang_ops, st);
}
