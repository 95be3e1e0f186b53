#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "pin.h"
#include "text.h"
#include "xalloc.h"

#define CONFIG_MAX_BYTES 65536

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

bool config_public_key_is_valid(const char *text)
{
	/* minisign: "Ed" + 8-byte key id + 32-byte Ed25519 key, base64. */
	unsigned char pk[42];
	size_t got = 0;
	if (!text || sodium_init() < 0)
		return false;
	const char *end = NULL;
	if (sodium_base642bin(pk, sizeof pk, text, strlen(text), NULL, &got, &end,
	                      sodium_base64_VARIANT_ORIGINAL) != 0)
		return false;
	return got == sizeof pk && end && !*end && pk[0] == 'E' && pk[1] == 'd';
}

/* A security problem: an error with FILE:LINE, and the first one becomes
 * the reason imports and the default PIN are refused. */
static void refuse(config *c, diag_list *diag, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void refuse(config *c, diag_list *diag, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		abort();
	va_end(ap);
	diag_error(diag, file, line, "%s", msg);
	if (!c->refused)
		c->refused = line > 0 ? xasprintf("%s:%d: %s", file, line, msg)
		                      : xasprintf("%s: %s", file, msg);
	free(msg);
}

/* True when an unknown key or a line that is not `key = value` may have
 * been meant as a security setting ("publickey", "PIN hash"...): then it
 * must not be skipped silently. */
static bool looks_like_security(const char *s)
{
	static const char *const words[] = {"pin", "key", "sign", "hash"};
	char *low = xstrdup(s);
	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	bool hit = false;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		hit |= strstr(low, words[i]) != NULL;
	free(low);
	return hit;
}

/* Where pin_hash and public_key were first given: a second line of either
 * (an empty `public_key =` left below a filled one) must not silently undo
 * the first, so a repeated security key is refused. */
typedef struct seen_lines {
	int pin_hash, public_key;
} seen_lines;

static bool once(config *c, diag_list *diag, const char *file, int line, const char *key,
                 int *first)
{
	if (!*first) {
		*first = line;
		return true;
	}
	refuse(c, diag, file, line,
	       _("'%s' is given a second time (first on line %d): remove one of them"), key,
	       *first);
	return false;
}

static void apply(config *c, const char *key, const char *val, const char *file, int line,
                  diag_list *diag, seen_lines *seen)
{
	int n;
	if ((!strcmp(key, "pin_hash") && !once(c, diag, file, line, key, &seen->pin_hash)) ||
	    (!strcmp(key, "public_key") && !once(c, diag, file, line, key, &seen->public_key)))
		return;
	if (!strcmp(key, "unit_name")) {
		set_str(&c->unit_name, val);
	} else if (!strcmp(key, "printer")) {
		set_str(&c->printer, val);
	} else if (!strcmp(key, "media_roots")) {
		set_str(&c->media_roots, val);
	} else if (!strcmp(key, "pin_hash")) {
		set_str(&c->pin_hash, val);
		if (*val && !pin_hash_is_valid(val))
			refuse(c, diag, file, line,
			       _("'pin_hash' is not a PIN hash (crypto_pwhash_str output): no PIN "
			         "opens the staff area"));
	} else if (!strcmp(key, "public_key")) {
		set_str(&c->public_key, val);
		if (*val && !config_public_key_is_valid(val))
			refuse(c, diag, file, line,
			       _("'public_key' is not a minisign public key (the base64 line of a "
			         ".pub file): "
			         "no bundle can be verified"));
	} else if (!strcmp(key, "max_prints") || !strcmp(key, "idle_prompt_s") ||
	           !strcmp(key, "idle_reset_s") || !strcmp(key, "dossier_max_age_days")) {
		int *dst = !strcmp(key, "max_prints")             ? &c->max_prints
		           : !strcmp(key, "idle_prompt_s")        ? &c->idle_prompt_s
		           : !strcmp(key, "dossier_max_age_days") ? &c->dossier_max_age_days
		                                                  : &c->idle_reset_s;
		if (parse_int(val, 0, 86400, &n))
			*dst = n;
		else
			diag_warning(diag, file, line,
			             _("'%s' must be a whole number from 0 to 86400, not '%s'; the "
			               "default %d is used"),
			             key, val, *dst);
	} else if (!strcmp(key, "text_cache_mib")) {
		if (parse_int(val, 0, 256, &n))
			c->text_cache_mib = n;
		else
			diag_warning(diag, file, line,
			             _("'text_cache_mib' must be a whole number from 0 to 256 (0: one "
			               "screen's pixels), not '%s'; the default 0 is used"),
			             val);
	} else if (!strcmp(key, "volume")) {
		if (parse_int(val, 0, 100, &n))
			c->volume = n;
		else
			diag_warning(diag, file, line,
			             _("'volume' must be a whole number from 0 to 100, not '%s'; the default %d is used"),
			             val, c->volume);
	} else if (!strcmp(key, "rotate")) {
		if (parse_int(val, 0, 270, &n) && n % 90 == 0)
			c->rotate = n;
		else
			diag_warning(diag, file, line,
			             _("'rotate' must be 0, 90, 180 or 270, not '%s'; the default "
			               "0 is used"),
			             val);
	} else if (looks_like_security(key)) {
		refuse(c, diag, file, line,
		       _("unknown key '%s': it may be meant as pin_hash or public_key, so it is "
		         "not ignored"),
		       key);
	} else {
		diag_warning(diag, file, line, _("unknown key '%s' (ignored)"), key);
	}
}

/* Cuts a trailing comment: '#' at the start of the value or after a space
 * or tab ("5 # five" → "5"); a '#' inside a word stays ("Tổ#3"). */
static void cut_comment(char *val)
{
	for (char *p = val; *p; p++)
		if (*p == '#' && (p == val || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
}

/* Opens path for reading when it is a regular file of at most
 * CONFIG_MAX_BYTES (a FIFO must not hang the kiosk at start). NULL with *err:
 * errno, EINVAL (not a regular file) or EFBIG. */
static FILE *open_regular(const char *path, int *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		*err = errno;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*err = errno;
	} else if (!S_ISREG(st.st_mode)) {
		*err = EINVAL;
	} else if (st.st_size > CONFIG_MAX_BYTES) {
		*err = EFBIG;
	} else {
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		FILE *f = fdopen(fd, "r");
		if (f)
			return f;
		*err = errno;
	}
	close(fd);
	return NULL;
}

int config_load(config *c, const char *path, diag_list *diag)
{
	memset(c, 0, sizeof *c);
	c->max_prints = 5;
	c->media_roots = xstrdup("/media:/run/media:/mnt");
	c->idle_prompt_s = 90;
	c->idle_reset_s = 20;
	c->dossier_max_age_days = 3;
	c->volume = 80;

	bool explicit_path = true;
	if (!path || !*path)
		path = getenv("MOTCUA_CONFIG");
	if (!path || !*path) {
		explicit_path = false;
		path = CONFIG_DEFAULT_PATH;
	}
	int err = 0;
	FILE *f = open_regular(path, &err);
	if (!f) {
		errno = err;
		/* Absent is normal for the default file; a named file that is
		 * missing, or any that is there but cannot be read, may hold a
		 * public key or a PIN hash that we would then silently drop. */
		if (err == ENOENT && !explicit_path)
			return 0;
		refuse(c, diag, path, 0, _("cannot read the configuration file: %s"),
		       err == EFBIG    ? _("bigger than 64 KiB")
		       : err == EINVAL ? _("not a regular file")
		                       : strerror(err));
		return -1;
	}
	c->path = xstrdup(path);
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	bool in_kiosk = true; /* keys before any section count as [kiosk] */
	seen_lines seen = {0};
	ssize_t len;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (strlen(line) != (size_t)len) {
			refuse(c, diag, path, lineno, _("the line holds a NUL byte"));
			continue;
		}
		text_trim(line);
		if (!*line || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			in_kiosk = config_is_kiosk_section(line);
			continue;
		}
		char *eq = strchr(line, '=');
		if (!eq) {
			if (in_kiosk && looks_like_security(line))
				refuse(c, diag, path, lineno,
				       _("expected 'key = value': the line may be meant as "
				         "pin_hash or public_key"));
			else if (in_kiosk)
				diag_warning(diag, path, lineno,
				             _("expected 'key = value' (line ignored)"));
			continue;
		}
		*eq = '\0';
		char *key = line, *val = eq + 1;
		cut_comment(val);
		text_trim(key);
		text_trim(val);
		if (in_kiosk)
			apply(c, key, val, path, lineno, diag, &seen);
		else if (!strcmp(key, "pin_hash") || !strcmp(key, "public_key"))
			refuse(c, diag, path, lineno,
			       _("'%s' outside the [kiosk] section is not used"), key);
	}
	if (ferror(f))
		refuse(c, diag, path, 0, _("cannot read the configuration file: %s"),
		       strerror(errno));
	free(line);
	fclose(f);
	return c->refused ? -1 : 0;
}

void config_clear(config *c)
{
	free(c->path);
	free(c->unit_name);
	free(c->printer);
	free(c->media_roots);
	free(c->pin_hash);
	free(c->public_key);
	free(c->refused);
	memset(c, 0, sizeof *c);
}
