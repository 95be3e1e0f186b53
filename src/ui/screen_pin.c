/* screen_pin — the staff PIN pad, opened by a long press on the emblem.
 * Six digits; the PIN is checked when the sixth is typed, through pin.h
 * (hashed PIN, lockout after repeated wrong tries). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "keyboard.h"
#include "widgets.h"

typedef struct pin_state {
	char digits[PIN_LENGTH + 1];
	int n;
	enum { PIN_MSG_NONE, PIN_MSG_WRONG, PIN_MSG_LOCKED } msg;
	int tries_left;
} pin_state;

static const char *pin_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Staff area");
}

static void pin_layout(screen *s, app *a, gfx_rect body)
{
	pin_state *p = s->state;
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	int key = layout_px(m, 130);
	int pad_w = 3 * key + 2 * m->gap;
	int x = body.x + (body.w - pad_w) / 2, y = body.y + m->pad;
	const char *prompt = _("Enter the 6-digit staff PIN");
	int pw = flow_text_width(f, GFX_BOLD, m->px_h2, prompt);
	int wmax = body.w - 2 * m->pad;
	y += flow_para(f, GFX_BOLD, m->px_h2, UI_INK, pw < wmax ? body.x + (body.w - pw) / 2 : body.x + m->pad, y,
		       wmax, prompt, 0) + m->gap;
	/* one box per digit, filled as they are typed; the digits never show */
	int dot = layout_px(m, 56);
	int dots_w = PIN_LENGTH * dot + (PIN_LENGTH - 1) * m->gap;
	for (int i = 0; i < PIN_LENGTH; i++) {
		gfx_rect r = {body.x + (body.w - dots_w) / 2 + i * (dot + m->gap), y, dot, dot};
		if (i < p->n)
			flow_box(f, r, dot / 2, UI_BRAND);
		else
			flow_outline(f, r, dot / 2, m->border, UI_BRAND);
	}
	y += dot + m->gap;
	char msg[160] = "";
	uint64_t left = pin_guard_remaining_ms(&a->pin, (uint64_t)a->now);
	if (left > 0)
		snprintf(msg, sizeof msg, _("Too many wrong tries. Try again in %d minutes."),
			 (int)((left + 59999) / 60000));
	else if (p->msg == PIN_MSG_WRONG)
		snprintf(msg, sizeof msg, _("Wrong PIN. %d tries left."), p->tries_left);
	int lh = flow_line_height(f, GFX_BOLD, m->px_body);
	if (*msg) {
		int mw = flow_text_width(f, GFX_BOLD, m->px_body, msg);
		flow_para(f, GFX_BOLD, m->px_body, UI_ALERT, mw < wmax ? body.x + (body.w - mw) / 2 : body.x + m->pad, y,
			  wmax, msg, 2);
	}
	y += 2 * lh + m->gap;
	int avail = body.y + body.h - m->pad - y;
	if (4 * key + 3 * m->gap > avail) {
		key = (avail - 3 * m->gap) / 4;
		if (key < m->touch)
			key = m->touch;
		pad_w = 3 * key + 2 * m->gap;
		x = body.x + (body.w - pad_w) / 2;
	}
	static const char labels[] = "123456789";
	for (int i = 0; i < 9; i++) {
		char l[2] = {labels[i], 0};
		widgets_button(f, m, (gfx_rect){x + (i % 3) * (key + m->gap), y + (i / 3) * (key + m->gap), key, key}, l,
			       m->px_key, WIDGET_SECONDARY, WIDGET_NO_ICON, KEYBOARD_ACT_KEY, labels[i]);
	}
	int y4 = y + 3 * (key + m->gap);
	widgets_button(f, m, (gfx_rect){x, y4, key, key}, _("Clear"), m->px_body, WIDGET_TAB, WIDGET_NO_ICON,
		       KEYBOARD_ACT_CLEAR, 0);
	widgets_button(f, m, (gfx_rect){x + key + m->gap, y4, key, key}, "0", m->px_key, WIDGET_SECONDARY,
		       WIDGET_NO_ICON, KEYBOARD_ACT_KEY, '0');
	widgets_button(f, m, (gfx_rect){x + 2 * (key + m->gap), y4, key, key}, "", m->px_body, WIDGET_TAB,
		       WIDGET_NO_ICON, KEYBOARD_ACT_DELETE, 0);
	widgets_icon(f, (gfx_rect){x + 2 * (key + m->gap) + key / 3, y4 + key / 3, key / 3, key / 3}, WIDGET_BACK,
		     UI_BRAND);
}

static void pin_action(screen *s, app *a, int action, int arg)
{
	pin_state *p = s->state;
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
	pin_result r = pin_guard_try(&a->pin, a->cfg ? a->cfg->pin_hash : NULL, p->digits, (uint64_t)a->now);
	memset(p->digits, 0, sizeof p->digits);
	p->n = 0;
	if (r == PIN_OK) {
		app_pop(a);
		app_push(a, screen_staff_new(a));
		return;
	}
	p->msg = r == PIN_LOCKED ? PIN_MSG_LOCKED : PIN_MSG_WRONG;
	p->tries_left = pin_guard_tries_left(&a->pin, (uint64_t)a->now);
}

static void pin_destroy(void *state)
{
	pin_state *p = state;
	memset(p, 0, sizeof *p); /* no digits left behind in freed memory */
	free(p);
}

static const screen_ops pin_ops = {
	.id = SCREEN_PIN,
	.name = "pin",
	.title = pin_title,
	.layout = pin_layout,
	.action = pin_action,
	.destroy = pin_destroy,
};

screen *screen_pin_new(app *a)
{
	(void)a;
	return screen_new(&pin_ops, xcalloc(1, sizeof(pin_state)));
}
