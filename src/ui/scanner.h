/* scanner — a USB barcode / QR scanner, as the kiosk sees it: a keyboard
 * that types a whole receipt code in a few milliseconds a key, then Enter.
 *
 * Pure logic with the time passed in: the app feeds every key event
 * (scanner_key); a run of at least SCANNER_MIN_CHARS code characters, each
 * at most SCANNER_GAP_MS after the one before, ended by Enter as fast, is a
 * scan. Anything slower (a person at a keyboard) or any other key starts
 * again, so a keypad's keys are never taken for a scan. A run longer than
 * SCANNER_MAX_CHARS is no receipt code and makes no scan. Shift and the other
 * modifier keys (a scanner presses Shift for capitals) are ignored. */
#ifndef MOTCUA_UI_SCANNER_H
#define MOTCUA_UI_SCANNER_H

#include <stdbool.h>
#include <stdint.h>

#define SCANNER_GAP_MS 60
#define SCANNER_MIN_CHARS 4
#define SCANNER_MAX_CHARS 64

typedef struct scanner {
	char buf[SCANNER_MAX_CHARS + 1];
	int n;
	bool overlong; /* the run went past SCANNER_MAX_CHARS: not a code */
	int64_t last;  /* time of the last character */
} scanner;

/* Takes one key (an SDL keycode, as UI_EV_KEY carries) pressed at now.
 * Returns true when it ended a scan: out (SCANNER_MAX_CHARS + 1 bytes)
 * holds the code as typed. */
bool scanner_key(scanner *s, int key, int64_t now, char *out);

#endif
