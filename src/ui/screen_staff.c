/* screen_staff — the staff area behind the PIN: the catalogue update from
 * a USB stick, the dossier list (ho_so.csv) from it, putting back the previous catalogue, a test print, the usage
 * figures onto the stick, the date and time (with a warning on top while
 * the clock is known to be wrong), a new PIN, and leaving the kiosk program. Each
 * action is a tile with a line saying what it does; what the last action
 * did shows in a notice at the top. The dossier list is checked and
 * installed in a worker thread (dossier_job.c): meanwhile the area says
 * so with its progress, its tiles are off, and leaving it (Back, Home,
 * Exit, the idle reset) stops the check with nothing changed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "app_state.h"
#include "core/dossier.h"
#include "core/export_dir.h"
#include "core/wallclock.h"
#include "core/xalloc.h"
#include "dossier_job.h"
#include "printjob.h"
#include "staff_usb.h"
#include "widgets.h"

/* A test print is not a citizen's: no session limit, not counted. */
#define STAFF_MAX_TEST_PRINTS 1000
/* How often a running dossier check is asked how far it got. */
#define STAFF_POLL_MS 100

enum {
	STAFF_UPDATE,
	STAFF_ROLLBACK,
	STAFF_PRINT,
	STAFF_EXPORT,
	STAFF_CLOCK,
	STAFF_PIN,
	STAFF_REPORT,
	STAFF_DOSSIERS, /* after the others, so that their places stay as staff know them */
	STAFF_EXIT,
	STAFF_ACTIONS,
	STAFF_ROLLBACK_YES = 100,
	STAFF_ROLLBACK_NO,
};

typedef struct staff_state {
	app *a;       /* to unregister the dossier check */
	char *notice; /* what the last action did; NULL: nothing */
	bool notice_alert;
	bool confirm_rollback;
	printjob *print;  /* the test sheet's job; NULL until the first */
	dossier_job *dossiers; /* the dossier list's check while it runs; NULL: none */
	int64_t next_poll;     /* while it runs */
} staff_state;

static void notice(staff_state *st, bool alert, const char *text)
{
	free(st->notice);
	st->notice = text ? xstrdup(text) : NULL;
	st->notice_alert = alert;
}

static const char *staff_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Staff area");
}

/* The stick's ho_so.csv (any case) in its motcua folder, beside or instead
 * of a bundle: its path, malloc'd, or NULL. */
static char *stick_dossier_file(const app *a)
{
	if (!a->usb_bundle)
		return NULL;
	DIR *d = opendir(a->usb_bundle);
	char *path = NULL;
	struct dirent *e;
	while (d && !path && (e = readdir(d)))
		if (!strcasecmp(e->d_name, DOSSIER_FILE))
			path = xasprintf("%s/%s", a->usb_bundle, e->d_name);
	if (d)
		closedir(d);
	return path;
}

/* "Update the dossier list": the file is read once into memory (never
 * through a link, never waiting on a FIFO), and only those bytes are
 * checked and installed; a list with any error changes nothing. The work
 * is the worker's; dossiers_done says how it ended. */
static void update_dossiers(staff_state *st, app *a)
{
	char *path = stick_dossier_file(a);
	if (!path || !a->st || a->import_refused || st->dossiers) {
		free(path);
		return;
	}
	dossier_job_options o = {.path = path, .bundle = a->usb_bundle, .st = a->st,
				 .now = (time_t)(app_wall_ms(a) / 1000), .hold = a->hold_copies};
	st->dossiers = dossier_job_new(&o);
	a->dossier_job = st->dossiers;
	st->next_poll = a->now + STAFF_POLL_MS;
	free(path);
}

static void dossiers_stop(staff_state *st)
{
	if (st->a->dossier_job == st->dossiers)
		st->a->dossier_job = NULL;
	dossier_job_free(st->dossiers);
	st->dossiers = NULL;
}

