#include "config.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* True for a "[kiosk]" header line (already trimmed); "[ Kiosk ]" too, as
 * hand-edited files have it. */
static bool config_is_kiosk_section(const char *line)
{
	const char *p = line + 1, *end = strchr(p, ']');
	if (!end)
		end = p + strlen(p);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return end - p == 5 && !strncasecmp(p, "kiosk", 5);
}

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
		int *dst = !strcmp(key, "max_prints")      ? &c->max_prints
		           : !strcmp(key, "idle_prompt_s") ? &c->idle_prompt_s
		                                           : &c->idle_reset_s;
		if (parse_int(val, 0, 86400, &n))
			*dst = n;
		else
			diag_error(diag, file, line, _("'%s' must be a whole number, not '%s'"),
			           key, val);
	} else if (!strcmp(key, "rotate")) {
		if (parse_int(val, 0, 270, &n) && n % 90 == 0)
			c->rotate = n;
		else
			diag_error(diag, file, line,
			           _("'rotate' must be 0, 90, 180 or 270, not '%s'"), val);
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
		if (!explicit_path) {
			/* Absent is normal; present but unreadable is worth a word. */
			if (errno != ENOENT)
				diag_warning(diag, path, 0,
				             _("cannot read the configuration file: %s"),
				             strerror(errno));
			return 0;
		}
		diag_error(diag, path, 0, _("cannot read the configuration file: %s"),
		           strerror(errno));
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
			in_kiosk = config_is_kiosk_section(line);
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

/* One line of a config file as config_set sees it. */
typedef struct config_line {
	char *raw;   /* as read, with its '\n' when it had one */
	char *key;   /* trimmed key of a "key = value" line, else NULL */
	bool header; /* a "[section]" line */
	bool kiosk;  /* in the [kiosk] section (or before any section) */
} config_line;

/* Rewrites the file in memory: the first `key = ...` of the [kiosk] section
 * gets the new value and later ones are dropped (config_load lets the last
 * one win, so a stale duplicate would undo the change). A missing key goes
 * after the last key of the first [kiosk] section; without one, a section is
 * added at the end, unless the file has no sections at all. */
static void config_rewrite(FILE *mem, config_line *v, size_t n, const char *key, const char *value)
{
	bool found = false, any_header = false;
	size_t insert_after = (size_t)-1; /* line index, or -1 for none */
	bool in_first_kiosk = false, seen_kiosk = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].header) {
			any_header = true;
			in_first_kiosk = v[i].kiosk && !seen_kiosk;
			seen_kiosk |= v[i].kiosk;
			if (in_first_kiosk)
				insert_after = i;
		} else if (v[i].key && in_first_kiosk) {
			insert_after = i;
		}
		if (v[i].kiosk && v[i].key && !strcmp(v[i].key, key))
			found = true;
	}
	bool done = false;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kiosk && v[i].key && !strcmp(v[i].key, key)) {
			if (!done)
				fprintf(mem, "%s = %s\n", key, value);
			done = true;
			continue;
		}
		fputs(v[i].raw, mem);
		if (!*v[i].raw || v[i].raw[strlen(v[i].raw) - 1] != '\n')
			fputc('\n', mem); /* a last line without its newline */
		if (!found && i == insert_after) {
			fprintf(mem, "%s = %s\n", key, value);
			done = true;
		}
	}
	if (!done) {
		if (any_header)
			fputs("\n[kiosk]\n", mem);
		else if (!n)
			fputs("[kiosk]\n", mem);
		fprintf(mem, "%s = %s\n", key, value);
	}
}

/* Replaces path with data through a temporary file, keeping the old file's
 * permissions (it may hold the staff PIN hash). */
static int config_replace_file(const char *path, const char *data, size_t len)
{
	struct stat st;
	bool had_file = stat(path, &st) == 0;
	char *tmp = xasprintf("%s.tmp", path);
	int rc = 0;
	errno = 0;
	FILE *w = fopen(tmp, "w");
	if (!w || (had_file && fchmod(fileno(w), st.st_mode & 07777)) ||
	    fwrite(data, 1, len, w) != len || fflush(w) || fsync(fileno(w))) {
		rc = errno ? -errno : -EIO;
		if (w)
			fclose(w);
		unlink(tmp);
	} else if (fclose(w)) {
		rc = -errno;
		unlink(tmp);
	} else if (rename(tmp, path)) {
		rc = -errno;
		unlink(tmp);
	} else {
		/* The rename itself must survive a power cut. */
		char *dir = xstrdup(path);
		char *slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else if (slash)
			*slash = '\0';
		int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
		free(dir);
	}
	free(tmp);
	return rc;
}

int config_set(const char *path, const char *key, const char *value)
{
	assert(path && key && value);
	assert(!strpbrk(key, "=\r\n[") && !strpbrk(value, "\r\n")); /* one line, one key */
	config_line *v = NULL;
	size_t n = 0, cap = 0;
	FILE *f = fopen(path, "r");
	if (!f && errno != ENOENT)
		return -errno;
	if (f) {
		char *line = NULL;
		size_t lcap = 0;
		bool kiosk = true; /* as in config_load: keys before any section */
		while (getline(&line, &lcap, f) >= 0) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			config_line *l = &v[n++];
			*l = (config_line){.raw = xstrdup(line)};
			text_trim(line);
			if (*line == '[') {
				l->header = true;
				kiosk = config_is_kiosk_section(line);
			} else if (*line != '#' && *line != ';' && strchr(line, '=')) {
				*strchr(line, '=') = '\0';
				text_trim(line);
				l->key = xstrdup(line);
			}
			l->kiosk = kiosk;
		}
		free(line);
		bool failed = ferror(f);
		fclose(f);
		if (failed) {
			for (size_t i = 0; i < n; i++) {
				free(v[i].raw);
				free(v[i].key);
			}
			free(v);
			return -EIO;
		}
	}
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	if (!mem)
		abort(); /* only fails for lack of memory */
	config_rewrite(mem, v, n, key, value);
	fclose(mem);
	for (size_t i = 0; i < n; i++) {
		free(v[i].raw);
		free(v[i].key);
	}
	free(v);
	int rc = config_replace_file(path, out, len);
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
