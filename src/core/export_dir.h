/* export_dir — a folder of files the kiosk writes onto a USB stick
 * (DESIGN §8, "the stick is hostile").
 *
 * Everything on a stick is treated as planted: a name there may be a
 * symbolic link to the live catalogue, a FIFO that blocks a reader, a device
 * node, or a folder left by an earlier export. So what the kiosk writes goes
 * into a folder it has just made itself (mkdirat; when the name is taken,
 * the next free "NAME-2", "NAME-3"… — a folder found is never reused), and
 * every file in it is created fresh through the folder's descriptor with
 * O_CREAT | O_EXCL | O_NOFOLLOW. Nothing found is followed, opened, replaced
 * or removed, and nothing is written off the stick's file system: the new
 * folder must be on the same device as the stick's top folder.
 *
 *   export_dir *d;
 *   if (export_dir_create("/media/motcua-sdb1", "motcua-thong-ke-20261205", &d, &diag) == 0) {
 *       int rc = export_dir_write(d, "a.csv", buf, len, &diag);
 *       if (rc == 0)
 *           rc = export_dir_finish(d, &diag);   // on the device: "you can pull it out"
 *       export_dir_close(d, rc == 0);           // on failure: what we made is removed
 *   }
 */
#ifndef MOTCUA_EXPORT_DIR_H
#define MOTCUA_EXPORT_DIR_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct export_dir export_dir;

/* Makes a new folder right inside root (the stick's top folder, which must
 * itself be a real folder, not a link): base, or base-2, base-3… (up to
 * base-99) when the name exists. On success *out owns the open folder.
 * Returns 0, or a negative errno with the reason in diag: -EROFS (the stick
 * is write-protected or mounted read-only), -ENOSPC (full), -EXDEV (the new
 * folder is not on root's file system), -EEXIST (no free name). */
int export_dir_create(const char *root, const char *base, export_dir **out, diag_list *diag);

/* The folder's name (base or base-N), owned by d. */
const char *export_dir_name(const export_dir *d);

/* Writes data as the new file `name` (one plain name, no '/') in the folder:
 * first as ".NAME.part", fsynced, then renamed to NAME without replacing
 * anything, so a stick pulled out half-way never holds half a file under
 * the real name. Returns 0, or a negative errno with the reason in diag
 * (-ENOSPC when the stick is full). */
int export_dir_write(export_dir *d, const char *name, const void *data, size_t len,
                     diag_list *diag);

/* Makes the folder's contents durable: fsync of the folder, then syncfs of
 * the stick, so that "you can pull it out" is true once this returns 0.
 * Returns 0 or a negative errno with the reason in diag. */
int export_dir_finish(export_dir *d, diag_list *diag);

/* Closes the folder. Unless keep, first removes the files this export
 * created (and only those) and then the folder, so a failed export leaves
 * nothing that looks complete. export_dir_close(NULL, …) is a no-op. */
void export_dir_close(export_dir *d, bool keep);

#endif
