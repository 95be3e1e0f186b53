/* speak — see speak.h. */
#include "speak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/speech_text.h"
#include "core/xalloc.h"
#include "draw.h"
#include "header.h"
#include "player.h"
#include "keyboard.h"
#include "widgets.h"

/* How often a reading looks whether its part has ended. */
#define SPEAK_POLL_MS 100
#define SPEAK_VOLUME_STEP 10

enum { SPEAK_ACT_PREV = 9201, SPEAK_ACT_NEXT, SPEAK_ACT_QUIETER, SPEAK_ACT_LOUDER, SPEAK_ACT_STOP };

typedef enum target_layer { TARGET_CONTENT, TARGET_FIXED, TARGET_CHROME } target_layer;

/* A tap target in reading order. */
typedef struct target {
	target_layer layer;
	const flow *f;
	const flow_target *hit;
	char *label; /* owned; NULL when not asked for */
} target;

struct speak {
	const app_voice *voice; /* borrowed; NULL: silent */
	int volume, start_volume;
	bool reading;
	speech_text parts;
	size_t cur;
	bool keypad;            /* the keypad was used this session */
	int focus;              /* index in the targets; -1: none */
	unsigned nav_seen;
	char *said;
	unsigned said_serial;
	flow bar;
};

struct speak *speak_new(const app_voice *voice, int volume)
{
	struct speak *sp = xcalloc(1, sizeof *sp);
	sp->voice = voice;
	sp->volume = sp->start_volume = volume;
	sp->focus = -1;
	sp->said = xstrdup("");
	if (voice && voice->set_volume)
		voice->set_volume(voice->ctx, volume);
	return sp;
}

void speak_free(struct speak *sp)
{
	if (!sp)
		return;
	if (sp->voice)
		sp->voice->say(sp->voice->ctx, NULL);
	speech_text_clear(&sp->parts);
	flow_clear(&sp->bar);
	free(sp->said);
	free(sp);
}

static screen *top_screen(const app *a) { return a->attract ? a->attract : a->stack[a->depth - 1]; }

bool speak_available(const app *a) { return a->speak && a->speak->voice && a->speak->start_volume > 0; }

bool speak_reading(const app *a) { return a->speak && a->speak->reading; }

const char *speak_said(const app *a, unsigned *serial)
{
	*serial = a->speak->said_serial;
	return a->speak->said;
}

void speak_silence(app *a)
{
	struct speak *sp = a->speak;
	if (sp && sp->voice)
		sp->voice->say(sp->voice->ctx, NULL);
}

static void say(app *a, const char *text)
{
	struct speak *sp = a->speak;
	player_stop(a); /* one sound at a time: the voice takes over from a recording */
	free(sp->said);
	sp->said = xstrdup(text);
	sp->said_serial++;
	if (sp->voice)
		sp->voice->say(sp->voice->ctx, text);
}

/* --- what a screen holds, in reading order --- */

/* The text drawn inside r in f, lines joined by spaces; malloc'd. */
static char *text_inside(const flow *f, gfx_rect r)
{
	size_t cap = 64, n = 0;
	char *s = xmalloc(cap);
	s[0] = 0;
	const flow_item *prev = NULL;
	for (size_t i = 0; i < f->n; i++) {
		const flow_item *it = &f->items[i];
		if (it->kind != FLOW_TEXT || !rect_contains(r, it->r.x + it->r.w / 2, it->r.y + it->r.h / 2))
			continue;
		if (n + it->len + 3 > cap) {
			cap = (n + it->len + 3) * 2;
			s = xrealloc(s, cap);
		}
		/* A title and the line under it: a pause between them. */
		if (n && (prev->px != it->px || prev->font != it->font) && !strchr(".,:;?!", s[n - 1]))
			s[n++] = ',';
		prev = it;
		if (n)
			s[n++] = ' ';
		memcpy(s + n, flow_text(f, it), it->len);
		n += it->len;
		s[n] = 0;
	}
	return s;
}

static bool skipped(const flow_target *h)
{
	/* The on-screen keyboard's letters are for typing by touch, not stops
	 * of the focus ring (forty of them before the results). */
	return h->action == KEYBOARD_ACT_KEY;
}

