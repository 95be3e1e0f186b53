/* screen_attract — what the kiosk shows while nobody uses it: a call to
 * touch, and slides that rotate every ATTRACT_SLIDE_MS (new and amended
 * procedures, hotlines, index results, news, and — when a dossier list is
 * installed — the month's dossier figures, as the commune posts them on its
 * public board). A touch wakes the kiosk to
 * home; the app swallows that touch. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/dossier.h"
#include "core/xalloc.h"
#include "index_text.h"
#include "widgets.h"

#define ATTRACT_SLIDE_MS 8000

enum { SLIDE_WELCOME, SLIDE_CHANGED, SLIDE_HOTLINES, SLIDE_INDICES, SLIDE_NEWS, SLIDE_DOSSIERS, SLIDE_COUNT };

typedef struct attract_state {
	proc_summary *changed;
	size_t n_changed;
	catalog_data d;
	int slide;
	int64_t since;
	bool have_dossiers;      /* a dossier list is installed */
	dossier_month month;     /* its figures for the month of `today` */
	int today;               /* day number of the wall clock when loaded */
	time_t list_at;          /* when the list was installed */
	bool marking;            /* another content language: mark what is shown in Vietnamese */
} attract_state;

static void attract_load(attract_state *st, app *a)
{
	catalog_summaries_free(st->changed, st->n_changed);
	catalog_data_clear(&st->d);
	st->changed = NULL;
	st->n_changed = 0;
	if (!a->cat)
		return;
	st->n_changed = catalog_list_changed(a->cat, &st->changed);
	app_summaries_translate(a, st->changed, st->n_changed);
	const char *lang = app_content_lang(a);
	st->marking = lang != NULL;
	catalog_load_extras_in(a->cat, lang, &st->d);
}

/* The month's figures, read when the attract screen starts (each new
 * session) from the installed list. */
static void attract_load_dossiers(attract_state *st, app *a)
{
	char *path = a->st ? dossier_db_path(a->st) : NULL;
	dossier_db *db = dossier_db_open(path);
	free(path);
	st->have_dossiers = db != NULL;
	if (db) {
		st->today = dossier_day_of((time_t)(app_wall_ms(a) / 1000));
		dossier_db_month(db, st->today, &st->month);
		st->list_at = dossier_db_installed_at(db);
	}
	dossier_db_close(db);
}


static bool slide_has_data(const attract_state *st, int slide)
{
	switch (slide) {
	case SLIDE_CHANGED: return st->n_changed > 0;
	case SLIDE_HOTLINES: return st->d.n_hotlines > 0;
	case SLIDE_INDICES: return st->d.n_indices > 0;
	case SLIDE_NEWS: return st->d.n_news > 0;
	case SLIDE_DOSSIERS: return st->have_dossiers;
	default: return true;
	}
}

/* Adds a line if it fits above bottom; returns false when the slide is full. */
static bool slide_line(flow *f, const ui_metrics *m, int x, int *y, int w, int bottom, gfx_font font, int px,
		       gfx_color c, const char *text)
{
	int h = flow_para_height(f, font, px, w, text, 2);
	if (*y + h > bottom)
		return false;
	*y += flow_para(f, font, px, c, x, *y, w, text, 2);
	return true;
}

static void slide_dossiers(flow *f, const ui_metrics *m, attract_state *st, int x, int y, int w, int bottom)
{
	int yy, mm, dd;
	dossier_date(st->today, &yy, &mm, &dd);
	char *lines[4] = {
		xasprintf(_("Received this month: %zu dossiers"), st->month.received),
		xasprintf(_("Resolved on time: %zu dossiers"), st->month.on_time),
		xasprintf(_("Overdue: %zu dossiers"), st->month.overdue),
		NULL,
	};
	char date[11];
	dossier_date_format(dossier_day_of(st->list_at), date);
	lines[3] = xasprintf(_("Figures of month %02d/%04d, from the dossier list of %s."), mm % 100, yy % 10000, date);
	for (int i = 0; i < 4; i++) {
		if (slide_line(f, m, x, &y, w, bottom, i < 3 ? GFX_BOLD : GFX_REGULAR, i < 3 ? m->px_big : m->px_body,
			       i == 2 && st->month.overdue ? UI_ALERT : UI_INK, lines[i]))
			y += m->pad;
		free(lines[i]);
	}
}

