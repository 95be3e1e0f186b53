/* catwatch — notices that the catalogue file was replaced (an import from
 * the command line or the staff area renames a new file over it) so the
 * kiosk reopens it between frames, without a restart. */
#ifndef MOTCUA_UI_CATWATCH_H
#define MOTCUA_UI_CATWATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/catalog.h"

typedef struct catwatch {
	const char *path; /* kept */
	dev_t dev;
	ino_t ino;
	int64_t mtime_ns;
	off_t size;
	int64_t checked_at;
} catwatch;

/* Remembers the identity of the file at path now. */
void catwatch_init(catwatch *w, const char *path);
/* At most once per interval_ms of `now`: when the file's identity changed,
 * opens it and returns the new handle (NULL when unchanged, or when the
 * new file cannot be opened: then the old one stays, with a warning). */
catalog *catwatch_poll(catwatch *w, int64_t now, int64_t interval_ms);

#endif
