/* screen_pin — the staff PIN pad. Six digits; the PIN is checked when the
 * sixth is typed, through pin.h (hashed PIN, lockout after repeated wrong
 * tries, the time left shown while locked). Three uses:
 *  - the staff area, opened by a long press on the emblem;
 *  - a USB stick with a catalogue was plugged in: the same check, then the
 *    update screen (nothing from the stick is shown before the PIN);
 *  - a new PIN, typed twice, saved in the store's staff.state (the staff
 *    area's "Change PIN"; the staff are already in, so no check and no lock).
 * When no PIN may open the staff area (a configuration or staff.state that
 * cannot be trusted, staff_pin.c), the pad says why and checks nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "staff_usb.h"
#include "core/xalloc.h"
#include "keyboard.h"
#include "widgets.h"

typedef enum pin_purpose { PIN_FOR_STAFF, PIN_FOR_USB, PIN_FOR_NEW } pin_purpose;

typedef struct pin_state {
	pin_purpose purpose;
	char digits[PIN_LENGTH + 1];
	int n;
	char first[PIN_LENGTH + 1]; /* PIN_FOR_NEW: the new PIN typed the first time */
	enum { PIN_MSG_NONE, PIN_MSG_WRONG, PIN_MSG_LOCKED, PIN_MSG_MISMATCH, PIN_MSG_DEFAULT, PIN_MSG_SAVE, PIN_MSG_REFUSED } msg;
	int tries_left;
	char *save_error; /* PIN_MSG_SAVE: why the new PIN was not saved */
	int shown_seconds; /* of the lock, as last laid out */
	int64_t next_second; /* when the lock's time left shows one second less */
} pin_state;

static const char *pin_title(screen *s, app *a)
{
	pin_state *p = s->state;
	(void)a;
	switch (p->purpose) {
	case PIN_FOR_USB: return _("Catalogue update");
	case PIN_FOR_NEW: return _("Change the PIN");
	default: return _("Staff area");
	}
}

/* A centred paragraph inside col; returns its height. Without draw it is
 * only measured. */
static int centred(flow *f, const ui_metrics *m, gfx_rect col, int y, gfx_font font, int px, gfx_color c,
		   const char *text, bool draw)
{
	int wmax = col.w - 2 * m->pad;
	if (!draw)
		return flow_para_height(f, font, px, wmax, text, 0);
	size_t first = f->n;
	int h = flow_para(f, font, px, c, col.x + m->pad, y, wmax, text, 0);
	for (size_t i = first; i < f->n; i++) /* each line centred */
		if (f->items[i].kind == FLOW_TEXT)
			f->items[i].r.x = col.x + (col.w - f->items[i].r.w) / 2;
	return h;
}

/* What a stick brings up, in place of anything that is on it. */
static int usb_message(flow *f, const ui_metrics *m, gfx_rect col, int y, bool draw)
{
	return centred(f, m, col, y, GFX_BOLD, m->px_h2, UI_BRAND,
		       _("A USB stick with a catalogue update was plugged in. Staff: enter the PIN to continue."), draw);
}

/* The message under the digits, or "" (into msg). */
static gfx_color pin_message(const pin_state *p, app *a, char *msg, size_t n)
{
	char try_again[96];
	snprintf(try_again, sizeof try_again, _("Try again in %d:%02d."), p->shown_seconds / 60, p->shown_seconds % 60);
	*msg = 0;
	if (p->shown_seconds > 0) /* two lines: the time left on a line of its own */
		snprintf(msg, n, "%s\n%s", _("Too many wrong tries: the PIN pad is locked."), try_again);
	else if (p->msg == PIN_MSG_WRONG)
		snprintf(msg, n, _("Wrong PIN. %d tries left."), p->tries_left);
	else if (p->msg == PIN_MSG_MISMATCH)
		snprintf(msg, n, "%s", _("The two PINs are not the same. Start again."));
	else if (p->msg == PIN_MSG_DEFAULT)
		snprintf(msg, n, "%s", _("000000 is the default PIN that everyone knows. Choose another."));
	else if (p->msg == PIN_MSG_SAVE)
		snprintf(msg, n, "%s", p->save_error ? p->save_error : "");
	else if (p->purpose != PIN_FOR_NEW && a->pin_refused)
		snprintf(msg, n, "%s", a->pin_refused); /* before any try: staff see why at once */
	else if (p->purpose == PIN_FOR_NEW) {
		snprintf(msg, n, "%s", _("Choose six digits that are hard to guess."));
		return UI_MUTED;
	}
	return UI_ALERT;
}

