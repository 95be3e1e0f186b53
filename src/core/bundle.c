/* bundle — reading and validating a catalogue bundle (DESIGN §3).
 *
 * The reader walks the column tables of bundle_schema.h: every cell is
 * NFC-normalised and trimmed, checked by its column's kind and stored in the
 * model's record. Problems never stop the reading: each goes to the diag list
 * with the file name as found on the stick and the line where its record
 * starts, so staff can fix a bundle in one pass. */
#include "bundle.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "bundle_schema.h"
#include "csv.h"
#include "font_fallback.h"
#include "paths.h"
#include "image_info.h"
#include "i18n.h"
#include "signature.h"
#include "text.h"
#include "xalloc.h"

#define MAX_COLUMNS 32
#define MAX_FILE_ERRORS 1000
/* Memory bounds for a hostile file within the size limits (DESIGN §3: a
 * check stays under 400 MiB): cells a record (empty ones past it, as
 * spreadsheets write for formatted columns, are dropped), list items a file
 * (a realistic 20,000-procedure catalogue has about 350,000), entries of a
 * folder. */
#define MAX_ROW_CELLS 256
#define MAX_FILE_ITEMS 1000000
#define MAX_FOLDER_ENTRIES 100000
#define MAX_INI (64u << 10)
#define MIB (1u << 20)
#define MAX_GLYPH_WARNINGS 32

/* forms/, images/ or audio/, listed the first time a record refers to it. */
typedef struct folder {
	const char *name; /* canonical: "forms" */
	bool opened;
	int fd;       /* -1 when the bundle has no such folder, or it is broken */
	char *found;  /* the folder's name as found: "Forms" */
	bool broken;  /* there but not usable (a link, a file): said once, in folder_open */
	bool missing_said; /* the bundle has none: said at the first reference */
	char **names; /* its entries as found */
	char **keys;  /* their case-folded NFC forms, NULL when not UTF-8 */
	size_t n;
} folder;

typedef struct code_line {
	const char *code; /* owned by the procedure */
	int line, row;    /* row: as a spreadsheet shows it */
} code_line;

/* A date column as a spreadsheet program may have left it: its dates are
 * judged together at the end of the file (dates_finish), because one date
 * that can only be month/day means the others may be swapped too. */
typedef struct date_col {
	int n;                          /* dates given */
	int month_first, short_year;    /* how many of each kind (date_class) */
	int mf_line, mf_row, sy_line, sy_row; /* the first of each */
	char *mf_text, *sy_text;
} date_col;

/* A score of 1000 or more written without a decimal point: judged at the
 * end of the file against the other scores (scores_finish). */
typedef struct big_score {
	size_t index; /* of the record in its table */
	int line, row;
} big_score;

/* A reference that failed once: the same message for every later use. */
typedef struct bad_ref {
	char *name, *message;
} bad_ref;

typedef struct reader {
	const char *dir;
	const bundle_opts *opts;
	catalog_data *d;
	diag_list *diag;
	int fd;
	char **root; /* entries of the bundle folder, as found */
	size_t n_root;
	bool cp1258;
	size_t total; /* bytes read, for the bundle limit */
	bool total_reported;
	folder forms, images, audio;
	code_line *codes; /* sorted by code once procedures.csv is read */
	size_t n_codes, cap_codes;
	bool have_codes;     /* procedures.csv was read whole: references can be checked */
	bool codes_skipped;  /* said once that they could not be */
	bool table_complete; /* the last table_read read every record */
	bad_ref *bad;
	size_t n_bad, cap_bad;
	/* When the bundle is signed: what its verified SHA256SUMS lists. Every
	 * file is read once, and the bytes checked against it are the bytes
	 * parsed, so a file swapped after verification is refused. */
	const signature_manifest *manifest;
	size_t items; /* list items of the current file, for MAX_FILE_ITEMS */
	const bundle_table *table;  /* the one being read */
	int row;                    /* the spreadsheet row of the record being read */
	date_col dates[MAX_COLUMNS]; /* of the current table, by column */
	bool whole[MAX_COLUMNS];    /* of the current record: a number cell >= 1000 without a point */
	big_score *big;             /* of the current table: such scores without a maximum */
	size_t n_big, cap_big;
	int *lines;   /* the line of each record of the current file */
	size_t n_lines, cap_lines;
	size_t text;  /* bytes of CSV text read, for BUNDLE_MAX_TEXT */
	/* opts->glyphs: the fonts (opened at the first character Noto Sans
	 * lacks) and the characters already reported in the current file. */
	font_fallback *fonts;
	const char *glyph_file;
	const void *glyph_said[MAX_GLYPH_WARNINGS]; /* a script's name, or the character */
	size_t n_glyph_said;
} reader;

/* --- small parsers, shared by bundle.ini and the CSV cells --- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}
static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int line_at(const char *buf, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* National code d.dddddd, then any number of ".suffix" parts of letters and
 * digits (a province's local code such as 1.001193.000.00.00.H52). */
