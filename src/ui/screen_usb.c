/* screen_usb — the catalogue update from a USB stick, as staff see it:
 * the copy's progress, then what the bundle would change (version old →
 * new, who issued and signed it, procedures added, amended and removed by
 * name, the other tables, warnings) with big "Update" and "Cancel"
 * buttons; or every error with its FILE:LINE and the promise that the
 * catalogue in use did not change; then the outcome. The work itself is
 * update.c's; this screen shows its phases and polls it on ticks. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "update.h"
#include "widgets.h"

/* How often a running worker is asked how far it got. */
#define USB_POLL_MS 100
/* Longer lists are cut (the rest is counted): a screen is not a report. */
#define USB_MAX_NAMES 200
#define USB_MAX_DIAGS 1000

enum { USB_ACT_CANCEL, USB_ACT_INSTALL, USB_ACT_CLOSE, USB_ACT_HOME };

typedef struct usb_state {
	app *a; /* to unregister the update */
	update *u;
	int64_t next_poll; /* while the worker runs */
} usb_state;

static const char *usb_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Catalogue update"); /* short: it fits a portrait screen's bar */
}

/* ---- pieces ---- */

/* A button with a big label and, when sub is set, a smaller line under it
 * that says what it will do. */
static void big_button(flow *f, const ui_metrics *m, gfx_rect r, const char *label, const char *sub,
		       widget_style st, int action)
{
	if (!sub) {
		widgets_button(f, m, r, label, m->px_h2, st, WIDGET_NO_ICON, action, 0);
		return;
	}
	widgets_button(f, m, r, "", m->px_h2, st, WIDGET_NO_ICON, action, 0);
	gfx_color fg = st == WIDGET_PRIMARY ? UI_WHITE : UI_BRAND;
	int inner = r.w - 2 * m->pad;
	int lh = flow_para_height(f, GFX_BOLD, m->px_h2, inner, label, 2);
	int sh = flow_para_height(f, GFX_REGULAR, m->px_small, inner, sub, 2);
	int y = r.y + (r.h - lh - sh) / 2;
	flow_container_push(f, r);
	int lw = flow_text_width(f, GFX_BOLD, m->px_h2, label), sw = flow_text_width(f, GFX_REGULAR, m->px_small, sub);
	flow_para(f, GFX_BOLD, m->px_h2, fg, lw < inner ? r.x + (r.w - lw) / 2 : r.x + m->pad, y, inner, label, 2);
	flow_para(f, GFX_REGULAR, m->px_small, fg, sw < inner ? r.x + (r.w - sw) / 2 : r.x + m->pad, y + lh, inner, sub,
		  2);
	flow_container_pop(f);
}

typedef struct bar_button {
	const char *label, *sub;
	widget_style style;
	int action;
} bar_button;

/* The action bar at the bottom of body: up to two buttons, the main one on
 * the right. Returns its height (0 without buttons). */
static int action_bar(flow *f, const ui_metrics *m, gfx_rect body, const bar_button *b, int n)
{
	if (n == 0)
		return 0;
	bool subs = false;
	int want = layout_px(m, 380);
	for (int i = 0; i < n; i++) {
		int w = widgets_button_width(f, m, b[i].label, m->px_h2, WIDGET_NO_ICON);
		if (b[i].sub) {
			subs = true;
			int sw = flow_text_width(f, GFX_REGULAR, m->px_small, b[i].sub) + 2 * m->pad;
			if (sw > w)
				w = sw;
		}
		if (w > want)
			want = w;
	}
	int avail = body.w - 2 * m->pad;
	int bw = want;
	if (n * bw + (n - 1) * m->pad > avail)
		bw = (avail - (n - 1) * m->pad) / n;
	/* As tall as the wordiest label needs once wrapped (larger text). */
	int bh = m->touch + layout_px(m, subs ? 40 : 24);
	for (int i = 0; i < n; i++) {
		int inner = bw - 2 * m->pad;
		int need = flow_para_height(f, GFX_BOLD, m->px_h2, inner, b[i].label, 2) + 2 * m->gap;
		if (b[i].sub)
			need += flow_para_height(f, GFX_REGULAR, m->px_small, inner, b[i].sub, 2);
		if (need > bh)
			bh = need;
	}
	int h = bh + 2 * m->pad;
	int y = body.y + body.h - h;
	flow_box(f, (gfx_rect){body.x, y, body.w, h}, 0, UI_PAPER);
	flow_box(f, (gfx_rect){body.x, y, body.w, layout_px(m, 2)}, 0, COLOR(0xc9d1de));
	int x = body.x + body.w - m->pad - n * bw - (n - 1) * m->pad;
	for (int i = 0; i < n; i++)
		big_button(f, m, (gfx_rect){x + i * (bw + m->pad), y + m->pad, bw, bh}, b[i].label, b[i].sub, b[i].style,
			   b[i].action);
	return h;
}

