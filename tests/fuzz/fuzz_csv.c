/* fuzz_csv — csv_parse on any bytes, with a cell limit taken from the
 * input; then every parsed cell written back with csv_write_cell (as export
 * does) must parse to the same cells. */
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/xalloc.h"
#include "fuzz_common.h"

static void table_check(const csv_table *t, size_t max_cell)
{
	int last_line = 0, last_record = 0;
	for (size_t i = 0; i < t->n_rows; i++) {
		const csv_row *r = &t->rows[i];
		FUZZ_CHECK(r->n >= 1 && r->cells);
		FUZZ_CHECK(r->line > last_line); /* records start on growing lines */
		/* spreadsheet rows grow too, never ahead of the lines */
		FUZZ_CHECK(r->record > last_record && r->record <= r->line);
		last_line = r->line;
		last_record = r->record;
		for (size_t j = 0; j < r->n; j++) {
			FUZZ_CHECK(r->cells[j] && (!max_cell || strlen(r->cells[j]) <= max_cell));
			/* Alt+Enter comes back as "\n" whatever the file's line ends */
			FUZZ_CHECK(!strchr(r->cells[j], '\r'));
		}
	}
}

static void put(char **out, size_t *len, size_t *cap, char c)
{
	*out = xgrow(*out, cap, *len + 2, 1);
	(*out)[(*len)++] = c;
	(*out)[*len] = '\0';
}

int fuzz_csv_one(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* First byte: the cell limit (0 = none; small values make the limit bite). */
	size_t max_cell = data[0] < 200 ? data[0] : (size_t)(data[0] - 199) * 1024;
	data++, size--;

	csv_table t;
	int err_line = -1;
	csv_error err = csv_parse((const char *)data, size, max_cell, &t, &err_line);
	FUZZ_CHECK(err >= CSV_OK && err <= CSV_CELL_TOO_LONG);
	FUZZ_CHECK(t.delimiter == ',' || t.delimiter == ';' || t.delimiter == '\t');
	if (err != CSV_OK)
		FUZZ_CHECK(err_line >= 1);
	table_check(&t, max_cell);

	/* Cells end at a NUL byte (they are C strings), so such input cannot
	 * round-trip; no spreadsheet writes NUL into a CSV file. */
	if (err != CSV_OK || t.n_rows == 0 || memchr(data, 0, size)) {
		csv_table_free(&t);
		return 0;
	}

	/* Written back with the detected delimiter. The reader detects it again
	 * from the first line, so the output starts with a line of delimiters
	 * only (a blank row, skipped) that outnumbers anything the header cells
	 * hold: the round trip is about cells, not about detection. */
	char *out = NULL;
	size_t len = 0, cap = 0, first = 1;
	for (size_t j = 0; j < t.rows[0].n; j++)
		first += strlen(t.rows[0].cells[j]) + 1;
	for (size_t k = 0; k < first; k++)
		put(&out, &len, &cap, t.delimiter);
	put(&out, &len, &cap, '\n');
	for (size_t i = 0; i < t.n_rows; i++) {
		const csv_row *r = &t.rows[i];
		for (size_t j = 0; j < r->n; j++) {
			if (j)
				put(&out, &len, &cap, t.delimiter);
			csv_write_cell(&out, &len, &cap, r->cells[j], t.delimiter);
		}
		/* alternate line ends: the reader takes both */
		if (i % 2)
			put(&out, &len, &cap, '\r');
		put(&out, &len, &cap, '\n');
	}

	csv_table u;
	int line2 = 0;
	csv_error err2 = csv_parse(out, len, 0, &u, &line2);
	FUZZ_CHECK(err2 == CSV_OK);
	FUZZ_CHECK(u.delimiter == t.delimiter);
	FUZZ_CHECK(u.n_rows == t.n_rows);
	for (size_t i = 0; i < t.n_rows; i++) {
		const csv_row *a = &t.rows[i], *b = &u.rows[i];
		FUZZ_CHECK(a->n == b->n);
		for (size_t j = 0; j < a->n; j++)
			FUZZ_CHECK(!strcmp(a->cells[j], b->cells[j]));
	}
	csv_table_free(&u);
	csv_table_free(&t);
	free(out);
	return 0;
}

FUZZ_ENTRY(fuzz_csv_one)
