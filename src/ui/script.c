#include "script.h"
#include "voice.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/wallclock.h"
#include "gfx/gfx_audio.h"
#include "core/xalloc.h"
#include "platform/stop.h"
#include "platform/usb.h"
#include "staff_usb.h"

/* How long the fake finger stays down for a tap, and the pause between keys. */
#define SCRIPT_TAP_MS 80
#define SCRIPT_KEY_GAP_MS 120
#define SCRIPT_DRAG_STEP_MS 16
/* A barcode scanner types much faster than a person. */
#define SCRIPT_SCAN_GAP_MS 15

static const struct {
	const char *word;
	script_cmd cmd;
	const char *args; /* n = number, s = quoted string, w = word or string, o = optional word */
} commands[] = {
	{"tap", SCRIPT_TAP, "nn"},
	{"tap-text", SCRIPT_TAP_TEXT, "s"},
	{"drag", SCRIPT_DRAG, "nnnnn"},
	{"type", SCRIPT_TYPE, "s"},
	{"wait", SCRIPT_WAIT, "n"},
	{"shot", SCRIPT_SHOT, "w"},
	{"expect-text", SCRIPT_EXPECT_TEXT, "s"},
	{"expect-no-text", SCRIPT_EXPECT_NO_TEXT, "s"},
	{"usb-insert", SCRIPT_USB_INSERT, "w"},
	{"usb-remove", SCRIPT_USB_REMOVE, "o"},
	{"clock", SCRIPT_CLOCK, "s"},
	{"expect-exact", SCRIPT_EXPECT_EXACT, "s"},
	{"keep", SCRIPT_KEEP, "sw"},
	{"expect-run", SCRIPT_EXPECT_RUN, "ss"},
	{"print-run", SCRIPT_PRINT_RUN, "s"},
	{"print-runs", SCRIPT_PRINT_RUNS, ""},
	{"scan", SCRIPT_SCAN, "s"},
	{"key", SCRIPT_KEY, "w"},
	{"expect-spoken", SCRIPT_EXPECT_SPOKEN, "s"},
};

static const char *skip_space(const char *p);

/* expect-run's "FIELD OP VALUE [+-* K]" (script.h). */
enum { RUN_FIELDS = 6 };
static const char *const run_fields[RUN_FIELDS] = {"x", "y", "w", "h", "bottom", "right"};
enum { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE };
static const char *const run_ops[] = {"<=", ">=", "==", "!=", "<", ">"};
static const int run_op_codes[] = {OP_LE, OP_GE, OP_EQ, OP_NE, OP_LT, OP_GT};

typedef struct run_expr {
	int field, op;
	bool is_number;   /* VALUE is num; else name.ref_field */
	double num;
	char name[32];    /* "screen" or a kept name */
	int ref_field;
	char arith;       /* 0, '+', '-' or '*' */
	double k;
} run_expr;

static bool name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

static const char *parse_field(const char *p, int *field)
{
	const char *e = p;
	while (isalpha((unsigned char)*e))
		e++;
	for (int i = 0; i < RUN_FIELDS; i++)
		if ((size_t)(e - p) == strlen(run_fields[i]) && !strncmp(p, run_fields[i], (size_t)(e - p))) {
			*field = i;
			return e;
		}
	return NULL;
}

static const char *parse_number(const char *p, double *v)
{
	if (!isdigit((unsigned char)*p) && *p != '.')
		return NULL;
	char *end;
	errno = 0;
	*v = strtod(p, &end);
	if (end == p || errno || !(*v >= 0 && *v <= 1e7))
		return NULL;
	return end;
}

static bool parse_expr(const char *p, run_expr *x)
{
	memset(x, 0, sizeof *x);
	p = skip_space(p);
	if (!(p = parse_field(p, &x->field)))
		return false;
	p = skip_space(p);
	size_t i;
	for (i = 0; i < sizeof run_ops / sizeof *run_ops; i++)
		if (!strncmp(p, run_ops[i], strlen(run_ops[i])))
			break;
	if (i == sizeof run_ops / sizeof *run_ops)
		return false;
	x->op = run_op_codes[i];
	p = skip_space(p + strlen(run_ops[i]));
	const char *e = parse_number(p, &x->num);
	if (e) {
		x->is_number = true;
		p = e;
	} else {
		e = p;
		while (name_char(*e))
			e++;
		if (e == p || (size_t)(e - p) >= sizeof x->name || *e != '.')
			return false;
		memcpy(x->name, p, (size_t)(e - p));
		if (!(p = parse_field(e + 1, &x->ref_field)))
			return false;
		if (!strcmp(x->name, "screen") && x->ref_field != 2 && x->ref_field != 3)
			return false;
	}
	p = skip_space(p);
	if (*p == '+' || *p == '-' || *p == '*') {
		x->arith = *p;
		if (!(p = parse_number(skip_space(p + 1), &x->k)))
			return false;
		p = skip_space(p);
	}
	return *p == 0;
}

