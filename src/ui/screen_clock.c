/* screen_clock — the staff set the system's date and time (issue 10).
 *
 * A Raspberry Pi has no clock battery: an offline kiosk may boot with a
 * wrong date. Five columns (day, month, year, hour, minute), each with a
 * big "+" above and "–" below its value; "Set the clock" hands the time to
 * the app's set_clock seam (systemd's time service in the kiosk, a fake in
 * scripts). A time that is itself known to be wrong (before the catalogue's
 * issue date or the program's build) is refused. The screen starts on the
 * clock's time, or, when that is known to be wrong, on the earliest right
 * one, so that a few taps reach today. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_state.h"
#include "core/wallclock.h"
#include "core/xalloc.h"
#include "widgets.h"

enum { CLOCK_DAY, CLOCK_MONTH, CLOCK_YEAR, CLOCK_HOUR, CLOCK_MINUTE, CLOCK_FIELDS };
enum { CLOCK_ACT_UP, CLOCK_ACT_DOWN, CLOCK_ACT_SET, CLOCK_ACT_CANCEL };

typedef struct clock_state {
	struct tm tm;  /* what is picked, local time, normalised */
	char *message; /* why the last "Set" did not set; NULL: nothing */
} clock_state;

static const char *clock_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Date and time");
}

static const char *clock_issue_date(const app *a)
{
	const bundle_info *info = a->cat ? catalog_info(a->cat) : NULL;
	return info ? info->date : NULL;
}

/* Moves one field by d (days past the month's end go to the next month;
 * a month or year step keeps the day inside the new month). */
static void clock_step(struct tm *tm, int field, int d)
{
	switch (field) {
	case CLOCK_DAY:
		tm->tm_mday += d;
		break;
	case CLOCK_MONTH:
	case CLOCK_YEAR: {
		struct tm t = *tm;
		if (field == CLOCK_MONTH)
			t.tm_mon += d;
		else
			t.tm_year += d;
		t.tm_mday = 1;
		t.tm_isdst = -1;
		mktime(&t);
		/* the last day of the month t is in: day 0 of the next one */
		struct tm last = t;
		last.tm_mon++;
		last.tm_mday = 0;
		last.tm_isdst = -1;
		mktime(&last);
		t.tm_mday = tm->tm_mday < last.tm_mday ? tm->tm_mday : last.tm_mday;
		*tm = t;
		break;
	}
	case CLOCK_HOUR:
		tm->tm_hour += d;
		break;
	case CLOCK_MINUTE:
		tm->tm_min += d;
		break;
	default:
		return;
	}
	tm->tm_sec = 0;
	tm->tm_isdst = -1;
	mktime(tm);
}

static void clock_value(const struct tm *tm, int field, char *buf, size_t n)
{
	int v[CLOCK_FIELDS] = {tm->tm_mday, tm->tm_mon + 1, tm->tm_year + 1900, tm->tm_hour,
	                       tm->tm_min};
	snprintf(buf, n, field == CLOCK_YEAR ? "%04d" : "%02d", v[field]);
}

static const char *clock_field_name(int field)
{
	switch (field) {
	case CLOCK_DAY:
		return _("Day");
	case CLOCK_MONTH:
		return _("Month");
	case CLOCK_YEAR:
		return _("Year");
	case CLOCK_HOUR:
		return _("Hour");
	default:
		return _("Minute");
	}
}

/* One column: its name, "+", the value, "–". Returns its height. */
static int clock_column(flow *f, const ui_metrics *m, const struct tm *tm, int field, int x, int y,
                        int w)
{
	int y0 = y;
	const char *name = clock_field_name(field);
	int nw = flow_text_width(f, GFX_REGULAR, m->px_body, name);
	flow_label(f, GFX_REGULAR, m->px_body, UI_MUTED, x + (w - nw) / 2, y, w, name);
	y += flow_line_height(f, GFX_REGULAR, m->px_body) + m->gap / 2;
	int bh = m->touch + layout_px(m, 16);
	widgets_button(f, m, (gfx_rect){x, y, w, bh}, "+", m->px_big, WIDGET_SECONDARY,
	               WIDGET_NO_ICON, CLOCK_ACT_UP, field);
	y += bh + m->gap / 2;
	char v[16];
	clock_value(tm, field, v, sizeof v);
	int vw = flow_text_width(f, GFX_BOLD, m->px_big, v);
	flow_label(f, GFX_BOLD, m->px_big, UI_INK, x + (w - vw) / 2, y, w, v);
	y += flow_line_height(f, GFX_BOLD, m->px_big) + m->gap / 2;
	widgets_button(f, m, (gfx_rect){x, y, w, bh}, "–", m->px_big, WIDGET_SECONDARY,
	               WIDGET_NO_ICON, CLOCK_ACT_DOWN, field);
	y += bh;
	return y - y0;
}

