/* searchbox — the typed box, the keyboard and the results area (searchbox.h). */
#include "searchbox.h"

#include "keyboard.h"
#include "widgets.h"

int searchbox_field(flow *f, const ui_metrics *m, const searchbox *sb, int x, int y, int w)
{
	bool typed = sb->query && *sb->query;
	int inner = w - 2 * m->pad;
	int h = flow_line_height(f, GFX_BOLD, m->px_h2) + 2 * layout_px(m, 16);
	/* The hint may wrap (English, larger text): the box grows with it
	 * rather than letting it stick out. */
	int th = flow_para_height(f, GFX_REGULAR, m->px_body, inner, sb->hint, sb->hint_lines);
	if (!typed && th + 2 * layout_px(m, 16) > h)
		h = th + 2 * layout_px(m, 16);
	if (h < m->touch)
		h = m->touch;
	gfx_rect r = {x, y, w, h};
	flow_box(f, r, m->radius, UI_PAPER);
	flow_outline(f, r, m->radius, m->border, UI_BRAND);
	flow_container_push(f, r);
	int ty = y + (h - flow_line_height(f, GFX_BOLD, m->px_h2)) / 2;
	if (typed) {
		/* Keep the end of a long query in view: the caret is where one types. */
		const char *q = sb->query;
		while (*q && flow_text_width(f, GFX_BOLD, m->px_h2, q) > inner - layout_px(m, 8))
			q++;
		int tw = flow_label(f, GFX_BOLD, m->px_h2, UI_INK, x + m->pad, ty, inner, q);
		flow_box(f, (gfx_rect){x + m->pad + tw + layout_px(m, 2), ty, layout_px(m, 4),
				       flow_line_height(f, GFX_BOLD, m->px_h2)},
			 0, UI_BRAND);
	} else {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, x + m->pad, y + (h - th) / 2, inner, sb->hint,
			  sb->hint_lines);
	}
	flow_container_pop(f);
	return h;
}

gfx_rect searchbox_layout(flow *f, const ui_metrics *m, const searchbox *sb, gfx_rect body)
{
	bool side = !(m->portrait || m->w < layout_px(m, 1500));
	int kw = side ? (body.w - 3 * m->pad) * 52 / 100 : body.w - 2 * m->pad;
	int kx = body.x + body.w - m->pad - kw;
	int y = body.y + (side || sb->top_pad ? m->pad : m->gap);
	int gw = 0;
	if (sb->go) {
		gw = widgets_button_width(f, m, sb->go, m->px_h2, WIDGET_NO_ICON);
		if (gw > kw / 2)
			gw = kw / 2;
	}
	int bh = searchbox_field(f, m, sb, kx, y, sb->go ? kw - gw - m->gap : kw);
	if (sb->go)
		widgets_button(f, m, (gfx_rect){kx + kw - gw, y, gw, bh}, sb->go, m->px_h2, WIDGET_PRIMARY,
			       WIDGET_NO_ICON, sb->go_action, 0);
	int kh = keyboard_height(f, m, kw);
	int ky = body.y + body.h - m->pad - kh;
	/* Never over the box (a short panel: the keyboard goes down instead). */
	if (ky < y + bh + m->gap)
		ky = y + bh + m->gap;
	keyboard_layout(f, m, (gfx_rect){kx, ky, kw, kh});
	if (side) {
		int rx = body.x + m->pad;
		return (gfx_rect){rx, body.y + m->gap, kx - m->pad - m->gutter - rx, body.h - m->gap};
	}
	int ry = y + bh + m->gap;
	return (gfx_rect){kx, ry, kw - m->gutter, ky - m->gap - ry};
}