static bool valid_name(const char *s)
{
	if (!*s || strlen(s) >= 32 || isdigit((unsigned char)*s) || !strcmp(s, "screen"))
		return false;
	for (; *s; s++)
		if (!name_char(*s))
			return false;
	return true;
}

void script_step_clear(script_step *s)
{
	free(s->text);
	free(s->text2);
	memset(s, 0, sizeof *s);
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

/* A "quoted string" with \" and \\ escapes; returns the end, or NULL. */
static const char *parse_string(const char *p, char **out)
{
	if (*p != '"')
		return NULL;
	p++;
	size_t cap = strlen(p) + 1, n = 0;
	char *s = xmalloc(cap);
	while (*p && *p != '"') {
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		s[n++] = *p++;
	}
	if (*p != '"') {
		free(s);
		return NULL;
	}
	s[n] = 0;
	*out = s;
	return p + 1;
}

static const char *parse_word(const char *p, char **out)
{
	if (*p == '"')
		return parse_string(p, out);
	const char *e = p;
	while (*e && *e != ' ' && *e != '\t' && *e != '\r')
		e++;
	if (e == p)
		return NULL;
	*out = xstrndup(p, (size_t)(e - p));
	return e;
}

/* The keypad's keys by name: kp0..kp9, kpenter, kpplus, kpminus, kpstar,
 * kpslash, kpperiod. */
static const struct {
	const char *name;
	int key;
} key_names[] = {
	{"kp0", GFX_KEY_KP_0}, {"kp1", GFX_KEY_KP_1}, {"kp2", GFX_KEY_KP_2}, {"kp3", GFX_KEY_KP_3},
	{"kp4", GFX_KEY_KP_4}, {"kp5", GFX_KEY_KP_5}, {"kp6", GFX_KEY_KP_6}, {"kp7", GFX_KEY_KP_7},
	{"kp8", GFX_KEY_KP_8}, {"kp9", GFX_KEY_KP_9}, {"kpenter", GFX_KEY_KP_ENTER},
	{"kpplus", GFX_KEY_KP_PLUS}, {"kpminus", GFX_KEY_KP_MINUS}, {"kpstar", GFX_KEY_KP_MULTIPLY},
	{"kpslash", GFX_KEY_KP_DIVIDE}, {"kpperiod", GFX_KEY_KP_PERIOD},
};

static int script_key_code(const char *name)
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
		if (!strcmp(key_names[i].name, name))
			return key_names[i].key;
	return GFX_KEY_OTHER;
}

bool script_parse_line(const char *line, script_step *out, char **err)
{
	memset(out, 0, sizeof *out);
	const char *p = skip_space(line);
	if (!*p || *p == '#')
		return true;
	const char *e = p;
	while (*e && *e != ' ' && *e != '\t' && *e != '\r')
		e++;
	size_t wl = (size_t)(e - p);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		if (strlen(commands[i].word) != wl || strncmp(commands[i].word, p, wl))
			continue;
		out->cmd = commands[i].cmd;
		const char *a = commands[i].args;
		int k = 0;
		p = e;
		for (; *a; a++) {
			p = skip_space(p);
			if (*a == 'n') {
				char *end;
				errno = 0;
				double v = strtod(p, &end);
				if (end == p || errno || !(v >= 0 && v <= 1e7) || (*end && !isspace((unsigned char)*end)))
					goto bad;
				out->num[k++] = v;
				p = end;
			} else {
				if (*a == 'o' && !*p)
					break;
				char *s = NULL;
				const char *end = *a == 's' ? parse_string(p, &s) : parse_word(p, &s);
				if (!end)
					goto bad;
				char *nfc = text_nfc(s);
				free(s);
				if (!nfc)
					goto bad;
				*(out->text ? &out->text2 : &out->text) = nfc;
				p = end;
			}
		}
		if (*skip_space(p))
			goto bad;
		if (out->cmd == SCRIPT_SHOT) {
			for (const char *c = out->text; *c; c++)
				if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_' && *c != '.')
					goto bad;
			if (!out->text[0] || out->text[0] == '.')
				goto bad;
		}
		if (out->cmd == SCRIPT_KEY && script_key_code(out->text) == GFX_KEY_OTHER)
			goto bad;
		run_expr x;
		if (out->cmd == SCRIPT_KEEP && !valid_name(out->text2))
			goto bad;
		if (out->cmd == SCRIPT_EXPECT_RUN && !parse_expr(out->text2, &x))
			goto bad;
		return true;
	bad:
		*err = xasprintf(_("bad arguments: %s"), line);
		script_step_clear(out);
		return false;
	}
	*err = xasprintf(_("unknown command \"%.*s\""), (int)wl, p);
	return false;
}

