#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_state.h"
#include "core/wallclock.h"
#include "core/xalloc.h"
#include "dossier_job.h"
#include "draw.h"
#include "gfx/gfx_audio.h"
#include "header.h"
#include "keyboard.h"
#include "speak.h"
#include "staff_usb.h"
#include "player.h"
#include "widgets.h"

enum { APP_ACT_PAGE_UP = 9101, APP_ACT_PAGE_DOWN, APP_ACT_STILL_HERE };

static screen *top(const app *a) { return a->attract ? a->attract : a->stack[a->depth - 1]; }

int64_t app_wall_ms(const app *a) { return a->now + a->wall_offset; }

const char *app_unit_name(const app *a)
{
	if (a->cfg && !str_empty(a->cfg->unit_name))
		return a->cfg->unit_name;
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	if (info && !str_empty(info->unit))
		return info->unit;
	return _("One-stop desk");
}

gfx_rect app_content_view(const app *a, gfx_rect body)
{
	return (gfx_rect){body.x + a->m.pad, body.y, body.w - a->m.pad - a->m.gutter, body.h};
}

/* Page buttons and the thumb track on the right of scrolled content,
 * for citizens who do not know that a list can be dragged. */
static void layout_gutter(app *a, screen *s)
{
	flow_reset(&a->gutter, a->g);
	if (s->view.w <= 0 || s->content.extent <= s->view.h)
		return;
	const ui_metrics *m = &a->m;
	int size = m->touch;
	int x = s->view.x + s->view.w + (m->gutter - size) / 2;
	gfx_rect up = {x, s->view.y + m->gap, size, size};
	gfx_rect down = {x, s->view.y + s->view.h - size - m->gap, size, size};
	widgets_button(&a->gutter, m, up, "", m->px_body, WIDGET_SECONDARY, WIDGET_NO_ICON, APP_ACT_PAGE_UP, 0);
	widgets_icon(&a->gutter, (gfx_rect){x + size / 4, up.y + size / 4, size / 2, size / 2}, WIDGET_UP, UI_BRAND);
	widgets_button(&a->gutter, m, down, "", m->px_body, WIDGET_SECONDARY, WIDGET_NO_ICON, APP_ACT_PAGE_DOWN, 0);
	widgets_icon(&a->gutter, (gfx_rect){x + size / 4, down.y + size / 4, size / 2, size / 2}, WIDGET_DOWN,
		     UI_BRAND);
}

static void layout_modal(app *a)
{
	flow *f = &a->modal;
	const ui_metrics *m = &a->m;
	flow_reset(f, a->g);
	flow_box(f, (gfx_rect){0, 0, m->w, m->h}, 0, UI_BRAND);
	int w = m->w - 4 * m->pad;
	if (w > layout_px(m, 1400))
		w = layout_px(m, 1400);
	int x = (m->w - w) / 2;
	const char *q = _("Are you still there?");
	char *left = xasprintf(_("Returning to the start screen in %d seconds."),
			       idle_seconds_left(&a->idle, a->now));
	const char *btn = _("I am still here");
	int qh = flow_para_height(f, GFX_BOLD, m->px_big, w, q, 0);
	int lh = flow_para_height(f, GFX_REGULAR, m->px_h2, w, left, 0);
	int bw = widgets_button_width(f, m, btn, m->px_h1, WIDGET_NO_ICON);
	if (bw < layout_px(m, 520))
		bw = layout_px(m, 520);
	if (bw > w)
		bw = w;
	int bh = m->touch + layout_px(m, 40);
	int total = qh + 2 * m->gap + lh + 3 * m->pad + bh;
	int y = (m->h - total) / 2;
	int qw = flow_text_width(f, GFX_BOLD, m->px_big, q);
	flow_para(f, GFX_BOLD, m->px_big, UI_WHITE, qw < w ? (m->w - qw) / 2 : x, y, w, q, 0);
	y += qh + 2 * m->gap;
	int lw = flow_text_width(f, GFX_REGULAR, m->px_h2, left);
	flow_para(f, GFX_REGULAR, m->px_h2, UI_WHITE, lw < w ? (m->w - lw) / 2 : x, y, w, left, 0);
	y += lh + 3 * m->pad;
	widgets_button(f, m, (gfx_rect){(m->w - bw) / 2, y, bw, bh}, btn, m->px_h1, WIDGET_SELECTED,
		       WIDGET_NO_ICON, APP_ACT_STILL_HERE, 0);
	free(left);
}

