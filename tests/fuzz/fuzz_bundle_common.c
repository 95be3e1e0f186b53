#include "fuzz_bundle_common.h"

#include <stdlib.h>
#include <string.h>

#include "core/bundle.h"
#include "core/bundle_schema.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "fuzz_common.h"

static bool same_str(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

void fuzz_catalog_check_equal(const catalog_data *a, const catalog_data *b)
{
	FUZZ_CHECK(same_str(a->info.unit, b->info.unit));
	FUZZ_CHECK(a->info.version == b->info.version);
	FUZZ_CHECK(same_str(a->info.date, b->info.date));
	FUZZ_CHECK(same_str(a->info.author, b->info.author));
	size_t n_tables;
	const bundle_table *tables = bundle_schema_tables(&n_tables);
	for (size_t t = 0; t < n_tables; t++) {
		size_t n = bundle_schema_count(a, &tables[t]);
		FUZZ_CHECK(n == bundle_schema_count(b, &tables[t]));
		for (size_t i = 0; i < n; i++) {
			const void *ra = bundle_schema_record(a, &tables[t], i);
			const void *rb = bundle_schema_record(b, &tables[t], i);
			for (size_t j = 0; j < tables[t].n_columns; j++) {
				if (!bundle_schema_field_equal(ra, rb, &tables[t].columns[j])) {
					fprintf(stderr, "%s record %zu column %s differs\n",
					        tables[t].file, i, tables[t].columns[j].key);
					FUZZ_CHECK(!"export changed a field");
				}
			}
		}
	}
	FUZZ_CHECK(a->n_blobs == b->n_blobs);
	for (size_t i = 0; i < a->n_blobs; i++) {
		FUZZ_CHECK(same_str(a->blobs[i].name, b->blobs[i].name));
		FUZZ_CHECK(a->blobs[i].size == b->blobs[i].size);
		FUZZ_CHECK(!a->blobs[i].size ||
		           !memcmp(a->blobs[i].data, b->blobs[i].data, a->blobs[i].size));
	}
}

static void same_file(const char *a, const char *b, const char *rel)
{
	size_t la = 0, lb = 0;
	char *fa = fuzz_read_file(a, rel, &la), *fb = fuzz_read_file(b, rel, &lb);
	/* Neither export wrote it (an optional file with no rows): the same. */
	if ((!fa || !fb || la != lb || memcmp(fa, fb, la)) && (fa || fb)) {
		fprintf(stderr, "export is not a fixed point: %s differs\n", rel);
		FUZZ_CHECK(!"second export differs from the first");
	}
	free(fa);
	free(fb);
}

void fuzz_export_check_identical(const char *a, const char *b, const catalog_data *d)
{
	same_file(a, b, BUNDLE_INI);
	size_t n_tables;
	const bundle_table *tables = bundle_schema_tables(&n_tables);
	for (size_t t = 0; t < n_tables; t++)
		same_file(a, b, tables[t].file);
	for (size_t i = 0; i < d->n_blobs; i++)
		same_file(a, b, d->blobs[i].name);
}

static void info_check(const catalog_data *d)
{
	FUZZ_CHECK(!str_empty(d->info.unit) && d->info.version > 0 && !str_empty(d->info.date) &&
	           !str_empty(d->info.author));
	FUZZ_CHECK(strlen(d->info.date) == 10 && d->info.date[2] == '/' && d->info.date[5] == '/');
	/* Not checked here: d->n_procs >= 1. A procedures.csv with only its
	 * header row still reads clean (an import would empty the kiosk);
	 * test_fuzz_regressions checks that case until bundle.c refuses it. */
}

bool fuzz_bundle_roundtrip(const char *dir, long installed_version, bool allow_downgrade)
{
	bundle_opts opts = {.installed_version = installed_version,
	                    .allow_downgrade = allow_downgrade};
	catalog_data d = {0};
	diag_list diag = {0};
	bool ok = bundle_read(dir, &opts, &d, &diag);
	fuzz_check_diags(&diag);
	FUZZ_CHECK(ok == (diag.errors == 0));
	if (!ok) {
		diag_clear(&diag);
		catalog_data_clear(&d);
		return false;
	}
	info_check(&d);

	/* export → import → export */
	const char *out1 = fuzz_scratch("out1");
	diag_list wd = {0};
	FUZZ_CHECK(bundle_write(out1, &d, &wd) == 0);
	FUZZ_CHECK(wd.errors == 0);
	bundle_opts plain = {0};
	catalog_data d2 = {0};
	diag_list diag2 = {0};
	bool ok2 = bundle_read(out1, &plain, &d2, &diag2);
	/* The export reads back clean: the only warnings it may bring back are
	 * the first read's about its content (a news picture the kiosk will
	 * not show is exported as it came). */
	bool new_warning = false;
	for (size_t i = 0; i < diag2.n && !new_warning; i++) {
		bool seen = false;
		for (size_t j = 0; j < diag.n && !seen; j++)
			seen = !strcmp(diag2.v[i].message, diag.v[j].message);
		new_warning = !seen;
	}
	if (!ok2 || new_warning) {
		diag_print(&diag2, stderr);
		FUZZ_CHECK(!"the exported bundle does not read back clean");
	}
	fuzz_catalog_check_equal(&d, &d2);

	const char *out2 = fuzz_scratch("out2");
	FUZZ_CHECK(bundle_write(out2, &d2, &wd) == 0);
	fuzz_export_check_identical(out1, out2, &d2);

	diag_clear(&wd);
	diag_clear(&diag2);
	catalog_data_clear(&d2);
	diag_clear(&diag);
	catalog_data_clear(&d);
	return true;
}
