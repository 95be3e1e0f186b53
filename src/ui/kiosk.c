#include "kiosk.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "catwatch.h"
#include "core/dossier.h"
#include "core/events.h"
#include "core/i18n.h"
#include "gfx/gfx_audio.h"
#include "gfx/gfx.h"
#include "platform/clock.h"
#include "platform/input_check.h"
#include "platform/notify.h"
#include "platform/print.h"
#include "platform/stop.h"
#include "platform/usb.h"
#include "script.h"
#include "voice.h"
#include "staff_usb.h"

/* How often the loop looks at the catalogue file while idle. */
#define KIOSK_WATCH_MS 1000

static int64_t clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool to_event(const gfx_input *in, ui_event *ev)
{
	*ev = (ui_event){0};
	ev->id = in->id;
	ev->x = in->x;
	ev->y = in->y;
	switch (in->type) {
	case GFX_INPUT_DOWN: ev->type = UI_EV_DOWN; return true;
	case GFX_INPUT_MOVE: ev->type = UI_EV_MOVE; return true;
	case GFX_INPUT_UP: ev->type = UI_EV_UP; return true;
	case GFX_INPUT_KEY: ev->type = UI_EV_KEY; ev->key = in->key; ev->sym = in->sym; return true;
	case GFX_INPUT_EXPOSE:
	case GFX_INPUT_RESIZE: ev->type = UI_EV_EXPOSE; return true;
	default: return false;
	}
}

/* Hands what the USB watch saw to the app. The loop looks at it each time
 * it wakes: at once on kmsdrm and offscreen, where its descriptor wakes the
 * wait (gfx_add_wake_fd); at least once a second elsewhere. */
static void poll_usb(app *a, usb_watch *uw)
{
	if (!uw)
		return;
	struct pollfd p = {.fd = usb_watch_fd(uw), .events = POLLIN};
	if (poll(&p, 1, 0) <= 0)
		return;
	usb_event ue;
	int rc;
	while ((rc = usb_watch_poll(uw, &ue)) > 0) {
		ui_event ev = {.type = ue.type == USB_EVENT_INSERTED ? UI_EV_USB_INSERTED : UI_EV_USB_REMOVED,
			       .path = ue.path};
		app_handle_event(a, &ev, clock_ms(CLOCK_MONOTONIC));
		usb_event_clear(&ue);
	}
	if (rc < 0)
		fprintf(stderr, "motcua: %s: %s\n", _("warning"), strerror(-rc));
}

static int run_loop(app *a, gfx *g, catwatch *w, catalog **cat, usb_watch *uw, int stop_fd)
{
	/* The loop wakes at least every KIOSK_WATCH_MS, so pinging systemd's
	 * watchdog here proves the UI thread is alive, not just the process. */
	uint32_t ping_ms = notify_interval_ms();
	int64_t last_ping = 0;
	bool ready = false;
	for (;;) {
		/* systemctl stop: out at once, closing the stores on the way
		 * (kiosk_run); a print job already with CUPS is left to print. */
		if (stop_caught(stop_fd))
			return 0;
		int64_t now = clock_ms(CLOCK_MONOTONIC);
		if (ping_ms && now - last_ping >= ping_ms) {
			notify_watchdog();
			last_ping = now;
		}
		app_set_wall_clock(a, clock_ms(CLOCK_REALTIME), now);
		catalog *fresh = catwatch_poll(w, now, KIOSK_WATCH_MS);
		if (fresh) {
			app_set_catalog(a, fresh);
			catalog_close(*cat);
			*cat = fresh;
		}
		if (app_shows_dossier_list(a) && catwatch_dossiers_changed(w, now, KIOSK_WATCH_MS))
			app_dossiers_changed(a);
		int status;
		if (app_finished(a, &status))
			return status;
		if (app_needs_frame(a)) {
			app_draw(a, g);
			gfx_present(g);
			if (!ready) {
				notify_ready();
				ready = true;
			}
		}
		int64_t deadline = app_next_deadline(a);
		int64_t wait = deadline - now;
		if (wait > KIOSK_WATCH_MS)
			wait = KIOSK_WATCH_MS;
		if (wait < 0)
			wait = 0;
		gfx_input in;
		bool got = gfx_wait_input(g, (int)wait, &in);
		/* Take everything that queued up before drawing again. */
		while (got) {
			ui_event ev;
			if (in.type == GFX_INPUT_QUIT)
				return 0;
			if (to_event(&in, &ev))
				app_handle_event(a, &ev, clock_ms(CLOCK_MONOTONIC));
			got = gfx_wait_input(g, 0, &in);
		}
		poll_usb(a, uw);
		now = clock_ms(CLOCK_MONOTONIC);
		if (now >= app_next_deadline(a)) {
			ui_event tick = {.type = UI_EV_TICK};
			app_handle_event(a, &tick, now);
		}
	}
}

