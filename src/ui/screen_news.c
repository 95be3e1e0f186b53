/* screen_news — the administrative-reform news: the list (date, title) and,
 * as a second instance, one article with its picture under the title. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "app_state.h"
#include "core/speech_text.h"
#include "core/xalloc.h"
#include "widgets.h"
#include "player.h"

enum { NEWS_ACT_LISTEN = 1 };

typedef struct news_state {
	catalog_data d;
	int article; /* -1: the list */
	/* The article's picture: decoded once, on the first layout, held until
	 * the screen is left or the catalogue replaced. */
	gfx *g;
	bool picture_tried;
	int picture; /* gfx image id; 0 = none */
	int picture_w, picture_h; /* its own size */
} news_state;

static void picture_drop(news_state *st)
{
	gfx_image_free(st->g, st->picture);
	st->picture = 0;
	st->picture_tried = false;
}

/* Decodes the article's picture to fit box_w x box_h, once. A missing,
 * refused or broken picture is logged and the article shows without it. */
static void picture_load(news_state *st, app *a, const news *n, int box_w, int box_h)
{
	if (st->picture_tried)
		return;
	st->picture_tried = true;
	if (str_empty(n->image) || !a->cat)
		return;
	size_t size = 0;
	unsigned char *data = catalog_blob(a->cat, n->image, &size);
	const char *why = _("the file is not in the catalogue");
	int w = 0, h = 0;
	if (data)
		st->picture = gfx_image_new(st->g, data, size, box_w, box_h, &w, &h, &why);
	free(data);
	if (!st->picture) {
		/* One line for the journal; the article shows without it. */
		fputs("motcua: ", stderr);
		if (w > 0 && h > 0)
			fprintf(stderr, _("%s (%dx%d): picture not shown: %s\n"), n->image, w, h,
				why);
		else
			fprintf(stderr, _("%s: picture not shown: %s\n"), n->image, why);
		return;
	}
	st->picture_w = w;
	st->picture_h = h;
}

static void news_load(news_state *st, app *a)
{
	catalog_data_clear(&st->d);
	if (a->cat)
		catalog_load_extras_in(a->cat, app_content_lang(a), &st->d);
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
		/* Text shown in Vietnamese although the citizen chose another
		 * language is marked: the title in the date line, the body above it. */
		bool lang = app_content_lang(a) != NULL;
		bool title_vi = lang && !catalog_row_translated(n->translated, TR_NEWS, offsetof(news, title));
		bool body_vi = lang && !str_empty(n->body) &&
		               !catalog_row_translated(n->translated, TR_NEWS, offsetof(news, body));
		y += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, 0, y, col, n->title, 0) + m->gap;
		if (!str_empty(n->date) || title_vi) {
			char *d = app_marked(n->date, title_vi);
			y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, col, d, 0) + m->pad;
			free(d);
		}
		y = player_card(f, m, a, y, col, &n->recordings, NEWS_ACT_LISTEN);
		/* The picture: as wide as the column, at most half the screen
		 * high, aspect kept; a small one grows at most twice. */
		int sw, sh;
		gfx_size(st->g, &sw, &sh);
		int box_w = col, box_h = sh / 2;
		picture_load(st, a, n, box_w, box_h);
		if (st->picture) {
			int pw = st->picture_w, ph = st->picture_h;
			int64_t dw = box_w, dh = (int64_t)ph * box_w / pw;
			if (dh > box_h) {
				dh = box_h;
				dw = (int64_t)pw * box_h / ph;
			}
			if (dw > 2 * (int64_t)pw) {
				dw = 2 * (int64_t)pw;
				dh = 2 * (int64_t)ph;
			}
			if (dw > 0 && dh > 0) {
				flow_image(f, (gfx_rect){0, y, (int)dw, (int)dh}, st->picture);
				y += (int)dh + m->pad;
			}
		}
		if (body_vi)
			y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, col, _("(in Vietnamese)"), 0) +
			     layout_px(m, 6);
		flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, col, n->body, 0);
		return;
	}
	if (st->article >= 0 || st->d.n_news == 0) {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("No news has been published."), 0);
		return;
	}
	bool lang = app_content_lang(a) != NULL;
	for (size_t i = 0; i < st->d.n_news; i++) {
		const news *n = &st->d.news[i];
		char *sub = app_marked_row(n->date, lang, n->translated, TR_NEWS, offsetof(news, title));
		y += widgets_row(f, m, 0, y, w, 0, n->title, sub, NULL, UI_INK, 0, (int)i) + m->gap;
		free(sub);
	}
}

static void news_action(screen *s, app *a, int action, int arg)
{
	news_state *st = s->state;
	if (action == NEWS_ACT_LISTEN && st->article >= 0 && (size_t)st->article < st->d.n_news) {
		player_toggle(a, &st->d.news[st->article].recordings, arg);
		return;
	}
	if (st->article < 0 && arg >= 0 && (size_t)arg < st->d.n_news)
		app_push(a, screen_news_new(a, arg));
}

static void news_reload(screen *s, app *a)
{
	picture_drop(s->state);
	news_load(s->state, a);
}

static void news_destroy(void *state)
{
	news_state *st = state;
	picture_drop(st);
	catalog_data_clear(&st->d);
	free(st);
}

/* Read aloud: an article as `motcua speak --news` says it; the list as shown. */
static bool news_speech(screen *s, app *a, speech_text *t)
{
	(void)a;
	news_state *st = s->state;
	if (st->article < 0 || (size_t)st->article >= st->d.n_news)
		return false;
	speech_text_news(t, &st->d.news[st->article]);
	return true;
}

static const screen_ops news_ops = {
	.id = SCREEN_NEWS,
	.name = "news",
	.title = news_title,
	.layout = news_layout,
	.action = news_action,
	.reload = news_reload,
	.destroy = news_destroy,
	.speech = news_speech,
};

screen *screen_news_new(app *a, int article)
{
	news_state *st = xcalloc(1, sizeof *st);
	st->article = article;
	st->g = a->g;
	news_load(st, a);
	screen *s = screen_new(&news_ops, st);
	if (article >= 0)
		s->name_override = "article";
	return s;
}
