/* catalog — the catalogue SQLite file (DESIGN §4): schema, writing, queries, search.
 *
 * The only code that speaks SQL to the catalogue. A catalog handle is opened
 * read-only; catalog_write() builds a complete new file. Search runs over an
 * FTS5 index of folded text (text_fold), prefix-matching the last word, with
 * the procedure name weighted above keywords, field and documents; a code typed
 * in full or in part finds its procedure. */
#ifndef MOTCUA_CATALOG_H
#define MOTCUA_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef struct catalog catalog;

/* Opens the file at path read-only. On failure returns NULL and, when err is
 * non-NULL, a malloc'd message in *err. */
catalog *catalog_open(const char *path, char **err);

/* Brings a catalogue written by an older motcua (schema 1, the first wave)
 * up to this version in place: upgrades a copy at tmp and renames it over
 * path. Returns 1 when it upgraded, 0 when there was nothing to do (already
 * current, missing, or not a catalogue: catalog_open says so), -1 with
 * *err (malloc'd) when it could not. The caller holds the store's lock. */
int catalog_upgrade(const char *path, const char *tmp, char **err);
/* catalog_close(NULL) is a no-op. */
void catalog_close(catalog *c);

/* Writes d as a new catalogue file at path (replacing any file there) inside
 * one transaction, then runs PRAGMA integrity_check. Does not fsync or rename:
 * that is the store's job. Returns 0, or -1 with *err set (malloc'd). */
int catalog_write(const char *path, const catalog_data *d, char **err);

/* Reads the whole catalogue into d (zeroed by the caller), blobs included.
 * Records come back in the order they were written. Returns 0 or -1. */
int catalog_load(catalog *c, catalog_data *d);

/* catalog_load that hands each procedure and each blob to a callback, one
 * at a time, instead of keeping them in d (NULL callback: kept in d): what
 * a comparison with a new catalogue needs without holding two catalogues in
 * memory. The procedure and the blob's bytes are valid during the call only;
 * name may be NULL. */
typedef void (*catalog_proc_fn)(const procedure *p, void *ctx);
typedef void (*catalog_blob_fn)(const char *name, const void *data, size_t size, void *ctx);
int catalog_load_each(catalog *c, catalog_data *d, catalog_proc_fn on_proc,
                      catalog_blob_fn on_blob, void *ctx);

/* Bundle metadata; owned by c. */
const bundle_info *catalog_info(catalog *c);
/* The random id written with the file (hex); a new one with every
 * catalog_write, so a kiosk can tell that the catalogue was replaced even
 * when the version number was not raised. Owned by c. */
const char *catalog_id(catalog *c);
/* Number of procedures. */
size_t catalog_count(catalog *c);
/* Number of old commune and ward names (dia_ban.csv). */
size_t catalog_place_count(catalog *c);

/* A procedure as listed: owned strings, free with catalog_summaries_free. */
typedef struct proc_summary {
	char *code, *name, *field, *status;
	bool untranslated; /* catalog_summaries_translate found no name in the language */
} proc_summary;
void catalog_summaries_free(proc_summary *v, size_t n);

typedef struct field_count {
	char *field;
	size_t count;
} field_count;
void catalog_fields_free(field_count *v, size_t n);

/* Fields (lĩnh vực) in alphabetical order of their folded name, with counts.
 * Returns the count; *out is malloc'd. */
