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

/* Appends n bytes to the record's text. */
static void csv_text_add(csv_reader *r, const char *s, size_t n)
{
	if (r->text_len + n + 1 > r->text_cap) {
		r->text_cap = (r->text_len + n + 1) * 2;
		r->text = xrealloc(r->text, r->text_cap);
	}
	memcpy(r->text + r->text_len, s, n);
	r->text_len += n;
}

/* Appends n bytes to the quoted cell being read, whose length so far is
 * *vlen; once it is over the limit, it is only counted. */
static void csv_cell_add(csv_reader *r, size_t *vlen, bool *over, const char *s, size_t n)
{
	*over |= n > r->max_cell - *vlen;
	if (!*over)
		csv_text_add(r, s, n);
	*vlen += n;
}

void csv_reader_init(csv_reader *r, const char *buf, size_t len, size_t max_cell, size_t max_cells)
{
	assert(r && (buf || !len));
	memset(r, 0, sizeof *r);
	r->p = buf;
	r->end = buf + len;
	if (len >= 3 && !memcmp(r->p, "\xEF\xBB\xBF", 3))
		r->p += 3;
	r->delimiter = csv_detect_delimiter(r->p, r->end);
	r->max_cell = max_cell ? max_cell : (size_t)-1;
	r->max_cells = max_cells ? max_cells : (size_t)-1;
	r->line = 1;
}

void csv_reader_free(csv_reader *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->offs);
	free(r->cells);
	memset(r, 0, sizeof *r);
	r->done = true;
}

csv_error csv_next(csv_reader *r, const csv_row **out, int *err_line)
{
	assert(r && out);
	*out = NULL;
	const char *p = r->p, *end = r->end;
	const char delim = r->delimiter;
	csv_error err = CSV_OK;
	int rec_line = r->line;
	while (!r->done && p < end) {
		rec_line = r->line;
		r->record++; /* a blank record is a row of the spreadsheet too */
		size_t n_cells = 0;
		r->text_len = 0;
		bool blank = true;
		for (;;) {
			size_t start = r->text_len, vlen;
			if (p < end && *p == '"') {
				/* A cell over the limit is still scanned to its end (so
				 * that a missing quote is reported as such), but no
				 * longer stored. */
				bool over = false;
				vlen = 0;
				p++;
				for (;;) {
					const char *q = p;
					while (q < end && *q != '"' && *q != '\r' && *q != '\n')
						q++;
					csv_cell_add(r, &vlen, &over, p, (size_t)(q - p));
					p = q;
					if (p == end) {
						err = CSV_UNTERMINATED_QUOTE;
						goto fail;
					}
					if (*p == '"') {
						if (p + 1 < end && p[1] == '"') {
							csv_cell_add(r, &vlen, &over, "\"", 1);
							p += 2;
							continue;
						}
						p++;
						break;
					}
					/* Alt+Enter in Excel: whatever the file's line
					 * ending, the cell holds "\n". */
					p = csv_skip_eol(p, end);
					r->line++;
					csv_cell_add(r, &vlen, &over, "\n", 1);
				}
				/* Hand-edited files often have a space before the delimiter. */
				while (p < end && (*p == ' ' || (*p == '\t' && delim != '\t')))
					p++;
				if (p < end && *p != delim && *p != '\r' && *p != '\n') {
					err = CSV_BAD_QUOTE;
					goto fail;
				}
				if (over) {
					err = CSV_CELL_TOO_LONG;
					goto fail;
				}
			} else {
				/* Unquoted: a quote inside is literal text, as Excel reads it. */
				const char *q = p;
				while (q < end && *q != delim && *q != '\r' && *q != '\n')
					q++;
				vlen = (size_t)(q - p);
				if (vlen > r->max_cell) {
					err = CSV_CELL_TOO_LONG;
					goto fail;
				}
				csv_text_add(r, p, vlen);
				p = q;
			}
			blank &= vlen == 0;
			if (n_cells < r->max_cells) {
				csv_text_add(r, "", 1); /* the NUL ending the cell */
				r->text[r->text_len - 1] = '\0';
				r->offs = xgrow(r->offs, &r->offs_cap, n_cells + 1, sizeof *r->offs);
				r->offs[n_cells++] = start;
			} else if (vlen) {
				err = CSV_TOO_MANY_CELLS;
				goto fail;
			}
			/* else: an empty cell past the limit, as spreadsheets write
			 * for formatted columns; dropped */
			if (p < end && *p == delim) {
				p++;
				continue;
			}
			if (p < end) {
				p = csv_skip_eol(p, end);
				r->line++;
			}
			break;
		}
		/* Rows of empty cells are blank lines too: spreadsheets write ";;;;"
		 * for rows that were only formatted. */
		if (blank)
			continue;
		r->cells = xgrow(r->cells, &r->cells_cap, n_cells, sizeof *r->cells);
		for (size_t i = 0; i < n_cells; i++)
			r->cells[i] = r->text + r->offs[i];
		r->row = (csv_row){r->cells, n_cells, rec_line, r->record};
		r->p = p;
		*out = &r->row;
		return CSV_OK;
	}
	r->p = p;
	r->done = true;
	return CSV_OK;

fail:
	r->p = end;
	r->done = true;
	if (err_line)
		*err_line = rec_line;
	return err;
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
	csv_reader r;
	csv_reader_init(&r, buf, len, max_cell, 0);
	t->delimiter = r.delimiter;
	size_t cap_rows = 0;
	csv_error err;
	const csv_row *row;
	while ((err = csv_next(&r, &row, err_line)) == CSV_OK && row) {
		t->rows = xgrow(t->rows, &cap_rows, t->n_rows + 1, sizeof *t->rows);
		csv_row *copy = &t->rows[t->n_rows++];
		copy->cells = xmalloc((row->n ? row->n : 1) * sizeof *copy->cells);
		for (size_t i = 0; i < row->n; i++)
			copy->cells[i] = xstrdup(row->cells[i]);
		copy->n = row->n;
		copy->line = row->line;
		copy->record = row->record;
	}
	csv_reader_free(&r);
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
