/* csv: files as Excel and LibreOffice save them, and the mistakes staff make. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "testlib.h"

#define MAX_CELLS 6
#define MAX_ROWS 6

/* One parse and what it must give: rows of cells (NULL-terminated), each
 * row's start line. */
typedef struct csv_case {
	const char *name;
	const char *in;
	size_t len; /* 0 = strlen */
	size_t max_cell;
	csv_error err;
	int err_line;
	char delimiter;
	const char *rows[MAX_ROWS][MAX_CELLS + 1];
	int lines[MAX_ROWS];
} csv_case;

/* clang-format off */
static const csv_case cases[] = {
	{ "plain", "a,b,c\n1,2,3\n", 0, 0, CSV_OK, 0, ',',
	  { { "a", "b", "c" }, { "1", "2", "3" } }, { 1, 2 } },
	{ "no final newline", "a,b\n1,2", 0, 0, CSV_OK, 0, ',',
	  { { "a", "b" }, { "1", "2" } }, { 1, 2 } },
	{ "quotes", "h1,h2\n\"a,b\",\"he said \"\"hi\"\"\"\n", 0, 0, CSV_OK, 0, ',',
	  { { "h1", "h2" }, { "a,b", "he said \"hi\"" } }, { 1, 2 } },
	{ "only a doubled quote", "h\n\"\"\"\"\n", 0, 0, CSV_OK, 0, ',',
	  { { "h" }, { "\"" } }, { 1, 2 } },
	{ "CRLF inside quotes", "h1,h2\r\n\"line1\r\nline2\",x\r\nnext,y\r\n", 0, 0, CSV_OK, 0, ',',
	  { { "h1", "h2" }, { "line1\nline2", "x" }, { "next", "y" } }, { 1, 2, 4 } },
	{ "lines after a multi-line cell", "h\r\n\"a\r\nb\nc\rd\"\r\nnext\r\n\r\nlast", 0, 0, CSV_OK,
	  0, ',', { { "h" }, { "a\nb\nc\nd" }, { "next" }, { "last" } }, { 1, 2, 6, 8 } },
	{ "BOM", "\xEF\xBB\xBFma_thu_tuc,ten\n1.000001,x\n", 0, 0, CSV_OK, 0, ',',
	  { { "ma_thu_tuc", "ten" }, { "1.000001", "x" } }, { 1, 2 } },
	{ "only a BOM", "\xEF\xBB\xBF", 0, 0, CSV_OK, 0, ',', { { NULL } }, { 0 } },
	{ "empty", "", 0, 0, CSV_OK, 0, ',', { { NULL } }, { 0 } },
	{ "semicolon (Excel, Vietnamese locale)",
	  "\xEF\xBB\xBFMã thủ tục;Tên thủ tục;Lĩnh vực\r\n1.001193;\"Đăng ký khai sinh; lưu động\";Hộ tịch\r\n",
	  0, 0, CSV_OK, 0, ';',
	  { { "Mã thủ tục", "Tên thủ tục", "Lĩnh vực" },
	    { "1.001193", "Đăng ký khai sinh; lưu động", "Hộ tịch" } }, { 1, 2 } },
	{ "tab", "a\tb\tc\n1,5\t2\t3\n", 0, 0, CSV_OK, 0, '\t',
	  { { "a", "b", "c" }, { "1,5", "2", "3" } }, { 1, 2 } },
	{ "commas inside quoted header cells do not count", "\"a,b,c\";d;e\n1;2;3\n", 0, 0, CSV_OK,
	  0, ';', { { "a,b,c", "d", "e" }, { "1", "2", "3" } }, { 1, 2 } },
	{ "tab wins over fewer semicolons", "a;b\tc\td\n", 0, 0, CSV_OK, 0, '\t',
	  { { "a;b", "c", "d" } }, { 1 } },
	{ "semicolon wins over fewer tabs", "a;b;c\td\n", 0, 0, CSV_OK, 0, ';',
	  { { "a", "b", "c\td" } }, { 1 } },
	{ "tie goes to comma", "a,b;c\n", 0, 0, CSV_OK, 0, ',', { { "a", "b;c" } }, { 1 } },
	{ "blank lines skipped", "\n\nh\n\n\r\n,,\n;;\n1\n\n", 0, 0, CSV_OK, 0, ',',
	  { { "h" }, { ";;" }, { "1" } }, { 3, 7, 8 } },
	{ "rows of empty cells skipped", "a;b;c\n;;\n\"\";;\n1;2;3\n", 0, 0, CSV_OK, 0, ';',
	  { { "a", "b", "c" }, { "1", "2", "3" } }, { 1, 4 } },
	{ "lone CR (old Mac)", "a\rb\rc", 0, 0, CSV_OK, 0, ',', { { "a" }, { "b" }, { "c" } },
	  { 1, 2, 3 } },
	{ "trailing delimiter gives an empty last cell", "a,b,\n", 0, 0, CSV_OK, 0, ',',
	  { { "a", "b", "" } }, { 1 } },
	{ "quote inside an unquoted cell is text", "h,i\nab\"c,d\n", 0, 0, CSV_OK, 0, ',',
	  { { "h", "i" }, { "ab\"c", "d" } }, { 1, 2 } },
	{ "space after the closing quote", "h,i\n\"a\"  ,b\n", 0, 0, CSV_OK, 0, ',',
	  { { "h", "i" }, { "a", "b" } }, { 1, 2 } },
	{ "spaces kept in unquoted cells", "h,i\n a , b \n", 0, 0, CSV_OK, 0, ',',
	  { { "h", "i" }, { " a ", " b " } }, { 1, 2 } },
	{ "NUL-free binary length honoured", "a,b\nc,d", 5, 0, CSV_OK, 0, ',',
	  { { "a", "b" }, { "c" } }, { 1, 2 } },
	{ "unterminated quote at end of file", "h\n1\n\"abc\nmore\n\n", 0, 0,
	  CSV_UNTERMINATED_QUOTE, 3, ',', { { "h" }, { "1" } }, { 1, 2 } },
	{ "unterminated quote after a multi-line cell", "h\n\"a\nb\"\nx,\"y", 0, 0,
	  CSV_UNTERMINATED_QUOTE, 4, ',', { { "h" }, { "a\nb" } }, { 1, 2 } },
	{ "text after a closing quote", "h,i\n1,2\n\"abc\"x,1\n", 0, 0, CSV_BAD_QUOTE, 3, ',',
	  { { "h", "i" }, { "1", "2" } }, { 1, 2 } },
	{ "cell at the limit", "abcde,x\n", 0, 5, CSV_OK, 0, ',', { { "abcde", "x" } }, { 1 } },
	{ "cell over the limit", "h\nabcdef\n", 0, 5, CSV_CELL_TOO_LONG, 2, ',', { { "h" } },
	  { 1 } },
	{ "quoted cell over the limit", "h\n\"ab\"\"de\"\n\"a\n\"\"cde\"\n", 0, 5, CSV_CELL_TOO_LONG,
	  3, ',', { { "h" }, { "ab\"de" } }, { 1, 2 } },
};
/* clang-format on */

