/* print — sending a PDF to a CUPS queue and following the job (DESIGN §6).
 *
 * libcups is used only in print.c. The kiosk submits, then polls once a
 * second or so and shows the state; the CLI waits:
 *
 *	print_job *job;
 *	print_submit(cfg->printer, "/tmp/sheet.pdf", "1.001193", &job);
 *	print_status st;
 *	print_poll(job, &st);   // each tick: st.state, st.reason
 *	...
 *	print_job_free(job);
 *
 * Reasons are translated plain words for a citizen ("The printer is out of
 * paper"), never IPP keywords. */
#ifndef MOTCUA_PRINT_H
#define MOTCUA_PRINT_H

#include <stdbool.h>

typedef enum print_state {
	PRINT_QUEUED,   /* accepted, waiting for the printer */
	PRINT_PRINTING, /* the printer is working on it */
	PRINT_DONE,     /* printed (handed to the device completely) */
	PRINT_FAILED,   /* will not print: see the reason */
} print_state;

typedef struct print_status {
	print_state state;
	/* Why it failed, or what holds it up while queued or printing (out of
	 * paper, offline); "" when there is nothing to say. Translated. */
	char reason[256];
} print_status;

/* A submitted job: the queue's name and the job id. Opaque. */
typedef struct print_job print_job;

/* Sends the file at path (a PDF) to the queue named printer, or to CUPS's
 * default destination when printer is NULL or "" (callers pass the
 * configured `printer` key, or their --printer option). title names the job
 * in the queue. CUPS has its own copy of the file when this returns: path
 * may be removed at once. *job is always set, also on failure, so that print_poll
 * gives the reason ("No printer named …", "The print service is not
 * running"); free it with print_job_free. Returns 0, or -ENOENT (no such
 * printer, no default), -EIO (CUPS refused or is not reachable). */
int print_submit(const char *printer, const char *path, const char *title, print_job **job);

/* The job's state now: one short request to the local cupsd, without
 * waiting for the printer. A job waiting at a printer that is stopped
 * (paused, or stopped by an error) is reported PRINT_FAILED with the
 * printer's reason: it would not print until staff act. Returns st->state. */
print_state print_poll(print_job *job, print_status *st);

/* Polls until the job is done or failed, or timeout_ms passes (then
 * PRINT_FAILED with a "did not finish" reason, plus what the printer says).
 * For the CLI; the kiosk polls instead. Returns st->state. */
print_state print_wait(print_job *job, int timeout_ms, print_status *st);

/* Withdraws a job that has not printed (after a failure, so it does not come
 * out of the printer later when nobody is waiting for it). Returns 0 or
 * -EIO. */
int print_cancel(print_job *job);

/* The CUPS job id (0 when submission failed) and the queue it went to
 * (NULL when none was found). Owned by job. */
int print_job_id(const print_job *job);
const char *print_job_printer(const print_job *job);

/* Every request to cupsd gives up after 10 s, or at once when fd (the
 * kiosk's stop signalfd) becomes readable; -1: only the time limit. */
void print_set_abort_fd(int fd);

/* print_job_free(NULL) is a no-op. Does not cancel the job. */
void print_job_free(print_job *job);

#endif
