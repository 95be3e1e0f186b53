/* report — the commune's report of the kiosk's use for a period (issue 13):
 * a quarter, a half-year, a year or any span of days, as the plan asks the
 * office to report "định kỳ hàng quý, 6 tháng, năm".
 *
 * report_build reads the events of the period (events_figures_get) and
 * names each procedure code from the catalogue (name and field); the same
 * report is written as a PDF (pdf_report.h) and as CSV files for Excel
 * (report_csv). Like the guidance sheet, the report is an administrative
 * paper and always in Vietnamese, whatever the screen's language. */
#ifndef MOTCUA_REPORT_H
#define MOTCUA_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "catalog.h"
#include "diag.h"
#include "events.h"
#include "export_dir.h"

/* A span of whole days, both ends included, in the kiosk's local time. */
typedef struct report_period {
	int y1, m1, d1; /* first day */
	int y2, m2, d2; /* last day */
	char name[64];  /* "Quý I năm 2026", "6 tháng đầu năm 2026", "Năm 2026"; "" for any span */
} report_period;

/* Parses DD/MM/YYYY (a real date, years 1970-9999) into *y, *m, *d. */
bool report_parse_date(const char *s, int *y, int *m, int *d);
/* Sets p to the span from..to (both DD/MM/YYYY); false when a date is not
 * one or the span ends before it starts. */
bool report_period_days(report_period *p, const char *from, const char *to);
/* Quarter q (1-4), half h (1-2) or the whole year of year. False when out of range. */
bool report_period_quarter(report_period *p, int year, int q);
bool report_period_half(report_period *p, int year, int h);
bool report_period_year(report_period *p, int year);

/* The periods the staff area offers, relative to the day of `now`. */
typedef enum report_choice {
	REPORT_THIS_QUARTER,
	REPORT_LAST_QUARTER,
	REPORT_THIS_HALF, /* the half-year of now: "6 tháng đầu năm" or "6 tháng cuối năm" */
	REPORT_THIS_YEAR,
	REPORT_CHOICES
} report_choice;
void report_period_choice(report_period *p, report_choice c, time_t now);

/* The first second of the period and the first second after it (local time). */
time_t report_period_start(const report_period *p);
time_t report_period_end(const report_period *p);
/* "01/01/2026", "31/03/2026" into buffers of at least 11 bytes. */
void report_period_format(const report_period *p, char *from, char *to);

/* A procedure's figures with its name and field from the catalogue. */
typedef struct report_proc {
	char *code, *name, *field; /* name "" and field "(không còn trong danh mục)" when the
	                            * catalogue no longer has the code */
	long views, prints;
} report_proc;

typedef struct report_field {
	char *field;
	long views, prints;
} report_field;

typedef struct report {
	report_period period;
	char *unit_name;      /* the commune (config unit_name or the bundle's don_vi) */
	time_t made_at;       /* "Lập lúc …" */
	events_figures f;
	report_proc *procs;   /* every code viewed or printed, most viewed first */
	size_t n_procs;
	report_field *fields; /* views by field, most viewed first */
	size_t n_fields;
} report;

/* Fills r (zeroed by the caller) with the figures of period p; cat may be
 * NULL (codes without names). unit_name is copied. Returns 0, or -EIO with
 * *err (malloc'd). */
int report_build(report *r, events *ev, catalog *cat, const report_period *p,
                 const char *unit_name, time_t made_at, char **err);
/* report_clear(NULL) is a no-op. */
void report_clear(report *r);

/* Shares in per cent, rounded to one decimal: satisfied (4-5) of all
 * ratings, overdue of all dossier lookups; -1 when there are none. */
double report_share_satisfied(const report *r);
double report_share_overdue(const report *r);
/* The Vietnamese label of a level (1-5), of a reason, of a Decision 766
 * complaint kind, of a dossier status key (the key itself when unknown). */
const char *report_level_label(int level);
const char *report_reason_label(rating_reason reason);
const char *report_complaint_label(complaint_kind k);
const char *report_status_label(const char *key);
/* "12,5 %" (Vietnamese decimal comma) into buf; "—" when share < 0. */
void report_format_share(double share, char *buf, size_t size);

/* One CSV file of the report: a name and its bytes (owned). */
typedef struct report_file {
	char *name;
	char *data;
	size_t len;
} report_file;

/* The report as CSV files for Excel on a Vietnamese PC: UTF-8 with a BOM,
 * ";" between cells, CRLF, Vietnamese headings, and a totals row "Tổng
 * cộng" under every table (README, "Reports"). Returns the count; *out
 * malloc'd, free with report_files_free. */
size_t report_csv(const report *r, report_file **out);
void report_files_free(report_file *v, size_t n);

/* Writes the report into dir, the export's own new folder (export_dir.h;
 * the caller finishes or discards it): bao_cao.pdf and the CSV files of
 * report_csv. font_dir as pdf_report_make. Returns 0, or a negative errno
 * with the reason in diag (-ENOSPC: the stick is full). */
int report_export(const report *r, const char *font_dir, export_dir *dir, diag_list *diag);
/* The name of the report's folder: "motcua-bao-cao-YYYYMMDD-YYYYMMDD"
 * (first and last day) into buf of at least 40 bytes. */
void report_folder_name(const report_period *p, char *buf, size_t size);

#endif
