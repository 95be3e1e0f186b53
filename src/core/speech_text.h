/* speech_text — what is read aloud for a procedure or a news item, in
 * parts (sections) a listener can skip between. The kiosk's read-aloud on
 * the detail and article pages and `motcua speak` both take their words
 * from here, so the loudspeaker says what the kiosk says. Headings are in
 * the UI language (_()); the catalogue's text as published. */
#ifndef MOTCUA_SPEECH_TEXT_H
#define MOTCUA_SPEECH_TEXT_H

#include <stddef.h>

#include "model.h"

typedef struct speech_text {
	char **part; /* owned, each a few sentences */
	size_t n, cap;
} speech_text;

/* Appends a copy of s as a part (skipped when empty). */
void speech_text_add(speech_text *t, const char *s);
/* Appends the procedure's parts: its name and code, then one part per
 * field in the sheet's order (procedure_fields; the web address is left
 * out: the screen shows its QR code), then its questions and answers. */
void speech_text_procedure(speech_text *t, const procedure *p, const faq *faqs, size_t n_faqs);
/* Appends a news item: title and date, then its text. */
void speech_text_news(speech_text *t, const news *n);
/* All parts in one string, each ending a sentence; malloc'd. */
char *speech_text_join(const speech_text *t);
/* Frees the parts; the struct is zeroed. */
void speech_text_clear(speech_text *t);

#endif
