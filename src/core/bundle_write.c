/* bundle_write — the catalogue as a canonical bundle (export).
 *
 * Canonical means one spelling for every catalogue: UTF-8 without BOM, ','
 * delimiter, LF, every column of the schema in its fixed order under its
 * ASCII key, numbers in their shortest exact form. Reading such a bundle and
 * writing it again gives the same bytes, which is what lets staff diff two
 * exports. */
#include "bundle.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle_schema.h"
#include "csv.h"
#include "i18n.h"
#include "xalloc.h"

typedef struct buf {
	char *s;
	size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The shortest fixed-point form that reads back as the same double; never an
 * exponent, which the reader (like a person) would not accept. A tiny score
 * read from a long fraction needs as many decimals (the smallest double
 * needs ~340), so the search goes that far. */
static void number_format(double v, char *out, size_t n)
{
	for (int p = 0; p <= 400; p++) {
		int k = snprintf(out, n, "%.*f", p, v);
		if (k > 0 && (size_t)k < n && strtod(out, NULL) == v)
			return;
	}
	snprintf(out, n, "%.17g", v);
}

static void cell_format(buf *b, const void *rec, const bundle_column *c)
{
	char num[512];
	if (bundle_kind_is_list(c->kind)) {
		const item_list *l = bundle_schema_get_list(rec, c);
		for (size_t i = 0; i < l->n; i++) {
			if (i)
				buf_str(b, "\n");
			buf_str(b, l->v[i].text ? l->v[i].text : "");
			if (!str_empty(l->v[i].extra)) {
				buf_str(b, " | ");
				buf_str(b, l->v[i].extra);
			}
		}
	} else if (bundle_kind_is_int(c->kind)) {
		int v = bundle_schema_get_int(rec, c);
		if (v) {
			snprintf(num, sizeof num, "%d", v);
			buf_str(b, num);
		}
	} else if (bundle_kind_is_double(c->kind)) {
		double v = bundle_schema_get_double(rec, c);
		if (c->kind == BUNDLE_SCORE || v >= 0) {
			number_format(v, num, sizeof num);
			buf_str(b, num);
		}
	} else {
		const char *s = bundle_schema_get_str(rec, c);
		buf_str(b, s ? s : "");
	}
}

/* True when some record of t in d has a value in column c. */
static bool column_used(const catalog_data *d, const bundle_table *t, const bundle_column *c,
                        buf *cell)
{
	size_t n = bundle_schema_count(d, t);
	for (size_t i = 0; i < n; i++) {
		cell->len = 0;
		buf_add(cell, "", 0);
		cell_format(cell, bundle_schema_record(d, t, i), c);
		if (cell->len)
			return true;
	}
	return false;
}

static void table_format(buf *out, const catalog_data *d, const bundle_table *t)
{
	buf cell = {0};
	bool write[64];
	assert(t->n_columns <= sizeof write / sizeof *write);
	bool first = true;
	for (size_t j = 0; j < t->n_columns; j++) {
		write[j] = !t->columns[j].later || column_used(d, t, &t->columns[j], &cell);
		if (!write[j])
			continue;
		if (!first)
			buf_str(out, ",");
		first = false;
		csv_write_cell(&out->s, &out->len, &out->cap, t->columns[j].key, ',');
	}
	buf_str(out, "\n");
	size_t n = bundle_schema_count(d, t);
	for (size_t i = 0; i < n; i++) {
		const void *rec = bundle_schema_record(d, t, i);
		first = true;
		for (size_t j = 0; j < t->n_columns; j++) {
			if (!write[j])
				continue;
			cell.len = 0;
			buf_add(&cell, "", 0);
			cell_format(&cell, rec, &t->columns[j]);
			if (!first)
				buf_str(out, ",");
			first = false;
			csv_write_cell(&out->s, &out->len, &out->cap, cell.s, ',');
		}
		buf_str(out, "\n");
	}
	free(cell.s);
}

/* Removes files of dirfd whose names differ from name only in case: a
 * bundle is read case-insensitively, so "Procedures.CSV" left from an older
 * copy would clash with the "procedures.csv" written now. */
static void case_variants_remove(int dirfd, const char *name)
{
	int fd2 = dup(dirfd);
	DIR *dp = fd2 < 0 ? NULL : fdopendir(fd2);
	if (!dp) {
		if (fd2 >= 0)
			close(fd2);
		return;
	}
	rewinddir(dp);
	struct dirent *e;
	while ((e = readdir(dp)))
		if (!strcasecmp(e->d_name, name) && strcmp(e->d_name, name))
			unlinkat(dirfd, e->d_name, 0);
	closedir(dp);
}

/* Writes data to dirfd/name through a temporary file and a rename, so an
 * interrupted export never leaves half a file under the real name. */
static int file_write(int dirfd, const char *shown, const char *name, const void *data, size_t len,
                      diag_list *diag)
{
	case_variants_remove(dirfd, name);
	char *tmp = xasprintf("%s.tmp", name);
	int rc = 0;
	int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		rc = -errno;
		goto fail;
	}
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -errno;
			close(fd);
			unlinkat(dirfd, tmp, 0);
			goto fail;
		}
		p += n;
		left -= (size_t)n;
	}
	if (close(fd) < 0 || renameat(dirfd, tmp, dirfd, name) < 0) {
		rc = -errno;
		unlinkat(dirfd, tmp, 0);
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	diag_error(diag, shown, 0, _("cannot write: %s"), strerror(-rc));
	free(tmp);
	return rc;
}