/* The words above the keys: what the stick asks, the prompt, one box per
 * digit (filled as they are typed; the digits never show) and the
 * message. Returns the height; adds nothing unless draw. */
static int pin_text(flow *f, const ui_metrics *m, pin_state *p, app *a, gfx_rect col, int y0, bool draw,
		    bool usb_line)
{
	int y = y0;
	if (usb_line)
		y += usb_message(f, m, col, y, draw) + m->gap;
	const char *prompt = _("Enter the 6-digit staff PIN");
	if (p->purpose == PIN_FOR_NEW)
		prompt = p->first[0] ? _("Enter the new PIN again") : _("Enter a new 6-digit PIN");
	y += centred(f, m, col, y, GFX_BOLD, m->px_h2, UI_INK, prompt, draw) + m->gap;
	int dot = layout_px(m, 56);
	int dots_w = PIN_LENGTH * dot + (PIN_LENGTH - 1) * m->gap;
	for (int i = 0; draw && i < PIN_LENGTH; i++) {
		gfx_rect r = {col.x + (col.w - dots_w) / 2 + i * (dot + m->gap), y, dot, dot};
		if (i < p->n)
			flow_box(f, r, dot / 2, UI_BRAND);
		else
			flow_outline(f, r, dot / 2, m->border, UI_BRAND);
	}
	y += dot + m->gap;
	char msg[2048];
	gfx_color color = pin_message(p, a, msg, sizeof msg);
	/* Room for two lines whether or not there is a message, so the keys
	 * do not jump when one appears; a longer one takes more. */
	int msg_h = 2 * flow_line_height(f, GFX_BOLD, m->px_body);
	if (*msg) {
		int h = centred(f, m, col, y, GFX_BOLD, m->px_body, color, msg, draw);
		if (h > msg_h)
			msg_h = h;
	}
	return y + msg_h - y0;
}

/* Width of the widest word of s in bold at px. */
static int widest_word(flow *f, int px, const char *s)
{
	int widest = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		char word[64];
		snprintf(word, sizeof word, "%.*s", (int)n, s);
		int w = flow_text_width(f, GFX_BOLD, px, word);
		if (w > widest)
			widest = w;
		s += n;
		s += strspn(s, " ");
	}
	return widest;
}

static void pin_keys(flow *f, const ui_metrics *m, int x, int y, int key)
{
	static const char labels[] = "123456789";
	for (int i = 0; i < 9; i++) {
		char l[2] = {labels[i], 0};
		widgets_button(f, m, (gfx_rect){x + (i % 3) * (key + m->gap), y + (i / 3) * (key + m->gap), key, key}, l,
			       m->px_key, WIDGET_SECONDARY, WIDGET_NO_ICON, KEYBOARD_ACT_KEY, labels[i]);
	}
	int y4 = y + 3 * (key + m->gap);
	/* "Clear" in two words on a narrow key: smaller type before a word breaks */
	const char *clear = _("Clear");
	int px = m->px_body;
	if (widest_word(f, px, clear) > key - 2 * m->border - layout_px(m, 8))
		px = m->px_small;
	widgets_button(f, m, (gfx_rect){x, y4, key, key}, clear, px, WIDGET_TAB, WIDGET_NO_ICON, KEYBOARD_ACT_CLEAR, 0);
	widgets_button(f, m, (gfx_rect){x + key + m->gap, y4, key, key}, "0", m->px_key, WIDGET_SECONDARY,
		       WIDGET_NO_ICON, KEYBOARD_ACT_KEY, '0');
	widgets_button(f, m, (gfx_rect){x + 2 * (key + m->gap), y4, key, key}, "", m->px_body, WIDGET_TAB,
		       WIDGET_NO_ICON, KEYBOARD_ACT_DELETE, 0);
	widgets_icon(f, (gfx_rect){x + 2 * (key + m->gap) + key / 3, y4 + key / 3, key / 3, key / 3}, WIDGET_BACK,
		     UI_BRAND);
}