/* The worker has finished: what it did, in the notice. */
static void dossiers_done(staff_state *st, app *a)
{
	dossier_job *j = st->dossiers;
	if (dossier_job_phase_get(j) == DOSSIER_JOB_DONE) {
		size_t n = dossier_job_count(j), warnings = dossier_job_warnings(j);
		char *t = warnings ? xasprintf(_("The dossier list is updated: %zu dossiers (%zu warnings, e.g. "
						 "procedure codes not in the catalogue)."),
					       n, warnings)
				   : xasprintf(_("The dossier list is updated: %zu dossiers."), n);
		notice(st, false, t);
		free(t);
		a->gen++; /* the home tile and the attract slide follow */
	} else if (dossier_job_phase_get(j) == DOSSIER_JOB_REMOVED) {
		notice(st, true, _("The USB stick was pulled out before the dossier list was installed. Nothing has changed."));
	} else {
		/* The first error with its line; staff fix the file on a PC
		 * with `motcua dossier import` to see every one. */
		const diag_list *d = dossier_job_diag(j);
		size_t i = 0;
		while (i < d->n && d->v[i].level != DIAG_ERROR)
			i++;
		char *first = i < d->n ? diag_format(&d->v[i]) : xstrdup("?");
		char *t = xasprintf(_("The dossier list was not changed (%zu errors): %s"), d->errors, first);
		notice(st, true, t);
		free(t);
		free(first);
	}
	dossiers_stop(st);
}

/* While the check runs: what it does and how far it got. */
static char *dossiers_progress(const staff_state *st)
{
	const dossier_job *j = st->dossiers;
	if (dossier_job_phase_get(j) == DOSSIER_JOB_INSTALLING)
		return xasprintf(_("Installing the dossier list… %zu of %zu dossiers written."), dossier_job_rows(j),
				 dossier_job_count(j));
	return xasprintf(_("Checking the dossier list… %zu rows checked."), dossier_job_rows(j));
}

/* phien_ban of the rollback copy; 0 when there is none. */
static long previous_version(const app *a)
{
	if (!a->st || access(a->st->previous_path, R_OK) != 0)
		return 0;
	catalog *c = catalog_open(a->st->previous_path, NULL);
	long v = c ? catalog_info(c)->version : 0;
	catalog_close(c);
	return v;
}

/* The test print's state in words; NULL when there is nothing to say. */
static char *print_status(const staff_state *st)
{
	if (!st->print)
		return NULL;
	const char *reason = printjob_reason(st->print);
	switch (printjob_get_phase(st->print)) {
	case PRINTJOB_PREPARING: return xstrdup(_("Preparing the test page…"));
	case PRINTJOB_PRINTING:
		return *reason ? xasprintf(_("Printing the test page… %s"), reason) : xstrdup(_("Printing the test page…"));
	case PRINTJOB_DONE: return xstrdup(_("The test page was printed."));
	case PRINTJOB_FAILED:
	case PRINTJOB_REFUSED: return xasprintf(_("The test page could not be printed: %s"), reason);
	default: return NULL;
	}
}

/* A full-width card with a bold line and, optionally, more words after it
 * (on the same line when they fit), with a coloured edge that says "read
 * me" without more words. */
static int banner(flow *f, const ui_metrics *m, int y, int w, gfx_color col, const char *bold, const char *more)
{
	size_t card = widgets_card(f, m, (gfx_rect){0, y, w, 0});
	size_t cont = flow_container_push(f, (gfx_rect){0, y, w, 0});
	int x = m->pad, inner = w - 2 * m->pad, iy = y + m->gap;
	int bw = flow_text_width(f, GFX_BOLD, m->px_h2, bold);
	if (more && bw + m->gap + flow_text_width(f, GFX_REGULAR, m->px_body, more) <= inner) {
		int lh = flow_line_height(f, GFX_BOLD, m->px_h2), rh = flow_line_height(f, GFX_REGULAR, m->px_body);
		flow_label(f, GFX_BOLD, m->px_h2, col, x, iy, 0, bold);
		/* the same baseline, roughly: centred on the bold line */
		flow_label(f, GFX_REGULAR, m->px_body, UI_INK, x + bw + m->gap, iy + (lh - rh) / 2, 0, more);
		iy += lh;
	} else {
		iy += flow_para(f, GFX_BOLD, m->px_h2, col, x, iy, inner, bold, 0);
		if (more)
			iy += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, x, iy, inner, more, 0);
	}
	gfx_rect r = {0, y, w, iy + m->gap - y};
	widgets_card_resize(f, card, r);
	flow_set_rect(f, cont, r);
	flow_container_pop(f);
	flow_box(f, (gfx_rect){0, y, layout_px(m, 10), r.h}, layout_px(m, 5), col);
	return r.h + m->gap;
}

typedef struct tile_def {
	const char *label, *hint;
	bool enabled, primary;
} tile_def;

