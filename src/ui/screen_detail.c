/* screen_detail — one procedure in full: the short facts first, then the
 * papers to bring, then every other non-empty field under its heading (in
 * the order of the printed sheet), numbered steps, badges, the FAQ and a QR
 * code of the online service. Above it a row of section buttons that jump
 * to the papers, the steps, the time and fees, where to file and the legal
 * basis; under it a bar that stays put with "Print summary (1 page)" (the
 * first choice), "Print full guide" and, when the procedure has blank
 * forms, "Print blank form" (print_overlay.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/procedure_fields.h"
#include "core/speech_text.h"
#include "core/qr.h"
#include "core/xalloc.h"
#include "player.h"
#include "print_overlay.h"
#include "widgets.h"

enum {
	DETAIL_ACT_PRINT_SHEET = 1,
	DETAIL_ACT_PRINT_FORM,
	DETAIL_ACT_JUMP,
	DETAIL_ACT_PRINT_SUMMARY,
	DETAIL_ACT_LISTEN,
	DETAIL_ACT_REPLACEMENT,
};

/* The sections a citizen jumps to, and the fields each one shows. */
enum { SEC_DOCS, SEC_STEPS, SEC_TIME, SEC_WHERE, SEC_LEGAL, SEC_COUNT };
static const char *const section_msgid[SEC_COUNT] = {
    N_("Papers to bring"), N_("The steps"), N_("Time and fees"), N_("Where to file"), N_("Legal basis")};

static int section_of(procedure_field_id id)
{
	switch (id) {
	case PROCEDURE_FIELD_DOCUMENTS:
	case PROCEDURE_FIELD_DOC_COUNT:
		return SEC_DOCS;
	case PROCEDURE_FIELD_STEPS:
		return SEC_STEPS;
	case PROCEDURE_FIELD_DEADLINE:
	case PROCEDURE_FIELD_FEES:
		return SEC_TIME;
	case PROCEDURE_FIELD_CHANNELS:
	case PROCEDURE_FIELD_AGENCY:
	case PROCEDURE_FIELD_ADDRESS:
	case PROCEDURE_FIELD_LEVEL:
		return SEC_WHERE;
	case PROCEDURE_FIELD_LEGAL:
		return SEC_LEGAL;
	default:
		return -1;
	}
}

typedef struct detail_state {
	char *code;
	procedure *p; /* NULL when the code is no longer in the catalogue */
	faq *faqs;
	size_t n_faqs;
	unsigned char *qr; /* the URL's matrix with its quiet zone, qr_n x qr_n */
	int qr_n;
	int jump_y[SEC_COUNT]; /* where each section begins in the content; -1: none */
	procedure *replacement; /* what replaces a repealed procedure, when in the catalogue */
	char lang[16];         /* the content language p was translated into; "": Vietnamese */
	unsigned long translated; /* catalog_translate's mask */
	bool replacement_marked;  /* the replacement's name is shown in Vietnamese */
} detail_state;

/* Shown in the block under the title (the level and the place that handle
 * it), not again among the fields. */
static bool in_place_block(procedure_field_id id)
{
	return id == PROCEDURE_FIELD_LEVEL || id == PROCEDURE_FIELD_AGENCY || id == PROCEDURE_FIELD_ADDRESS;
}

static void detail_load(detail_state *st, app *a)
{
	procedure_free(st->p);
	procedure_free(st->replacement);
	catalog_faqs_free(st->faqs, st->n_faqs);
	free(st->qr);
	st->p = NULL;
	st->replacement = NULL;
	st->faqs = NULL;
	st->n_faqs = 0;
	st->qr = NULL;
	st->qr_n = 0;
	if (!a->cat)
		return;
	st->p = catalog_get(a->cat, st->code);
	const char *cl = app_content_lang(a);
	snprintf(st->lang, sizeof st->lang, "%s", cl ? cl : "");
	st->translated = st->p && cl ? catalog_translate(a->cat, cl, st->p) : 0;
	st->n_faqs = catalog_faqs_in(a->cat, cl, st->code, &st->faqs);
	if (st->p && procedure_repealed(st->p->status) && !str_empty(st->p->replaced_by))
		st->replacement = catalog_get(a->cat, st->p->replaced_by);
	st->replacement_marked = false;
	if (st->replacement && cl)
		st->replacement_marked = !catalog_translated(catalog_translate(a->cat, cl, st->replacement),
		                                             offsetof(procedure, name));
	if (st->p && !str_empty(st->p->url)) {
		qr_code *q = qr_encode(st->p->url);
		if (q) {
			int n = q->size + 2 * QR_QUIET_ZONE;
			st->qr = xmalloc((size_t)n * (size_t)n);
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++)
					st->qr[y * n + x] = qr_dark(q, x - QR_QUIET_ZONE, y - QR_QUIET_ZONE);
			st->qr_n = n;
			qr_free(q);
		}
	}
}

