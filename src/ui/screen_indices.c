/* screen_indices — PAPI, SIPAS and PAR INDEX: a tab per index; for the
 * chosen year the score of each unit with its rank and a bar per dimension;
 * the total across the years; where the figures come from and what the
 * index means. Partial data shows what there is and no empty chart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "index_text.h"
#include "widgets.h"

enum { IDX_ACT_TAB = 1, IDX_ACT_YEAR };


typedef struct indices_state {
	catalog_data d;
	int tab;
	int year; /* 0: the latest year of the tab */
} indices_state;

static void indices_load(indices_state *st, app *a)
{
	catalog_data_clear(&st->d);
	if (a->cat)
		catalog_load_extras(a->cat, &st->d);
}

static const char *indices_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Index results"); /* the tabs below name the three */
}

static bool row_of(const index_row *r, int tab) { return r->index && !strcmp(r->index, index_text_names[tab]); }

/* Years with data for the tab, ascending; years holds n_indices. */
static int years_of(const indices_state *st, int tab, int *years)
{
	int n = 0;
	for (size_t i = 0; i < st->d.n_indices; i++) {
		const index_row *r = &st->d.indices[i];
		if (!row_of(r, tab))
			continue;
		int k = 0;
		while (k < n && years[k] != r->year)
			k++;
		if (k == n)
			years[n++] = r->year;
	}
	for (int i = 1; i < n; i++) /* few years: insertion sort */
		for (int j = i; j > 0 && years[j] < years[j - 1]; j--) {
			int t = years[j];
			years[j] = years[j - 1];
			years[j - 1] = t;
		}
	return n;
}

/* Units in bundle order that have rows for the tab (and the year, when > 0);
 * every one of them: units holds n_indices. */
static int units_of(const indices_state *st, int tab, int year, const char **units)
{
	int n = 0;
	for (size_t i = 0; i < st->d.n_indices; i++) {
		const index_row *r = &st->d.indices[i];
		if (!row_of(r, tab) || (year && r->year != year) || !r->unit)
			continue;
		int k = 0;
		while (k < n && strcmp(units[k], r->unit))
			k++;
		if (k == n)
			units[n++] = r->unit;
	}
	return n;
}

/* A labelled horizontal bar: label | bar | value. Returns the height. */
static int bar_row(flow *f, const ui_metrics *m, int x, int y, int w, const char *label, const index_row *r)
{
	char value[64];
	index_text_score_of(r, value, sizeof value);
	int label_w = w * 36 / 100, value_w = flow_text_width(f, GFX_BOLD, m->px_body, value);
	if (value_w > w * 30 / 100)
		value_w = w * 30 / 100;
	int bar_x = x + label_w + m->gap, bar_w = w - label_w - value_w - 2 * m->gap;
	int lh = flow_para_height(f, GFX_REGULAR, m->px_body, label_w, label, 0);
	int vh = flow_para_height(f, GFX_BOLD, m->px_body, value_w, value, 0);
	int bh = layout_px(m, 34);
	int h = lh > bh ? lh : bh;
	if (vh > h)
		h = vh;
	flow_para(f, GFX_REGULAR, m->px_body, UI_INK, x, y + (h - lh) / 2, label_w, label, 0);
	if (r->max > 0 && bar_w > 0) {
		double frac = r->score / r->max;
		frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
		flow_box(f, (gfx_rect){bar_x, y + (h - bh) / 2, bar_w, bh}, layout_px(m, 6), UI_BRAND_LIGHT);
		int fw = (int)(bar_w * frac);
		if (fw > 0)
			flow_box(f, (gfx_rect){bar_x, y + (h - bh) / 2, fw, bh}, layout_px(m, 6), UI_BRAND);
	}
	flow_para(f, GFX_BOLD, m->px_body, UI_INK, x + w - value_w, y + (h - vh) / 2, value_w, value, 0);
	return h;
}

static int card_begin(flow *f, const ui_metrics *m, int y, int w, size_t *card, size_t *box)
{
	*card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	*box = flow_container_push(f, (gfx_rect){0, y, w, 0});
	return y + m->pad;
}

static int card_end(flow *f, const ui_metrics *m, size_t card, size_t box, int y0, int w, int iy)
{
	gfx_rect r = {0, y0, w, iy + m->pad - y0};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, box, r);
	flow_container_pop(f);
	return y0 + r.h + m->gap;
}

