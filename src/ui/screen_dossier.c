/* screen_dossier — "where is my dossier?" (issue 13.1): the citizen types
 * the receipt code on the on-screen keyboard, or a USB scanner reads the
 * barcode / QR code of the receipt on any screen (scanner.h, app.c), and
 * sees the status in plain words, the due date, how many days it is
 * overdue, and what to bring when more papers are needed. The list is
 * STORE/dossiers.sqlite (core/dossier.h), opened for each lookup, so a list
 * installed from the command line is seen at once. Each lookup is recorded
 * (EVENT_DOSSIER_LOOKUP). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app_state.h"
#include "core/dossier.h"
#include "core/xalloc.h"
#include "keyboard.h"
#include "searchbox.h"
#include "widgets.h"

enum { DOSSIER_ACT_LOOKUP = 1, DOSSIER_ACT_RATE };

typedef struct dossier_state {
	char *query;       /* what was typed */
	bool looked;       /* a lookup was made: found or not */
	bool found;
	dossier d;         /* when found */
	char *proc_name;   /* the procedure's name from the catalogue, or NULL */
	char *asked;       /* the code looked up, as typed or scanned */
	time_t list_at;    /* when the list was installed; 0 when none */
} dossier_state;

static char *list_path(const app *a)
{
	return a->st ? dossier_db_path(a->st) : NULL;
}

bool screen_dossier_available(const app *a)
{
	char *path = list_path(a);
	struct stat st;
	bool ok = path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

void app_after_dossier_lookup(app *a, const char *code)
{
	/* A rating given later in the session (from home, after a print, or
	 * the button under the status) is tied to this dossier. */
	snprintf(a->rating_dossier, sizeof a->rating_dossier, "%s", code ? code : "");
}

static int today_of(const app *a)
{
	return dossier_day_of((time_t)(app_wall_ms(a) / 1000));
}

/* Looks code up in the installed list, records the lookup, and shows it. */
static void lookup(dossier_state *st, app *a, const char *code)
{
	dossier_free_fields(&st->d);
	free(st->proc_name);
	st->proc_name = NULL;
	free(st->asked);
	st->asked = xstrdup(code);
	st->looked = true;
	st->found = false;
	char *path = list_path(a);
	dossier_db *db = dossier_db_open(path);
	free(path);
	if (!db)
		return;
	st->list_at = dossier_db_installed_at(db);
	st->found = dossier_db_find(db, code, &st->d);
	dossier_db_close(db);
	if (!st->found)
		return;
	procedure *p = a->cat ? catalog_get(a->cat, st->d.proc_code) : NULL;
	const char *cl = app_content_lang(a);
	unsigned long tr = p && cl ? catalog_translate(a->cat, cl, p) : 0;
	st->proc_name = p ? app_marked(p->name, cl && !catalog_translated(tr, offsetof(procedure, name))) : NULL;
	procedure_free(p);
	int late = dossier_days_overdue(&st->d, today_of(a));
	if (a->events) {
		char *subject = xasprintf("%s\t%s\t%d", st->d.code, dossier_status_key(st->d.status), late);
		events_record(a->events, EVENT_DOSSIER_LOOKUP, subject, (time_t)(app_wall_ms(a) / 1000));
		free(subject);
	}
	app_after_dossier_lookup(a, st->d.code);
}

static const char *dossier_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Look up your dossier");
}

/* The list's date, and a warning when it is older than the configured age. */
static int list_age(flow *f, const ui_metrics *m, app *a, time_t at, int y, int w)
{
	if (!at)
		return 0;
	char date[11];
	dossier_date_format(dossier_day_of(at), date);
	int h = 0;
	/* In calendar days, as people count them: a list of Friday is 3 days
	 * old on Monday, whatever the hour. */
	int age = today_of(a) - dossier_day_of(at);
	int max_days = a->cfg ? a->cfg->dossier_max_age_days : 3;
	char *t = xasprintf(_("Dossier list of %s."), date);
	h += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, w, t, 0) + m->gap;
	free(t);
	if (max_days > 0 && age > max_days) {
		t = xasprintf(_("Warning: this list is %d days old and may be out of date; ask at the desk to be "
				"sure."),
			      age);
		h += flow_para(f, GFX_BOLD, m->px_body, UI_ALERT, 0, y + h, w, t, 0) + m->gap;
		free(t);
	}
	return h;
}

static gfx_color status_colour(dossier_status s)
{
	switch (s) {
	case DOSSIER_NEEDS_PAPERS: return UI_AMENDED;
	case DOSSIER_RESULT_READY: return UI_NEW;
	case DOSSIER_RETURNED: return UI_MUTED;
	default: return UI_BRAND;
	}
}

/* A "label: value" line (t, taken). */
static int fact(flow *f, const ui_metrics *m, int y, int w, char *t)
{
	int h = flow_para(f, GFX_REGULAR, m->px_h2, UI_INK, 0, y, w, t, 0) + m->gap;
	free(t);
	return h;
}

