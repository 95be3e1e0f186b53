/* screen_home — the tiles a citizen starts from: five, then "Look up your
 * dossier" when a dossier list is installed (on the top row, with the two
 * a citizen comes for most) and "Old commune and ward names" when the
 * catalogue carries them (at the end). */
#include <stdlib.h>

#include "app_state.h"
#include "widgets.h"

enum { HOME_PROCEDURES, HOME_SEARCH, HOME_HOTLINES, HOME_INDICES, HOME_NEWS, HOME_PLACES, HOME_DOSSIER, HOME_TILES, HOME_RATE = 50 };

static void tile(flow *f, const ui_metrics *m, gfx_rect r, const char *label, const char *hint, bool primary,
		 int action)
{
	gfx_color fg = primary ? UI_WHITE : UI_BRAND, sub = primary ? UI_WHITE : UI_INK;
	flow_box(f, r, m->radius * 2, primary ? UI_BRAND : UI_PAPER);
	if (!primary)
		flow_outline(f, r, m->radius * 2, m->border, UI_BRAND);
	flow_container_push(f, r);
	int w = r.w - 2 * m->pad;
	/* A tile's label reads best on one line: smaller type rather than a break. */
	int px = m->px_h1;
	if (flow_text_width(f, GFX_BOLD, px, label) > w && flow_text_width(f, GFX_BOLD, m->px_h2, label) <= w)
		px = m->px_h2;
	int lh = flow_para_height(f, GFX_BOLD, px, w, label, 0);
	int hh = flow_para_height(f, GFX_REGULAR, m->px_body, w, hint, 0);
	int between = m->gap;
	if (lh + between + hh > r.h - 2 * m->gap)
		hh = between = 0; /* a short tile keeps the label only */
	int y = r.y + (r.h - lh - between - hh) / 2;
	int x = r.x + (r.w - w) / 2;
	flow_para(f, GFX_BOLD, px, fg, x, y, w, label, 0);
	if (hh)
		flow_para(f, GFX_REGULAR, m->px_body, sub, x, y + lh + between, w, hint, 0);
	flow_container_pop(f);
	flow_hit(f, r, action, 0);
}

static void home_layout(screen *s, app *a, gfx_rect body)
{
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	const char *labels[HOME_TILES] = {_("Administrative procedures"), _("Search"), _("Hotlines"),
					  _("PAPI – SIPAS – PAR INDEX scores"), _("Administrative reform news"),
					  _("Old commune and ward names"), _("Look up your dossier")};
	const char *hints[HOME_TILES] = {_("Browse the procedures by field"),
					 _("Type a few letters to find a procedure"),
					 _("Phone numbers, feedback and answers"),
					 _("How citizens rate the services of the province and the commune"),
					 _("News of the commune's administrative reform"),
					 _("What an old address belongs to since the 2025 merger"),
					 _("Type or scan the code on your receipt")};
	/* The tiles shown, in order; the first `top` are primary. */
	int order[HOME_TILES], n = 0, top = 2;
	order[n++] = HOME_PROCEDURES;
	order[n++] = HOME_SEARCH;
	if (screen_dossier_available(a)) { /* no list, no tile (issue 13) */
		order[n++] = HOME_DOSSIER;
		top = 3;
	}
	order[n++] = HOME_HOTLINES;
	order[n++] = HOME_INDICES;
	order[n++] = HOME_NEWS;
	if (a->cat && catalog_place_count(a->cat) > 0)
		order[n++] = HOME_PLACES;
	int x = body.x + m->pad, w = body.w - 2 * m->pad;
	int y = body.y + m->pad;
	const char *hello = _("Hello! What would you like to find?");
	/* the rating, always at hand, beside the greeting */
	const char *rate = _("Rate our service");
	int bw = widgets_button_width(f, m, rate, m->px_body, WIDGET_NO_ICON);
	int hw = w - bw - m->gap;
	int hh = flow_para_height(f, GFX_BOLD, m->px_h1, hw, hello, 0);
	int bh = m->touch;
	int row = hh > bh ? hh : bh;
	/* Added after the tiles, so that a keypad's focus reaches the tiles first. */
	gfx_rect rate_r = {x + w - bw, y + (row - bh) / 2, bw, bh};
	y += (row - hh) / 2;
	y += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, x, y, hw, hello, 0) + (row - hh + 1) / 2 + m->pad;
	int h = body.y + body.h - m->pad - y;
	if (m->portrait) {
		int th = (h - (n - 1) * m->gap) / n;
		for (int k = 0; k < n; k++)
			tile(f, m, (gfx_rect){x, y + k * (th + m->gap), w, th}, labels[order[k]], hints[order[k]],
			     k < top, order[k]);
		widgets_button(f, m, rate_r, rate, m->px_body, WIDGET_SECONDARY, WIDGET_NO_ICON, HOME_RATE, 0);
		return;
	}
	/* Three above, the rest below with more room each. */
	int th = (h - m->gap) / 2;
	for (int k = 0; k < n; k++) {
		int below = k >= 3, cols = below ? n - 3 : 3, cx, cw;
		layout_column(x, w, cols, m->gap, below ? k - 3 : k, &cx, &cw);
		tile(f, m, (gfx_rect){cx, y + below * (th + m->gap), cw, th}, labels[order[k]], hints[order[k]],
		     k < top, order[k]);
	}
	widgets_button(f, m, rate_r, rate, m->px_body, WIDGET_SECONDARY, WIDGET_NO_ICON, HOME_RATE, 0);
}

static void home_action(screen *s, app *a, int action, int arg)
{
	(void)s;
	(void)arg;
	switch (action) {
	case HOME_PROCEDURES: app_push(a, screen_fields_new(a)); break;
	case HOME_SEARCH: app_push(a, screen_search_new(a)); break;
	case HOME_HOTLINES: app_push(a, screen_hotlines_new(a)); break;
	case HOME_INDICES: app_push(a, screen_indices_new(a)); break;
	case HOME_NEWS: app_push(a, screen_news_new(a, -1)); break;
	case HOME_PLACES: app_push(a, screen_places_new(a)); break;
	case HOME_DOSSIER: app_push(a, screen_dossier_new(a, NULL)); break;
	case HOME_RATE: app_push(a, screen_rating_new(a, NULL)); break;
	default: break;
	}
}

static const screen_ops home_ops = {
	.id = SCREEN_HOME,
	.name = "home",
	.layout = home_layout,
	.action = home_action,
};

screen *screen_home_new(app *a)
{
	(void)a;
	return screen_new(&home_ops, NULL);
}