/* Headings: the fixed Vietnamese of the sheet in Vietnamese, else the msgid's translation. */
static const char *heading(const char *msgid, const char *vi)
{
	return i18n_get_lang() == I18N_VI ? vi : _(msgid);
}

/* True when the citizen reads another language and field member_offset
 * has no translation into it: the Vietnamese is shown, marked. */
static bool untranslated(const detail_state *st, size_t member_offset)
{
	return st->lang[0] && catalog_translatable(member_offset) &&
	       !catalog_translated(st->translated, member_offset);
}

/* A field's heading, with "(in Vietnamese)" when its text is not
 * translated. Caller frees. */
static char *field_heading(const detail_state *st, const procedure_field_def *def)
{
	const char *h = heading(def->heading, def->heading_vi);
	return untranslated(st, def->offset) ? xasprintf("%s %s", h, _("(in Vietnamese)")) : xstrdup(h);
}

static const char *detail_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Procedure details");
}

/* Numbered or bulleted items with a hanging indent; returns the height. */
static int items(flow *f, const ui_metrics *m, int x, int y, int w, const procedure_field *fld)
{
	const item_list *l = fld->items;
	bool numbered = fld->def->kind == PROCEDURE_FIELD_NUMBERED;
	int y0 = y;
	char mark[32];
	int indent = numbered ? flow_text_width(f, GFX_BOLD, m->px_body, l->n >= 10 ? "10." : "9.")
			      : flow_text_width(f, GFX_BOLD, m->px_body, "•");
	indent += layout_px(m, 14);
	for (size_t i = 0; i < l->n; i++) {
		const item *it = &l->v[i];
		if (numbered)
			snprintf(mark, sizeof mark, "%zu.", i + 1);
		else
			snprintf(mark, sizeof mark, "•");
		flow_label(f, GFX_BOLD, m->px_body, UI_BRAND, x, y, 0, mark);
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, x + indent, y, w - indent, it->text, 0);
		if (fld->def->kind == PROCEDURE_FIELD_PAIRS && !str_empty(it->extra) &&
		    fld->def->id != PROCEDURE_FIELD_FORMS) {
			char *extra = xasprintf("%s: %s", heading(fld->def->extra_heading, fld->def->extra_heading_vi),
						it->extra);
			y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, x + indent, y, w - indent, extra, 0);
			free(extra);
		}
		if (i + 1 < l->n)
			y += layout_px(m, 12);
	}
	return y - y0;
}

/* A white card holding a heading and what build() adds; returns the next y. */
static int section_begin(flow *f, const ui_metrics *m, int y, int w, const char *title, size_t *card, int *iy)
{
	*card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	flow_container_push(f, (gfx_rect){0, y, w, 0});
	*iy = y + m->pad;
	*iy += widgets_heading(f, m, m->pad, *iy, w - 2 * m->pad, title) + m->gap;
	return y;
}

static int section_end(flow *f, const ui_metrics *m, size_t card, int y0, int w, int iy)
{
	gfx_rect r = {0, y0, w, iy + m->pad - y0};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, card + 2, r); /* the container pushed after the card's two items */
	flow_container_pop(f);
	return y0 + r.h + m->gap;
}

/* A text field that reads as one fact: up to three lines beside its heading. */
static bool is_short(flow *f, const ui_metrics *m, const procedure_field *fld, int val_w)
{
	if (!fld->text || fld->def->id == PROCEDURE_FIELD_URL || fld->def->id == PROCEDURE_FIELD_STATUS ||
	    fld->def->id == PROCEDURE_FIELD_ONLINE_LEVEL)
		return false;
	return flow_para_height(f, GFX_REGULAR, m->px_body, val_w, fld->text, 0) <=
	       3 * flow_line_height(f, GFX_REGULAR, m->px_body);
}