/* Opens (creating it if needed) the sub-folder name of dirfd, reusing one
 * whose name differs only in case. */
static int subdir_open(int dirfd, const char *dir, const char *name, diag_list *diag)
{
	const char *use = name;
	char *found = NULL;
	int fd2 = dup(dirfd);
	DIR *dp = fd2 < 0 ? NULL : fdopendir(fd2);
	if (dp) {
		rewinddir(dp);
		struct dirent *e;
		while ((e = readdir(dp)))
			if (!strcasecmp(e->d_name, name) && !found)
				found = xstrdup(e->d_name);
		closedir(dp);
	} else if (fd2 >= 0) {
		close(fd2);
	}
	if (found)
		use = found;
	else if (mkdirat(dirfd, name, 0755) < 0 && errno != EEXIST)
		goto fail;
	int fd = openat(dirfd, use, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	free(found);
	return fd;
fail:;
	int rc = -errno;
	diag_error(diag, dir, 0, _("cannot create the folder %s: %s"), name, strerror(errno));
	free(found);
	return rc;
}

/* The folders a blob may live in, as the reader names them. */
static const char *const blob_folders[] = {"forms", "images", "audio"};
#define N_BLOB_FOLDERS (sizeof blob_folders / sizeof *blob_folders)

/* A blob name the reader could have produced: "forms/x", "images/x" or
 * "audio/x", one plain file name; *k gets the folder's index. Anything else
 * came from a damaged catalogue. */
static bool blob_name_ok(const char *name, size_t *k, const char **file)
{
	const char *slash = strchr(name, '/');
	if (!slash)
		return false;
	size_t n = (size_t)(slash - name);
	*k = N_BLOB_FOLDERS;
	for (size_t i = 0; i < N_BLOB_FOLDERS; i++)
		if (strlen(blob_folders[i]) == n && !strncmp(name, blob_folders[i], n))
			*k = i;
	if (*k == N_BLOB_FOLDERS)
		return false;
	*file = slash + 1;
	return **file && !strchr(*file, '/') && strcmp(*file, ".") && strcmp(*file, "..");
}

/* The rows of one dich/LANG/ file of kind, with their key columns filled
 * from the Vietnamese records of d they translate; NULL text ones empty. */
static void rows_keyed(const catalog_data *d, int kind, const row_translation *rows, size_t n,
                       catalog_data *view)
{
	const bundle_table *src = bundle_schema_row_source(kind);
	size_t count = bundle_schema_count(d, src);
	const bundle_column *k1 = bundle_schema_row_source_column(kind, 0);
	const bundle_column *k2 = bundle_schema_row_source_column(kind, 1);
	for (size_t i = 0; i < n; i++) {
		if (rows[i].row >= count)
			continue;
		const void *rec = bundle_schema_record(d, src, rows[i].row);
		row_translation *x = catalog_data_add_tr_row(view);
		x->key = xstrdup(bundle_schema_get_str(rec, k1));
		x->key2 = xstrdup(bundle_schema_get_str(rec, k2));
		for (size_t j = 0; j < sizeof x->text / sizeof *x->text; j++)
			x->text[j] = xstrdup(rows[i].text[j]);
		x->row = rows[i].row;
	}
}

/* dir/dich/LANG/: procedures.csv from procs (the code and the translatable
 * columns), and news.csv, hotlines.csv, faq.csv from rows[k] (NULL: none)
 * keyed by d's Vietnamese records; a file only when it has rows. */
static int translation_write(int dirfd, const char *dir, const char *lang, procedure *procs, size_t n,
                             const catalog_data *d, row_translation *const rows[TR_KINDS],
                             const size_t n_rows[TR_KINDS], diag_list *diag)
{
	int dich = subdir_open(dirfd, dir, BUNDLE_TRANSLATIONS, diag);
	if (dich < 0)
		return dich;
	char *dich_shown = xasprintf("%s/%s", dir, BUNDLE_TRANSLATIONS);
	int fd = subdir_open(dich, dich_shown, lang, diag);
	int rc = fd;
	if (fd >= 0) {
		rc = 0;
		buf b = {0};
		if (n) {
			catalog_data view = {.procs = procs, .n_procs = n};
			table_format(&b, &view, bundle_schema_translation_table());
			char *shown = xasprintf("%s/%s/procedures.csv", dich_shown, lang);
			rc = file_write(fd, shown, "procedures.csv", b.s, b.len, diag);
			free(shown);
		}
		for (int k = 0; k < TR_KINDS && !rc; k++) {
			if (!n_rows[k])
				continue;
			catalog_data view = {0};
			rows_keyed(d, k, rows[k], n_rows[k], &view);
			const bundle_table *t = bundle_schema_row_table(k);
			b.len = 0;
			table_format(&b, &view, t);
			char *shown = xasprintf("%s/%s/%s", dich_shown, lang, t->file);
			rc = file_write(fd, shown, t->file, b.s, b.len, diag);
			free(shown);
			catalog_data_clear(&view);
		}
		free(b.s);
		close(fd);
	}
	free(dich_shown);
	close(dich);
	return rc;
}

/* Makes (when missing) and opens the export folder dir. Returns its fd, or
 * a negative errno with the reason in diag. */
static int out_folder_open(const char *dir, diag_list *diag)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		int rc = -errno;
		diag_error(diag, dir, 0, _("cannot create the export folder: %s"), strerror(errno));
		return rc;
	}
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		int rc = -errno;
		diag_error(diag, dir, 0, _("cannot open the export folder: %s"), strerror(errno));
		return rc;
	}
	return dirfd;
}

