/* screen_rating — "are you satisfied?" with five faces (issue 13).
 *
 * Offered once a session after a print or a dossier lookup
 * (app_offer_rating) and from the home screen. A face of 1 or 2 asks for
 * one reason (time, papers, staff attitude, back and forth, other); then
 * thanks. One rating a session: the app remembers that this session
 * rated, and the events store refuses a second one for the session. No
 * personal data: the level, the reason, the dossier code when the rating
 * follows a lookup, and the session's number. A low rating whose reason
 * was not chosen is stored without one when the screen goes (the citizen
 * walked away, the idle reset). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

enum { RATE_FACE = 1, RATE_REASON, RATE_SKIP, RATE_DONE };

typedef enum rating_phase { PHASE_FACES, PHASE_REASON, PHASE_THANKS } rating_phase;

typedef struct rating_state {
	rating_phase phase;
	char *dossier;     /* the dossier code it is about, or NULL; owned */
	bool already;      /* the session had rated before this screen opened */
	int level;         /* chosen, 1-5; 0 before */
	bool stored;
	events *events;    /* borrowed from the app, for storing at destroy */
	long long session;
	time_t when;       /* the wall clock when the face was tapped */
} rating_state;

static const char *level_label(int level)
{
	switch (level) {
	case 1: return _("Very dissatisfied");
	case 2: return _("Dissatisfied");
	case 3: return _("Neutral");
	case 4: return _("Satisfied");
	default: return _("Very satisfied");
	}
}

static const char *reason_label(rating_reason r)
{
	switch (r) {
	case RATING_REASON_TIME: return _("It took too long");
	case RATING_REASON_PAPERS: return _("Too many papers were asked for");
	case RATING_REASON_ATTITUDE: return _("The staff's attitude");
	case RATING_REASON_BACK_AND_FORTH: return _("I had to come back again and again");
	default: return _("Something else");
	}
}

static void rating_store(rating_state *st, rating_reason reason)
{
	if (st->stored || st->level < 1)
		return;
	st->stored = true;
	if (st->events)
		events_record_rating(st->events, st->session, st->level, reason, st->dossier, st->when);
}

/* A face in the square r: a coloured disc, two eyes and a mouth that
 * smiles (level 4-5), stays straight (3) or turns down (1-2), drawn as a
 * chain of dots along a parabola. */
static void face(flow *f, gfx_rect r, int level)
{
	static const unsigned fill[6] = {0, 0xd84315, 0xf57c00, 0xfbc02d, 0x9ccc65, 0x43a047};
	gfx_color ink = COLOR(0x3e2723);
	int s = r.w;
	flow_box(f, r, s / 2, COLOR(fill[level]));
	int eye = s / 9;
	flow_box(f, (gfx_rect){r.x + s * 32 / 100 - eye / 2, r.y + s * 36 / 100, eye, eye * 3 / 2}, eye / 2, ink);
	flow_box(f, (gfx_rect){r.x + s * 68 / 100 - eye / 2, r.y + s * 36 / 100, eye, eye * 3 / 2}, eye / 2, ink);
	int dot = s / 14 > 2 ? s / 14 : 2;
	/* curve > 0 smiles (the middle lower than the ends) */
	float curve = (float)(level - 3) * (float)s * 0.075f;
	for (int i = 0; i <= 16; i++) {
		float t = (float)i / 16.0f, u = 2 * t - 1;
		int x = r.x + (int)((0.28f + 0.44f * t) * (float)s);
		int y = r.y + (int)(0.68f * (float)s + curve * (1 - u * u) - curve / 2);
		flow_box(f, (gfx_rect){x - dot / 2, y - dot / 2, dot, dot}, dot / 2, ink);
	}
}

/* Centred wrapped text from y in [0, w); returns its height. */
static int centred(flow *f, gfx_font font, int px, gfx_color c, int y, int w, const char *s)
{
	size_t first = f->n;
	int h = flow_para(f, font, px, c, 0, y, w, s, 0);
	for (size_t i = first; i < f->n; i++)
		if (f->items[i].kind == FLOW_TEXT)
			f->items[i].r.x = (w - f->items[i].r.w) / 2;
	return h;
}

