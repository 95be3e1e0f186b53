/* qr — see qr.h. libqrencode is used only here. */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

qr_code *qr_encode(const char *text)
{
	if (!text || !*text)
		return NULL;
	/* 8-bit mode keeps the URL byte-exact: the alphanumeric mode would be
	 * smaller but upper-cases letters, which breaks most URL paths. */
	QRcode *raw = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!raw)
		return NULL;
	qr_code *q = xmalloc(sizeof *q);
	q->size = raw->width;
	size_t n = (size_t)raw->width * (size_t)raw->width;
	q->modules = xmalloc(n);
	/* libqrencode packs several flags per byte; bit 0 is the module colour. */
	for (size_t i = 0; i < n; i++)
		q->modules[i] = raw->data[i] & 1;
	QRcode_free(raw);
	return q;
}

bool qr_dark(const qr_code *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return false;
	return q->modules[(size_t)y * (size_t)q->size + (size_t)x] != 0;
}

void qr_free(qr_code *q)
{
	if (!q)
		return;
	free(q->modules);
	free(q);
}