int bundle_write(const char *dir, const catalog_data *d, diag_list *diag)
{
	int dirfd = out_folder_open(dir, diag);
	if (dirfd < 0)
		return dirfd;
	int rc = 0;
	buf b = {0};
	char num[32];
	snprintf(num, sizeof num, "%ld", d->info.version);
	const char *ini[][2] = {{BUNDLE_INI_UNIT, d->info.unit},
	                        {BUNDLE_INI_VERSION, num},
	                        {BUNDLE_INI_DATE, d->info.date},
	                        {BUNDLE_INI_AUTHOR, d->info.author}};
	buf_str(&b, "[bundle]\n");
	for (size_t i = 0; i < sizeof ini / sizeof *ini; i++) {
		buf_str(&b, ini[i][0]);
		buf_str(&b, " = ");
		buf_str(&b, ini[i][1] ? ini[i][1] : "");
		buf_str(&b, "\n");
	}
	char *shown = xasprintf("%s/%s", dir, BUNDLE_INI);
	rc = file_write(dirfd, shown, BUNDLE_INI, b.s, b.len, diag);
	free(shown);

	size_t n_tables;
	const bundle_table *tables = bundle_schema_tables(&n_tables);
	for (size_t i = 0; i < n_tables && !rc; i++) {
		/* dia_ban.csv came later than the others: a catalogue without
		 * old place names exports as the bundle it was made from. */
		if (!strcmp(tables[i].file, "dia_ban.csv") && bundle_schema_count(d, &tables[i]) == 0)
			continue;
		b.len = 0;
		table_format(&b, d, &tables[i]);
		shown = xasprintf("%s/%s", dir, tables[i].file);
		rc = file_write(dirfd, shown, tables[i].file, b.s, b.len, diag);
		free(shown);
	}
	free(b.s);

	int sub[N_BLOB_FOLDERS] = {-1, -1, -1};
	for (size_t i = 0; i < d->n_blobs && !rc; i++) {
		const blob *bl = &d->blobs[i];
		const char *file;
		size_t k;
		if (!blob_name_ok(bl->name ? bl->name : "", &k, &file)) {
			diag_warning(diag, dir, 0,
			             _("the catalogue holds a file with a bad name '%s' (skipped)"),
			             bl->name ? bl->name : "");
			continue;
		}
		if (sub[k] < 0) {
			sub[k] = subdir_open(dirfd, dir, blob_folders[k], diag);
			if (sub[k] < 0) {
				rc = sub[k];
				break;
			}
		}
		shown = xasprintf("%s/%s", dir, bl->name);
		rc = file_write(sub[k], shown, file, bl->data, bl->size, diag);
		free(shown);
	}
	for (size_t k = 0; k < N_BLOB_FOLDERS; k++)
		if (sub[k] >= 0)
			close(sub[k]);
	for (size_t i = 0; i < d->n_translations && !rc; i++)
		rc = translation_write(dirfd, dir, d->translations[i].lang, d->translations[i].procs,
		                       d->translations[i].n_procs, d, d->translations[i].rows,
		                       d->translations[i].n_rows, diag);
	close(dirfd);
	return rc;
}

