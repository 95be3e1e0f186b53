#include "dossier.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bundle.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define DOSSIER_MAX_CELL (64u << 10)
#define DOSSIER_MAX_ROW_CELLS 256
#define DOSSIER_MAX_ERRORS 1000
#define DOSSIER_CODE_MAX 64

static const char *const status_keys[DOSSIER_STATUS_COUNT] = {
    [DOSSIER_RECEIVED] = "da_tiep_nhan",     [DOSSIER_PROCESSING] = "dang_xu_ly",
    [DOSSIER_NEEDS_PAPERS] = "cho_bo_sung", [DOSSIER_RESULT_READY] = "da_co_ket_qua",
    [DOSSIER_RETURNED] = "da_tra_ket_qua",
};

/* As the province's system writes them, for messages. */
static const char *const status_words[DOSSIER_STATUS_COUNT] = {
    [DOSSIER_RECEIVED] = "đã tiếp nhận",     [DOSSIER_PROCESSING] = "đang xử lý",
    [DOSSIER_NEEDS_PAPERS] = "chờ bổ sung", [DOSSIER_RESULT_READY] = "đã có kết quả",
    [DOSSIER_RETURNED] = "đã trả kết quả",
};

const char *dossier_status_key(dossier_status s)
{
	assert(s < DOSSIER_STATUS_COUNT);
	return status_keys[s];
}

const char *dossier_status_text(dossier_status s)
{
	switch (s) {
	case DOSSIER_RECEIVED: return _("Received; waiting to be processed");
	case DOSSIER_PROCESSING: return _("Being processed");
	case DOSSIER_NEEDS_PAPERS: return _("More papers needed from you");
	case DOSSIER_RESULT_READY: return _("The result is ready: come and collect it");
	case DOSSIER_RETURNED: return _("The result has been handed over");
	default: return "?";
	}
}

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char *dossier_code_key(const char *code)
{
	char *k = xmalloc(strlen(code) + 1), *w = k;
	for (const char *p = code; *p; p++)
		if (is_alnum(*p))
			*w++ = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	*w = 0;
	return k;
}

/* Days from 1970-01-01 of the proleptic Gregorian calendar (H. Hinnant). */
int dossier_day(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void dossier_date(int z, int *year, int *month, int *mday)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*mday = d;
}

void dossier_date_format(int day, char out[11])
{
	int y, m, d;
	dossier_date(day, &y, &m, &d);
	snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d % 100, (unsigned)m % 100, (unsigned)y % 10000);
}

