/* screen_news — the administrative-reform news: the list (date, title) and,
 * as a second instance, one article. */
#include <stdlib.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "widgets.h"

typedef struct news_state {
	catalog_data d;
	int article; /* -1: the list */
} news_state;

static void news_load(news_state *st, app *a)
{
	catalog_data_clear(&st->d);
	if (a->cat)
		catalog_load_extras(a->cat, &st->d);
}

static const char *news_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Administrative reform news");
}

static void news_layout(screen *s, app *a, gfx_rect body)
{
	news_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	if (st->article >= 0 && (size_t)st->article < st->d.n_news) {
		const news *n = &st->d.news[st->article];
		/* A comfortable reading measure: long lines tire the eye. */
		int col = w > layout_px(m, 1300) ? layout_px(m, 1300) : w;
		y += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, 0, y, col, n->title, 0) + m->gap;
		if (!str_empty(n->date))
			y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, col, n->date, 0) + m->pad;
		flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, col, n->body, 0);
		return;
	}
	if (st->article >= 0 || st->d.n_news == 0) {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("No news has been published."), 0);
		return;
	}
	for (size_t i = 0; i < st->d.n_news; i++)
		y += widgets_row(f, m, 0, y, w, 0, st->d.news[i].title, st->d.news[i].date, NULL, UI_INK, 0, (int)i) +
		     m->gap;
}

static void news_action(screen *s, app *a, int action, int arg)
{
	news_state *st = s->state;
	(void)action;
	if (st->article < 0 && arg >= 0 && (size_t)arg < st->d.n_news)
		app_push(a, screen_news_new(a, arg));
}

static void news_reload(screen *s, app *a) { news_load(s->state, a); }

static void news_destroy(void *state)
{
	news_state *st = state;
	catalog_data_clear(&st->d);
	free(st);
}

static const screen_ops news_ops = {
	.id = SCREEN_NEWS,
	.name = "news",
	.title = news_title,
	.layout = news_layout,
	.action = news_action,
	.reload = news_reload,
	.destroy = news_destroy,
};

screen *screen_news_new(app *a, int article)
{
	news_state *st = xcalloc(1, sizeof *st);
	st->article = article;
	news_load(st, a);
	screen *s = screen_new(&news_ops, st);
	if (article >= 0)
		s->name_override = "article";
	return s;
}