/* The print buttons along the bottom of body, first choice first: the
 * one-page summary (primary), the full guide, and the blank form when the
 * procedure has one. They share rows as they fit, each row centred, one
 * under the other on a narrow panel. Returns the bar's height. */
static int print_bar(screen *s, app *a, gfx_rect body, const procedure *p)
{
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	struct {
		const char *label;
		int style, action, w;
	} b[3] = {
	    {_("Print summary (1 page)"), WIDGET_PRIMARY, DETAIL_ACT_PRINT_SUMMARY, 0},
	    {_("Print full guide"), WIDGET_SECONDARY, DETAIL_ACT_PRINT_SHEET, 0},
	    {_("Print blank form"), WIDGET_SECONDARY, DETAIL_ACT_PRINT_FORM, 0},
	};
	int n = print_overlay_form_count(p) > 0 ? 3 : 2;
	int px = m->px_h2, bh = m->touch;
	int avail = body.w - 2 * m->pad;
	int min_w = layout_px(m, 360);
	for (int i = 0; i < n; i++) {
		b[i].w = widgets_button_width(f, m, b[i].label, px, WIDGET_PRINTER);
		if (b[i].w < min_w)
			b[i].w = min_w;
		if (b[i].w > avail) /* wider than the panel: it wraps */
			b[i].w = avail;
	}
	/* Rows: as many buttons as fit side by side, in order. */
	int row_of[3], rows = 0, used = 0;
	for (int i = 0; i < n; i++) {
		if (i == 0 || used + m->pad + b[i].w > avail) {
			rows++;
			used = b[i].w;
		} else {
			used += m->pad + b[i].w;
		}
		row_of[i] = rows - 1;
	}
	int bar_h = rows * bh + (rows - 1) * m->gap + 2 * m->gap;
	int y = body.y + body.h - bar_h;
	flow_box(f, (gfx_rect){body.x, y, body.w, bar_h}, 0, UI_PAPER);
	flow_box(f, (gfx_rect){body.x, y, body.w, m->border > 1 ? m->border / 2 + 1 : 1}, 0, UI_LINE);
	y += m->gap;
	for (int r = 0; r < rows; r++) {
		int total = 0, k = 0;
		for (int i = 0; i < n; i++)
			if (row_of[i] == r)
				total += (k++ ? m->pad : 0) + b[i].w;
		/* A button alone on its row on a narrow panel takes the whole row. */
		bool stretch = k == 1 && rows > 1;
		int x = stretch ? body.x + m->pad : body.x + (body.w - total) / 2;
		for (int i = 0; i < n; i++) {
			if (row_of[i] != r)
				continue;
			int w = stretch ? avail : b[i].w;
			widgets_button(f, m, (gfx_rect){x, y, w, bh}, b[i].label, px, b[i].style,
				       WIDGET_PRINTER, b[i].action, 0);
			x += w + m->pad;
		}
		y += bh + m->gap;
	}
	return bar_h;
}

/* The section buttons along the top of body, wrapping to a second row on a
 * narrow panel; returns the height they take. */
static int section_bar(screen *s, app *a, gfx_rect body, const procedure *p)
{
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	bool has[SEC_COUNT] = {false};
	procedure_fields_iter it;
	procedure_field fld;
	procedure_fields_begin(&it, p);
	while (procedure_fields_next(&it, &fld))
		if (section_of(fld.def->id) >= 0)
			has[section_of(fld.def->id)] = true;
	int px = m->px_body, bh = m->touch, x0 = body.x + m->pad, right = body.x + body.w - m->pad;
	int x = x0, y = body.y + m->gap;
	bool any = false;
	for (int k = 0; k < SEC_COUNT; k++) {
		if (!has[k])
			continue;
		const char *label = _(section_msgid[k]);
		int bw = widgets_button_width(f, m, label, px, WIDGET_NO_ICON);
		if (bw > right - x0)
			bw = right - x0;
		if (x > x0 && x + bw > right) {
			x = x0;
			y += bh + m->gap;
		}
		widgets_button(f, m, (gfx_rect){x, y, bw, bh}, label, px, WIDGET_SECONDARY, WIDGET_NO_ICON,
			       DETAIL_ACT_JUMP, k);
		x += bw + m->gap;
		any = true;
	}
	if (!any)
		return 0;
	y += bh + m->gap;
	flow_box(f, (gfx_rect){body.x, y, body.w, m->border > 1 ? m->border / 2 + 1 : 1}, 0, UI_LINE);
	return y + 1 - body.y;
}