/* A white card with a heading at x, w wide; card_end sizes it around
 * what was added. */
typedef struct card {
	size_t box, container;
	int x, w;
	int y0, y; /* y: where the next line goes */
} card;

static void card_begin(flow *f, const ui_metrics *m, card *c, int x, int y, int w, const char *title)
{
	c->x = x;
	c->w = w;
	c->y0 = y;
	c->box = widgets_card(f, m, (gfx_rect){x, y, w, 0});
	c->container = flow_container_push(f, (gfx_rect){x, y, w, 0});
	c->y = y + m->pad;
	if (title)
		c->y += widgets_heading(f, m, x + m->pad, c->y, w - 2 * m->pad, title) + m->gap;
}

static int card_end(flow *f, const ui_metrics *m, card *c)
{
	gfx_rect r = {c->x, c->y0, c->w, c->y - m->gap + m->pad - c->y0};
	widgets_card_resize(f, c->box, r);
	flow_set_rect(f, c->container, r);
	flow_container_pop(f);
	return c->y0 + r.h + m->gap;
}

/* "Label   value" in the card; the label above its value when narrow. */
static void card_row(flow *f, const ui_metrics *m, card *c, const char *label, const char *value, gfx_font vf,
		     gfx_color vc)
{
	int inner = c->w - 2 * m->pad, x = c->x + m->pad;
	if (inner < layout_px(m, 700)) {
		int h = flow_para(f, GFX_BOLD, m->px_body, UI_INK, x, c->y, inner, label, 0);
		c->y += h + flow_para(f, vf, m->px_body, vc, x, c->y + h, inner, value, 0) + m->gap;
		return;
	}
	int head = inner * 36 / 100;
	int hh = flow_para(f, GFX_BOLD, m->px_body, UI_INK, x, c->y, head, label, 0);
	int vh = flow_para(f, vf, m->px_body, vc, x + head + m->gap, c->y, inner - head - m->gap, value, 0);
	c->y += (hh > vh ? hh : vh) + m->gap;
}

/* A paragraph inside the card. */
static void card_para(flow *f, const ui_metrics *m, card *c, gfx_font font, int px, gfx_color col, const char *text)
{
	c->y += flow_para(f, font, px, col, c->x + m->pad, c->y, c->w - 2 * m->pad, text, 0) + m->gap;
}

/* A bulleted line with a hanging indent. */
static void card_bullet(flow *f, const ui_metrics *m, card *c, const char *text)
{
	int indent = flow_text_width(f, GFX_BOLD, m->px_body, "•") + layout_px(m, 14);
	int x = c->x + m->pad;
	flow_label(f, GFX_BOLD, m->px_body, UI_BRAND, x, c->y, 0, "•");
	c->y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, x + indent, c->y, c->w - 2 * m->pad - indent, text, 0) +
		layout_px(m, 8);
}

/* A muted line under a bullet, at the bullet's text. */
static void card_sub(flow *f, const ui_metrics *m, card *c, const char *text)
{
	int indent = flow_text_width(f, GFX_BOLD, m->px_body, "•") + layout_px(m, 14);
	int x = c->x + m->pad + indent;
	c->y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, x, c->y, c->w - 2 * m->pad - indent, text, 0) +
		layout_px(m, 8);
}

/* One of the diff's lists: "NAME (CODE)" a line; fields (may be NULL): what
 * changed in each, "Đã sửa: Phí, lệ phí; Thời hạn giải quyết" under it. */