/* Brings the layouts of what is on screen up to date. */
static void relayout(app *a)
{
	screen *s = top(a);
	bool home = !a->attract && a->depth == 1;
	bool nav = !a->attract && !home;
	const char *title = nav && s->ops->title ? s->ops->title(s, a) : NULL;
	if (a->chrome_stale || s->laid_gen != a->gen) {
		flow_reset(&a->chrome, a->g);
		int hh = header_layout(a, &a->chrome, nav, title);
		/* A header of another height (the clock shown or hidden, a wider
		 * time) moves the body: the screen is laid out again. */
		if (hh != a->body.y)
			s->laid_gen = a->gen - 1;
		a->body = (gfx_rect){0, hh, a->m.w, a->m.h - hh};
		a->chrome_stale = false;
	}
	if (s->laid_gen != a->gen) {
		flow_reset(&s->fixed, a->g);
		flow_reset(&s->content, a->g);
		s->view = (gfx_rect){0, 0, 0, 0};
		s->ops->layout(s, a, a->body);
		s->laid_gen = a->gen;
		if (s->view.w > 0)
			scroll_set_extent(&s->scroll, s->content.extent + a->m.pad, s->view.h);
		layout_gutter(a, s);
	}
	if (a->idle.phase == IDLE_PROMPT)
		layout_modal(a);
	if (print_overlay_shown(a->print))
		print_overlay_layout(a);
}

void app_invalidate(app *a)
{
	top(a)->laid_gen = a->gen - 1;
	a->chrome_stale = true; /* the title may have changed */
	a->dirty = true;
}

void app_push(app *a, screen *s)
{
	a->nav_serial++;
	if (a->depth == APP_MAX_DEPTH) {
		/* Deeper than anyone navigates by hand: drop the oldest above home. */
		screen_free(a->stack[1]);
		memmove(&a->stack[1], &a->stack[2], (APP_MAX_DEPTH - 2) * sizeof *a->stack);
		a->depth--;
	}
	a->stack[a->depth++] = s;
	a->chrome_stale = true;
	a->dirty = true;
}

void app_pop(app *a)
{
	a->nav_serial++;
	if (a->depth > 1)
		screen_free(a->stack[--a->depth]);
	a->chrome_stale = true;
	a->dirty = true;
}

void app_home(app *a)
{
	a->nav_serial++;
	while (a->depth > 1)
		screen_free(a->stack[--a->depth]);
	a->chrome_stale = true;
	a->dirty = true;
}

void app_quit(app *a, int status)
{
	a->finished = true;
	a->exit_status = status;
}

/* A citizen begins: recorded, so the report can count sessions, and the
 * session's rating refers to it. */
static void begin_session(app *a)
{
	a->rated = false;
	a->rating_offered = false;
	a->session = 0;
	if (a->events) {
		long long id = events_session_begin(a->events, (time_t)(app_wall_ms(a) / 1000));
		a->session = id > 0 ? id : 0;
	}
}

app *app_new(const app_options *o, gfx *g)
{
	app *a = xcalloc(1, sizeof *a);
	a->g = g;
	a->cat = o->cat;
	a->cfg = o->cfg;
	a->st = o->st;
	a->set_clock = o->set_clock;
	a->set_clock_ctx = o->set_clock_ctx;
	a->events = o->events;
	a->print = print_overlay_new(o->cfg, o->events);
	a->player = player_new();
	a->speak = speak_new(o->voice, o->cfg ? o->cfg->volume : 80);
	a->now = o->now;
	a->wall_offset = o->wall_ms - o->now;
	a->shown_minute = app_wall_ms(a) / 60000;
	app_staff_init(a);
	a->clock_right_shown = app_clock_right(a);
	snprintf(a->start_lang, sizeof a->start_lang, "%s", i18n_code());
	snprintf(a->lang, sizeof a->lang, "%s", i18n_code());
	int w, h;
	gfx_size(g, &w, &h);
	layout_metrics(&a->m, w, h, false);
	a->gen = 1;
	a->chrome_stale = true;
	idle_init(&a->idle, o->cfg ? o->cfg->idle_prompt_s : 90, o->cfg ? o->cfg->idle_reset_s : 20,
		  o->attract ? IDLE_ATTRACT : IDLE_ACTIVE, o->now);
	a->stack[a->depth++] = screen_home_new(a);
	if (o->attract)
		a->attract = screen_attract_new(a);
	else
		begin_session(a); /* a script starts with a citizen at the screen */
	relayout(a);
	a->dirty = true;
	return a;
}

