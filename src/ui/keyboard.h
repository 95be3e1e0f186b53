/* keyboard — the on-screen keyboard of the search screen: a-z, 0-9, space,
 * delete and clear. Plain letters suffice because search ignores
 * diacritics. Keys are tap targets with KEYBOARD_ACT_KEY and the ASCII
 * character as argument, so the script mode can type through them. */
#ifndef MOTCUA_UI_KEYBOARD_H
#define MOTCUA_UI_KEYBOARD_H

#include "flow.h"
#include "layout.h"

enum { KEYBOARD_ACT_KEY = 8001, KEYBOARD_ACT_DELETE, KEYBOARD_ACT_CLEAR };

/* Height of the keyboard at width w (keys as large as the width allows,
 * never under the touch size). */
int keyboard_height(flow *f, const ui_metrics *m, int w);
/* Lays the keyboard out in r. */
void keyboard_layout(flow *f, const ui_metrics *m, gfx_rect r);
/* Applies a keyboard action to *text (a malloc'd string, replaced). Returns
 * true when the text changed. */
bool keyboard_apply(char **text, int action, int arg);

#endif
