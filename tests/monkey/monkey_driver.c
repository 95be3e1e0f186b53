#include "monkey_driver.h"

#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/events.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/wallclock.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "ui/app.h"
#include "ui/catwatch.h"
#include "ui/layout.h"


/* Tuesday 24/11/2026 07:58:00 at UTC+7 (TZ is set to ICT-7): the header
 * clock turns over two minutes in, and days later the date does too. */
#define MONKEY_WALL_START_MS 1795481880000LL
#define MONKEY_START_MS 1000
#define MONKEY_KEY_HOLD_MS 80
#define MONKEY_KEY_GAP_MS 120
#define MONKEY_STEP_MS 16
#define MONKEY_LONG_PRESS_MS 3000
#define MONKEY_IDLE_JUMP_MS 200000
#define MONKEY_IDLE_TICKS_PER_MIN 300
/* A print job in CUPS moves in real time: before a tick the driver lets up
 * to this much real time pass (a job takes about a second in cups-pdf). */
#define MONKEY_OUTSIDE_MS 50
/* The app's background work (the USB copy, check, install) must finish
 * within this much real time. */
#define MONKEY_BUSY_MAX_MS 120000
/* No event may keep the loop from the finger this long (real time, under
 * the sanitizers too). */
#define MONKEY_STALL_MS 10000

/* Syllables of procedure names, folded, so that typing finds something. */
/* clang-format off */
static const char *const words[] = {
	"dang ky", "khai sinh", "ket hon", "chung thuc", "ho tich", "dat dai", "xac nhan", "giam ho",
	"nuoi con nuoi", "khai tu", "tre em", "nguoi co cong", "1.00", "2.00", "cap ban sao", "thay doi",
	"tinh trang hon nhan", "lien thong", "bao hiem", "hoa giai", "zzqx", "kh", "d", "a b c",
};
/* clang-format on */

typedef struct run_copy {
	char *text;
	gfx_rect r, visible, container;
	uint64_t hash;
} run_copy;

struct monkey {
	monkey_options o;
	uint64_t rng;
	char *dir, *conf_path, *media;
	store st;
	config cfg;
	catalog *cat;
	events *ev;
	catwatch watch;
	gfx *g;
	app *a;
	int w, h; /* UI space */
	ui_metrics metrics;
	int64_t now;
	int64_t wall_offset; /* the wall clock is now + wall_offset (ms since the epoch) */
	monkey_stats s;
	const char *kind; /* the action in progress */
	char what[512];   /* and its arguments */
	bool failed;
	char last_screen[32];
	bool stick_in;
	long stick_version; /* phien_ban of the next good stick */
	char *bundle;       /* the bundle folder of the stick that is in (media/motcua or MOTCUA) */
	run_copy *snap;     /* the runs of the last frame, for the stale check */
	size_t n_snap, cap_snap;
	uint64_t snap_hash;
	bool have_snap;
};

/* --- randomness: splitmix64, so that a seed means the same run everywhere */

static uint64_t rnd(monkey *m)
{
	uint64_t z = (m->rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int rnd_int(monkey *m, int n)
{
	return n <= 1 ? 0 : (int)(rnd(m) % (uint64_t)n);
}
static int64_t rnd_range(monkey *m, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rnd(m) % (uint64_t)(hi - lo + 1));
}
static bool chance(monkey *m, int percent)
{
	return rnd_int(m, 100) < percent;
}

/* --- reports */

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211ull;
	}
	return h;
}

static uint64_t run_hash(const textruns *t, size_t i)
{
	const text_run *r = &t->v[i];
	uint64_t h = hash_bytes(1469598103934665603ull, textruns_text(t, i), r->len);
	h = hash_bytes(h, &r->r, sizeof r->r);
	h = hash_bytes(h, &r->visible, sizeof r->visible);
	return h;
}

static void print_rect(FILE *f, const char *label, gfx_rect r)
{
	fprintf(f, " %s %dx%d+%d+%d", label, r.w, r.h, r.x, r.y);
}

static void dump_runs(monkey *m, FILE *f)
{
	textruns *t = app_text_runs(m->a);
	fprintf(f, "  text runs of the last frame (%zu):\n", t->n);
	for (size_t i = 0; i < t->n; i++) {
		fprintf(f, "    \"%s\"", textruns_text(t, i));
		print_rect(f, "at", t->v[i].r);
		print_rect(f, "visible", t->v[i].visible);
		print_rect(f, "box", t->v[i].container);
		fputc('\n', f);
	}
}

static bool fail(monkey *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(monkey *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "monkey: FAIL: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n  seed %llu, action %ld (%s%s%s), screen %s, t = %lld ms, UI %dx%d\n",
	        (unsigned long long)m->o.seed, m->s.actions, m->kind ? m->kind : "start",
	        *m->what ? ": " : "", m->what, app_screen_name(m->a), (long long)m->now, m->w,
	        m->h);
	dump_runs(m, stderr);
	m->failed = true;
	return false;
}

static void trace(monkey *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void trace(monkey *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m->what, sizeof m->what, fmt, ap);
	va_end(ap);
	if (m->o.trace)
		fprintf(stderr, "#%ld t=%lld %s %s [%s]\n", m->s.actions, (long long)m->now,
		        m->kind, m->what, app_screen_name(m->a));
}

static double real_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* --- checks after a frame */

static const text_run *find_exact(textruns *t, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].len == n && !memcmp(textruns_text(t, i), s, n))
			return &t->v[i];
	return NULL;
}