void app_free(app *a)
{
	if (!a)
		return;
	screen_free(a->attract);
	while (a->depth > 0)
		screen_free(a->stack[--a->depth]);
	flow_clear(&a->chrome);
	flow_clear(&a->gutter);
	flow_clear(&a->modal);
	print_overlay_free(a->print);
	player_free(a->player);
	speak_free(a->speak);
	app_staff_free(a);
	free(a->usb_bundle);
	for (size_t i = 0; i < a->n_usb_sticks; i++)
		free(a->usb_sticks[i]);
	free(a->usb_sticks);
	textruns_clear(&a->runs);
	free(a);
}

void app_set_lang(app *a, const char *code)
{
	if (strlen(code) >= sizeof a->lang)
		return;
	if (!i18n_set_code(code))
		i18n_set_code("vi"); /* a content language without a UI translation */
	snprintf(a->lang, sizeof a->lang, "%s", code);
	/* Lists, news, hotlines: their text in the new language. */
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i]->ops->reload)
			a->stack[i]->ops->reload(a->stack[i], a);
	if (a->attract && a->attract->ops->reload)
		a->attract->ops->reload(a->attract, a);
	a->gen++;
	a->chrome_stale = true;
	a->dirty = true;
}

const char *app_content_lang(app *a)
{
	if (!a->cat || !strcmp(a->lang, "vi"))
		return NULL;
	char **v;
	size_t n = catalog_langs(a->cat, &v);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		found |= !strcmp(v[i], a->lang);
		free(v[i]);
	}
	free(v);
	return found ? a->lang : NULL;
}

void app_summaries_translate(app *a, proc_summary *v, size_t n)
{
	if (a->cat)
		catalog_summaries_translate(a->cat, app_content_lang(a), v, n);
}

char *app_marked(const char *text, bool marked)
{
	return marked ? xasprintf("%s %s", text ? text : "", _("(in Vietnamese)")) : xstrdup(text ? text : "");
}

char *app_marked_row(const char *text, bool marking, unsigned translated, int kind, size_t member)
{
	return app_marked(text, marking && !catalog_row_translated(translated, kind, member));
}

/* A new citizen gets the kiosk as the first one found it. */
static void reset_session(app *a)
{
	player_stop(a);
	app_home(a);
	print_overlay_end_session(a);
	speak_reset(a);
	gfx_audio_suspend(); /* no audio thread awake while the kiosk waits */
	screen_free(a->stack[0]);
	a->stack[0] = screen_home_new(a);
	if (!a->attract)
		a->attract = screen_attract_new(a);
	if (strcmp(a->lang, a->start_lang))
		app_set_lang(a, a->start_lang);
	if (a->large_text) {
		a->large_text = false;
		layout_metrics(&a->m, a->m.w, a->m.h, false);
	}
	a->gen++;
	a->chrome_stale = true;
	a->rated = false;
	a->rating_dossier[0] = 0;
	a->rating_offered = false;
	a->session = 0;
	a->dirty = true;
}

static void wake(app *a)
{
	screen_free(a->attract);
	a->attract = NULL;
	begin_session(a);
	a->chrome_stale = true;
	a->dirty = true;
}

static void header_action(app *a, int action)
{
	switch (action) {
	case HEADER_ACT_LANG:
		if (top(a)->ops->id != SCREEN_LANG)
			app_push(a, screen_lang_new(a));
		break;
	case HEADER_ACT_TEXT_SIZE:
		a->large_text = !a->large_text;
		layout_metrics(&a->m, a->m.w, a->m.h, a->large_text);
		a->gen++;
		break;
	case HEADER_ACT_BACK: app_pop(a); break;
	case HEADER_ACT_HOME: app_home(a); break;
	case HEADER_ACT_READ: speak_toggle(a); break;
	default: break;
	}
	a->chrome_stale = true;
	a->dirty = true;
}

