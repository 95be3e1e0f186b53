/* screen_hotlines — who to call, with a tel: QR code per agency, and below
 * the published feedback with its answers. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/qr.h"
#include "core/xalloc.h"
#include "widgets.h"

typedef struct hot_qr {
	unsigned char *cells;
	int n;
} hot_qr;

typedef struct hotlines_state {
	catalog_data d;
	hot_qr *qr; /* one per hotline */
	bool marking; /* another content language: mark what is shown in Vietnamese */
} hotlines_state;

/* A hotline's text field, marked when it is shown in Vietnamese. Caller frees. */
static char *hot_text(const hotline *h, bool marking, const char *text, size_t member)
{
	return app_marked_row(text, marking, h->translated, TR_HOTLINES, member);
}

static void hotlines_unload(hotlines_state *st)
{
	for (size_t i = 0; st->qr && i < st->d.n_hotlines; i++)
		free(st->qr[i].cells);
	free(st->qr);
	st->qr = NULL;
	catalog_data_clear(&st->d);
}

static void hotlines_load(hotlines_state *st, app *a)
{
	hotlines_unload(st);
	st->marking = a->cat && app_content_lang(a);
	if (!a->cat || catalog_load_extras_in(a->cat, app_content_lang(a), &st->d) < 0)
		return;
	st->qr = xcalloc(st->d.n_hotlines ? st->d.n_hotlines : 1, sizeof *st->qr);
	for (size_t i = 0; i < st->d.n_hotlines; i++) {
		/* tel: takes the digits (and a leading +) only */
		const char *ph = st->d.hotlines[i].phone ? st->d.hotlines[i].phone : "";
		char tel[64] = "tel:";
		size_t k = 4;
		for (const char *c = ph; *c && k + 1 < sizeof tel; c++)
			if ((*c >= '0' && *c <= '9') || (*c == '+' && k == 4))
				tel[k++] = *c;
		tel[k] = 0;
		if (k == 4)
			continue;
		qr_code *q = qr_encode(tel);
		if (!q)
			continue;
		int n = q->size + 2 * QR_QUIET_ZONE;
		st->qr[i].cells = xmalloc((size_t)n * (size_t)n);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				st->qr[i].cells[y * n + x] = qr_dark(q, x - QR_QUIET_ZONE, y - QR_QUIET_ZONE);
		st->qr[i].n = n;
		qr_free(q);
	}
}

static const char *hotlines_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Hotlines");
}

static int hotline_card(flow *f, const ui_metrics *m, const hotline *h, const hot_qr *q, bool marking, int y,
			int w)
{
	char *agency = hot_text(h, marking, h->agency, offsetof(hotline, agency));
	char *topic = hot_text(h, marking, h->topic, offsetof(hotline, topic));
	char *hours = hot_text(h, marking, h->hours, offsetof(hotline, hours));
	char *address = hot_text(h, marking, h->address, offsetof(hotline, address));
	size_t card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	size_t box = flow_container_push(f, (gfx_rect){0, y, w, 0});
	int side = 0;
	if (q->cells) {
		side = layout_px(m, 200) / q->n * q->n;
		if (side < q->n * 3)
			side = q->n * 3;
	}
	bool qr_right = side && w - side - 3 * m->pad >= layout_px(m, 420);
	int tx = m->pad, tw = w - 2 * m->pad - (qr_right ? side + m->pad : 0);
	int iy = y + m->pad;
	iy += flow_para(f, GFX_BOLD, m->px_h2, UI_INK, tx, iy, tw, agency, 0);
	if (!str_empty(h->topic))
		iy += layout_px(m, 6) + flow_para(f, GFX_REGULAR, m->px_body, UI_INK, tx, iy + layout_px(m, 6), tw, topic, 0);
	iy += m->gap;
	iy += flow_para(f, GFX_BOLD, m->px_big, UI_BRAND, tx, iy, tw, h->phone, 0);
	if (!str_empty(h->hours)) {
		char *t = xasprintf(_("Hours: %s"), hours);
		iy += layout_px(m, 6) + flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, iy + layout_px(m, 6), tw, t, 0);
		free(t);
	}
	if (!str_empty(h->email)) {
		char *t = xasprintf(_("Email: %s"), h->email);
		iy += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, iy, tw, t, 0);
		free(t);
	}
	if (!str_empty(h->address)) {
		char *t = xasprintf(_("Address: %s"), address);
		iy += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, iy, tw, t, 0);
		free(t);
	}
	if (side) {
		const char *cap = _("Scan to call");
		int qx = qr_right ? w - m->pad - side : m->pad;
		int qy = qr_right ? y + m->pad : iy + m->gap;
		flow_cells(f, (gfx_rect){qx, qy, side, side}, q->cells, q->n);
		/* The caption may be wider than the code: centre it under it, inside the card. */
		int cw = flow_text_width(f, GFX_REGULAR, m->px_small, cap);
		int room = qr_right ? side + m->pad : w - 2 * m->pad;
		if (cw > room)
			cw = room;
		int cx = qr_right ? qx + side - cw : qx;
		if (qr_right && cw < side)
			cx = qx + (side - cw) / 2;
		int ch = flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, cx, qy + side + layout_px(m, 4), cw, cap, 2);
		int bottom = qy + side + layout_px(m, 4) + ch;
		if (bottom > iy)
			iy = bottom;
	}
	gfx_rect r = {0, y, w, iy + m->pad - y};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, box, r);
	flow_container_pop(f);
	free(agency);
	free(topic);
	free(hours);
	free(address);
	return r.h;
}

