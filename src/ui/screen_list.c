/* screen_list — the procedures of one field, with "new" / "amended" badges.
 *
 * Alphabetical by the words after "Thủ tục" (catalog_list_field) is the
 * default; when the events store has views of this field's procedures, two
 * buttons above the list switch to "most viewed first" and back (ties keep
 * the alphabetical order). */
#include <stdlib.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

enum { LIST_ACT_OPEN, LIST_ACT_SORT };
enum { SORT_NAME, SORT_VIEWS };

typedef struct list_state {
	char *field;
	proc_summary *v;
	size_t n;
	size_t *views; /* views[i] of v[i]; NULL when nothing is counted */
	size_t total_views;
	int sort;
} list_state;

typedef struct ranked {
	proc_summary s;
	size_t views, pos;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->views != y->views)
		return x->views < y->views ? 1 : -1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Puts v in the order of st->sort; the alphabetical order is the list's own. */
static void list_sort(list_state *st, app *a)
{
	if (!a->cat)
		return;
	/* Reload for the alphabetical order, then rank by views if asked. */
	catalog_summaries_free(st->v, st->n);
	st->v = NULL;
	free(st->views);
	st->views = NULL;
	st->total_views = 0;
	st->n = catalog_list_field(a->cat, st->field, &st->v);
	app_summaries_translate(a, st->v, st->n);
	if (!a->events || st->n == 0)
		return;
	const char **codes = xcalloc(st->n, sizeof *codes);
	for (size_t i = 0; i < st->n; i++)
		codes[i] = st->v[i].code;
	st->views = xcalloc(st->n, sizeof *st->views);
	st->total_views = events_view_counts(a->events, codes, st->n, st->views);
	free(codes);
	if (st->sort != SORT_VIEWS || st->total_views == 0)
		return;
	ranked *r = xcalloc(st->n, sizeof *r);
	for (size_t i = 0; i < st->n; i++)
		r[i] = (ranked){st->v[i], st->views[i], i};
	qsort(r, st->n, sizeof *r, cmp_ranked);
	for (size_t i = 0; i < st->n; i++) {
		st->v[i] = r[i].s;
		st->views[i] = r[i].views;
	}
	free(r);
}

static void list_load(list_state *st, app *a)
{
	catalog_summaries_free(st->v, st->n);
	st->v = NULL;
	st->n = 0;
	free(st->views);
	st->views = NULL;
	st->total_views = 0;
	list_sort(st, a);
}

static const char *list_title(screen *s, app *a)
{
	(void)a;
	return ((list_state *)s->state)->field;
}

/* The two sort buttons above the list; returns the height they take. */
static int sort_bar(screen *s, app *a, gfx_rect body)
{
	list_state *st = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	const char *labels[2] = {_("By name (A–Z)"), _("Most viewed first")};
	int px = m->px_body, bh = m->touch, x0 = body.x + m->pad, right = body.x + body.w - m->pad;
	int x = x0, y = body.y + m->gap;
	for (int k = 0; k < 2; k++) {
		int bw = widgets_button_width(f, m, labels[k], px, WIDGET_NO_ICON);
		if (bw > right - x0)
			bw = right - x0;
		if (x > x0 && x + bw > right) {
			x = x0;
			y += bh + m->gap;
		}
		widgets_button(f, m, (gfx_rect){x, y, bw, bh}, labels[k], px,
			       st->sort == k ? WIDGET_PRIMARY : WIDGET_SECONDARY, WIDGET_NO_ICON, LIST_ACT_SORT, k);
		x += bw + m->gap;
	}
	y += bh + m->gap;
	flow_box(f, (gfx_rect){body.x, y, body.w, m->border > 1 ? m->border / 2 + 1 : 1}, 0, UI_LINE);
	return y + 1 - body.y;
}

static void list_layout(screen *s, app *a, gfx_rect body)
{
	list_state *st = s->state;
	const ui_metrics *m = &a->m;
	if (st->total_views > 0) {
		int top = sort_bar(s, a, body);
		body.y += top;
		body.h -= top;
	}
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
		char *views = NULL;
		if (st->sort == SORT_VIEWS && st->views && st->views[i])
			views = xasprintf(_("%s · views: %zu"), st->v[i].code, st->views[i]);
		char *sub = app_marked(views ? views : st->v[i].code, st->v[i].untranslated);
		y += widgets_row(f, m, 0, y, w, 0, st->v[i].name, sub, badge, bg, LIST_ACT_OPEN, (int)i) +
		     m->gap;
		free(sub);
		free(views);
	}
}

static void list_action(screen *s, app *a, int action, int arg)
{
	list_state *st = s->state;
	if (action == LIST_ACT_SORT) {
		if ((arg == SORT_NAME || arg == SORT_VIEWS) && arg != st->sort) {
			st->sort = arg;
			list_sort(st, a);
			scroll_stop(&s->scroll);
			scroll_by(&s->scroll, -s->scroll.offset);
			app_invalidate(a);
		}
		return;
	}
	if (arg >= 0 && (size_t)arg < st->n)
		app_push(a, screen_detail_new(a, st->v[arg].code));
}

static void list_reload(screen *s, app *a) { list_load(s->state, a); }

static void list_destroy(void *state)
{
	list_state *st = state;
	catalog_summaries_free(st->v, st->n);
	free(st->views);
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
