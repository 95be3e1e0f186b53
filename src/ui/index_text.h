/* index_text — words and numbers for the PAPI / SIPAS / PAR INDEX results,
 * shared by the indices screen and the attract slides. */
#ifndef MOTCUA_UI_INDEX_TEXT_H
#define MOTCUA_UI_INDEX_TEXT_H

#include <stddef.h>

#include "core/model.h"

/* The three indices in tab order. */
#define INDEX_TEXT_COUNT 3
extern const char *const index_text_names[INDEX_TEXT_COUNT];

/* What an index measures, translated; "" for an unknown name. */
const char *index_text_meaning(const char *index);
/* A score as people write it: up to two decimals, no trailing zeros, with a
 * decimal comma in Vietnamese ("43,89") and a point in English. */
void index_text_score(double v, char *buf, size_t n);
/* "43,89 / 80" (or "43,89" without a maximum). */
void index_text_score_of(const index_row *r, char *buf, size_t n);

#endif
