/* csv — RFC 4180 reader for the bundle's files, as Excel and LibreOffice write them.
 *
 * Handles a UTF-8 BOM, CRLF or LF, quoted cells with doubled quotes and line
 * breaks, and detects the delimiter (',', ';' or tab) from the header row.
 * It does not check encoding; callers validate UTF-8 first. */
#ifndef MOTCUA_CSV_H
#define MOTCUA_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct csv_row {
	char **cells; /* n cells, each NUL-terminated and owned by the row */
	size_t n;
	int line;     /* 1-based line of the file where the record starts */
	int record;   /* 1-based number of the record, blank ones counted: the
	               * row a spreadsheet shows it on (the header is row 1),
	               * less than line when a cell before it holds line breaks */
} csv_row;

typedef struct csv_table {
	csv_row *rows; /* rows[0] is the header */
	size_t n_rows;
	char delimiter;
} csv_table;

typedef enum csv_error {
	CSV_OK = 0,
	CSV_UNTERMINATED_QUOTE, /* a quoted cell runs to the end of the file */
	CSV_BAD_QUOTE,          /* text after a closing quote before the delimiter */
	CSV_CELL_TOO_LONG,      /* a cell over max_cell bytes */
	CSV_TOO_MANY_CELLS,     /* a record with a non-empty cell past max_cells */
} csv_error;

/* Reads a file's records one at a time, without keeping the earlier ones:
 * memory stays within one record (at most max_cells cells of max_cell bytes)
 * whatever the file holds. buf must outlive the reader. */
typedef struct csv_reader {
	const char *p, *end;
	char delimiter;
	size_t max_cell;  /* 0 = no limit */
	size_t max_cells; /* 0 = no limit; empty cells past it are dropped */
	int line;
	int record;       /* records begun so far; after an error, the faulty one's */
	char *text;       /* the record's cells, NUL-terminated, back to back */
	size_t text_len, text_cap;
	size_t *offs;     /* where each cell starts in text */
	size_t offs_cap;
	char **cells;
	size_t cells_cap;
	csv_row row;
	bool done;
} csv_reader;

/* Starts reading buf[0..len) (a UTF-8 BOM is skipped; the delimiter is
 * detected from the header row and is in r->delimiter at once). */
void csv_reader_init(csv_reader *r, const char *buf, size_t len, size_t max_cell, size_t max_cells);

/* The next record that is not blank (every cell empty). Returns CSV_OK with
 * *row set (valid until the next call), CSV_OK with *row NULL at the end, or
 * an error with *err_line the line where the faulty record starts; after an
 * error the reader is at its end. */
csv_error csv_next(csv_reader *r, const csv_row **row, int *err_line);

void csv_reader_free(csv_reader *r);

/* Parses buf[0..len) into t (which the caller frees with csv_table_free),
 * every record in memory: for tests and tools; the bundle uses csv_reader.
 * Blank lines (every cell empty, as in ";;;") are skipped. On an error returns
 * it, with *err_line the line where the faulty record starts, and t holds the
 * rows read before it. max_cell = 0 means no limit. */
csv_error csv_parse(const char *buf, size_t len, size_t max_cell, csv_table *t, int *err_line);

/* csv_table_free on a zeroed table is a no-op. */
void csv_table_free(csv_table *t);

/* Appends one cell to out as CSV, quoting when it holds the delimiter, a quote,
 * CR or LF, or leading/trailing spaces. Used by export. out is a growing
 * malloc'd buffer (*out, *len, *cap). */
void csv_write_cell(char **out, size_t *len, size_t *cap, const char *cell, char delimiter);

#endif
