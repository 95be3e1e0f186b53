#include "staff_state.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "pin.h"
#include "text.h"
#include "xalloc.h"

#define TMP_NAME ".staff.state.tmp"

void staff_state_clear(staff_record *s)
{
	if (s->pin_hash)
		sodium_memzero(s->pin_hash, strlen(s->pin_hash));
	free(s->pin_hash);
	memset(s, 0, sizeof *s);
}

void staff_state_admin_mark(const char *conf_pin_hash, char out[STAFF_STATE_MARK_HEX])
{
	unsigned char h[16];
	const char *v = conf_pin_hash ? conf_pin_hash : "";
	if (sodium_init() < 0)
		abort();
	crypto_generichash(h, sizeof h, (const unsigned char *)v, strlen(v), NULL, 0);
	sodium_bin2hex(out, STAFF_STATE_MARK_HEX, h, sizeof h);
}

const char *staff_pin_hash(const staff_record *s, const char *conf_pin_hash, bool conf_readable,
                           bool *staffs)
{
	*staffs = false;
	if (s->pin_hash) {
		char mark[STAFF_STATE_MARK_HEX];
		staff_state_admin_mark(conf_pin_hash, mark);
		if (!conf_readable || !strcmp(mark, s->admin_pin)) {
			*staffs = true;
			return s->pin_hash;
		}
	}
	return conf_pin_hash && *conf_pin_hash ? conf_pin_hash : NULL;
}

static bool parse_i64(const char *v, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

static bool is_hex(const char *v, size_t n)
{
	if (strlen(v) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", v[i]))
			return false;
	return true;
}

/* Parses the text; on a problem returns false with *why. */
static bool parse(char *text, staff_record *s, char **why)
{
	int lineno = 0;
	for (char *p = text; p && *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		char *line = p;
		p = nl ? nl + 1 : NULL;
		text_trim(line);
		if (!*line || *line == '#')
			continue;
		char *eq = strchr(line, '=');
		if (!eq) {
			*why = xasprintf(_("line %d: expected 'key = value'"), lineno);
			return false;
		}
		*eq = '\0';
		char *key = line, *val = eq + 1;
		text_trim(key);
		text_trim(val);
		int64_t n;
		if (!strcmp(key, "pin_hash") && !s->pin_hash && pin_hash_is_valid(val)) {
			s->pin_hash = xstrdup(val);
		} else if (!strcmp(key, "admin_pin") && !s->admin_pin[0] &&
		           is_hex(val, STAFF_STATE_MARK_HEX - 1)) {
			memcpy(s->admin_pin, val, STAFF_STATE_MARK_HEX);
		} else if (!strcmp(key, "failures") && parse_i64(val, 0, PIN_MAX_TRIES - 1, &n)) {
			s->failures = (int)n;
		} else if (!strcmp(key, "locked_at") && parse_i64(val, 0, INT64_MAX / 2, &n)) {
			s->locked_at_ms = n;
		} else {
			*why = xasprintf(_("line %d: '%s' is not a valid entry"), lineno, key);
			return false;
		}
	}
	if (!s->pin_hash != !s->admin_pin[0]) {
		*why = xstrdup(_("pin_hash and admin_pin go together"));
		return false;
	}
	return true;
}

int staff_state_load(const char *dir, staff_record *s, char **why)
{
	memset(s, 0, sizeof *s);
	*why = NULL;
	char *path = xasprintf("%s/%s", dir, STAFF_STATE_FILE);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		int err = errno;
		if (err == ENOENT) {
			free(path);
			return 0;
		}
		*why =
		    xasprintf("%s: %s", path, err == ELOOP ? _("a symbolic link") : strerror(err));
		free(path);
		return -1;
	}
	struct stat st;
	char *buf = NULL;
	const char *problem = NULL;
	if (fstat(fd, &st) != 0)
		problem = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		problem = _("not a regular file");
	else if (st.st_uid != geteuid())
		problem = _("not owned by the kiosk's user");
	else if (st.st_mode & 022)
		problem = _("writable by others");
	else if (st.st_size > STAFF_STATE_MAX)
		problem = _("too big");
	if (!problem) {
		buf = xcalloc(1, STAFF_STATE_MAX + 2);
		ssize_t n = read(fd, buf, STAFF_STATE_MAX + 1);
		if (n < 0)
			problem = strerror(errno);
		else if (n > STAFF_STATE_MAX)
			problem = _("too big");
		else if (memchr(buf, '\0', (size_t)n))
			problem = _("holds a NUL byte");
	}
	close(fd);
	int rc = 0;
	if (problem) {
		*why = xasprintf("%s: %s", path, problem);
		rc = -1;
	} else {
		char *detail = NULL;
		if (!parse(buf, s, &detail)) {
			*why = xasprintf("%s: %s", path, detail);
			free(detail);
			staff_state_clear(s);
			rc = -1;
		}
	}
	if (buf) {
		sodium_memzero(buf, STAFF_STATE_MAX + 2);
		free(buf);
	}
	free(path);
	return rc;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int staff_state_save(const char *dir, const staff_record *s)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	char *text = xasprintf("# motcua: what staff changed at the kiosk (written by the kiosk; "
	                       "remove this file to go back to the configuration's PIN)\n"
	                       "%s%s%s%s%s"
	                       "failures = %d\n"
	                       "locked_at = %" PRId64 "\n",
	                       s->pin_hash ? "pin_hash = " : "", s->pin_hash ? s->pin_hash : "",
	                       s->pin_hash ? "\nadmin_pin = " : "", s->pin_hash ? s->admin_pin : "",
	                       s->pin_hash ? "\n" : "", s->failures, s->locked_at_ms);
	int rc = 0;
	/* A temporary file left by a crash (or anything at its name) goes:
	 * unlinkat removes a link, never what it points to; an empty folder
	 * goes too. Whatever stays there (a folder with something in it) must
	 * not stop the save — the lockout would then live in memory only, and
	 * a restart would lift it — so a fresh random name is used instead. */
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%s", TMP_NAME);
	if (unlinkat(dfd, tmp, 0) != 0 && (errno == EISDIR || errno == EPERM))
		unlinkat(dfd, tmp, AT_REMOVEDIR);
	int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	int fd = openat(dfd, tmp, flags, 0600);
	for (int i = 0; fd < 0 && errno == EEXIST && i < 4 && sodium_init() >= 0; i++) {
		snprintf(tmp, sizeof tmp, "%s.%08" PRIx32, TMP_NAME, randombytes_random());
		fd = openat(dfd, tmp, flags, 0600);
	}
	if (fd < 0)
		rc = -errno;
	if (!rc)
		rc = write_all(fd, text, strlen(text));
	if (!rc && fsync(fd) != 0)
		rc = -errno;
	if (fd >= 0 && close(fd) != 0 && !rc)
		rc = -errno;
	if (!rc && renameat(dfd, tmp, dfd, STAFF_STATE_FILE) != 0)
		rc = -errno;
	if (!rc && fsync(dfd) != 0)
		rc = -errno;
	if (rc && fd >= 0)
		unlinkat(dfd, tmp, 0);
	sodium_memzero(text, strlen(text));
	free(text);
	close(dfd);
	return rc;
}
