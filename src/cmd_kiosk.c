/* motcua kiosk — the touchscreen kiosk, fullscreen or headless with a script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/i18n.h"
#include "ui/kiosk.h"

static bool parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return false;
	const char *p = end + 1;
	long b = strtol(p, &end, 10);
	if (end == p || *end || a < 320 || b < 320 || a > 8192 || b > 8192)
		return false;
	*w = (int)a;
	*h = (int)b;
	return true;
}

static int usage_error(const char *what)
{
	fprintf(stderr, _("motcua kiosk: %s\n"), what);
	fputs(_("usage: motcua kiosk [--windowed] [--size WxH] [--rotate 0|90|180|270]\n"
		"       motcua kiosk --headless --size WxH --script FILE --shots DIR [--check-layout]\n"),
	      stderr);
	return 2;
}

int cmd_kiosk(motcua_env *env, int argc, char **argv)
{
	kiosk_options o = {.rotate = -1};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--windowed")) {
			o.windowed = true;
		} else if (!strcmp(a, "--headless")) {
			o.headless = true;
		} else if (!strcmp(a, "--check-layout")) {
			o.check_layout = true;
		} else if (!strcmp(a, "--size") && v) {
			if (!parse_size(v, &o.width, &o.height))
				return usage_error(_("--size takes WIDTHxHEIGHT, e.g. 1920x1080"));
			i++;
		} else if (!strcmp(a, "--rotate") && v) {
			char *end;
			long r = strtol(v, &end, 10);
			if (*end || (r != 0 && r != 90 && r != 180 && r != 270))
				return usage_error(_("--rotate takes 0, 90, 180 or 270"));
			o.rotate = (int)r;
			i++;
		} else if (!strcmp(a, "--script") && v) {
			o.script = v;
			i++;
		} else if (!strcmp(a, "--shots") && v) {
			o.shots = v;
			i++;
		} else {
			char *msg = NULL;
			int rc;
			if (asprintf(&msg, _("unknown option '%s'"), a) < 0)
				msg = NULL;
			rc = usage_error(msg ? msg : a);
			free(msg);
			return rc;
		}
	}
	if (o.script && !o.headless)
		return usage_error(_("--script needs --headless"));
	if (o.headless && (o.width == 0 || o.height == 0)) {
		o.width = 1920;
		o.height = 1080;
	}
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	if (o.rotate < 0)
		o.rotate = env->cfg.rotate;
	o.events_path = env->st.events_path;
	o.st = &env->st;
	return kiosk_run(&o, &env->cfg, env->st.catalog_path, &env->cat);
}
