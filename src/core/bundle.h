/* bundle — read, validate and write the catalogue bundle of DESIGN §3.
 *
 * bundle_read() turns a bundle folder into a catalog_data and lists every
 * problem with the file and the line where its record starts; it never
 * touches the store. bundle_write() is its inverse, used by export. */
#ifndef MOTCUA_BUNDLE_H
#define MOTCUA_BUNDLE_H

#include <stdbool.h>

#include "audio_clip.h"
#include "diag.h"
#include "model.h"

/* Limits of DESIGN §3, consistent with each other and with the 400 MiB a
 * check or an import may use: a realistic procedure takes about 3.1 KB of
 * procedures.csv, so 20,000 of them make about 62 MB, within its 80 MiB;
 * every other CSV file has 32 MiB and 20,000 records; all CSV files together
 * 96 MiB of text (what the catalogue in memory is made of); forms and images
 * fill the rest of the 256 MiB a bundle. */
#define BUNDLE_MAX_PROCS_CSV (80u << 20)
#define BUNDLE_MAX_CSV (32u << 20)
#define BUNDLE_MAX_TEXT (96u << 20)
#define BUNDLE_MAX_RECORDS 20000
#define BUNDLE_MAX_CELL (64u << 10)
#define BUNDLE_MAX_PROCS 20000
#define BUNDLE_MAX_FORM (20u << 20)
#define BUNDLE_MAX_IMAGE (20u << 20)
#define BUNDLE_MAX_AUDIO AUDIO_CLIP_MAX_BYTES
#define BUNDLE_MAX_TOTAL (256u << 20)
/* Translations (dich/LANG/): each record costs about 440 bytes in memory
 * however short its row, so 150 languages of 20,000 two-cell rows (38 MB of
 * CSV) took 1.1 GB. At most 32 language folders, and 60,000 translated
 * records in all of them together (three whole translations of the largest
 * catalogue). */
#define BUNDLE_MAX_LANGS 32
#define BUNDLE_MAX_TRANSLATED 60000

typedef struct bundle_opts {
	const char *public_key;  /* minisign public key (base64 line); NULL/"" = not required */
	long installed_version;  /* phien_ban of the installed catalogue; 0 = none */
	bool allow_downgrade;    /* accept phien_ban <= installed_version */
	/* Warn (FILE:LINE: warning) about a character that no installed font can
	 * draw (core/font_fallback.h), once per character a file: `check` and
	 * `import`; off for the fuzzers, which would open fonts for every input. */
	bool glyphs;
} bundle_opts;

/* d/m/yyyy or dd/mm/yyyy (also with '-' or '.', the same one twice, as
 * people type them), a real calendar date from 1900 to 2100. */
bool bundle_date_dmy(const char *s, int *day, int *month, int *year);

/* Reads the bundle in folder dir into d (zeroed by the caller; freed with
 * catalog_data_clear whatever the result). Every problem goes to diag, file
 * names as found in the bundle. Returns true when there is no error
 * (warnings allowed). */
bool bundle_read(const char *dir, const bundle_opts *opts, catalog_data *d, diag_list *diag);

/* Writes d as a bundle into dir (created if missing; existing bundle files
 * are overwritten). Output is canonical: UTF-8 without BOM, comma, LF, fixed
 * column order, so export → import → export gives identical bytes.
 * Returns 0 or a negative errno, reported in diag. */
int bundle_write(const char *dir, const catalog_data *d, diag_list *diag);

/* Writes a translators' template for language lang into dir:
 * dir/dich/LANG/procedures.csv with every procedure's code and translatable
 * columns holding the Vietnamese text to translate (a cell left as it is
 * counts as not translated), and news.csv, hotlines.csv and faq.csv (when
 * the catalogue has such rows) likewise, each row keyed by two columns
 * (row_translation). Rows whose key columns another row shares are left out
 * with a warning. n_rows (or NULL) gets how many rows each file of kind
 * TR_NEWS ... holds, those left out not counted. Returns 0 or a negative
 * errno, reported in diag. */
int bundle_write_template(const char *dir, const catalog_data *d, const char *lang, size_t n_rows[TR_KINDS],
                          diag_list *diag);

/* What an import would change, by procedure code. */
typedef struct bundle_diff {
	char **added, **changed, **removed; /* "CODE\tNAME" strings, escaped (text_escape) */
	/* For each changed procedure (same index): the Vietnamese column titles
	 * of the fields that differ, in the file's order, joined by "; " (a
	 * title may hold a comma: "Phí, lệ phí; Thời hạn giải quyết"). */
	char **changed_fields;
	size_t n_added, n_changed, n_removed;
	bool hotlines_changed, indices_changed, news_changed, faq_changed, feedback_changed;
	bool places_changed; /* dia_ban.csv */
} bundle_diff;

void bundle_diff_compute(const catalog_data *old_cat, const catalog_data *new_cat, bundle_diff *out);
void bundle_diff_clear(bundle_diff *d);

/* bundle_diff_compute against the installed catalogue old_cat (NULL: none),
 * read one procedure and one blob at a time, so that a check never holds two
 * whole catalogues in memory. Returns 0, or -1 when old_cat cannot be read
 * (out then holds what was compared). */
struct catalog;
int bundle_diff_catalog(struct catalog *old_cat, const catalog_data *new_cat, bundle_diff *out);

#endif