static int button(flow *f, const ui_metrics *m, int y, int w, const char *label, widget_style style, int action)
{
	int bw = widgets_button_width(f, m, label, m->px_h2, WIDGET_NO_ICON);
	if (bw < layout_px(m, 420))
		bw = layout_px(m, 420);
	if (bw > w)
		bw = w;
	int bh = m->touch + layout_px(m, 16);
	widgets_button(f, m, (gfx_rect){(w - bw) / 2, y, bw, bh}, label, m->px_h2, style, WIDGET_NO_ICON, action, 0);
	return bh;
}

static int layout_faces(rating_state *st, flow *f, const ui_metrics *m, int y, int w)
{
	y += centred(f, GFX_BOLD, m->px_h1, UI_INK, y, w,
		     _("Are you satisfied with how your administrative procedure was handled?")) +
	     m->gap;
	if (st->dossier) {
		char *t = xasprintf(_("Dossier %s"), st->dossier);
		y += centred(f, GFX_REGULAR, m->px_h2, UI_MUTED, y, w, t) + m->gap;
		free(t);
	}
	y += centred(f, GFX_REGULAR, m->px_body, UI_MUTED, y, w,
		     _("Tap a face. No name, phone number or other personal data is asked for.")) +
	     m->pad;
	if (m->portrait) { /* a tall panel: one face a row, the label beside it */
		int side = layout_px(m, 150);
		for (int i = 0; i < 5; i++) {
			int level = 5 - i, h = side + 2 * m->gap;
			gfx_rect card = {0, y, w, h};
			flow_box(f, card, m->radius * 2, UI_PAPER);
			flow_outline(f, card, m->radius * 2, m->border, UI_BRAND);
			face(f, (gfx_rect){m->pad, y + m->gap, side, side}, level);
			flow_container_push(f, card);
			int tx = 2 * m->pad + side, tw = w - tx - m->pad;
			int th = flow_para_height(f, GFX_BOLD, m->px_h1, tw, level_label(level), 0);
			flow_para(f, GFX_BOLD, m->px_h1, UI_INK, tx, y + (h - th) / 2, tw, level_label(level), 0);
			flow_container_pop(f);
			flow_hit(f, card, RATE_FACE, level);
			y += h + m->gap;
		}
		y += m->pad;
		return y + button(f, m, y, w, _("Skip"), WIDGET_SECONDARY, RATE_SKIP);
	}
	/* very satisfied on the left, as citizens read first; the labels in
	 * smaller type rather than broken, when that makes them fit */
	int ch = 0, px = m->px_h2;
	for (int i = 0; i < 5; i++) {
		int cx, cw;
		layout_column(0, w, 5, m->gap, i, &cx, &cw);
		if (flow_text_width(f, GFX_BOLD, px, level_label(5 - i)) > cw - 2 * m->gap)
			px = m->px_body;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 5; i++) {
			int level = 5 - i, cx, cw;
			layout_column(0, w, 5, m->gap, i, &cx, &cw);
			int side = cw - 2 * m->gap;
			if (side > layout_px(m, 220))
				side = layout_px(m, 220);
			int lh = flow_para_height(f, GFX_BOLD, px, cw - m->gap, level_label(level), 0);
			int h = m->pad + side + m->gap + lh + m->pad;
			if (pass == 0) {
				if (h > ch)
					ch = h;
				continue;
			}
			gfx_rect card = {cx, y, cw, ch};
			flow_box(f, card, m->radius * 2, UI_PAPER);
			flow_outline(f, card, m->radius * 2, m->border, UI_BRAND);
			face(f, (gfx_rect){cx + (cw - side) / 2, y + m->pad, side, side}, level);
			flow_container_push(f, card);
			size_t first = f->n;
			flow_para(f, GFX_BOLD, px, UI_INK, cx + m->gap / 2, y + m->pad + side + m->gap,
				  cw - m->gap, level_label(level), 0);
			for (size_t k = first; k < f->n; k++)
				if (f->items[k].kind == FLOW_TEXT)
					f->items[k].r.x = cx + (cw - f->items[k].r.w) / 2;
			flow_container_pop(f);
			flow_hit(f, card, RATE_FACE, level);
		}
	}
	y += ch + 2 * m->pad;
	y += button(f, m, y, w, _("Skip"), WIDGET_SECONDARY, RATE_SKIP);
	return y;
}