int kiosk_run(const kiosk_options *o, const config *cfg, const char *catalog_path, catalog **cat)
{
	gfx_options go = {
		.width = o->width,
		.height = o->height,
		.windowed = o->windowed,
		.headless = o->headless,
		.rotate = o->rotate,
		.text_cache_bytes = cfg ? (size_t)cfg->text_cache_mib << 20 : 0,
	};
	/* Before gfx_open: SDL and the USB update start threads, and they
	 * must inherit the blocked signals. Without it (no signalfd) SIGTERM
	 * keeps its default: the kiosk ends at once, uncleanly. */
	int stop_fd = stop_open();
	if (stop_fd < 0)
		fprintf(stderr, "motcua: %s: signalfd: %s\n", _("warning"), strerror(-stop_fd));
	/* A print request to a cupsd that does not answer gives up at once. */
	print_set_abort_fd(stop_fd);
	gfx *g = gfx_open(&go);
	if (!g) {
		print_set_abort_fd(-1);
		stop_close(stop_fd);
		return 3;
	}
	gfx_set_wake_fd(g, stop_fd);
	catwatch w;
	catwatch_init(&w, catalog_path);
	char *dossiers = o->st ? dossier_db_path(o->st) : NULL;
	catwatch_dossiers(&w, dossiers);
	free(dossiers);
	/* Without its events file the kiosk still serves citizens; it only
	 * stops counting. */
	events *ev = NULL;
	if (o->events_path) {
		char *err = NULL;
		ev = events_open(o->events_path, &err);
		if (!ev)
			fprintf(stderr, "%s: %s: %s\n", o->events_path, _("warning"), err ? err : "?");
		free(err);
	}
	int rc;
	if (o->script) {
		script_options so = {.path = o->script, .shots = o->shots, .check_layout = o->check_layout, .events = ev,
				     .st = o->st, .stop_fd = stop_fd};
		rc = script_run(&so, g, cfg, &w, cat, clock_ms(CLOCK_REALTIME));
	} else {
		if (!o->windowed && input_check_needed()) {
			char *why = NULL;
			if (input_check_devices("/dev/input", &why) == 0 && why)
				fprintf(stderr, "motcua: %s: %s\n", _("warning"), why);
			free(why);
		}
		int64_t now = clock_ms(CLOCK_MONOTONIC);
		voice *v = !cfg || cfg->volume > 0 ? voice_open(true) : NULL;
		app_options ao = {.cfg = cfg, .cat = *cat, .now = now, .wall_ms = clock_ms(CLOCK_REALTIME), .attract = true,
				  .events = ev, .st = o->st, .set_clock = platform_clock_set, .voice = voice_app(v)};
		app *a = app_new(&ao, g);
		/* Without the watch the kiosk serves citizens; only sticks go unseen. */
		usb_watch *uw = usb_watch_new(cfg ? cfg->media_roots : NULL);
		if (!uw)
			fprintf(stderr, "motcua: %s: %s: %s\n", _("warning"), _("cannot watch for USB sticks"),
				strerror(errno));
		else
			for (size_t i = 0; usb_watch_present(uw, i); i++)
				staff_usb_set_present(a, usb_watch_present(uw, i));
		if (uw)
			gfx_add_wake_fd(g, usb_watch_fd(uw));
		rc = run_loop(a, g, &w, cat, uw, stop_fd);
		notify_stopping();
		usb_watch_free(uw);
		app_free(a);
		voice_close(v);
	}
	/* The last connection's close checkpoints the events WAL into the
	 * database and removes it; the caller closes the catalogue. */
	catwatch_clear(&w);
	events_close(ev);
	gfx_close(g);
	print_set_abort_fd(-1);
	stop_close(stop_fd);
	return rc;
}
