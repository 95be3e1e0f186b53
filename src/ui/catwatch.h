/* catwatch — notices that the catalogue file was replaced (an import from
 * the command line or the staff area renames a new file over it) so the
 * kiosk reopens it between frames, without a restart; and that the dossier
 * list appeared, was replaced or went (`motcua dossier import`), so the
 * home screen's "Look up your dossier" tile and the attract screen's
 * figures follow at once. */
#ifndef MOTCUA_UI_CATWATCH_H
#define MOTCUA_UI_CATWATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/catalog.h"

/* What a file was when last looked at. */
typedef struct filestamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	int64_t mtime_ns;
	off_t size;
} filestamp;

typedef struct catwatch {
	const char *path; /* kept */
	dev_t dev;
	ino_t ino;
	int64_t mtime_ns;
	off_t size;
	int64_t checked_at;
	char *dossiers;         /* the dossier list's path (owned), or NULL */
	filestamp dossiers_at;  /* what it was when last looked at */
	int64_t dossiers_checked_at;
} catwatch;

/* Remembers the identity of the file at path now. */
void catwatch_init(catwatch *w, const char *path);
/* At most once per interval_ms of `now`: when the file's identity changed,
 * opens it and returns the new handle (NULL when unchanged, or when the
 * new file cannot be opened: then the old one stays, with a warning). */
catalog *catwatch_poll(catwatch *w, int64_t now, int64_t interval_ms);
/* Also watches the dossier list at path (copied; NULL: none), from now. */
void catwatch_dossiers(catwatch *w, const char *path);
/* At most once per interval_ms of `now`: true when the dossier list
 * appeared, changed or went since it was last looked at (one stat). The kiosk asks only while a screen that shows it is up (home,
 * attract): a change in between is seen when one comes back. */
bool catwatch_dossiers_changed(catwatch *w, int64_t now, int64_t interval_ms);
/* Frees what catwatch_dossiers kept. */
void catwatch_clear(catwatch *w);

#endif
