#include "csv.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Skips one line break (CRLF, LF or a lone CR) at p; returns p unchanged when
 * there is none. */
static const char *csv_skip_eol(const char *p, const char *end)
{
	if (p < end && *p == '\r')
		return p + 1 < end && p[1] == '\n' ? p + 2 : p + 1;
	if (p < end && *p == '\n')
		return p + 1;
	return p;
}

/* The delimiter is the most frequent of ',', ';' and tab outside quotes in
 * the first record (the header row); ties and no candidate at all give ','. */
static char csv_detect_delimiter(const char *p, const char *end)
{
	while (p < end && (*p == '\r' || *p == '\n'))
		p++;
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;
	for (; p < end; p++) {
		char c = *p;
		if (c == '"')
			quoted = !quoted; /* a doubled quote toggles twice: still right */
		else if (quoted)
			continue;
		else if (c == '\r' || c == '\n')
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Growing byte buffer for a quoted cell being unescaped. */
typedef struct csv_buf {
	char *s;
	size_t len, cap;
} csv_buf;

static void csv_buf_add(csv_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static void csv_cells_free(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
}

csv_error csv_parse(const char *buf, size_t len, size_t max_cell, csv_table *t, int *err_line)
{
	assert(t && (buf || !len));
	memset(t, 0, sizeof *t);
	const char *p = buf, *end = buf + len;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	const char delim = csv_detect_delimiter(p, end);
	t->delimiter = delim;
	if (!max_cell)
		max_cell = (size_t)-1;

	size_t cap_rows = 0;
	char **cells = NULL; /* the record being read; moved into the table when done */
	size_t n_cells = 0, cap_cells = 0;
	csv_buf cell = {0};
	csv_error err = CSV_OK;
	int line = 1, rec_line = 1;

	while (p < end) {
		rec_line = line;
		n_cells = 0;
		bool blank = true;
		for (;;) {
			char *value;
			size_t vlen;
			if (p < end && *p == '"') {
				cell.len = 0;
				p++;
				for (;;) {
					const char *q = p;
					while (q < end && *q != '"' && *q != '\r' && *q != '\n')
						q++;
					csv_buf_add(&cell, p, (size_t)(q - p));
					p = q;
					if (p == end) {
						err = CSV_UNTERMINATED_QUOTE;
						goto fail;
					}
					if (*p == '"') {
						if (p + 1 < end && p[1] == '"') {
							csv_buf_add(&cell, "\"", 1);
							p += 2;
							continue;
						}
						p++;
						break;
					}
					/* Alt+Enter in Excel: whatever the file's line
					 * ending, the cell holds "\n". */
					p = csv_skip_eol(p, end);
					line++;
					csv_buf_add(&cell, "\n", 1);
				}
				/* Hand-edited files often have a space before the delimiter. */
				while (p < end && (*p == ' ' || (*p == '\t' && delim != '\t')))
					p++;
				if (p < end && *p != delim && *p != '\r' && *p != '\n') {
					err = CSV_BAD_QUOTE;
					goto fail;
				}
				vlen = cell.len;
				if (vlen > max_cell) {
					err = CSV_CELL_TOO_LONG;
					goto fail;
				}
				value = xstrndup(cell.s ? cell.s : "", vlen);
			} else {
				/* Unquoted: a quote inside is literal text, as Excel reads it. */
				const char *q = p;
				while (q < end && *q != delim && *q != '\r' && *q != '\n')
					q++;
				vlen = (size_t)(q - p);
				if (vlen > max_cell) {
					err = CSV_CELL_TOO_LONG;
					goto fail;
				}
				value = xstrndup(p, vlen);
				p = q;
			}
			blank &= vlen == 0;
			cells = xgrow(cells, &cap_cells, n_cells + 1, sizeof *cells);
			cells[n_cells++] = value;
			if (p < end && *p == delim) {
				p++;
				continue;
			}
			if (p < end) {
				p = csv_skip_eol(p, end);
				line++;
			}
			break;
		}
		/* Rows of empty cells are blank lines too: spreadsheets write ";;;;"
		 * for rows that were only formatted. */
		if (blank) {
			csv_cells_free(cells, n_cells);
			continue;
		}
		t->rows = xgrow(t->rows, &cap_rows, t->n_rows + 1, sizeof *t->rows);
		csv_row *row = &t->rows[t->n_rows++];
		row->cells = xmalloc(n_cells * sizeof *row->cells);
		memcpy(row->cells, cells, n_cells * sizeof *cells);
		row->n = n_cells;
		row->line = rec_line;
	}
	free(cells);
	free(cell.s);
	return CSV_OK;

fail:
	csv_cells_free(cells, n_cells);
	free(cells);
	free(cell.s);
	if (err_line)
		*err_line = rec_line;
	return err;
}

void csv_table_free(csv_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_rows; i++) {
		csv_cells_free(t->rows[i].cells, t->rows[i].n);
		free(t->rows[i].cells);
	}
	free(t->rows);
	memset(t, 0, sizeof *t);
}

static void csv_out_put(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*out = xrealloc(*out, *cap);
	}
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = '\0';
}

void csv_write_cell(char **out, size_t *len, size_t *cap, const char *cell, char delimiter)
{
	assert(out && len && cap);
	if (!cell)
		cell = "";
	size_t n = strlen(cell);
	bool quote =
	    n && (cell[0] == ' ' || cell[0] == '\t' || cell[n - 1] == ' ' || cell[n - 1] == '\t');
	for (size_t i = 0; i < n && !quote; i++) {
		char c = cell[i];
		quote = c == delimiter || c == '"' || c == '\r' || c == '\n';
	}
	if (!quote) {
		csv_out_put(out, len, cap, cell, n);
		return;
	}
	csv_out_put(out, len, cap, "\"", 1);
	for (const char *p = cell;;) {
		const char *q = strchr(p, '"');
		if (!q) {
			csv_out_put(out, len, cap, p, strlen(p));
			break;
		}
		csv_out_put(out, len, cap, p, (size_t)(q - p + 1));
		csv_out_put(out, len, cap, "\"", 1);
		p = q + 1;
	}
	csv_out_put(out, len, cap, "\"", 1);
}