static void names(flow *f, const ui_metrics *m, card *c, const char *heading, gfx_color col, char **v, size_t n,
		  char **fields)
{
	if (!n)
		return;
	char *h = xasprintf("%s (%zu)", heading, n);
	c->y += flow_para(f, GFX_BOLD, m->px_body, col, c->x + m->pad, c->y, c->w - 2 * m->pad, h, 0) + layout_px(m, 8);
	free(h);
	for (size_t i = 0; i < n && i < USB_MAX_NAMES; i++) {
		const char *tab = strchr(v[i], '\t');
		char *line = tab ? xasprintf("%s (%.*s)", tab + 1, (int)(tab - v[i]), v[i]) : xstrdup(v[i]);
		card_bullet(f, m, c, line);
		free(line);
		if (fields && *fields[i]) {
			char *t = xasprintf("%s%s", _("Changed: "), fields[i]);
			card_sub(f, m, c, t);
			free(t);
		}
	}
	if (n > USB_MAX_NAMES) {
		char *more = xasprintf(_("… and %zu more"), n - USB_MAX_NAMES);
		card_para(f, m, c, GFX_REGULAR, m->px_body, UI_MUTED, more);
		free(more);
	}
	c->y += m->gap;
}

/* Every entry of level in the diagnostics, as FILE:LINE: level: message. */
static void diags(flow *f, const ui_metrics *m, card *c, const diag_list *d, diag_level level)
{
	size_t shown = 0, total = level == DIAG_ERROR ? d->errors : d->warnings;
	for (size_t i = 0; i < d->n && shown < USB_MAX_DIAGS; i++) {
		if (d->v[i].level != level)
			continue;
		char *line = diag_format(&d->v[i]);
		card_bullet(f, m, c, line);
		free(line);
		shown++;
	}
	if (total > shown) {
		char *more = xasprintf(_("… and %zu more"), total - shown);
		card_para(f, m, c, GFX_REGULAR, m->px_body, UI_MUTED, more);
		free(more);
	}
}

/* A page-wide title and the lines under it; returns the next y. */
static int headline(flow *f, const ui_metrics *m, int y, int w, gfx_color col, const char *title)
{
	return y + flow_para(f, GFX_BOLD, m->px_h1, col, 0, y, w, title, 0) + m->pad;
}

static int line(flow *f, const ui_metrics *m, int y, int w, gfx_font font, gfx_color col, const char *text)
{
	return y + flow_para(f, font, m->px_body, col, 0, y, w, text, 0) + m->gap;
}

/* ---- the phases ---- */

static void layout_progress(flow *f, const ui_metrics *m, update *u, int w, bool reading)
{
	int y = m->pad;
	y = headline(f, m, y, w, UI_INK, reading ? _("Checking the bundle…") : _("Copying the bundle from the USB stick…"));
	uint64_t done, total;
	update_progress(u, &done, &total);
	int pct = reading ? 100 : total ? (int)(done * 100 / total) : 0;
	int bar_h = layout_px(m, 40);
	flow_box(f, (gfx_rect){0, y, w, bar_h}, bar_h / 2, UI_BRAND_LIGHT);
	if (pct > 0)
		flow_box(f, (gfx_rect){0, y, w * pct / 100 > bar_h ? w * pct / 100 : bar_h, bar_h}, bar_h / 2, UI_BRAND);
	y += bar_h + m->gap;
	char txt[96];
	snprintf(txt, sizeof txt, "%d%%", pct);
	y = line(f, m, y, w, GFX_BOLD, UI_INK, txt) + m->gap;
	line(f, m, y, w, GFX_REGULAR, UI_MUTED,
	     reading ? _("A large catalogue takes a while to check. Nothing changes until you confirm.")
		     : _("Do not pull out the USB stick until the copy is finished."));
}

