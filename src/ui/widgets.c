#include "widgets.h"

#include <string.h>

#include "core/i18n.h"
#include "core/model.h"

static void style_colors(widget_style st, gfx_color *bg, gfx_color *fg, gfx_color *line)
{
	switch (st) {
	case WIDGET_PRIMARY: *bg = UI_BRAND; *fg = UI_WHITE; *line = UI_BRAND; break;
	case WIDGET_SECONDARY: *bg = UI_PAPER; *fg = UI_BRAND; *line = UI_BRAND; break;
	case WIDGET_ON_BRAND: *bg = UI_BRAND_DARK; *fg = UI_WHITE; *line = UI_WHITE; break;
	case WIDGET_SELECTED: *bg = UI_WHITE; *fg = UI_BRAND; *line = UI_WHITE; break;
	default: *bg = UI_BRAND_LIGHT; *fg = UI_BRAND; *line = UI_BRAND_LIGHT; break;
	}
}

int widgets_button_width(flow *f, const ui_metrics *m, const char *label, int px, widget_icon icon)
{
	int w = flow_text_width(f, GFX_BOLD, px, label) + 2 * m->pad;
	if (icon != WIDGET_NO_ICON)
		w += px + m->gap;
	return w;
}

void widgets_button(flow *f, const ui_metrics *m, gfx_rect r, const char *label, int px,
		    widget_style st, widget_icon icon, int action, int arg)
{
	gfx_color bg, fg, line;
	style_colors(st, &bg, &fg, &line);
	flow_box(f, r, m->radius, bg);
	if (line.r != bg.r || line.g != bg.g || line.b != bg.b)
		flow_outline(f, r, m->radius, m->border, line);
	flow_container_push(f, r);
	int icon_w = icon != WIDGET_NO_ICON ? px + m->gap : 0;
	int inner = r.w - 2 * m->pad - icon_w;
	if (inner < px)
		inner = r.w - 2 * m->border - icon_w; /* tight: use the padding too */
	int tw = flow_text_width(f, GFX_BOLD, px, label);
	if (tw > inner && tw <= r.w - 2 * m->border - icon_w - layout_px(m, 8))
		inner = tw; /* fits in one line by eating into the padding: better than wrapping */
	int lines_h = flow_para_height(f, GFX_BOLD, px, inner, label, 0);
	int lh = flow_line_height(f, GFX_BOLD, px);
	if (lines_h > r.h - 2 * m->border) { /* never overflow: cut to the lines that fit */
		int fit = (r.h - 2 * m->border) / lh;
		lines_h = (fit < 1 ? 1 : fit) * lh;
	}
	int block_w = (tw < inner ? tw : inner) + icon_w;
	int x = r.x + (r.w - block_w) / 2;
	int y = r.y + (r.h - lines_h) / 2;
	if (icon != WIDGET_NO_ICON)
		widgets_icon(f, (gfx_rect){x, r.y + (r.h - px) / 2, px, px}, icon, fg);
	if (tw <= inner) {
		flow_label(f, GFX_BOLD, px, fg, x + icon_w, y, 0, label);
	} else {
		/* Wrapped lines are centred one by one. */
		size_t first = f->n;
		flow_para(f, GFX_BOLD, px, fg, x + icon_w, y, inner, label, lines_h / lh);
		for (size_t i = first; i < f->n; i++)
			if (f->items[i].kind == FLOW_TEXT)
				f->items[i].r.x = r.x + icon_w + (r.w - icon_w - f->items[i].r.w) / 2;
	}
	flow_container_pop(f);
	if (action >= 0)
		flow_hit(f, r, action, arg);
}

int widgets_badge_height(flow *f, const ui_metrics *m)
{
	return flow_line_height(f, GFX_BOLD, m->px_small) + layout_px(m, 4);
}

int widgets_badge(flow *f, const ui_metrics *m, int x, int y, const char *text, gfx_color bg)
{
	int tw = flow_text_width(f, GFX_BOLD, m->px_small, text);
	int padx = layout_px(m, 12);
	gfx_rect r = {x, y, tw + 2 * padx, widgets_badge_height(f, m)};
	flow_box(f, r, layout_px(m, 8), bg);
	flow_container_push(f, r);
	flow_label(f, GFX_BOLD, m->px_small, UI_WHITE, x + padx, y + layout_px(m, 2), 0, text);
	flow_container_pop(f);
	return r.w;
}

const char *widgets_status_badge(const char *status, gfx_color *bg)
{
	if (!status || !*status)
		return NULL;
	/* The catalogue's own words (DESIGN §3), shown as published. */
	if (!strcmp(status, "mới")) {
		*bg = UI_NEW;
		return _("new");
	}
	if (procedure_repealed(status)) {
		*bg = UI_ALERT;
		return _("repealed");
	}
	*bg = UI_AMENDED;
	if (!strcmp(status, "sửa đổi"))
		return _("amended");
	if (!strcmp(status, "bổ sung"))
		return _("supplemented");
	return status;
}