/* What is under (x, y): the layer's flow and its hit, in the order taps go. */
typedef enum layer { LAYER_NONE, LAYER_CHROME, LAYER_GUTTER, LAYER_FIXED, LAYER_CONTENT, LAYER_PRINT, LAYER_SPEAK } layer;

static layer hit_at(app *a, float fx, float fy, const flow_target **hit, gfx_rect *screen_rect)
{
	int x = (int)fx, y = (int)fy;
	screen *s = top(a);
	*hit = NULL;
	if (print_overlay_shown(a->print)) { /* it covers everything */
		if ((*hit = flow_hit_at(print_overlay_flow(a), x, y))) {
			*screen_rect = (*hit)->r;
			return LAYER_PRINT;
		}
		return LAYER_NONE;
	}
	flow *bar = speak_bar(a); /* the reading bar lies over the screen */
	if (bar && (*hit = flow_hit_at(bar, x, y))) {
		*screen_rect = (*hit)->r;
		return LAYER_SPEAK;
	}
	if ((*hit = flow_hit_at(&a->chrome, x, y))) {
		*screen_rect = (*hit)->r;
		return LAYER_CHROME;
	}
	if ((*hit = flow_hit_at(&a->gutter, x, y))) {
		*screen_rect = (*hit)->r;
		return LAYER_GUTTER;
	}
	if ((*hit = flow_hit_at(&s->fixed, x, y))) {
		*screen_rect = (*hit)->r;
		return LAYER_FIXED;
	}
	if (s->view.w > 0 && rect_contains(s->view, x, y)) {
		int off = (int)s->scroll.offset;
		if ((*hit = flow_hit_at(&s->content, x - s->view.x, y - s->view.y + off))) {
			gfx_rect r = (*hit)->r;
			*screen_rect = rect_intersect((gfx_rect){r.x + s->view.x, r.y + s->view.y - off, r.w, r.h},
						      s->view);
			return LAYER_CONTENT;
		}
	}
	return LAYER_NONE;
}

static void tap(app *a, float x, float y)
{
	const flow_target *hit;
	gfx_rect r;
	layer l = hit_at(a, x, y, &hit, &r);
	screen *s = top(a);
	switch (l) {
	case LAYER_CHROME:
		header_action(a, hit->action);
		break;
	case LAYER_PRINT:
		print_overlay_action(a, hit->action, hit->arg);
		break;
	case LAYER_SPEAK:
		speak_bar_action(a, hit->action);
		break;
	case LAYER_GUTTER:
		scroll_by(&s->scroll, (hit->action == APP_ACT_PAGE_UP ? -0.8f : 0.8f) * s->view.h);
		a->dirty = true;
		break;
	case LAYER_FIXED:
	case LAYER_CONTENT: {
		int action = hit->action, arg = hit->arg; /* the flow may be rebuilt */
		unsigned serial = a->nav_serial;
		s->ops->action(s, a, action, arg);
		if (serial == a->nav_serial) /* still the same screen: its state changed */
			app_invalidate(a);
		break;
	}
	default:
		break;
	}
}

void app_tap_at(app *a, float x, float y) { tap(a, x, y); }

static void long_press(app *a, float x, float y)
{
	if (!rect_contains(a->logo, (int)x, (int)y) || print_overlay_shown(a->print))
		return;
	screen_id id = top(a)->ops->id;
	if (id == SCREEN_PIN || id == SCREEN_STAFF || id == SCREEN_USB || id == SCREEN_REPORT)
		return;
	app_push(a, screen_pin_new(a));
}