static void check_case(const csv_case *c)
{
	csv_table t;
	int err_line = -1;
	size_t len = c->len ? c->len : strlen(c->in);
	csv_error err = csv_parse(c->in, len, c->max_cell, &t, &err_line);
	bool ok = err == c->err && (err == CSV_OK || err_line == c->err_line) &&
	          t.delimiter == c->delimiter;
	size_t want_rows = 0;
	while (want_rows < MAX_ROWS && c->rows[want_rows][0])
		want_rows++;
	ok = ok && t.n_rows == want_rows;
	for (size_t r = 0; ok && r < want_rows; r++) {
		size_t want_cells = 0;
		while (c->rows[r][want_cells])
			want_cells++;
		ok = t.rows[r].n == want_cells && t.rows[r].line == c->lines[r];
		for (size_t k = 0; ok && k < want_cells; k++)
			ok = !strcmp(t.rows[r].cells[k], c->rows[r][k]);
	}
	if (!ok) {
		fprintf(stderr, "csv case '%s': err=%d line=%d delim='%c' rows=%zu\n", c->name, err,
		        err_line, t.delimiter, t.n_rows);
		for (size_t r = 0; r < t.n_rows; r++) {
			fprintf(stderr, "  line %d:", t.rows[r].line);
			for (size_t k = 0; k < t.rows[r].n; k++)
				fprintf(stderr, " [%s]", t.rows[r].cells[k]);
			fputc('\n', stderr);
		}
		test_failures++;
	}
	csv_table_free(&t);
}

/* Appends s to the buffer as it is (delimiters, line ends). */
static void raw(char **out, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*out = realloc(*out, *cap);
	}
	memcpy(*out + *len, s, n + 1);
	*len += n;
}

/* Cells that need quoting survive csv_write_cell → csv_parse unchanged, with
 * every delimiter and both line endings. */