/* Two Vietnamese rows with the same key columns: a translated row cannot
 * name either (bundle.c refuses it), so the template leaves both out
 * rather than write a file that check refuses untouched. */
static bool *rows_ambiguous(const catalog_data *d, int k, size_t *n_amb)
{
	size_t n;
	bundle_row_key *v = bundle_schema_row_keys(d, k, &n);
	bool *amb = xcalloc(n + 1, sizeof *amb);
	*n_amb = 0;
	for (size_t i = 1; i < n; i++)
		if (!bundle_row_key_cmp(&v[i - 1], &v[i])) {
			*n_amb += !amb[v[i - 1].i] + !amb[v[i].i];
			amb[v[i - 1].i] = amb[v[i].i] = true;
		}
	free(v);
	return amb;
}

int bundle_write_template(const char *dir, const catalog_data *d, const char *lang, size_t n_written[TR_KINDS],
                          diag_list *diag)
{
	int dirfd = out_folder_open(dir, diag);
	if (dirfd < 0)
		return dirfd;
	/* Every news item, hotline and question, its text in Vietnamese. */
	row_translation *rows[TR_KINDS] = {NULL};
	size_t n_rows[TR_KINDS] = {0};
	for (int k = 0; k < TR_KINDS; k++) {
		const bundle_table *src = bundle_schema_row_source(k), *t = bundle_schema_row_table(k);
		size_t n = bundle_schema_count(d, src), n_amb;
		bool *amb = rows_ambiguous(d, k, &n_amb);
		rows[k] = xcalloc(n + 1, sizeof *rows[k]);
		for (size_t i = 0; i < n; i++) {
			if (amb[i])
				continue;
			row_translation *x = &rows[k][n_rows[k]++];
			x->row = i;
			const void *rec = bundle_schema_record(d, src, i);
			for (size_t j = BUNDLE_ROW_KEYS; j < t->n_columns; j++)
				x->text[j - BUNDLE_ROW_KEYS] =
				    (char *)bundle_schema_get_str(rec, bundle_schema_row_source_column(k, j));
		}
		free(amb);
		if (n_amb) {
			char *shown = xasprintf("%s/%s/%s/%s", dir, BUNDLE_TRANSLATIONS, lang, t->file);
			diag_warning(diag, shown, 0,
			             _("%zu rows of %s share their key columns with another row and were "
			               "left out: a translation cannot say which of them it is; make them "
			               "differ in the Vietnamese"),
			             n_amb, src->file);
			free(shown);
		}
	}
	int rc = translation_write(dirfd, dir, lang, d->procs, d->n_procs, d, rows, n_rows, diag);
	for (int k = 0; k < TR_KINDS; k++) {
		free(rows[k]); /* their text is d's */
		if (n_written)
			n_written[k] = n_rows[k];
	}
	close(dirfd);
	return rc;
}