static void on_gesture(app *a, gesture_out o)
{
	screen *s = top(a);
	switch (o.kind) {
	case GESTURE_PRESS: {
		const flow_target *hit;
		gfx_rect r;
		a->touch_in_view = s->view.w > 0 && rect_contains(s->view, (int)o.x, (int)o.y) &&
				   !print_overlay_shown(a->print);
		/* A touch on a gliding list stops it and does nothing else; a touch
		 * on the header, a navigation button or the keyboard still works. */
		a->stopped_fling = s->scroll.animating && a->touch_in_view;
		scroll_stop(&s->scroll);
		a->dragging = false;
		a->press = hit_at(a, o.x, o.y, &hit, &r) != LAYER_NONE && !a->stopped_fling ? r : (gfx_rect){0, 0, 0, 0};
		a->dirty = true;
		break;
	}
	case GESTURE_DRAG:
		if (a->press.w) {
			a->press.w = 0;
			a->dirty = true;
		}
		if (a->touch_in_view && s->scroll.max > 0) {
			scroll_drag(&s->scroll, !a->dragging, o.dy);
			a->dirty = true;
		}
		a->dragging = true;
		break;
	case GESTURE_DRAG_END:
		if (a->touch_in_view && s->scroll.max > 0)
			scroll_release(&s->scroll, o.vy, a->now);
		a->press.w = 0;
		a->dirty = true;
		break;
	case GESTURE_TAP:
		a->press.w = 0;
		a->dirty = true;
		if (!a->stopped_fling)
			tap(a, o.x, o.y);
		break;
	case GESTURE_LONG_PRESS:
		a->press.w = 0;
		a->dirty = true;
		long_press(a, o.x, o.y);
		break;
	case GESTURE_CANCEL:
		a->press.w = 0;
		a->dirty = true;
		break;
	default:
		break;
	}
}

/* A new minute on the wall clock (it ticked, or was set): the header shows
 * it, and when the clock became right or known to be wrong, the staff
 * area's warning and the screens follow at once. True when it changed. */
static bool follow_clock(app *a)
{
	int64_t minute = app_wall_ms(a) / 60000;
	if (minute == a->shown_minute)
		return false;
	a->shown_minute = minute;
	bool right = app_clock_right(a);
	if (right != a->clock_right_shown) {
		a->clock_right_shown = right;
		a->gen++;
	}
	a->chrome_stale = true;
	a->dirty = true;
	return true;
}

static void run_timers(app *a, int64_t now)
{
	screen *s = top(a);
	on_gesture(a, gesture_tick(&a->gest, now));
	if (scroll_tick(&s->scroll, now))
		a->dirty = true;
	switch (idle_tick(&a->idle, now)) {
	case IDLE_TO_PROMPT:
	case IDLE_COUNTDOWN:
		gesture_swallow(&a->gest);
		a->press.w = 0;
		layout_modal(a);
		a->dirty = true;
		break;
	case IDLE_TO_ATTRACT:
		reset_session(a);
		break;
	default:
		break;
	}
	s = top(a);
	if (s->ops->tick && s->ops->deadline && s->ops->deadline(s, a) <= now)
		s->ops->tick(s, a, now);
	if (print_overlay_deadline(a) <= now)
		print_overlay_tick(a, now);
	if (player_deadline(a) <= now)
		player_tick(a, now);
	if (speak_deadline(a) <= now)
		speak_tick(a, now);
	follow_clock(a);
}

