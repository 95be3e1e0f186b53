#include "keyboard.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "widgets.h"

static const char *rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

/* Ten keys across; delete spans three, space six, clear four. */
static void key_size(const ui_metrics *m, int w, int *kw, int *kh)
{
	*kw = (w - 9 * m->gap) / 10;
	*kh = *kw;
	int max_h = layout_px(m, 110);
	if (*kh > max_h)
		*kh = max_h;
	if (*kh < layout_px(m, 80))
		*kh = layout_px(m, 80);
}

int keyboard_height(flow *f, const ui_metrics *m, int w)
{
	(void)f;
	int kw, kh;
	key_size(m, w, &kw, &kh);
	return 5 * kh + 4 * m->gap;
}

void keyboard_layout(flow *f, const ui_metrics *m, gfx_rect r)
{
	int kw, kh, gap = m->gap;
	key_size(m, r.w, &kw, &kh);
	int y = r.y;
	for (int row = 0; row < 4; row++) {
		int n = (int)strlen(rows[row]);
		int units = row == 3 ? n + 3 : n;
		int total = units * kw + (units - 1) * gap;
		int x = r.x + (r.w - total) / 2;
		if (row == 3)
			x = r.x; /* flush left, so delete sits at the right edge */
		for (int i = 0; i < n; i++) {
			char label[2] = {(char)(rows[row][i] - (rows[row][i] >= 'a' ? 32 : 0)), 0};
			widgets_button(f, m, (gfx_rect){x, y, kw, kh}, label, m->px_key, WIDGET_SECONDARY,
				       WIDGET_NO_ICON, KEYBOARD_ACT_KEY, rows[row][i]);
			x += kw + gap;
		}
		if (row == 3) {
			int dw = r.x + r.w - x;
			widgets_button(f, m, (gfx_rect){x, y, dw, kh}, _("Delete"), m->px_body, WIDGET_TAB,
				       WIDGET_BACK, KEYBOARD_ACT_DELETE, 0);
		}
		y += kh + gap;
	}
	int clear_w = 4 * kw + 3 * gap;
	widgets_button(f, m, (gfx_rect){r.x, y, clear_w, kh}, _("Clear all"), m->px_body, WIDGET_TAB,
		       WIDGET_NO_ICON, KEYBOARD_ACT_CLEAR, 0);
	int sx = r.x + clear_w + gap;
	widgets_button(f, m, (gfx_rect){sx, y, r.x + r.w - sx, kh}, _("Space"), m->px_body, WIDGET_SECONDARY,
		       WIDGET_NO_ICON, KEYBOARD_ACT_KEY, ' ');
}

bool keyboard_apply(char **text, int action, int arg)
{
	size_t n = *text ? strlen(*text) : 0;
	switch (action) {
	case KEYBOARD_ACT_KEY: {
		if (n >= 60 || (arg == ' ' && (n == 0 || (*text)[n - 1] == ' ')))
			return false; /* no leading or doubled spaces; a query, not an essay */
		char *t = xmalloc(n + 2);
		if (n)
			memcpy(t, *text, n);
		t[n] = (char)arg;
		t[n + 1] = 0;
		free(*text);
		*text = t;
		return true;
	}
	case KEYBOARD_ACT_DELETE: {
		if (n == 0)
			return false;
		size_t k = n - 1;
		while (k > 0 && ((unsigned char)(*text)[k] & 0xc0) == 0x80)
			k--;
		(*text)[k] = 0;
		return true;
	}
	case KEYBOARD_ACT_CLEAR:
		if (n == 0)
			return false;
		(*text)[0] = 0;
		return true;
	default:
		return false;
	}
}
