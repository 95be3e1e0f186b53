#include "script.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

/* How long the fake finger stays down for a tap, and the pause between keys. */
#define SCRIPT_TAP_MS 80
#define SCRIPT_KEY_GAP_MS 120
#define SCRIPT_DRAG_STEP_MS 16

static const struct {
	const char *word;
	script_cmd cmd;
	const char *args; /* n = number, s = quoted string, w = word or string */
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
	{"usb-remove", SCRIPT_USB_REMOVE, ""},
};

void script_step_clear(script_step *s)
{
	free(s->text);
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
				if (end == p || errno || v < 0 || v > 1e7 || (*end && !isspace((unsigned char)*end)))
					goto bad;
				out->num[k++] = v;
				p = end;
			} else {
				char *s = NULL;
				const char *end = *a == 's' ? parse_string(p, &s) : parse_word(p, &s);
				if (!end)
					goto bad;
				out->text = text_nfc(s);
				free(s);
				if (!out->text)
					goto bad;
				p = end;
			}
		}
		if (*skip_space(p))
			goto bad;
		if (out->cmd == SCRIPT_SHOT) {
			for (const char *c = out->text; *c; c++)
				if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_' && *c != '.')
					goto bad;
			if (out->text[0] == '.')
				goto bad;
		}
		return true;
	bad:
		*err = xasprintf(_("bad arguments: %s"), line);
		script_step_clear(out);
		return false;
	}
	*err = xasprintf(_("unknown command \"%.*s\""), (int)wl, p);
	return false;
}

typedef struct runner {
	const script_options *o;
	app *a;
	gfx *g;
	catwatch *w;
	catalog **cat;
	int64_t now;
	int line;
	bool finished;
} runner;

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
	case SCRIPT_USB_INSERT:
	case SCRIPT_USB_REMOVE:
		report(r, _("warning"), _("%s is not built yet; ignored"),
		       s->cmd == SCRIPT_USB_INSERT ? "usb-insert" : "usb-remove");
		return 0;
	default:
		return 0;
	}
	/* Between steps the catalogue may have been replaced (a test imports
	 * while the script waits on a pipe). */
	catalog *fresh = catwatch_poll(r->w, r->now, 0);
	if (fresh) {
		app_set_catalog(r->a, fresh);
		catalog_close(*r->cat);
		*r->cat = fresh;
	}
	return frame(r, false) ? 0 : 1;
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
	app_options ao = {.cfg = cfg, .cat = *cat, .now = r.now, .wall_ms = wall_ms, .attract = false};
	r.a = app_new(&ao, g);
	frame(&r, true);
	while (rc == 0 && getline(&line, &cap, f) >= 0) {
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
	return rc;
}
