/* screen_fields — the fields (lĩnh vực) of the catalogue with how many
 * procedures each has; a tap opens the field's list. */
#include <stdio.h>
#include <stdlib.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

typedef struct fields_state {
	field_count *v;
	size_t n;
} fields_state;

static void fields_load(fields_state *st, app *a)
{
	catalog_fields_free(st->v, st->n);
	st->v = NULL;
	st->n = a->cat ? catalog_fields(a->cat, &st->v) : 0;
}

static const char *fields_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Administrative procedures");
}

/* Shared by the screens that list things: a line saying there is nothing. */
static void empty_note(flow *f, const ui_metrics *m, int w, const char *text)
{
	flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, m->pad, w, text, 0);
}

static void fields_layout(screen *s, app *a, gfx_rect body)
{
	fields_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	if (st->n == 0) {
		empty_note(f, m, w, _("The catalogue is empty."));
		return;
	}
	y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w, _("Choose the field of your procedure:"), 0) +
	     m->gap;
	int cols = m->w >= layout_px(m, 1400) && !m->portrait ? 2 : 1;
	char sub[2][64];
	for (size_t i = 0; i < st->n; i += (size_t)cols) {
		int h = 0, cw[2], cx[2];
		for (int c = 0; c < cols && i + (size_t)c < st->n; c++) {
			layout_column(0, w, cols, m->gap, c, &cx[c], &cw[c]);
			snprintf(sub[c], sizeof sub[c], _("%zu procedures"), st->v[i + (size_t)c].count);
			int rh = widgets_row_height(f, m, cw[c], st->v[i + (size_t)c].field, sub[c], false);
			if (rh > h)
				h = rh;
		}
		for (int c = 0; c < cols && i + (size_t)c < st->n; c++)
			widgets_row(f, m, cx[c], y, cw[c], h, st->v[i + (size_t)c].field, sub[c], NULL, UI_INK, 0,
				    (int)(i + (size_t)c));
		y += h + m->gap;
	}
}

static void fields_action(screen *s, app *a, int action, int arg)
{
	fields_state *st = s->state;
	(void)action;
	if (arg >= 0 && (size_t)arg < st->n)
		app_push(a, screen_list_new(a, st->v[arg].field));
}

static void fields_reload(screen *s, app *a) { fields_load(s->state, a); }

static void fields_destroy(void *state)
{
	fields_state *st = state;
	catalog_fields_free(st->v, st->n);
	free(st);
}

static const screen_ops fields_ops = {
	.id = SCREEN_FIELDS,
	.name = "fields",
	.title = fields_title,
	.layout = fields_layout,
	.action = fields_action,
	.reload = fields_reload,
	.destroy = fields_destroy,
};

screen *screen_fields_new(app *a)
{
	fields_state *st = xcalloc(1, sizeof *st);
	fields_load(st, a);
	return screen_new(&fields_ops, st);
}