static size_t add_targets(target **v, size_t n, size_t *cap, const flow *f, target_layer l, bool labels)
{
	for (size_t i = 0; i < f->n_hits; i++) {
		if (skipped(&f->hits[i]))
			continue;
		char *label = labels ? text_inside(f, f->hits[i].r) : NULL;
		if (n == *cap) {
			*cap = *cap ? 2 * *cap : 32;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		(*v)[n++] = (target){l, f, &f->hits[i], label};
	}
	return n;
}

/* The targets of what is on screen: the content, the screen's own
 * buttons, then the header (Back and Home before the language and text
 * tools, as a listener wants them). */
static size_t targets_collect(app *a, target **out, bool labels)
{
	screen *s = top_screen(a);
	target *v = NULL;
	size_t n = 0, cap = 0;
	if (s->view.w > 0)
		n = add_targets(&v, n, &cap, &s->content, TARGET_CONTENT, labels);
	n = add_targets(&v, n, &cap, &s->fixed, TARGET_FIXED, labels);
	size_t first_chrome = n;
	n = add_targets(&v, n, &cap, &a->chrome, TARGET_CHROME, labels);
	/* Back and Home come last in the header's flow: put them first. */
	for (size_t i = first_chrome, j = first_chrome; i < n; i++)
		if (v[i].hit->action == HEADER_ACT_BACK || v[i].hit->action == HEADER_ACT_HOME) {
			target t = v[i];
			memmove(&v[j + 1], &v[j], (i - j) * sizeof *v);
			v[j++] = t;
		}
	*out = v;
	return n;
}

static void targets_free(target *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].label);
	free(v);
}

/* Where a target is on screen now (content: scrolled, cut to the view). */
static gfx_rect target_rect(app *a, const target *t)
{
	gfx_rect r = t->hit->r;
	if (t->layer != TARGET_CONTENT)
		return r;
	screen *s = top_screen(a);
	int off = (int)s->scroll.offset;
	return rect_intersect((gfx_rect){r.x + s->view.x, r.y + s->view.y - off, r.w, r.h}, s->view);
}

/* Scrolls the content so that a focused row is whole on screen. */
static void show_target(app *a, const target *t)
{
	if (t->layer != TARGET_CONTENT)
		return;
	screen *s = top_screen(a);
	gfx_rect r = t->hit->r;
	float off = s->scroll.offset;
	if (r.y < off)
		off = (float)r.y - a->m.gap;
	else if (r.y + r.h > off + s->view.h)
		off = (float)(r.y + r.h - s->view.h + a->m.gap);
	if (off > s->scroll.max)
		off = s->scroll.max;
	if (off < 0)
		off = 0;
	if (off != s->scroll.offset) {
		scroll_stop(&s->scroll);
		s->scroll.offset = off;
		a->dirty = true;
	}
}

static const char *screen_title(app *a)
{
	screen *s = top_screen(a);
	const char *t = a->depth > 1 && s->ops->title ? s->ops->title(s, a) : NULL;
	return t && *t ? t : app_unit_name(a);
}

/* "Label. What it does." */
static char *announcement(const target *t)
{
	const char *label = t->label && *t->label ? t->label : _("Button without a name");
	const char *does;
	switch (t->hit->action) {
	case HEADER_ACT_LANG: does = _("chooses the language of the kiosk"); break;
	case HEADER_ACT_TEXT_SIZE: does = _("changes the size of the text"); break;
	case HEADER_ACT_BACK: does = _("goes back to the previous screen"); break;
	case HEADER_ACT_HOME: does = _("goes to the start screen"); break;
	case HEADER_ACT_READ: does = _("reads the whole screen aloud"); break;
	default: does = _("press 5 to choose"); break;
	}
	return xasprintf("%s. %s.", label, does);
}

/* --- reading the screen aloud --- */

/* The parts of a screen without its own speech: the text of its fixed
 * widgets and content in the order they were laid out, a part per tap
 * target, and per block of text outside them. */
