/* printjob — the kiosk's print state machine (DESIGN §5, §6).
 *
 * A citizen asks for the guidance sheet of a procedure, or one of its blank
 * forms. The request is taken at once (PREPARING, so that the screen can
 * say so); on the next tick the sheet is written to a temporary file with
 * pdf_sheet_write (or the form copied out of the catalogue), handed to
 * CUPS with print_submit and removed; then the job is polled with
 * print_poll every PRINTJOB_POLL_MS from ticks, never waited for, until it
 * is done, fails, or takes longer than PRINTJOB_TIMEOUT_MS. A job that
 * cannot print is cancelled, so that it does not come out later when
 * nobody is waiting for it.
 *
 * It also counts the session's prints: a job that reaches CUPS counts, one
 * cancelled because it could not print is given back; past max_prints a
 * request is refused. Submitted jobs are recorded in the events store.
 *
 * Times are passed in (ms of the app's clock), never read here. */
#ifndef MOTCUA_UI_PRINTJOB_H
#define MOTCUA_UI_PRINTJOB_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/catalog.h"
#include "core/events.h"

/* Between the request and building the sheet: one frame says "preparing". */
#define PRINTJOB_PREPARE_MS 50
/* How often CUPS is asked about a job in flight. */
#define PRINTJOB_POLL_MS 500
/* A job not printed after this long is given up (a citizen is waiting). */
#define PRINTJOB_TIMEOUT_MS 60000

typedef enum printjob_phase {
	PRINTJOB_IDLE,      /* nothing to show */
	PRINTJOB_PREPARING, /* asked for; the file is made on the next tick */
	PRINTJOB_PRINTING,  /* with CUPS, queued or printing; polled */
	PRINTJOB_DONE,      /* printed: the citizen takes the sheet */
	PRINTJOB_FAILED,    /* will not print: printjob_reason says why */
	PRINTJOB_REFUSED,   /* the session's prints are used up */
} printjob_phase;

/* What the next tick needs to make the file; borrowed for the call. */
typedef struct printjob_source {
	catalog *cat;          /* NULL: nothing can be printed */
	const char *unit_name; /* the sheet's heading */
	time_t wall;           /* now, for the sheet's "printed at" and the events */
	bool clock_wrong;      /* wall is known to be wrong: the sheet leaves the time out */
	const char *lang;      /* the citizen's content language (sheet_lang.h); NULL: Vietnamese */
} printjob_source;

typedef struct printjob printjob;

/* A new machine that prints to the CUPS queue printer (NULL or "": the
 * default destination; copied), at most max_prints a session, recording
 * prints in ev (borrowed, may be NULL). */
printjob *printjob_new(const char *printer, int max_prints, events *ev);

/* Hands a PDF made in memory to the printer at once (a staff document: the
 * report, the keypad's key card), through a temporary file CUPS copies; the
 * job goes on in CUPS. Returns 0 with *said the printer's name, -1 when the
 * file could not be written or -2 when CUPS refused it, *said the reason
 * (malloc'd, in plain words, in every case). */
int printjob_send_pdf(const char *printer, const unsigned char *pdf, size_t len, const char *title,
                      char **said);
/* The same for a PDF file (kept: the caller removes it); returns 0 or -2. */
int printjob_send_file(const char *printer, const char *path, const char *title, char **said);
/* A fresh temporary file name for a PDF to print ($TMPDIR or /tmp), made
 * with mkstemps; its fd in *fd. Malloc'd. */
char *printjob_temp_pdf(int *fd);
/* printjob_free(NULL) is a no-op. A job still in flight is left to CUPS. */
void printjob_free(printjob *j);

/* What printjob_request's form asks for besides a blank form (0, 1, …):
 * the full guide, or its one-page summary (pdf_sheet_ctx.summary). */
#define PRINTJOB_SHEET (-1)
#define PRINTJOB_SUMMARY (-2)

/* Asks for the sheet of procedure code (PRINTJOB_SHEET), its one-page
 * summary (PRINTJOB_SUMMARY) or its blank form number form (0-based, in
 * p->forms order); a summary and a full guide count alike against the limit. what names the
 * document on screen (copied). Only when the machine is IDLE (else ignored, false). Goes to
 * PREPARING, or to REFUSED when the session's prints are used up; returns
 * true when it will print. */
bool printjob_request(printjob *j, const char *code, int form, const char *what, int64_t now);

/* When printjob_tick is next due; INT64_MAX when never. */
int64_t printjob_deadline(const printjob *j);
/* Runs what is due at now: makes and submits the file, or polls CUPS.
 * Returns true when what is shown changed (phase or reason). */
bool printjob_tick(printjob *j, const printjob_source *src, int64_t now);

printjob_phase printjob_get_phase(const printjob *j);
/* Why it failed, or what holds it up while printing ("" when nothing);
 * translated plain words. Owned by j. */
const char *printjob_reason(const printjob *j);
/* What is being printed (the `what` of the request); "" when idle. */
const char *printjob_what(const printjob *j);
/* Prints counted in this session, and the most allowed. */
int printjob_count(const printjob *j);
int printjob_limit(const printjob *j);
/* True while a job is with CUPS: its progress follows real time, not the
 * app's clock (the script runner lets real time pass then). */
bool printjob_in_flight(const printjob *j);

/* The citizen read the outcome: DONE, FAILED or REFUSED go back to IDLE. */
void printjob_dismiss(printjob *j);
/* A new citizen: the count starts again and what was shown is forgotten
 * (a job still in flight is left to CUPS). */
void printjob_end_session(printjob *j);

#endif
