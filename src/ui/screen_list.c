/* screen_list — the procedures of one field, with "new" / "amended" badges. */
#include <stdlib.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

typedef struct list_state {
	char *field;
	proc_summary *v;
	size_t n;
} list_state;

static void list_load(list_state *st, app *a)
{
	catalog_summaries_free(st->v, st->n);
	st->v = NULL;
	st->n = a->cat ? catalog_list_field(a->cat, st->field, &st->v) : 0;
}

static const char *list_title(screen *s, app *a)
{
	(void)a;
	return ((list_state *)s->state)->field;
}

static void list_layout(screen *s, app *a, gfx_rect body)
{
	list_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	if (st->n == 0) {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("This field has no procedures."), 0);
		return;
	}
	for (size_t i = 0; i < st->n; i++) {
		gfx_color bg = UI_INK;
		const char *badge = widgets_status_badge(st->v[i].status, &bg);
		y += widgets_row(f, m, 0, y, w, 0, st->v[i].name, st->v[i].code, badge, bg, 0, (int)i) + m->gap;
	}
}

static void list_action(screen *s, app *a, int action, int arg)
{
	list_state *st = s->state;
	(void)action;
	if (arg >= 0 && (size_t)arg < st->n)
		app_push(a, screen_detail_new(a, st->v[arg].code));
}

static void list_reload(screen *s, app *a) { list_load(s->state, a); }

static void list_destroy(void *state)
{
	list_state *st = state;
	catalog_summaries_free(st->v, st->n);
	free(st->field);
	free(st);
}

static const screen_ops list_ops = {
	.id = SCREEN_LIST,
	.name = "list",
	.title = list_title,
	.layout = list_layout,
	.action = list_action,
	.reload = list_reload,
	.destroy = list_destroy,
};

screen *screen_list_new(app *a, const char *field)
{
	list_state *st = xcalloc(1, sizeof *st);
	st->field = xstrdup(field);
	list_load(st, a);
	return screen_new(&list_ops, st);
}