static void slide_changed(flow *f, const ui_metrics *m, attract_state *st, int x, int y, int w, int bottom)
{
	for (size_t i = 0; i < st->n_changed; i++) {
		gfx_color bg;
		const char *badge = widgets_status_badge(st->changed[i].status, &bg);
		int bh = widgets_badge_height(f, m);
		int bw = badge ? flow_text_width(f, GFX_BOLD, m->px_small, badge) + layout_px(m, 24) + m->gap : 0;
		char *name = app_marked(st->changed[i].name, st->changed[i].untranslated);
		int th = flow_para_height(f, GFX_REGULAR, m->px_h2, w - bw, name, 2);
		if (y + (th > bh ? th : bh) > bottom) {
			free(name);
			break;
		}
		if (badge)
			widgets_badge(f, m, x, y + layout_px(m, 6), badge, bg);
		y += flow_para(f, GFX_REGULAR, m->px_h2, UI_INK, x + bw, y, w - bw, name, 2) + m->gap;
		free(name);
	}
}

static void slide_indices(flow *f, const ui_metrics *m, attract_state *st, int x, int y, int w, int bottom)
{
	/* The latest total of each index, for the unit it was published for first. */
	for (int k = 0; k < INDEX_TEXT_COUNT; k++) {
		const index_row *best = NULL;
		for (size_t i = 0; i < st->d.n_indices; i++) {
			const index_row *r = &st->d.indices[i];
			if (strcmp(r->index, index_text_names[k]) || !str_empty(r->dimension))
				continue;
			if (best && strcmp(r->unit, best->unit))
				continue;
			if (!best || r->year > best->year)
				best = r;
		}
		if (!best)
			continue;
		char score[64], line[512];
		index_text_score_of(best, score, sizeof score);
		if (!str_empty(best->rank))
			snprintf(line, sizeof line, _("%s %d, %s: %s points, rank %s"), best->index, best->year, best->unit,
				 score, best->rank);
		else
			snprintf(line, sizeof line, _("%s %d, %s: %s points"), best->index, best->year, best->unit, score);
		if (!slide_line(f, m, x, &y, w, bottom, GFX_REGULAR, m->px_h2, UI_INK, line))
			break;
		y += m->gap;
	}
}