static int tile_height(flow *f, const ui_metrics *m, int w, const tile_def *t, int hint_px)
{
	int inner = w - 2 * m->pad;
	int h = flow_para_height(f, GFX_BOLD, m->px_h2, inner, t->label, 0) + m->gap / 2 +
		flow_para_height(f, GFX_REGULAR, hint_px, inner, t->hint, 0) + m->pad + m->gap;
	int min = m->touch + layout_px(m, 16);
	return h > min ? h : min;
}

/* An action as a big tile: its name and what it does; a tile that cannot
 * be used now is flat and grey, with the hint saying why. */
static void tile(flow *f, const ui_metrics *m, gfx_rect r, const tile_def *t, int action, int hint_px)
{
	gfx_color fg = UI_BRAND, sub = UI_INK;
	if (!t->enabled) {
		flow_box(f, r, m->radius, UI_BG);
		flow_outline(f, r, m->radius, layout_px(m, 2), UI_LINE);
		fg = sub = UI_MUTED;
	} else if (t->primary) {
		flow_box(f, r, m->radius, UI_BRAND);
		fg = sub = UI_WHITE;
	} else {
		flow_box(f, r, m->radius, UI_PAPER);
		flow_outline(f, r, m->radius, m->border, UI_BRAND);
	}
	flow_container_push(f, r);
	int inner = r.w - 2 * m->pad;
	int lh = flow_para_height(f, GFX_BOLD, m->px_h2, inner, t->label, 0);
	int hh = flow_para_height(f, GFX_REGULAR, hint_px, inner, t->hint, 0);
	int y = r.y + (r.h - lh - m->gap / 2 - hh) / 2;
	flow_para(f, GFX_BOLD, m->px_h2, fg, r.x + m->pad, y, inner, t->label, 0);
	flow_para(f, GFX_REGULAR, hint_px, sub, r.x + m->pad, y + lh + m->gap / 2, inner, t->hint, 0);
	flow_container_pop(f);
	if (t->enabled)
		flow_hit(f, r, action, 0);
}

/* While the clock is known to be wrong: what it says and why that is
 * wrong, first thing on the staff area. Returns the height used. */
static int clock_banner(flow *f, const ui_metrics *m, const app *a, int y, int w)
{
	if (app_clock_right(a))
		return 0;
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	const char *issued = info ? info->date : NULL;
	time_t now = (time_t)(app_wall_ms(a) / 1000);
	char says[32], floor[32];
	wallclock_format(now, says, sizeof says);
	wallclock_format(wallclock_floor(issued, wallclock_build_time()), floor, sizeof floor);
	char *why = wallclock_check(now, issued, wallclock_build_time()) == WALLCLOCK_BEFORE_CATALOGUE
			    ? xasprintf(_("It says %s, before the catalogue's issue date %s. Citizens see no time "
					  "and sheets are printed without it until the clock is set."),
					says, issued)
			    : xasprintf(_("It says %s, before this program was made (%s). Citizens see no time "
					  "and sheets are printed without it until the clock is set."),
					says, floor);
	int h = banner(f, m, y, w, UI_ALERT, _("The clock is wrong"), why);
	free(why);
	return h;
}

static void layout_confirm(flow *f, const ui_metrics *m, const app *a, int y, int w)
{
	long prev = previous_version(a);
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	char *q = xasprintf(_("Put back the previous catalogue (version %ld) in place of version %ld?"), prev,
			    info ? info->version : 0L);
	y += banner(f, m, y, w, UI_AMENDED, q,
		    _("The catalogue in use is kept as the previous one, so doing this again undoes it."));
	free(q);
	int bh = m->touch + layout_px(m, 24);
	int bw = layout_px(m, 420);
	if (2 * bw + m->pad > w)
		bw = (w - m->pad) / 2;
	widgets_button(f, m, (gfx_rect){w - 2 * bw - m->pad, y + m->gap, bw, bh}, _("Cancel"), m->px_h2,
		       WIDGET_SECONDARY, WIDGET_NO_ICON, STAFF_ROLLBACK_NO, 0);
	widgets_button(f, m, (gfx_rect){w - bw, y + m->gap, bw, bh}, _("Yes, put it back"), m->px_h2, WIDGET_PRIMARY,
		       WIDGET_NO_ICON, STAFF_ROLLBACK_YES, 0);
}