static void wall_strings(monkey *m, char *hm, size_t n1, char *date, size_t n2)
{
	time_t t = (time_t)((m->now + m->wall_offset) / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(hm, n1, "%H:%M", &tm);
	strftime(date, n2, "%d/%m/%Y", &tm);
}

static const char *unit_name(monkey *m)
{
	if (m->o.unit_name && *m->o.unit_name)
		return m->o.unit_name;
	const bundle_info *info = m->cat ? catalog_info(m->cat) : NULL;
	return info && info->unit && *info->unit ? info->unit : NULL;
}

/* The header is there: the clock shows the time of the fake wall clock, and
 * the first line of the unit name is in the top band, whole. */
static bool check_header(monkey *m)
{
	const char *screen = app_screen_name(m->a);
	if (!strcmp(screen, "idle-prompt") || !strcmp(screen, "print"))
		return true; /* opaque pages of their own, by design */
	textruns *t = app_text_runs(m->a);
	char hm[16], date[16];
	wall_strings(m, hm, sizeof hm, date, sizeof date);
	int band = m->h / 3;
	const text_run *clock = find_exact(t, hm);
	if (!app_clock_right(m->a)) {
		/* known to be wrong (a jump back before the build): not shown */
		if (clock && clock->visible.y + clock->visible.h <= band)
			return fail(m, "header: shows the clock \"%s\", known to be wrong", hm);
	} else if (!clock || clock->visible.y + clock->visible.h > band) {
		return fail(m, "header: no clock \"%s\" in the top third of the screen", hm);
	}
	const char *unit = unit_name(m);
	if (!unit)
		return true;
	for (size_t i = 0; i < t->n; i++) {
		const text_run *r = &t->v[i];
		if (r->len >= 4 && !strncmp(unit, textruns_text(t, i), r->len) &&
		    r->visible.y + r->visible.h <= band && r->visible.w == r->r.w &&
		    r->visible.h == r->r.h)
			return true;
	}
	return fail(m, "header: the unit name \"%s\" is not in the top third of the screen", unit);
}

static void snapshot(monkey *m)
{
	for (size_t i = 0; i < m->n_snap; i++)
		free(m->snap[i].text);
	m->n_snap = 0;
	textruns *t = app_text_runs(m->a);
	m->snap_hash = 0;
	for (size_t i = 0; i < t->n; i++) {
		m->snap = xgrow(m->snap, &m->cap_snap, m->n_snap + 1, sizeof *m->snap);
		const text_run *r = &t->v[i];
		run_copy *c = &m->snap[m->n_snap++];
		*c = (run_copy){xstrdup(textruns_text(t, i)), r->r, r->visible, r->container,
		                run_hash(t, i)};
		m->snap_hash += c->hash; /* order does not matter */
	}
	m->have_snap = true;
}

static void note_screen(monkey *m)
{
	const char *name = app_screen_name(m->a);
	if (!strcmp(name, m->last_screen))
		return;
	if (!strcmp(name, "idle-prompt"))
		m->s.idle_prompts++;
	else if (!strcmp(name, "attract"))
		m->s.attract_resets++;
	else if (!strncmp(name, "pin", 3)) /* "pin", "pin-usb", "pin-change" */
		m->s.pin_opened++;
	else if (!strcmp(name, "staff"))
		m->s.staff_reached++;
	else if (!strcmp(name, "detail"))
		m->s.detail_views++;
	snprintf(m->last_screen, sizeof m->last_screen, "%s", name);
}

/* Draws a frame when the app wants one, as the kiosk's loop does; checks it. */
static bool frame(monkey *m)
{
	if (m->failed)
		return false;
	if (!app_needs_frame(m->a))
		return true;
	double t0 = real_ms();
	app_draw(m->a, m->g);
	gfx_present(m->g);
	double ms = real_ms() - t0;
	if (ms > m->s.slowest_frame_ms)
		m->s.slowest_frame_ms = ms;
	m->s.frames++;
	if (app_needs_frame(m->a))
		return fail(m, "app_needs_frame is still true right after app_draw");
	note_screen(m);
	if (!m->o.check)
		return true;
	m->s.checks++;
	char *why = NULL;
	if (!textruns_check(app_text_runs(m->a), m->w, m->h, &why)) {
		fail(m, "layout: %s", why);
		free(why);
		return false;
	}
	if (!check_header(m))
		return false;
	snapshot(m);
	return true;
}

/* Nothing may change on screen while the app says no frame is needed:
 * draws anyway and compares the text runs with the last frame's. */
static bool check_stale(monkey *m)
{
	if (!m->o.check || m->failed || !m->have_snap || app_needs_frame(m->a) ||
	    m->o.stale_every <= 0 || m->s.actions % m->o.stale_every)
		return !m->failed;
	app_draw(m->a, m->g);
	gfx_present(m->g);
	textruns *t = app_text_runs(m->a);
	uint64_t h = 0;
	for (size_t i = 0; i < t->n; i++)
		h += run_hash(t, i);
	if (h == m->snap_hash)
		return true;
	fprintf(stderr, "monkey: runs only in the frame drawn before:\n");
	for (size_t i = 0; i < m->n_snap; i++) {
		bool same = false;
		for (size_t j = 0; j < t->n && !same; j++)
			same = run_hash(t, j) == m->snap[i].hash;
		if (!same) {
			fprintf(stderr, "    \"%s\"", m->snap[i].text);
			print_rect(stderr, "at", m->snap[i].r);
			fputc('\n', stderr);
		}
	}
	fprintf(stderr, "monkey: runs only in the frame drawn now:\n");
	for (size_t j = 0; j < t->n; j++) {
		bool same = false;
		for (size_t i = 0; i < m->n_snap && !same; i++)
			same = run_hash(t, j) == m->snap[i].hash;
		if (!same) {
			fprintf(stderr, "    \"%s\"", textruns_text(t, j));
			print_rect(stderr, "at", t->v[j].r);
			fputc('\n', stderr);
		}
	}
	return fail(m, "stale frame: the screen changed while app_needs_frame said nothing had");
}

/* --- time and input */

/* The app's background work finishes before anything else happens, so
 * that a seed always gives the same run (the worker's speed does not
 * decide what the next event meets). */
static bool settle(monkey *m)
{
	for (int i = 0; app_busy(m->a); i++) {
		if (i >= MONKEY_BUSY_MAX_MS)
			return fail(m, "hang: the app has been busy for %d s",
			            MONKEY_BUSY_MAX_MS / 1000);
		struct timespec pause = {0, 1000000L};
		nanosleep(&pause, NULL);
	}
	return true;
}

static const char *const event_names[] = {
    "down", "move", "up", "key", "tick", "expose", "usb-inserted", "usb-removed",
};

/* Hands one event to the app. The kiosk's loop is single-threaded: an
 * event that takes long is a kiosk that does not answer the finger. */
static bool send(monkey *m, const ui_event *ev)
{
	if (!settle(m))
		return false;
	double t0 = real_ms();
	app_handle_event(m->a, ev, m->now);
	double ms = real_ms() - t0;
	m->s.events++;
	if (ms > m->s.slowest_event_ms) {
		m->s.slowest_event_ms = ms;
		snprintf(m->s.slowest_event, sizeof m->s.slowest_event, "a %s on %s, action %ld",
		         (size_t)ev->type < sizeof event_names / sizeof *event_names
		             ? event_names[ev->type]
		             : "?",
		         app_screen_name(m->a), m->s.actions);
	}
	if (ms > MONKEY_STALL_MS)
		return fail(m, "stall: a %s took %.0f ms of real time in app_handle_event",
		            (size_t)ev->type < sizeof event_names / sizeof *event_names
		                ? event_names[ev->type]
		                : "?",
		            ms);
	return true;
}

static bool advance(monkey *m, int64_t to)
{
	int64_t start = m->now;
	long ticks = 0, stuck = 0;
	while (!m->failed && !app_finished(m->a, NULL)) {
		int64_t d = app_next_deadline(m->a);
		if (d > to)
			break;
		if (d <= m->now) {
			if (++stuck > 1000)
				return fail(m,
				            "busy loop: the next deadline (%lld) stays at or "
				            "before now (%lld)",
				            (long long)d, (long long)m->now);
		} else {
			stuck = 0;
		}
		if (d > m->now && app_waits_outside(m->a)) {
			int64_t ms =
			    d - m->now < MONKEY_OUTSIDE_MS ? d - m->now : MONKEY_OUTSIDE_MS;
			struct timespec pause = {0, (long)ms * 1000000L};
			nanosleep(&pause, NULL);
		}
		if (d > m->now)
			m->now = d;
		ui_event tick = {.type = UI_EV_TICK};
		if (!send(m, &tick))
			return false;
		m->s.ticks++;
		/* Animations step every 16 ms; the clock, countdown and slides
		 * far more rarely. More ticks than that burn the CPU of an idle kiosk. */
		if (++ticks > (m->now - start) / 8 + 1000)
			return fail(m, "%ld ticks in %lld ms: a timer fires too often", ticks,
			            (long long)(m->now - start));
		if (m->o.frame_per_input && !frame(m))
			return false;
	}
	if (to > m->now)
		m->now = to;
	return !m->failed;
}

static bool input(monkey *m, ui_event_type type, int64_t id, float x, float y)
{
	if (m->failed)
		return false;
	if (app_finished(m->a, NULL))
		return true;
	ui_event ev = {.type = type, .id = id, .x = x, .y = y};
	if (!send(m, &ev))
		return false;
	return !m->o.frame_per_input || frame(m);
}

static bool tap_at(monkey *m, float x, float y, int64_t hold)
{
	if (!input(m, UI_EV_DOWN, 1, x, y))
		return false;
	if (hold > 40 && chance(m, 15)) { /* a finger is never quite still */
		if (!advance(m, m->now + hold / 2) ||
		    !input(m, UI_EV_MOVE, 1, x + (float)rnd_range(m, -8, 8),
		           y + (float)rnd_range(m, -8, 8)))
			return false;
		hold -= hold / 2;
	}
	return advance(m, m->now + hold) && input(m, UI_EV_UP, 1, x, y);
}

static int64_t tap_hold(monkey *m)
{
	if (chance(m, 4))
		return rnd_range(m, 800, 1600); /* too slow for a tap */
	return rnd_range(m, 30, 300);
}

/* --- what is on screen */

static bool on_screen(monkey *m, const char *name)
{
	return !strcmp(app_screen_name(m->a), name);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* What prints: the detail page's buttons, the staff's test page. */
static const char *const print_labels[] = {"In hướng dẫn", "In mẫu đơn", "In trang thử", "Print",
                                           NULL};

static bool is_print(const char *text)
{
	for (const char *const *p = print_labels; *p; p++)
		if (starts_with(text, *p))
			return true;
	return false;
}

static bool prints_left(monkey *m)
{
	return !m->o.max_prints || m->s.prints < m->o.max_prints;
}

/* What the monkey never taps: the staff's "Exit" tile (it closes the
 * kiosk: a tap there would only restart the app) and, once the print
 * budget is spent, what prints (every sheet lands in cups-pdf's folder). */
static bool avoided(monkey *m, const char *text)
{
	if (on_screen(m, "staff") &&
	    (starts_with(text, _("Exit")) || starts_with(text, "Thoát") ||
	     starts_with(text, "Exit") ||
	     starts_with(text, _("Closes the kiosk; the system service starts it again."))))
		return true;
	return is_print(text) && !prints_left(m);
}

/* A point on what an avoided run belongs to. The staff's tiles take a tap
 * anywhere on them (title and hint, left-aligned): from a little left of
 * the text to the right edge, from above it to below the hint; elsewhere a
 * button around its label. */
static bool near_avoided(monkey *m, float x, float y)
{
	textruns *t = app_text_runs(m->a);
	bool staff = on_screen(m, "staff");
	int left = layout_px(&m->metrics, staff ? 60 : 200);
	int up = layout_px(&m->metrics, staff ? 80 : 48),
	    down = layout_px(&m->metrics, staff ? 220 : 48);
	for (size_t i = 0; i < t->n; i++) {
		gfx_rect r = t->v[i].visible;
		int right = staff ? m->w : r.x + r.w + left;
		if (avoided(m, textruns_text(t, i)) && x >= r.x - left && x < right &&
		    y >= r.y - up && y < r.y + r.h + down)
			return true;
	}
	return false;
}

static void run_centre(const text_run *r, float *x, float *y)
{
	*x = (float)r->visible.x + (float)r->visible.w / 2.0f;
	*y = (float)r->visible.y + (float)r->visible.h / 2.0f;
}

/* A random run's index, not on what is avoided; -1 when none. */
static long pick_run(monkey *m)
{
	textruns *t = app_text_runs(m->a);
	if (!t->n)
		return -1;
	for (int tries = 0; tries < 8; tries++) {
		size_t i = (size_t)rnd_int(m, (int)t->n);
		float x, y;
		run_centre(&t->v[i], &x, &y);
		if (!near_avoided(m, x, y))
			return (long)i;
	}
	return -1;
}

/* The first run whose text starts with one of the prefixes. */
static const text_run *find_prefix(monkey *m, const char *const *prefixes, char *label, size_t n)
{
	textruns *t = app_text_runs(m->a);
	for (size_t i = 0; i < t->n; i++)
		for (const char *const *p = prefixes; *p; p++)
			if (starts_with(textruns_text(t, i), *p)) {
				snprintf(label, n, "%s", textruns_text(t, i));
				return &t->v[i];
			}
	return NULL;
}

/* --- actions */

static bool act_tap_run(monkey *m)
{
	m->kind = "tap-run";
	long i = pick_run(m);
	if (i < 0)
		return true;
	textruns *t = app_text_runs(m->a);
	float x, y;
	run_centre(&t->v[i], &x, &y);
	int64_t hold = tap_hold(m);
	trace(m, "\"%.60s\" at %.0f,%.0f for %lld ms", textruns_text(t, (size_t)i), x, y,
	      (long long)hold);
	if (is_print(textruns_text(t, (size_t)i)))
		m->s.prints++;
	return tap_at(m, x, y, hold);
}

static bool act_tap_point(monkey *m)
{
	m->kind = "tap";
	float x = (float)rnd_int(m, m->w), y = (float)rnd_int(m, m->h);
	if (near_avoided(m, x, y))
		return true;
	int64_t hold = tap_hold(m);
	trace(m, "%.0f,%.0f for %lld ms", x, y, (long long)hold);
	return tap_at(m, x, y, hold);
}

static bool act_drag(monkey *m)
{
	m->kind = "drag";
	float x1 = (float)rnd_int(m, m->w), y1 = (float)rnd_int(m, m->h);
	long i = chance(m, 50) ? pick_run(m) : -1;
	if (i >= 0)
		run_centre(&app_text_runs(m->a)->v[i], &x1, &y1);
	float len = (float)rnd_range(m, 4, m->h), x2, y2;
	if (chance(m, 80)) { /* mostly up or down: scrolling */
		x2 = x1 + (float)rnd_range(m, -40, 40);
		y2 = y1 + (chance(m, 50) ? len : -len);
	} else {
		x2 = (float)rnd_int(m, m->w);
		y2 = (float)rnd_int(m, m->h);
	}
	if (chance(m, 10)) { /* off the edge of the panel */
		x2 = (float)rnd_range(m, -60, m->w + 60);
		y2 = chance(m, 50) ? (float)rnd_range(m, -60, -1)
		                   : (float)rnd_range(m, m->h, m->h + 60);
	}
	int64_t ms = chance(m, 30) ? rnd_range(m, 30, 150) : rnd_range(m, 150, 1500);
	bool settle = chance(m, 20);
	trace(m, "%.0f,%.0f -> %.0f,%.0f in %lld ms%s", x1, y1, x2, y2, (long long)ms,
	      settle ? ", held" : "");
	int64_t t0 = m->now;
	if (!input(m, UI_EV_DOWN, 1, x1, y1))
		return false;
	for (int64_t t = MONKEY_STEP_MS; t < ms; t += MONKEY_STEP_MS) {
		float k = (float)t / (float)ms;
		if (!advance(m, t0 + t) ||
		    !input(m, UI_EV_MOVE, 1, x1 + (x2 - x1) * k, y1 + (y2 - y1) * k))
			return false;
	}
	if (!advance(m, t0 + ms) || !input(m, UI_EV_MOVE, 1, x2, y2))
		return false;
	if (settle && !advance(m, m->now + rnd_range(m, 120, 400)))
		return false;
	return input(m, UI_EV_UP, 1, x2, y2);
}

/* Where the emblem is: left of the unit name, centred on the clock block
 * (clock and date), which header_layout centres on the same row. */
static void emblem_centre(monkey *m, float *x, float *y)
{
	int emblem = layout_px(&m->metrics, 84);
	*x = (float)m->metrics.pad + (float)emblem / 2.0f;
	*y = (float)layout_px(&m->metrics, 16) + (float)emblem / 2.0f;
	char hm[16], date[16];
	wall_strings(m, hm, sizeof hm, date, sizeof date);
	textruns *t = app_text_runs(m->a);
	const text_run *c = find_exact(t, hm), *d = find_exact(t, date);
	if (c && d)
		*y = ((float)c->r.y + (float)(d->r.y + d->r.h)) / 2.0f;
}

static bool act_long_press(monkey *m)
{
	m->kind = "long-press";
	float x, y;
	int where = rnd_int(m, 100);
	long i = where >= 60 && where < 80 ? pick_run(m) : -1;
	if (where < 60)
		emblem_centre(m, &x, &y);
	else if (i >= 0)
		run_centre(&app_text_runs(m->a)->v[i], &x, &y);
	else {
		x = (float)rnd_int(m, m->w);
		y = (float)rnd_int(m, m->h);
	}
	int64_t hold = rnd_range(m, MONKEY_LONG_PRESS_MS, MONKEY_LONG_PRESS_MS + 1500);
	trace(m, "%s %.0f,%.0f for %lld ms", where < 60 ? "emblem" : "", x, y, (long long)hold);
	if (!input(m, UI_EV_DOWN, 1, x, y) || !advance(m, m->now + hold))
		return false;
	return input(m, UI_EV_UP, 1, x, y);
}

/* Taps the keys of s (keys the screen has: the search keyboard or the PIN pad). */
static bool type_keys(monkey *m, const char *s)
{
	for (const char *c = s; *c && !app_finished(m->a, NULL); c++) {
		float x, y;
		if (!app_key_center(m->a, (unsigned char)*c, &x, &y))
			return true; /* the screen changed under the finger (idle, a reload) */
		if (!tap_at(m, x, y, MONKEY_KEY_HOLD_MS) || !advance(m, m->now + MONKEY_KEY_GAP_MS))
			return false;
		m->s.typed_keys++;
	}
	return true;
}

static bool act_type(monkey *m)
{
	float x, y;
	if (!app_key_center(m->a, 'a', &x, &y))
		return act_tap_run(m);
	m->kind = "type";
	char buf[64];
	if (chance(m, 50)) {
		snprintf(buf, sizeof buf, "%s",
		         words[rnd_int(m, (int)(sizeof words / sizeof *words))]);
	} else {
		static const char keys[] = "abcdefghijklmnopqrstuvwxyz0123456789   ";
		int n = (int)rnd_range(m, 1, 12);
		for (int i = 0; i < n; i++)
			buf[i] = keys[rnd_int(m, (int)sizeof keys - 1)];
		buf[n] = 0;
	}
	trace(m, "\"%s\"", buf);
	return type_keys(m, buf);
}

static bool act_pin(monkey *m)
{
	m->kind = "pin";
	char buf[8];
	int n = chance(m, 10) ? (int)rnd_range(m, 1, 5) : 6;
	bool right = n == 6 && chance(m, 45);
	for (int i = 0; i < n; i++)
		buf[i] = right ? '0' : (char)('0' + rnd_int(m, 10));
	buf[n] = 0;
	trace(m, "\"%s\"", buf);
	if (right)
		m->s.pin_right++;
	return type_keys(m, buf);
}

/* On the update screen, what staff came for: install (or go back). */
static bool act_update(monkey *m)
{
	const char *labels[] = {_("Update"), _("Go back to the older version"),
	                        _("Install this version again"), _("Close"), _("Cancel")};
	textruns *t = app_text_runs(m->a);
	const char *want = labels[chance(m, 80) ? rnd_int(m, 3) : 3 + rnd_int(m, 2)];
	const text_run *r = find_exact(t, want);
	if (!r)
		return act_tap_run(m);
	m->kind = "update";
	float x, y;
	run_centre(r, &x, &y);
	trace(m, "\"%s\"", want);
	return tap_at(m, x, y, rnd_range(m, 40, 200));
}

/* The system clock is set: NTP corrects a drift, or finds the right date
 * after a Raspberry Pi (no clock battery) booted with an old one. The
 * kiosk's loop passes the wall clock to the app at every turn. */
static bool set_clock(monkey *m, int64_t d)
{
	m->kind = "clock";
	trace(m, "%+lld ms", (long long)d);
	m->wall_offset += d;
	if (!settle(m))
		return false;
	app_set_wall_clock(m->a, m->now + m->wall_offset, m->now);
	return true;
}

static bool act_clock(monkey *m)
{
	/* clang-format off */
	static const int64_t jumps[] = {
		-1500, 2500, -61000, 3600000, -3600000, 90LL * 86400000, -400LL * 86400000,
		3LL * 365 * 86400000,
	};
	/* clang-format on */
	int64_t d = jumps[rnd_int(m, (int)(sizeof jumps / sizeof *jumps))];
	if (m->now + m->wall_offset + d < 86400000)
		d = -d;
	return set_clock(m, d);
}

/* Nobody at the kiosk. Past the first seconds (a fling coasting out) an
 * idle kiosk wakes for the clock, the idle countdown, the attract slides
 * and a print job's polls: a few times a minute, 150 at most. */
static bool act_idle(monkey *m)
{
	m->kind = "idle";
	int64_t ms =
	    chance(m, 70) ? rnd_range(m, 0, MONKEY_IDLE_JUMP_MS) : rnd_range(m, 80000, 115000);
	trace(m, "%lld ms", (long long)ms);
	if (ms < 65000)
		return advance(m, m->now + ms);
	if (!advance(m, m->now + 5000))
		return false;
	long t0 = m->s.ticks;
	if (!advance(m, m->now + ms - 5000))
		return false;
	long per_min = (m->s.ticks - t0) * 60000 / (ms - 5000);
	if (per_min > m->s.idle_ticks_per_min)
		m->s.idle_ticks_per_min = per_min;
	if (per_min > MONKEY_IDLE_TICKS_PER_MIN)
		return fail(m, "an idle kiosk woke %ld times a minute (at most %d expected)",
		            per_min, MONKEY_IDLE_TICKS_PER_MIN);
	return true;
}

static bool act_toggle(monkey *m)
{
	m->kind = "toggle";
	static const char *const lang[] = {"Tiếng Việt", "English", NULL};
	static const char *const size[] = {"A+", "A–", NULL};
	bool is_lang = chance(m, 50);
	textruns *t = app_text_runs(m->a);
	const text_run *r = NULL;
	char label[128] = "";
	if (is_lang) {
		const char *want = lang[rnd_int(m, 2)];
		r = find_exact(t, want);
		snprintf(label, sizeof label, "%s", want);
	} else {
		r = find_prefix(m, size, label, sizeof label);
	}
	if (!r)
		return act_tap_run(m);
	float x, y;
	run_centre(r, &x, &y);
	trace(m, "\"%s\"", label);
	if (is_lang)
		m->s.lang_toggles++;
	else
		m->s.size_toggles++;
	return tap_at(m, x, y, rnd_range(m, 40, 200));
}

static bool act_print(monkey *m)
{
	char label[128];
	const text_run *r =
	    m->o.printer && prints_left(m) && (on_screen(m, "detail") || on_screen(m, "staff"))
	        ? find_prefix(m, print_labels, label, sizeof label)
	        : NULL;
	if (!r)
		return act_tap_run(m);
	m->kind = "print";
	float x, y;
	run_centre(r, &x, &y);
	trace(m, "\"%s\"", label);
	m->s.prints++;
	return tap_at(m, x, y, rnd_range(m, 40, 200));
}

/* --- USB sticks: a good bundle with a growing version, or a broken one */

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *cmd = NULL;
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

/* clang-format off */
static const char *const stick_kinds[] = {
	"good", "good-upper-case", "no-procedures", "bad-utf8", "open-quote", "garbage-ini",
	"downgrade", "form-symlink", "form-not-pdf", "empty", "no-bundle", "duplicate-code",
	"truncated", "huge-cell", "missing-form", "bad-phone",
};
/* clang-format on */
enum { STICK_KINDS = sizeof stick_kinds / sizeof *stick_kinds, STICK_DOWNGRADE = 6 };

/* Makes the template of every kind of stick once, in dir/sticks/KIND (the
 * stick's top folder). Returns false when the shell commands failed. */
static bool make_stick_templates(monkey *m)
{
	int rc = 0;
	for (int k = 0; k < STICK_KINDS; k++) {
		char *top = xasprintf("%s/sticks/%s", m->dir, stick_kinds[k]);
		char *d = xasprintf("%s/%s", top, k == 1 ? "MOTCUA" : "motcua");
		rc |= sh("mkdir -p '%s'", top);
		if (k == 10) { /* photos, no bundle */
			rc |=
			    sh("mkdir -p '%s/DCIM' && printf x > '%s/DCIM/IMG_0001.JPG'", top, top);
		} else {
			rc |= sh("cp -r '%s' '%s'", m->o.fixtures, d);
			if (k == STICK_DOWNGRADE)
				rc |=
				    sh("sed -i 's/^phien_ban.*/phien_ban = 0/' '%s/bundle.ini'", d);
		}
		switch (k) {
		case 1:
			rc |= sh("cd '%s' && mv procedures.csv PROCEDURES.CSV && mv bundle.ini "
			         "Bundle.INI",
			         d);
			break;
		case 2:
			rc |= sh("rm '%s/procedures.csv'", d);
			break;
		case 3:
			rc |= sh("printf '\\xff\\xfe\\xc3(\\n' >> '%s/procedures.csv'", d);
			break;
		case 4:
			rc |= sh("printf '\"1.999999,\"no end\\n' >> '%s/procedures.csv'", d);
			break;
		case 5:
			rc |= sh("head -c 300 /dev/urandom > '%s/bundle.ini'", d);
			break;
		case 7:
			rc |= sh("cd '%s/forms' && for f in *.pdf; do rm \"$f\"; ln -s /etc/passwd "
			         "\"$f\"; done",
			         d);
			break;
		case 8:
			rc |=
			    sh("cd '%s/forms' && for f in *.pdf; do echo hello > \"$f\"; done", d);
			break;
		case 9:
			rc |= sh("rm -rf '%s'/*", d);
			break;
		case 11:
			rc |= sh("sed -n 2p '%s/procedures.csv' >> '%s/procedures.csv'", d, d);
			break;
		case 12:
			rc |= sh("head -c 4000 '%s/procedures.csv' > '%s/p' && mv '%s/p' "
			         "'%s/procedures.csv'",
			         d, d, d, d);
			break;
		case 13:
			rc |= sh("awk 'NR==2{printf \"%%s\", $0; for(i=0;i<70000;i++) printf "
			         "\"x\"; print \"\"; next} {print}' "
			         "'%s/procedures.csv' > '%s/p' && mv '%s/p' '%s/procedures.csv'",
			         d, d, d, d);
			break;
		case 14:
			rc |= sh("rm -rf '%s/forms'", d);
			break;
		case 15:
			rc |= sh("sed -i '2s/[0-9][0-9][0-9][0-9]/phone/' '%s/hotlines.csv'", d);
			break;
		default:
			break;
		}
		free(top);
		free(d);
	}
	return rc == 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Copies the tree src to dst: folders, regular files, symbolic links as
 * links. A bundle.ini (any case) gets "phien_ban = version" unless version
 * is < 0. No shell: a run makes thousands of sticks. False after saying
 * why. */
static bool copy_tree(const char *src, const char *dst, long version)
{
	if (mkdir(dst, 0755) < 0) {
		perror(dst);
		return false;
	}
	DIR *d = opendir(src);
	if (!d) {
		perror(src);
		return false;
	}
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *from = xasprintf("%s/%s", src, e->d_name),
		     *to = xasprintf("%s/%s", dst, e->d_name);
		struct stat st;
		if (lstat(from, &st) == 0 && S_ISDIR(st.st_mode)) {
			ok = copy_tree(from, to, version);
		} else if (lstat(from, &st) == 0 && S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t n = readlink(from, target, sizeof target - 1);
			if (n >= 0) {
				target[n] = 0;
				ok = symlink(target, to) == 0;
			}
			if (!ok)
				perror(to);
		} else {
			FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
			bool ini = version >= 0 && !strcasecmp(e->d_name, "bundle.ini");
			char buf[1 << 14];
			if (!in || !out) {
				perror(in ? to : from);
				ok = false;
			} else if (ini) {
				while (fgets(buf, sizeof buf, in))
					if (!strncmp(buf, "phien_ban", 9))
						fprintf(out, "phien_ban = %ld\n", version);
					else
						fputs(buf, out);
			} else {
				size_t n;
				while ((n = fread(buf, 1, sizeof buf, in)) > 0)
					fwrite(buf, 1, n, out);
			}
			if (in)
				fclose(in);
			if (out)
				fclose(out);
		}
		free(from);
		free(to);
	}
	closedir(d);
	return ok;
}

static bool act_usb(monkey *m)
{
	if (!m->o.fixtures)
		return act_tap_run(m);
	m->kind = "usb";
	/* Nothing of the app's may be reading the stick while it changes. */
	if (!settle(m))
		return false;
	if (m->stick_in && chance(m, 70)) {
		bool yank_first = chance(m, 40); /* the folder is gone before the event comes */
		trace(m, "remove %s%s", m->bundle, yank_first ? " (gone before the event)" : "");
		if (yank_first)
			remove_tree(m->media);
		m->stick_in = false;
		m->s.usb_removes++;
		ui_event ev = {.type = UI_EV_USB_REMOVED, .path = m->bundle};
		if (!app_finished(m->a, NULL) && !send(m, &ev))
			return false;
		remove_tree(m->media);
		return !m->o.frame_per_input || frame(m);
	}
	int kind = chance(m, 35) ? rnd_int(m, 2) : rnd_int(m, STICK_KINDS);
	trace(m, "insert %s%s", stick_kinds[kind], m->stick_in ? " (over the stick in)" : "");
	remove_tree(m->media);
	char *tmpl = xasprintf("%s/sticks/%s", m->dir, stick_kinds[kind]);
	bool made = copy_tree(tmpl, m->media,
	                      kind == STICK_DOWNGRADE ? -1
	                      : kind <= 1             ? m->stick_version++
	                                              : m->stick_version);
	free(tmpl);
	if (!made)
		return fail(m, "cannot make the USB stick %s", m->media);
	free(m->bundle);
	m->bundle = xasprintf("%s/%s", m->media, kind == 1 ? "MOTCUA" : "motcua");
	m->stick_in = true;
	m->s.usb_inserts++;
	ui_event ev = {.type = UI_EV_USB_INSERTED, .path = m->bundle};
	if (!app_finished(m->a, NULL) && !send(m, &ev))
		return false;
	return !m->o.frame_per_input || frame(m);
}

/* Input the kiosk should shrug off: a second finger, an UP without a DOWN,
 * an expose, a key. */
static bool act_stray(monkey *m)
{
	m->kind = "stray";
	float x = (float)rnd_int(m, m->w), y = (float)rnd_int(m, m->h);
	switch (rnd_int(m, 6)) {
	case 0:
		trace(m, "expose");
		return input(m, UI_EV_EXPOSE, 0, 0, 0);
	case 1:
		trace(m, "key");
		return input(m, UI_EV_KEY, 0, 0, 0);
	case 2:
		trace(m, "up without down at %.0f,%.0f", x, y);
		return input(m, UI_EV_UP, 1, x, y);
	case 3:
		trace(m, "move without down at %.0f,%.0f", x, y);
		return input(m, UI_EV_MOVE, 1, x, y);
	case 4: {
		float x2 = (float)rnd_int(m, m->w), y2 = (float)rnd_int(m, m->h);
		trace(m, "two fingers at %.0f,%.0f and %.0f,%.0f", x, y, x2, y2);
		if (near_avoided(m, x, y))
			return true;
		return input(m, UI_EV_DOWN, 1, x, y) && advance(m, m->now + 30) &&
		       input(m, UI_EV_DOWN, 2, x2, y2) && advance(m, m->now + 30) &&
		       input(m, UI_EV_MOVE, 2, x2 + 40, y2 + 40) &&
		       input(m, UI_EV_UP, 2, x2 + 40, y2 + 40) && advance(m, m->now + 30) &&
		       input(m, UI_EV_UP, 1, x, y);
	}
	default: {
		/* a stick the app never heard of (the watch saw it come and go
		 * between two polls) */
		char *other = xasprintf("%s/media/usb-other/motcua", m->dir);
		ui_event ev = {.type = UI_EV_USB_REMOVED, .path = other};
		trace(m, "usb removed: %s", other);
		bool ok = app_finished(m->a, NULL) || send(m, &ev);
		free(other);
		return ok && (!m->o.frame_per_input || frame(m));
	}
	}
}

/* --- the app's life */

static void start_app(monkey *m, bool attract)
{
	/* A restarted kiosk process starts in its language again. */
	i18n_set_lang(m->o.english ? I18N_EN : I18N_VI);
	app_options ao = {
	    .cfg = &m->cfg,
	    .cat = m->cat,
	    .now = m->now,
	    .wall_ms = m->now + m->wall_offset,
	    .attract = attract,
	    .events = m->ev,
	    .st = &m->st,
	};
	m->a = app_new(&ao, m->g);
	snprintf(m->last_screen, sizeof m->last_screen, "%s", app_screen_name(m->a));
	m->have_snap = false;
}

/* What the kiosk's loop does between inputs: reopen a replaced catalogue. */
static void poll_catalog(monkey *m)
{
	catalog *fresh = catwatch_poll(&m->watch, m->now, 1000);
	if (!fresh)
		return;
	app_set_catalog(m->a, fresh);
	catalog_close(m->cat);
	m->cat = fresh;
	m->s.catalog_reloads++;
}

monkey *monkey_new(const monkey_options *o)
{
	monkey *m = xcalloc(1, sizeof *m);
	m->o = *o;
	m->rng = o->seed;
	m->now = MONKEY_START_MS;
	/* Whole weeks later when the program is newer (the weekday and the time
	 * of day stay): a clock before the build is known to be wrong, and the
	 * header would hide it for the whole run. */
	int64_t wall_start = MONKEY_WALL_START_MS;
	while (wall_start < (int64_t)wallclock_build_time() * 1000)
		wall_start += 7LL * 86400000;
	m->wall_offset = wall_start - MONKEY_START_MS;
	m->stick_version = 1000;
	setenv("TZ", "ICT-7", 1);
	tzset();
	setenv("MOTCUA_LANG", o->english ? "en" : "vi", 1);
	setenv("SDL_VIDEODRIVER", "offscreen", 0);
	i18n_init();
	char tmpl[] = "/tmp/motcua-monkey-XXXXXX";
	if (!mkdtemp(tmpl)) {
		perror("monkey: mkdtemp");
		free(m);
		return NULL;
	}
	m->dir = xstrdup(tmpl);
	m->media = xasprintf("%s/media/motcua-sdb1", m->dir);
	char *store_dir = xasprintf("%s/store", m->dir);
	diag_list diag = {0};
	int rc = store_open(&m->st, store_dir);
	free(store_dir);
	char *sample = xasprintf("%s/motcua", paths_datadir());
	if (rc == 0)
		rc = store_ensure(&m->st, o->bundle ? o->bundle : sample, &diag);
	free(sample);
	if (rc < 0) {
		diag_print(&diag, stderr);
		diag_clear(&diag);
		fprintf(stderr, "monkey: cannot fill the store\n");
		goto fail;
	}
	diag_clear(&diag);
	m->conf_path = xasprintf("%s/kiosk.conf", m->dir);
	FILE *f = fopen(m->conf_path, "w");
	if (!f) {
		perror(m->conf_path);
		goto fail;
	}
	fprintf(f, "[kiosk]\nmedia_roots = %s/media\n", m->dir);
	if (o->unit_name)
		fprintf(f, "unit_name = %s\n", o->unit_name);
	if (o->idle_prompt_s > 0)
		fprintf(f, "idle_prompt_s = %d\nidle_reset_s = %d\n", o->idle_prompt_s,
		        o->idle_reset_s > 0 ? o->idle_reset_s : 20);
	/* Never CUPS's default destination: it may be a real printer. */
	fprintf(f, "printer = %s\n", o->printer ? o->printer : "motcua-monkey-no-such-queue");
	fclose(f);
	if (config_load(&m->cfg, m->conf_path, &diag) < 0) {
		diag_print(&diag, stderr);
		diag_clear(&diag);
		goto fail;
	}
	diag_clear(&diag);
	char *err = NULL;
	m->cat = catalog_open(m->st.catalog_path, &err);
	if (!m->cat) {
		fprintf(stderr, "monkey: %s: %s\n", m->st.catalog_path, err ? err : "?");
		free(err);
		goto fail;
	}
	catwatch_init(&m->watch, m->st.catalog_path);
	m->ev = events_open(m->st.events_path, &err);
	if (!m->ev) {
		fprintf(stderr, "monkey: %s: %s\n", m->st.events_path, err ? err : "?");
		free(err);
		goto fail;
	}
	char *media_root = xasprintf("%s/media", m->dir);
	mkdir(media_root, 0755);
	free(media_root);
	if (o->fixtures && !make_stick_templates(m)) {
		fprintf(stderr, "monkey: cannot make the USB sticks from %s\n", o->fixtures);
		goto fail;
	}
	gfx_options go = {
	    .width = o->width, .height = o->height, .headless = true, .rotate = o->rotate};
	m->g = gfx_open(&go);
	if (!m->g)
		goto fail;
	gfx_size(m->g, &m->w, &m->h);
	layout_metrics(&m->metrics, m->w, m->h, false);
	start_app(m, false);
	m->kind = NULL;
	if (!frame(m)) {
		monkey_free(m);
		return NULL;
	}
	return m;
fail:
	monkey_free(m);
	return NULL;
}

void monkey_free(monkey *m)
{
	if (!m)
		return;
	app_free(m->a);
	gfx_close(m->g);
	catalog_close(m->cat);
	events_close(m->ev);
	config_clear(&m->cfg);
	store_close(&m->st);
	for (size_t i = 0; i < m->n_snap; i++)
		free(m->snap[i].text);
	free(m->snap);
	if (m->dir && !getenv("MONKEY_KEEP"))
		sh("rm -rf '%s'", m->dir);
	free(m->dir);
	free(m->media);
	free(m->bundle);
	free(m->conf_path);
	free(m);
}

bool monkey_step(monkey *m)
{
	if (m->failed)
		return false;
	m->s.actions++;
	m->what[0] = 0;
	bool ok;
	int dice = rnd_int(m, 100);
	if (!strncmp(app_screen_name(m->a), "pin", 3) && dice < 45)
		ok = act_pin(m);
	else if (on_screen(m, "usb") && dice < 30)
		ok = act_update(m);
	else if (dice < 38)
		ok = act_tap_run(m);
	else if (dice < 54)
		ok = act_tap_point(m);
	else if (dice < 68)
		ok = act_drag(m);
	else if (dice < 73)
		ok = act_long_press(m);
	else if (dice < 82)
		ok = act_type(m);
	else if (dice < 85)
		ok = act_idle(m);
	else if (dice < 89)
		ok = act_toggle(m);
	else if (dice < 92)
		ok = act_usb(m);
	else if (dice < 96)
		ok = act_print(m);
	else if (dice < 99)
		ok = act_stray(m);
	else
		ok = act_clock(m);
	if (!ok)
		return false;
	/* The frame the loop draws as the finger lifts; what timers change
	 * during the pause must then ask for one of its own (the stale check
	 * sees it when they do not). */
	if (!app_finished(m->a, NULL) && !frame(m))
		return false;
	/* The pause before the next action. */
	int p = rnd_int(m, 100);
	int64_t pause = p < 60   ? rnd_range(m, 0, 800)
	                : p < 95 ? rnd_range(m, 0, 5000)
	                         : rnd_range(m, 5000, 60000);
	if (!advance(m, m->now + pause))
		return false;
	poll_catalog(m);
	int status;
	if (app_finished(m->a, &status)) {
		fprintf(stderr,
		        "monkey: action %ld (%s %s): the app finished with status %d; starting a "
		        "fresh one\n",
		        m->s.actions, m->kind, m->what, status);
		m->s.restarts++;
		app_free(m->a);
		start_app(m, true);
	}
	if (!frame(m))
		return false;
	return check_stale(m);
}

bool monkey_clock_jump(monkey *m, int64_t delta_ms)
{
	if (m->failed)
		return false;
	m->s.actions++;
	m->what[0] = 0;
	/* then anything that redraws: the header must show the new time */
	return set_clock(m, delta_ms) && input(m, UI_EV_EXPOSE, 0, 0, 0) && frame(m);
}

const monkey_stats *monkey_get_stats(const monkey *m)
{
	return &m->s;
}

void monkey_print_stats(const monkey *m, FILE *f)
{
	const monkey_stats *s = &m->s;
	fprintf(f,
	        "monkey: %ld actions (%ld events to the app), %ld frames (%ld checked), %ld ticks, "
	        "%lld s of kiosk time\n"
	        "monkey: screens: detail %ld, PIN pad %ld (right PIN typed %ld), staff %ld, idle "
	        "prompt %ld, "
	        "attract %ld; app restarts %ld\n"
	        "monkey: keys %ld, language %ld, text size %ld, USB in %ld / out %ld, print taps "
	        "%ld, catalogue "
	        "reloads %ld; most ticks in an idle minute %ld\n"
	        "monkey: slowest event %.0f ms (%s), slowest frame %.0f ms (real time)\n",
	        s->actions, s->events, s->frames, s->checks, s->ticks, (long long)(m->now / 1000),
	        s->detail_views, s->pin_opened, s->pin_right, s->staff_reached, s->idle_prompts,
	        s->attract_resets, s->restarts, s->typed_keys, s->lang_toggles, s->size_toggles,
	        s->usb_inserts, s->usb_removes, s->prints, s->catalog_reloads,
	        s->idle_ticks_per_min, s->slowest_event_ms, s->slowest_event, s->slowest_frame_ms);
}

const char *monkey_screen(monkey *m)
{
	return app_screen_name(m->a);
}

gfx *monkey_gfx(monkey *m)
{
	return m->g;
}

const char *monkey_dir(const monkey *m)
{
	return m->dir;
}