static void attract_layout(screen *s, app *a, gfx_rect body)
{
	attract_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	/* The call to action: always there, at the bottom, big. */
	const char *cta = _("Touch to look up procedures");
	int ch = flow_para_height(f, GFX_BOLD, m->px_big, body.w - 2 * m->pad, cta, 0) + 2 * m->pad;
	gfx_rect band = {body.x, body.y + body.h - ch, body.w, ch};
	flow_box(f, band, 0, UI_BRAND);
	int cw = flow_text_width(f, GFX_BOLD, m->px_big, cta);
	flow_para(f, GFX_BOLD, m->px_big, UI_WHITE, cw < body.w - 2 * m->pad ? body.x + (body.w - cw) / 2 : body.x + m->pad,
		  band.y + m->pad, body.w - 2 * m->pad, cta, 0);

	/* The slide. */
	gfx_rect card = {body.x + m->pad, body.y + m->pad, body.w - 2 * m->pad, band.y - 2 * m->pad - body.y};
	widgets_card(f, m, card);
	flow_container_push(f, card);
	int x = card.x + 2 * m->pad, w = card.w - 4 * m->pad, y = card.y + 2 * m->pad;
	int bottom = card.y + card.h - 2 * m->pad - layout_px(m, 40);
	const char *titles[SLIDE_COUNT] = {_("Welcome"), _("New and amended procedures"), _("Hotlines"),
					   _("PAPI – SIPAS – PAR INDEX scores"), _("Administrative reform news"),
					   _("Dossiers of the one-stop desk")};
	y += flow_para(f, GFX_BOLD, m->px_h1, UI_BRAND, x, y, w, titles[st->slide], 0) + m->pad;
	switch (st->slide) {
	case SLIDE_WELCOME:
		slide_line(f, m, x, &y, w, bottom, GFX_BOLD, m->px_big, UI_INK, app_unit_name(a));
		y += m->pad;
		slide_line(f, m, x, &y, w, bottom, GFX_REGULAR, m->px_h2, UI_INK,
			   _("Here you can look up administrative procedures, what to bring and how long they take, "
			     "hotlines, the index results and the reform news."));
		break;
	case SLIDE_CHANGED: slide_changed(f, m, st, x, y, w, bottom); break;
	case SLIDE_HOTLINES:
		for (size_t i = 0; i < st->d.n_hotlines; i++) {
			/* Marked as on the hotlines screen where it stays Vietnamese. */
			const hotline *h = &st->d.hotlines[i];
			char *agency = app_marked_row(h->agency, st->marking, h->translated, TR_HOTLINES,
						      offsetof(hotline, agency));
			char *t = xasprintf("%s: %s", agency, h->phone);
			free(agency);
			bool ok = slide_line(f, m, x, &y, w, bottom, GFX_REGULAR, m->px_h2, UI_INK, t);
			free(t);
			if (!ok)
				break;
			y += m->gap;
		}
		break;
	case SLIDE_INDICES: slide_indices(f, m, st, x, y, w, bottom); break;
	case SLIDE_DOSSIERS: slide_dossiers(f, m, st, x, y, w, bottom); break;
	case SLIDE_NEWS:
		for (size_t i = 0; i < st->d.n_news; i++) {
			/* As in the news list: the date marked where the title stays
			 * Vietnamese (a long title's end may be cut, the date's not). */
			const news *n = &st->d.news[i];
			char *date = app_marked_row(n->date, st->marking, n->translated, TR_NEWS, offsetof(news, title));
			char *t = xasprintf("%s — %s", date, n->title);
			free(date);
			bool ok = slide_line(f, m, x, &y, w, bottom, GFX_REGULAR, m->px_h2, UI_INK, t);
			free(t);
			if (!ok)
				break;
			y += m->gap;
		}
		break;
	default: break;
	}
	/* Dots: which slide of how many. */
	int n = 0, dot = layout_px(m, 18);
	for (int i = 0; i < SLIDE_COUNT; i++)
		n += slide_has_data(st, i);
	int dx = card.x + (card.w - n * dot - (n - 1) * dot) / 2, dy = card.y + card.h - m->pad - dot;
	for (int i = 0; i < SLIDE_COUNT; i++) {
		if (!slide_has_data(st, i))
			continue;
		flow_box(f, (gfx_rect){dx, dy, dot, dot}, dot / 2, i == st->slide ? UI_BRAND : UI_BRAND_LIGHT);
		dx += 2 * dot;
	}
	flow_container_pop(f);
}

static void attract_action(screen *s, app *a, int action, int arg)
{
	(void)s;
	(void)a;
	(void)action;
	(void)arg;
}

static int64_t attract_deadline(screen *s, app *a)
{
	(void)a;
	attract_state *st = s->state;
	return st->since + ATTRACT_SLIDE_MS;
}

static void attract_tick(screen *s, app *a, int64_t now)
{
	attract_state *st = s->state;
	do
		st->slide = (st->slide + 1) % SLIDE_COUNT;
	while (!slide_has_data(st, st->slide));
	st->since = now;
	app_invalidate(a);
}

static void attract_reload(screen *s, app *a)
{
	attract_state *st = s->state;
	attract_load(st, a);
	attract_load_dossiers(st, a);
	st->slide = SLIDE_WELCOME;
}

static void attract_destroy(void *state)
{
	attract_state *st = state;
	catalog_summaries_free(st->changed, st->n_changed);
	catalog_data_clear(&st->d);
	free(st);
}

static const screen_ops attract_ops = {
	.id = SCREEN_ATTRACT,
	.name = "attract",
	.layout = attract_layout,
	.action = attract_action,
	.reload = attract_reload,
	.deadline = attract_deadline,
	.tick = attract_tick,
	.destroy = attract_destroy,
};

screen *screen_attract_new(app *a)
{
	attract_state *st = xcalloc(1, sizeof *st);
	attract_load(st, a);
	attract_load_dossiers(st, a);
	st->since = a->now;
	return screen_new(&attract_ops, st);
}