/* The script's USB sticks: folders that appear under a media root of
 * their own (base/media), watched by the real usb_watch. A stick is built
 * in base/build and renamed into the root whole, as a mount appears;
 * pulled out, it is renamed to base/removed, so a test can still look at
 * what was written to it. */
typedef struct fake_usb {
	char *base;       /* NULL until the first usb-insert */
	bool keep;        /* base is $MOTCUA_SCRIPT_USB: the test's, left in place */
	usb_watch *watch; /* NULL when inotify is not available: events are injected */
	int n;            /* sticks made so far */
	char **volumes;   /* the sticks that are in (base/media/usbN), oldest first */
	size_t n_volumes, cap_volumes;
} fake_usb;

typedef struct runner {
	const script_options *o;
	app *a;
	gfx *g;
	catwatch *w;
	catalog **cat;
	fake_usb usb;
	int64_t now;
	int64_t wall_offset; /* the fake system clock: wall ms = now + wall_offset */
	bool clock_moved;    /* the staff set it: the app is told after the step */
	int line;
	bool finished;
	struct {
		char name[32];
		gfx_rect r;
	} kept[32];
	int n_kept;
	unsigned said_serial; /* app_spoken's when last logged */
} runner;

/* Sleeps up to ms of real time; true at once when the kiosk is asked to
 * stop (o->stop_fd readable; the signal is taken off by script_run). */
static bool pause_or_stop(const runner *r, int ms)
{
	struct pollfd p = {.fd = r->o->stop_fd, .events = POLLIN};
	return poll(&p, 1, ms) > 0;
}

static void report(runner *r, const char *level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(runner *r, const char *level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s:%d: %s: ", r->o->path, r->line, level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* Runs every timer due up to `to`, then sets the clock there. */
static void advance(runner *r, int64_t to)
{
	for (int guard = 0; guard < 1000000; guard++) {
		int64_t d = app_next_deadline(r->a);
		if (d > to)
			break;
		if (d > r->now && app_waits_outside(r->a)) {
			/* A print job in CUPS moves in real time: let that much pass. */
			int64_t ms = d - r->now;
			if (pause_or_stop(r, ms > 60000 ? 60000 : (int)ms))
				return;
		}
		r->now = d > r->now ? d : r->now;
		ui_event tick = {.type = UI_EV_TICK};
		app_handle_event(r->a, &tick, r->now);
		if (app_finished(r->a, NULL))
			return;
	}
	if (to > r->now)
		r->now = to;
}

static void send(runner *r, ui_event_type type, float x, float y)
{
	ui_event ev = {.type = type, .id = 1, .x = x, .y = y};
	app_handle_event(r->a, &ev, r->now);
}

static void tap_at(runner *r, float x, float y)
{
	send(r, UI_EV_DOWN, x, y);
	advance(r, r->now + SCRIPT_TAP_MS);
	send(r, UI_EV_UP, x, y);
}

/* Draws a frame when something changed; checks the layout. False on a violation. */
static bool frame(runner *r, bool force)
{
	if (!force && !app_needs_frame(r->a))
		return true;
	app_draw(r->a, r->g);
	gfx_present(r->g);
	if (!r->o->check_layout)
		return true;
	int w, h;
	gfx_size(r->g, &w, &h);
	char *why = NULL;
	if (textruns_check(app_text_runs(r->a), w, h, &why))
		return true;
	report(r, _("error"), _("layout: %s (screen: %s)"), why, app_screen_name(r->a));
	free(why);
	return false;
}

/* mkdir -p: the shots folder may be new, and so may its parent. */
static void make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	for (char *c = p + 1; *c; c++)
		if (*c == '/') {
			*c = 0;
			mkdir(p, 0777);
			*c = '/';
		}
	mkdir(p, 0777);
	free(p);
}

static int shot(runner *r, const char *name)
{
	const char *dir = r->o->shots ? r->o->shots : ".";
	make_dirs(dir);
	char *path = xasprintf("%s/%s.png", dir, name);
	/* Drawn afresh: after gfx_present a window's back buffer is undefined. */
	app_draw(r->a, r->g);
	int rc = gfx_screenshot(r->g, path);
	gfx_present(r->g);
	if (rc < 0)
		report(r, _("error"), _("cannot write %s: %s"), path, strerror(-rc));
	free(path);
	return rc < 0 ? 3 : 0;
}

static int type_text(runner *r, const char *text)
{
	/* The keyboard has plain letters: type what the text folds to. */
	char *folded = text_fold(text);
	for (const char *c = folded; *c; c++) {
		float x, y;
		if (!app_key_center(r->a, (unsigned char)*c, &x, &y)) {
			report(r, _("error"), _("no on-screen key for \"%c\" (screen: %s)"), *c, app_screen_name(r->a));
			free(folded);
			return 1;
		}
		tap_at(r, x, y);
		advance(r, r->now + SCRIPT_KEY_GAP_MS);
		if (app_finished(r->a, NULL))
			break;
	}
	free(folded);
	return 0;
}

/* ---- USB sticks ---- */

/* Copies the tree at src to dst (created): folders, regular files,
 * symbolic links as links, FIFOs and device nodes as such. 0 or -errno. */
static int copy_tree(const char *src, const char *dst, int depth)
{
	if (depth > 8)
		return -ELOOP;
	if (mkdir(dst, 0755) < 0 && errno != EEXIST)
		return -errno;
	DIR *d = opendir(src);
	if (!d)
		return -errno;
	int rc = 0;
	struct dirent *e;
	while (!rc && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *from = xasprintf("%s/%s", src, e->d_name), *to = xasprintf("%s/%s", dst, e->d_name);
		struct stat st;
		if (lstat(from, &st) < 0) {
			rc = -errno;
		} else if (S_ISDIR(st.st_mode)) {
			rc = copy_tree(from, to, depth + 1);
		} else if (S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t n = readlink(from, target, sizeof target - 1);
			if (n < 0)
				rc = -errno;
			else {
				target[n] = 0;
				rc = symlink(target, to) < 0 ? -errno : 0;
			}
		} else if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
			/* a hostile stick's FIFOs and device nodes (these need root) */
			rc = mknod(to, st.st_mode, st.st_rdev) < 0 ? -errno : 0;
		} else if (S_ISREG(st.st_mode)) {
			int in = open(from, O_RDONLY | O_CLOEXEC), out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
			char buf[1 << 16];
			ssize_t n = 0;
			while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
				if (write(out, buf, (size_t)n) != n) {
					n = -1;
					break;
				}
			if (in < 0 || out < 0 || n < 0)
				rc = -(errno ? errno : EIO);
			if (in >= 0)
				close(in);
			if (out >= 0)
				close(out);
		}
		free(from);
		free(to);
	}
	closedir(d);
	return rc;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* True when dir holds a folder named motcua (any case): it is a stick's
 * top, not the bundle itself. */
static bool has_bundle_folder(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)))
		if (!strcasecmp(e->d_name, "motcua")) {
			char *p = xasprintf("%s/%s", dir, e->d_name);
			struct stat st;
			found = lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
			free(p);
		}
	closedir(d);
	return found;
}

