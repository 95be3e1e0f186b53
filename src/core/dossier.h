/* dossier — the dossier list (ho_so.csv, issue 13): reading and checking it,
 * installing it in the store apart from the catalogue, and looking a
 * dossier up by its receipt code.
 *
 * The list is exported daily from the province's one-stop system and
 * brought on the staff's stick. It holds no personal data: a column whose
 * heading names a person, an ID number, a phone number or an address is
 * refused, because the kiosk shows a dossier to anyone who types its code.
 *
 * It lives in STORE/dossiers.sqlite, replaced whole by an install (a new
 * file, fsync, rename, fsync of the folder), never in the catalogue: a
 * refresh needs no catalogue version and changes nothing the catalogue
 * shows. Dates are kept as day numbers (days since 1970-01-01 of the
 * civil calendar), so "overdue" is counted in calendar days of the local
 * date, whatever the time of day. */
#ifndef MOTCUA_DOSSIER_H
#define MOTCUA_DOSSIER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "catalog.h"
#include "diag.h"
#include "store.h"

#define DOSSIER_FILE "ho_so.csv"
#define DOSSIER_DB "dossiers.sqlite"
/* Limits of a list: a commune receives a few thousand dossiers a year. */
#define DOSSIER_MAX_BYTES (32u << 20)
#define DOSSIER_MAX_RECORDS 200000

typedef enum dossier_status {
	DOSSIER_RECEIVED,     /* đã tiếp nhận */
	DOSSIER_PROCESSING,   /* đang xử lý */
	DOSSIER_NEEDS_PAPERS, /* chờ bổ sung: the citizen must bring more */
	DOSSIER_RESULT_READY, /* đã có kết quả: come and collect it */
	DOSSIER_RETURNED,     /* đã trả kết quả */
	DOSSIER_STATUS_COUNT
} dossier_status;

typedef struct dossier {
	char *code;      /* ma_ho_so as written */
	char *proc_code; /* ma_thu_tuc */
	int received;    /* ngay_nhan, day number */
	int due;         /* ngay_hen_tra, day number */
	dossier_status status;
	char *note;      /* ghi_chu; "" when empty */
	int line;        /* of ho_so.csv, while reading */
} dossier;

typedef struct dossier_list {
	dossier *v;
	size_t n, cap;
} dossier_list;

/* "da_tiep_nhan" ... "da_tra_ket_qua": the status as a stable word (events, CLI). */
const char *dossier_status_key(dossier_status s);
/* The status in plain words, translated ("Being processed"). */
const char *dossier_status_text(dossier_status s);

/* The receipt code as it is matched: its ASCII letters and digits, upper
 * case ("000.00.21.H52-241205-0001" and "0000021h522412050001" are the
 * same dossier). Caller frees; "" when there are none. */
char *dossier_code_key(const char *code);

/* Day number of a local time, and of a civil date. */
int dossier_day_of(time_t t);
int dossier_day(int year, int month, int day);
/* The civil date of a day number. */
void dossier_date(int day, int *year, int *month, int *mday);
/* "dd/mm/yyyy" of a day number into out. */
void dossier_date_format(int day, char out[11]);

/* Days the dossier is overdue on `today` (0 when not): only a dossier the
 * office still holds (received or being processed) can be; one waiting for
 * the citizen's papers is not (its time starts again when they come), nor
 * one whose result is ready. */
int dossier_days_overdue(const dossier *d, int today);

/* "Overdue by N days" (Quá hạn N ngày), translated; caller frees. */
char *dossier_overdue_text(int days);

/* Reads and checks the list in buf[0..len) (the bytes are taken as they
 * are: no BOM needed, UTF-8 required). shown names the file in messages.
 * cat (may be NULL) is the installed catalogue: an unknown procedure code
 * is a warning. Every problem goes to diag as FILE:LINE; returns true when
 * there is no error. out is zeroed by the caller and freed with
 * dossier_list_clear whatever the result. */
bool dossier_list_parse(const char *shown, const char *buf, size_t len, catalog *cat, dossier_list *out,
                        diag_list *diag);

/* The kiosk checks and installs a list in a worker thread (src/ui/
 * dossier_job.c): the UI thread follows how far it got and may stop it
 * (staff leave, the stick is pulled, the service stops). Both are looked
 * at every DOSSIER_WATCH_ROWS rows, and while the install waits for the
 * store's lock. */
#define DOSSIER_WATCH_ROWS 1024
typedef struct dossier_watch {
	atomic_size_t rows; /* rows of the file checked, then dossiers written */
	atomic_bool stop;   /* set by another thread: give up, nothing changed */
} dossier_watch;

/* dossier_list_parse followed by w (NULL: the same as it). Stopped, it
 * returns false with the error "stopped" in diag. */
bool dossier_list_parse_watched(const char *shown, const char *buf, size_t len, catalog *cat, dossier_watch *w,
                                dossier_list *out, diag_list *diag);

/* Reads the regular file at path (never through a symbolic link, never
 * waiting on a FIFO, at most DOSSIER_MAX_BYTES) into *buf (malloc'd,
 * NUL-terminated), *len. Returns true, or false with the reason in diag. */
bool dossier_file_read(const char *path, const char *shown, char **buf, size_t *len, diag_list *diag);
/* dossier_file_read followed by w (only its stop: the file is read in
 * pieces of 1 MiB; NULL: the same as it). */
bool dossier_file_read_watched(const char *path, const char *shown, dossier_watch *w, char **buf, size_t *len,
                               diag_list *diag);

/* dossier_list_clear on a zeroed list is a no-op. */
void dossier_list_clear(dossier_list *l);

/* STORE/dossiers.sqlite; caller frees. */
char *dossier_db_path(const store *s);

/* Replaces the installed list with l, as installed at `now`: builds
 * STORE/dossiers.new.sqlite, checks it, fsyncs, renames it over the live
 * file and fsyncs the folder; on any failure the installed list is
 * unchanged. For each dossier with a result, the day its result first
 * appeared in a list is carried over from the list it replaces (the public
 * board counts results on time from it). Returns 0, or -1 with the reason
 * in diag. */
int dossier_install(const store *s, const dossier_list *l, time_t now, diag_list *diag);
/* dossier_install followed by w (NULL: the same as it); stopped before
 * the rename, it returns -1 with nothing changed. */
int dossier_install_watched(const store *s, const dossier_list *l, time_t now, dossier_watch *w, diag_list *diag);

typedef struct dossier_db dossier_db;

/* Opens the installed list read-only; NULL when there is none (or it
 * cannot be read). */
dossier_db *dossier_db_open(const char *path);
/* dossier_db_close(NULL) is a no-op. */
void dossier_db_close(dossier_db *db);

/* When the list was installed, and how many dossiers it holds. */
time_t dossier_db_installed_at(dossier_db *db);
size_t dossier_db_count(dossier_db *db);

/* Looks the dossier with this receipt code up (matched by
 * dossier_code_key). Fills *out (strings owned: dossier_free_fields) and
 * returns true; false when there is none. */
bool dossier_db_find(dossier_db *db, const char *code, dossier *out);
void dossier_free_fields(dossier *d);

/* The public board's figures for the month that holds `today`:
 * received — ngay_nhan in the month;
 * on_time — results that first appeared in a list this month, on or before
 *   their due date (a result already on the first list ever installed counts
 *   when its due date had not passed; an older one is not counted);
 * overdue — dossiers the office still holds past their due date today,
 *   and results that appeared this month after their due date. */
typedef struct dossier_month {
	size_t received, on_time, overdue;
} dossier_month;
void dossier_db_month(dossier_db *db, int today, dossier_month *out);

#endif