static void detail_layout(screen *s, app *a, gfx_rect body)
{
	detail_state *st = s->state;
	const ui_metrics *m = &a->m;
	for (int k = 0; k < SEC_COUNT; k++)
		st->jump_y[k] = -1;
	const char *cl = app_content_lang(a);
	if (strcmp(st->lang, cl ? cl : "")) /* the citizen chose another language */
		detail_load(st, a);
	if (st->p) {
		body.h -= print_bar(s, a, body, st->p);
		int top = section_bar(s, a, body, st->p);
		body.y += top;
		body.h -= top;
	}
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	const procedure *p = st->p;
	if (!p) {
		flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w,
			  _("This procedure is no longer in the catalogue."), 0);
		return;
	}
	/* Title block: name, code, badges. */
	y += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, 0, y, w, p->name, 0) + m->gap;
	if (untranslated(st, offsetof(procedure, name)))
		y += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, 0, y, w, _("(in Vietnamese)"), 0) + m->gap;
	char *code = xasprintf("%s: %s", heading(PROCEDURE_FIELDS_CODE_HEADING, PROCEDURE_FIELDS_CODE_HEADING_VI),
			       p->code);
	int x = 0, bh = widgets_badge_height(f, m);
	gfx_color bg;
	const char *badge = widgets_status_badge(p->status, &bg);
	if (badge)
		x += widgets_badge(f, m, x, y, badge, bg) + m->gap;
	if (!str_empty(p->online_level)) {
		char *t = xasprintf(_("Online: %s"), p->online_level);
		if (x + flow_text_width(f, GFX_BOLD, m->px_small, t) + layout_px(m, 24) < w)
			x += widgets_badge(f, m, x, y, t, UI_BRAND) + m->gap;
		free(t);
	}
	int cw = flow_text_width(f, GFX_REGULAR, m->px_body, code);
	if (x > 0 && x + cw > w) {
		y += bh + m->gap / 2;
		x = 0;
	}
	int lh = flow_line_height(f, GFX_REGULAR, m->px_body);
	y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, x, y + (x ? (bh - lh) / 2 : 0), w - x, code, 0);
	if (x)
		y += bh > lh ? bh - lh : 0;
	y += m->pad;
	free(code);

	/* Repealed: said before anything else, with the way to what replaces it. */
	if (procedure_repealed(p->status)) {
		int bw = w - 2 * m->pad;
		size_t box = flow_box(f, (gfx_rect){0, y, w, 0}, m->radius, UI_ALERT);
		int by = y + m->pad;
		by += flow_para(f, GFX_BOLD, m->px_h2, UI_WHITE, m->pad, by, bw,
				_("Repealed: this procedure is no longer carried out"), 0);
		if (st->replacement) {
			char *name = app_marked(st->replacement->name, st->replacement_marked);
			char *t = xasprintf(_("Replaced by: %s (%s)"), name, st->replacement->code);
			free(name);
			by += m->gap;
			by += flow_para(f, GFX_REGULAR, m->px_body, UI_WHITE, m->pad, by, bw, t, 0);
			free(t);
			by += m->gap;
			const char *label = _("See the procedure that replaces it");
			int btn = widgets_button_width(f, m, label, m->px_h2, WIDGET_NO_ICON);
			if (btn > bw)
				btn = bw;
			widgets_button(f, m, (gfx_rect){m->pad, by, btn, m->touch}, label, m->px_h2, WIDGET_SECONDARY,
				       WIDGET_NO_ICON, DETAIL_ACT_REPLACEMENT, 0);
			by += m->touch;
		} else {
			by += m->gap;
			by += flow_para(f, GFX_REGULAR, m->px_body, UI_WHITE, m->pad, by, bw,
					_("Ask at the desk which procedure applies now."), 0);
		}
		flow_set_rect(f, box, (gfx_rect){0, y, w, by + m->pad - y});
		y = by + m->pad + m->gap;
	}

	/* A trusted person's voice, for those who read little: high up. */
	y = player_card(f, m, a, y, w, &p->recordings, DETAIL_ACT_LISTEN);

	/* Short facts (deadline, fees, agency...) first, together, as
	 * heading: value rows; a citizen's first questions. */
	procedure_fields_iter it;
	procedure_field fld;
	int head_w = w * 30 / 100, val_x = m->pad + head_w + m->gap, val_w = w - val_x - m->pad;
	bool stacked = w < layout_px(m, 1200);
	if (stacked)
		val_w = w - 2 * m->pad;
	size_t facts_card = 0;
	int facts_y0 = y, fy = 0;
	bool facts = false;
	/* The level and the place that handle it come first, whatever their
	 * length (since 2025 a citizen's first question: the commune or the
	 * province, and which office); then the other short facts. */
	for (int pass = 0; pass < 2; pass++) {
		procedure_fields_begin(&it, p);
		while (procedure_fields_next(&it, &fld)) {
			if (fld.def->id == PROCEDURE_FIELD_REPLACED_BY || in_place_block(fld.def->id) != (pass == 0) ||
			    (pass == 1 && !is_short(f, m, &fld, val_w)) || !fld.text)
				continue;
			if (!facts) {
				section_begin(f, m, y, w, _("In brief"), &facts_card, &fy);
				facts = true;
			}
			int sec = section_of(fld.def->id);
			if (sec >= 0 && st->jump_y[sec] < 0)
				st->jump_y[sec] = facts_y0;
			char *h = field_heading(st, fld.def);
			if (stacked) { /* narrow: the heading above its value */
				fy += flow_para(f, GFX_BOLD, m->px_body, UI_INK, m->pad, fy, w - 2 * m->pad, h, 0);
				fy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, m->pad, fy, w - 2 * m->pad, fld.text, 0) + m->gap;
				free(h);
				continue;
			}
			int hh = flow_para(f, GFX_BOLD, m->px_body, UI_INK, m->pad, fy, head_w, h, 0);
			int vh = flow_para(f, GFX_REGULAR, m->px_body, UI_INK, val_x, fy, val_w, fld.text, 0);
			fy += (hh > vh ? hh : vh) + m->gap;
			free(h);
		}
	}
	if (facts)
		y = section_end(f, m, facts_card, facts_y0, w, fy - m->gap);

	/* Then what to bring, a citizen's next question; then the rest in the
	 * order of the sheet. */
	for (int pass = 0; pass < 2; pass++) {
		procedure_fields_begin(&it, p);
		while (procedure_fields_next(&it, &fld)) {
			procedure_field_id id = fld.def->id;
			if (id == PROCEDURE_FIELD_URL || id == PROCEDURE_FIELD_STATUS ||
			    id == PROCEDURE_FIELD_ONLINE_LEVEL || id == PROCEDURE_FIELD_REPLACED_BY ||
			    in_place_block(id) || is_short(f, m, &fld, val_w))
				continue; /* shown above: the QR code, the badges, the facts */
			if ((section_of(id) == SEC_DOCS) != (pass == 0))
				continue;
			int sec = section_of(id);
			if (sec >= 0 && st->jump_y[sec] < 0)
				st->jump_y[sec] = y;
			size_t card;
			char *h = field_heading(st, fld.def);
			int iy, y0 = section_begin(f, m, y, w, h, &card, &iy);
			free(h);
			if (fld.text)
				iy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, m->pad, iy, w - 2 * m->pad,
						fld.text, 0);
			else if (fld.items)
				iy += items(f, m, m->pad, iy, w - 2 * m->pad, &fld);
			y = section_end(f, m, card, y0, w, iy);
		}
	}

	/* The QR code of the online service, with what it is for. */
	if (st->qr) {
		size_t card;
		int iy, y0 = section_begin(f, m, y, w, _("Online public service"), &card, &iy);
		int side = layout_px(m, 260) / st->qr_n * st->qr_n;
		if (side < st->qr_n * 3)
			side = st->qr_n * 3;
		flow_cells(f, (gfx_rect){m->pad, iy, side, side}, st->qr, st->qr_n);
		int tx = m->pad + side + m->pad, tw = w - tx - m->pad;
		int ty = iy;
		if (tw < layout_px(m, 300)) { /* narrow: caption under the code */
			tx = m->pad;
			tw = w - 2 * m->pad;
			ty = iy + side + m->gap;
		}
		ty += flow_para(f, GFX_BOLD, m->px_body, UI_INK, tx, ty, tw, _("Scan the code to open the online public service"), 0);
		ty += m->gap;
		ty += flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, tx, ty, tw, p->url, 0);
		iy = ty > iy + side ? ty : iy + side;
		y = section_end(f, m, card, y0, w, iy);
	}

	if (st->n_faqs) {
		size_t card;
		int iy, y0 = section_begin(f, m, y, w, heading(PROCEDURE_FIELDS_FAQ_HEADING, PROCEDURE_FIELDS_FAQ_HEADING_VI),
					   &card, &iy);
		const char *q = heading(PROCEDURE_FIELDS_QUESTION, PROCEDURE_FIELDS_QUESTION_VI);
		const char *ans = heading(PROCEDURE_FIELDS_ANSWER, PROCEDURE_FIELDS_ANSWER_VI);
		for (size_t i = 0; i < st->n_faqs; i++) {
			/* The question and the answer each marked when shown in Vietnamese. */
			const faq *fq = &st->faqs[i];
			bool qm = st->lang[0] && !catalog_row_translated(fq->translated, TR_FAQ, offsetof(faq, question));
			bool am = st->lang[0] && !catalog_row_translated(fq->translated, TR_FAQ, offsetof(faq, answer));
			char *qt = xasprintf(qm ? "%s: %s %s" : "%s: %s", q, fq->question, _("(in Vietnamese)"));
			char *at = xasprintf(am ? "%s: %s %s" : "%s: %s", ans, fq->answer, _("(in Vietnamese)"));
			iy += flow_para(f, GFX_BOLD, m->px_body, UI_INK, m->pad, iy, w - 2 * m->pad, qt, 0);
			iy += layout_px(m, 6);
			iy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, m->pad, iy, w - 2 * m->pad, at, 0);
			if (i + 1 < st->n_faqs)
				iy += m->pad;
			free(qt);
			free(at);
		}
		y = section_end(f, m, card, y0, w, iy);
	}
}

