/* screen_report — the staff's "Reports" (issue 13): pick the period (this
 * quarter, last quarter, this half-year, this year), see its main figures,
 * and print the report at the desk (the kiosk's printer, through CUPS) or
 * write it to the USB stick as bao_cao.pdf and CSV files, in a new folder
 * made through export_dir (the stick-safe writing; nothing else writes to
 * a stick). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app_state.h"
#include "core/export_dir.h"
#include "core/pdf_keycard.h"
#include "core/pdf_report.h"
#include "core/report.h"
#include "core/xalloc.h"
#include "platform/print.h"
#include "printjob.h"
#include "staff_usb.h"
#include "widgets.h"

enum { REPORT_ACT_PERIOD = 1, REPORT_ACT_PRINT, REPORT_ACT_USB, REPORT_ACT_KEYCARD };

typedef struct report_state {
	report_choice choice;
	report r;          /* the figures of the chosen period */
	bool built;
	char *error;       /* why the figures cannot be read; owned */
	char *notice;      /* what the last action did; owned */
	bool notice_alert;
} report_state;

static void report_notice(report_state *st, bool alert, char *text)
{
	free(st->notice);
	st->notice = text;
	st->notice_alert = alert;
}

/* The events of the period, from the app's own handle or one opened for it. */
static void report_load(report_state *st, app *a)
{
	report_clear(&st->r);
	free(st->error);
	st->error = NULL;
	st->built = false;
	time_t now = (time_t)(app_wall_ms(a) / 1000);
	report_period p;
	report_period_choice(&p, st->choice, now);
	events *ev = a->events;
	char *err = NULL;
	if (!ev && a->st)
		ev = events_open(a->st->events_path, &err);
	if (ev && report_build(&st->r, ev, a->cat, &p, app_unit_name(a), now, &err) == 0)
		st->built = true;
	else
		st->error = err ? err : xstrdup(_("No usage figures are recorded on this kiosk."));
	if (ev && ev != a->events)
		events_close(ev);
	if (st->built)
		free(err);
}

static const char *report_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Reports");
}

static const char *choice_label(report_choice c)
{
	switch (c) {
	case REPORT_THIS_QUARTER: return _("This quarter");
	case REPORT_LAST_QUARTER: return _("Last quarter");
	case REPORT_THIS_HALF: return _("This half-year");
	default: return _("This year");
	}
}

static int report_line(flow *f, const ui_metrics *m, int x, int y, int w, const char *label, const char *value)
{
	int vw = flow_text_width(f, GFX_BOLD, m->px_h2, value);
	int h = flow_para(f, GFX_REGULAR, m->px_h2, UI_INK, x, y, w - vw - m->pad, label, 0);
	flow_label(f, GFX_BOLD, m->px_h2, UI_BRAND, x + w - vw, y, 0, value);
	return h + m->gap / 2;
}

static int report_figures(report_state *st, flow *f, const ui_metrics *m, int y, int w)
{
	const report *r = &st->r;
	char s1[32], s2[32];
	report_format_share(report_share_satisfied(r), s1, sizeof s1);
	report_format_share(report_share_overdue(r), s2, sizeof s2);
	const struct {
		const char *label;
		long n;
		const char *text;
	} rows[] = {
		{_("Citizens' sessions"), r->f.sessions, NULL},
		{_("Procedures viewed"), r->f.views, NULL},
		{_("Sheets and forms printed"), r->f.prints, NULL},
		{_("Searches that found nothing"), r->f.no_result, NULL},
		{_("Ratings"), r->f.ratings, NULL},
		{_("Satisfied (4 or 5 of 5)"), 0, s1},
		{_("Dossier lookups"), r->f.lookups, NULL},
		{_("Overdue when looked up"), 0, s2},
	};
	size_t n_rows = sizeof rows / sizeof *rows, per_col = m->portrait ? n_rows : (n_rows + 1) / 2;
	int top = y, bottom = y;
	for (size_t i = 0; i < n_rows; i++) {
		int cx, cw;
		layout_column(0, w, m->portrait ? 1 : 2, 2 * m->pad, (int)(i / per_col), &cx, &cw);
		if (i % per_col == 0)
			y = top;
		char n[32];
		snprintf(n, sizeof n, "%ld", rows[i].n);
		y += report_line(f, m, cx, y, cw, rows[i].label, rows[i].text ? rows[i].text : n);
		if (y > bottom)
			bottom = y;
	}
	return bottom;
}