/* The bundle's identity: version, issuer, date, author, signature. */
static int info_card(flow *f, const ui_metrics *m, const app *a, update *u, int x, int y, int w)
{
	const bundle_info *info = update_info(u);
	long installed = update_installed_version(u);
	card c;
	card_begin(f, m, &c, x, y, w, _("The bundle on the USB stick"));
	char *ver = installed <= 0 || installed == info->version ? xasprintf("%ld", info->version)
		    : installed < info->version ? xasprintf(_("from %ld to %ld"), installed, info->version)
						: xasprintf(_("%ld, replacing %ld"), info->version, installed);
	card_row(f, m, &c, _("Version"), ver, GFX_BOLD, update_is_downgrade(u) ? UI_ALERT : UI_INK);
	free(ver);
	/* Who stands behind the bundle comes before what it says about itself. */
	if (a->cfg && !str_empty(a->cfg->public_key)) {
		card_row(f, m, &c, _("Signed by"), !str_empty(info->signer) ? info->signer : _("a valid signature (no comment)"),
			 GFX_BOLD, UI_NEW);
	} else {
		card_row(f, m, &c, _("Signature"), _("Unsigned bundle"), GFX_BOLD, UI_ALERT);
		card_para(f, m, &c, GFX_REGULAR, m->px_small, UI_MUTED,
			  _("This kiosk has no public key configured, so it cannot tell who issued the bundle."));
	}
	if (!str_empty(info->unit))
		card_row(f, m, &c, _("Issued by"), info->unit, GFX_REGULAR, UI_INK);
	if (!str_empty(info->date))
		card_row(f, m, &c, _("Date of issue"), info->date, GFX_REGULAR, UI_INK);
	if (!str_empty(info->author))
		card_row(f, m, &c, _("Prepared by"), info->author, GFX_REGULAR, UI_INK);
	return card_end(f, m, &c);
}

/* Tables other than the procedures: changed or not. */
static int other_card(flow *f, const ui_metrics *m, const bundle_diff *d, int x, int y, int w)
{
	card c;
	card_begin(f, m, &c, x, y, w, _("Other content"));
	const struct {
		const char *what;
		bool changed;
	} other[] = {
		{_("Hotlines"), d->hotlines_changed},
		{_("PAPI, SIPAS and PAR INDEX scores"), d->indices_changed},
		{_("Reform news"), d->news_changed},
		{_("Questions and answers"), d->faq_changed},
		{_("Feedback and answers"), d->feedback_changed},
		{_("Old commune and ward names"), d->places_changed},
	};
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		card_row(f, m, &c, other[i].what, other[i].changed ? _("changed") : _("unchanged"),
			 other[i].changed ? GFX_BOLD : GFX_REGULAR, other[i].changed ? UI_AMENDED : UI_MUTED);
	return card_end(f, m, &c);
}

/* What staff must see before they agree: on a wide screen the bundle on
 * the left and the procedures on the right, so both show without scrolling. */
static void layout_preview(flow *f, const ui_metrics *m, const app *a, update *u, int w)
{
	const bundle_info *info = update_info(u);
	const bundle_diff *d = update_diff(u);
	long installed = update_installed_version(u);
	int y = m->pad;
	y = headline(f, m, y, w, UI_INK, _("What this update changes"));
	if (update_is_downgrade(u)) {
		char *t = info->version < installed
				  ? xasprintf(_("The bundle on the USB stick is version %ld, older than version %ld in use."),
					      info->version, installed)
				  : xasprintf(_("The bundle on the USB stick is version %ld, the version already in use."),
					      info->version);
		y = line(f, m, y, w, GFX_BOLD, UI_ALERT, t);
		y = line(f, m, y, w, GFX_REGULAR, UI_INK,
			 info->version < installed ? _("Install it only to go back to the older catalogue.")
						   : _("Install it again only to repair the catalogue in use.")) +
		    m->gap;
		free(t);
	}
	bool two = w >= layout_px(m, 1400);
	int lw = two ? (w - m->pad) * 9 / 20 : w;
	int rx = two ? lw + m->pad : 0, rw = two ? w - rx : w;
	int ly = info_card(f, m, a, u, 0, y, lw);
	if (two)
		ly = other_card(f, m, d, 0, ly, lw);
	int ry = two ? y : ly;

	card c;
	card_begin(f, m, &c, rx, ry, rw, _("Procedures"));
	char *sum = xasprintf(_("%zu procedures: %zu added, %zu amended, %zu removed."), update_procedures(u),
			      d->n_added, d->n_changed, d->n_removed);
	card_para(f, m, &c, GFX_REGULAR, m->px_body, UI_INK, sum);
	free(sum);
	names(f, m, &c, _("Added"), UI_NEW, d->added, d->n_added, NULL);
	names(f, m, &c, _("Removed"), UI_ALERT, d->removed, d->n_removed, NULL);
	names(f, m, &c, _("Amended"), UI_AMENDED, d->changed, d->n_changed, d->changed_fields);
	ry = card_end(f, m, &c);
	if (!two)
		ry = other_card(f, m, d, 0, ry, w);

	const diag_list *dl = update_diag(u);
	if (dl->warnings) {
		char *h = xasprintf(_("Warnings (%zu)"), dl->warnings);
		card_begin(f, m, &c, 0, ly > ry ? ly : ry, w, h);
		free(h);
		diags(f, m, &c, dl, DIAG_WARNING);
		card_end(f, m, &c);
	}
}

