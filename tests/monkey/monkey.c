/* monkey [--seed N] [--events N] [--size WxH] [--rotate 0|90|180|270]
 *        [--printer QUEUE|auto] [--max-prints N] [--fixtures DIR] [--trace]
 *        [--every-frame] [--stale-every N] [--expect-coverage]
 *        [--bundle DIR] [--unit-name NAME] [--idle PROMPT_S:RESET_S] [--lang vi|en]
 *
 * Random taps, drags, long presses, typing, idle time, language and text
 * size toggles, USB sticks and print taps against the real app, headless,
 * from a fixed seed (printed, so that a failure can be replayed). After
 * every action's frame (with --every-frame: after every input event and
 * timer tick, as a 60 Hz loop would draw; four times slower): the layout
 * check of the script runner (every line of text inside its box and the
 * screen, no two overlapping) and the header (clock and unit name on top);
 * every 4th action (--stale-every N): no change on screen that the app did
 * not announce with app_needs_frame. Crashes, leaks and undefined
 * behaviour are the sanitizers' to catch.
 *
 * --printer auto uses the queue motcua-test when `lpstat` knows it (see
 * tests/print/setup-cups.sh), else no print taps. Exit status 0 when all is
 * well, 1 on the first violation (with a line to reproduce it), 2 on usage,
 * 3 when the set-up failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "monkey_driver.h"

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int usage(void)
{
	fprintf(stderr,
	        "usage: monkey [--seed N] [--events N] [--size WxH] [--rotate 0|90|180|270]\n"
	        "              [--printer QUEUE|auto] [--max-prints N] [--fixtures DIR] [--trace]\n"
	        "              [--every-frame] [--stale-every N] [--expect-coverage]\n"
	        "              [--bundle DIR] [--unit-name NAME] [--idle PROMPT_S:RESET_S] [--lang "
	        "vi|en]\n");
	return 2;
}

static bool queue_exists(const char *q)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "lpstat -p '%s' >/dev/null 2>&1", q);
	return system(cmd) == 0;
}

int main(int argc, char **argv)
{
	monkey_options o = {
	    .width = 1920, .height = 1080, .check = true, .stale_every = 4, .max_prints = 200};
	long events = 20000;
	bool seeded = false, coverage = false;
	const char *printer = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--trace")) {
			o.trace = true;
			continue;
		}
		if (!strcmp(a, "--every-frame")) {
			o.frame_per_input = true;
			continue;
		}
		if (!strcmp(a, "--expect-coverage")) {
			coverage = true;
			continue;
		}
		if (!v)
			return usage();
		i++;
		if (!strcmp(a, "--seed")) {
			o.seed = strtoull(v, NULL, 0);
			seeded = true;
		} else if (!strcmp(a, "--events")) {
			events = strtol(v, NULL, 10);
		} else if (!strcmp(a, "--size")) {
			if (sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 ||
			    o.height < 320)
				return usage();
		} else if (!strcmp(a, "--rotate")) {
			o.rotate = atoi(v);
			if (o.rotate % 90 || o.rotate < 0 || o.rotate > 270)
				return usage();
		} else if (!strcmp(a, "--printer")) {
			printer = v;
		} else if (!strcmp(a, "--stale-every")) {
			o.stale_every = atoi(v);
		} else if (!strcmp(a, "--max-prints")) {
			o.max_prints = strtol(v, NULL, 10);
		} else if (!strcmp(a, "--fixtures")) {
			o.fixtures = v;
		} else if (!strcmp(a, "--bundle")) {
			o.bundle = v;
		} else if (!strcmp(a, "--unit-name")) {
			o.unit_name = v;
		} else if (!strcmp(a, "--idle")) {
			if (sscanf(v, "%d:%d", &o.idle_prompt_s, &o.idle_reset_s) != 2)
				return usage();
		} else if (!strcmp(a, "--lang")) {
			o.english = !strcmp(v, "en");
		} else {
			return usage();
		}
	}
	if (!seeded) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		o.seed = (unsigned long long)t.tv_sec * 1000003ull ^ (unsigned long long)t.tv_nsec;
	}
	if (printer && !strcmp(printer, "auto"))
		printer = queue_exists("motcua-test") ? "motcua-test" : NULL;
	else if (printer && !queue_exists(printer))
		printer = NULL;
	o.printer = printer;
	printf("monkey: seed %llu, %ld events, %dx%d rotate %d, printer %s, USB fixtures %s\n",
	       (unsigned long long)o.seed, events, o.width, o.height, o.rotate,
	       o.printer ? o.printer : "none (no print taps)",
	       o.fixtures ? o.fixtures : "none (no USB actions)");
	fflush(stdout);

	double t0 = now_s();
	monkey *m = monkey_new(&o);
	if (!m)
		return 3;
	int rc = 0;
	for (long n = 0; n < events; n++) {
		if (!monkey_step(m)) {
			/* The same command line, up to the failing action, with the
			 * seed spelled out (it may have come from the clock). */
			fprintf(stderr, "reproduce: %s", argv[0]);
			for (int i = 1; i < argc; i++) {
				if (!strcmp(argv[i], "--events") || !strcmp(argv[i], "--seed")) {
					i++;
					continue;
				}
				if (strcmp(argv[i], "--expect-coverage"))
					fprintf(stderr, " '%s'", argv[i]);
			}
			fprintf(stderr, " --seed %llu --events %ld --trace\n",
			        (unsigned long long)o.seed, monkey_get_stats(m)->actions);
			rc = 1;
			break;
		}
		if ((n + 1) % 10000 == 0) {
			printf("monkey: %ld events, %.1f s\n", n + 1, now_s() - t0);
			fflush(stdout);
		}
	}
	monkey_print_stats(m, stdout);
	const monkey_stats *s = monkey_get_stats(m);
	if (rc == 0 && coverage) {
		/* A monkey that never gets anywhere proves nothing: on a long run it
		 * must have reached every corner it aims at. */
		const char *missed = s->detail_views == 0     ? "a procedure's detail"
		                     : s->pin_opened == 0     ? "the PIN pad"
		                     : s->staff_reached == 0  ? "the staff area"
		                     : s->idle_prompts == 0   ? "the idle prompt"
		                     : s->attract_resets == 0 ? "the attract screen"
		                     : s->typed_keys == 0     ? "the keyboard"
		                                              : NULL;
		if (missed) {
			fprintf(stderr, "monkey: FAIL: %ld events never reached %s\n", s->actions,
			        missed);
			rc = 1;
		}
	}
	printf("monkey: %s after %ld events in %.1f s (seed %llu)\n", rc ? "FAILED" : "passed",
	       s->actions, now_s() - t0, (unsigned long long)o.seed);
	monkey_free(m);
	return rc;
}