static void report_layout(screen *s, app *a, gfx_rect body)
{
	report_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;
	if (st->notice) {
		size_t card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
		int h = flow_para(f, GFX_BOLD, m->px_h2, st->notice_alert ? UI_ALERT : UI_NEW, m->pad, y + m->gap,
				  w - 2 * m->pad, st->notice, 0);
		widgets_card_resize(f, card, (gfx_rect){0, y, w, h + 2 * m->gap});
		y += h + 2 * m->gap + m->pad;
	}
	y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w, _("Period of the report:"), 0) + m->gap;
	int cols = m->portrait || m->narrow ? 2 : 4, bh = m->touch;
	for (int i = 0; i < REPORT_CHOICES; i++) {
		int cx, cw;
		layout_column(0, w, cols, m->gap, i % cols, &cx, &cw);
		widgets_button(f, m, (gfx_rect){cx, y + (i / cols) * (bh + m->gap), cw, bh}, choice_label((report_choice)i),
			       m->px_body, (int)st->choice == i ? WIDGET_PRIMARY : WIDGET_TAB, WIDGET_NO_ICON,
			       REPORT_ACT_PERIOD, i);
	}
	y += (REPORT_CHOICES / cols) * (bh + m->gap) + m->pad;
	if (!st->built) {
		flow_para(f, GFX_BOLD, m->px_h2, UI_ALERT, 0, y, w, st->error ? st->error : "?", 0);
		return;
	}
	char from[16], to[16];
	report_period_format(&st->r.period, from, to);
	char *period = xasprintf("%s: %s – %s", st->r.period.name, from, to);
	y += flow_para(f, GFX_BOLD, m->px_h1, UI_INK, 0, y, w, period, 0) + m->gap;
	free(period);
	char *vol = staff_usb_volume(a);
	int bw = (w - m->gap) / 2, big = m->touch + layout_px(m, 24);
	widgets_button(f, m, (gfx_rect){0, y, bw, big}, _("Print at the desk"), m->px_h2, WIDGET_PRIMARY,
		       WIDGET_PRINTER, REPORT_ACT_PRINT, 0);
	widgets_button(f, m, (gfx_rect){bw + m->gap, y, bw, big}, _("Write PDF and CSV to USB"), m->px_h2,
		       vol ? WIDGET_SECONDARY : WIDGET_TAB, WIDGET_NO_ICON, vol ? REPORT_ACT_USB : -1, 0);
	y += big + m->gap;
	if (!vol)
		y += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, 0, y, w,
			       _("Plug in a USB stick to write the report to it."), 0);
	free(vol);
	y = report_figures(st, f, m, y + m->pad, w) + m->pad;
	/* The other paper the desk prints: the keypad's key card (issue 12.2),
	 * to put beside the kiosk for citizens who cannot see the screen. */
	y += widgets_heading(f, m, 0, y, w, _("Also printed at the desk")) + m->gap;
	const char *card = _("Print the keypad's key card");
	int cw = widgets_button_width(f, m, card, m->px_body, WIDGET_PRINTER);
	if (cw > w)
		cw = w;
	widgets_button(f, m, (gfx_rect){0, y, cw, m->touch}, card, m->px_body, WIDGET_SECONDARY, WIDGET_PRINTER,
		       REPORT_ACT_KEYCARD, 0);
}