static bool code_valid(const char *s)
{
	if (!is_digit(s[0]) || s[1] != '.')
		return false;
	for (int i = 2; i < 8; i++)
		if (!is_digit(s[i]))
			return false;
	s += 8;
	while (*s) {
		if (*s++ != '.')
			return false;
		size_t n = 0;
		for (; is_alnum(*s); s++)
			n++;
		if (!n)
			return false;
	}
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Three numbers separated by '/', '-' or '.' (the same one twice), with
 * how many digits each has (at most 5 are read). */
static bool date_split(const char *s, int part[3], int digits[3])
{
	char sep = 0;
	for (int k = 0; k < 3; k++) {
		part[k] = digits[k] = 0;
		for (; is_digit(*s) && digits[k] < 5; s++, digits[k]++)
			part[k] = part[k] * 10 + (*s - '0');
		if (k < 2) {
			if (*s != '/' && *s != '-' && *s != '.')
				return false;
			if (sep && *s != sep)
				return false;
			sep = *s++;
		}
	}
	return !*s && digits[0] >= 1 && digits[0] <= 2 && digits[1] >= 1 && digits[1] <= 2;
}

static bool date_real(int d, int m, int y)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

bool bundle_date_dmy(const char *s, int *day, int *month, int *year)
{
	int part[3], digits[3];
	if (!date_split(s, part, digits) || digits[2] != 4 || !date_real(part[0], part[1], part[2]))
		return false;
	*day = part[0];
	*month = part[1];
	*year = part[2];
	return true;
}

/* A date as bundle_date_dmy reads it, written back canonical "dd/mm/yyyy"
 * into out. */
static bool date_parse(const char *s, char out[11])
{
	int d, m, y;
	if (!bundle_date_dmy(s, &d, &m, &y))
		return false;
	const int v[8] = {d / 10,   d % 10,       m / 10,      m % 10,
	                  y / 1000, y / 100 % 10, y / 10 % 10, y % 10};
	char *o = out;
	for (int i = 0; i < 8; i++) {
		*o++ = (char)('0' + v[i]);
		if (i == 1 || i == 3)
			*o++ = '/';
	}
	*o = '\0';
	return true;
}

/* What a spreadsheet program may have done to a date cell. */
typedef enum date_class {
	DATE_OK,          /* a real dd/mm/yyyy date (written into out) */
	DATE_MONTH_FIRST, /* impossible as day/month, a real month/day: 06/16/2026 */
	DATE_SHORT_YEAR,  /* a real day/month with a two-digit year: 12/03/26 */
	DATE_BAD,         /* not a date at all */
} date_class;

static date_class date_classify(const char *s, char out[11])
{
	if (date_parse(s, out))
		return DATE_OK;
	int p[3], digits[3];
	if (!date_split(s, p, digits) || (digits[2] != 4 && digits[2] != 2))
		return DATE_BAD;
	int y = digits[2] == 2 ? 2000 + p[2] : p[2];
	if (!date_real(p[0], p[1], y) && date_real(p[1], p[0], y))
		return DATE_MONTH_FIRST;
	if (digits[2] == 2 && date_real(p[0], p[1], y))
		return DATE_SHORT_YEAR;
	return DATE_BAD;
}

/* A decimal number as Excel writes it in either locale: 43,61 or 43.61.
 * The buffer is longer than any number export writes (bundle_write.c's
 * number_format: up to ~345 characters), so every score reads back; a
 * number too large for a double is refused. */
static bool number_parse(const char *s, double *out)
{
	char buf[400];
	size_t n = 0, digits = 0;
	bool sep = false;
	for (; *s; s++) {
		if (n + 1 >= sizeof buf)
			return false;
		if (is_digit(*s)) {
			digits++;
			buf[n++] = *s;
		} else if ((*s == ',' || *s == '.') && !sep) {
			sep = true;
			buf[n++] = '.';
		} else {
			return false;
		}
	}
	if (!digits)
		return false;
	buf[n] = '\0';
	*out = strtod(buf, NULL);
	return isfinite(*out);
}

/* Only digits: a number a spreadsheet wrote without a decimal point. */
static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

/* A number as a spreadsheet shows it with thousands separators: 1 to 3
 * digits, then groups of 3 after one kind of separator, and at most one
 * decimal part after the other kind (1.234,5 or 42,105.3 or 1.234.567). */
static bool thousands_pattern(const char *s)
{
	char group = 0;
	int groups = 0;
	size_t n = strspn(s, "0123456789");
	if (n < 1 || n > 3)
		return false;
	for (s += n; *s; s += n) {
		char sep = *s++;
		n = strspn(s, "0123456789");
		if ((sep != '.' && sep != ',') || !n)
			return false;
		if (!group || sep == group) {
			if (n != 3)
				return false;
			group = sep;
			groups++;
		} else {
			return !s[n] && groups; /* the decimal part */
		}
	}
	return groups > 1;
}

/* A national code whose final zeros a spreadsheet dropped when it read it
 * as a number (1.000080 became 1.00008): the code with them put back, or
 * NULL. Caller frees. */
static char *code_lost_zeros(const char *s)
{
	if (!is_digit(s[0]) || s[1] != '.' || !all_digits(s + 2) || strlen(s + 2) >= 6)
		return NULL;
	char *out = xasprintf("%s000000", s);
	out[8] = '\0';
	return out;
}

static bool int_parse(const char *s, long lo, long hi, long *out)
{
	long v = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (!is_digit(*s) || v > (LONG_MAX - 9) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool phone_valid(const char *s)
{
	int digits = 0;
	for (; *s; s++) {
		if (is_digit(*s))
			digits++;
		else if (!strchr(" .-+()", *s))
			return false;
	}
	return digits >= 3 && digits <= 15;
}

/* Nine or ten digits and nothing else, the first not 0 or 1: no Vietnamese
 * number is written so (0 starts a national number, 1 a hotline or an
 * emergency number, + an international one); a spreadsheet that read
 * 0212385234 as a number leaves this. */
static bool phone_lost_zero(const char *s)
{
	size_t n = strlen(s);
	return (n == 9 || n == 10) && all_digits(s) && s[0] >= '2';
}

static bool url_valid(const char *s)
{
	size_t p = !strncasecmp(s, "https://", 8) ? 8 : !strncasecmp(s, "http://", 7) ? 7 : 0;
	if (!p || !s[p])
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ')
			return false;
	return true;
}

/* Case-folded NFC, for matching file names the way FAT and staff do. */
static char *name_key(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                     UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)out;
}

static bool cell_blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* "'Tên thủ tục' (ten_thu_tuc)": how a column is named in messages. */
static char *column_label(const bundle_column *c)
{
	return xasprintf("'%s' (%s)", c->heading, c->key);
}

/* Control characters are refused in catalogue text: they would reach the
 * kiosk's screen, the printed sheet and the staff's terminal. A line break
 * is allowed where a cell may hold several lines (text and lists); a tab
 * became a space in text_cell(). `what` names the cell in the message.
 * Returns false after reporting the first one. */
static bool value_clean(reader *r, const char *file, int line, const char *what, const char *v,
                        bool multi_line)
{
	unsigned cp;
	if (!text_find_control(v, multi_line, &cp))
		return true;
	if (cp == '\n')
		diag_error(r->diag, file, line,
		           _("%s: a line break is not allowed here; keep the value on one line"),
		           what);
	else
		diag_error(r->diag, file, line,
		           _("%s: the invisible control character U+%04X is not allowed; delete "
		             "it and type the text again"),
		           what, cp);
	return false;
}

/* --- files --- */

static const char *root_find(const reader *r, const char *name)
{
	for (size_t i = 0; i < r->n_root; i++)
		if (!strcasecmp(r->root[i], name))
			return r->root[i];
	return NULL;
}

static void total_add(reader *r, size_t n)
{
	r->total += n;
	if (r->total > BUNDLE_MAX_TOTAL && !r->total_reported) {
		r->total_reported = true;
		diag_error(r->diag, "", 0, _("the bundle is larger than the limit of %u MiB"),
		           BUNDLE_MAX_TOTAL / MIB);
	}
}

/* Reads the regular file name (as found) inside the folder dirfd, at most
 * limit bytes, NUL-terminated. Symbolic links and special files are refused:
 * a bundle may only carry its own files. Problems are reported under shown. */
static bool read_at(reader *r, int dirfd, const char *name, const char *shown, size_t limit,
                    const char *file, int line, char **out, size_t *out_len)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		diag_error(r->diag, file, line, _("%s: cannot read: %s"), shown, strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		diag_error(r->diag, file, line,
		           _("%s: is a symbolic link; copy the file itself into the bundle"),
		           shown);
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(r->diag, file, line, _("%s: is not a regular file"), shown);
		return false;
	}
	if ((unsigned long long)st.st_size > limit) {
		diag_error(r->diag, file, line,
		           _("%s: the file is larger than the limit of %zu KiB"), shown,
		           limit >> 10);
		return false;
	}
	/* What was checked above may be swapped before the open: the open
	 * file itself is checked again, and its size bounds the read. */
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_error(r->diag, file, line, _("%s: cannot read: %s"), shown, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_error(r->diag, file, line, _("%s: is not a regular file"), shown);
		close(fd);
		return false;
	}
	if ((unsigned long long)st.st_size > limit) {
		diag_error(r->diag, file, line,
		           _("%s: the file is larger than the limit of %zu KiB"), shown,
		           limit >> 10);
		close(fd);
		return false;
	}
	/* The bundle's limit bounds what is kept in memory: checked before
	 * reading, so that a stick of many forms cannot fill it. */
	if (r->total + (size_t)st.st_size > BUNDLE_MAX_TOTAL) {
		total_add(r, (size_t)st.st_size);
		close(fd);
		return false;
	}
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		ssize_t n = len < cap ? read(fd, buf + len, cap - len) : 0;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(r->diag, file, line, _("%s: cannot read: %s"), shown,
			           strerror(errno));
			close(fd);
			free(buf);
			return false;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (len != (size_t)st.st_size) {
		diag_error(r->diag, file, line,
		           _("%s: the file changed while it was being read; copy the bundle "
		             "again"),
		           shown);
		free(buf);
		return false;
	}
	if (r->manifest && !signature_manifest_matches(r->manifest, shown, buf, len)) {
		diag_error(r->diag, file, line,
		           _("%s: the file changed after its signature was checked (it no longer "
		             "matches SHA256SUMS); nothing was installed"),
		           shown);
		free(buf);
		return false;
	}
	buf[len] = '\0';
	total_add(r, len);
	*out = buf;
	*out_len = len;
	return true;
}

/* Windows-1258 writes most Vietnamese letters as a base letter plus a
 * combining tone mark; the caller's NFC composes them again. */
static bool cp1258_convert(reader *r, const char *file, size_t limit, char **buf, size_t *len)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1258");
	if (cd == (iconv_t)-1) {
		diag_error(r->diag, file, 0, _("cannot convert from Windows-1258: %s"),
		           strerror(errno));
		return false;
	}
	/* A byte becomes at most 3 bytes of UTF-8 (every Windows-1258 character
	 * is in the BMP); Vietnamese text about doubles (a letter plus a
	 * combining mark), so the converted text may be twice the limit. */
	size_t cap = (*len < limit ? *len : limit) * 2 + 16;
	if (cap > *len * 3 + 16)
		cap = *len * 3 + 16;
	char *out = xmalloc(cap);
	char *in = *buf, *op = out;
	size_t in_left = *len, out_left = cap - 1;
	bool ok = true;
	size_t rc = iconv(cd, &in, &in_left, &op, &out_left);
	if (rc == (size_t)-1 && errno == E2BIG) {
		diag_error(r->diag, file, 0,
		           _("converted to UTF-8, the file is larger than twice the limit of "
		             "%zu KiB"),
		           limit >> 10);
		ok = false;
	} else if (rc == (size_t)-1 || iconv(cd, NULL, NULL, &op, &out_left) == (size_t)-1) {
		size_t off = (size_t)(in - *buf);
		diag_error(r->diag, file, line_at(*buf, off),
		           _("byte 0x%02X is not Windows-1258 text; save the file again as "
		             "\"CSV UTF-8 (Comma delimited)\""),
		           off < *len ? (unsigned char)(*buf)[off] : 0);
		ok = false;
	}
	iconv_close(cd);
	if (!ok) {
		free(out);
		return false;
	}
	*op = '\0';
	free(*buf);
	*buf = out;
	*len = (size_t)(op - out);
	return true;
}

/* Makes buf UTF-8: it already is (whatever bundle.ini says: Excel's
 * "CSV UTF-8" files are), or it is converted when ma_hoa = windows-1258. */
static bool decode(reader *r, const char *file, size_t limit, char **buf, size_t *len)
{
	/* A NUL would end the C string of a cell and silently cut its text. */
	const char *nul = memchr(*buf, 0, *len);
	if (nul) {
		diag_error(r->diag, file, line_at(*buf, (size_t)(nul - *buf)),
		           _("this line holds a NUL byte (0x00), which is not text; in Excel "
		             "save the file as \"CSV UTF-8 (Comma delimited)\""));
		return false;
	}
	size_t bad = 0;
	if (text_utf8_valid(*buf, *len, &bad))
		return true;
	if (r->cp1258)
		return cp1258_convert(r, file, limit, buf, len);
	diag_error(
	    r->diag, file, line_at(*buf, bad),
	    _("this line is not UTF-8 text; in Excel save the file as "
	      "\"CSV UTF-8 (Comma delimited)\", or put ma_hoa = windows-1258 in bundle.ini"));
	return false;
}

static void root_list(reader *r)
{
	int fd2 = dup(r->fd);
	DIR *dp = fd2 < 0 ? NULL : fdopendir(fd2);
	if (!dp) {
		if (fd2 >= 0)
			close(fd2);
		diag_error(r->diag, r->dir, 0, _("cannot list the files of the bundle folder: %s"),
		           strerror(errno));
		return;
	}
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (r->n_root >= MAX_FOLDER_ENTRIES) {
			diag_error(r->diag, r->dir, 0,
			           _("the bundle folder holds more than %d entries"),
			           MAX_FOLDER_ENTRIES);
			break;
		}
		r->root = xgrow(r->root, &cap, r->n_root + 1, sizeof *r->root);
		r->root[r->n_root++] = xstrdup(e->d_name);
	}
	closedir(dp);

	size_t n_tables;
	const bundle_table *tables = bundle_schema_tables(&n_tables);
	for (size_t i = 0; i < r->n_root; i++) {
		const char *name = r->root[i];
		bool known = !strcasecmp(name, BUNDLE_INI) || !strcasecmp(name, "SHA256SUMS") ||
		             !strcasecmp(name, "SHA256SUMS.minisig") ||
		             !strcasecmp(name, "forms") || !strcasecmp(name, "images") ||
		             !strcasecmp(name, "audio") ||
		             !strcasecmp(name, BUNDLE_TRANSLATIONS);
		for (size_t t = 0; t < n_tables && !known; t++)
			known = !strcasecmp(name, tables[t].file);
		/* The dossier list sits beside the bundle on a stick (README); it is
		 * installed on its own (dossier.h), not part of the catalogue. */
		if (!known && !strcasecmp(name, "ho_so.csv"))
			continue;
		if (!known) {
			if (name[0] != '.')
				diag_warning(r->diag, name, 0,
				             _("unknown file in the bundle (ignored)"));
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcasecmp(name, r->root[j])) {
				diag_error(r->diag, name, 0,
				           _("'%s' and '%s' differ only in upper/lower case; keep "
				             "one of them"),
				           r->root[j], name);
				break; /* once per name: n variants, n-1 messages, not n² */
			}
	}
}

/* --- forms/ and images/ --- */