static bool usb_setup(runner *r)
{
	fake_usb *u = &r->usb;
	if (u->base)
		return true;
	const char *env = getenv("MOTCUA_SCRIPT_USB");
	if (env && *env) {
		u->base = xstrdup(env);
		u->keep = true;
		make_dirs(u->base);
	} else {
		char tmpl[] = "/tmp/motcua-script-usb-XXXXXX";
		if (!mkdtemp(tmpl)) {
			report(r, _("error"), _("cannot make a folder for the USB sticks: %s"), strerror(errno));
			return false;
		}
		u->base = xstrdup(tmpl);
	}
	char *media = xasprintf("%s/media", u->base);
	make_dirs(media);
	u->watch = usb_watch_new(media);
	if (!u->watch)
		report(r, _("warning"), _("cannot watch %s (%s): USB events are sent directly"), media, strerror(errno));
	free(media);
	return true;
}

static void usb_cleanup(runner *r)
{
	fake_usb *u = &r->usb;
	usb_watch_free(u->watch);
	if (u->base && !u->keep)
		nftw(u->base, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(u->base);
	for (size_t i = 0; i < u->n_volumes; i++)
		free(u->volumes[i]);
	free(u->volumes);
	memset(u, 0, sizeof *u);
}

/* Waits (real time) for the watch to report a stick of type at volume, and
 * hands every event it reports to the app. */
static bool usb_deliver(runner *r, usb_event_type type, const char *volume)
{
	fake_usb *u = &r->usb;
	char *bundle_path = NULL;
	if (!u->watch) {
		ui_event ev = {.type = type == USB_EVENT_INSERTED ? UI_EV_USB_INSERTED : UI_EV_USB_REMOVED};
		bundle_path = xasprintf("%s/motcua", volume);
		ev.path = bundle_path;
		app_handle_event(r->a, &ev, r->now);
		free(bundle_path);
		return true;
	}
	bool seen = false;
	for (int waited = 0; !seen && waited < 10000;) {
		usb_event ue;
		int rc = usb_watch_poll(u->watch, &ue);
		if (rc < 0)
			break;
		if (rc == 0) {
			struct pollfd p = {.fd = usb_watch_fd(u->watch), .events = POLLIN};
			poll(&p, 1, 50);
			waited += 50;
			continue;
		}
		ui_event ev = {.type = ue.type == USB_EVENT_INSERTED ? UI_EV_USB_INSERTED : UI_EV_USB_REMOVED,
			       .path = ue.path};
		app_handle_event(r->a, &ev, r->now);
		size_t vl = strlen(volume);
		if (ue.type == type && !strncmp(ue.path, volume, vl) && ue.path[vl] == '/')
			seen = true;
		usb_event_clear(&ue);
	}
	return seen;
}

static int usb_insert(runner *r, const char *dir)
{
	fake_usb *u = &r->usb;
	struct stat st;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		report(r, _("error"), _("usb-insert: %s is not a folder"), dir);
		return 1;
	}
	if (!usb_setup(r))
		return 3;
	/* A name no stick had yet, also in an earlier run on the same folder. */
	char *build = NULL, *volume = NULL;
	for (;;) {
		u->n++;
		char *gone = xasprintf("%s/removed/usb%d", u->base, u->n);
		build = xasprintf("%s/build/usb%d", u->base, u->n);
		volume = xasprintf("%s/media/usb%d", u->base, u->n);
		bool free_name = access(gone, F_OK) != 0 && access(volume, F_OK) != 0;
		free(gone);
		if (free_name)
			break;
		free(build);
		free(volume);
	}
	nftw(build, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	make_dirs(build);
	int rc;
	if (has_bundle_folder(dir)) {
		rc = copy_tree(dir, build, 0);
	} else {
		char *b = xasprintf("%s/motcua", build);
		rc = copy_tree(dir, b, 0);
		free(b);
	}
	if (rc == 0 && rename(build, volume) < 0)
		rc = -errno;
	free(build);
	if (rc < 0) {
		report(r, _("error"), _("usb-insert: cannot make the USB stick %s: %s"), volume, strerror(-rc));
		free(volume);
		return 3;
	}
	u->volumes = xgrow(u->volumes, &u->cap_volumes, u->n_volumes + 1, sizeof *u->volumes);
	u->volumes[u->n_volumes++] = volume;
	if (!usb_deliver(r, USB_EVENT_INSERTED, volume)) {
		report(r, _("error"), _("usb-insert: the USB watch did not report %s"), volume);
		return 1;
	}
	return 0;
}

/* Takes out the stick named name (usbN), or the last one put in. */
static int usb_remove(runner *r, const char *name)
{
	fake_usb *u = &r->usb;
	size_t k = u->n_volumes;
	for (size_t i = 0; i < u->n_volumes; i++)
		if (!name || !strcmp(strrchr(u->volumes[i], '/') + 1, name))
			k = i;
	if (k == u->n_volumes) {
		if (name)
			report(r, _("error"), _("usb-remove: no USB stick %s is in"), name);
		else
			report(r, _("error"), "%s", _("usb-remove: no USB stick is in"));
		return 1;
	}
	char *volume = u->volumes[k];
	memmove(&u->volumes[k], &u->volumes[k + 1], (u->n_volumes - k - 1) * sizeof *u->volumes);
	u->n_volumes--;
	char *removed = xasprintf("%s/removed", u->base);
	make_dirs(removed);
	char *to = xasprintf("%s/%s", removed, strrchr(volume, '/') + 1);
	int rc = rename(volume, to) < 0 ? -errno : 0;
	free(removed);
	free(to);
	if (rc < 0) {
		report(r, _("error"), _("usb-remove: cannot take out %s: %s"), volume, strerror(-rc));
		free(volume);
		return 3;
	}
	bool seen = usb_deliver(r, USB_EVENT_REMOVED, volume);
	if (!seen)
		report(r, _("error"), _("usb-remove: the USB watch did not report %s"), volume);
	free(volume);
	return seen ? 0 : 1;
}

/* Waits (real time) until the app's background work is done, then runs
 * the tick that takes its result in. */
static void settle(runner *r)
{
	for (int i = 0; i < 600000 && app_busy(r->a); i++)
		if (pause_or_stop(r, 1))
			return; /* the work is cancelled and joined by app_free */
	advance(r, r->now);
}

/* The staff's "Set the clock" in a script: a fake system clock. */
static int fake_set_clock(void *ctx, int64_t wall_ms, char **err)
{
	runner *r = ctx;
	(void)err;
	char when[32];
	wallclock_format((time_t)(wall_ms / 1000), when, sizeof when);
	fprintf(stderr, "%s:%d: set-clock: %s\n", r->o->path, r->line, when);
	r->wall_offset = wall_ms - r->now;
	r->clock_moved = true; /* not now: the app is inside its tap handler */
	return 0;
}

/* `clock "DD/MM/YYYY HH:MM"`: the wall clock jumps there. */
static int set_wall(runner *r, const char *text)
{
	int hh = -1, mm = -1, end = 0;
	char date[16] = "";
	time_t day = -1;
	if (sscanf(text, "%10s %2d:%2d%n", date, &hh, &mm, &end) == 3 && !text[end])
		day = wallclock_parse_date(date);
	if (day < 0 || hh < 0 || hh > 23 || mm < 0 || mm > 59) {
		report(r, _("error"), _("clock: \"%s\" is not DD/MM/YYYY HH:MM"), text);
		return 1;
	}
	struct tm tm;
	localtime_r(&day, &tm);
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_isdst = -1;
	r->wall_offset = (int64_t)mktime(&tm) * 1000 - r->now;
	r->clock_moved = true;
	return 0;
}

static int rect_field(gfx_rect q, int field)
{
	switch (field) {
	case 0: return q.x;
	case 1: return q.y;
	case 2: return q.w;
	case 3: return q.h;
	case 4: return q.y + q.h;
	default: return q.x + q.w;
	}
}

/* expect-exact, keep, expect-run, print-run: a run found by its whole text. */
static int run_step(runner *r, const script_step *s, textruns *runs)
{
	const text_run *t = textruns_find_exact(runs, s->text);
	if (!t && s->cmd != SCRIPT_EXPECT_EXACT)
		t = textruns_find(runs, s->text);
	if (!t) {
		report(r, _("error"), s->cmd == SCRIPT_EXPECT_EXACT ? _("no text exactly \"%s\" on screen (screen: %s)")
								     : _("no text \"%s\" on screen (screen: %s)"),
		       s->text, app_screen_name(r->a));
		return 1;
	}
	if (s->cmd == SCRIPT_PRINT_RUN) {
		printf("run %d %d %d %d %s\n", t->visible.x, t->visible.y, t->visible.w, t->visible.h, s->text);
		fflush(stdout);
	}
	if (s->cmd == SCRIPT_KEEP) {
		int i = 0;
		while (i < r->n_kept && strcmp(r->kept[i].name, s->text2))
			i++;
		if (i == (int)(sizeof r->kept / sizeof *r->kept)) {
			report(r, _("error"), "%s", _("too many kept names"));
			return 2;
		}
		snprintf(r->kept[i].name, sizeof r->kept[i].name, "%s", s->text2);
		r->kept[i].r = t->r;
		if (i == r->n_kept)
			r->n_kept++;
	}
	if (s->cmd != SCRIPT_EXPECT_RUN)
		return 0;
	run_expr x;
	if (!parse_expr(s->text2, &x))
		return 2;
	double want = x.num;
	if (!x.is_number) {
		int w, h;
		gfx_size(r->g, &w, &h);
		if (!strcmp(x.name, "screen")) {
			want = x.ref_field == 2 ? w : h;
		} else {
			int i = 0;
			while (i < r->n_kept && strcmp(r->kept[i].name, x.name))
				i++;
			if (i == r->n_kept) {
				report(r, _("error"), _("nothing kept under the name %s"), x.name);
				return 1;
			}
			want = rect_field(r->kept[i].r, x.ref_field);
		}
	}
	want = x.arith == '+' ? want + x.k : x.arith == '-' ? want - x.k : x.arith == '*' ? want * x.k : want;
	double got = rect_field(t->r, x.field);
	bool ok = x.op == OP_LT ? got < want : x.op == OP_LE ? got <= want : x.op == OP_GT ? got > want
		: x.op == OP_GE ? got >= want : x.op == OP_EQ ? got == want : got != want;
	if (!ok) {
		report(r, _("error"), _("text \"%s\": %s is %g, want %s (%g) (at %dx%d+%d+%d; screen: %s)"), s->text,
		       run_fields[x.field], got, s->text2, want, t->r.w, t->r.h, t->r.x, t->r.y, app_screen_name(r->a));
		return 1;
	}
	return 0;
}

static int step(runner *r, const script_step *s)
{
	textruns *runs = app_text_runs(r->a);
	switch (s->cmd) {
	case SCRIPT_TAP:
		tap_at(r, (float)s->num[0], (float)s->num[1]);
		break;
	case SCRIPT_TAP_TEXT: {
		const text_run *t = textruns_find(runs, s->text);
		if (!t) {
			report(r, _("error"), _("no text \"%s\" on screen to tap (screen: %s)"), s->text,
			       app_screen_name(r->a));
			return 1;
		}
		tap_at(r, t->visible.x + t->visible.w / 2.0f, t->visible.y + t->visible.h / 2.0f);
		break;
	}
	case SCRIPT_DRAG: {
		float x1 = (float)s->num[0], y1 = (float)s->num[1], x2 = (float)s->num[2], y2 = (float)s->num[3];
		int64_t ms = (int64_t)s->num[4], t0 = r->now;
		send(r, UI_EV_DOWN, x1, y1);
		for (int64_t t = SCRIPT_DRAG_STEP_MS; t < ms; t += SCRIPT_DRAG_STEP_MS) {
			advance(r, t0 + t);
			float k = (float)t / (float)ms;
			send(r, UI_EV_MOVE, x1 + (x2 - x1) * k, y1 + (y2 - y1) * k);
		}
		advance(r, t0 + ms);
		send(r, UI_EV_MOVE, x2, y2);
		send(r, UI_EV_UP, x2, y2);
		break;
	}
	case SCRIPT_TYPE: {
		int rc = type_text(r, s->text);
		if (rc)
			return rc;
		break;
	}
	case SCRIPT_SCAN:
		/* A USB scanner: key events SCRIPT_SCAN_GAP_MS apart, then Enter. */
		for (const char *c = s->text;; c++) {
			/* a scanner types on the main keys, not the keypad */
			ui_event ev = {.type = UI_EV_KEY, .key = GFX_KEY_OTHER,
			               .sym = *c ? (unsigned char)*c : '\r'};
			app_handle_event(r->a, &ev, r->now);
			advance(r, r->now + SCRIPT_SCAN_GAP_MS);
			if (!*c || app_finished(r->a, NULL))
				break;
		}
		break;
	case SCRIPT_WAIT:
		advance(r, r->now + (int64_t)s->num[0]);
		break;
	case SCRIPT_SHOT:
		if (!frame(r, false))
			return 1;
		return shot(r, s->text);
	case SCRIPT_EXPECT_TEXT:
	case SCRIPT_EXPECT_NO_TEXT: {
		bool on = textruns_find(runs, s->text) != NULL;
		if (s->cmd == SCRIPT_EXPECT_TEXT && !on) {
			report(r, _("error"), _("expected text \"%s\" not on screen (screen: %s)"), s->text,
			       app_screen_name(r->a));
			return 1;
		}
		if (s->cmd == SCRIPT_EXPECT_NO_TEXT && on) {
			report(r, _("error"), _("text \"%s\" is on screen but should not be (screen: %s)"), s->text,
			       app_screen_name(r->a));
			return 1;
		}
		return 0;
	}
	case SCRIPT_PRINT_RUNS:
		/* textruns_find_exact puts them in reading order first. */
		textruns_find_exact(runs, "");
		for (size_t i = 0; i < runs->n; i++)
			printf("run %d %d %d %d %s\n", runs->v[i].visible.x, runs->v[i].visible.y, runs->v[i].visible.w,
			       runs->v[i].visible.h, textruns_text(runs, i));
		fflush(stdout);
		return 0;
	case SCRIPT_EXPECT_EXACT:
	case SCRIPT_KEEP:
	case SCRIPT_EXPECT_RUN:
	case SCRIPT_PRINT_RUN:
		return run_step(r, s, runs);
	case SCRIPT_USB_INSERT:
	case SCRIPT_USB_REMOVE: {
		int rc = s->cmd == SCRIPT_USB_INSERT ? usb_insert(r, s->text) : usb_remove(r, s->text);
		if (rc)
			return rc;
		break;
	}
	case SCRIPT_CLOCK:
		if (set_wall(r, s->text))
			return 1;
		break;
	case SCRIPT_KEY: {
		ui_event ev = {.type = UI_EV_KEY, .key = script_key_code(s->text)};
		app_handle_event(r->a, &ev, r->now);
		break;
	}
	case SCRIPT_EXPECT_SPOKEN: {
		unsigned serial;
		const char *said = app_spoken(r->a, &serial);
		if (!strstr(said, s->text)) {
			report(r, _("error"), _("expected \"%s\" to be spoken; the last words spoken were \"%s\" (screen: %s)"),
			       s->text, said, app_screen_name(r->a));
			return 1;
		}
		return 0;
	}
	default:
		return 0;
	}
	if (r->clock_moved) {
		r->clock_moved = false;
		app_set_wall_clock(r->a, r->now + r->wall_offset, r->now);
	}
	/* Work the step started in the background (the USB copy, check or
	 * install) finishes before the next line looks at the screen. */
	settle(r);
	/* What the kiosk says, in the log, so tests can read it. */
	unsigned serial;
	const char *said = app_spoken(r->a, &serial);
	if (serial != r->said_serial) {
		r->said_serial = serial;
		report(r, "spoken", "%s", said);
	}
	/* Between steps the catalogue may have been replaced (a test imports
	 * while the script waits on a pipe). */
	catalog *fresh = catwatch_poll(r->w, r->now, 0);
	if (fresh) {
		app_set_catalog(r->a, fresh);
		catalog_close(*r->cat);
		*r->cat = fresh;
	}
	if (app_shows_dossier_list(r->a) && catwatch_dossiers_changed(r->w, r->now, 0))
		app_dossiers_changed(r->a);
	return frame(r, false) ? 0 : 1;
}

/* The next line of a script arriving on a pipe, without its newline, in
 * *line. Waits on the pipe and the stop descriptor at once, and reads a
 * byte at a time so that nothing is taken ahead of the line (stdio would
 * hold it in its buffer, out of poll's sight). Returns 1 with a line, 0 at
 * the end of the input, -1 when asked to stop. */
static int pipe_line(int fd, int stop_fd, char **line, size_t *cap)
{
	size_t n = 0;
	for (;;) {
		struct pollfd p[2] = {{.fd = fd, .events = POLLIN}, {.fd = stop_fd, .events = POLLIN}};
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		if (p[1].revents)
			return -1;
		char c;
		ssize_t got = read(fd, &c, 1);
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n + 2 > *cap) {
			*cap = *cap ? 2 * *cap : 256;
			*line = xrealloc(*line, *cap);
		}
		if (got <= 0 || c == '\n') {
			(*line)[n] = 0;
			return got > 0 || n > 0;
		}
		(*line)[n++] = c;
	}
}