static int layout_reasons(flow *f, const ui_metrics *m, int y, int w)
{
	y += centred(f, GFX_BOLD, m->px_h1, UI_INK, y, w, _("What were you not satisfied with?")) + m->gap;
	y += centred(f, GFX_REGULAR, m->px_body, UI_MUTED, y, w, _("Choose one.")) + m->pad;
	int rw = w > layout_px(m, 1100) ? layout_px(m, 1100) : w, x = (w - rw) / 2;
	for (int r = RATING_REASON_TIME; r < RATING_REASON_COUNT; r++)
		y += widgets_row(f, m, x, y, rw, 0, reason_label((rating_reason)r), NULL, NULL, UI_BRAND, RATE_REASON,
				 r) +
		     m->gap;
	y += m->pad;
	y += button(f, m, y, w, _("Skip"), WIDGET_SECONDARY, RATE_SKIP);
	return y;
}

static int layout_thanks(rating_state *st, flow *f, const ui_metrics *m, int y, int w)
{
	int side = layout_px(m, 200);
	if (st->level)
		face(f, (gfx_rect){(w - side) / 2, y, side, side}, st->level);
	y += (st->level ? side : 0) + m->pad;
	y += centred(f, GFX_BOLD, m->px_big, UI_NEW, y, w, _("Thank you!")) + m->gap;
	y += centred(f, GFX_REGULAR, m->px_h2, UI_INK, y, w,
		     st->already ? _("You have already rated the service this time.")
				 : _("Your rating helps the commune serve citizens better.")) +
	     2 * m->pad;
	y += button(f, m, y, w, _("Back to the home screen"), WIDGET_PRIMARY, RATE_DONE);
	return y;
}

static const char *rating_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Your rating");
}

static void rating_layout(screen *s, app *a, gfx_rect body)
{
	rating_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = 2 * m->pad;
	switch (st->phase) {
	case PHASE_FACES: layout_faces(st, f, m, y, w); break;
	case PHASE_REASON: layout_reasons(f, m, y, w); break;
	default: layout_thanks(st, f, m, y, w); break;
	}
}

static void rating_action(screen *s, app *a, int action, int arg)
{
	rating_state *st = s->state;
	switch (action) {
	case RATE_FACE:
		if (st->phase != PHASE_FACES || arg < 1 || arg > 5 || a->rated)
			break;
		st->level = arg;
		st->when = (time_t)(app_wall_ms(a) / 1000);
		a->rated = true;
		if (arg <= 2) {
			st->phase = PHASE_REASON;
		} else {
			rating_store(st, RATING_REASON_NONE);
			st->phase = PHASE_THANKS;
		}
		break;
	case RATE_REASON:
		if (st->phase != PHASE_REASON || arg <= RATING_REASON_NONE || arg >= RATING_REASON_COUNT)
			break;
		rating_store(st, (rating_reason)arg);
		st->phase = PHASE_THANKS;
		break;
	case RATE_SKIP:
		if (st->phase == PHASE_REASON) {
			rating_store(st, RATING_REASON_NONE);
			st->phase = PHASE_THANKS;
		} else {
			app_pop(a);
			return; /* s is freed */
		}
		break;
	case RATE_DONE: app_home(a); return; /* s is freed */
	default: break;
	}
	if (a->depth > 0 && a->stack[a->depth - 1] == s) { /* a new page of the same screen: from its top */
		scroll_stop(&s->scroll);
		s->scroll.offset = 0;
		a->nav_serial++; /* announced as a new screen to a keypad user (speak.c) */
		app_invalidate(a);
	}
}

static void rating_destroy(void *state)
{
	rating_state *st = state;
	rating_store(st, RATING_REASON_NONE); /* a low rating left without its reason */
	free(st->dossier);
	free(st);
}

static const screen_ops rating_ops = {
	.id = SCREEN_RATING,
	.name = "rating",
	.title = rating_title,
	.layout = rating_layout,
	.action = rating_action,
	.destroy = rating_destroy,
};

screen *screen_rating_new(app *a, const char *dossier)
{
	rating_state *st = xcalloc(1, sizeof *st);
	if (!(dossier && *dossier) && a->rating_dossier[0])
		dossier = a->rating_dossier; /* the dossier looked up earlier in the session */
	st->dossier = dossier && *dossier ? xstrdup(dossier) : NULL;
	st->events = a->events;
	st->session = a->session;
	st->already = a->rated;
	st->phase = a->rated ? PHASE_THANKS : PHASE_FACES;
	return screen_new(&rating_ops, st);
}

void app_offer_rating(app *a, const char *dossier_code)
{
	if (a->rated || a->rating_offered)
		return;
	a->rating_offered = true;
	app_push(a, screen_rating_new(a, dossier_code));
}