int dossier_day_of(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return dossier_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *dossier_overdue_text(int days)
{
	return days == 1 ? xstrdup(_("Overdue by 1 day")) : xasprintf(_("Overdue by %d days"), days);
}

int dossier_days_overdue(const dossier *d, int today)
{
	if (d->status != DOSSIER_RECEIVED && d->status != DOSSIER_PROCESSING)
		return 0;
	return today > d->due ? today - d->due : 0;
}

/* A date as bundle_date_dmy reads it, from 2000 on, as a day number. */
static bool date_parse(const char *s, int *out)
{
	int d, m, y;
	if (!bundle_date_dmy(s, &d, &m, &y) || y < 2000)
		return false;
	*out = dossier_day(y, m, d);
	return true;
}

/* A heading or a status as compared: folded (no case, no diacritics),
 * letters and digits only ("Mã hồ sơ" = "ma_ho_so" = "mahoso"). */
static char *squash(const char *s)
{
	char *f = text_fold(s), *w = f;
	for (const char *p = f; *p; p++)
		if (is_alnum(*p))
			*w++ = *p;
	*w = 0;
	return f;
}

enum { COL_CODE, COL_PROC, COL_RECEIVED, COL_DUE, COL_STATUS, COL_NOTE, N_COLS };

static const struct {
	const char *key, *heading;
	bool required;
} columns[N_COLS] = {
    [COL_CODE] = {"ma_ho_so", "Mã hồ sơ", true},
    [COL_PROC] = {"ma_thu_tuc", "Mã thủ tục", true},
    [COL_RECEIVED] = {"ngay_nhan", "Ngày nhận", true},
    [COL_DUE] = {"ngay_hen_tra", "Ngày hẹn trả", true},
    [COL_STATUS] = {"trang_thai", "Trạng thái", true},
    [COL_NOTE] = {"ghi_chu", "Ghi chú", false},
};

/* Headings that name personal data, squashed; whole == true: the heading
 * must be exactly this, else containing it is enough. */
typedef enum personal_kind { P_NAME, P_ID, P_PHONE, P_ADDRESS, P_EMAIL, P_BIRTH } personal_kind;
static const struct {
	const char *word;
	bool whole;
	personal_kind kind;
} personal[] = {
    {"ten", true, P_NAME},           {"hoten", false, P_NAME},       {"hovaten", false, P_NAME},
    {"tennguoinop", false, P_NAME},  {"nguoinop", false, P_NAME},    {"tencongdan", false, P_NAME},
    {"congdan", true, P_NAME},       {"chuhoso", false, P_NAME},     {"nguoinhan", false, P_NAME},
    {"tochuccanhan", false, P_NAME}, {"name", false, P_NAME},        {"cccd", false, P_ID},
    {"cmnd", false, P_ID},           {"cancuoc", false, P_ID},       {"dinhdanh", false, P_ID},
    {"hochieu", false, P_ID},        {"passport", false, P_ID},      {"idnumber", false, P_ID},
    {"dienthoai", false, P_PHONE},   {"sdt", true, P_PHONE},         {"sodt", false, P_PHONE},
    {"phone", false, P_PHONE},       {"mobile", false, P_PHONE},     {"diachi", false, P_ADDRESS},
    {"address", false, P_ADDRESS},   {"noio", false, P_ADDRESS},     {"thuongtru", false, P_ADDRESS},
    {"email", false, P_EMAIL},       {"thudientu", false, P_EMAIL},  {"ngaysinh", false, P_BIRTH},
    {"namsinh", false, P_BIRTH},     {"birth", false, P_BIRTH},
};

static const char *personal_what(personal_kind k)
{
	switch (k) {
	case P_NAME: return _("a person's name");
	case P_ID: return _("an ID number");
	case P_PHONE: return _("a phone number");
	case P_ADDRESS: return _("an address");
	case P_EMAIL: return _("an e-mail address");
	default: return _("a date of birth");
	}
}

/* True when the squashed heading h names personal data; *kind says what. */
static bool personal_heading(const char *h, personal_kind *kind)
{
	for (size_t i = 0; i < sizeof personal / sizeof *personal; i++)
		if (personal[i].whole ? !strcmp(h, personal[i].word) : strstr(h, personal[i].word) != NULL) {
			*kind = personal[i].kind;
			return true;
		}
	return false;
}

/* The status cell, matched without case or diacritics ("Đang xử lý",
 * "dang xu ly", "DANG_XU_LY"). */
static bool status_parse(const char *v, dossier_status *out)
{
	char *s = squash(v);
	bool ok = false;
	for (int i = 0; i < DOSSIER_STATUS_COUNT && !ok; i++) {
		char *k = squash(status_keys[i]);
		if (!strcmp(s, k)) {
			*out = (dossier_status)i;
			ok = true;
		}
		free(k);
	}
	free(s);
	return ok;
}

/* A receipt code: ASCII letters, digits, '.', '-', '/', '_', with 4 to 64
 * letters and digits. */
static bool code_valid(const char *v)
{
	size_t alnum = 0, n = 0;
	for (const char *p = v; *p; p++, n++) {
		if (is_alnum(*p))
			alnum++;
		else if (!strchr(".-/_", *p))
			return false;
	}
	return alnum >= 4 && n <= DOSSIER_CODE_MAX;
}

typedef struct seen {
	char *key;
	int line;
} seen;

static int seen_cmp(const void *a, const void *b)
{
	const seen *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->line - y->line;
}

/* Maps the header row: col[j] = the cell of column j, or -1. False when a
 * required column is missing or a column carries personal data. */
static bool header_read(const char *shown, const csv_row *h, int col[N_COLS], diag_list *diag)
{
	bool ok = true;
	for (int j = 0; j < N_COLS; j++)
		col[j] = -1;
	for (size_t i = 0; i < h->n; i++) {
		char *f = squash(h->cells[i]);
		if (!*f) {
			free(f);
			continue;
		}
		int j = 0;
		for (; j < N_COLS; j++) {
			char *k = squash(columns[j].key), *v = squash(columns[j].heading);
			bool hit = !strcmp(f, k) || !strcmp(f, v);
			free(k);
			free(v);
			if (hit)
				break;
		}
		char *label = text_cell(h->cells[i]);
		personal_kind kind;
		if (j == N_COLS && personal_heading(f, &kind)) {
			diag_error(diag, shown, h->line,
			           _("column '%s' holds personal data (%s): the kiosk shows a dossier to anyone "
			             "who types its code, so the list must carry no names, ID numbers, phone "
			             "numbers or addresses; delete the column and save the file again"),
			           label, personal_what(kind));
			ok = false;
		} else if (j == N_COLS) {
			diag_warning(diag, shown, h->line, _("unknown column '%s' (ignored)"), label);
		} else if (col[j] >= 0) {
			diag_error(diag, shown, h->line, _("column '%s' (%s) appears twice"), columns[j].heading,
			           columns[j].key);
			ok = false;
		} else {
			col[j] = (int)i;
		}
		free(label);
		free(f);
	}
	for (int j = 0; j < N_COLS; j++)
		if (col[j] < 0 && columns[j].required) {
			diag_error(diag, shown, h->line, _("required column '%s' (%s) is missing"), columns[j].heading,
			           columns[j].key);
			ok = false;
		}
	return ok;
}

/* Whether code is in the catalogue, remembered per code (a list names the
 * same procedures again and again) in an open-addressing hash table, so
 * that 200,000 different codes cost 200,000 look-ups, not 200,000². */
typedef struct proc_cache {
	char **codes; /* cap slots, NULL when free */
	bool *known;
	size_t n, cap;
} proc_cache;

static size_t proc_hash(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static size_t proc_slot(const proc_cache *pc, const char *code)
{
	size_t i = proc_hash(code) & (pc->cap - 1);
	while (pc->codes[i] && strcmp(pc->codes[i], code))
		i = (i + 1) & (pc->cap - 1);
	return i;
}

static bool proc_known(proc_cache *pc, catalog *cat, const char *code)
{
	if (pc->cap) {
		size_t i = proc_slot(pc, code);
		if (pc->codes[i])
			return pc->known[i];
	}
	if (2 * (pc->n + 1) > pc->cap) {
		proc_cache g = {.cap = pc->cap ? 2 * pc->cap : 64};
		g.codes = xcalloc(g.cap, sizeof *g.codes);
		g.known = xcalloc(g.cap, sizeof *g.known);
		for (size_t i = 0; i < pc->cap; i++)
			if (pc->codes[i]) {
				size_t j = proc_slot(&g, pc->codes[i]);
				g.codes[j] = pc->codes[i];
				g.known[j] = pc->known[i];
			}
		g.n = pc->n;
		free(pc->codes);
		free(pc->known);
		*pc = g;
	}
	procedure *p = catalog_get(cat, code);
	bool known = p != NULL;
	procedure_free(p);
	size_t i = proc_slot(pc, code);
	pc->codes[i] = xstrdup(code);
	pc->known[i] = known;
	pc->n++;
	return known;
}

static void row_read(const char *shown, const csv_row *row, const int col[N_COLS], catalog *cat, proc_cache *pc,
                     dossier_list *out, diag_list *diag)
{
	char *v[N_COLS] = {0};
	bool ok = true, blank = true;
	for (int j = 0; j < N_COLS; j++) {
		v[j] = text_cell(col[j] >= 0 && (size_t)col[j] < row->n ? row->cells[col[j]] : "");
		blank &= !*v[j];
	}
	if (blank)
		goto end;
	for (int j = 0; j < N_COLS; j++) {
		unsigned cp;
		if (columns[j].required && !*v[j]) {
			diag_error(diag, shown, row->line, _("'%s' (%s) is required but empty"), columns[j].heading,
			           columns[j].key);
			ok = false;
		} else if (text_find_control(v[j], j == COL_NOTE, &cp)) {
			diag_error(diag, shown, row->line,
			           _("'%s' (%s): the invisible control character U+%04X is not allowed; delete it "
			             "and type the text again"),
			           columns[j].heading, columns[j].key, cp);
			ok = false;
		}
	}
	if (!ok)
		goto end;
	dossier d = {.line = row->line};
	if (!code_valid(v[COL_CODE])) {
		diag_error(diag, shown, row->line,
		           _("'%s' is not a receipt code (4 or more letters and digits, with '.', '-', '/'; at most "
		             "%d characters)"),
		           v[COL_CODE], DOSSIER_CODE_MAX);
		ok = false;
	}
	bool r_ok = date_parse(v[COL_RECEIVED], &d.received), d_ok = date_parse(v[COL_DUE], &d.due);
	if (!r_ok)
		diag_error(diag, shown, row->line, _("'%s' (%s): '%s' is not a real date written dd/mm/yyyy"),
		           columns[COL_RECEIVED].heading, columns[COL_RECEIVED].key, v[COL_RECEIVED]);
	if (!d_ok)
		diag_error(diag, shown, row->line, _("'%s' (%s): '%s' is not a real date written dd/mm/yyyy"),
		           columns[COL_DUE].heading, columns[COL_DUE].key, v[COL_DUE]);
	if (r_ok && d_ok && d.due < d.received)
		diag_error(diag, shown, row->line,
		           _("dossier %s: the due date %s is before the date it was received, %s"), v[COL_CODE],
		           v[COL_DUE], v[COL_RECEIVED]);
	ok &= r_ok && d_ok && d.due >= d.received;
	if (!status_parse(v[COL_STATUS], &d.status)) {
		diag_error(diag, shown, row->line,
		           _("'%s' (%s): '%s' is not one of '%s', '%s', '%s', '%s', '%s'"), columns[COL_STATUS].heading,
		           columns[COL_STATUS].key, v[COL_STATUS], status_words[0], status_words[1], status_words[2],
		           status_words[3], status_words[4]);
		ok = false;
	}
	if (cat && !proc_known(pc, cat, v[COL_PROC]))
		diag_warning(diag, shown, row->line,
		             _("dossier %s: there is no procedure with code '%s' in the installed catalogue"),
		             v[COL_CODE], v[COL_PROC]);
	if (!ok)
		goto end;
	d.code = v[COL_CODE];
	d.proc_code = v[COL_PROC];
	d.note = v[COL_NOTE];
	v[COL_CODE] = v[COL_PROC] = v[COL_NOTE] = NULL;
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = d;
end:
	for (int j = 0; j < N_COLS; j++)
		free(v[j]);
}

/* Duplicates, by the code as matched: every line of a code after its first. */
static bool duplicates_check(const char *shown, const dossier_list *l, diag_list *diag)
{
	seen *s = xcalloc(l->n ? l->n : 1, sizeof *s);
	for (size_t i = 0; i < l->n; i++)
		s[i] = (seen){dossier_code_key(l->v[i].code), l->v[i].line};
	qsort(s, l->n, sizeof *s, seen_cmp);
	bool ok = true;
	for (size_t i = 1; i < l->n; i++)
		if (!strcmp(s[i].key, s[i - 1].key)) {
			size_t first = i - 1;
			while (first > 0 && !strcmp(s[first - 1].key, s[i].key))
				first--;
			diag_error(diag, shown, s[i].line, _("receipt code %s appears twice (first on line %d)"), s[i].key,
			           s[first].line);
			ok = false;
		}
	for (size_t i = 0; i < l->n; i++)
		free(s[i].key);
	free(s);
	return ok;
}

/* Says how far the work got; true when it must stop. */
static bool watch_stop(dossier_watch *w, size_t rows)
{
	if (!w)
		return false;
	atomic_store(&w->rows, rows);
	return atomic_load(&w->stop);
}

static void stopped_error(diag_list *diag, const char *shown)
{
	diag_error(diag, shown, 0, "%s", _("stopped before the end; nothing was changed"));
}

bool dossier_list_parse(const char *shown, const char *buf, size_t len, catalog *cat, dossier_list *out,
                        diag_list *diag)
{
	return dossier_list_parse_watched(shown, buf, len, cat, NULL, out, diag);
}

bool dossier_list_parse_watched(const char *shown, const char *buf, size_t len, catalog *cat, dossier_watch *w,
                                dossier_list *out, diag_list *diag)
{
	assert(shown && buf && out && diag);
	size_t errors = diag->errors;
	const char *nul = memchr(buf, 0, len);
	size_t bad = 0;
	if (nul || !text_utf8_valid(buf, len, &bad)) {
		size_t off = nul ? (size_t)(nul - buf) : bad;
		int line = 1;
		for (size_t i = 0; i < off; i++)
			line += buf[i] == '\n';
		diag_error(diag, shown, line,
		           _("this line is not UTF-8 text; in Excel save the file as \"CSV UTF-8 (Comma delimited)\""));
		return false;
	}
	csv_reader cr;
	csv_reader_init(&cr, buf, len, DOSSIER_MAX_CELL, DOSSIER_MAX_ROW_CELLS);
	const csv_row *row;
	int err_line = 0, col[N_COLS];
	csv_error err = csv_next(&cr, &row, &err_line);
	proc_cache pc = {0};
	size_t rows = 0;
	bool stopped = false;
	if (err == CSV_OK && !row) {
		diag_error(diag, shown, 0, _("the file is empty; it needs at least a header row"));
	} else if (err == CSV_OK && header_read(shown, row, col, diag)) {
		while ((err = csv_next(&cr, &row, &err_line)) == CSV_OK && row) {
			if (++rows % DOSSIER_WATCH_ROWS == 0 && (stopped = watch_stop(w, rows)))
				break;
			if (out->n >= DOSSIER_MAX_RECORDS || diag->errors - errors >= DOSSIER_MAX_ERRORS) {
				diag_error(diag, shown, row->line,
				           _("too many records or problems; the rest of the file was not checked"));
				break;
			}
			row_read(shown, row, col, cat, &pc, out, diag);
		}
	}
	csv_reader_free(&cr);
	for (size_t i = 0; i < pc.cap; i++)
		free(pc.codes[i]);
	free(pc.codes);
	free(pc.known);
	if (err == CSV_UNTERMINATED_QUOTE)
		diag_error(diag, shown, err_line, _("a quoted cell starts here and is never closed (a missing '\"')"));
	else if (err == CSV_BAD_QUOTE)
		diag_error(diag, shown, err_line,
		           _("text after the closing '\"' of a cell; write a quote inside a cell as '\"\"'"));
	else if (err == CSV_CELL_TOO_LONG)
		diag_error(diag, shown, err_line, _("a cell is longer than the limit of %u KiB"), DOSSIER_MAX_CELL >> 10);
	else if (err == CSV_TOO_MANY_CELLS)
		diag_error(diag, shown, err_line, _("a row has more than %d cells; remove the extra columns"),
		           DOSSIER_MAX_ROW_CELLS);
	if (stopped || watch_stop(w, rows))
		stopped_error(diag, shown);
	else
		duplicates_check(shown, out, diag);
	return diag->errors == errors;
}

bool dossier_file_read(const char *path, const char *shown, char **buf, size_t *len, diag_list *diag)
{
	return dossier_file_read_watched(path, shown, NULL, buf, len, diag);
}

/* A stick gives up to 32 MiB slowly: read in pieces, so that a stop is seen. */
#define DOSSIER_READ_PIECE (1u << 20)

bool dossier_file_read_watched(const char *path, const char *shown, dossier_watch *w, char **buf, size_t *len,
                               diag_list *diag)
{
	*buf = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		diag_error(diag, shown, 0, errno == ELOOP ? _("is a symbolic link; copy the file itself")
		                                          : _("cannot read: %s"),
		           strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (!S_ISREG(st.st_mode) || (unsigned long long)st.st_size > DOSSIER_MAX_BYTES) {
		if (!S_ISREG(st.st_mode))
			diag_error(diag, shown, 0, _("is not a regular file"));
		else
			diag_error(diag, shown, 0, _("the file is larger than the limit of %u MiB"), DOSSIER_MAX_BYTES >> 20);
		close(fd);
		return false;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *b = xmalloc(cap + 1);
	for (;;) {
		if (w && atomic_load(&w->stop)) {
			stopped_error(diag, shown);
			close(fd);
			free(b);
			return false;
		}
		size_t want = cap - n < DOSSIER_READ_PIECE ? cap - n : DOSSIER_READ_PIECE;
		ssize_t r = n < cap ? read(fd, b + n, want) : 0;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_error(diag, shown, 0, _("cannot read: %s"), strerror(errno));
			close(fd);
			free(b);
			return false;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n != (size_t)st.st_size) {
		diag_error(diag, shown, 0, _("the file changed while it was being read; copy it again"));
		free(b);
		return false;
	}
	b[n] = 0;
	*buf = b;
	*len = n;
	return true;
}

void dossier_list_clear(dossier_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		dossier_free_fields(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void dossier_free_fields(dossier *d)
{
	free(d->code);
	free(d->proc_code);
	free(d->note);
	d->code = d->proc_code = d->note = NULL;
}

char *dossier_db_path(const store *s)
{
	return xasprintf("%s/%s", s->dir, DOSSIER_DB);
}

/* ---- the store file ---- */

static const char schema_sql[] =
    "PRAGMA journal_mode=OFF;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE dossier(code_key TEXT PRIMARY KEY, code TEXT NOT NULL, proc_code TEXT NOT NULL,"
    " received INTEGER NOT NULL, due INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,"
    " resolved_on INTEGER);"
    "CREATE INDEX dossier_received ON dossier(received);"
    "CREATE INDEX dossier_due ON dossier(due);";

#define RESOLVED_SQL "('da_co_ket_qua', 'da_tra_ket_qua')"

static int db_fail(sqlite3 *db, const char *path, diag_list *diag)
{
	diag_error(diag, path, 0, _("cannot write the new dossier list: %s"), db ? sqlite3_errmsg(db) : "?");
	return -1;
}

static int exec_int(sqlite3 *db, const char *sql, int today)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(st, 1, today);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Writes the list into a new file at path (any file there is replaced). */
static int db_write(const char *path, const char *old_path, const dossier_list *l, time_t now, dossier_watch *w,
                    diag_list *diag)
{
	unlink(path);
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL;
	int rc = -1, today = dossier_day_of(now);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
	                       "INSERT INTO dossier(code_key, code, proc_code, received, due, status, note)"
	                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                       -1, &ins, NULL) != SQLITE_OK) {
		rc = db_fail(db, path, diag);
		goto end;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (i % DOSSIER_WATCH_ROWS == 0 && watch_stop(w, i)) {
			stopped_error(diag, path);
			goto end;
		}
		const dossier *d = &l->v[i];
		char *key = dossier_code_key(d->code);
		sqlite3_bind_text(ins, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, d->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, d->proc_code, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 4, d->received);
		sqlite3_bind_int(ins, 5, d->due);
		sqlite3_bind_text(ins, 6, status_keys[d->status], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 7, d->note ? d->note : "", -1, SQLITE_STATIC);
		int s = sqlite3_step(ins);
		sqlite3_reset(ins);
		free(key);
		if (s != SQLITE_DONE) {
			rc = db_fail(db, path, diag);
			goto end;
		}
	}
	/* The day a result first appeared: kept from the list replaced; a
	 * result new since then appeared today; with no history, known only
	 * when it cannot have been late (its due date is still to come). */
	struct stat st;
	bool old = old_path && stat(old_path, &st) == 0 && S_ISREG(st.st_mode);
	char *attach = old ? sqlite3_mprintf("ATTACH %Q AS old", old_path) : NULL;
	if (old && sqlite3_exec(db, attach, NULL, NULL, NULL) != SQLITE_OK)
		old = false; /* an unreadable old list: no history */
	sqlite3_free(attach);
	if (old && (exec_int(db,
	                     "UPDATE main.dossier SET resolved_on = (SELECT CASE WHEN o.status IN " RESOLVED_SQL
	                     " THEN o.resolved_on ELSE ?1 END FROM old.dossier o WHERE o.code_key = dossier.code_key)"
	                     " WHERE status IN " RESOLVED_SQL
	                     " AND EXISTS (SELECT 1 FROM old.dossier o WHERE o.code_key = dossier.code_key)",
	                     today) != SQLITE_OK)) {
		rc = db_fail(db, path, diag);
		goto end;
	}
	if (exec_int(db,
	             old ? "UPDATE main.dossier SET resolved_on = ?1 WHERE status IN " RESOLVED_SQL
	                   " AND due >= ?1 AND NOT EXISTS (SELECT 1 FROM old.dossier o WHERE o.code_key = "
	                   "dossier.code_key)"
	                 : "UPDATE main.dossier SET resolved_on = ?1 WHERE status IN " RESOLVED_SQL " AND due >= ?1",
	             today) != SQLITE_OK) {
		rc = db_fail(db, path, diag);
		goto end;
	}
	char *meta = sqlite3_mprintf("INSERT INTO meta VALUES('installed_at', %lld), ('count', %lld)", (long long)now,
	                             (long long)l->n);
	int m = sqlite3_exec(db, meta, NULL, NULL, NULL);
	sqlite3_free(meta);
	if (m != SQLITE_OK || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		rc = db_fail(db, path, diag);
		goto end;
	}
	if (old)
		sqlite3_exec(db, "DETACH old", NULL, NULL, NULL);
	sqlite3_stmt *chk = NULL;
	bool intact = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &chk, NULL) == SQLITE_OK &&
	              sqlite3_step(chk) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(chk, 0), "ok");
	sqlite3_finalize(chk);
	if (!intact) {
		rc = db_fail(db, path, diag);
		goto end;
	}
	rc = 0;
end:
	sqlite3_finalize(ins);
	if (sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = db_fail(NULL, path, diag);
	return rc;
}

static int sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -errno;
	int rc = fsync(fd) < 0 ? -errno : 0;
	close(fd);
	return rc;
}

/* The lock, waited for; with w, in short naps, so that a stop is not
 * held up by an install from the command line. */
static int lock_wait(int fd, dossier_watch *w)
{
	if (!w)
		return flock(fd, LOCK_EX);
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (atomic_load(&w->stop)) {
			errno = ECANCELED;
			return -1;
		}
		nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
	}
}

int dossier_install(const store *s, const dossier_list *l, time_t now, diag_list *diag)
{
	return dossier_install_watched(s, l, now, NULL, diag);
}

int dossier_install_watched(const store *s, const dossier_list *l, time_t now, dossier_watch *w, diag_list *diag)
{
	assert(s && l && diag);
	char *live = dossier_db_path(s), *fresh = xasprintf("%s/dossiers.new.sqlite", s->dir);
	char *lock_path = xasprintf("%s/dossiers.lock", s->dir);
	int rc = -1;
	bool locked = false; /* only then is the new file ours to remove */
	/* One install at a time (the kiosk and a command line): the new file's
	 * name is shared. A regular file only, never waiting on a FIFO. */
	int lock = open(lock_path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0644);
	struct stat st;
	const char *why = NULL;
	if (lock < 0 || fstat(lock, &st) < 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = _("not a regular file");
	else if (lock_wait(lock, w) < 0)
		why = strerror(errno);
	if (why) {
		diag_error(diag, lock_path, 0, _("cannot lock the store: %s"), why);
		goto end;
	}
	locked = true;
	/* 1. build and fsync the new file — the live list untouched;
	 * 2. rename it over the live one — atomic: the kiosk reads the whole
	 *    old list or the whole new one;
	 * 3. fsync the folder, so the rename survives a power cut. */
	if (db_write(fresh, live, l, now, w, diag) < 0)
		goto end;
	int e = sync_path(fresh, false);
	if (e < 0) {
		diag_error(diag, fresh, 0, _("cannot write the new dossier list: %s"), strerror(-e));
		goto end;
	}
	if (watch_stop(w, l->n)) { /* the last moment: after the rename it is installed */
		stopped_error(diag, fresh);
		goto end;
	}
	if (rename(fresh, live) < 0) {
		diag_error(diag, live, 0, _("cannot replace the dossier list: %s"), strerror(errno));
		goto end;
	}
	e = sync_path(s->dir, true);
	if (e < 0) {
		diag_error(diag, s->dir, 0, _("cannot sync the store folder: %s"), strerror(-e));
		goto end;
	}
	rc = 0;
end:
	if (rc < 0 && locked)
		unlink(fresh);
	if (lock >= 0)
		close(lock);
	free(lock_path);
	free(fresh);
	free(live);
	return rc;
}

/* ---- reading the installed list ---- */

struct dossier_db {
	sqlite3 *db;
};

dossier_db *dossier_db_open(const char *path)
{
	struct stat st;
	if (!path || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "SELECT 1 FROM dossier LIMIT 1", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	dossier_db *d = xcalloc(1, sizeof *d);
	d->db = db;
	return d;
}

void dossier_db_close(dossier_db *db)
{
	if (!db)
		return;
	sqlite3_close(db->db);
	free(db);
}

static long long query_int(dossier_db *db, const char *sql, int a, int b, int c)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, a);
		sqlite3_bind_int(st, 2, b);
		sqlite3_bind_int(st, 3, c);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

time_t dossier_db_installed_at(dossier_db *db)
{
	assert(db);
	return (time_t)query_int(db, "SELECT value FROM meta WHERE key = 'installed_at'", 0, 0, 0);
}

size_t dossier_db_count(dossier_db *db)
{
	assert(db);
	return (size_t)query_int(db, "SELECT count(*) FROM dossier", 0, 0, 0);
}

bool dossier_db_find(dossier_db *db, const char *code, dossier *out)
{
	assert(db && code && out);
	memset(out, 0, sizeof *out);
	char *key = dossier_code_key(code);
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (*key && sqlite3_prepare_v2(db->db,
	                               "SELECT code, proc_code, received, due, status, note FROM dossier"
	                               " WHERE code_key = ?1",
	                               -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *status = (const char *)sqlite3_column_text(st, 4);
			found = status_parse(status ? status : "", &out->status);
			if (found) {
				out->code = xstrdup((const char *)sqlite3_column_text(st, 0));
				out->proc_code = xstrdup((const char *)sqlite3_column_text(st, 1));
				out->received = sqlite3_column_int(st, 2);
				out->due = sqlite3_column_int(st, 3);
				const char *note = (const char *)sqlite3_column_text(st, 5);
				out->note = xstrdup(note ? note : "");
			}
		}
	}
	sqlite3_finalize(st);
	free(key);
	return found;
}

void dossier_db_month(dossier_db *db, int today, dossier_month *out)
{
	assert(db && out);
	int y, m, d;
	dossier_date(today, &y, &m, &d);
	int first = dossier_day(y, m, 1), next = m == 12 ? dossier_day(y + 1, 1, 1) : dossier_day(y, m + 1, 1);
	out->received = (size_t)query_int(db, "SELECT count(*) FROM dossier WHERE received >= ?1 AND received < ?2",
	                                  first, next, today);
	out->on_time = (size_t)query_int(db,
	                                 "SELECT count(*) FROM dossier WHERE status IN " RESOLVED_SQL
	                                 " AND resolved_on >= ?1 AND resolved_on < ?2 AND resolved_on <= due",
	                                 first, next, today);
	out->overdue = (size_t)query_int(db,
	                                 "SELECT count(*) FROM dossier WHERE (status IN ('da_tiep_nhan', 'dang_xu_ly')"
	                                 " AND due < ?3) OR (status IN " RESOLVED_SQL
	                                 " AND resolved_on >= ?1 AND resolved_on < ?2 AND resolved_on > due)",
	                                 first, next, today);
}
