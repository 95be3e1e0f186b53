#include "print_overlay.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "printjob.h"
#include "widgets.h"

enum { PRINT_ACT_OK = 1, PRINT_ACT_FORM, PRINT_ACT_CLOSE };

typedef struct print_choice {
	char *name;
	int form; /* index in the procedure's forms */
} print_choice;

struct print_overlay {
	printjob *job;
	flow f;
	/* The choice of a blank form; n_choices = 0 when not choosing. */
	char *code;
	print_choice *choices;
	size_t n_choices;
};

print_overlay *print_overlay_new(const config *cfg, events *ev)
{
	print_overlay *o = xcalloc(1, sizeof *o);
	o->job = printjob_new(cfg ? cfg->printer : NULL, cfg ? cfg->max_prints : 5, ev);
	return o;
}

static void print_overlay_drop_choice(print_overlay *o)
{
	for (size_t i = 0; i < o->n_choices; i++)
		free(o->choices[i].name);
	free(o->choices);
	free(o->code);
	o->choices = NULL;
	o->code = NULL;
	o->n_choices = 0;
}

void print_overlay_free(print_overlay *o)
{
	if (!o)
		return;
	print_overlay_drop_choice(o);
	printjob_free(o->job);
	flow_clear(&o->f);
	free(o);
}

bool print_overlay_shown(const print_overlay *o)
{
	return o->n_choices > 0 || printjob_get_phase(o->job) != PRINTJOB_IDLE;
}

bool print_overlay_waits_outside(const print_overlay *o)
{
	return printjob_in_flight(o->job);
}

static bool printable(const item *form)
{
	return !str_empty(form->extra);
}

size_t print_overlay_form_count(const procedure *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->forms.n; i++)
		n += printable(&p->forms.v[i]);
	return n;
}

static void changed(app *a)
{
	a->press.w = 0;
	a->dirty = true;
}

void print_overlay_sheet(app *a, const procedure *p, bool summary)
{
	if (print_overlay_shown(a->print))
		return;
	char *what = xasprintf(summary ? _("Summary (1 page): %s") : _("Full guide: %s"), p->name);
	printjob_request(a->print->job, p->code, summary ? PRINTJOB_SUMMARY : PRINTJOB_SHEET, what,
	                 a->now);
	free(what);
	changed(a);
}

void print_overlay_forms(app *a, const procedure *p)
{
	print_overlay *o = a->print;
	if (print_overlay_shown(o))
		return;
	size_t n = print_overlay_form_count(p);
	if (n == 0)
		return;
	if (n == 1) {
		for (size_t i = 0; i < p->forms.n; i++)
			if (printable(&p->forms.v[i]))
				printjob_request(o->job, p->code, (int)i, p->forms.v[i].text,
				                 a->now);
		changed(a);
		return;
	}
	o->code = xstrdup(p->code);
	o->choices = xcalloc(n, sizeof *o->choices);
	for (size_t i = 0; i < p->forms.n; i++)
		if (printable(&p->forms.v[i])) {
			o->choices[o->n_choices].name = xstrdup(p->forms.v[i].text);
			o->choices[o->n_choices].form = (int)i;
			o->n_choices++;
		}
	changed(a);
}

/* Wrapped text with each line centred in w; returns the height. */
static int centred(flow *f, gfx_font font, int px, gfx_color c, int x, int y, int w, const char *s)
{
	size_t first = f->n;
	int h = flow_para(f, font, px, c, x, y, w, s, 0);
	for (size_t i = first; i < f->n; i++)
		if (f->items[i].kind == FLOW_TEXT)
			f->items[i].r.x = x + (w - f->items[i].r.w) / 2;
	return h;
}

/* Moves what was added from item `first` and hit `first_hit` down by dy. */
static void shift(flow *f, size_t first, size_t first_hit, int dy)
{
	for (size_t i = first; i < f->n; i++) {
		f->items[i].r.y += dy;
		if (f->items[i].kind == FLOW_TRIANGLE) {
			f->items[i].r.h += dy; /* the second corner's y */
			f->items[i].y3 += dy;
		}
	}
	for (size_t i = first_hit; i < f->n_hits; i++)
		f->hits[i].r.y += dy;
}

/* A disc with an exclamation mark: "something needs a person". */
static void alert_icon(flow *f, gfx_rect r, gfx_color c)
{
	int s = r.w, bar = s / 9 > 2 ? s / 9 : 2;
	flow_box(f, r, s / 2, c);
	flow_box(f, (gfx_rect){r.x + (s - bar) / 2, r.y + s / 5, bar, s * 2 / 5}, bar / 2,
	         UI_WHITE);
	flow_box(f, (gfx_rect){r.x + (s - bar) / 2, r.y + s * 2 / 3, bar, bar}, bar / 2, UI_WHITE);
}

