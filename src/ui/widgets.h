/* widgets — buttons, badges, cards and icons built from flow items.
 *
 * Each widget adds its shapes, its label (kept inside the widget's box for
 * the layout check) and its tap target to a flow. */
#ifndef MOTCUA_UI_WIDGETS_H
#define MOTCUA_UI_WIDGETS_H

#include "flow.h"
#include "layout.h"

typedef enum widget_style {
	WIDGET_PRIMARY,   /* brand blue, white label */
	WIDGET_SECONDARY, /* white, blue outline and label */
	WIDGET_ON_BRAND,  /* on the blue header: white outline and label */
	WIDGET_SELECTED,  /* on the blue header or a tab: white fill, blue label */
	WIDGET_TAB,       /* light blue, blue label */
} widget_style;

typedef enum widget_icon {
	WIDGET_NO_ICON,
	WIDGET_BACK,
	WIDGET_HOME,
	WIDGET_UP,
	WIDGET_DOWN,
	WIDGET_PRINTER,
	WIDGET_LISTEN, /* a loudspeaker: a recording to hear */
	WIDGET_STOP,   /* a square: stop the sound */
} widget_icon;

/* Width a button needs for its label (one line, bold, px) and icon, padding included. */
int widgets_button_width(flow *f, const ui_metrics *m, const char *label, int px, widget_icon icon);
/* A button filling r; the label is wrapped to fit and centred. action < 0:
 * drawn but not tappable. */
void widgets_button(flow *f, const ui_metrics *m, gfx_rect r, const char *label, int px,
		    widget_style st, widget_icon icon, int action, int arg);
/* A small coloured label ("mới") at (x, y); returns its width. Height is
 * widgets_badge_height. */
int widgets_badge(flow *f, const ui_metrics *m, int x, int y, const char *text, gfx_color bg);
int widgets_badge_height(flow *f, const ui_metrics *m);
/* The badge text and colour for a procedure's status; NULL when none. */
const char *widgets_status_badge(const char *status, gfx_color *bg);
/* An icon in the square r. */
void widgets_icon(flow *f, gfx_rect r, widget_icon icon, gfx_color c);
/* A white card with a soft border; returns its item index (resize it later). */
size_t widgets_card(flow *f, const ui_metrics *m, gfx_rect r);
/* Moves a card made by widgets_card (its box and border) to r. */
void widgets_card_resize(flow *f, size_t card, gfx_rect r);
/* A tappable list row (a card) at (x, y), w wide: a bold title of up to
 * three lines (then cut with an ellipsis: the next screen shows it whole),
 * an optional muted line under it with an optional badge before it, and an
 * arrow. Returns the height used (at least the touch size). */
int widgets_row(flow *f, const ui_metrics *m, int x, int y, int w, int min_h, const char *title,
		const char *sub, const char *badge, gfx_color badge_bg, int action, int arg);
/* The height widgets_row would use (with min_h 0). */
int widgets_row_height(flow *f, const ui_metrics *m, int w, const char *title, const char *sub, bool badge);
/* A section heading: bold, brand colour, with a rule under it; returns the height used. */
int widgets_heading(flow *f, const ui_metrics *m, int x, int y, int w, const char *text);

#endif