static void pin_layout(screen *s, app *a, gfx_rect body)
{
	pin_state *p = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	uint64_t left = p->purpose == PIN_FOR_NEW ? 0 : pin_guard_remaining_ms(&a->pin, (uint64_t)a->now);
	p->shown_seconds = (int)((left + 999) / 1000);
	p->next_second = left ? a->now + (int64_t)left - (int64_t)(p->shown_seconds - 1) * 1000 : INT64_MAX;
	int key = layout_px(m, 130);
	int pad_h = 4 * key + 3 * m->gap;
	/* On a landscape screen the words go left of the keys, which keep
	 * their full size; on a portrait one, above them. */
	if (m->w > m->h) {
		if (p->purpose == PIN_FOR_USB) { /* across the top, on one line */
			int uh = usb_message(f, m, body, body.y + m->pad, true) + m->pad;
			body.y += uh;
			body.h -= uh;
		}
		gfx_rect col = {body.x, body.y, body.w * 55 / 100, body.h};
		int th = pin_text(f, m, p, a, col, 0, false, false);
		pin_text(f, m, p, a, col, body.y + (body.h - th) / 2, true, false);
		int avail = body.h - 2 * m->pad;
		if (pad_h > avail) {
			key = (avail - 3 * m->gap) / 4;
			pad_h = 4 * key + 3 * m->gap;
		}
		int pad_w = 3 * key + 2 * m->gap;
		int kx = col.x + col.w, kw = body.x + body.w - kx;
		pin_keys(f, m, kx + (kw - pad_w) / 2, body.y + (body.h - pad_h) / 2, key);
		return;
	}
	/* Portrait: bigger keys under the words, the block a little above the
	 * middle of the screen rather than stuck to its top. */
	key = layout_px(m, 160);
	pad_h = 4 * key + 3 * m->gap;
	bool usb = p->purpose == PIN_FOR_USB;
	int th = pin_text(f, m, p, a, body, 0, false, usb) + m->pad;
	int avail = body.h - 2 * m->pad - th;
	if (pad_h > avail) {
		key = (avail - 3 * m->gap) / 4;
		if (key < m->touch)
			key = m->touch;
		pad_h = 4 * key + 3 * m->gap;
	}
	int spare = body.h - 2 * m->pad - th - pad_h;
	int y = body.y + m->pad + (spare > 0 ? spare / 3 : 0);
	y += pin_text(f, m, p, a, body, y, true, usb) + m->pad;
	int pad_w = 3 * key + 2 * m->gap;
	pin_keys(f, m, body.x + (body.w - pad_w) / 2, y, key);
}

/* The second entry of a new PIN matched the first: hash and save it.
 * On success the pad is closed (p is freed). */
static void new_pin_save(pin_state *p, app *a, const char *pin)
{
	char *hash = pin_hash_new(pin);
	free(p->save_error);
	p->save_error = hash ? app_staff_set_pin(a, hash)
			     : xasprintf(_("Cannot compute the PIN hash (%s). The PIN was not changed."), strerror(ENOMEM));
	if (p->save_error) {
		p->msg = PIN_MSG_SAVE;
		return;
	}
	app_pop(a);
	screen_staff_notice(a, _("The PIN was changed. Use the new PIN from now on."));
}

/* May close the pad (p is freed). */
static void new_pin_entered(pin_state *p, app *a, const char *pin)
{
	if (!p->first[0]) {
		if (!strcmp(pin, PIN_DEFAULT)) {
			p->msg = PIN_MSG_DEFAULT;
			return;
		}
		memcpy(p->first, pin, sizeof p->first);
		p->msg = PIN_MSG_NONE;
		return;
	}
	bool same = !strcmp(p->first, pin);
	memset(p->first, 0, sizeof p->first);
	if (!same) {
		p->msg = PIN_MSG_MISMATCH;
		return;
	}
	new_pin_save(p, a, pin);
}