/* The big button that closes the page. */
static int button(flow *f, const ui_metrics *m, int x, int y, int w, const char *label,
                  widget_style st, int action)
{
	int bw = widgets_button_width(f, m, label, m->px_h1, WIDGET_NO_ICON);
	if (bw < layout_px(m, 420))
		bw = layout_px(m, 420);
	if (bw > w)
		bw = w;
	int bh = m->touch + layout_px(m, 24);
	widgets_button(f, m, (gfx_rect){x + (w - bw) / 2, y, bw, bh}, label, m->px_h1, st,
	               WIDGET_NO_ICON, action, 0);
	return bh;
}

/* The choice of a blank form; returns the height used from y. */
static int choice(print_overlay *o, flow *f, const ui_metrics *m, int x, int y, int w, int max_h)
{
	int y0 = y;
	y +=
	    centred(f, GFX_BOLD, m->px_h1, UI_INK, x, y, w, _("Choose the form to print")) + m->pad;
	int close_h = m->touch + layout_px(m, 24);
	for (size_t i = 0; i < o->n_choices; i++) {
		int rh = widgets_row_height(f, m, w, o->choices[i].name, NULL, false);
		/* A procedure has a few forms; never draw past the page. */
		if (y + rh + m->pad + close_h - y0 > max_h)
			break;
		y += widgets_row(f, m, x, y, w, 0, o->choices[i].name, NULL, NULL, UI_INK,
		                 PRINT_ACT_FORM, (int)i) +
		     m->gap;
	}
	y += m->pad - m->gap;
	y += button(f, m, x, y, w, _("Close"), WIDGET_SECONDARY, PRINT_ACT_CLOSE);
	return y - y0;
}

/* The state of the job; returns the height used from y. */
static int state(print_overlay *o, flow *f, const ui_metrics *m, int x, int y, int w)
{
	int y0 = y;
	printjob_phase ph = printjob_get_phase(o->job);
	const char *what = printjob_what(o->job);
	const char *reason = printjob_reason(o->job);
	int s = layout_px(m, 120);
	gfx_rect icon = {x + (w - s) / 2, y, s, s};
	if (ph == PRINTJOB_PREPARING || ph == PRINTJOB_PRINTING || ph == PRINTJOB_DONE)
		widgets_icon(f, icon, WIDGET_PRINTER, ph == PRINTJOB_DONE ? UI_NEW : UI_BRAND);
	else
		alert_icon(f, icon, ph == PRINTJOB_FAILED ? UI_ALERT : UI_BRAND);
	y += s + m->pad;
	switch (ph) {
	case PRINTJOB_PREPARING:
	case PRINTJOB_PRINTING:
		y += centred(f, GFX_BOLD, m->px_big, UI_BRAND, x, y, w,
		             ph == PRINTJOB_PREPARING ? _("Preparing…") : _("Printing…"));
		y += m->gap;
		y += centred(f, GFX_REGULAR, m->px_h2, UI_INK, x, y, w, what) + m->pad;
		if (*reason) /* what holds it up, while it may still print */
			y += centred(f, GFX_BOLD, m->px_h2, UI_ALERT, x, y, w, reason) + m->gap;
		y += centred(f, GFX_REGULAR, m->px_body, UI_MUTED, x, y, w,
		             _("Please wait a moment."));
		break;
	case PRINTJOB_DONE:
		y += centred(f, GFX_BOLD, m->px_big, UI_NEW, x, y, w, _("Printed.")) + m->gap;
		y += centred(f, GFX_BOLD, m->px_h1, UI_INK, x, y, w,
		             _("Please take your sheet from the printer.")) +
		     m->gap;
		y += centred(f, GFX_REGULAR, m->px_h2, UI_MUTED, x, y, w, what) + 2 * m->pad;
		y += button(f, m, x, y, w, _("OK"), WIDGET_PRIMARY, PRINT_ACT_OK);
		break;
	case PRINTJOB_FAILED:
		y += centred(f, GFX_BOLD, m->px_big, UI_ALERT, x, y, w, _("Could not print")) +
		     m->pad;
		if (*reason)
			y += centred(f, GFX_BOLD, m->px_h1, UI_INK, x, y, w, reason) + m->gap;
		y += centred(f, GFX_REGULAR, m->px_h2, UI_INK, x, y, w,
		             _("Please ask the staff at the desk.")) +
		     2 * m->pad;
		y += button(f, m, x, y, w, _("OK"), WIDGET_PRIMARY, PRINT_ACT_OK);
		break;
	case PRINTJOB_REFUSED: {
		char *t = xasprintf(_("You have printed the %d guidance sheets allowed."),
		                    printjob_limit(o->job));
		y += centred(f, GFX_BOLD, m->px_h1, UI_INK, x, y, w, t) + m->gap;
		free(t);
		y += centred(f, GFX_REGULAR, m->px_h2, UI_INK, x, y, w,
		             _("Please ask the staff at the desk.")) +
		     2 * m->pad;
		y += button(f, m, x, y, w, _("OK"), WIDGET_PRIMARY, PRINT_ACT_OK);
		break;
	}
	default:
		break;
	}
	return y - y0;
}

