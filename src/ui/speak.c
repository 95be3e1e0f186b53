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

typedef enum target_layer { TARGET_CONTENT, TARGET_FIXED, TARGET_CHROME, TARGET_OVERLAY } target_layer;

/* What covers the screen and takes the ring while it shows. */
typedef enum overlay_kind { OVERLAY_NONE, OVERLAY_IDLE, OVERLAY_PRINT } overlay_kind;

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
	bool listened;          /* the screen was read aloud this session */
	int focus;              /* index in the targets; -1: none */
	int screen_focus;       /* the screen's focus while an overlay has the ring */
	bool activated;         /* a key chose the focused item (5, Enter) */
	unsigned nav_seen;
	overlay_kind overlay;   /* the overlay last announced, and its message */
	unsigned overlay_stage;
	char *said;
	unsigned said_serial;
	flow bar;
};

struct speak *speak_new(const app_voice *voice, int volume)
{
	struct speak *sp = xcalloc(1, sizeof *sp);
	sp->voice = voice;
	sp->volume = sp->start_volume = volume;
	sp->focus = sp->screen_focus = -1;
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

static overlay_kind overlay_on(const app *a)
{
	if (a->attract)
		return OVERLAY_NONE;
	if (a->idle.phase == IDLE_PROMPT)
		return OVERLAY_IDLE;
	return print_overlay_shown(a->print) ? OVERLAY_PRINT : OVERLAY_NONE;
}

static const flow *overlay_flow(const app *a, overlay_kind k)
{
	return k == OVERLAY_IDLE ? &a->modal : print_overlay_flow(a);
}

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

/* True when the n bytes of s end a sentence or a clause ("…" too). */
static bool ends_pause(const char *s, size_t n)
{
	return n && (strchr(".,:;?!", s[n - 1]) || (n >= 3 && !memcmp(s + n - 3, "…", 3)));
}

/* Appends it's text to the string *s (n bytes, *cap allocated) after a
 * space; with pause, after that mark too unless the text so far ends a
 * clause already (a heading, then the line under it). */
static void append_item(char **s, size_t *n, size_t *cap, const flow *f, const flow_item *it, char pause)
{
	if (*n + it->len + 3 > *cap) {
		*cap = (*n + it->len + 3) * 2;
		*s = xrealloc(*s, *cap);
	}
	if (pause && *n && !ends_pause(*s, *n))
		(*s)[(*n)++] = pause;
	if (*n)
		(*s)[(*n)++] = ' ';
	memcpy(*s + *n, flow_text(f, it), it->len);
	*n += it->len;
	(*s)[*n] = 0;
}

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
		/* A title and the line under it: a pause between them. */
		bool block = prev && (prev->px != it->px || prev->font != it->font);
		append_item(&s, &n, &cap, f, it, block ? ',' : 0);
		prev = it;
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
	overlay_kind k = overlay_on(a);
	if (k != OVERLAY_NONE) { /* it covers the screen: its buttons only */
		n = add_targets(&v, n, &cap, overlay_flow(a, k), TARGET_OVERLAY, labels);
		*out = v;
		return n;
	}
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
static char *announcement(const target *t, bool reading)
{
	const char *label = t->label && *t->label ? t->label : _("Button without a name");
	const char *does;
	switch (t->hit->action) {
	case HEADER_ACT_LANG: does = _("chooses the language of the kiosk"); break;
	case HEADER_ACT_TEXT_SIZE: does = _("changes the size of the text"); break;
	case HEADER_ACT_BACK: does = _("goes back to the previous screen"); break;
	case HEADER_ACT_HOME: does = _("goes to the start screen"); break;
	case HEADER_ACT_READ: does = reading ? _("stops the reading") : _("reads the whole screen aloud"); break;
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
	overlay_kind k = overlay_on(a);
	speech_text_clear(&sp->parts);
	sp->listened = true;
	if (k != OVERLAY_NONE) {
		flow_parts(&sp->parts, overlay_flow(a, k));
		if (!sp->parts.n)
			speech_text_add(&sp->parts, screen_title(a));
	} else if (!s->ops->speech || !s->ops->speech(s, a, &sp->parts)) {
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

/* The text of f outside its tap targets, in layout order, a pause between
 * blocks (a heading, the line under it); with lead, only what comes before
 * the first target (a question above its answers). malloc'd, maybe "". */
static char *plain_text(const flow *f, bool lead)
{
	size_t cap = 64, n = 0;
	char *s = xmalloc(cap);
	s[0] = 0;
	const flow_item *prev = NULL;
	for (size_t i = 0; i < f->n; i++) {
		const flow_item *it = &f->items[i];
		if (it->kind != FLOW_TEXT)
			continue;
		int cx = it->r.x + it->r.w / 2, cy = it->r.y + it->r.h / 2;
		bool inside = false;
		for (size_t h = 0; h < f->n_hits && !inside; h++)
			inside = rect_contains(f->hits[h].r, cx, cy);
		if (inside) {
			if (lead)
				break;
			continue;
		}
		bool block = prev && (prev->px != it->px || prev->font != it->font ||
		                      prev->container != it->container);
		append_item(&s, &n, &cap, f, it, block ? '.' : 0);
		prev = it;
	}
	return s;
}

static bool has_keyboard(const flow *f)
{
	for (size_t i = 0; i < f->n_hits; i++)
		if (f->hits[i].action == KEYBOARD_ACT_KEY)
			return true;
	return false;
}

/* What a keypad user hears on arriving at a screen without its own speech:
 * its title, the words above its first item (a question, what to choose),
 * and how to go on where the keypad alone cannot (typing, a page of text
 * without items). malloc'd. */
static char *arrival(app *a)
{
	screen *s = top_screen(a);
	const flow *f = s->view.w > 0 && s->content.n_hits ? &s->content : s->fixed.n_hits ? &s->fixed : NULL;
	char *lead = f ? plain_text(f, true) : xstrdup("");
	const char *hint = "";
	if (has_keyboard(&s->fixed))
		hint = s->ops->id == SCREEN_DOSSIER
			   ? _("The code is typed on the keyboard on the screen; or hold the barcode of your "
			       "receipt under the scanner.")
		       : s->ops->id == SCREEN_SEARCH
			   ? _("Typing needs the keyboard on the screen; with the keypad, find a procedure "
			       "by its field: Home, then Administrative procedures.")
			   : _("Typing needs the keyboard on the screen: please ask at the desk.");
	else if (!f && (s->fixed.n || (s->view.w > 0 && s->content.n)))
		hint = _("Press slash to hear the whole page.");
	size_t ln = strlen(lead);
	bool stop = ln && !ends_pause(lead, ln); /* a heading without its full stop */
	char *t = xasprintf("%s.%s%s%s%s%s", screen_title(a), ln ? " " : "", lead, stop ? "." : "", *hint ? " " : "",
			    hint);
	free(lead);
	return t;
}

/* What an overlay says when it appears (its message; to a keypad user
 * also how to answer it). malloc'd. */
static char *overlay_message(app *a, overlay_kind k)
{
	char *text = plain_text(overlay_flow(a, k), false);
	size_t n = strlen(text);
	if (n && !ends_pause(text, n)) { /* a heading: a pause before what follows */
		text = xrealloc(text, n + 2);
		memcpy(text + n, ".", 2);
	}
	if (k == OVERLAY_IDLE && a->speak->keypad) {
		char *t = xasprintf("%s %s", text, _("Press any key to stay."));
		free(text);
		text = t;
	}
	return text;
}

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
		char *ann = announcement(&v[sp->focus], sp->reading);
		text = before ? xasprintf("%s %s", before, ann) : xstrdup(ann);
		free(ann);
	} else if (before) {
		text = xstrdup(before);
	} else if (overlay_on(a) != OVERLAY_NONE) { /* a message without a button: it again */
		text = overlay_message(a, overlay_on(a));
	} else {
		text = xstrdup(screen_title(a));
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
	sp->activated = true; /* what it changed is said after the event */
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
		overlay_kind k = overlay_on(a);
		char *where = k != OVERLAY_NONE ? overlay_message(a, k) : xasprintf("%s.", screen_title(a));
		char *hello = xasprintf("%s %s", where, _("Keypad ready: press star for help."));
		free(where);
		if (k != OVERLAY_NONE) {
			sp->overlay = k;
			sp->overlay_stage = k == OVERLAY_PRINT ? print_overlay_stage(a) : 0;
			sp->screen_focus = sp->focus;
			sp->focus = -1;
		}
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

/* An overlay appeared or changed its message: it takes the ring (the
 * screen's focus is kept for its return) and says its message to a
 * citizen who uses the keypad or listened to the screen. */
static void overlay_shown(app *a, overlay_kind k, overlay_kind was)
{
	struct speak *sp = a->speak;
	reading_stop(a, true);
	if (was == OVERLAY_NONE)
		sp->screen_focus = sp->focus;
	sp->focus = sp->keypad && k != OVERLAY_IDLE ? 0 : -1;
	if (!sp->keypad && !sp->listened)
		return;
	char *text = overlay_message(a, k);
	if (sp->focus >= 0)
		announce_focus(a, text);
	else
		say(a, text);
	free(text);
	a->dirty = true;
}

void speak_after_event(app *a)
{
	struct speak *sp = a->speak;
	if (!sp)
		return;
	overlay_kind k = overlay_on(a), was = sp->overlay;
	unsigned stage = k == OVERLAY_PRINT ? print_overlay_stage(a) : 0;
	bool nav = sp->nav_seen != a->nav_serial;
	bool changed = k != was || stage != sp->overlay_stage;
	bool activated = sp->activated;
	sp->activated = false;
	sp->nav_seen = a->nav_serial;
	sp->overlay = k;
	sp->overlay_stage = stage;
	if (changed && k != OVERLAY_NONE) {
		if (nav) { /* the screen under it is new: its focus starts at the top */
			was = OVERLAY_NONE;
			sp->focus = sp->keypad ? 0 : -1;
		}
		overlay_shown(a, k, was);
		return;
	}
	if (nav) {
		reading_stop(a, true);
		sp->focus = -1;
		if (sp->keypad && !a->attract) {
			/* The new screen's title, what it is about (a procedure's
			 * name and code; the question it asks), then its first target. */
			sp->focus = 0;
			screen *s = top_screen(a);
			speech_text about = {0};
			char *t;
			if (s->ops->speech && s->ops->speech(s, a, &about) && about.n)
				t = xasprintf("%s. %s", screen_title(a), about.part[0]);
			else
				t = arrival(a);
			speech_text_clear(&about);
			announce_focus(a, t);
			free(t);
		}
		return;
	}
	if (changed) { /* the overlay went: the screen gets its ring back */
		sp->focus = sp->screen_focus;
		if (sp->keypad && !a->attract) {
			char *t = xasprintf("%s.", screen_title(a));
			announce_focus(a, t);
			free(t);
		}
		return;
	}
	/* A key chose an item that changed the screen in place (a section, a
	 * year, the text size): the item again, as it is now. */
	if (activated && sp->keypad && !sp->reading && !a->attract)
		announce_focus(a, NULL);
}

void speak_draw(app *a, gfx *g)
{
	struct speak *sp = a->speak;
	if (!sp)
		return;
	const ui_metrics *m = &a->m;
	overlay_kind k = overlay_on(a);
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
	flow *bar = k == OVERLAY_NONE ? speak_bar(a) : NULL;
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
	sp->listened = false;
	sp->activated = false;
	sp->focus = sp->screen_focus = -1;
	sp->overlay = OVERLAY_NONE;
	sp->overlay_stage = 0;
	idle_set_slow(&a->idle, false);
	set_volume(a, sp->start_volume);
}
