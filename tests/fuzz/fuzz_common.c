#include "fuzz_common.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"
#include "core/xalloc.h"

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
	fflush(stderr);
	abort();
}

static char *scratch_root;
static pid_t scratch_pid;

static void remove_tree(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		DIR *dp = fdopendir(fd);
		if (dp) {
			struct dirent *e;
			while ((e = readdir(dp)))
				if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
					remove_tree(dirfd(dp), e->d_name);
			closedir(dp);
		} else {
			close(fd);
		}
		unlinkat(parent, name, AT_REMOVEDIR);
	} else {
		unlinkat(parent, name, 0);
	}
}

void fuzz_empty_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return;
	DIR *dp = fdopendir(fd);
	if (!dp) {
		close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(dp)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			remove_tree(dirfd(dp), e->d_name);
	closedir(dp);
}

static void scratch_remove(void)
{
	/* Forked children (libFuzzer -fork, system()) must not remove it. */
	if (!scratch_root || getpid() != scratch_pid)
		return;
	fuzz_empty_dir(scratch_root);
	rmdir(scratch_root);
}

const char *fuzz_scratch(const char *name)
{
	static char *paths[16];
	static char *names[16];
	if (!scratch_root) {
		struct stat st;
		const char *base = getenv("FUZZ_SCRATCH");
		if (!base || !*base)
			base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
			               access("/dev/shm", W_OK) == 0
			           ? "/dev/shm"
			           : getenv("TMPDIR");
		if (!base || !*base)
			base = "/tmp";
		char *t = xasprintf("%s/motcua-fuzz-XXXXXX", base);
		if (!mkdtemp(t)) {
			perror(t);
			abort();
		}
		scratch_root = t;
		scratch_pid = getpid();
		atexit(scratch_remove);
	}
	size_t i = 0;
	for (; i < 16 && names[i]; i++)
		if (!strcmp(names[i], name))
			break;
	if (i == 16)
		abort();
	if (!names[i]) {
		names[i] = xstrdup(name);
		paths[i] = xasprintf("%s/%s", scratch_root, name);
	}
	if (mkdir(paths[i], 0700) < 0 && errno != EEXIST) {
		perror(paths[i]);
		abort();
	}
	fuzz_empty_dir(paths[i]);
	return paths[i];
}

void fuzz_write_file(const char *dir, const char *rel, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, rel);
	/* every folder of rel ("dich/hmn/procedures.csv") */
	for (char *slash = strchr(path + strlen(dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		perror(path);
		abort();
	}
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror(path);
			abort();
		}
		p += n;
		len -= (size_t)n;
	}
	close(fd);
	free(path);
}

char *fuzz_read_file(const char *dir, const char *rel, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, rel);
	FILE *f = fopen(path, "rb");
	free(path);
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		n += fread(buf + n, 1, cap - n - 1, f);
		if (n < cap - 1)
			break;
		cap *= 2;
		buf = xrealloc(buf, cap);
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static bool marker_at(const uint8_t *data, size_t size, size_t i)
{
	return i + 3 <= size && data[i] == '#' && data[i + 1] == '@' &&
	       (i == 0 || data[i - 1] == '\n');
}

void fuzz_sections(const uint8_t *data, size_t size, fuzz_section_fn cb, void *ctx)
{
	size_t i = 0;
	while (i < size && !marker_at(data, size, i))
		i++;
	while (i < size) {
		unsigned char sel = data[i + 2];
		size_t start = i + 3;
		/* the marker line ends with '\n'; anything else on it is content */
		if (start < size && data[start] == '\n')
			start++;
		size_t j = start;
		while (j < size && !marker_at(data, size, j))
			j++;
		size_t end = j;
		if (j < size && end > start && data[end - 1] == '\n')
			end--;
		cb(ctx, sel, data + start, end - start);
		i = j;
	}
}

void fuzz_check_diags(const diag_list *d)
{
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < d->n; i++) {
		const diag_entry *e = &d->v[i];
		FUZZ_CHECK(e->file && e->message && *e->message);
		FUZZ_CHECK(e->line >= 0);
		if (e->level == DIAG_ERROR)
			errors++;
		else
			warnings++;
		char *s = diag_format(e);
		FUZZ_CHECK(s && *s);
		/* outside text is escaped: one line, nothing a terminal acts on */
		FUZZ_CHECK(text_utf8_valid(s, strlen(s), NULL));
		FUZZ_CHECK(!text_find_control(s, false, NULL));
		free(s);
	}
	FUZZ_CHECK(errors == d->errors && warnings == d->warnings);
}

size_t fuzz_utf8_bad_offset(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 2, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}
