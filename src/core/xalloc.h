/* xalloc — allocation that aborts on out-of-memory, so callers never check. */
#ifndef MOTCUA_XALLOC_H
#define MOTCUA_XALLOC_H

#include <stddef.h>

/* Each returns memory the caller owns and frees with free(); never NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Growth for arrays: returns p resized to hold at least want items of size sz,
 * updating *cap (doubling). */
void *xgrow(void *p, size_t *cap, size_t want, size_t sz);
/* xstrdup(NULL) returns NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
