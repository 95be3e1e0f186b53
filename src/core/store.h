/* store — the folder that holds the live catalogue, its rollback copy and the
 * events file, and the atomic swap that replaces the catalogue (DESIGN §4). */
#ifndef MOTCUA_STORE_H
#define MOTCUA_STORE_H

#include "diag.h"
#include "model.h"

typedef struct store {
	char *dir;
	char *catalog_path;  /* DIR/catalog.sqlite */
	char *previous_path; /* DIR/catalog.previous.sqlite — what the last import replaced */
	char *events_path;   /* DIR/events.sqlite */
} store;

/* The lock held while DIR/staging (the copy of a stick's bundle) is in use. */
#define STORE_STAGING_LOCK "stick.lock"

/* Resolves the store folder: dir when non-NULL, else $MOTCUA_STORE, else
 * /var/lib/motcua when writable, else $XDG_DATA_HOME/motcua (~/.local/share).
 * Creates it, then removes the work files a killed import or update left
 * (catalog.new.sqlite, staging/…), each only when no running import or
 * update holds its lock. Returns 0 or -errno (reported on stderr). */
int store_open(store *s, const char *dir);
/* Frees the paths; the folder stays. store_close on a zeroed store is a no-op. */
void store_close(store *s);

/* Takes the staging lock (DIR/stick.lock) without waiting, so that
 * store_open elsewhere leaves DIR/staging alone. Returns the fd to pass to
 * store_unlock_staging, or -1 when it is held or cannot be made (then the
 * caller goes on unprotected, as before). */
int store_lock_staging(const store *s);
void store_unlock_staging(int fd);

/* True when the store has a live catalogue. */
bool store_has_catalog(const store *s);

/* phien_ban of the live catalogue, 0 when none. */
long store_installed_version(const store *s);

/* Replaces the live catalogue with d: writes DIR/catalog.new.sqlite, checks
 * integrity, fsyncs, moves the live file to the rollback copy, renames the new
 * file over the live one and fsyncs the folder. On any failure the live
 * catalogue is unchanged. Returns 0, or -1 with the reason in diag. */
int store_install(store *s, const catalog_data *d, diag_list *diag);

/* Swaps the live catalogue and the rollback copy. Returns 0, or -1 (no copy). */
int store_rollback(store *s, diag_list *diag);

/* When the store has no catalogue, imports the bundle at sample_dir. */
int store_ensure(store *s, const char *sample_dir, diag_list *diag);

#endif