/* Lists forms/ or images/. When it is there but cannot be used, the cause
 * is reported here once, and the references to it are not checked one by
 * one (each would only say "no such file"). */
static void folder_open(reader *r, folder *f)
{
	f->opened = true;
	f->fd = -1;
	const char *found = root_find(r, f->name);
	if (!found)
		return;
	struct stat st;
	if (fstatat(r->fd, found, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		diag_error(r->diag, found, 0, _("cannot open the folder: %s"), strerror(errno));
		f->broken = true;
		return;
	}
	if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
		diag_error(r->diag, found, 0,
		           S_ISLNK(st.st_mode)
		               ? _("is a symbolic link; copy the folder itself into the bundle")
		               : _("is not a folder; the files it should hold were not checked"));
		f->broken = true;
		return;
	}
	f->fd = openat(r->fd, found, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int fd2 = f->fd < 0 ? -1 : dup(f->fd);
	DIR *dp = fd2 < 0 ? NULL : fdopendir(fd2);
	if (!dp) {
		diag_error(r->diag, found, 0, _("cannot open the folder: %s"), strerror(errno));
		f->broken = true;
		if (fd2 >= 0)
			close(fd2);
		return;
	}
	f->found = xstrdup(found);
	size_t cap = 0, cap2 = 0;
	struct dirent *e;
	while ((e = readdir(dp)) && f->n < MAX_FOLDER_ENTRIES) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		f->names = xgrow(f->names, &cap, f->n + 1, sizeof *f->names);
		f->keys = xgrow(f->keys, &cap2, f->n + 1, sizeof *f->keys);
		f->names[f->n] = xstrdup(e->d_name);
		f->keys[f->n] = name_key(e->d_name);
		f->n++;
	}
	closedir(dp);
}

static void folder_close(folder *f)
{
	if (f->opened && f->fd >= 0)
		close(f->fd);
	for (size_t i = 0; i < f->n; i++) {
		free(f->names[i]);
		free(f->keys[i]);
	}
	free(f->names);
	free(f->keys);
	free(f->found);
}

static void bad_ref_add(reader *r, const char *name, const char *message)
{
	r->bad = xgrow(r->bad, &r->cap_bad, r->n_bad + 1, sizeof *r->bad);
	r->bad[r->n_bad].name = xstrdup(name);
	r->bad[r->n_bad].message = xstrdup(message);
	r->n_bad++;
}

/* Reports a problem with a referenced file, and remembers it so every record
 * that uses the same file gets the same message. */
static void ref_error(reader *r, const char *file, int line, const char *name, const char *msg)
{
	diag_error(r->diag, file, line, "%s", msg);
	bad_ref_add(r, name, msg);
}

/* What a referenced file must be. */
typedef enum ref_kind { REF_FORM, REF_IMAGE, REF_AUDIO } ref_kind;

static bool magic_ok(const unsigned char *p, size_t n, ref_kind kind)
{
	switch (kind) {
	case REF_FORM:
		return n >= 5 && !memcmp(p, "%PDF-", 5);
	case REF_IMAGE:
		return (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) ||
		       (n >= 3 && !memcmp(p, "\xFF\xD8\xFF", 3));
	case REF_AUDIO:
		return audio_clip_sniff(p, n) != AUDIO_CLIP_UNKNOWN;
	}
	return false;
}

/* Resolves a reference to a file under forms/, images/ or audio/ ("forms/to_khai.pdf",
 * any case, '\' accepted as Windows writes it), loads it into d->blobs once,
 * and returns the name it is stored under: the folder in lower case and the
 * file's own name as found. Returns NULL after reporting a problem. */
static char *ref_resolve(reader *r, const char *file, int line, const char *ref, ref_kind kind)
{
	bool image = kind == REF_IMAGE;
	folder *f = kind == REF_IMAGE ? &r->images : kind == REF_AUDIO ? &r->audio : &r->forms;
	size_t flen = strlen(f->name);
	char *path = xstrdup(ref);
	for (char *p = path; *p; p++)
		if (*p == '\\')
			*p = '/';
	char *result = NULL;
	if (strncasecmp(path, f->name, flen) || path[flen] != '/') {
		diag_error(r->diag, file, line,
		           _("'%s' must name a file in the %s/ folder of the bundle"), ref,
		           f->name);
		goto end;
	}
	char *rest = path + flen + 1;
	if (!*rest || strchr(rest, '/') || !strcmp(rest, ".") || !strcmp(rest, "..")) {
		diag_error(r->diag, file, line,
		           _("'%s' must name a file directly inside %s/ (no sub-folder, no '..')"),
		           ref, f->name);
		goto end;
	}
	if (!f->opened)
		folder_open(r, f);
	if (f->broken)
		goto end; /* folder_open said why, once */
	if (f->fd < 0) {
		if (!f->missing_said)
			diag_error(r->diag, file, line,
			           _("'%s': the bundle has no %s/ folder; copy it onto the stick "
			             "(the other references to it were not checked)"),
			           ref, f->name);
		f->missing_said = true;
		goto end;
	}
	char *key = name_key(rest);
	const char *found = NULL;
	for (size_t i = 0; key && i < f->n && !found; i++)
		if (f->keys[i] && !strcmp(f->keys[i], key))
			found = f->names[i];
	free(key);
	if (!found) {
		diag_error(r->diag, file, line, _("'%s': there is no such file in the bundle"),
		           ref);
		goto end;
	}
	char *nfc = text_nfc(found);
	char *name = xasprintf("%s/%s", f->name, nfc ? nfc : found);
	free(nfc);
	for (size_t i = 0; i < r->n_bad; i++)
		if (!strcmp(r->bad[i].name, name)) {
			diag_error(r->diag, file, line, "%s", r->bad[i].message);
			free(name);
			goto end;
		}
	for (size_t i = 0; i < r->d->n_blobs; i++)
		if (!strcmp(r->d->blobs[i].name, name)) {
			free(name); /* already read for an earlier reference */
			result = r->d->blobs[i].name;
			goto end;
		}
	char *shown = xasprintf("%s/%s", f->found, found);
	char *data = NULL;
	size_t size = 0, errors = r->diag->errors;
	size_t max = kind == REF_IMAGE ? BUNDLE_MAX_IMAGE
	             : kind == REF_AUDIO ? BUNDLE_MAX_AUDIO
	                                 : BUNDLE_MAX_FORM;
	const char *audio_why = NULL;
	if (!read_at(r, f->fd, found, shown, max, file, line, &data, &size)) {
		/* read_at reported it; later uses of the file get the same message */
		if (r->diag->errors > errors)
			bad_ref_add(r, name, r->diag->v[r->diag->n - 1].message);
		free(name);
	} else if (!magic_ok((const unsigned char *)data, size, kind)) {
		char *msg = xasprintf(kind == REF_IMAGE   ? _("%s: is not a PNG or JPEG image")
		                      : kind == REF_AUDIO ? _("%s: is not an Ogg Vorbis, Ogg Opus or "
		                                              "WAV recording")
		                                          : _("%s: is not a PDF file"),
		                      shown);
		ref_error(r, file, line, name, msg);
		free(msg);
		free(name);
	} else if (kind == REF_AUDIO &&
	           audio_clip_decode((const unsigned char *)data, size, NULL, &audio_why) < 0) {
		/* Decoded whole now, so the kiosk never meets a recording that
		 * stops half-way or runs for hours. */
		char *msg = xasprintf("%s: %s", shown, _(audio_why));
		ref_error(r, file, line, name, msg);
		free(msg);
		free(name);
	} else {
		image_info ii;
		image_verdict v = IMAGE_OK;
		if (image)
			v = image_check((const unsigned char *)data, size, BUNDLE_MAX_IMAGE, &ii);
		/* The kiosk would leave it out (src/gfx): say so now, but import. */
		if (v == IMAGE_TOO_LARGE)
			diag_warning(r->diag, file, line,
			             _("%s: the picture is %dx%d pixels, over the kiosk's 16 megapixels or 8192 "
			               "pixels a side: it will not be shown"),
			             shown, ii.width, ii.height);
		else if (v != IMAGE_OK)
			diag_warning(r->diag, file, line,
			             _("%s: the picture is cut short or damaged: it will not be shown"),
			             shown);
		blob *b = catalog_data_add_blob(r->d);
		b->name = name;
		b->data = (unsigned char *)data;
		b->size = size;
		data = NULL;
		result = b->name;
	}
	free(data);
	free(shown);
end:
	free(path);
	return result ? xstrdup(result) : NULL;
}

/* --- bundle.ini --- */

typedef struct ini_key {
	const char *key;
	int line; /* where it was given; 0 = not yet */
} ini_key;

/* Splits one line of bundle.ini. Returns 0 blank/comment, 1 section (name in
 * *key), 2 key = value, -1 not understood. Modifies line. */
static int ini_split(char *line, char **key, char **value)
{
	text_trim(line);
	if (!*line || *line == '#' || *line == ';')
		return 0;
	if (*line == '[') {
		char *end = strchr(line, ']');
		if (!end)
			return -1;
		*end = '\0';
		*key = line + 1;
		text_trim(*key);
		return 1;
	}
	char *eq = strchr(line, '=');
	if (!eq)
		return -1;
	*eq = '\0';
	*key = line;
	*value = eq + 1;
	text_trim(*key);
	text_trim(*value);
	return 2;
}

/* ma_hoa must be known before the rest of the file is decoded; its key and
 * value are ASCII whatever the encoding. */
static void ini_find_encoding(reader *r, const char *buf)
{
	if (!strncmp(buf, "\xEF\xBB\xBF", 3))
		buf += 3;
	char *copy = xstrdup(buf), *save = NULL;
	for (char *line = strtok_r(copy, "\r\n", &save); line;
	     line = strtok_r(NULL, "\r\n", &save)) {
		char *key, *value;
		if (ini_split(line, &key, &value) == 2 && !strcasecmp(key, BUNDLE_INI_ENCODING)) {
			char *f = text_fold(value);
			r->cp1258 = f && (!strcmp(f, "windows 1258") || !strcmp(f, "cp1258") ||
			                  !strcmp(f, "windows1258"));
			free(f);
		}
	}
	free(copy);
}

