#include "staff_usb.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app_state.h"
#include "core/xalloc.h"
#include "dossier_job.h"
#include "update.h"

static screen *top_screen(const app *a) { return a->stack[a->depth - 1]; }

/* Screens lower in the stack show the stick too (the staff area's
 * buttons): lay them out again when they come back on top. */
static void invalidate_all(app *a)
{
	for (int i = 0; i < a->depth; i++)
		a->stack[i]->laid_gen = a->gen - 1;
	a->chrome_stale = true;
	a->dirty = true;
}

/* Every stick that is in is tracked, so that pulling one out leaves the
 * others known; the one the staff area offers is the last put in. */
static void sticks_add(app *a, const char *bundle)
{
	for (size_t i = 0; i < a->n_usb_sticks; i++)
		if (!strcmp(a->usb_sticks[i], bundle)) {
			/* put in again: it becomes the newest */
			char *p = a->usb_sticks[i];
			memmove(&a->usb_sticks[i], &a->usb_sticks[i + 1],
				(a->n_usb_sticks - i - 1) * sizeof *a->usb_sticks);
			a->usb_sticks[a->n_usb_sticks - 1] = p;
			goto current;
		}
	a->usb_sticks = xgrow(a->usb_sticks, &a->cap_usb_sticks, a->n_usb_sticks + 1, sizeof *a->usb_sticks);
	a->usb_sticks[a->n_usb_sticks++] = xstrdup(bundle);
current:
	free(a->usb_bundle);
	a->usb_bundle = xstrdup(a->usb_sticks[a->n_usb_sticks - 1]);
}

static void sticks_remove(app *a, const char *bundle)
{
	for (size_t i = 0; i < a->n_usb_sticks; i++)
		if (!strcmp(a->usb_sticks[i], bundle)) {
			free(a->usb_sticks[i]);
			memmove(&a->usb_sticks[i], &a->usb_sticks[i + 1],
				(a->n_usb_sticks - i - 1) * sizeof *a->usb_sticks);
			a->n_usb_sticks--;
			break;
		}
	free(a->usb_bundle);
	a->usb_bundle = a->n_usb_sticks ? xstrdup(a->usb_sticks[a->n_usb_sticks - 1]) : NULL;
}

static void inserted(app *a, const char *bundle)
{
	sticks_add(a, bundle);
	invalidate_all(a);
	screen *s = top_screen(a);
	switch (s->ops->id) {
	case SCREEN_STAFF:
	case SCREEN_USB:
	case SCREEN_REPORT:
		return; /* staff are in: the staff area offers the stick */
	case SCREEN_PIN:
		if (screen_pin_is_for_usb(s) || !strcmp(screen_name(s), "pin-change"))
			return;
		app_pop(a); /* the staff PIN pad becomes the stick's */
		break;
	default:
		break;
	}
	app_push(a, screen_pin_usb_new(a));
}

static void removed(app *a, const char *bundle)
{
	bool ours = a->usb_bundle && !strcmp(a->usb_bundle, bundle);
	sticks_remove(a, bundle);
	invalidate_all(a);
	if (a->update)
		update_stick_removed(a->update, bundle);
	if (a->dossier_job)
		dossier_job_stick_removed(a->dossier_job, bundle);
	screen *s = top_screen(a);
	if (ours && s->ops->id == SCREEN_PIN && screen_pin_is_for_usb(s)) {
		app_pop(a); /* the citizen gets back what they were reading */
	} else if (s->ops->id == SCREEN_USB && a->update && update_phase_get(a->update) == UPDATE_DONE) {
		app_home(a); /* the staff's work is done: the kiosk is the citizens' again */
	}
}

void staff_usb_event(app *a, const ui_event *ev)
{
	if (!ev->path)
		return;
	if (ev->type == UI_EV_USB_INSERTED)
		inserted(a, ev->path);
	else if (ev->type == UI_EV_USB_REMOVED)
		removed(a, ev->path);
}

void staff_usb_set_present(app *a, const char *bundle)
{
	if (bundle)
		sticks_add(a, bundle);
	invalidate_all(a);
}

void staff_usb_hold_copies(app *a, bool hold) { a->hold_copies = hold; }

bool staff_usb_busy(const app *a) { return a->update && update_busy(a->update); }

char *staff_usb_volume(const app *a)
{
	if (!a->usb_bundle)
		return NULL;
	const char *slash = strrchr(a->usb_bundle, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == a->usb_bundle)
		return xstrdup("/");
	return xstrndup(a->usb_bundle, (size_t)(slash - a->usb_bundle));
}

bool staff_usb_has_catalogue(const app *a)
{
	if (!a->usb_bundle)
		return false;
	DIR *d = opendir(a->usb_bundle);
	bool found = false;
	struct dirent *e;
	while (d && !found && (e = readdir(d)))
		found = !strcasecmp(e->d_name, "bundle.ini");
	if (d)
		closedir(d);
	return found;
}