void widgets_icon(flow *f, gfx_rect r, widget_icon icon, gfx_color c)
{
	int x = r.x, y = r.y, s = r.w;
	switch (icon) {
	case WIDGET_BACK:
		flow_triangle(f, x + s / 8, y + s / 2, x + s * 7 / 8, y + s / 8, x + s * 7 / 8, y + s * 7 / 8, c);
		break;
	case WIDGET_UP:
		flow_triangle(f, x + s / 2, y + s / 6, x + s * 7 / 8, y + s * 5 / 6, x + s / 8, y + s * 5 / 6, c);
		break;
	case WIDGET_DOWN:
		flow_triangle(f, x + s / 8, y + s / 6, x + s * 7 / 8, y + s / 6, x + s / 2, y + s * 5 / 6, c);
		break;
	case WIDGET_HOME:
		/* a roof and a house body: understood without reading */
		flow_triangle(f, x + s / 2, y + s / 12, x + s, y + s / 2, x, y + s / 2, c);
		flow_box(f, (gfx_rect){x + s / 6, y + s / 2 - 1, s * 2 / 3, s * 5 / 12}, 0, c);
		break;
	case WIDGET_PRINTER: {
		/* a sheet going in, the printer's body, a sheet coming out */
		int t = s / 14 > 1 ? s / 14 : 2;
		flow_outline(f, (gfx_rect){x + s / 4, y + s / 12, s / 2, s / 3}, 0, t, c);
		flow_box(f, (gfx_rect){x, y + s / 3, s, s * 5 / 12}, s / 10, c);
		flow_outline(f, (gfx_rect){x + s / 4, y + s * 7 / 12, s / 2, s / 3}, 0, t, c);
		break;
	}
	case WIDGET_LISTEN: {
		/* a loudspeaker (box and cone) and two sound waves */
		int t = s / 12 > 1 ? s / 12 : 2;
		flow_box(f, (gfx_rect){x, y + s * 3 / 8, s / 4, s / 4}, 0, c);
		flow_triangle(f, x + s / 8, y + s / 2, x + s / 2, y + s / 8, x + s / 2, y + s * 7 / 8, c);
		flow_box(f, (gfx_rect){x + s * 5 / 8, y + s * 3 / 8, t, s / 4}, 0, c);
		flow_box(f, (gfx_rect){x + s * 13 / 16, y + s / 4, t, s / 2}, 0, c);
		break;
	}
	case WIDGET_STOP:
		flow_box(f, (gfx_rect){x + s / 6, y + s / 6, s * 2 / 3, s * 2 / 3}, 0, c);
		break;
	default:
		break;
	}
}

size_t widgets_card(flow *f, const ui_metrics *m, gfx_rect r)
{
	size_t i = flow_box(f, r, m->radius, UI_PAPER);
	flow_outline(f, r, m->radius, layout_px(m, 2), COLOR(0xc9d1de));
	return i;
}

void widgets_card_resize(flow *f, size_t card, gfx_rect r)
{
	flow_set_rect(f, card, r);
	flow_set_rect(f, card + 1, r);
}

int widgets_heading(flow *f, const ui_metrics *m, int x, int y, int w, const char *text)
{
	int h = flow_para(f, GFX_BOLD, m->px_h2, UI_BRAND, x, y, w, text, 0);
	int rule = layout_px(m, 3);
	flow_box(f, (gfx_rect){x, y + h + layout_px(m, 4), w, rule}, 0, UI_BRAND_LIGHT);
	return h + layout_px(m, 4) + rule;
}

static void row_sizes(flow *f, const ui_metrics *m, int w, const char *title, const char *sub, bool badge,
		      int *th, int *sh, int *h)
{
	int arrow = layout_px(m, 28);
	int tw = w - 2 * m->pad - arrow - m->gap;
	*th = flow_para_height(f, GFX_BOLD, m->px_body, tw, title, 3);
	*sh = 0;
	if ((sub && *sub) || badge)
		*sh = m->gap / 2 + (badge ? widgets_badge_height(f, m) : flow_line_height(f, GFX_REGULAR, m->px_small));
	*h = *th + *sh + 2 * layout_px(m, 18);
	if (*h < m->touch)
		*h = m->touch;
}

int widgets_row_height(flow *f, const ui_metrics *m, int w, const char *title, const char *sub, bool badge)
{
	int th, sh, h;
	row_sizes(f, m, w, title, sub, badge, &th, &sh, &h);
	return h;
}

int widgets_row(flow *f, const ui_metrics *m, int x, int y, int w, int min_h, const char *title,
		const char *sub, const char *badge, gfx_color badge_bg, int action, int arg)
{
	int arrow = layout_px(m, 28);
	int tx = x + m->pad, tw = w - 2 * m->pad - arrow - m->gap;
	int th, sh, h;
	row_sizes(f, m, w, title, sub, badge != NULL, &th, &sh, &h);
	if (h < min_h)
		h = min_h;
	gfx_rect r = {x, y, w, h};
	widgets_card(f, m, r);
	flow_container_push(f, r);
	int ty = y + (h - th - sh) / 2;
	flow_para(f, GFX_BOLD, m->px_body, UI_INK, tx, ty, tw, title, 3);
	if (sh) {
		int sy = ty + th + m->gap / 2, sx = tx;
		if (badge)
			sx += widgets_badge(f, m, sx, sy, badge, badge_bg) + m->gap;
		if (sub && *sub) {
			int off = badge ? (widgets_badge_height(f, m) - flow_line_height(f, GFX_REGULAR, m->px_small)) / 2 : 0;
			flow_label(f, GFX_REGULAR, m->px_small, UI_MUTED, sx, sy + off, tx + tw - sx, sub);
		}
	}
	int ax = x + w - m->pad - arrow, ay = y + h / 2;
	flow_triangle(f, ax, ay - arrow / 2, ax + arrow * 2 / 3, ay, ax, ay + arrow / 2, UI_BRAND);
	flow_container_pop(f);
	flow_hit(f, r, action, arg);
	return h;
}