void app_handle_event(app *a, const ui_event *ev, int64_t now)
{
	if (now > a->now)
		a->now = now;
	switch (ev->type) {
	case UI_EV_DOWN:
		if (a->attract || a->idle.phase == IDLE_PROMPT) {
			/* The touch that wakes the kiosk presses nothing under it. */
			if (a->attract)
				wake(a);
			idle_touch(&a->idle, a->now);
			gesture_down(&a->gest, ev->id, ev->x, ev->y, a->now);
			gesture_swallow(&a->gest);
			a->dirty = true;
			break;
		}
		idle_touch(&a->idle, a->now);
		speak_touch(a, ev->x, ev->y);
		on_gesture(a, gesture_down(&a->gest, ev->id, ev->x, ev->y, a->now));
		break;
	case UI_EV_MOVE:
		if (gesture_active(&a->gest))
			idle_touch(&a->idle, a->now);
		on_gesture(a, gesture_move(&a->gest, ev->id, ev->x, ev->y, a->now));
		break;
	case UI_EV_UP:
		if (gesture_active(&a->gest))
			idle_touch(&a->idle, a->now);
		on_gesture(a, gesture_up(&a->gest, ev->id, ev->x, ev->y, a->now));
		break;
	case UI_EV_TICK:
		run_timers(a, a->now);
		break;
	case UI_EV_EXPOSE:
		a->dirty = true;
		break;
	case UI_EV_USB_INSERTED:
	case UI_EV_USB_REMOVED:
		/* Staff are at the kiosk: the stick's prompt shows at once,
		 * not under the attract screen or the idle question. */
		if (ev->type == UI_EV_USB_INSERTED && a->attract)
			wake(a);
		if (!a->attract)
			idle_touch(&a->idle, a->now);
		staff_usb_event(a, ev);
		break;
	case UI_EV_KEY: {
		/* A receipt scanned on any screen opens its status (scanner.h):
		 * a fast run of characters ended by Enter. */
		char code[SCANNER_MAX_CHARS + 1];
		if (scanner_key(&a->scan, ev->sym, a->now, code) && !print_overlay_shown(a->print) &&
		    screen_dossier_available(a)) {
			if (a->attract)
				wake(a);
			idle_touch(&a->idle, a->now);
			screen_dossier_open(a, code);
			break;
		}
		/* The keypad (speak.h): a key wakes the kiosk and answers the
		 * idle question like a touch. Other keys mean nothing. */
		if (ev->key == GFX_KEY_OTHER || !a->speak)
			break;
		if (a->attract)
			wake(a);
		/* The key that answers "are you still there?" does only that;
		 * the voice then says where the citizen was (speak.c). */
		bool answers = a->idle.phase == IDLE_PROMPT;
		idle_touch(&a->idle, a->now);
		relayout(a);
		if (!answers)
			speak_key(a, ev->key);
		a->dirty = true;
		break;
	}
	default:
		break;
	}
	relayout(a);
	speak_after_event(a);
}

bool app_needs_frame(const app *a) { return a->dirty; }

int64_t app_next_deadline(const app *a)
{
	screen *s = top(a);
	int64_t d = idle_deadline(&a->idle);
	int64_t g = gesture_deadline(&a->gest);
	int64_t sc = scroll_deadline(&s->scroll);
	if (g < d)
		d = g;
	if (sc < d)
		d = sc;
	if (s->ops->deadline) {
		int64_t t = s->ops->deadline(s, (app *)a);
		if (t < d)
			d = t;
	}
	int64_t p = print_overlay_deadline(a);
	if (p < d)
		d = p;
	p = player_deadline(a);
	if (p < d)
		d = p;
	int64_t sp = speak_deadline(a);
	if (sp < d)
		d = sp;
	int64_t next_minute = (app_wall_ms(a) / 60000 + 1) * 60000 - a->wall_offset;
	return next_minute < d ? next_minute : d;
}

/* A recording plays in real time: a script's fake clock must let it. */
bool app_waits_outside(const app *a)
{
	return print_overlay_waits_outside(a->print) || player_playing(a, NULL) ||
	       (a->dossier_job && dossier_job_busy(a->dossier_job));
}

bool app_busy(const app *a) { return staff_usb_busy(a); }

