/* cmd_report — `motcua report PERIOD -o FILE.pdf [--csv DIR]` (issue 13):
 * the commune's report of the kiosk's use for a quarter, a half-year, a
 * year or any span of days.
 *
 *   PERIOD: --from DD/MM/YYYY --to DD/MM/YYYY | --quarter 1-4 --year YYYY
 *           | --half 1-2 --year YYYY | --year YYYY
 *
 * The CSV files go into a new folder made inside DIR (export_dir: the same
 * stick-safe writing as the staff area), whose name is printed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "core/diag.h"
#include "core/events.h"
#include "core/export_dir.h"
#include "core/i18n.h"
#include "core/pdf_report.h"
#include "core/report.h"
#include "core/xalloc.h"

static int report_usage(void)
{
	help_command("report", stderr);
	return 2;
}

/* A whole number in [lo, hi]; false when not one. */
static bool number(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* The period from the options; false (after saying why) when they do not
 * make one. */
static bool report_period_from_args(report_period *p, const char *from, const char *to,
                                    const char *quarter, const char *half, const char *year)
{
	int y = 0, n = 0;
	if (from || to) {
		if (!from || !to || quarter || half || year) {
			fprintf(stderr, "%s", _("motcua report: give both --from and --to, and no other period\n"));
			return false;
		}
		if (!report_period_days(p, from, to)) {
			fprintf(stderr, _("motcua report: '%s' to '%s' is not a span of days (DD/MM/YYYY, the first not after the last)\n"),
			        from, to);
			return false;
		}
		return true;
	}
	if (!year || !number(year, 1970, 9999, &y)) {
		fprintf(stderr, "%s", _("motcua report: give a period: --from and --to, or --year YYYY (with --quarter or --half)\n"));
		return false;
	}
	if (quarter && half) {
		fprintf(stderr, "%s", _("motcua report: --quarter and --half cannot go together\n"));
		return false;
	}
	if (quarter)
		return number(quarter, 1, 4, &n) ? report_period_quarter(p, y, n)
		                                 : (fprintf(stderr, "%s", _("motcua report: --quarter is 1, 2, 3 or 4\n")), false);
	if (half)
		return number(half, 1, 2, &n) ? report_period_half(p, y, n)
		                              : (fprintf(stderr, "%s", _("motcua report: --half is 1 or 2\n")), false);
	return report_period_year(p, y);
}

static int report_write_csv(const report *r, const char *root)
{
	char base[64];
	report_folder_name(&r->period, base, sizeof base);
	diag_list d = {0};
	export_dir *dir = NULL;
	int rc = export_dir_create(root, base, &dir, &d);
	report_file *files = NULL;
	size_t n = rc == 0 ? report_csv(r, &files) : 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = export_dir_write(dir, files[i].name, files[i].data, files[i].len, &d);
	if (rc == 0)
		rc = export_dir_finish(dir, &d);
	if (rc == 0)
		printf(_("CSV files: %s/%s\n"), root, export_dir_name(dir));
	export_dir_close(dir, rc == 0);
	report_files_free(files, n);
	diag_print(&d, stderr);
	diag_clear(&d);
	return rc;
}

int cmd_report(motcua_env *env, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *quarter = NULL, *half = NULL, *year = NULL;
	const char *out = NULL, *csv = NULL;
	for (int i = 1; i < argc; i++) {
		const char **slot = !strcmp(argv[i], "--from")      ? &from
		                    : !strcmp(argv[i], "--to")      ? &to
		                    : !strcmp(argv[i], "--quarter") ? &quarter
		                    : !strcmp(argv[i], "--half")    ? &half
		                    : !strcmp(argv[i], "--year")    ? &year
		                    : !strcmp(argv[i], "-o")        ? &out
		                    : !strcmp(argv[i], "--csv")     ? &csv
		                                                    : NULL;
		if (!slot || i + 1 >= argc || *slot)
			return report_usage();
		*slot = argv[++i];
	}
	report_period p;
	if (!out && !csv)
		return report_usage();
	if (!report_period_from_args(&p, from, to, quarter, half, year))
		return 2;
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	char *err = NULL;
	events *ev = events_open(env->st.events_path, &err);
	if (!ev) {
		diag_report(stderr, DIAG_ERROR, env->st.events_path, 0, "%s", err ? err : "?");
		free(err);
		return 3;
	}
	const bundle_info *info = catalog_info(env->cat);
	const char *unit = env->cfg.unit_name && *env->cfg.unit_name ? env->cfg.unit_name
	                   : info && info->unit                      ? info->unit
	                                                             : "";
	report r = {0};
	if (report_build(&r, ev, env->cat, &p, unit, time(NULL), &err) < 0) {
		diag_report(stderr, DIAG_ERROR, env->st.events_path, 0, "%s", err ? err : "?");
		rc = 3;
		goto end;
	}
	if (out) {
		unsigned char *pdf = NULL;
		size_t len = 0;
		if (pdf_report_make(&r, NULL, &pdf, &len, &err) < 0) {
			diag_report(stderr, DIAG_ERROR, out, 0, "%s", err ? err : "?");
			rc = 3;
			goto end;
		}
		FILE *f = fopen(out, "wb");
		if (!f || fwrite(pdf, 1, len, f) != len || fclose(f) != 0) {
			diag_report(stderr, DIAG_ERROR, out, 0, "%s", strerror(errno));
			if (f)
				remove(out);
			rc = 3;
		}
		free(pdf);
	}
	if (rc == 0 && csv && report_write_csv(&r, csv) < 0)
		rc = 3;
end:
	free(err);
	report_clear(&r);
	events_close(ev);
	return rc;
}
