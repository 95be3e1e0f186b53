/* layout — sizes and colours of the kiosk, derived from the screen.
 *
 * One unit is min(w, h) / 1080, so a 1080p panel in either orientation gets
 * the nominal sizes and smaller panels scale down. Text sizes also scale by
 * 1.25 when the citizen turns on larger text. Nominal sizes follow DESIGN §5:
 * body text >= 28 px, touch targets >= 64 px and >= 2 mm apart. Colours
 * keep body text at a contrast of 7:1 or more. */
#ifndef MOTCUA_UI_LAYOUT_H
#define MOTCUA_UI_LAYOUT_H

#include <stdbool.h>

#include "gfx/gfx.h"

typedef struct ui_metrics {
	int w, h;
	float unit, text_scale;
	bool portrait, narrow; /* narrow: less than ~1500 units wide */
	int pad;      /* margin of the screen and inside cards */
	int gap;      /* between targets and blocks */
	int touch;    /* the height of buttons and list rows (at least) */
	int radius;
	int border;
	int px_small; /* captions, secondary lines (still >= 28 at 1080p) */
	int px_body;
	int px_h2;    /* headings inside a page */
	int px_h1;    /* page titles */
	int px_big;   /* hotline numbers, the attract call to action */
	int px_key;   /* on-screen keyboard labels */
	int gutter;   /* width kept on the right of scrolled content for its buttons */
} ui_metrics;

/* Computes the metrics of a w x h screen; large = the larger-text toggle. */
void layout_metrics(ui_metrics *m, int w, int h, bool large);
/* Rounds v units to pixels (at least 1 when v > 0). */
int layout_px(const ui_metrics *m, float v);

/* Columns: splits width w into n columns separated by gap; column i's x offset and width. */
void layout_column(int x, int w, int n, int gap, int i, int *cx, int *cw);

/* The palette. Contrast against the background they sit on, by WCAG:
 * INK on PAPER 17.4:1, INK on BG 15.7:1, WHITE on BRAND 10.0:1, MUTED on
 * PAPER 9.6:1 (on BG 8.6:1), BRAND on BRAND_LIGHT 8.0:1, WHITE on NEW
 * 7.9:1, WHITE on AMENDED 7.8:1, ALERT on BG 7.3:1: all at least 7:1. */
#define COLOR(hex) ((gfx_color){(hex) >> 16 & 255, (hex) >> 8 & 255, (hex) & 255, 255})
#define UI_INK COLOR(0x1a1a1a)
#define UI_MUTED COLOR(0x454545)
#define UI_PAPER COLOR(0xffffff)
#define UI_BG COLOR(0xf1f3f7)
#define UI_BRAND COLOR(0x0b3d91)
#define UI_BRAND_DARK COLOR(0x082c69)
#define UI_BRAND_LIGHT COLOR(0xdce6f7)
#define UI_LINE COLOR(0x8a94a6)
#define UI_WHITE COLOR(0xffffff)
#define UI_NEW COLOR(0x1b5e20)
#define UI_AMENDED COLOR(0x8a3b00)
#define UI_ALERT COLOR(0xa4000f)
#define UI_GOLD COLOR(0xffcd00)
#define UI_PRESSED ((gfx_color){0, 0, 0, 70})

#endif