static void staff_layout(screen *s, app *a, gfx_rect body)
{
	staff_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;

	if (a->import_refused) /* the configuration cannot be trusted: say why, first */
		y += banner(f, m, y, w, UI_ALERT, _("Updates from USB are refused"), a->import_refused);
	if (pin_is_default(a->pin_hash))
		y += banner(f, m, y, w, UI_ALERT, _("Change the default PIN"),
			    _("The PIN is still 000000, which anyone can guess."));
	y += clock_banner(f, m, a, y, w);
	char *ps = print_status(st);
	if (ps)
		y += banner(f, m, y, w, printjob_get_phase(st->print) == PRINTJOB_FAILED ? UI_ALERT : UI_BRAND, ps, NULL);
	free(ps);
	if (st->dossiers) {
		char *p = dossiers_progress(st);
		y += banner(f, m, y, w, UI_BRAND, p,
			    _("Nothing changes until the whole list is checked. Leaving the staff area stops it."));
		free(p);
	} else if (st->notice) {
		y += banner(f, m, y, w, st->notice_alert ? UI_ALERT : UI_NEW, st->notice, NULL);
	}
	if (st->confirm_rollback) {
		layout_confirm(f, m, a, y, w);
		return;
	}

	/* What is in use; the tiles say what is plugged in. One line each,
	 * so that every tile shows on a 1080p screen without scrolling. */
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	char *in_use = info ? xasprintf(_("Catalogue in use: version %ld of %s, %zu procedures."), info->version,
					!str_empty(info->date) ? info->date : "?", catalog_count(a->cat))
			    : xstrdup(_("No catalogue is installed."));
	/* Exit beside it, at the top: always in sight, however many tiles
	 * the staff area has. */
	const char *quit = _("Exit");
	int qw = widgets_button_width(f, m, quit, m->px_h2, WIDGET_NO_ICON);
	int uh = flow_para_height(f, GFX_REGULAR, m->px_body, w - qw - m->gap, in_use, 0);
	int row = uh > m->touch ? uh : m->touch;
	widgets_button(f, m, (gfx_rect){w - qw, y, qw, m->touch}, quit, m->px_h2, WIDGET_SECONDARY, WIDGET_NO_ICON,
		       STAFF_EXIT, 0);
	flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y + (row - uh) / 2, w - qw - m->gap, in_use, 0);
	y += row + m->pad;
	free(in_use);

	char *vol = staff_usb_volume(a);
	const char *label = vol ? strrchr(vol, '/') : NULL;
	char *update_hint = vol ? xasprintf(_("USB stick %s: see what it changes, then update."), label ? label + 1 : vol)
				: xstrdup(_("Plug in a USB stick with a motcua folder."));
	free(vol);
	long prev = previous_version(a);
	char *dossier_file = stick_dossier_file(a);
	const char *dossier_hint = a->import_refused ? _("Refused until the configuration is fixed (see above).")
				   : dossier_file    ? _("ho_so.csv on the USB stick: install it (every working day).")
						     : _("Put ho_so.csv in the motcua folder of a USB stick.");
	bool dossier_ok = dossier_file && a->st && !a->import_refused;
	free(dossier_file);
	char *rollback_hint = prev ? xasprintf(_("Go back to version %ld, in use before the last update."), prev)
				   : xstrdup(_("There is no previous catalogue to put back."));
	char *print_hint = xasprintf(_("Checks the printer: %s."),
				     a->cfg && !str_empty(a->cfg->printer) ? a->cfg->printer : _("the default printer"));
	bool clock_right = app_clock_right(a);
	char *clock_hint = xstrdup(!a->set_clock ? _("This kiosk cannot set the system clock.")
				   : clock_right ? _("The time in the header and on printed sheets.")
						 : _("The clock is wrong: set it now."));
	tile_def t[STAFF_ACTIONS] = {
		[STAFF_UPDATE] = {_("Update from USB"),
				  a->import_refused ? _("Refused until the configuration is fixed (see above).") : update_hint,
				  a->usb_bundle && a->st && !a->import_refused, true},
		[STAFF_DOSSIERS] = {_("Update the dossier list"), dossier_hint, dossier_ok, false},
		[STAFF_ROLLBACK] = {_("Put back the previous catalogue"), rollback_hint, prev > 0 && a->st, false},
		[STAFF_PRINT] = {_("Print a test page"), print_hint, true, false},
		[STAFF_EXPORT] = {_("Export usage figures to USB"), _("CSV files in a folder motcua-thong-ke-DATE."), true,
				  false},
		[STAFF_REPORT] = {_("Reports"), _("The quarter, half-year or year: print it, or PDF and CSV to USB."),
				  true, false},
		[STAFF_CLOCK] = {_("Set the date and time"), clock_hint, a->set_clock != NULL, !clock_right},
		[STAFF_PIN] = {_("Change the PIN"), _("The 6 digits that open the staff area."), true, false},
		[STAFF_EXIT] = {_("Exit"), _("Closes the kiosk; the system service starts it again."), true, false},
	};
	if (st->dossiers) /* one thing at a time: the check runs */
		for (int i = 0; i < STAFF_ACTIONS; i++)
			if (i != STAFF_EXIT)
				t[i].enabled = false;
	int cols = w >= layout_px(m, 1200) ? 2 : 1;
	int hint_px = m->px_body;
	/* Exit is the button at the top; a wrong clock's tile comes first. */
	int order[STAFF_EXIT], n_tiles = 0;
	if (!clock_right)
		order[n_tiles++] = STAFF_CLOCK;
	for (int i = 0; i < STAFF_EXIT; i++)
		if (clock_right || i != STAFF_CLOCK)
			order[n_tiles++] = i;
	for (int i = 0; i < n_tiles; i += cols) {
		int h = 0;
		for (int k = 0; k < cols && i + k < n_tiles; k++) {
			int cx, cw;
			layout_column(0, w, cols, m->gap, k, &cx, &cw);
			int th = tile_height(f, m, cw, &t[order[i + k]], hint_px);
			if (th > h)
				h = th;
		}
		for (int k = 0; k < cols && i + k < n_tiles; k++) {
			int cx, cw;
			layout_column(0, w, cols, m->gap, k, &cx, &cw);
			tile(f, m, (gfx_rect){cx, y, cw, h}, &t[order[i + k]], order[i + k], hint_px);
		}
		y += h + m->gap;
	}
	free(update_hint);
	free(rollback_hint);
	free(print_hint);
	free(clock_hint);
}