static void pin_action(screen *s, app *a, int action, int arg)
{
	pin_state *p = s->state;
	if (p->purpose != PIN_FOR_NEW && pin_guard_remaining_ms(&a->pin, (uint64_t)a->now) > 0) {
		p->n = 0; /* locked: the pad takes nothing */
		return;
	}
	if (action == KEYBOARD_ACT_CLEAR) {
		p->n = 0;
	} else if (action == KEYBOARD_ACT_DELETE) {
		if (p->n > 0)
			p->n--;
	} else if (action == KEYBOARD_ACT_KEY && p->n < PIN_LENGTH && arg >= '0' && arg <= '9') {
		p->digits[p->n++] = (char)arg;
		p->msg = PIN_MSG_NONE;
	}
	p->digits[p->n] = 0;
	if (p->n < PIN_LENGTH)
		return;
	p->n = 0;
	if (p->purpose == PIN_FOR_NEW) {
		char pin[PIN_LENGTH + 1];
		memcpy(pin, p->digits, sizeof pin);
		memset(p->digits, 0, sizeof p->digits);
		new_pin_entered(p, a, pin); /* may free p */
		memset(pin, 0, sizeof pin);
		return;
	}
	if (a->pin_refused) {
		memset(p->digits, 0, sizeof p->digits);
		p->msg = PIN_MSG_REFUSED;
		return;
	}
	pin_result r = pin_guard_try(&a->pin, a->pin_hash, p->digits, (uint64_t)a->now);
	memset(p->digits, 0, sizeof p->digits);
	app_staff_sync(a); /* a restart must not lift the lock */
	if (r == PIN_OK) {
		pin_purpose purpose = p->purpose;
		app_pop(a); /* frees p */
		/* Imports refused: the staff area says why instead. */
		if (purpose == PIN_FOR_USB && a->usb_bundle && a->st && !a->import_refused &&
		    staff_usb_has_catalogue(a))
			app_push(a, screen_usb_new(a, a->usb_bundle));
		else
			app_push(a, screen_staff_new(a));
		return;
	}
	p->msg = r == PIN_LOCKED ? PIN_MSG_LOCKED : PIN_MSG_WRONG;
	p->tries_left = pin_guard_tries_left(&a->pin, (uint64_t)a->now);
}

/* While locked, the time left is shown to the second. */
static int64_t pin_deadline(screen *s, app *a)
{
	pin_state *p = s->state;
	(void)a;
	return p->purpose == PIN_FOR_NEW || p->shown_seconds <= 0 ? INT64_MAX : p->next_second;
}

static void pin_tick(screen *s, app *a, int64_t now)
{
	pin_state *p = s->state;
	(void)now;
	uint64_t left = pin_guard_remaining_ms(&a->pin, (uint64_t)a->now);
	if ((int)((left + 999) / 1000) != p->shown_seconds) {
		if (left == 0) {
			p->msg = PIN_MSG_NONE;
			app_staff_sync(a); /* the lock ran out */
		}
		app_invalidate(a);
	}
}

static void pin_destroy(void *state)
{
	pin_state *p = state;
	free(p->save_error);
	memset(p, 0, sizeof *p); /* no digits left behind in freed memory */
	free(p);
}

static const screen_ops pin_ops = {
	.id = SCREEN_PIN,
	.name = "pin",
	.title = pin_title,
	.layout = pin_layout,
	.action = pin_action,
	.deadline = pin_deadline,
	.tick = pin_tick,
	.destroy = pin_destroy,
};

static screen *pin_new(pin_purpose purpose)
{
	pin_state *p = xcalloc(1, sizeof *p);
	p->purpose = purpose;
	screen *s = screen_new(&pin_ops, p);
	s->name_override = purpose == PIN_FOR_USB ? "pin-usb" : purpose == PIN_FOR_NEW ? "pin-change" : NULL;
	return s;
}

screen *screen_pin_new(app *a)
{
	(void)a;
	return pin_new(PIN_FOR_STAFF);
}

screen *screen_pin_usb_new(app *a)
{
	(void)a;
	return pin_new(PIN_FOR_USB);
}

screen *screen_pin_change_new(app *a)
{
	(void)a;
	return pin_new(PIN_FOR_NEW);
}

bool screen_pin_is_for_usb(const screen *s)
{
	return s->ops == &pin_ops && ((const pin_state *)s->state)->purpose == PIN_FOR_USB;
}
