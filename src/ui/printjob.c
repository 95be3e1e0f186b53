#include "printjob.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/pdf_sheet.h"
#include "core/sheet_lang.h"
#include "core/xalloc.h"
#include "platform/print.h"

struct printjob {
	char *printer;
	int max_prints;
	events *ev;
	printjob_phase phase;
	/* the request */
	char *code;
	int form;
	char *what;
	int64_t due;     /* next tick; INT64_MAX when none */
	int64_t started; /* when the job reached CUPS */
	print_job *job;  /* while PRINTING */
	char reason[256];
	int count;
};

printjob *printjob_new(const char *printer, int max_prints, events *ev)
{
	printjob *j = xcalloc(1, sizeof *j);
	j->printer = str_empty(printer) ? NULL : xstrdup(printer);
	j->max_prints = max_prints;
	j->ev = ev;
	j->due = INT64_MAX;
	return j;
}

static void printjob_forget(printjob *j)
{
	print_job_free(j->job);
	j->job = NULL;
	free(j->code);
	free(j->what);
	j->code = j->what = NULL;
	j->reason[0] = 0;
	j->due = INT64_MAX;
	j->phase = PRINTJOB_IDLE;
}

void printjob_free(printjob *j)
{
	if (!j)
		return;
	printjob_forget(j);
	free(j->printer);
	free(j);
}

bool printjob_request(printjob *j, const char *code, int form, const char *what, int64_t now)
{
	if (j->phase != PRINTJOB_IDLE)
		return false;
	j->code = xstrdup(code);
	j->form = form;
	j->what = xstrdup(what ? what : "");
	if (j->count >= j->max_prints) {
		j->phase = PRINTJOB_REFUSED;
		return false;
	}
	j->phase = PRINTJOB_PREPARING;
	j->due = now + PRINTJOB_PREPARE_MS;
	return true;
}

int64_t printjob_deadline(const printjob *j)
{
	return j->due;
}

static void printjob_fail(printjob *j, const char *reason)
{
	j->phase = PRINTJOB_FAILED;
	j->due = INT64_MAX;
	snprintf(j->reason, sizeof j->reason, "%s", reason);
}

/* A new empty file for the document, under $TMPDIR or /tmp; NULL on failure. */
static char *printjob_temp(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/motcua-print-XXXXXX.pdf", !str_empty(dir) ? dir : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		fprintf(stderr, "%s: %s: %s\n", path, _("error"), strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

/* The sheet, as the CLI's `motcua pdf --lang` makes it. False after logging why. */
static bool printjob_write_sheet(procedure *p, const printjob_source *src, bool summary,
                                 const char *path)
{
	pdf_sheet_ctx ctx = {
	    .unit_name = src->unit_name,
	    .printed_at = src->wall,
	    .clock_wrong = src->clock_wrong,
	    .summary = summary,
	};
	sheet_lang_apply(src->cat, src->lang, p, &ctx);
	faq *faqs = NULL;
	catalog_data extras = {0};
	sheet_lang_extras(src->cat, &ctx, p->code, &faqs, &extras);
	char *err = NULL;
	bool ok = pdf_sheet_write(p, &ctx, path, &err) == 0;
	if (!ok)
		fprintf(stderr, "%s: %s: %s\n", path, _("error"), err ? err : "?");
	free(err);
	catalog_data_clear(&extras);
	catalog_faqs_free(faqs, ctx.n_faqs);
	return ok;
}

/* Blank form n of p copied out of the catalogue. False after logging why. */
static bool printjob_write_form(const procedure *p, int n, const printjob_source *src,
                                const char *path)
{
	const item *form = &p->forms.v[n];
	size_t size = 0;
	unsigned char *data =
	    str_empty(form->extra) ? NULL : catalog_blob(src->cat, form->extra, &size);
	if (!data) {
		fprintf(stderr, "%s: %s: %s\n", p->code, _("error"),
		        _("The form's file is not in the catalogue"));
		return false;
	}
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, size, f) == size;
	if (f && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "%s: %s: %s\n", path, _("error"), strerror(errno));
	free(data);
	return ok;
}

