/* event — the small input structs the app receives; no SDL here.
 *
 * Coordinates are in UI space (pixels of the logical screen after rotation).
 * The time of an event is passed beside it to app_handle_event, never read
 * from a clock inside the UI. */
#ifndef MOTCUA_UI_EVENT_H
#define MOTCUA_UI_EVENT_H

#include <stdint.h>

typedef enum ui_event_type {
	UI_EV_DOWN,   /* a finger touched */
	UI_EV_MOVE,   /* it moved */
	UI_EV_UP,     /* it lifted */
	UI_EV_KEY,    /* a key (desk testing; ignored by the kiosk) */
	UI_EV_TICK,   /* time passed: run timers and animations */
	UI_EV_EXPOSE, /* the frame must be drawn again */
	UI_EV_USB_INSERTED,
	UI_EV_USB_REMOVED,
} ui_event_type;

typedef struct ui_event {
	ui_event_type type;
	int64_t id;       /* finger id */
	float x, y;
	int key;          /* UI_EV_KEY: a gfx_key (the numeric keypad) */
	int sym;          /* UI_EV_KEY: the SDL keycode (a receipt scanner's characters) */
	const char *path; /* USB mount point, for UI_EV_USB_INSERTED; borrowed */
} ui_event;

#endif