static void flow_parts(speech_text *t, const flow *f)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;
	long group = -2;
	for (size_t i = 0; i < f->n; i++) {
		const flow_item *it = &f->items[i];
		if (it->kind != FLOW_TEXT)
			continue;
		int cx = it->r.x + it->r.w / 2, cy = it->r.y + it->r.h / 2;
		long g = -1;
		for (size_t h = 0; h < f->n_hits; h++)
			if (rect_contains(f->hits[h].r, cx, cy))
				g = (long)h; /* the last wins, as for taps */
		if (g >= 0 && skipped(&f->hits[g]))
			continue;
		/* Outside targets, a new box (container) or a heading's size starts a part. */
		long key = g >= 0 ? g : -1000 - it->container * 64 - it->px;
		if (key != group && n) {
			speech_text_add(t, buf);
			n = 0;
		}
		group = key;
		if (n + it->len + 2 > cap) {
			cap = (n + it->len + 2) * 2;
			buf = xrealloc(buf, cap);
		}
		if (n)
			buf[n++] = ' ';
		memcpy(buf + n, flow_text(f, it), it->len);
		n += it->len;
		buf[n] = 0;
	}
	if (n)
		speech_text_add(t, buf);
	free(buf);
}

static void read_part(app *a)
{
	struct speak *sp = a->speak;
	say(a, sp->parts.part[sp->cur]);
	a->dirty = true;
}

static void reading_stop(app *a, bool silence)
{
	struct speak *sp = a->speak;
	if (!sp->reading)
		return;
	sp->reading = false;
	speech_text_clear(&sp->parts);
	if (silence && sp->voice)
		sp->voice->say(sp->voice->ctx, NULL);
	a->chrome_stale = true;
	a->dirty = true;
}

static void reading_start(app *a)
{
	struct speak *sp = a->speak;
	screen *s = top_screen(a);
	speech_text_clear(&sp->parts);
	if (!s->ops->speech || !s->ops->speech(s, a, &sp->parts)) {
		speech_text_clear(&sp->parts);
		speech_text_add(&sp->parts, screen_title(a));
		flow_parts(&sp->parts, &s->fixed);
		if (s->view.w > 0)
			flow_parts(&sp->parts, &s->content);
	}
	sp->cur = 0;
	sp->reading = true;
	read_part(a);
	a->chrome_stale = true;
}

void speak_toggle(app *a)
{
	if (!speak_available(a))
		return;
	if (a->speak->reading)
		reading_stop(a, true);
	else
		reading_start(a);
}

static void reading_move(app *a, int by)
{
	struct speak *sp = a->speak;
	if (!sp->reading)
		return;
	long next = (long)sp->cur + by;
	if (next < 0)
		next = 0;
	if (next >= (long)sp->parts.n) {
		reading_stop(a, true);
		return;
	}
	sp->cur = (size_t)next;
	read_part(a);
}

static void set_volume(app *a, int v)
{
	struct speak *sp = a->speak;
	sp->volume = v < 0 ? 0 : v > 100 ? 100 : v;
	if (sp->voice && sp->voice->set_volume)
		sp->voice->set_volume(sp->voice->ctx, sp->volume);
	a->dirty = true;
}

int64_t speak_deadline(const app *a)
{
	return a->speak && a->speak->reading ? a->now + SPEAK_POLL_MS : INT64_MAX;
}

void speak_tick(app *a, int64_t now)
{
	(void)now;
	struct speak *sp = a->speak;
	if (!sp->reading || (sp->voice && sp->voice->busy(sp->voice->ctx)))
		return;
	reading_move(a, 1);
}

/* --- the reading bar --- */