static void clock_layout(screen *s, app *a, gfx_rect body)
{
	clock_state *st = s->state;
	const ui_metrics *m = &a->m;
	s->view = app_content_view(a, body);
	flow *f = &s->content;
	int w = s->view.w, y = m->pad;

	char now[32];
	wallclock_format((time_t)(app_wall_ms(a) / 1000), now, sizeof now);
	char *says = xasprintf(_("The kiosk's clock says %s."), now);
	bool right = app_clock_right(a);
	y += flow_para(f, right ? GFX_REGULAR : GFX_BOLD, m->px_body, right ? UI_INK : UI_ALERT, 0,
	               y, w, says, 0);
	free(says);
	y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, 0, y, w,
	               _("Pick today's date and the time now, then set the clock."), 0) +
	     m->pad;

	int h = 0;
	for (int i = 0; i < CLOCK_FIELDS; i++) {
		int cx, cw;
		layout_column(0, w, CLOCK_FIELDS, m->gap, i, &cx, &cw);
		h = clock_column(f, m, &st->tm, i, cx, y, cw);
	}
	y += h + m->pad;
	if (st->message)
		y += flow_para(f, GFX_BOLD, m->px_body, UI_ALERT, 0, y, w, st->message, 0) + m->gap;

	int bh = m->touch + layout_px(m, 24);
	int bw = layout_px(m, 420);
	if (2 * bw + m->pad > w)
		bw = (w - m->pad) / 2;
	widgets_button(f, m, (gfx_rect){w - 2 * bw - m->pad, y + m->gap, bw, bh}, _("Cancel"),
	               m->px_h2, WIDGET_SECONDARY, WIDGET_NO_ICON, CLOCK_ACT_CANCEL, 0);
	widgets_button(f, m, (gfx_rect){w - bw, y + m->gap, bw, bh}, _("Set the clock"), m->px_h2,
	               WIDGET_PRIMARY, WIDGET_NO_ICON, CLOCK_ACT_SET, 0);
}

static void clock_message(clock_state *st, char *text)
{
	free(st->message);
	st->message = text;
}

/* "Set the clock": refused when the time is known to be wrong; else
 * through the seam, and back to the staff area with what it did. */
static void clock_set(clock_state *st, app *a)
{
	struct tm tm = st->tm;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	const char *issued = clock_issue_date(a);
	char picked[32], floor[32];
	wallclock_format(t, picked, sizeof picked);
	wallclock_format(wallclock_floor(issued, wallclock_build_time()), floor, sizeof floor);
	switch (wallclock_check(t, issued, wallclock_build_time())) {
	case WALLCLOCK_BEFORE_CATALOGUE:
		clock_message(
		    st,
		    xasprintf(_("%s is before the catalogue's issue date (%s): check the date."),
		              picked, issued));
		return;
	case WALLCLOCK_BEFORE_BUILD:
		clock_message(
		    st, xasprintf(_("%s is before this program was made (%s): check the date."),
		                  picked, floor));
		return;
	default:
		break;
	}
	char *err = NULL;
	if (!a->set_clock || a->set_clock(a->set_clock_ctx, (int64_t)t * 1000, &err) < 0) {
		clock_message(st, xasprintf(_("The clock could not be set: %s"), err ? err : "?"));
		free(err);
		return;
	}
	char *done = xasprintf(_("The clock is set to %s."), picked);
	app_pop(a); /* frees st */
	screen_staff_notice(a, done);
	free(done);
}

static void clock_action(screen *s, app *a, int action, int arg)
{
	clock_state *st = s->state;
	switch (action) {
	case CLOCK_ACT_UP:
	case CLOCK_ACT_DOWN:
		clock_step(&st->tm, arg, action == CLOCK_ACT_UP ? 1 : -1);
		clock_message(st, NULL);
		app_invalidate(a);
		break;
	case CLOCK_ACT_SET:
		clock_set(st, a);
		break;
	case CLOCK_ACT_CANCEL:
		app_pop(a);
		break;
	default:
		break;
	}
}

static void clock_destroy(void *state)
{
	clock_state *st = state;
	free(st->message);
	free(st);
}

static const screen_ops clock_ops = {
    .id = SCREEN_CLOCK,
    .name = "clock",
    .title = clock_title,
    .layout = clock_layout,
    .action = clock_action,
    .destroy = clock_destroy,
};

screen *screen_clock_new(app *a)
{
	clock_state *st = xcalloc(1, sizeof *st);
	time_t t = (time_t)(app_wall_ms(a) / 1000);
	if (!app_clock_right(a)) {
		/* the earliest right time, on a whole minute */
		time_t floor = wallclock_floor(clock_issue_date(a), wallclock_build_time());
		t = floor + 59;
	}
	localtime_r(&t, &st->tm);
	st->tm.tm_sec = 0;
	st->tm.tm_isdst = -1;
	mktime(&st->tm);
	return screen_new(&clock_ops, st);
}