/* PREPARING: makes the file and hands it to CUPS. */
static void printjob_submit(printjob *j, const printjob_source *src, int64_t now)
{
	procedure *p = src->cat ? catalog_get(src->cat, j->code) : NULL;
	if (!p) {
		printjob_fail(j, _("This procedure is no longer in the catalogue."));
		return;
	}
	if (j->form >= 0 && (size_t)j->form >= p->forms.n) {
		printjob_fail(j, _("The form's file is not in the catalogue"));
		procedure_free(p);
		return;
	}
	char *path = printjob_temp();
	bool made =
	    path && (j->form < 0 ? printjob_write_sheet(p, src, j->form == PRINTJOB_SUMMARY, path)
	                         : printjob_write_form(p, j->form, src, path));
	procedure_free(p);
	if (!made) {
		printjob_fail(j, j->form < 0 ? _("The sheet could not be made")
		                             : _("The form's file is not in the catalogue"));
		if (path)
			unlink(path);
		free(path);
		return;
	}
	/* CODE, CODE-summary or CODE-form-N, as `motcua print` names them. */
	char *title = j->form == PRINTJOB_SUMMARY ? xasprintf("%s-summary", j->code)
	              : j->form < 0               ? xstrdup(j->code)
	                                          : xasprintf("%s-form-%d", j->code, j->form + 1);
	int rc = print_submit(j->printer, path, title, &j->job);
	/* CUPS has its own copy now. */
	unlink(path);
	free(path);
	free(title);
	if (rc < 0) {
		print_status st;
		print_poll(j->job, &st);
		print_job_free(j->job);
		j->job = NULL;
		printjob_fail(j, st.reason);
		return;
	}
	/* For the desk: which job in the CUPS queue came from the kiosk. */
	fprintf(stderr, _("motcua: print job %d on %s: %s\n"), print_job_id(j->job),
	        print_job_printer(j->job), j->code);
	j->count++;
	if (j->ev)
		events_record_print(j->ev, j->code,
		                    j->form == PRINTJOB_SUMMARY ? "summary" : j->form < 0 ? "sheet" : "form",
		                    src->wall);
	j->phase = PRINTJOB_PRINTING;
	j->started = now;
	j->reason[0] = 0;
	j->due = now + PRINTJOB_POLL_MS;
}

/* PRINTING: asks CUPS how the job is doing. */
static void printjob_poll(printjob *j, int64_t now)
{
	print_status st;
	print_state s = print_poll(j->job, &st);
	if (s == PRINT_DONE) {
		print_job_free(j->job);
		j->job = NULL;
		j->phase = PRINTJOB_DONE;
		j->reason[0] = 0;
		j->due = INT64_MAX;
		return;
	}
	if (s != PRINT_FAILED && now - j->started >= PRINTJOB_TIMEOUT_MS) {
		/* What the printer says is the better reason, when it says anything. */
		if (!st.reason[0])
			snprintf(st.reason, sizeof st.reason, "%s",
			         _("The sheet did not finish printing in time"));
		s = PRINT_FAILED;
	}
	if (s == PRINT_FAILED) {
		/* Nobody will wait for it: it must not come out later. It
		 * printed nothing, so it does not count. */
		print_cancel(j->job);
		print_job_free(j->job);
		j->job = NULL;
		if (j->count > 0)
			j->count--;
		printjob_fail(j, st.reason);
		return;
	}
	snprintf(j->reason, sizeof j->reason, "%s", st.reason);
	j->due = now + PRINTJOB_POLL_MS;
}

bool printjob_tick(printjob *j, const printjob_source *src, int64_t now)
{
	if (now < j->due)
		return false;
	printjob_phase before = j->phase;
	char reason[sizeof j->reason];
	memcpy(reason, j->reason, sizeof reason);
	if (j->phase == PRINTJOB_PREPARING)
		printjob_submit(j, src, now);
	else if (j->phase == PRINTJOB_PRINTING)
		printjob_poll(j, now);
	else
		j->due = INT64_MAX;
	return j->phase != before || strcmp(reason, j->reason) != 0;
}

printjob_phase printjob_get_phase(const printjob *j)
{
	return j->phase;
}

const char *printjob_reason(const printjob *j)
{
	return j->reason;
}

const char *printjob_what(const printjob *j)
{
	return j->what ? j->what : "";
}

int printjob_count(const printjob *j)
{
	return j->count;
}

int printjob_limit(const printjob *j)
{
	return j->max_prints;
}

bool printjob_in_flight(const printjob *j)
{
	return j->phase == PRINTJOB_PRINTING;
}

void printjob_dismiss(printjob *j)
{
	if (j->phase == PRINTJOB_DONE || j->phase == PRINTJOB_FAILED ||
	    j->phase == PRINTJOB_REFUSED)
		printjob_forget(j);
}

void printjob_end_session(printjob *j)
{
	printjob_forget(j);
	j->count = 0;
}

char *printjob_temp_pdf(int *fd)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/motcua-print-XXXXXX.pdf", dir && *dir ? dir : "/tmp");
	*fd = mkstemps(path, 4);
	return path;
}

int printjob_send_file(const char *printer, const char *path, const char *title, char **said)
{
	print_job *job = NULL;
	int rc = print_submit(printer, path, title, &job);
	print_status ps;
	print_state state = print_poll(job, &ps);
	bool failed = rc < 0 || state == PRINT_FAILED;
	*said = xstrdup(failed ? ps.reason : print_job_printer(job));
	print_job_free(job);
	return failed ? -2 : 0;
}

int printjob_send_pdf(const char *printer, const unsigned char *pdf, size_t len, const char *title,
                      char **said)
{
	int fd;
	char *path = printjob_temp_pdf(&fd);
	bool written = fd >= 0 && write(fd, pdf, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) != 0)
		written = false;
	int rc = -1;
	if (!written)
		*said = xstrdup(strerror(errno));
	else
		rc = printjob_send_file(printer, path, title, said);
	if (fd >= 0)
		unlink(path); /* CUPS has its own copy */
	free(path);
	return rc;
}