static void report_print(report_state *st, app *a)
{
	unsigned char *pdf = NULL;
	size_t len = 0;
	char *err = NULL;
	if (pdf_report_make(&st->r, NULL, &pdf, &len, &err) < 0) {
		report_notice(st, true, xasprintf(_("The report could not be made: %s"), err ? err : "?"));
		free(err);
		return;
	}
	char base[64];
	report_folder_name(&st->r.period, base, sizeof base);
	char *said = NULL;
	int rc = printjob_send_pdf(a->cfg ? a->cfg->printer : NULL, pdf, len, base, &said);
	free(pdf);
	if (rc == -1)
		report_notice(st, true, xasprintf(_("The report could not be made: %s"), said));
	else if (rc < 0)
		report_notice(st, true, xasprintf(_("The report could not be printed: %s"), said));
	else
		report_notice(st, false, xasprintf(_("The report was sent to the printer %s."), said));
	free(said);
}

/* The keypad's key card (pdf_keycard.h), printed on the kiosk's printer. */
static void keycard_print(report_state *st, app *a)
{
	int fd;
	char *path = printjob_temp_pdf(&fd);
	char *err = NULL, *said = NULL;
	int rc = fd < 0 ? -errno : 0;
	if (fd >= 0)
		close(fd);
	if (!rc)
		rc = pdf_keycard_write(path, NULL, &err);
	if (rc < 0)
		report_notice(st, true, xasprintf(_("The key card could not be made: %s"), err ? err : strerror(-rc)));
	else if (printjob_send_file(a->cfg ? a->cfg->printer : NULL, path, _("Key card"), &said) < 0)
		report_notice(st, true, xasprintf(_("The key card could not be printed: %s"), said));
	else
		report_notice(st, false, xasprintf(_("The key card was sent to the printer %s."), said));
	if (fd >= 0)
		unlink(path);
	free(path);
	free(err);
	free(said);
}

static void report_usb(report_state *st, app *a)
{
	char *vol = staff_usb_volume(a);
	if (!vol) {
		report_notice(st, true, xstrdup(_("No USB stick is plugged in.")));
		return;
	}
	char base[64];
	report_folder_name(&st->r.period, base, sizeof base);
	diag_list d = {0};
	export_dir *dir = NULL;
	int rc = export_dir_create(vol, base, &dir, &d);
	if (rc == 0)
		rc = report_export(&st->r, NULL, dir, &d);
	if (rc == 0) /* "pull it out" only once the files are on the device */
		rc = export_dir_finish(dir, &d);
	if (rc == 0)
		report_notice(st, false,
			      xasprintf(_("The report is on the USB stick, in the folder %s. You can pull it out."),
					export_dir_name(dir)));
	else
		report_notice(st, true, xasprintf(_("The report could not be written to the USB stick: %s"),
						  d.n ? d.v[0].message : strerror(-rc)));
	export_dir_close(dir, rc == 0);
	diag_clear(&d);
	free(vol);
}

static void report_action(screen *s, app *a, int action, int arg)
{
	report_state *st = s->state;
	switch (action) {
	case REPORT_ACT_PERIOD:
		if (arg >= 0 && arg < REPORT_CHOICES) {
			st->choice = (report_choice)arg;
			report_notice(st, false, NULL);
			report_load(st, a);
		}
		break;
	case REPORT_ACT_PRINT:
		if (st->built)
			report_print(st, a);
		break;
	case REPORT_ACT_USB:
		if (st->built)
			report_usb(st, a);
		break;
	case REPORT_ACT_KEYCARD:
		keycard_print(st, a);
		s->scroll.offset = 0; /* the notice at the top says what happened */
		break;
	default: break;
	}
}

static void report_destroy(void *state)
{
	report_state *st = state;
	report_clear(&st->r);
	free(st->error);
	free(st->notice);
	free(st);
}

static const screen_ops report_ops = {
	.id = SCREEN_REPORT,
	.name = "report",
	.title = report_title,
	.layout = report_layout,
	.action = report_action,
	.destroy = report_destroy,
};

screen *screen_report_new(app *a)
{
	report_state *st = xcalloc(1, sizeof *st);
	st->choice = REPORT_LAST_QUARTER; /* what the office reports on, usually */
	report_load(st, a);
	return screen_new(&report_ops, st);
}
