/* staff_usb — the USB stick as the app sees it: which stick is in, and what
 * its coming and going does to the screens. A stick with a catalogue that
 * is plugged in while citizens use the kiosk brings up the PIN prompt (and
 * nothing of its contents); in the staff area it only enables "Update from
 * USB". Pulled out, it closes that prompt, abandons a copy in progress (and
 * stops the staff area's dossier check, dossier_job.h) and leaves the
 * update's result screen for home. Private to src/ui. */
#ifndef MOTCUA_UI_STAFF_USB_H
#define MOTCUA_UI_STAFF_USB_H

#include <stdbool.h>

#include "app.h"

/* A UI_EV_USB_INSERTED or UI_EV_USB_REMOVED (ev->path: the bundle folder). */
void staff_usb_event(app *a, const ui_event *ev);
/* A stick that was in before the kiosk started: known (the staff area
 * offers the last one added), not announced; call once for each stick.
 * bundle is copied; NULL is a no-op. */
void staff_usb_set_present(app *a, const char *bundle);
/* Test hook: updates started from now on park their copy (see update.h). */
void staff_usb_hold_copies(app *a, bool hold);
/* True while an update's worker runs (app_busy). */
bool staff_usb_busy(const app *a);
/* True when the stick the staff area offers carries a catalogue (its
 * motcua folder has a bundle.ini); a stick with only the dossier list
 * (ho_so.csv) opens the staff area instead of the catalogue update. */
bool staff_usb_has_catalogue(const app *a);
/* The top folder (where the bundle folder is) of the stick the staff area
 * offers — the last put in of those that are in —, malloc'd; NULL when no
 * stick is in. */
char *staff_usb_volume(const app *a);

#endif