static void ini_read(reader *r)
{
	const char *found = root_find(r, BUNDLE_INI);
	if (!found) {
		diag_error(r->diag, BUNDLE_INI, 0, _("required file is missing from the bundle"));
		return;
	}
	char *buf;
	size_t len;
	if (!read_at(r, r->fd, found, found, MAX_INI, found, 0, &buf, &len))
		return;
	ini_find_encoding(r, buf);
	if (!decode(r, found, MAX_INI, &buf, &len)) {
		free(buf);
		return;
	}
	ini_key keys[] = {{BUNDLE_INI_UNIT, 0},
	                  {BUNDLE_INI_VERSION, 0},
	                  {BUNDLE_INI_DATE, 0},
	                  {BUNDLE_INI_AUTHOR, 0},
	                  {BUNDLE_INI_ENCODING, 0}};
	const size_t n_keys = sizeof keys / sizeof *keys;
	bundle_info *info = &r->d->info;
	bool in_bundle = true;
	char *p = buf;
	if (!strncmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	int lineno = 0;
	while (p) {
		/* LF, CRLF, or a lone CR as old editors end lines: a value never
		 * spans lines, so export writes it back on one. */
		char *nl = p + strcspn(p, "\r\n");
		char *next = NULL;
		if (*nl)
			next = nl + (nl[0] == '\r' && nl[1] == '\n' ? 2 : 1);
		*nl = '\0';
		lineno++;
		char *key = NULL, *value = NULL;
		int kind = ini_split(p, &key, &value);
		p = next;
		if (kind == 0)
			continue;
		if (kind < 0) {
			diag_error(r->diag, found, lineno, _("expected 'key = value'"));
			continue;
		}
		if (kind == 1) {
			in_bundle = !strcasecmp(key, "bundle");
			if (!in_bundle)
				diag_warning(r->diag, found, lineno,
				             _("unknown section [%s] (ignored)"), key);
			continue;
		}
		if (!in_bundle)
			continue;
		size_t k = 0;
		while (k < n_keys && strcasecmp(key, keys[k].key))
			k++;
		if (k == n_keys) {
			diag_warning(r->diag, found, lineno, _("unknown key '%s' (ignored)"), key);
			continue;
		}
		if (keys[k].line) {
			diag_error(r->diag, found, lineno,
			           _("'%s' is given twice (first on line %d)"), keys[k].key,
			           keys[k].line);
			continue;
		}
		keys[k].line = lineno;
		char *v = text_cell(value);
		char *what = xasprintf("'%s'", keys[k].key);
		bool clean = value_clean(r, found, lineno, what, v, false);
		free(what);
		if (!clean) {
			free(v);
			continue;
		}
		if (!*v && k != 4) {
			diag_error(r->diag, found, lineno, _("'%s' is empty"), keys[k].key);
		} else if (k == 0) {
			info->unit = v;
			v = NULL;
		} else if (k == 1) {
			long n;
			if (int_parse(v, 1, LONG_MAX, &n))
				info->version = n;
			else
				diag_error(
				    r->diag, found, lineno,
				    _("'%s' must be a whole number greater than 0, not '%s'"),
				    keys[k].key, v);
		} else if (k == 2) {
			char date[11];
			if (date_parse(v, date))
				info->date = xstrdup(date);
			else
				diag_error(r->diag, found, lineno,
				           _("'%s' is not a real date written dd/mm/yyyy"), v);
		} else if (k == 3) {
			info->author = v;
			v = NULL;
		} else {
			char *f = text_fold(v);
			if (*v && strcmp(f, "utf 8") && strcmp(f, "utf8") && !r->cp1258)
				diag_error(r->diag, found, lineno,
				           _("unknown encoding '%s': write windows-1258 or utf-8"),
				           v);
			free(f);
		}
		free(v);
	}
	for (size_t k = 0; k < n_keys - 1; k++)
		if (!keys[k].line)
			diag_error(r->diag, found, 0, _("'%s' is missing"), keys[k].key);
	if (info->version > 0 && r->opts->installed_version > 0 &&
	    info->version <= r->opts->installed_version && !r->opts->allow_downgrade)
		diag_error(r->diag, found, keys[1].line,
		           _("version %ld is not newer than the installed version %ld; "
		             "to install it anyway use --allow-downgrade"),
		           info->version, r->opts->installed_version);
	free(buf);
}

/* --- CSV tables --- */

static int code_line_cmp(const void *a, const void *b)
{
	const code_line *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static bool code_known(const reader *r, const char *code)
{
	code_line key = {code, INT_MIN, 0};
	size_t lo = 0, hi = r->n_codes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (code_line_cmp(&r->codes[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n_codes && !strcmp(r->codes[lo].code, code);
}

static void codes_finish(reader *r, const char *file)
{
	if (r->n_codes)
		qsort(r->codes, r->n_codes, sizeof *r->codes, code_line_cmp);
	for (size_t i = 1; i < r->n_codes; i++) {
		const code_line *a = &r->codes[i - 1], *b = &r->codes[i];
		if (strcmp(a->code, b->code))
			continue;
		size_t from = r->diag->n;
		if (a->row == a->line && b->row == b->line)
			diag_error(r->diag, file, b->line, _("code '%s' is used twice: lines %d and %d"),
			           b->code, a->line, b->line);
		else
			diag_error(r->diag, file, b->line,
			           _("code '%s' is used twice: rows %d and %d in Excel (lines %d and "
			             "%d of the file)"),
			           b->code, a->row, b->row, a->line, b->line);
		diag_locate(r->diag, from, b->line, b->row, NULL);
	}
}

/* One line of a recordings cell: "language | audio/FILE". The language is
 * stored as its code, so an export writes what any reader accepts. */
static void recording_parse(reader *r, const char *file, int line, const bundle_column *c,
                            size_t n, const char *lang, const char *ref, item_list *out)
{
	char *label = column_label(c);
	const char *code = audio_lang_code(lang);
	if (!ref) {
		diag_error(r->diag, file, line,
		           _("%s: item %zu must be written 'language | audio/FILE.ogg', e.g. "
		             "'H'Mông | audio/khai_sinh_hmn.ogg'"),
		           label, n);
	} else if (!code) {
		diag_error(r->diag, file, line,
		           _("%s: item %zu: '%s' is not a language the kiosk knows; write "
		             "Tiếng Việt, Thái or H'Mông (or the code vi, tai, hmn)"),
		           label, n, lang);
	} else {
		bool twice = false;
		for (size_t i = 0; i < out->n && !twice; i++)
			twice = !strcmp(out->v[i].text, code);
		if (twice)
			diag_error(r->diag, file, line,
			           _("%s: item %zu: a second recording in %s; keep one a language"),
			           label, n, lang);
		char *name = ref_resolve(r, file, line, ref, REF_AUDIO);
		if (!twice)
			item_list_add(out, code, name ? name : ref);
		free(name);
	}
	free(label);
}

/* Splits a list cell into its items, one a line, "text | extra". */
static void list_parse(reader *r, const char *file, int line, const bundle_column *c, char *s,
                       item_list *out)
{
	size_t n = 0;
	while (s) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		n++;
		text_trim(s);
		char *bar = strstr(s, " | ");
		char *extra = NULL;
		if (bar) {
			*bar = '\0';
			extra = bar + 3;
			text_trim(s);
			text_trim(extra);
			if (!*extra)
				extra = NULL;
		}
		if (!*s) {
			char *label = column_label(c);
			diag_error(
			    r->diag, file, line,
			    bar ? _("%s: item %zu has no text before ' | '")
			        : _("%s: item %zu is empty; remove the blank line in the cell"),
			    label, n);
			free(label);
		} else if (extra && c->kind == BUNDLE_FORMS) {
			char *name = ref_resolve(r, file, line, extra, REF_FORM);
			item_list_add(out, s, name ? name : extra);
			free(name);
		} else if (c->kind == BUNDLE_AUDIO) {
			recording_parse(r, file, line, c, n, s, extra, out);
		} else {
			item_list_add(out, s, extra);
		}
		s = nl ? nl + 1 : NULL;
	}
	r->items += n;
}

static bool choice_match(const bundle_column *c, const char *v, const char **canonical)
{
	char *fv = text_fold(v);
	bool ok = false;
	for (const char *const *ch = c->choices; *ch && !ok; ch++) {
		char *fc = text_fold(*ch);
		if (!strcmp(fv, fc)) {
			ok = true;
			*canonical = *ch;
		}
		free(fc);
	}
	free(fv);
	return ok;
}

static char *choices_list(const bundle_column *c)
{
	char *s = xstrdup("");
	for (const char *const *ch = c->choices; *ch; ch++) {
		char *t = xasprintf("%s%s'%s'", s, *s ? ", " : "", *ch);
		free(s);
		s = t;
	}
	return s;
}

/* Checks one non-empty cell v (normalised, owned) and stores it in rec. */
static void cell_store(reader *r, const char *file, int line, const bundle_column *c, void *rec,
                       char *v)
{
	char *label = NULL;
	char date[11];
	const char *canonical = NULL;
	double num;
	long n;
	switch (c->kind) {
	case BUNDLE_LIST:
	case BUNDLE_FORMS:
	case BUNDLE_AUDIO:
		list_parse(r, file, line, c, v, bundle_schema_list(rec, c));
		free(v);
		return;
	case BUNDLE_CODE:
		if (!code_valid(v) && (label = code_lost_zeros(v)))
			diag_error(r->diag, file, line,
			           _("code '%s' is not of the form 1.234567: a spreadsheet program "
			             "may have read it as a number and dropped its final zeros (was it "
			             "%s?); format the column as Text, type the code again and save the "
			             "file again"),
			           v, label);
		else if (!code_valid(v))
			diag_error(
			    r->diag, file, line,
			    _("code '%s' is not of the form 1.234567 (with an optional local "
			      "suffix such as 1.234567.000.00.00.H52)"),
			    v);
		r->codes = xgrow(r->codes, &r->cap_codes, r->n_codes + 1, sizeof *r->codes);
		r->codes[r->n_codes++] = (code_line){v, line, r->row};
		break;
	case BUNDLE_REPLACEMENT:
		/* Whether it exists is known once the whole file is read
		 * (replacements_check). */
		if (!code_valid(v)) {
			label = column_label(c);
			diag_error(r->diag, file, line,
			           _("%s: '%s' is not a procedure code of the form 1.234567"), label,
			           v);
		}
		break;
	case BUNDLE_CODE_REF:
		if (r->have_codes) {
			if (!code_known(r, v))
				diag_error(
				    r->diag, file, line,
				    _("there is no procedure with code '%s' in procedures.csv"), v);
		} else if (!r->codes_skipped) {
			/* procedures.csv is missing or could not be read whole: its
			 * own error is the cause; one line instead of one a record. */
			r->codes_skipped = true;
			diag_warning(r->diag, file, 0,
			             _("procedure codes were not checked, because procedures.csv "
			               "could not be read"));
		}
		break;
	case BUNDLE_DATE: {
		/* Dates a spreadsheet program rewrote are judged with the rest of
		 * their column, once, in dates_finish; none is stored. */
		date_col *dc = &r->dates[c - r->table->columns];
		dc->n++;
		switch (date_classify(v, date)) {
		case DATE_OK:
			free(v);
			v = xstrdup(date);
			break;
		case DATE_MONTH_FIRST:
			if (!dc->month_first++) {
				dc->mf_line = line;
				dc->mf_row = r->row;
				dc->mf_text = v;
				v = NULL;
			}
			free(v);
			return;
		case DATE_SHORT_YEAR:
			if (!dc->short_year++) {
				dc->sy_line = line;
				dc->sy_row = r->row;
				dc->sy_text = v;
				v = NULL;
			}
			free(v);
			return;
		case DATE_BAD:
			label = column_label(c);
			diag_error(r->diag, file, line,
			           _("%s: '%s' is not a real date written dd/mm/yyyy"), label, v);
			break;
		}
		break;
	}
	case BUNDLE_PHONE:
		if (!phone_valid(v)) {
			label = column_label(c);
			diag_error(r->diag, file, line,
			           _("%s: '%s' is not a phone number (3 to 15 digits; spaces, "
			             "'.', '-', '+', '(' and ')' allowed)"),
			           label, v);
		} else if (phone_lost_zero(v)) {
			/* 0212 385 2345 typed without spaces is a number to a
			 * spreadsheet, which drops its 0: 212385 2345 would still
			 * look like a phone number. */
			label = column_label(c);
			diag_error(r->diag, file, line,
			           _("%s: '%s' looks like a phone number whose leading 0 a "
			             "spreadsheet program dropped (0%s); format the column as Text, "
			             "type the number again and save the file again"),
			           label, v, v);
		}
		break;
	case BUNDLE_URL:
		if (!url_valid(v)) {
			label = column_label(c);
			diag_error(
			    r->diag, file, line,
			    _("%s: '%s' is not a web address starting with https:// or http://"),
			    label, v);
		}
		break;
	case BUNDLE_IMAGE: {
		char *name = ref_resolve(r, file, line, v, REF_IMAGE);
		if (name) {
			free(v);
			v = name;
		}
		break;
	}
	case BUNDLE_CHOICE:
		if (choice_match(c, v, &canonical)) {
			free(v);
			v = xstrdup(canonical);
		} else {
			label = column_label(c);
			char *list = choices_list(c);
			diag_error(r->diag, file, line, _("%s: '%s' is not one of %s"), label, v,
			           list);
			free(list);
		}
		break;
	case BUNDLE_YEAR:
	case BUNDLE_ORDER:
		if (c->kind == BUNDLE_YEAR ? int_parse(v, 2000, 2100, &n)
		                           : int_parse(v, 0, 999999, &n)) {
			*bundle_schema_int(rec, c) = (int)n;
		} else {
			label = column_label(c);
			diag_error(r->diag, file, line,
			           c->kind == BUNDLE_YEAR
			               ? _("%s: '%s' is not a year from 2000 to 2100")
			               : _("%s: '%s' is not a whole number"),
			           label, v);
		}
		free(v);
		free(label);
		return;
	case BUNDLE_SCORE:
	case BUNDLE_MAX:
		if (number_parse(v, &num) && (c->kind == BUNDLE_SCORE || num > 0)) {
			*bundle_schema_double(rec, c) = num;
			r->whole[c - r->table->columns] = num >= 1000 && all_digits(v);
		} else if (thousands_pattern(v)) {
			label = column_label(c);
			diag_error(r->diag, file, line,
			           _("%s: '%s' is written with thousands separators; write the "
			             "number with one decimal separator only (43,61 or 43.61), or "
			             "format the column as Text"),
			           label, v);
		} else {
			label = column_label(c);
			diag_error(r->diag, file, line,
			           c->kind == BUNDLE_SCORE
			               ? _("%s: '%s' is not a number (write 43,61 or 43.61)")
			               : _("%s: '%s' is not a number greater than 0"),
			           label, v);
		}
		free(v);
		free(label);
		return;
	case BUNDLE_TEXT:
		break;
	}
	free(label);
	*bundle_schema_str(rec, c) = v;
}

/* What a whole number v of 1000 or more meant when a spreadsheet took its
 * decimal point for a thousands separator: v divided by 1000 (as often as
 * it takes) when that is at most limit; else 0. */
static double thousands_meant(double v, double limit)
{
	if (v < 1000)
		return 0;
	while (v > limit && v >= 1000)
		v /= 1000;
	return v <= limit ? v : 0;
}

/* The number v written "42.105" and "42,105". */
static void number_forms(double v, char dot[32], char comma[32])
{
	snprintf(dot, 32, "%.10g", v);
	memcpy(comma, dot, 32);
	char *p = strchr(comma, '.');
	if (p)
		*p = ',';
}

/* Checks that hold between the cells of one record. */
static void record_check(reader *r, const char *file, int line, const bundle_table *t,
                         const void *rec, const int *col)
{
	const bundle_column *score = NULL, *max = NULL;
	for (size_t j = 0; j < t->n_columns; j++) {
		if (t->columns[j].kind == BUNDLE_SCORE && col[j] >= 0)
			score = &t->columns[j];
		if (t->columns[j].kind == BUNDLE_MAX && col[j] >= 0)
			max = &t->columns[j];
	}
	if (!score)
		return;
	double s = bundle_schema_get_double(rec, score), m = max ? bundle_schema_get_double(rec, max) : -1;
	bool whole = r->whole[score - t->columns];
	if (m > 0 && s > m) {
		double meant = thousands_meant(s, m);
		if (whole && meant > 0) {
			char *label = column_label(score), dot[32], comma[32];
			number_forms(meant, dot, comma);
			diag_error(r->diag, file, line,
			           _("%s: %g is above the maximum %g: it looks like %s, whose "
			             "decimal point a spreadsheet program with a Vietnamese number "
			             "setting read as a thousands separator; type it as %s or "
			             "format the column as Text, and save the file again"),
			           label, s, m, dot, comma);
			free(label);
		} else {
			diag_error(r->diag, file, line, _("the score %g is above the maximum %g"),
			           s, m);
		}
	} else if (whole && m <= 0) {
		/* No maximum to judge it by: the other scores of the file will. */
		r->big = xgrow(r->big, &r->cap_big, r->n_big + 1, sizeof *r->big);
		r->big[r->n_big++] = (big_score){bundle_schema_count(r->d, t) - 1, line, r->row};
	}
}

/* The column's dates, judged together (see date_col). One message a
 * column, at the first date that betrays the spreadsheet. */
static void dates_finish(reader *r, const char *file, const bundle_table *t)
{
	for (size_t j = 0; j < t->n_columns; j++) {
		date_col *dc = &r->dates[j];
		char *label = column_label(&t->columns[j]);
		size_t from = r->diag->n;
		if (dc->month_first) {
			diag_error(r->diag, file, dc->mf_line,
			           _("%s: %d of the %d dates of this column cannot be day/month/year "
			             "but can be month/day/year, the first '%s': the computer that "
			             "saved the file puts the month first (an English or US date "
			             "setting), so any date of the column may have its day and month "
			             "swapped (12/03/2026 saved as 03/12/2026) and none of them was "
			             "accepted. Set the computer's date format to Vietnamese "
			             "(dd/mm/yyyy) and save the file again, or format the column as "
			             "Text and type the dates as dd/mm/yyyy"),
			           label, dc->month_first, dc->n, dc->mf_text);
			diag_locate(r->diag, from, dc->mf_line, dc->mf_row, NULL);
		} else if (dc->short_year) {
			diag_error(r->diag, file, dc->sy_line,
			           _("%s: %d of the %d dates of this column have a two-digit year, "
			             "the first '%s': a spreadsheet program rewrote them in the "
			             "computer's short date format, which may also have swapped day "
			             "and month, so none of the dates of this column was accepted. "
			             "Format the column as dd/mm/yyyy (or as Text) with the "
			             "computer's date setting Vietnamese, and save the file again"),
			           label, dc->short_year, dc->n, dc->sy_text);
			diag_locate(r->diag, from, dc->sy_line, dc->sy_row, NULL);
		}
		free(label);
		free(dc->mf_text);
		free(dc->sy_text);
		memset(dc, 0, sizeof *dc);
	}
}

/* Scores of 1000 or more without a decimal point and without a maximum:
 * wrong when every other score of the file is far smaller (42105 among
 * scores of 40 to 90 was 42.105 read by a Vietnamese number setting). */
static void scores_finish(reader *r, const char *file, const bundle_table *t, size_t before)
{
	const bundle_column *score = NULL;
	for (size_t j = 0; j < t->n_columns; j++)
		if (t->columns[j].kind == BUNDLE_SCORE)
			score = &t->columns[j];
	double top = -1;
	size_t n = bundle_schema_count(r->d, t), k = 0;
	for (size_t i = before; score && i < n; i++) {
		while (k < r->n_big && r->big[k].index < i)
			k++;
		if (k < r->n_big && r->big[k].index == i)
			continue;
		double v = bundle_schema_get_double(bundle_schema_record(r->d, t, i), score);
		if (v > top)
			top = v;
	}
	for (size_t i = 0; score && top > 0 && top < 1000 && i < r->n_big; i++) {
		double v = bundle_schema_get_double(bundle_schema_record(r->d, t, r->big[i].index), score);
		double meant = thousands_meant(v, top * 10);
		if (meant <= 0)
			continue;
		char *label = column_label(score), dot[32], comma[32];
		number_forms(meant, dot, comma);
		size_t from = r->diag->n;
		diag_error(r->diag, file, r->big[i].line,
		           _("%s: %g is far above the other scores of the file (at most %g): it "
		             "looks like %s, whose decimal point a spreadsheet program with a "
		             "Vietnamese number setting read as a thousands separator; type it "
		             "as %s or format the column as Text, and save the file again"),
		           label, v, top, dot, comma);
		diag_locate(r->diag, from, r->big[i].line, r->big[i].row, NULL);
		free(label);
	}
	r->n_big = 0;
}

/* True when heading names a column of procedures.csv (key or heading). */
/* True when heading names a column of the Vietnamese table t (procedures.csv
 * for a dich/ procedures.csv). */
static bool source_column(const bundle_table *t, const char *heading)
{
	char *f = text_fold(heading);
	bool found = false;
	for (size_t j = 0; j < t->n_columns && !found; j++) {
		char *k = text_fold(t->columns[j].key), *h = text_fold(t->columns[j].heading);
		found = !strcmp(f, k) || !strcmp(f, h);
		free(k);
		free(h);
	}
	free(f);
	return found;
}

/* For a file of dich/LANG/: the Vietnamese table it translates; else NULL. */
static const bundle_table *translated_table(const bundle_table *t)
{
	size_t n;
	if (t == bundle_schema_translation_table())
		return bundle_schema_tables(&n);
	int kind = bundle_schema_row_kind(t);
	return kind >= 0 ? bundle_schema_row_source(kind) : NULL;
}

/* Finds each schema column in the header row; col[j] = its cell index or -1. */
static void header_map(reader *r, const char *file, const bundle_table *t, const csv_row *h,
                       int *col)
{
	char *keys[MAX_COLUMNS], *headings[MAX_COLUMNS];
	for (size_t j = 0; j < t->n_columns; j++) {
		col[j] = -1;
		keys[j] = text_fold(t->columns[j].key);
		headings[j] = text_fold(t->columns[j].heading);
	}
	for (size_t i = 0; i < h->n; i++) {
		char *f = text_fold(h->cells[i]);
		if (!*f) {
			free(f);
			continue;
		}
		size_t j = 0;
		while (j < t->n_columns && strcmp(f, keys[j]) && strcmp(f, headings[j]))
			j++;
		free(f);
		if (j == t->n_columns) {
			char *shown = text_cell(h->cells[i]);
			const bundle_table *src = translated_table(t);
			if (src && source_column(src, h->cells[i]))
				diag_error(r->diag, file, h->line,
				           _("column '%s' is not translated: it is the same in every "
				             "language (remove it from this file)"),
				           shown);
			else
				diag_warning(r->diag, file, h->line, _("unknown column '%s' (ignored)"),
				             shown);
			free(shown);
		} else if (col[j] >= 0) {
			char *label = column_label(&t->columns[j]);
			diag_error(r->diag, file, h->line, _("column %s appears twice"), label);
			free(label);
		} else {
			col[j] = (int)i;
		}
	}
	for (size_t j = 0; j < t->n_columns; j++) {
		if (col[j] < 0 && t->columns[j].required) {
			char *label = column_label(&t->columns[j]);
			diag_error(r->diag, file, h->line, _("required column %s is missing"),
			           label);
			free(label);
		}
		free(keys[j]);
		free(headings[j]);
	}
}

/* The procedure code of a record (its code or code reference cell), to name
 * the record in a message; NULL when it has none. Caller frees. */
static char *row_code(const bundle_table *t, const csv_row *row, const int *col)
{
	for (size_t j = 0; j < t->n_columns; j++) {
		bundle_kind k = t->columns[j].kind;
		if ((k == BUNDLE_CODE || k == BUNDLE_CODE_REF) && col[j] >= 0 &&
		    (size_t)col[j] < row->n) {
			char *code = text_cell(row->cells[col[j]]);
			if (*code)
				return code;
			free(code);
		}
	}
	return NULL;
}

/* Refuses a cell with a control character (value_clean), naming its column
 * and the record's procedure. */
static bool cell_clean(reader *r, const char *file, const bundle_table *t, const csv_row *row,
                       const int *col, const bundle_column *c, const char *v)
{
	bool multi_line = c->kind == BUNDLE_TEXT || bundle_kind_is_list(c->kind);
	if (!text_find_control(v, multi_line, NULL))
		return true;
	char *label = column_label(c), *code = row_code(t, row, col);
	char *what = code ? xasprintf(_("%s of procedure %s"), label, code) : NULL;
	value_clean(r, file, row->line, what ? what : label, v, multi_line);
	free(what);
	free(code);
	free(label);
	return false;
}

/* Warns about the characters of v that no installed font has: the kiosk
 * and the sheet would show an empty box. Once per character a file. */
static void cell_glyphs(reader *r, const char *file, const bundle_table *t, const csv_row *row,
                        const int *col, const bundle_column *c, const char *v)
{
	if (!r->opts->glyphs)
		return;
	if (r->glyph_file != file) {
		r->glyph_file = file;
		r->n_glyph_said = 0;
	}
	const unsigned char *p = (const unsigned char *)v;
	while (*p) {
		if (*p < 0x80) { /* Noto Sans has every printable ASCII character */
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0)
			return; /* NFC-normalised already: cannot happen */
		p += n;
		if (!r->fonts)
			r->fonts = font_fallback_new(paths_fontdir());
		if (font_fallback_find(r->fonts, (uint32_t)cp) >= 0)
			continue;
		/* One line for a script (its first character), not one a letter. */
		const char *script = font_fallback_script((uint32_t)cp);
		const void *key = script ? (const void *)script : (const void *)(uintptr_t)(cp + 1);
		size_t k = 0;
		while (k < r->n_glyph_said && r->glyph_said[k] != key)
			k++;
		if (k < r->n_glyph_said || r->n_glyph_said == MAX_GLYPH_WARNINGS)
			continue;
		r->glyph_said[r->n_glyph_said++] = key;
		char *label = column_label(c), *code = row_code(t, row, col);
		char *what = code ? xasprintf(_("%s of procedure %s"), label, code) : xstrdup(label);
		char *name = script ? xasprintf("U+%04X (%s)", (unsigned)cp, script)
		                    : xasprintf("U+%04X", (unsigned)cp);
		diag_warning(r->diag, file, row->line,
		             _("%s: no installed font can draw the character %s; the kiosk and the "
		               "sheet would show an empty box: install a font for its script (e.g. "
		               "fonts-noto-core) or write the text without it"),
		             what, name);
		free(name);
		free(what);
		free(code);
		free(label);
	}
}

static void row_read(reader *r, const char *file, const bundle_table *t, const csv_row *row,
                     const int *col)
{
	bool blank = true;
	for (size_t i = 0; i < row->n && blank; i++)
		blank = cell_blank(row->cells[i]);
	if (blank)
		return;
	/* Every message about the record names its spreadsheet row and its
	 * procedure (diag_locate). */
	size_t from = r->diag->n;
	r->row = row->record;
	memset(r->whole, 0, sizeof r->whole);
	void *rec = t->add(r->d);
	for (size_t j = 0; j < t->n_columns; j++)
		if (t->columns[j].kind == BUNDLE_MAX)
			*bundle_schema_double(rec, &t->columns[j]) = -1;
	for (size_t j = 0; j < t->n_columns; j++) {
		const bundle_column *c = &t->columns[j];
		if (col[j] < 0)
			continue;
		const char *cell = (size_t)col[j] < row->n ? row->cells[col[j]] : "";
		char *v = text_cell(cell);
		if (!*v) {
			if (c->required) {
				char *label = column_label(c);
				diag_error(r->diag, file, row->line, _("%s is required but empty"),
				           label);
				free(label);
			}
			free(v);
			continue;
		}
		if (!cell_clean(r, file, t, row, col, c, v)) {
			free(v);
			continue;
		}
		cell_glyphs(r, file, t, row, col, c, v);
		cell_store(r, file, row->line, c, rec, v);
	}
	record_check(r, file, row->line, t, rec, col);
	char *code = row_code(t, row, col);
	diag_locate(r->diag, from, row->line, row->record, code);
	free(code);
}

/* Every column of t that identifies a record (its code) is in the header. */
static bool key_columns_found(const bundle_table *t, const int *col)
{
	for (size_t j = 0; j < t->n_columns; j++)
		if (t->columns[j].kind == BUNDLE_CODE && col[j] < 0)
			return false;
	return true;
}

/* Reads one table; r->table_complete tells whether every record was read
 * (the file was there, readable, parsed to its end, with its key columns). */
static void table_read_at(reader *r, const bundle_table *t, int dirfd, const char *name,
                          const char *found);

static void table_read(reader *r, const bundle_table *t)
{
	r->table_complete = false;
	const char *found = root_find(r, t->file);
	if (!found) {
		if (t->required)
			diag_error(r->diag, t->file, 0,
			           _("required file is missing from the bundle"));
		return;
	}
	table_read_at(r, t, r->fd, found, found);
}

/* Reads table t from the file name in folder dirfd, reported as found
 * (its path in the bundle). */
static void table_read_at(reader *r, const bundle_table *t, int dirfd, const char *name,
                          const char *found)
{
	assert(t->n_columns <= MAX_COLUMNS);
	r->table_complete = false;
	size_t n_tables;
	bool procs = t == bundle_schema_tables(&n_tables);
	const size_t limit = procs ? BUNDLE_MAX_PROCS_CSV : BUNDLE_MAX_CSV;
	char *buf;
	size_t len;
	if (!read_at(r, dirfd, name, found, limit, found, 0, &buf, &len))
		return;
	if (!decode(r, found, limit, &buf, &len)) {
		free(buf);
		return;
	}
	r->text += len;
	if (r->text > BUNDLE_MAX_TEXT) {
		diag_error(r->diag, found, 0,
		           _("the CSV files of the bundle together are larger than the limit of "
		             "%u MiB; this file was not read"),
		           BUNDLE_MAX_TEXT / MIB);
		free(buf);
		return;
	}
	/* One record at a time: what stays in memory is the file's bytes and
	 * the records kept, never every row of the file at once. */
	csv_reader cr;
	csv_reader_init(&cr, buf, len, BUNDLE_MAX_CELL, MAX_ROW_CELLS);
	int err_line = 0;
	const csv_row *row;
	csv_error err = csv_next(&cr, &row, &err_line);
	int col[MAX_COLUMNS];
	size_t before = bundle_schema_count(r->d, t), errors = r->diag->errors;
	r->table = t;
	r->n_big = 0;
	r->n_lines = 0;
	const size_t max_records = procs ? BUNDLE_MAX_PROCS : BUNDLE_MAX_RECORDS;
	bool header = err == CSV_OK && row, cut = false;
	r->items = 0;
	if (header) {
		size_t from = r->diag->n;
		header_map(r, found, t, row, col);
		diag_locate(r->diag, from, row->line, row->record, NULL);
		while ((err = csv_next(&cr, &row, &err_line)) == CSV_OK && row) {
			/* A file within the size limit can still hold millions of
			 * bad rows: stop before their records and messages fill
			 * the memory of a small kiosk. */
			size_t at = r->diag->n;
			if (bundle_schema_count(r->d, t) - before >= max_records) {
				if (procs)
					diag_error(r->diag, found, row->line,
					           _("more than the limit of %d procedures; the "
					             "rest of the file was not read"),
					           BUNDLE_MAX_PROCS);
				else
					diag_error(r->diag, found, row->line,
					           _("more than the limit of %d records in a "
					             "file; the rest of the file was not read"),
					           BUNDLE_MAX_RECORDS);
				diag_locate(r->diag, at, row->line, row->record, NULL);
				cut = true;
				break;
			}
			if (r->diag->errors - errors >= MAX_FILE_ERRORS ||
			    r->items > MAX_FILE_ITEMS) {
				diag_error(r->diag, found, row->line,
				           _("too many records or problems; the rest of the file was "
				             "not checked"));
				diag_locate(r->diag, at, row->line, row->record, NULL);
				cut = true;
				break;
			}
			size_t had = bundle_schema_count(r->d, t);
			row_read(r, found, t, row, col);
			if (bundle_schema_count(r->d, t) > had) {
				r->lines = xgrow(r->lines, &r->cap_lines, r->n_lines + 1,
				                 sizeof *r->lines);
				r->lines[r->n_lines++] = row->line;
			}
		}
		dates_finish(r, found, t);
		scores_finish(r, found, t, before);
	}
	int err_row = cr.record;
	csv_reader_free(&cr);
	free(buf);
	size_t from = r->diag->n;
	switch (err) {
	case CSV_OK:
		break;
	case CSV_UNTERMINATED_QUOTE:
		diag_error(r->diag, found, err_line,
		           _("a quoted cell starts here and is never closed (a missing '\"')"));
		break;
	case CSV_BAD_QUOTE:
		diag_error(
		    r->diag, found, err_line,
		    _("text after the closing '\"' of a cell; write a quote inside a cell as "
		      "'\"\"'"));
		break;
	case CSV_CELL_TOO_LONG:
		diag_error(r->diag, found, err_line, _("a cell is longer than the limit of %u KiB"),
		           BUNDLE_MAX_CELL >> 10);
		break;
	case CSV_TOO_MANY_CELLS:
		diag_error(r->diag, found, err_line,
		           _("a row has more than %d cells; remove the extra columns"),
		           MAX_ROW_CELLS);
		break;
	}
	diag_locate(r->diag, from, err_line, err_row, NULL);
	if (!header) {
		if (err == CSV_OK)
			diag_error(r->diag, found, 0,
			           _("the file is empty; it needs at least a header row"));
		return;
	}
	if (t->required && err == CSV_OK && bundle_schema_count(r->d, t) == before)
		diag_error(r->diag, found, 0,
		           _("the file has a header row but no records"));
	r->table_complete = err == CSV_OK && !cut && key_columns_found(t, col);
}

/* The procedure with code, as an index into r->d->procs through the
 * sorted index ix (by code); -1 when there is none. */
static long proc_find(const catalog_data *d, const size_t *ix, const char *code)
{
	size_t lo = 0, hi = d->n_procs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->procs[ix[mid]].code ? d->procs[ix[mid]].code : "", code);
		if (c < 0)
			lo = mid + 1;
		else if (c > 0)
			hi = mid;
		else
			return (long)ix[mid];
	}
	return -1;
}

static const catalog_data *sort_ctx;
static int cmp_proc_ix(const void *a, const void *b)
{
	const procedure *x = &sort_ctx->procs[*(const size_t *)a],
	                *y = &sort_ctx->procs[*(const size_t *)b];
	return strcmp(x->code ? x->code : "", y->code ? y->code : "");
}

/* A repealed procedure may name the one that replaces it: that one must be
 * in the bundle and in force, so a citizen who follows the button never
 * lands on another repealed procedure or goes round in a circle. Runs once
 * procedures.csv is read whole (r->lines holds each record's line). */
static void replacements_check(reader *r, const char *file)
{
	const catalog_data *d = r->d;
	if (r->n_lines != d->n_procs)
		return;
	size_t *ix = xcalloc(d->n_procs + 1, sizeof *ix);
	for (size_t i = 0; i < d->n_procs; i++)
		ix[i] = i;
	sort_ctx = d;
	qsort(ix, d->n_procs, sizeof *ix, cmp_proc_ix);
	for (size_t i = 0; i < d->n_procs; i++) {
		const procedure *p = &d->procs[i];
		int line = r->lines[i];
		if (str_empty(p->replaced_by) || str_empty(p->code))
			continue;
		if (!procedure_repealed(p->status)) {
			diag_error(r->diag, file, line,
			           _("procedure %s names %s in 'Thay thế bởi' (ma_thu_tuc_thay_the), "
			             "but its 'Tình trạng' (trang_thai) is not 'bãi bỏ'; only a repealed "
			             "procedure is replaced"),
			           p->code, p->replaced_by);
			continue;
		}
		if (!strcmp(p->replaced_by, p->code)) {
			diag_error(r->diag, file, line,
			           _("procedure %s is replaced by itself; write the code of the "
			             "procedure that replaces it"),
			           p->code);
			continue;
		}
		long k = proc_find(d, ix, p->replaced_by);
		if (k < 0) {
			diag_error(r->diag, file, line,
			           _("procedure %s is replaced by %s, but there is no procedure with "
			             "code %s in procedures.csv"),
			           p->code, p->replaced_by, p->replaced_by);
			continue;
		}
		if (!procedure_repealed(d->procs[k].status))
			continue;
		/* Following the chain: back to p is a circle. */
		bool circle = false;
		long at = k;
		for (size_t step = 0; step < d->n_procs && at >= 0 && !circle; step++) {
			const procedure *q = &d->procs[at];
			if (str_empty(q->replaced_by) || !procedure_repealed(q->status))
				break;
			circle = !strcmp(q->replaced_by, p->code);
			at = proc_find(d, ix, q->replaced_by);
		}
		if (circle)
			diag_error(r->diag, file, line,
			           _("procedure %s is replaced by %s, which leads back to %s: the "
			             "replacements go round in a circle"),
			           p->code, p->replaced_by, p->code);
		else
			diag_error(r->diag, file, line,
			           _("procedure %s is replaced by %s, which is itself repealed ('bãi "
			             "bỏ'); write the code of the procedure in force"),
			           p->code, p->replaced_by);
	}
	free(ix);
}

typedef struct place_key {
	char *key;
	size_t i;
} place_key;

static int cmp_place_key(const void *a, const void *b)
{
	const place_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The same old place twice (by its folded name and old district) would
 * show two answers for one name. */
static void places_check(reader *r, const char *file)
{
	const catalog_data *d = r->d;
	if (r->n_lines != d->n_places || !file)
		return;
	place_key *k = xcalloc(d->n_places + 1, sizeof *k);
	for (size_t i = 0; i < d->n_places; i++) {
		char *a = text_fold(d->places[i].old_name ? d->places[i].old_name : "");
		char *b = text_fold(d->places[i].old_district ? d->places[i].old_district : "");
		k[i] = (place_key){xasprintf("%s\t%s", a, b), i};
		free(a);
		free(b);
	}
	qsort(k, d->n_places, sizeof *k, cmp_place_key);
	for (size_t j = 1; j < d->n_places; j++)
		if (!strcmp(k[j].key, k[j - 1].key)) {
			const place *x = &d->places[k[j].i];
			diag_error(r->diag, file, r->lines[k[j].i],
			           _("'%s' is listed twice: lines %d and %d"),
			           x->old_name ? x->old_name : "", r->lines[k[j - 1].i],
			           r->lines[k[j].i]);
		}
	for (size_t i = 0; i < d->n_places; i++)
		free(k[i].key);
	free(k);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of the folder fd (closed), sorted; NULL names are never returned. */
static size_t folder_entries(int fd, char ***out)
{
	DIR *dir = fdopendir(fd);
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while (dir && (de = readdir(dir)) && n < MAX_FOLDER_ENTRIES) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap)
			v = xrealloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
		v[n++] = xstrdup(de->d_name);
	}
	if (dir)
		closedir(dir);
	else
		close(fd);
	/* Sorted with qsort: a stick may hold 100,000 names in any order. */
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_entry);
	*out = v;
	return n;
}

/* The records whose key columns hold what x's do: how many (0, 1, or 2 for
 * "more than one"), the first in bundle order in *at. */
static int row_matches(const bundle_row_key *keys, size_t n, const row_translation *x, size_t *at)
{
	bundle_row_key want = {x->key ? x->key : "", x->key2 ? x->key2 : "", 0};
	size_t lo = 0, hi = n;
	while (lo < hi) { /* the first key >= want */
		size_t mid = (lo + hi) / 2;
		if (bundle_row_key_cmp(&keys[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int found = 0;
	for (size_t i = lo; i < n && found < 2 && !bundle_row_key_cmp(&keys[i], &want); i++) {
		if (!found || keys[i].i < *at)
			*at = keys[i].i;
		found++;
	}
	return found;
}

/* The rows just read from dich/LANG/FILE into tmp->tr_rows: each must name
 * one Vietnamese record of the bundle (d), and no record twice. Those that
 * do are moved to t. */
static void rows_resolve(reader *r, catalog_data *tmp, int kind, const char *file, translation *t)
{
	const bundle_table *tt = bundle_schema_row_table(kind);
	const bundle_table *src = bundle_schema_row_source(kind);
	char *l1 = column_label(&tt->columns[0]), *l2 = column_label(&tt->columns[1]);
	size_t *taken = xcalloc(bundle_schema_count(r->d, src) + 1, sizeof *taken); /* line + 1 */
	size_t n_keys;
	bundle_row_key *keys = bundle_schema_row_keys(r->d, kind, &n_keys);
	t->rows[kind] = xcalloc(tmp->n_tr_rows + 1, sizeof *t->rows[kind]);
	for (size_t i = 0; i < tmp->n_tr_rows; i++) {
		row_translation *x = &tmp->tr_rows[i];
		int line = i < r->n_lines ? r->lines[i] : 0;
		if (str_empty(x->key) || str_empty(x->key2)) {
			row_translation_clear(x); /* said already: a required cell is empty */
			continue;
		}
		size_t at = 0;
		int found = row_matches(keys, n_keys, x, &at);
		char *v1 = text_escape(x->key, false), *v2 = text_escape(x->key2, false);
		if (found == 0)
			diag_error(r->diag, file, line,
			           _("%s has no row whose %s is '%s' and whose %s is '%s'; when the "
			             "Vietnamese was changed, make the template again (motcua export "
			             "--template)"),
			           src->file, l1, v1, l2, v2);
		else if (found > 1)
			diag_error(r->diag, file, line,
			           _("%s has more than one row whose %s is '%s' and whose %s is '%s': "
			             "the translation cannot say which it is"),
			           src->file, l1, v1, l2, v2);
		else if (taken[at])
			diag_error(r->diag, file, line, _("the same row is translated on line %zu"),
			           taken[at] - 1);
		free(v1);
		free(v2);
		if (found != 1 || taken[at]) {
			row_translation_clear(x);
			continue;
		}
		taken[at] = (size_t)line + 1;
		x->row = at;
		t->rows[kind][t->n_rows[kind]++] = *x;
		memset(x, 0, sizeof *x);
	}
	tmp->n_tr_rows = 0;
	free(keys);
	free(taken);
	free(l1);
	free(l2);
}

/* Which file of a language folder name is: -1 procedures.csv, a TR_ kind,
 * or TR_KINDS for none. */
static int translation_file(const char *name)
{
	if (!strcasecmp(name, "procedures.csv"))
		return -1;
	for (int k = 0; k < TR_KINDS; k++)
		if (!strcasecmp(name, bundle_schema_row_table(k)->file))
			return k;
	return TR_KINDS;
}

/* The same procedure twice in one translation: one of the two texts
 * would be lost without a word, whichever the kiosk met first. */
static void translation_dups(reader *r, const catalog_data *t, const char *file)
{
	if (r->n_lines != t->n_procs)
		return;
	place_key *k = xcalloc(t->n_procs + 1, sizeof *k);
	for (size_t i = 0; i < t->n_procs; i++)
		k[i] = (place_key){xstrdup(t->procs[i].code ? t->procs[i].code : ""), i};
	qsort(k, t->n_procs, sizeof *k, cmp_place_key);
	for (size_t j = 1; j < t->n_procs; j++)
		if (*k[j].key && !strcmp(k[j].key, k[j - 1].key))
			diag_error(r->diag, file, r->lines[k[j].i],
			           _("procedure %s is translated twice: lines %d and %d"), k[j].key,
			           r->lines[k[j - 1].i], r->lines[k[j].i]);
	for (size_t i = 0; i < t->n_procs; i++)
		free(k[i].key);
	free(k);
}

/* dich/LANG/: one language's translation. procedures.csv is read like
 * procedures.csv into a catalogue of its own, news.csv, hotlines.csv and
 * faq.csv row by row; then kept as d's translation. */
static void translation_read(reader *r, int dirfd, const char *lang, const char *shown_dir)
{
	int fd = openat(dirfd, lang, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		diag_error(r->diag, shown_dir, 0,
		           _("%s: not a folder; dich/ holds one folder a language, named by its "
		             "code (e.g. dich/hmn/)"),
		           shown_dir);
		return;
	}
	char **names;
	size_t n = folder_entries(dup(fd), &names);
	catalog_data tmp = {0}, *saved = r->d;
	translation t = {.lang = xstrdup(lang)};
	bool have[TR_KINDS + 1] = {false}, any = false;
	for (size_t i = 0; i < n; i++) {
		char *shown = xasprintf("%s/%s", shown_dir, names[i]);
		int kind = translation_file(names[i]);
		bool *seen = &have[kind < 0 ? TR_KINDS : kind];
		if (kind < TR_KINDS && !*seen) {
			*seen = any = true;
			r->d = &tmp;
			table_read_at(r, kind < 0 ? bundle_schema_translation_table() : bundle_schema_row_table(kind),
			              fd, names[i], shown);
			if (kind < 0)
				translation_dups(r, &tmp, shown);
			r->d = saved;
			if (kind >= 0)
				rows_resolve(r, &tmp, kind, shown, &t);
		} else {
			diag_warning(r->diag, shown, 0,
			             _("unknown file (ignored); a language folder holds procedures.csv, "
			               "news.csv, hotlines.csv and faq.csv"));
		}
		free(shown);
		free(names[i]);
	}
	free(names);
	close(fd);
	if (!any)
		diag_warning(r->diag, shown_dir, 0,
		             _("the folder has no procedures.csv, news.csv, hotlines.csv or faq.csv; "
		               "nothing is translated"));
	t.procs = tmp.procs;
	t.n_procs = tmp.n_procs;
	t.cap_procs = tmp.cap_procs;
	tmp.procs = NULL;
	tmp.n_procs = 0;
	catalog_data_clear(&tmp);
	size_t rows = 0;
	for (int k = 0; k < TR_KINDS; k++)
		rows += t.n_rows[k];
	catalog_data *d = r->d;
	if (t.n_procs == 0 && rows == 0) {
		translation_clear(&t);
		return;
	}
	if (d->n_translations == d->cap_translations) {
		d->cap_translations = d->cap_translations ? 2 * d->cap_translations : 4;
		d->translations = xrealloc(d->translations, d->cap_translations * sizeof *d->translations);
	}
	d->translations[d->n_translations++] = t;
}

/* The bundle's dich/ folder: a folder a language (its ISO 639 code). */
static void translations_read(reader *r)
{
	const char *found = root_find(r, BUNDLE_TRANSLATIONS);
	if (!found)
		return;
	int fd = openat(r->fd, found, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		diag_error(r->diag, found, 0, _("%s: not a folder; leave it out or put a folder a "
		                                "language in it"),
		           found);
		return;
	}
	char **names;
	size_t n = folder_entries(dup(fd), &names);
	size_t langs = 0;
	bool over = false;
	for (size_t i = 0; i < n; i++) {
		if (over) {
			free(names[i]);
			continue;
		}
		char *shown = xasprintf("%s/%s", found, names[i]);
		bool dup_lang = false;
		for (size_t k = 0; k < r->d->n_translations; k++)
			dup_lang |= !strcmp(r->d->translations[k].lang, names[i]);
		if (!i18n_code_valid(names[i]) || !strcmp(names[i], "vi") || dup_lang) {
			char *esc = text_escape(names[i], false);
			diag_error(r->diag, shown, 0,
			           _("'%s' is not a language code: name the folder by the language's "
			             "ISO 639 code in lower case (hmn for H'Mông, blt for Tai Dam); "
			             "Vietnamese is the catalogue itself"),
			           esc);
			free(esc);
		} else if (langs == BUNDLE_MAX_LANGS) {
			/* Memory is bounded by records, not bytes (bundle.h). */
			diag_error(r->diag, shown, 0,
			           _("more than %d languages in %s; the rest were not read"), BUNDLE_MAX_LANGS,
			           found);
			over = true;
		} else {
			translation_read(r, fd, names[i], shown);
			langs++;
			size_t records = 0;
			for (size_t k = 0; k < r->d->n_translations; k++) {
				records += r->d->translations[k].n_procs;
				for (int kind = 0; kind < TR_KINDS; kind++)
					records += r->d->translations[k].n_rows[kind];
			}
			if (records > BUNDLE_MAX_TRANSLATED) {
				diag_error(r->diag, shown, 0,
				           _("more than %d translated records in %s together; the rest were "
				             "not read"),
				           BUNDLE_MAX_TRANSLATED, found);
				over = true;
			}
		}
		free(shown);
		free(names[i]);
	}
	free(names);
	close(fd);
}

bool bundle_read(const char *dir, const bundle_opts *opts, catalog_data *d, diag_list *diag)
{
	assert(dir && opts && d && diag);
	size_t errors = diag->errors;
	reader r = {.dir = dir, .opts = opts, .d = d, .diag = diag, .fd = -1};
	r.forms.name = "forms";
	r.images.name = "images";
	r.audio.name = "audio";
	r.fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (r.fd < 0) {
		diag_error(diag, dir, 0, _("cannot open the bundle folder: %s"), strerror(errno));
		return false;
	}
	/* A signed bundle is trusted only once verified: nothing else is read
	 * from a bundle whose signature fails. */
	signature_manifest manifest = {0};
	if (opts->public_key && *opts->public_key) {
		char *comment = NULL;
		if (!signature_verify_bundle_manifest(dir, opts->public_key, &comment, &manifest,
		                                      diag)) {
			free(comment);
			close(r.fd);
			return false;
		}
		/* The comment is shown to staff on screen and in `check`. */
		d->info.signer = comment ? text_escape(comment, false) : NULL;
		free(comment);
		r.manifest = &manifest;
	}
	root_list(&r);
	const char *sums = root_find(&r, "SHA256SUMS");
	if (sums && !(opts->public_key && *opts->public_key))
		diag_warning(diag, sums, 0,
		             _("the bundle is signed but no public key is configured, so the "
		               "signature was not checked"));
	ini_read(&r);
	size_t n_tables;
	const bundle_table *tables = bundle_schema_tables(&n_tables);
	for (size_t i = 0; i < n_tables; i++) {
		table_read(&r, &tables[i]);
		if (i == 0) {
			const char *found = root_find(&r, tables[0].file);
			if (found)
				codes_finish(&r, found);
			if (found && r.table_complete)
				replacements_check(&r, found);
			/* References are checked only against a table read whole:
			 * else every one would repeat the table's one cause. */
			r.have_codes = r.table_complete && d->n_procs > 0;
		}
		if (!strcmp(tables[i].file, "dia_ban.csv") && r.table_complete)
			places_check(&r, root_find(&r, tables[i].file));
	}
	translations_read(&r);

	for (size_t i = 0; i < r.n_root; i++)
		free(r.root[i]);
	free(r.root);
	folder_close(&r.forms);
	folder_close(&r.images);
	folder_close(&r.audio);
	for (size_t i = 0; i < r.n_bad; i++) {
		free(r.bad[i].name);
		free(r.bad[i].message);
	}
	free(r.bad);
	free(r.big);
	free(r.codes);
	free(r.lines);
	signature_manifest_clear(&manifest);
	font_fallback_free(r.fonts);
	close(r.fd);
	return diag->errors == errors;
}