static void rollback(staff_state *st, app *a)
{
	diag_list d = {0};
	if (store_rollback(a->st, &d) < 0) {
		char *t = xasprintf(_("The previous catalogue could not be put back: %s"),
				    d.n ? d.v[0].message : strerror(EIO));
		notice(st, true, t);
		free(t);
	} else {
		char *t = xasprintf(_("Version %ld of the catalogue is back in use."), store_installed_version(a->st));
		notice(st, false, t);
		free(t);
	}
	diag_clear(&d);
}

static void print_test(staff_state *st, app *a)
{
	field_count *fields = NULL;
	size_t nf = a->cat ? catalog_fields(a->cat, &fields) : 0;
	proc_summary *procs = NULL;
	size_t np = nf ? catalog_list_field(a->cat, fields[0].field, &procs) : 0;
	if (np == 0) {
		notice(st, true, _("The catalogue has no procedure to print."));
	} else {
		if (!st->print)
			st->print = printjob_new(a->cfg ? a->cfg->printer : NULL, STAFF_MAX_TEST_PRINTS, NULL);
		printjob_dismiss(st->print);
		printjob_request(st->print, procs[0].code, PRINTJOB_SHEET, procs[0].name, a->now);
		notice(st, false, NULL);
	}
	catalog_summaries_free(procs, np);
	catalog_fields_free(fields, nf);
}

