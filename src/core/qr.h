/* qr — a QR code as a square matrix of modules (libqrencode).
 *
 * Shared by the procedure sheet (drawn as filled rectangles) and the kiosk
 * (drawn on screen), so both show the same code for the same text. */
#ifndef MOTCUA_QR_H
#define MOTCUA_QR_H

#include <stdbool.h>

typedef struct qr_code {
	int size;               /* modules per side, without the quiet zone */
	unsigned char *modules; /* size*size bytes, row-major from the top left; 1 = dark */
} qr_code;

/* The quiet zone (light border) a reader needs, in modules, on every side. */
#define QR_QUIET_ZONE 4

/* Encodes text (UTF-8, taken as bytes) at error-correction level M, the
 * smallest version that holds it. Returns a new code the caller frees with
 * qr_free, or NULL when text is empty or too long for a QR code. */
qr_code *qr_encode(const char *text);

/* True when the module at column x, row y (0-based) is dark; false outside
 * the matrix, so callers may draw the quiet zone with the same loop. */
bool qr_dark(const qr_code *q, int x, int y);

/* qr_free(NULL) is a no-op. */
void qr_free(qr_code *q);

#endif
