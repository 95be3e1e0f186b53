#include "header.h"

#include <stdio.h>
#include <time.h>

#include "speak.h"
#include "widgets.h"

static void format_clock(int64_t wall_ms, char *hm, size_t n1, char *date, size_t n2)
{
	time_t t = (time_t)(wall_ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(hm, n1, "%H:%M", &tm);
	strftime(date, n2, "%d/%m/%Y", &tm);
}

int header_layout(app *a, flow *f, bool nav, const char *title)
{
	const ui_metrics *m = &a->m;
	int pad = m->pad, gap = m->gap;
	char hm[16] = "", date[16] = "";
	/* A clock known to be wrong (a Pi without its clock battery, offline)
	 * is not shown to citizens at all; the staff area says why. */
	bool show_clock = app_clock_right(a);
	if (show_clock)
		format_clock(app_wall_ms(a), hm, sizeof hm, date, sizeof date);

	/* The right-hand group: clock, language switch, text size. */
	int clock_w = show_clock ? flow_text_width(f, GFX_BOLD, m->px_h2, hm) : 0;
	int date_w = show_clock ? flow_text_width(f, GFX_REGULAR, m->px_small, date) : 0;
	if (date_w > clock_w)
		clock_w = date_w;
	/* The language button names the language in use in itself; it opens
	 * the chooser (screen_lang). */
	const char *lang_label = i18n_autonym(a->lang);
	int lang_w = widgets_button_width(f, m, lang_label, m->px_body, WIDGET_NO_ICON);
	if (lang_w < layout_px(m, 96))
		lang_w = layout_px(m, 96);
	const char *size_label = a->large_text ? _("A– Normal text") : _("A+ Larger text");
	int size_w = widgets_button_width(f, m, size_label, m->px_body, WIDGET_NO_ICON);
	/* Read aloud: "Nghe đọc", and "Dừng đọc" while reading (same width). */
	bool can_read = speak_available(a);
	int read_w = 0;
	if (can_read)
		for (int i = 0; i < 2; i++) {
			int rw = widgets_button_width(f, m, i ? _("Stop reading") : _("Read aloud"), m->px_body,
						      WIDGET_NO_ICON);
			if (rw > read_w)
				read_w = rw;
		}
	int tools_w = lang_w + size_w + gap + (can_read ? read_w + gap : 0);
	int emblem = layout_px(m, 84);
	int min_name = layout_px(m, 380);
	bool tools_below = m->w - 2 * pad - emblem - 3 * gap - clock_w - tools_w - gap < min_name;

	/* Left: emblem, unit name (wrapped), catalogue date. */
	int x = pad + emblem + gap;
	int right = m->w - pad - clock_w - gap - (tools_below ? 0 : tools_w + gap);
	int name_w = right - x;
	const char *unit = app_unit_name(a);
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	char updated[96] = "";
	if (info && info->date && *info->date)
		snprintf(updated, sizeof updated, _("Updated: %s"), info->date);
	int name_h = flow_para_height(f, GFX_BOLD, m->px_h2, name_w, unit, 2);
	int upd_h = *updated ? flow_line_height(f, GFX_REGULAR, m->px_small) : 0;
	int clock_h = flow_line_height(f, GFX_BOLD, m->px_h2) + flow_line_height(f, GFX_REGULAR, m->px_small);
	int tool_h = layout_px(m, 76);
	int row = name_h + upd_h;
	if (clock_h > row)
		row = clock_h;
	if (!tools_below && tool_h > row)
		row = tool_h;
	if (emblem > row)
		row = emblem;
	int top = layout_px(m, 16);
	int bar_h = top * 2 + row + (tools_below ? tool_h + gap : 0);

	size_t bar = flow_box(f, (gfx_rect){0, 0, m->w, bar_h}, 0, UI_BRAND);
	(void)bar;
	a->logo = (gfx_rect){pad, top + (row - emblem) / 2, emblem, emblem};
	flow_emblem(f, a->logo);
	int ty = top + (row - name_h - upd_h) / 2;
	flow_para(f, GFX_BOLD, m->px_h2, UI_WHITE, x, ty, name_w, unit, 2);
	if (*updated)
		flow_label(f, GFX_REGULAR, m->px_small, UI_BRAND_LIGHT, x, ty + name_h, name_w, updated);

	int cx = m->w - pad - clock_w - (tools_below ? 0 : tools_w + gap);
	int cy = top + (row - clock_h) / 2;
	if (show_clock) {
		flow_label(f, GFX_BOLD, m->px_h2, UI_WHITE, cx + clock_w - flow_text_width(f, GFX_BOLD, m->px_h2, hm),
			   cy, 0, hm);
		flow_label(f, GFX_REGULAR, m->px_small, UI_BRAND_LIGHT,
			   cx + clock_w - flow_text_width(f, GFX_REGULAR, m->px_small, date),
			   cy + flow_line_height(f, GFX_BOLD, m->px_h2), 0, date);
	}

	int tx = m->w - pad - tools_w;
	int tyy = tools_below ? top + row + gap : top + (row - tool_h) / 2;
	widgets_button(f, m, (gfx_rect){tx, tyy, lang_w, tool_h}, lang_label, m->px_body, WIDGET_ON_BRAND,
		       WIDGET_NO_ICON, HEADER_ACT_LANG, 0);
	widgets_button(f, m, (gfx_rect){tx + lang_w + gap, tyy, size_w, tool_h}, size_label,
		       m->px_body, a->large_text ? WIDGET_SELECTED : WIDGET_ON_BRAND, WIDGET_NO_ICON,
		       HEADER_ACT_TEXT_SIZE, 0);
	if (can_read) {
		bool reading = speak_reading(a);
		widgets_button(f, m, (gfx_rect){tx + lang_w + gap + size_w + gap, tyy, read_w, tool_h},
			       reading ? _("Stop reading") : _("Read aloud"), m->px_body,
			       reading ? WIDGET_SELECTED : WIDGET_ON_BRAND, WIDGET_NO_ICON, HEADER_ACT_READ, 0);
	}
	if (!nav)
		return bar_h;

	/* The navigation bar: Back | title | Home. */
	int nav_h = m->touch + 2 * gap;
	flow_box(f, (gfx_rect){0, bar_h, m->w, nav_h}, 0, UI_PAPER);
	flow_box(f, (gfx_rect){0, bar_h + nav_h - layout_px(m, 2), m->w, layout_px(m, 2)}, 0, COLOR(0xc9d1de));
	const char *back = _("Back"), *home = _("Home");
	int bw = widgets_button_width(f, m, back, m->px_h2, WIDGET_BACK);
	int hw = widgets_button_width(f, m, home, m->px_h2, WIDGET_HOME);
	int by = bar_h + gap;
	widgets_button(f, m, (gfx_rect){pad, by, bw, m->touch}, back, m->px_h2, WIDGET_SECONDARY, WIDGET_BACK,
		       HEADER_ACT_BACK, 0);
	widgets_button(f, m, (gfx_rect){m->w - pad - hw, by, hw, m->touch}, home, m->px_h2, WIDGET_PRIMARY,
		       WIDGET_HOME, HEADER_ACT_HOME, 0);
	if (title && *title) {
		/* A big title on one line; else smaller on two; else cut (the full
		 * name was on the button that led here). */
		int tx0 = pad + bw + 2 * gap, tw = m->w - pad - hw - 2 * gap - tx0;
		int px = m->px_h1, lines = 1;
		if (flow_text_width(f, GFX_BOLD, px, title) > tw) {
			px = m->px_h2;
			lines = flow_para_height(f, GFX_BOLD, px, tw, title, 0) <= m->touch ? 2 : 1;
		}
		int th = flow_para_height(f, GFX_BOLD, px, tw, title, lines);
		int w1 = flow_text_width(f, GFX_BOLD, px, title);
		int lx = w1 < tw ? tx0 + (tw - w1) / 2 : tx0;
		if (lines == 1)
			flow_label(f, GFX_BOLD, px, UI_INK, lx, bar_h + (nav_h - th) / 2, tw, title);
		else
			flow_para(f, GFX_BOLD, px, UI_INK, lx, bar_h + (nav_h - th) / 2, tw, title, 2);
	}
	return bar_h + nav_h;
}