int script_run(const script_options *o, gfx *g, const config *cfg, catwatch *w, catalog **cat, int64_t wall_ms)
{
	FILE *f = strcmp(o->path, "-") ? fopen(o->path, "r") : stdin;
	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", o->path, _("error"), strerror(errno));
		return 3;
	}
	/* A regular file is checked whole before it runs; a pipe runs line by line. */
	struct stat st;
	bool whole = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
	char *line = NULL;
	size_t cap = 0;
	int rc = 0, n = 0;
	if (whole) {
		while (getline(&line, &cap, f) >= 0) {
			n++;
			line[strcspn(line, "\n")] = 0;
			script_step s;
			char *err = NULL;
			if (!script_parse_line(line, &s, &err)) {
				fprintf(stderr, "%s:%d: %s: %s\n", o->path, n, _("error"), err);
				free(err);
				rc = 2;
			}
			script_step_clear(&s);
		}
		if (rc) {
			free(line);
			fclose(f);
			return rc;
		}
		rewind(f);
	}

	runner r = {.o = o, .g = g, .w = w, .cat = cat, .now = 1000};
	r.wall_offset = wall_ms - r.now;
	/* The same voice as the kiosk's ($SDL_AUDIODRIVER=disk records it). */
	voice *v = !cfg || cfg->volume > 0 ? voice_open(false) : NULL;
	app_options ao = {.cfg = cfg, .cat = *cat, .now = r.now, .wall_ms = wall_ms, .attract = false, .events = o->events,
			  .st = o->st, .set_clock = fake_set_clock, .set_clock_ctx = &r, .voice = voice_app(v)};
	r.a = app_new(&ao, g);
	const char *hold = getenv("MOTCUA_TEST_HOLD_COPY");
	if (hold && *hold && strcmp(hold, "0"))
		staff_usb_hold_copies(r.a, true);
	frame(&r, true);
	for (;;) {
		if (rc != 0 || stop_caught(o->stop_fd))
			break;
		if (whole ? getline(&line, &cap, f) < 0 : pipe_line(fileno(f), o->stop_fd, &line, &cap) <= 0) {
			stop_caught(o->stop_fd); /* says so when that is why */
			break;
		}
		r.line++;
		line[strcspn(line, "\n")] = 0;
		script_step s;
		char *err = NULL;
		if (!script_parse_line(line, &s, &err)) {
			report(&r, _("error"), "%s", err);
			free(err);
			rc = 2;
			break;
		}
		if (s.cmd != SCRIPT_NONE) {
			if (r.finished) {
				report(&r, _("warning"), "%s", _("the kiosk has exited; the rest of the script is ignored"));
				script_step_clear(&s);
				break;
			}
			rc = step(&r, &s);
			int status;
			if (app_finished(r.a, &status))
				r.finished = true;
		}
		script_step_clear(&s);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	app_free(r.a);
	voice_close(v);
	usb_cleanup(&r);
	return rc;
}
