/* usb — noticing a USB stick that carries a catalogue bundle, and copying the
 * bundle to local storage before anything reads it (DESIGN §3, §5).
 *
 * A stick is found by its mount point under one of the media roots
 * (config media_roots: "/media:/run/media:/mnt"): the root itself, a folder
 * right under it (/media/motcua-sdb1, our udev rule) or one level deeper
 * (/media/USER/LABEL, desktop automounters). Its bundle is the folder named
 * `motcua` (any case) at the top of the volume. The watch uses inotify on the
 * roots and the folders right under them, and /proc/self/mountinfo, whose
 * poll() reports every change of the mount table: a mount adds no inotify
 * event, so that is how a stick mounted on an existing folder is seen.
 *
 * Nothing here blocks: the kiosk polls usb_watch_fd() in its main loop (with
 * a timeout) and calls usb_watch_poll() when it is readable. */
#ifndef MOTCUA_USB_H
#define MOTCUA_USB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define USB_DEFAULT_ROOTS "/media:/run/media:/mnt"

typedef struct usb_watch usb_watch;

typedef enum usb_event_type {
	USB_EVENT_INSERTED = 1, /* a bundle folder appeared */
	USB_EVENT_REMOVED,      /* a bundle folder reported before is gone */
} usb_event_type;

typedef struct usb_event {
	usb_event_type type;
	char *path; /* the bundle folder, e.g. "/media/motcua-sdb1/MOTCUA"; owned */
} usb_event;

/* Frees ev->path and zeroes ev; a zeroed event is a no-op. */
void usb_event_clear(usb_event *ev);

/* Starts watching the ':'-separated roots (NULL or "" = USB_DEFAULT_ROOTS;
 * the string is copied). Roots that do not exist yet are picked up when they
 * appear. Bundles already present are known at once (usb_watch_present) but
 * are not reported as inserted. Returns NULL with errno set when inotify or
 * epoll cannot be set up. */
usb_watch *usb_watch_new(const char *roots);

/* usb_watch_free(NULL) is a no-op. */
void usb_watch_free(usb_watch *w);

/* A file descriptor that becomes readable (POLLIN) when usb_watch_poll may
 * have something to report. Owned by w. */
int usb_watch_fd(const usb_watch *w);

/* Takes the next event without blocking: returns 1 and fills *ev (the caller
 * frees it with usb_event_clear), 0 when there is nothing, or a negative
 * errno when the watch itself failed. Call until it returns 0. */
int usb_watch_poll(usb_watch *w, usb_event *ev);

/* The i-th bundle folder present at the last scan, in path order, or NULL
 * past the end. Owned by w, valid until the next usb_watch_poll. */
const char *usb_watch_present(const usb_watch *w, size_t i);

/* Called during usb_stage_copy_progress with the bytes copied so far and the
 * total; returning false cancels the copy. */
typedef bool (*usb_progress_fn)(void *ctx, uint64_t done, uint64_t total);

/* Copies the bundle folder src (on the stick) to the local folder dst, so
 * that checking and importing read a copy the stick cannot change under
 * them. Regular files only (symbolic links and special files are skipped,
 * never followed); the limits of DESIGN §3 are checked before anything is
 * copied. The copy is built in "dst.part", fsynced, then renamed to dst;
 * whatever was at dst or dst.part before is removed first. On any failure
 * neither dst nor dst.part is left behind, so dst exists only as a complete
 * copy.
 *
 * Returns 0, or a negative errno with a translated message in *err
 * (malloc'd): -ENODEV when the stick went away or a file changed while it was
 * read (source gone, ENODEV, EIO, a file shrank or grew), -EFBIG when the
 * bundle is over a limit, -ECANCELED when progress returned false, another
 * -errno when the local copy could not be written. progress may be NULL. */
int usb_stage_copy_progress(const char *src, const char *dst, usb_progress_fn progress, void *ctx,
                            char **err);

/* usb_stage_copy_progress without progress reports. */
int usb_stage_copy(const char *src, const char *dst, char **err);

#endif