static void test_round_trip(void)
{
	static const char *const nasty[] = {
	    "",           " lead",
	    "trail ",     "\ttabbed",
	    "a,b",        "a;b",
	    "a\tb",       "q\"uote",
	    "\"",         "\"\"",
	    "\"quoted\"", "multi\nline\n",
	    "\n",         "Đăng ký, \"khai sinh\"\nTờ khai | 01 bản chính",
	    "plain",      "x",
	};
	size_t n = sizeof nasty / sizeof *nasty;
	static const char delims[] = {',', ';', '\t'};
	for (size_t d = 0; d < 3; d++) {
		for (int crlf = 0; crlf < 2; crlf++) {
			char *out = NULL;
			size_t len = 0, cap = 0;
			/* header, then each nasty cell between two plain ones */
			const char *eol = crlf ? "\r\n" : "\n";
			char sep[2] = {delims[d], 0};
			csv_write_cell(&out, &len, &cap, "col0", delims[d]);
			raw(&out, &len, &cap, sep);
			csv_write_cell(&out, &len, &cap, "col1", delims[d]);
			raw(&out, &len, &cap, sep);
			csv_write_cell(&out, &len, &cap, "col2", delims[d]);
			for (size_t i = 0; i < n; i++) {
				raw(&out, &len, &cap, eol);
				csv_write_cell(&out, &len, &cap, "L", delims[d]);
				raw(&out, &len, &cap, sep);
				csv_write_cell(&out, &len, &cap, nasty[i], delims[d]);
				raw(&out, &len, &cap, sep);
				csv_write_cell(&out, &len, &cap, "R", delims[d]);
			}
			CHECK(strlen(out) == len);
			csv_table t;
			int line;
			CHECK(csv_parse(out, len, 0, &t, &line) == CSV_OK);
			CHECK(t.delimiter == delims[d]);
			CHECK(t.n_rows == n + 1);
			for (size_t i = 0; i < n && i + 1 < t.n_rows; i++) {
				csv_row *r = &t.rows[i + 1];
				CHECK(r->n == 3);
				if (r->n == 3) {
					CHECK_STR(r->cells[0], "L");
					CHECK_STR(r->cells[1], nasty[i]);
					CHECK_STR(r->cells[2], "R");
				}
			}
			csv_table_free(&t);
			free(out);
		}
	}
}

static void test_write_quoting(void)
{
	static const struct {
		const char *cell, *want;
		char delim;
	} w[] = {
	    {"plain", "plain", ','},
	    {"a;b", "a;b", ','},
	    {"a;b", "\"a;b\"", ';'},
	    {"a,b", "\"a,b\"", ','},
	    {"say \"hi\"", "\"say \"\"hi\"\"\"", ','},
	    {"two\nlines", "\"two\nlines\"", ','},
	    {" x", "\" x\"", ','},
	    {"", "", ','},
	    {NULL, "", ','},
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
		char *out = NULL;
		size_t len = 0, cap = 0;
		csv_write_cell(&out, &len, &cap, w[i].cell, w[i].delim);
		CHECK(out != NULL);
		CHECK_STR(out, w[i].want);
		CHECK(out && len == strlen(out));
		free(out);
	}
	/* It appends. */
	char *out = NULL;
	size_t len = 0, cap = 0;
	csv_write_cell(&out, &len, &cap, "a", ',');
	csv_write_cell(&out, &len, &cap, "b,c", ',');
	CHECK_STR(out, "a\"b,c\"");
	free(out);
}

/* The streaming reader: records one at a time, a cap on cells a record
 * (empty cells past it dropped), cells over the limit not stored. */
static void test_reader(void)
{
	static const char in[] = "h1,h2,h3\n"
	                         "a,b,c,,,,,,\n"       /* trailing empty cells: dropped */
	                         ",,,\n"               /* blank */
	                         "\"x\ny\",2,3\n"      /* two lines */
	                         "1,2,3,4\n";          /* a 4th non-empty cell */
	csv_reader r;
	csv_reader_init(&r, in, sizeof in - 1, 0, 3);
	const csv_row *row;
	int line = 0;
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row && row->n == 3 && row->line == 1);
	CHECK(row && row->record == 1);
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row && row->n == 3 && row->line == 2);
	CHECK(row && row->record == 2);
	if (row && row->n == 3)
		CHECK_STR(row->cells[2], "c");
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row && row->line == 4);
	/* the blank row counts: a spreadsheet shows it as row 3 */
	CHECK(row && row->record == 4);
	if (row && row->n == 3)
		CHECK_STR(row->cells[0], "x\ny");
	CHECK(csv_next(&r, &row, &line) == CSV_TOO_MANY_CELLS && !row && line == 6);
	/* lines ran one ahead of rows after the two-line cell */
	CHECK(r.record == 5);
	CHECK(csv_next(&r, &row, &line) == CSV_OK && !row); /* stays at the end */
	csv_reader_free(&r);

	/* A quoted cell over the limit is an error once it is closed; an
	 * unclosed one is reported as unclosed. */
	static const char q[] = "h\n\"0123456789\"\n";
	csv_reader_init(&r, q, sizeof q - 1, 4, 0);
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row);
	CHECK(csv_next(&r, &row, &line) == CSV_CELL_TOO_LONG && line == 2);
	csv_reader_free(&r);
	csv_reader_init(&r, q, sizeof q - 2, 4, 0); /* no newline, still closed */
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row);
	CHECK(csv_next(&r, &row, &line) == CSV_CELL_TOO_LONG);
	csv_reader_free(&r);
	static const char u[] = "h\n\"0123456789\n";
	csv_reader_init(&r, u, sizeof u - 1, 4, 0);
	CHECK(csv_next(&r, &row, &line) == CSV_OK && row);
	CHECK(csv_next(&r, &row, &line) == CSV_UNTERMINATED_QUOTE && line == 2);
	csv_reader_free(&r);
}

int main(void)
{
	test_reader();
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_case(&cases[i]);
	test_round_trip();
	test_write_quoting();
	csv_table zero = {0};
	csv_table_free(&zero);
	csv_table_free(NULL);
	return TEST_DONE();
}