static void found_layout(flow *f, const ui_metrics *m, app *a, const dossier_state *st, int w)
{
	const dossier *d = &st->d;
	int y = m->gap;
	char *t = xasprintf(_("Dossier %s"), d->code);
	y += flow_para(f, GFX_BOLD, m->px_h2, UI_INK, 0, y, w, t, 0) + m->gap;
	free(t);
	if (st->proc_name)
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, st->proc_name, 3) + m->pad;
	/* The status: what the citizen came for, big, in its colour. */
	const char *status = dossier_status_text(d->status);
	int sh = flow_para_height(f, GFX_BOLD, m->px_h1, w - 2 * m->pad, status, 0) + 2 * m->pad;
	flow_box(f, (gfx_rect){0, y, w, sh}, m->radius, status_colour(d->status));
	flow_container_push(f, (gfx_rect){0, y, w, sh});
	flow_para(f, GFX_BOLD, m->px_h1, UI_WHITE, m->pad, y + m->pad, w - 2 * m->pad, status, 0);
	flow_container_pop(f);
	y += sh + m->pad;
	char date[11];
	dossier_date_format(d->received, date);
	y += fact(f, m, y, w, xasprintf(_("Received on: %s"), date));
	dossier_date_format(d->due, date);
	y += fact(f, m, y, w, xasprintf(_("Due on: %s"), date));
	int late = dossier_days_overdue(d, today_of(a));
	if (late > 0) {
		t = dossier_overdue_text(late);
		y += flow_para(f, GFX_BOLD, m->px_h1, UI_ALERT, 0, y, w, t, 0) + m->gap;
		free(t);
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			       _("We are sorry for the delay. Please ask at the desk about your dossier."), 0) +
		     m->pad;
	}
	if (d->status == DOSSIER_NEEDS_PAPERS) {
		y += widgets_heading(f, m, 0, y, w, _("Please bring these papers to the desk:"));
		y += flow_para(f, GFX_REGULAR, m->px_h2, UI_INK, 0, y, w,
			       *d->note ? d->note : _("Please ask at the desk which papers to bring."), 0) +
		     m->pad;
	} else if (*d->note) {
		y += widgets_heading(f, m, 0, y, w, _("Note"));
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w, d->note, 0) + m->pad;
	}
	y += list_age(f, m, a, st->list_at, y, w) + m->pad;
	/* The rating, tied to this dossier (issue 13.2), once a session. */
	if (!a->rated) {
		const char *rate = _("Rate our service");
		int bw = widgets_button_width(f, m, rate, m->px_h2, WIDGET_NO_ICON);
		if (bw > w)
			bw = w;
		widgets_button(f, m, (gfx_rect){0, y, bw, m->touch}, rate, m->px_h2, WIDGET_SECONDARY,
			       WIDGET_NO_ICON, DOSSIER_ACT_RATE, 0);
	}
}

static void results(screen *s, app *a, int w)
{
	dossier_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->content;
	if (st->found) {
		found_layout(f, m, a, st, w);
		return;
	}
	int y = m->gap;
	if (st->looked) {
		char *t = xasprintf(_("No dossier with the code %s."), st->asked);
		y += flow_para(f, GFX_BOLD, m->px_h2, UI_ALERT, 0, y, w, t, 0) + m->gap;
		free(t);
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			       _("Check the code on your receipt and type it again, or ask at the desk."), 0) +
		     m->pad;
	} else {
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
			       _("Type the code printed on your receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). "
				 "Or hold the receipt's barcode or QR code under the scanner."),
			       0) +
		     m->pad;
	}
	list_age(f, m, a, st->list_at, y, w);
}

static void dossier_layout(screen *s, app *a, gfx_rect body)
{
	dossier_state *st = s->state;
	searchbox sb = {.query = st->query,
			.hint = _("Type the code on your receipt"),
			.hint_lines = 1,
			.go = _("Show status"),
			.go_action = DOSSIER_ACT_LOOKUP,
			.top_pad = true};
	s->view = searchbox_layout(&s->fixed, &a->m, &sb, body);
	results(s, a, s->view.w);
}

static void dossier_action(screen *s, app *a, int action, int arg)
{
	dossier_state *st = s->state;
	if (action == DOSSIER_ACT_RATE) {
		if (st->found)
			app_push(a, screen_rating_new(a, st->d.code));
		return;
	}
	if (action == DOSSIER_ACT_LOOKUP) {
		char *key = dossier_code_key(st->query ? st->query : "");
		if (*key)
			lookup(st, a, st->query);
		free(key);
		s->scroll.offset = 0;
		return;
	}
	if (keyboard_apply(&st->query, action, arg) && st->looked) {
		/* Typing again: the last answer goes, so it is not taken for
		 * the new code's. */
		st->looked = st->found = false;
		dossier_free_fields(&st->d);
	}
}

static void dossier_destroy(void *state)
{
	dossier_state *st = state;
	dossier_free_fields(&st->d);
	free(st->proc_name);
	free(st->asked);
	free(st->query);
	free(st);
}

static const screen_ops dossier_ops = {
	.id = SCREEN_DOSSIER,
	.name = "dossier",
	.title = dossier_title,
	.layout = dossier_layout,
	.action = dossier_action,
	.destroy = dossier_destroy,
};

screen *screen_dossier_new(app *a, const char *code)
{
	dossier_state *st = xcalloc(1, sizeof *st);
	st->query = xstrdup("");
	char *path = list_path(a);
	dossier_db *db = dossier_db_open(path);
	free(path);
	if (db)
		st->list_at = dossier_db_installed_at(db);
	dossier_db_close(db);
	screen *s = screen_new(&dossier_ops, st);
	if (code) {
		free(st->query);
		st->query = xstrdup(code);
		lookup(st, a, code);
	}
	return s;
}

void screen_dossier_open(app *a, const char *code)
{
	screen *s = a->stack[a->depth - 1];
	if (s->ops->id != SCREEN_DOSSIER) {
		app_push(a, screen_dossier_new(a, code));
		return;
	}
	dossier_state *st = s->state;
	free(st->query);
	st->query = xstrdup(code);
	lookup(st, a, code);
	s->scroll.offset = 0;
	app_invalidate(a);
}
