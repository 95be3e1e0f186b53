/* swap_shim — LD_PRELOAD library for test_swap.sh: plays the attacker who
 * swaps a file of a signed bundle while motcua reads it.
 *
 * With SWAP_NAME=procedures.csv, SWAP_FROM=/path/forged.csv and SWAP_AT=k,
 * just before the k-th time the process opens a file whose last path
 * component is SWAP_NAME (any case), SWAP_FROM is renamed over that file;
 * SWAP_DONE (a path) is then created, so the test knows the swap happened.
 * Every open call of glibc is wrapped (open, open64, openat, openat64 and
 * their _2 fortified forms), whichever the program uses. Deterministic: no
 * second process, no timing. */
/* Every name below is its own symbol: no open → open64 redirection. */
#undef _FILE_OFFSET_BITS
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int seen;

static void maybe_swap(int dirfd, const char *path)
{
	const char *name = getenv("SWAP_NAME"), *from = getenv("SWAP_FROM");
	const char *at = getenv("SWAP_AT"), *done = getenv("SWAP_DONE");
	if (!name || !from || !at || !path)
		return;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (strcasecmp(base, name) || ++seen != atoi(at))
		return;
	char target[2 * PATH_MAX + 2];
	if (path[0] != '/' && dirfd != AT_FDCWD) {
		char link[64], dir[PATH_MAX];
		snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
		ssize_t n = readlink(link, dir, sizeof dir - 1);
		if (n < 0)
			return;
		dir[n] = '\0';
		snprintf(target, sizeof target, "%s/%s", dir, path);
	} else {
		snprintf(target, sizeof target, "%s", path);
	}
	if (rename(from, target) == 0 && done) {
		FILE *f = fopen(done, "w");
		if (f) {
			fprintf(f, "%s\n", target);
			fclose(f);
		}
	}
}

#define MODE_ARG(flags, mode)                                                            \
	do {                                                                             \
		if ((flags) & (O_CREAT | O_TMPFILE)) {                                   \
			va_list ap;                                                      \
			va_start(ap, flags);                                             \
			mode = va_arg(ap, int);                                          \
			va_end(ap);                                                      \
		}                                                                        \
	} while (0)

typedef int (*open_fn)(const char *, int, ...);
typedef int (*openat_fn)(int, const char *, int, ...);

#define WRAP_OPEN(fn)                                                                    \
	int fn(const char *path, int flags, ...);                                        \
	int fn(const char *path, int flags, ...)                                         \
	{                                                                                \
		int mode = 0;                                                            \
		MODE_ARG(flags, mode);                                                   \
		maybe_swap(AT_FDCWD, path);                                              \
		open_fn real;                                                            \
		*(void **)&real = dlsym(RTLD_NEXT, #fn);                                 \
		return real(path, flags, mode);                                          \
	}
#define WRAP_OPENAT(fn)                                                                  \
	int fn(int dirfd, const char *path, int flags, ...);                             \
	int fn(int dirfd, const char *path, int flags, ...)                              \
	{                                                                                \
		int mode = 0;                                                            \
		MODE_ARG(flags, mode);                                                   \
		maybe_swap(dirfd, path);                                                 \
		openat_fn real;                                                          \
		*(void **)&real = dlsym(RTLD_NEXT, #fn);                                 \
		return real(dirfd, path, flags, mode);                                   \
	}

WRAP_OPEN(open)
WRAP_OPEN(open64)
WRAP_OPENAT(openat)
WRAP_OPENAT(openat64)

int __open_2(const char *path, int flags);
int __open_2(const char *path, int flags)
{
	return open(path, flags);
}
int __open64_2(const char *path, int flags);
int __open64_2(const char *path, int flags)
{
	return open64(path, flags);
}
int __openat_2(int dirfd, const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags);
}
int __openat64_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags)
{
	return openat64(dirfd, path, flags);
}