static void detail_action(screen *s, app *a, int action, int arg)
{
	detail_state *st = s->state;
	if (!st->p)
		return;
	if (action == DETAIL_ACT_JUMP && arg >= 0 && arg < SEC_COUNT && st->jump_y[arg] >= 0) {
		scroll_stop(&s->scroll);
		scroll_by(&s->scroll, (float)st->jump_y[arg] - s->scroll.offset);
		a->dirty = true;
	} else if (action == DETAIL_ACT_LISTEN)
		player_toggle(a, &st->p->recordings, arg);
	else if (action == DETAIL_ACT_PRINT_SUMMARY)
		print_overlay_sheet(a, st->p, true);
	else if (action == DETAIL_ACT_PRINT_SHEET)
		print_overlay_sheet(a, st->p, false);
	else if (action == DETAIL_ACT_PRINT_FORM)
		print_overlay_forms(a, st->p);
	else if (action == DETAIL_ACT_REPLACEMENT && st->replacement)
		app_push(a, screen_detail_new(a, st->replacement->code));
}

static void detail_reload(screen *s, app *a) { detail_load(s->state, a); }

static void detail_destroy(void *state)
{
	detail_state *st = state;
	procedure_free(st->p);
	procedure_free(st->replacement);
	catalog_faqs_free(st->faqs, st->n_faqs);
	free(st->qr);
	free(st->code);
	free(st);
}

/* Read aloud: the procedure section by section, as `motcua speak` says it. */
static bool detail_speech(screen *s, app *a, speech_text *t)
{
	(void)a;
	detail_state *st = s->state;
	if (!st->p)
		return false;
	speech_text_procedure(t, st->p, st->faqs, st->n_faqs);
	return true;
}

static const screen_ops detail_ops = {
	.id = SCREEN_DETAIL,
	.name = "detail",
	.title = detail_title,
	.layout = detail_layout,
	.action = detail_action,
	.reload = detail_reload,
	.destroy = detail_destroy,
	.speech = detail_speech,
};

screen *screen_detail_new(app *a, const char *code)
{
	detail_state *st = xcalloc(1, sizeof *st);
	st->code = xstrdup(code);
	detail_load(st, a);
	if (st->p && a->events)
		events_record(a->events, EVENT_VIEW, st->p->code, (time_t)(app_wall_ms(a) / 1000));
	return screen_new(&detail_ops, st);
}