flow *speak_bar(app *a)
{
	struct speak *sp = a->speak;
	if (!sp || !sp->reading)
		return NULL;
	const ui_metrics *m = &a->m;
	flow *f = &sp->bar;
	flow_reset(f, a->g);
	int h = m->touch + 2 * m->gap;
	int y = m->h - h;
	flow_box(f, (gfx_rect){0, y, m->w, h}, 0, UI_BRAND_DARK);
	char *where = xasprintf(_("Part %zu of %zu, volume %d%%"), sp->cur + 1, sp->parts.n, sp->volume);
	const char *labels[5] = {_("Previous part"), _("Next part"), _("Quieter"), _("Louder"), _("Stop")};
	int acts[5] = {SPEAK_ACT_PREV, SPEAK_ACT_NEXT, SPEAK_ACT_QUIETER, SPEAK_ACT_LOUDER, SPEAK_ACT_STOP};
	int avail = m->w - 2 * m->pad - 6 * m->gap;
	int bw = avail / 6;
	int x = m->pad;
	for (int i = 0; i < 5; i++) {
		if (i == 2) { /* where the reading is, between moving and loudness */
			flow_container_push(f, (gfx_rect){x, y + m->gap, bw, m->touch});
			int th = flow_para_height(f, GFX_REGULAR, m->px_small, bw, where, 0);
			flow_para(f, GFX_REGULAR, m->px_small, UI_WHITE, x, y + (h - th) / 2, bw, where, 3);
			flow_container_pop(f);
			x += bw + m->gap;
		}
		widgets_button(f, m, (gfx_rect){x, y + m->gap, bw, m->touch}, labels[i], m->px_small,
			       i == 4 ? WIDGET_SELECTED : WIDGET_ON_BRAND, WIDGET_NO_ICON, acts[i], 0);
		x += bw + m->gap;
	}
	free(where);
	return f;
}

void speak_bar_action(app *a, int action)
{
	struct speak *sp = a->speak;
	switch (action) {
	case SPEAK_ACT_PREV: reading_move(a, -1); break;
	case SPEAK_ACT_NEXT: reading_move(a, 1); break;
	case SPEAK_ACT_QUIETER: set_volume(a, sp->volume - SPEAK_VOLUME_STEP); break;
	case SPEAK_ACT_LOUDER: set_volume(a, sp->volume + SPEAK_VOLUME_STEP); break;
	case SPEAK_ACT_STOP: reading_stop(a, true); break;
	default: break;
	}
}

void speak_touch(app *a, float x, float y)
{
	struct speak *sp = a->speak;
	if (!sp || !sp->reading)
		return;
	flow *bar = speak_bar(a);
	if (bar && flow_hit_at(bar, (int)x, (int)y))
		return;
	const flow_target *h = flow_hit_at(&a->chrome, (int)x, (int)y);
	if (h && h->action == HEADER_ACT_READ)
		return; /* its tap stops the reading */
	reading_stop(a, true);
}

/* --- the keypad --- */

static void announce_focus(app *a, const char *before)
{
	struct speak *sp = a->speak;
	target *v;
	size_t n = targets_collect(a, &v, true);
	char *text;
	if (sp->focus >= (int)n)
		sp->focus = n ? (int)n - 1 : -1;
	if (sp->focus >= 0) {
		show_target(a, &v[sp->focus]);
		char *ann = announcement(&v[sp->focus]);
		text = before ? xasprintf("%s %s", before, ann) : xstrdup(ann);
		free(ann);
	} else {
		text = xstrdup(before ? before : screen_title(a));
	}
	say(a, text);
	free(text);
	targets_free(v, n);
	a->dirty = true;
}

static void activate(app *a)
{
	struct speak *sp = a->speak;
	target *v;
	size_t n = targets_collect(a, &v, false);
	if (sp->focus < 0 || sp->focus >= (int)n) {
		targets_free(v, n);
		announce_focus(a, NULL);
		return;
	}
	show_target(a, &v[sp->focus]);
	gfx_rect r = target_rect(a, &v[sp->focus]);
	targets_free(v, n);
	app_tap_at(a, r.x + r.w / 2.0f, r.y + r.h / 2.0f);
}

