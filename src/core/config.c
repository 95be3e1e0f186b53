#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

static void set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = *v ? xstrdup(v) : NULL;
}

static bool parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return false;
	*out = (int)n;
	return true;
}

static void apply(config *c, const char *key, const char *val, const char *file, int line,
		  diag_list *diag)
{
	int n;
	if (!strcmp(key, "unit_name")) {
		set_str(&c->unit_name, val);
	} else if (!strcmp(key, "printer")) {
		set_str(&c->printer, val);
	} else if (!strcmp(key, "media_roots")) {
		set_str(&c->media_roots, val);
	} else if (!strcmp(key, "pin_hash")) {
		set_str(&c->pin_hash, val);
	} else if (!strcmp(key, "public_key")) {
		set_str(&c->public_key, val);
	} else if (!strcmp(key, "max_prints") || !strcmp(key, "idle_prompt_s") ||
		   !strcmp(key, "idle_reset_s")) {
		int *dst = !strcmp(key, "max_prints")	  ? &c->max_prints
			   : !strcmp(key, "idle_prompt_s") ? &c->idle_prompt_s
							   : &c->idle_reset_s;
		if (parse_int(val, 0, 86400, &n))
			*dst = n;
		else
			diag_error(diag, file, line, _("'%s' must be a whole number, not '%s'"), key, val);
	} else if (!strcmp(key, "rotate")) {
		if (parse_int(val, 0, 270, &n) && n % 90 == 0)
			c->rotate = n;
		else
			diag_error(diag, file, line, _("'rotate' must be 0, 90, 180 or 270, not '%s'"), val);
	} else {
		diag_warning(diag, file, line, _("unknown key '%s' (ignored)"), key);
	}
}

int config_load(config *c, const char *path, diag_list *diag)
{
	memset(c, 0, sizeof *c);
	c->max_prints = 5;
	c->media_roots = xstrdup("/media:/run/media:/mnt");
	c->idle_prompt_s = 90;
	c->idle_reset_s = 20;

	bool explicit_path = true;
	if (!path || !*path)
		path = getenv("MOTCUA_CONFIG");
	if (!path || !*path) {
		explicit_path = false;
		path = "/etc/motcua/motcua.conf";
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		if (!explicit_path)
			return 0;
		diag_error(diag, path, 0, _("cannot read the configuration file: %s"), strerror(errno));
		return -1;
	}
	c->path = xstrdup(path);
	size_t errors_before = diag->errors;
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	bool in_kiosk = true; /* keys before any section count as [kiosk] */
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		text_trim(line);
		if (!*line || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			char *end = strchr(line, ']');
			if (end)
				*end = '\0';
			in_kiosk = !strcmp(line + 1, "kiosk");
			continue;
		}
		char *eq = strchr(line, '=');
		if (!eq) {
			diag_error(diag, path, lineno, _("expected 'key = value'"));
			continue;
		}
		*eq = '\0';
		char *key = line, *val = eq + 1;
		text_trim(key);
		text_trim(val);
		if (in_kiosk)
			apply(c, key, val, path, lineno, diag);
	}
	free(line);
	fclose(f);
	return diag->errors > errors_before ? -1 : 0;
}

int config_set(const char *path, const char *key, const char *value)
{
	FILE *f = fopen(path, "r");
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	bool done = false, in_kiosk = false, saw_kiosk = false;
	if (f) {
		char *line = NULL;
		size_t cap = 0;
		while (getline(&line, &cap, f) >= 0) {
			char *copy = xstrdup(line);
			text_trim(copy);
			if (*copy == '[') {
				if (in_kiosk && !done) {
					fprintf(mem, "%s = %s\n", key, value);
					done = true;
				}
				in_kiosk = !strncmp(copy, "[kiosk]", 7);
				saw_kiosk |= in_kiosk;
			} else if (in_kiosk && !done) {
				char *eq = strchr(copy, '=');
				if (eq) {
					*eq = '\0';
					text_trim(copy);
					if (!strcmp(copy, key)) {
						fprintf(mem, "%s = %s\n", key, value);
						done = true;
						free(copy);
						continue;
					}
				}
			}
			free(copy);
			fputs(line, mem);
		}
		free(line);
		fclose(f);
	}
	if (!done) {
		if (!saw_kiosk)
			fputs("[kiosk]\n", mem);
		else if (!in_kiosk)
			fputs("[kiosk]\n", mem); /* a second [kiosk] section: later keys win */
		fprintf(mem, "%s = %s\n", key, value);
	}
	fclose(mem);
	char *tmp = xasprintf("%s.tmp", path);
	int rc = 0;
	FILE *w = fopen(tmp, "w");
	if (!w || fwrite(out, 1, len, w) != len || fflush(w) || fsync(fileno(w))) {
		rc = -errno;
		if (w)
			fclose(w);
		unlink(tmp);
	} else {
		fclose(w);
		if (rename(tmp, path))
			rc = -errno;
	}
	free(tmp);
	free(out);
	return rc;
}

void config_clear(config *c)
{
	free(c->path);
	free(c->unit_name);
	free(c->printer);
	free(c->media_roots);
	free(c->pin_hash);
	free(c->public_key);
	memset(c, 0, sizeof *c);
}