static void layout_problems(flow *f, const ui_metrics *m, update *u, int w, const char *title, const char *intro)
{
	int y = m->pad;
	y = headline(f, m, y, w, UI_ALERT, title);
	y = line(f, m, y, w, GFX_BOLD, UI_INK, _("The catalogue in use has not changed."));
	if (intro)
		y = line(f, m, y, w, GFX_REGULAR, UI_INK, intro);
	y += m->gap;
	const diag_list *dl = update_diag(u);
	card c;
	char *h = xasprintf(_("Errors (%zu)"), dl->errors);
	card_begin(f, m, &c, 0, y, w, h);
	free(h);
	diags(f, m, &c, dl, DIAG_ERROR);
	y = card_end(f, m, &c);
	if (dl->warnings) {
		h = xasprintf(_("Warnings (%zu)"), dl->warnings);
		card_begin(f, m, &c, 0, y, w, h);
		free(h);
		diags(f, m, &c, dl, DIAG_WARNING);
		card_end(f, m, &c);
	}
}

static void usb_layout(screen *s, app *a, gfx_rect body)
{
	usb_state *st = s->state;
	const ui_metrics *m = &a->m;
	update *u = st->u;
	update_phase ph = update_phase_get(u);
	bar_button b[2];
	int n = 0;
	char *sub = NULL;
	switch (ph) {
	case UPDATE_COPYING:
	case UPDATE_READING:
		b[n++] = (bar_button){_("Cancel"), NULL, WIDGET_SECONDARY, USB_ACT_CANCEL};
		break;
	case UPDATE_PREVIEW:
		b[n++] = (bar_button){_("Cancel"), NULL, WIDGET_SECONDARY, USB_ACT_CANCEL};
		sub = update_is_downgrade(u) ? xasprintf(_("version %ld"), update_info(u)->version)
					     : xasprintf(_("to version %ld"), update_info(u)->version);
		if (!update_is_downgrade(u))
			b[n++] = (bar_button){_("Update"), sub, WIDGET_PRIMARY, USB_ACT_INSTALL};
		else if (update_info(u)->version < update_installed_version(u))
			b[n++] = (bar_button){_("Go back to the older version"), sub, WIDGET_PRIMARY, USB_ACT_INSTALL};
		else
			b[n++] = (bar_button){_("Install this version again"), sub, WIDGET_PRIMARY, USB_ACT_INSTALL};
		break;
	case UPDATE_INSTALLING:
		break;
	case UPDATE_DONE:
		b[n++] = (bar_button){_("Home"), NULL, WIDGET_PRIMARY, USB_ACT_HOME};
		break;
	default:
		b[n++] = (bar_button){_("Close"), NULL, WIDGET_PRIMARY, USB_ACT_CLOSE};
		break;
	}
	int bar = action_bar(&s->fixed, m, body, b, n);
	free(sub);
	s->view = app_content_view(a, (gfx_rect){body.x, body.y, body.w, body.h - bar});
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	switch (ph) {
	case UPDATE_COPYING:
	case UPDATE_READING:
		layout_progress(f, m, u, w, ph == UPDATE_READING);
		break;
	case UPDATE_PREVIEW:
		layout_preview(f, m, a, u, w);
		break;
	case UPDATE_INVALID:
		layout_problems(f, m, u, w, _("The bundle on the USB stick has errors, so nothing was updated."),
				_("Correct these in the bundle, then plug the USB stick in again:"));
		break;
	case UPDATE_INSTALL_FAILED:
		layout_problems(f, m, u, w, _("The catalogue could not be updated."), NULL);
		break;
	case UPDATE_INSTALLING:
		y = headline(f, m, y, w, UI_INK, _("Updating the catalogue…"));
		line(f, m, y, w, GFX_REGULAR, UI_MUTED, _("Do not switch the kiosk off now."));
		break;
	case UPDATE_DONE: {
		char *t = xasprintf(_("Updated to version %ld. You can pull out the USB stick."), update_info(u)->version);
		y = headline(f, m, y, w, UI_NEW, t);
		free(t);
		t = xasprintf(_("The new catalogue has %zu procedures."), update_procedures(u));
		line(f, m, y, w, GFX_REGULAR, UI_INK, t);
		free(t);
		break;
	}
	case UPDATE_REMOVED:
		y = headline(f, m, y, w, UI_ALERT, _("The USB stick was pulled out before the copy was finished."));
		y = line(f, m, y, w, GFX_BOLD, UI_INK, _("Nothing has changed.")) + m->gap;
		if (update_error(u))
			line(f, m, y, w, GFX_REGULAR, UI_MUTED, update_error(u));
		break;
	case UPDATE_COPY_FAILED:
		y = headline(f, m, y, w, UI_ALERT, _("The bundle could not be copied from the USB stick."));
		if (update_error(u))
			y = line(f, m, y, w, GFX_REGULAR, UI_INK, update_error(u));
		line(f, m, y, w, GFX_BOLD, UI_INK, _("Nothing has changed."));
		break;
	case UPDATE_CANCELLED:
		line(f, m, y, w, GFX_BOLD, UI_INK, _("Cancelled. Nothing has changed."));
		break;
	}
}