bool speak_key(app *a, int key)
{
	struct speak *sp = a->speak;
	if (!sp || key == GFX_KEY_OTHER)
		return false;
	bool first = !sp->keypad;
	sp->keypad = true;
	idle_set_slow(&a->idle, true);
	if (first && key != GFX_KEY_KP_MULTIPLY) {
		/* The first key: where the citizen is, and the way to help. */
		char *hello = xasprintf("%s. %s", screen_title(a), _("Keypad ready: press star for help."));
		if (sp->focus < 0)
			sp->focus = 0;
		announce_focus(a, hello);
		free(hello);
		return true;
	}
	target *v;
	size_t n = targets_collect(a, &v, false);
	targets_free(v, n);
	switch (key) {
	case GFX_KEY_KP_2:
	case GFX_KEY_KP_6:
		if (sp->reading)
			reading_stop(a, true);
		sp->focus = n ? (sp->focus + 1) % (int)n : -1;
		announce_focus(a, NULL);
		break;
	case GFX_KEY_KP_8:
	case GFX_KEY_KP_4:
		if (sp->reading)
			reading_stop(a, true);
		sp->focus = n ? (sp->focus <= 0 ? (int)n - 1 : sp->focus - 1) : -1;
		announce_focus(a, NULL);
		break;
	case GFX_KEY_KP_5:
	case GFX_KEY_KP_ENTER:
		if (sp->reading)
			reading_stop(a, true);
		activate(a);
		break;
	case GFX_KEY_KP_0:
		announce_focus(a, NULL);
		break;
	case GFX_KEY_KP_MULTIPLY:
		say(a, _("Keypad help. 2 or 6: next item. 8 or 4: previous item. 5 or Enter: choose it. "
			 "0: say it again. Plus and minus: louder and quieter. Slash: read the whole screen; "
			 "then 7 and 9: previous and next part. Period: silence."));
		break;
	case GFX_KEY_KP_PLUS:
	case GFX_KEY_KP_MINUS: {
		set_volume(a, sp->volume + (key == GFX_KEY_KP_PLUS ? SPEAK_VOLUME_STEP : -SPEAK_VOLUME_STEP));
		if (!sp->reading) {
			char *t = xasprintf(_("Volume %d percent."), sp->volume);
			say(a, t);
			free(t);
		}
		break;
	}
	case GFX_KEY_KP_DIVIDE:
		speak_toggle(a);
		break;
	case GFX_KEY_KP_7:
	case GFX_KEY_KP_9:
		reading_move(a, key == GFX_KEY_KP_9 ? 1 : -1);
		break;
	case GFX_KEY_KP_PERIOD:
		reading_stop(a, true);
		if (sp->voice)
			sp->voice->say(sp->voice->ctx, NULL);
		break;
	default:
		return false;
	}
	return true;
}

void speak_after_event(app *a)
{
	struct speak *sp = a->speak;
	if (!sp || sp->nav_seen == a->nav_serial)
		return;
	sp->nav_seen = a->nav_serial;
	reading_stop(a, true);
	sp->focus = -1;
	if (sp->keypad && !a->attract) {
		/* The new screen's title, what it is about (a procedure's name
		 * and code), then its first target. */
		sp->focus = 0;
		screen *s = top_screen(a);
		speech_text about = {0};
		char *t;
		if (s->ops->speech && s->ops->speech(s, a, &about) && about.n)
			t = xasprintf("%s. %s", screen_title(a), about.part[0]);
		else
			t = xasprintf("%s.", screen_title(a));
		speech_text_clear(&about);
		announce_focus(a, t);
		free(t);
	}
}

void speak_draw(app *a, gfx *g)
{
	struct speak *sp = a->speak;
	if (!sp)
		return;
	const ui_metrics *m = &a->m;
	if (sp->keypad && sp->focus >= 0 && !a->attract) {
		target *v;
		size_t n = targets_collect(a, &v, false);
		if (sp->focus < (int)n) {
			gfx_rect r = target_rect(a, &v[sp->focus]);
			int t = layout_px(m, 6);
			if (r.w > 0 && r.h > 0) {
				gfx_round_outline(g, (gfx_rect){r.x - t, r.y - t, r.w + 2 * t, r.h + 2 * t}, m->radius, t,
						  UI_GOLD);
				gfx_round_outline(g, (gfx_rect){r.x - 2 * t, r.y - 2 * t, r.w + 4 * t, r.h + 4 * t},
						  m->radius, t, UI_INK);
			}
		}
		targets_free(v, n);
	}
	flow *bar = speak_bar(a);
	if (bar) {
		gfx_rect sr = {0, 0, m->w, m->h};
		draw_flow(g, &a->runs, bar, 0, 0, sr, sr);
	}
}

void speak_reset(app *a)
{
	struct speak *sp = a->speak;
	if (!sp)
		return;
	reading_stop(a, true);
	if (sp->voice)
		sp->voice->say(sp->voice->ctx, NULL);
	sp->keypad = false;
	sp->focus = -1;
	idle_set_slow(&a->idle, false);
	set_volume(a, sp->start_volume);
}