static int feedback_card(flow *f, const ui_metrics *m, const feedback *fb, int y, int w)
{
	size_t card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	size_t box = flow_container_push(f, (gfx_rect){0, y, w, 0});
	int tx = m->pad, tw = w - 2 * m->pad, iy = y + m->pad;
	if (!str_empty(fb->date))
		iy += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, iy, tw, fb->date, 0);
	char *q = xasprintf(_("Feedback: %s"), fb->content);
	iy += flow_para(f, GFX_BOLD, m->px_body, UI_INK, tx, iy, tw, q, 0);
	free(q);
	if (!str_empty(fb->answer)) {
		iy += m->gap;
		if (!str_empty(fb->agency)) {
			char *t = xasprintf(_("Answered by: %s"), fb->agency);
			iy += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, iy, tw, t, 0);
			free(t);
		}
		char *t = xasprintf(_("Answer: %s"), fb->answer);
		iy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, tx, iy, tw, t, 0);
		free(t);
	}
	gfx_rect r = {0, y, w, iy + m->pad - y};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, box, r);
	flow_container_pop(f);
	return r.h;
}

static void hotlines_layout(screen *s, app *a, gfx_rect body)
{
	hotlines_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	if (st->d.n_hotlines == 0)
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("No hotline has been published."), 0) + m->pad;
	for (size_t i = 0; i < st->d.n_hotlines; i++)
		y += hotline_card(f, m, &st->d.hotlines[i], &st->qr[i], st->marking, y, w) + m->gap;
	y += m->pad;
	y += widgets_heading(f, m, 0, y, w, _("Feedback and answers")) + m->gap;
	if (st->d.n_feedbacks == 0)
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("No feedback has been published yet."), 0);
	for (size_t i = 0; i < st->d.n_feedbacks; i++)
		y += feedback_card(f, m, &st->d.feedbacks[i], y, w) + m->gap;
}

static void hotlines_action(screen *s, app *a, int action, int arg)
{
	(void)s;
	(void)a;
	(void)action;
	(void)arg;
}

static void hotlines_reload(screen *s, app *a) { hotlines_load(s->state, a); }

static void hotlines_destroy(void *state)
{
	hotlines_unload(state);
	free(state);
}

static const screen_ops hotlines_ops = {
	.id = SCREEN_HOTLINES,
	.name = "hotlines",
	.title = hotlines_title,
	.layout = hotlines_layout,
	.action = hotlines_action,
	.reload = hotlines_reload,
	.destroy = hotlines_destroy,
};

screen *screen_hotlines_new(app *a)
{
	hotlines_state *st = xcalloc(1, sizeof *st);
	hotlines_load(st, a);
	return screen_new(&hotlines_ops, st);
}