static void export_usage(staff_state *st, app *a)
{
	if (st->print) /* one outcome at a time: this one replaces the test print's */
		printjob_dismiss(st->print);
	char *vol = staff_usb_volume(a);
	if (!vol) {
		notice(st, true, _("No USB stick is plugged in. Plug in one with a motcua folder, then tap again."));
		return;
	}
	time_t t = (time_t)(app_wall_ms(a) / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	char ymd[16];
	strftime(ymd, sizeof ymd, "%Y%m%d", &tm);
	char *base = xasprintf("motcua-thong-ke-%s", ymd);
	/* The kiosk's own handle when it records; else one for the export. */
	events *ev = a->events;
	char *err = NULL;
	if (!ev && a->st)
		ev = events_open(a->st->events_path, &err);
	diag_list d = {0};
	export_dir *dir = NULL;
	int rc = ev ? export_dir_create(vol, base, &dir, &d) : -EIO;
	if (rc == 0)
		rc = events_export_csv(ev, dir, &d);
	/* The staff pull the stick out as soon as they read "done": only
	 * once the files are on the device. */
	if (rc == 0)
		rc = export_dir_finish(dir, &d);
	if (ev && ev != a->events)
		events_close(ev);
	if (rc == 0) {
		char *msg = xasprintf(_("The usage figures are on the USB stick, in the folder %s. You can pull it out."),
				      export_dir_name(dir));
		notice(st, false, msg);
		free(msg);
	} else {
		char *msg = xasprintf(_("The usage figures could not be written to the USB stick: %s"),
				      d.n ? d.v[0].message : err ? err : strerror(-rc));
		notice(st, true, msg);
		free(msg);
	}
	export_dir_close(dir, rc == 0);
	diag_clear(&d);
	free(err);
	free(base);
	free(vol);
}

static void staff_action(screen *s, app *a, int action, int arg)
{
	staff_state *st = s->state;
	(void)arg;
	switch (action) {
	case STAFF_UPDATE:
		if (a->usb_bundle && a->st && !a->import_refused) {
			notice(st, false, NULL);
			app_push(a, screen_usb_new(a, a->usb_bundle));
		}
		break;
	case STAFF_DOSSIERS:
		notice(st, false, NULL);
		update_dossiers(st, a);
		s->scroll.offset = 0; /* the notice at the top says how it goes */
		break;
	case STAFF_ROLLBACK:
		notice(st, false, NULL);
		st->confirm_rollback = true;
		break;
	case STAFF_ROLLBACK_YES:
		st->confirm_rollback = false;
		if (a->st)
			rollback(st, a);
		break;
	case STAFF_ROLLBACK_NO:
		st->confirm_rollback = false;
		break;
	case STAFF_PRINT: print_test(st, a); break;
	case STAFF_EXPORT: export_usage(st, a); break;
	case STAFF_REPORT:
		notice(st, false, NULL);
		app_push(a, screen_report_new(a));
		break;
	case STAFF_CLOCK:
		if (a->set_clock) {
			notice(st, false, NULL);
			app_push(a, screen_clock_new(a));
		}
		break;
	case STAFF_PIN:
		notice(st, false, NULL);
		app_push(a, screen_pin_change_new(a));
		break;
	case STAFF_EXIT: app_quit(a, 0); break;
	default: break;
	}
}

static int64_t staff_deadline(screen *s, app *a)
{
	staff_state *st = s->state;
	(void)a;
	int64_t d = st->print ? printjob_deadline(st->print) : INT64_MAX;
	return st->dossiers && st->next_poll < d ? st->next_poll : d;
}

static void staff_tick(screen *s, app *a, int64_t now)
{
	staff_state *st = s->state;
	if (st->dossiers && now >= st->next_poll) {
		st->next_poll = now + STAFF_POLL_MS;
		/* Staff are waiting on the kiosk, not away: no idle reset. */
		if (dossier_job_busy(st->dossiers))
			idle_touch(&a->idle, now);
		if (dossier_job_poll(st->dossiers)) {
			if (dossier_job_phase_get(st->dossiers) >= DOSSIER_JOB_DONE) {
				dossiers_done(st, a);
				s->scroll.offset = 0; /* the notice at the top says what happened */
			}
			app_invalidate(a);
		}
	}
	printjob_source src = {.cat = a->cat, .unit_name = app_unit_name(a), .wall = (time_t)(app_wall_ms(a) / 1000),
			       .clock_wrong = !app_clock_right(a)};
	if (st->print && printjob_tick(st->print, &src, now))
		app_invalidate(a);
}

static void staff_destroy(void *state)
{
	staff_state *st = state;
	dossiers_stop(st); /* leaving stops the check: nothing changes */
	printjob_free(st->print);
	free(st->notice);
	free(st);
}

static const screen_ops staff_ops = {
	.id = SCREEN_STAFF,
	.name = "staff",
	.title = staff_title,
	.layout = staff_layout,
	.action = staff_action,
	.deadline = staff_deadline,
	.tick = staff_tick,
	.destroy = staff_destroy,
};

screen *screen_staff_new(app *a)
{
	staff_state *st = xcalloc(1, sizeof *st);
	st->a = a;
	return screen_new(&staff_ops, st);
}

void screen_staff_notice(app *a, const char *text)
{
	screen *s = a->stack[a->depth - 1];
	if (s->ops != &staff_ops)
		return;
	notice(s->state, false, text);
	app_invalidate(a);
}