void app_draw(app *a, gfx *g)
{
	const ui_metrics *m = &a->m;
	gfx_rect screen_r = {0, 0, m->w, m->h};
	textruns_reset(&a->runs);
	gfx_begin(g, UI_BG);
	if (a->idle.phase == IDLE_PROMPT && !a->attract) {
		/* An opaque page of its own: nothing under it competes for the eye. */
		draw_flow(g, &a->runs, &a->modal, 0, 0, screen_r, screen_r);
		speak_draw(a, g);
		a->dirty = false;
		return;
	}
	if (print_overlay_shown(a->print) && !a->attract) {
		draw_flow(g, &a->runs, print_overlay_flow(a), 0, 0, screen_r, screen_r);
		if (a->press.w > 0)
			gfx_round_rect(g, a->press, m->radius, UI_PRESSED);
		speak_draw(a, g); /* the ring is on the overlay's buttons */
		a->dirty = false;
		return;
	}
	screen *s = top(a);
	draw_flow(g, &a->runs, &a->chrome, 0, 0, screen_r, screen_r);
	draw_flow(g, &a->runs, &s->fixed, 0, 0, screen_r, screen_r);
	if (s->view.w > 0) {
		int off = (int)s->scroll.offset;
		int ch = s->content.extent > s->view.h ? s->content.extent : s->view.h;
		draw_flow(g, &a->runs, &s->content, s->view.x, s->view.y - off, s->view,
			  (gfx_rect){0, 0, s->view.w, ch});
		if (a->gutter.n) {
			draw_flow(g, &a->runs, &a->gutter, 0, 0, screen_r, screen_r);
			/* the thumb: where we are and how much there is */
			int x = s->view.x + s->view.w + m->gutter / 2 - layout_px(m, 5);
			int y0 = s->view.y + m->touch + 2 * m->gap, y1 = s->view.y + s->view.h - m->touch - 2 * m->gap;
			int track = y1 - y0;
			if (track > 0) {
				int total = s->content.extent + m->pad;
				int th = (int)((int64_t)track * s->view.h / (total > 0 ? total : 1));
				if (th < m->touch / 2)
					th = m->touch / 2;
				if (th > track)
					th = track;
				int ty = y0 + (s->scroll.max > 0 ? (int)((track - th) * (s->scroll.offset / s->scroll.max)) : 0);
				gfx_round_rect(g, (gfx_rect){x, y0, layout_px(m, 10), track}, layout_px(m, 5), UI_BRAND_LIGHT);
				gfx_round_rect(g, (gfx_rect){x, ty, layout_px(m, 10), th}, layout_px(m, 5), UI_BRAND);
			}
		}
	}
	if (a->press.w > 0)
		gfx_round_rect(g, a->press, m->radius, UI_PRESSED);
	speak_draw(a, g);
	a->dirty = false;
}

void app_set_catalog(app *a, catalog *c)
{
	a->cat = c;
	a->clock_right_shown = app_clock_right(a); /* another issue date */
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i]->ops->reload)
			a->stack[i]->ops->reload(a->stack[i], a);
	if (a->attract && a->attract->ops->reload)
		a->attract->ops->reload(a->attract, a);
	a->gen++;
	a->chrome_stale = true;
	a->dirty = true;
	relayout(a);
}

bool app_shows_dossier_list(const app *a)
{
	return a->attract || (a->depth == 1 && a->idle.phase != IDLE_PROMPT && !print_overlay_shown(a->print));
}

void app_dossiers_changed(app *a)
{
	if (a->attract && a->attract->ops->reload)
		a->attract->ops->reload(a->attract, a);
	a->gen++; /* home lays its tiles out again when shown */
	a->chrome_stale = true;
	a->dirty = true;
	relayout(a);
}

void app_set_wall_clock(app *a, int64_t wall_ms, int64_t now)
{
	/* The wall clock is read at now: the header's minute must be taken at
	 * the same moment, not at the last event's (up to a minute behind). */
	if (now > a->now)
		a->now = now;
	a->wall_offset = wall_ms - now;
	/* The system clock was set (NTP, staff): the header shows the new
	 * minute on the next frame, not when the old minute would have ended. */
	if (follow_clock(a))
		relayout(a);
}

bool app_clock_right(const app *a)
{
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	return wallclock_check((time_t)(app_wall_ms(a) / 1000), info ? info->date : NULL, wallclock_build_time()) ==
	       WALLCLOCK_OK;
}

bool app_finished(const app *a, int *status)
{
	if (a->finished && status)
		*status = a->exit_status;
	return a->finished;
}

const char *app_screen_name(const app *a)
{
	if (a->idle.phase == IDLE_PROMPT && !a->attract)
		return "idle-prompt";
	if (print_overlay_shown(a->print) && !a->attract)
		return "print";
	return screen_name(top(a));
}

bool app_key_center(const app *a, int ch, float *x, float *y)
{
	if (a->attract || a->idle.phase == IDLE_PROMPT || print_overlay_shown(a->print))
		return false;
	const flow *f = &top(a)->fixed;
	for (size_t i = 0; i < f->n_hits; i++)
		if (f->hits[i].action == KEYBOARD_ACT_KEY && f->hits[i].arg == ch) {
			*x = f->hits[i].r.x + f->hits[i].r.w / 2.0f;
			*y = f->hits[i].r.y + f->hits[i].r.h / 2.0f;
			return true;
		}
	return false;
}

textruns *app_text_runs(app *a) { return &a->runs; }

const char *app_spoken(const app *a, unsigned *serial) { return speak_said(a, serial); }
