#include "layout.h"

#include <math.h>

int layout_px(const ui_metrics *m, float v)
{
	int p = (int)lroundf(v * m->unit);
	return v > 0 && p < 1 ? 1 : p;
}

static int text_px(const ui_metrics *m, float v) { return (int)lroundf(v * m->unit * m->text_scale); }

void layout_metrics(ui_metrics *m, int w, int h, bool large)
{
	m->w = w;
	m->h = h;
	m->unit = (float)(w < h ? w : h) / 1080.0f;
	m->text_scale = large ? 1.25f : 1.0f;
	m->portrait = h > w;
	m->narrow = w < 1500 * m->unit;
	m->pad = layout_px(m, 28);
	m->gap = layout_px(m, 16);
	m->touch = layout_px(m, 96);
	m->radius = layout_px(m, 14);
	m->border = layout_px(m, 3);
	m->px_small = text_px(m, 28);
	m->px_body = text_px(m, 31);
	m->px_h2 = text_px(m, 36);
	m->px_h1 = text_px(m, 44);
	m->px_big = text_px(m, 56);
	m->px_key = text_px(m, 40);
	m->gutter = layout_px(m, 112);
}

void layout_column(int x, int w, int n, int gap, int i, int *cx, int *cw)
{
	int each = (w - gap * (n - 1)) / n;
	*cx = x + i * (each + gap);
	*cw = each;
}