size_t catalog_fields(catalog *c, field_count **out);
/* Procedures of one field, by name. */
size_t catalog_list_field(catalog *c, const char *field, proc_summary **out);
/* Procedures whose status (trang_thai) is set: new and amended first. */
size_t catalog_list_changed(catalog *c, proc_summary **out);
/* Search, best first, at most limit results. An empty query finds nothing;
 * nothing typed is FTS syntax; this never fails. What a citizen typed is
 * folded (no diacritics, no capitals) and spelled one way (ký = kí, see
 * search_words.h); words that carry no meaning (làm, xin, thủ tục …) do not
 * decide; everyday words (giấy độc thân, báo tử, đk …) are also searched as
 * the words official names use, and what that finds comes first. Every word
 * must be in the name, code, keywords or field, the word being typed (the
 * last, when no space follows it) as a prefix; only when that finds nothing,
 * the words a speaker may have confused (s/x, ch/tr, d/gi/r, l/n, n/ng, c/t,
 * a letter dropped or doubled) count too, and in a query of four words or
 * more, all words but one. Documents alone never make a result.
 * Best first: the words in the name (whole words before prefixes before near
 * spellings), diacritics typed as in the name, the main procedure before its
 * variants (lại, lưu động, có yếu tố nước ngoài …) unless the query names
 * the variant, the words together in the order typed, matches in code,
 * keywords or field, then documents, then the fewest other words in the name. */
size_t catalog_search(catalog *c, const char *query, size_t limit, proc_summary **out);
/* When catalog_search finds nothing: what merely resembles the query (a word
 * of it anywhere, near spellings included), best first, for a clearly
 * labelled "gần giống" list. Returns 0 when catalog_search finds something. */
size_t catalog_search_related(catalog *c, const char *query, size_t limit, proc_summary **out);

/* The content languages the catalogue carries translations into (the
 * bundle's dich/LANG/), by code. Returns the count; caller frees each and *out. */
size_t catalog_langs(catalog *c, char ***out);
/* Replaces the fields of p (from catalog_get) that have a translation into
 * lang by it; returns which were replaced, for catalog_translated. */
unsigned long catalog_translate(catalog *c, const char *lang, procedure *p);
/* True when catalog_translate's mask holds the procedure member at
 * member_offset (offsetof(procedure, steps)). */
bool catalog_translated(unsigned long mask, size_t member_offset);
/* Each name of v in lang where the catalogue has one; the others keep the
 * Vietnamese and are marked untranslated. Nothing when lang is NULL/"". */
void catalog_summaries_translate(catalog *c, const char *lang, proc_summary *v, size_t n);
/* catalog_search for a citizen reading lang (NULL/"": catalog_search
 * itself): the procedures whose translated name holds every word typed
 * (folded, the last as a prefix) first, then catalog_search's results not
 * among them, in its order; names translated (catalog_summaries_translate). */
size_t catalog_search_in(catalog *c, const char *lang, const char *query, size_t limit,
                         proc_summary **out);
/* True when the procedure member at member_offset may be translated at all
 * (names, steps, documents, deadlines, fees, ...; not codes, dates, URLs). */
bool catalog_translatable(size_t member_offset);

/* One whole procedure, or NULL when the code is unknown. Free with procedure_free. */
procedure *catalog_get(catalog *c, const char *code);
/* FAQ of one procedure, in bundle order; *out holds owned strings, free
 * with catalog_faqs_free. */
size_t catalog_faqs(catalog *c, const char *code, faq **out);
/* The same, with the text translated into lang where the bundle's
 * dich/LANG/faq.csv has it (faq.translated, catalog_row_translated). */
size_t catalog_faqs_in(catalog *c, const char *lang, const char *code, faq **out);
void catalog_faqs_free(faq *v, size_t n);

/* The small tables, whole: hotlines (by thu_tu, then bundle order), feedback
 * (newest first), indices (bundle order), news (newest first). They are
 * loaded into d's matching arrays; d is zeroed by the caller and freed with
 * catalog_data_clear. Procedures and blobs are not loaded. */
int catalog_load_extras(catalog *c, catalog_data *d);
/* The same, with hotlines and news translated into lang where the bundle's
 * dich/LANG/ has them (their `translated` masks). */
int catalog_load_extras_in(catalog *c, const char *lang, catalog_data *d);
/* True when a `translated` mask of a record of kind (TR_NEWS ...) holds its
 * member at member_offset (offsetof(news, title)). */
bool catalog_row_translated(unsigned mask, int kind, size_t member_offset);

/* One blob ("forms/x.pdf"); returns NULL when missing. *size set. Caller frees. */
unsigned char *catalog_blob(catalog *c, const char *name, size_t *size);

#endif