static void indices_layout(screen *s, app *a, gfx_rect body)
{
	indices_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *fx = &s->fixed;
	int x = body.x + m->pad, w = body.w - 2 * m->pad;
	int y = body.y + m->gap;
	/* Tabs. */
	int tw = (w - 2 * m->gap) / 3;
	for (int i = 0; i < INDEX_TEXT_COUNT; i++)
		widgets_button(fx, m, (gfx_rect){x + i * (tw + m->gap), y, tw, m->touch}, index_text_names[i], m->px_h2,
			       i == st->tab ? WIDGET_PRIMARY : WIDGET_TAB, WIDGET_NO_ICON, IDX_ACT_TAB, i);
	y += m->touch + m->gap;
	/* Years of the tab. */
	size_t cap = st->d.n_indices ? st->d.n_indices : 1;
	int *years = xmalloc(cap * sizeof *years);
	const char **units = xmalloc(cap * sizeof *units);
	int ny = years_of(st, st->tab, years);
	int year = st->year;
	bool found = false;
	for (int i = 0; i < ny; i++)
		found |= years[i] == year;
	if (!found)
		year = ny ? years[ny - 1] : 0;
	if (ny > 0) {
		const char *label = _("Year:");
		int lw = flow_text_width(fx, GFX_BOLD, m->px_body, label);
		int lh = flow_line_height(fx, GFX_BOLD, m->px_body);
		int chip = widgets_button_width(fx, m, "2000", m->px_body, WIDGET_NO_ICON);
		int cx = x + lw + m->gap;
		int per_row = (x + w - cx + m->gap) / (chip + m->gap);
		if (per_row < 1)
			per_row = 1;
		flow_label(fx, GFX_BOLD, m->px_body, UI_INK, x, y + (m->touch - lh) / 2, 0, label);
		for (int i = 0; i < ny; i++) {
			char t[16];
			snprintf(t, sizeof t, "%d", years[i]);
			int col = i % per_row, row = i / per_row;
			widgets_button(fx, m, (gfx_rect){cx + col * (chip + m->gap), y + row * (m->touch + m->gap), chip, m->touch},
				       t, m->px_body, years[i] == year ? WIDGET_PRIMARY : WIDGET_SECONDARY, WIDGET_NO_ICON,
				       IDX_ACT_YEAR, years[i]);
		}
		y += ((ny + per_row - 1) / per_row) * (m->touch + m->gap);
	}
	s->view = app_content_view(a, (gfx_rect){body.x, y, body.w, body.y + body.h - y});

	flow *f = &s->content;
	w = s->view.w;
	int cy = m->gap;
	const char *name = index_text_names[st->tab];
	if (ny == 0) {
		char *t = xasprintf(_("No %s results have been published."), name);
		cy += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, cy, w, t, 0) + m->pad;
		free(t);
	}
	/* The chosen year, unit by unit. */
	int nu = ny ? units_of(st, st->tab, year, units) : 0;
	for (int u = 0; u < nu; u++) {
		size_t card, box;
		int y0 = cy, iy = card_begin(f, m, cy, w, &card, &box);
		int iw = w - 2 * m->pad, ix = m->pad;
		char *head = xasprintf("%s %d — %s", name, year, units[u]);
		iy += flow_para(f, GFX_BOLD, m->px_h2, UI_BRAND, ix, iy, iw, head, 0) + m->gap;
		free(head);
		const index_row *total = NULL;
		int dims = 0;
		for (size_t i = 0; i < st->d.n_indices; i++) {
			const index_row *r = &st->d.indices[i];
			if (!row_of(r, st->tab) || r->year != year || strcmp(r->unit, units[u]))
				continue;
			if (str_empty(r->dimension))
				total = r;
			else
				dims++;
		}
		if (total) {
			char score[64], line[256];
			index_text_score_of(total, score, sizeof score);
			snprintf(line, sizeof line, _("Total: %s points"), score);
			iy += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, ix, iy, iw, line, 0);
			if (!str_empty(total->rank)) {
				snprintf(line, sizeof line, _("Rank: %s"), total->rank);
				iy += flow_para(f, GFX_BOLD, m->px_h2, UI_INK, ix, iy, iw, line, 0);
			}
			iy += m->gap;
		} else {
			iy += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, ix, iy, iw,
					_("The total for this year has not been published."), 0) + m->gap;
		}
		if (dims) {
			iy += flow_para(f, GFX_BOLD, m->px_body, UI_INK, ix, iy, iw, _("By dimension:"), 0) + m->gap;
			for (size_t i = 0; i < st->d.n_indices; i++) {
				const index_row *r = &st->d.indices[i];
				if (!row_of(r, st->tab) || r->year != year || strcmp(r->unit, units[u]) ||
				    str_empty(r->dimension))
					continue;
				iy += bar_row(f, m, ix, iy, iw, r->dimension, r) + m->gap;
			}
		}
		cy = card_end(f, m, card, box, y0, w, iy - m->gap);
	}
	/* The totals across years, per unit, when there is more than one year. */
	const char **all_units = units; /* the year's units are done with */
	int na = units_of(st, st->tab, 0, all_units);
	for (int u = 0; u < na; u++) {
		int n_tot = 0;
		for (size_t i = 0; i < st->d.n_indices; i++) {
			const index_row *r = &st->d.indices[i];
			n_tot += row_of(r, st->tab) && !strcmp(r->unit, all_units[u]) && str_empty(r->dimension);
		}
		if (n_tot < 2)
			continue;
		size_t card, box;
		int y0 = cy, iy = card_begin(f, m, cy, w, &card, &box);
		int iw = w - 2 * m->pad, ix = m->pad;
		char *head = xasprintf(_("%s over the years — %s"), name, all_units[u]);
		iy += flow_para(f, GFX_BOLD, m->px_h2, UI_BRAND, ix, iy, iw, head, 0) + m->gap;
		free(head);
		for (int k = 0; k < ny; k++)
			for (size_t i = 0; i < st->d.n_indices; i++) {
				const index_row *r = &st->d.indices[i];
				if (!row_of(r, st->tab) || r->year != years[k] || strcmp(r->unit, all_units[u]) ||
				    !str_empty(r->dimension))
					continue;
				/* The rank goes with the year, where there is room to wrap. */
				char *label = str_empty(r->rank) ? xasprintf("%d", r->year)
								 : xasprintf(_("%d (rank %s)"), r->year, r->rank);
				iy += bar_row(f, m, ix, iy, iw, label, r) + m->gap;
				free(label);
				break;
			}
		cy = card_end(f, m, card, box, y0, w, iy - m->gap);
	}
	/* What it means and where the figures come from. */
	{
		size_t card, box;
		int y0 = cy, iy = card_begin(f, m, cy, w, &card, &box);
		int iw = w - 2 * m->pad, ix = m->pad;
		iy += widgets_heading(f, m, ix, iy, iw, _("What this index means")) + m->gap;
		iy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, ix, iy, iw, index_text_meaning(name), 0);
		bool notes = false;
		for (size_t i = 0; i < st->d.n_indices; i++) {
			const index_row *r = &st->d.indices[i];
			if (!row_of(r, st->tab) || str_empty(r->note))
				continue;
			bool seen = false;
			for (size_t j = 0; j < i && !seen; j++)
				seen = row_of(&st->d.indices[j], st->tab) && st->d.indices[j].note &&
				       !strcmp(st->d.indices[j].note, r->note);
			if (seen)
				continue;
			if (!notes) {
				iy += m->pad;
				iy += flow_para(f, GFX_BOLD, m->px_body, UI_INK, ix, iy, iw, _("Notes and sources:"), 0);
				notes = true;
			}
			char *t = xasprintf("%d, %s: %s", r->year, r->unit, r->note);
			iy += layout_px(m, 6) + flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, ix, iy + layout_px(m, 6), iw, t, 0);
			free(t);
		}
		card_end(f, m, card, box, y0, w, iy);
	}
	free(units);
	free(years);
}

static void indices_action(screen *s, app *a, int action, int arg)
{
	indices_state *st = s->state;
	(void)a;
	if (action == IDX_ACT_TAB && arg >= 0 && arg < INDEX_TEXT_COUNT && arg != st->tab) {
		st->tab = arg;
		st->year = 0;
		s->scroll.offset = 0;
	} else if (action == IDX_ACT_YEAR) {
		st->year = arg;
		s->scroll.offset = 0;
	}
}

static void indices_reload(screen *s, app *a) { indices_load(s->state, a); }

static void indices_destroy(void *state)
{
	indices_state *st = state;
	catalog_data_clear(&st->d);
	free(st);
}

static const screen_ops indices_ops = {
	.id = SCREEN_INDICES,
	.name = "indices",
	.title = indices_title,
	.layout = indices_layout,
	.action = indices_action,
	.reload = indices_reload,
	.destroy = indices_destroy,
};

screen *screen_indices_new(app *a)
{
	indices_state *st = xcalloc(1, sizeof *st);
	indices_load(st, a);
	return screen_new(&indices_ops, st);
}
