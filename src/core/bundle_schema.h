/* bundle_schema — the columns of every bundle file (DESIGN §3), as data.
 *
 * One table per CSV file: each column's ASCII key, Vietnamese heading,
 * whether it is required, the kind of value it holds and where that value
 * lives in the model's record struct. The reader, the writer and the diff all
 * walk these tables, so a column is added in one place. */
#ifndef MOTCUA_BUNDLE_SCHEMA_H
#define MOTCUA_BUNDLE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* What a cell holds, and so how it is checked and stored. */
typedef enum bundle_kind {
	BUNDLE_TEXT,     /* char *: free text, may span lines */
	BUNDLE_LIST,     /* item_list: one item a line, "text | extra" */
	BUNDLE_FORMS,    /* item_list whose extras name PDF files under forms/ */
	BUNDLE_AUDIO,    /* item_list "language | audio/FILE": recordings under audio/ */
	BUNDLE_CODE,     /* char *: a procedure code, unique in the bundle */
	BUNDLE_CODE_REF, /* char *: the code of a procedure of the bundle */
	BUNDLE_REPLACEMENT, /* char *: the code of the procedure that replaces this
	                     * repealed one, checked once procedures.csv is read */
	BUNDLE_DATE,     /* char *: dd/mm/yyyy, a real date */
	BUNDLE_PHONE,    /* char *: digits, spaces, . - + ( ), 3 to 15 digits */
	BUNDLE_URL,      /* char *: http:// or https:// */
	BUNDLE_IMAGE,    /* char *: a PNG or JPEG file under images/ */
	BUNDLE_CHOICE,   /* char *: one of column->choices, stored in that spelling */
	BUNDLE_YEAR,     /* int: 2000..2100 */
	BUNDLE_ORDER,    /* int: >= 0, 0 when empty */
	BUNDLE_SCORE,    /* double: 0..the row's BUNDLE_MAX column when given */
	BUNDLE_MAX,      /* double: > 0, -1 when empty */
} bundle_kind;

typedef struct bundle_column {
	const char *key;     /* "ma_thu_tuc" */
	const char *heading; /* "Mã thủ tục" */
	bool required;       /* the column must be present and its cells non-empty */
	bundle_kind kind;
	size_t offset;              /* of the field in the record struct */
	const char *const *choices; /* BUNDLE_CHOICE: canonical spellings, NULL-terminated */
	bool later; /* added after the first bundles were made (second wave): an
	             * export writes it only when some record uses it, so a
	             * bundle without it comes back as it was */
} bundle_column;

typedef struct bundle_table {
	const char *file; /* canonical name, "procedures.csv" */
	bool required;    /* the file must be in the bundle */
	const bundle_column *columns;
	size_t n_columns;
	size_t record_size;
	size_t array_offset; /* of the record array in catalog_data */
	size_t count_offset; /* of its count in catalog_data */
	void *(*add)(catalog_data *d);
} bundle_table;

/* Keys of bundle.ini. */
#define BUNDLE_INI "bundle.ini"
#define BUNDLE_INI_UNIT "don_vi"
#define BUNDLE_INI_VERSION "phien_ban"
#define BUNDLE_INI_DATE "ngay_ban_hanh"
#define BUNDLE_INI_AUTHOR "nguoi_lap"
#define BUNDLE_INI_ENCODING "ma_hoa"

/* Every CSV file of a bundle, procedures.csv first (the others refer to it).
 * Sets *n to their number; the array is static. */
const bundle_table *bundle_schema_tables(size_t *n);

/* The table of the file named name (canonical, exact), or NULL. */
const bundle_table *bundle_schema_table(const char *name);

/* The bundle's translations: dich/LANG/ holds this file, with the code and
 * the translatable columns of procedures.csv (names, steps, documents,
 * deadlines, fees, ... — not codes, fields, dates, choices, legal basis,
 * forms, URLs or keywords, which stay the same in every language). */
#define BUNDLE_TRANSLATIONS "dich"
const bundle_table *bundle_schema_translation_table(void);
/* True when procedures.csv's column key may be translated. */
bool bundle_schema_translatable(const char *key);
/* The other files of dich/LANG/ (kind TR_NEWS, TR_HOTLINES, TR_FAQ; file
 * names as in the bundle): columns 0 and 1 name the Vietnamese record (see
 * row_translation), columns 2.. are the translated text (text[j - 2]). */
#define BUNDLE_ROW_KEYS 2
const bundle_table *bundle_schema_row_table(int kind);
/* The kind of a table of bundle_schema_row_table, or -1 for any other. */
int bundle_schema_row_kind(const bundle_table *t);
/* The Vietnamese table it translates (news.csv ...). */
const bundle_table *bundle_schema_row_source(int kind);
/* The column of the Vietnamese table that column j holds (for a "_goc"
 * key column: the column whose Vietnamese text it repeats). */
const bundle_column *bundle_schema_row_source_column(int kind, size_t j);

/* Number of records of t's kind in d. */
size_t bundle_schema_count(const catalog_data *d, const bundle_table *t);

/* The i-th record of t's kind in d (i < count). */
const void *bundle_schema_record(const catalog_data *d, const bundle_table *t, size_t i);

/* Field accessors for filling a record: rec is a record of the column's
 * table; the column's kind must be stored that way (asserted). */
char **bundle_schema_str(void *rec, const bundle_column *c);
item_list *bundle_schema_list(void *rec, const bundle_column *c);
int *bundle_schema_int(void *rec, const bundle_column *c);
double *bundle_schema_double(void *rec, const bundle_column *c);

/* The same, reading: the value of field c of rec (strings may be NULL). */
const char *bundle_schema_get_str(const void *rec, const bundle_column *c);

/* The Vietnamese records of a translated kind's source table (news,
 * hotlines, questions) by their two key columns: k1, k2 (never NULL) and
 * the record's index i, sorted by bundle_row_key_cmp. Reading a translation
 * finds each row's record in log n; a template leaves out records whose
 * keys are shared. *n set; caller frees. */
typedef struct bundle_row_key {
	const char *k1, *k2;
	size_t i;
} bundle_row_key;
bundle_row_key *bundle_schema_row_keys(const catalog_data *d, int kind, size_t *n);
/* qsort order of bundle_row_key: k1, then k2. */
int bundle_row_key_cmp(const void *a, const void *b);
const item_list *bundle_schema_get_list(const void *rec, const bundle_column *c);
int bundle_schema_get_int(const void *rec, const bundle_column *c);
double bundle_schema_get_double(const void *rec, const bundle_column *c);

/* True when the kind is stored as a char * / an item_list / an int / a double. */
bool bundle_kind_is_str(bundle_kind k);
bool bundle_kind_is_list(bundle_kind k);
bool bundle_kind_is_int(bundle_kind k);
bool bundle_kind_is_double(bundle_kind k);

/* True when field c of records a and b holds the same value (NULL and ""
 * are the same; lists compare item by item). */
bool bundle_schema_field_equal(const void *a, const void *b, const bundle_column *c);

/* True when every field of t's records a and b is equal. */
bool bundle_schema_record_equal(const void *a, const void *b, const bundle_table *t);

#endif