void print_overlay_layout(app *a)
{
	print_overlay *o = a->print;
	const ui_metrics *m = &a->m;
	flow *f = &o->f;
	flow_reset(f, a->g);
	if (!print_overlay_shown(o))
		return;
	/* Opaque: nothing under it competes for the eye or the finger. */
	flow_box(f, (gfx_rect){0, 0, m->w, m->h}, 0, UI_BG);
	int cw = m->w - 2 * m->pad;
	if (cw > layout_px(m, 1300))
		cw = layout_px(m, 1300);
	int cx = (m->w - cw) / 2;
	int inset = 2 * m->pad;
	int max_h = m->h - 2 * m->pad - 2 * inset;
	size_t first = f->n, first_hit = f->n_hits;
	size_t card = widgets_card(f, m, (gfx_rect){cx, 0, cw, 0});
	size_t box = flow_container_push(f, (gfx_rect){cx, 0, cw, 0});
	int h = o->n_choices ? choice(o, f, m, cx + inset, inset, cw - 2 * inset, max_h)
	                     : state(o, f, m, cx + inset, inset, cw - 2 * inset);
	flow_container_pop(f);
	gfx_rect r = {cx, 0, cw, h + 2 * inset};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, box, r);
	int top = (m->h - r.h) / 2;
	shift(f, first, first_hit, top > m->pad ? top : m->pad);
}

const flow *print_overlay_flow(const app *a)
{
	return &a->print->f;
}

void print_overlay_action(app *a, int action, int arg)
{
	print_overlay *o = a->print;
	switch (action) {
	case PRINT_ACT_OK: {
		bool printed = printjob_get_phase(o->job) == PRINTJOB_DONE;
		printjob_dismiss(o->job);
		if (printed) /* the citizen has what they came for: ask how it went */
			app_offer_rating(a, NULL);
		break;
	}
	case PRINT_ACT_CLOSE:
		print_overlay_drop_choice(o);
		break;
	case PRINT_ACT_FORM:
		if (arg >= 0 && (size_t)arg < o->n_choices) {
			char *code = xstrdup(o->code);
			char *name = xstrdup(o->choices[arg].name);
			int form = o->choices[arg].form;
			print_overlay_drop_choice(o);
			printjob_request(o->job, code, form, name, a->now);
			free(code);
			free(name);
		}
		break;
	default:
		break;
	}
	changed(a);
}

unsigned print_overlay_stage(const app *a)
{
	const print_overlay *o = a->print;
	if (!print_overlay_shown(o))
		return 0;
	if (o->n_choices)
		return 1;
	unsigned h = 2u + (unsigned)printjob_get_phase(o->job);
	for (const unsigned char *r = (const unsigned char *)printjob_reason(o->job); *r; r++)
		h = h * 31u + *r;
	return h | 0x80000000u; /* never 0 or the choice's 1 */
}

int64_t print_overlay_deadline(const app *a)
{
	return printjob_deadline(a->print->job);
}

void print_overlay_tick(app *a, int64_t now)
{
	if (now < printjob_deadline(a->print->job))
		return; /* nothing due: no catalogue look-up (app_content_lang) every frame */
	printjob_source src = {
	    .cat = a->cat,
	    .unit_name = app_unit_name(a),
	    .wall = (time_t)(app_wall_ms(a) / 1000),
	    .clock_wrong = !app_clock_right(a),
	    .lang = app_content_lang(a), /* the sheet in the language the citizen reads */
	};
	if (printjob_tick(a->print->job, &src, now))
		changed(a);
}

void print_overlay_end_session(app *a)
{
	print_overlay_drop_choice(a->print);
	printjob_end_session(a->print->job);
	a->dirty = true;
}