static void usb_action(screen *s, app *a, int action, int arg)
{
	usb_state *st = s->state;
	(void)arg;
	switch (action) {
	case USB_ACT_INSTALL:
		update_install(st->u);
		st->next_poll = a->now + USB_POLL_MS;
		break;
	case USB_ACT_CANCEL:
	case USB_ACT_CLOSE:
		app_pop(a); /* frees the update: a copy in progress stops, nothing changes */
		break;
	case USB_ACT_HOME:
		app_home(a);
		break;
	default:
		break;
	}
}

static int64_t usb_deadline(screen *s, app *a)
{
	usb_state *st = s->state;
	if (update_ready(st->u))
		return a->now; /* take the result in at once */
	return update_busy(st->u) ? st->next_poll : INT64_MAX;
}

static void usb_tick(screen *s, app *a, int64_t now)
{
	usb_state *st = s->state;
	st->next_poll = now + USB_POLL_MS;
	/* Staff are waiting on the kiosk, not away: no idle prompt, and
	 * above all no reset in the middle of an install. */
	if (update_busy(st->u))
		idle_touch(&a->idle, now);
	if (update_poll(st->u))
		app_invalidate(a);
}

static void usb_destroy(void *state)
{
	usb_state *st = state;
	if (st->a->update == st->u)
		st->a->update = NULL;
	update_free(st->u);
	free(st);
}

static const screen_ops usb_ops = {
	.id = SCREEN_USB,
	.name = "usb",
	.title = usb_title,
	.layout = usb_layout,
	.action = usb_action,
	.deadline = usb_deadline,
	.tick = usb_tick,
	.destroy = usb_destroy,
};

screen *screen_usb_new(app *a, const char *bundle)
{
	usb_state *st = xcalloc(1, sizeof *st);
	st->a = a;
	assert(a->st); /* callers offer the update only with a store */
	update_options o = {
		.bundle = bundle,
		.st = a->st,
		.public_key = a->cfg ? a->cfg->public_key : NULL,
		.hold_copy = a->hold_copies,
	};
	st->u = update_new(&o);
	st->next_poll = a->now + USB_POLL_MS;
	a->update = st->u;
	return screen_new(&usb_ops, st);
}
