/* print — see print.h. libcups is used only here.
 *
 * Two IPP requests per poll, both to the local cupsd: Get-Job-Attributes for
 * the job's state and Get-Printer-Attributes for what the printer says about
 * itself (printer-state-reasons), which is where "out of paper" and
 * "paused" live. */
#include "print.h"

#include <cups/cups.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "xalloc.h"

struct print_job {
	char *printer;       /* the queue, NULL when none was found */
	int id;              /* 0 when submission failed */
	print_status failed; /* the reason submission failed */
};

static void print_set(print_status *st, print_state state, const char *reason)
{
	st->state = state;
	snprintf(st->reason, sizeof st->reason, "%s", reason ? reason : "");
}

/* The reason CUPS could not be asked, in plain words. */
static const char *print_cups_error(void)
{
	ipp_status_t e = cupsLastError();
	if (e == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || e == IPP_STATUS_ERROR_INTERNAL)
		return _("The print service (CUPS) is not running");
	return cupsLastErrorString();
}

/* cupsGetNamedDest says "does not exist" also when it could not ask: tell
 * the two apart, so that staff look at the right thing. */
static bool print_cups_reachable(void)
{
	http_t *http =
	    httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1, 2000, NULL);
	if (!http)
		return false;
	httpClose(http);
	return true;
}

int print_submit(const char *printer, const char *path, const char *title, print_job **out)
{
	print_job *job = xcalloc(1, sizeof *job);
	*out = job;
	job->failed.state = PRINT_FAILED;
	cups_dest_t *dest =
	    cupsGetNamedDest(CUPS_HTTP_DEFAULT, printer && *printer ? printer : NULL, NULL);
	if (!dest) {
		bool down = !print_cups_reachable();
		if (down)
			print_set(&job->failed, PRINT_FAILED,
			          _("The print service (CUPS) is not running"));
		else if (printer && *printer)
			snprintf(job->failed.reason, sizeof job->failed.reason,
			         _("No printer named \"%s\""), printer);
		else
			print_set(&job->failed, PRINT_FAILED,
			          _("No printer is set up (there is no default printer)"));
		return down ? -EIO : -ENOENT;
	}
	job->printer = xstrdup(dest->name);
	cupsFreeDests(1, dest);
	job->id = cupsPrintFile2(CUPS_HTTP_DEFAULT, job->printer, path, title ? title : "motcua", 0,
	                         NULL);
	if (job->id <= 0) {
		job->id = 0;
		ipp_status_t e = cupsLastError();
		if (e == IPP_STATUS_ERROR_NOT_FOUND) {
			snprintf(job->failed.reason, sizeof job->failed.reason,
			         _("No printer named \"%s\""), job->printer);
			return -ENOENT;
		}
		if (e == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS)
			print_set(&job->failed, PRINT_FAILED,
			          _("The printer does not accept jobs now"));
		else
			snprintf(job->failed.reason, sizeof job->failed.reason,
			         _("The printer refused the job: %s"), print_cups_error());
		return -EIO;
	}
	return 0;
}

/* One printer-state-reasons keyword in plain words; NULL when it is not
 * something a citizen or the desk can act on. The -error/-warning/-report
 * suffix does not change what the person has to do. */
static const char *print_reason_words(const char *kw)
{
	static const struct {
		const char *prefix;
		const char *words;
	} map[] = {
	    {"media-empty", N_("The printer is out of paper")},
	    {"media-needed", N_("The printer is out of paper")},
	    {"input-tray-missing", N_("The printer's paper tray is missing")},
	    {"media-jam", N_("Paper is jammed in the printer")},
	    {"toner-empty", N_("The printer is out of ink or toner")},
	    {"marker-supply-empty", N_("The printer is out of ink or toner")},
	    {"door-open", N_("A cover of the printer is open")},
	    {"cover-open", N_("A cover of the printer is open")},
	    {"interlock-open", N_("A cover of the printer is open")},
	    {"offline", N_("The printer is switched off or not connected")},
	    {"connecting-to-device", N_("The printer is switched off or not connected")},
	    {"timed-out", N_("The printer is switched off or not connected")},
	    {"paused", N_("The printer is paused")},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
		size_t n = strlen(map[i].prefix);
		if (!strncmp(kw, map[i].prefix, n) && (kw[n] == 0 || kw[n] == '-'))
			return _(map[i].words);
	}
	return NULL;
}

static ipp_t *print_request(ipp_op_t op, const char *uri_attr, const char *uri,
                            const char *const *attrs, int n_attrs)
{
	ipp_t *req = ippNewRequest(op);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, uri_attr, NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
	             cupsUser());
	ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", n_attrs,
	              NULL, attrs);
	return cupsDoRequest(CUPS_HTTP_DEFAULT, req, "/");
}

/* What the printer says: stopped or not, and the first reason in plain words. */
static void print_printer_state(const char *printer, bool *stopped, const char **reason)
{
	*stopped = false;
	*reason = NULL;
	char uri[HTTP_MAX_URI];
	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", ippPort(),
	                 "/printers/%s", printer);
	static const char *const attrs[] = {"printer-state", "printer-state-reasons"};
	ipp_t *resp = print_request(IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", uri, attrs, 2);
	if (!resp)
		return;
	ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
	*stopped = a && ippGetInteger(a, 0) == IPP_PSTATE_STOPPED;
	a = ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD);
	for (int i = 0; a && i < ippGetCount(a) && !*reason; i++)
		*reason = print_reason_words(ippGetString(a, i, NULL));
	ippDelete(resp);
}

print_state print_poll(print_job *job, print_status *st)
{
	if (!job->id) {
		*st = job->failed;
		return st->state;
	}
	char uri[HTTP_MAX_URI];
	httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", ippPort(),
	                 "/jobs/%d", job->id);
	static const char *const attrs[] = {"job-state"};
	ipp_t *resp = print_request(IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", uri, attrs, 1);
	if (!resp || ippGetStatusCode(resp) > IPP_STATUS_OK_EVENTS_COMPLETE) {
		ipp_status_t e = cupsLastError();
		ippDelete(resp);
		print_set(st, PRINT_FAILED,
		          e == IPP_STATUS_ERROR_NOT_FOUND ? _("The print job was lost")
		                                          : print_cups_error());
		return st->state;
	}
	ipp_attribute_t *a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
	ipp_jstate_t js = a ? (ipp_jstate_t)ippGetInteger(a, 0) : IPP_JSTATE_PENDING;
	ippDelete(resp);

	if (js == IPP_JSTATE_COMPLETED) {
		print_set(st, PRINT_DONE, NULL);
		return st->state;
	}
	if (js == IPP_JSTATE_CANCELED) {
		print_set(st, PRINT_FAILED, _("The print job was cancelled"));
		return st->state;
	}
	if (js == IPP_JSTATE_ABORTED) {
		print_set(st, PRINT_FAILED, _("The printer could not print the sheet"));
		return st->state;
	}
	bool stopped;
	const char *reason;
	print_printer_state(job->printer, &stopped, &reason);
	if (js == IPP_JSTATE_STOPPED || stopped) {
		/* It would wait for staff to restart the printer: say so now. */
		print_set(st, PRINT_FAILED, reason ? reason : _("The printer is stopped"));
		return st->state;
	}
	print_set(st, js == IPP_JSTATE_PROCESSING ? PRINT_PRINTING : PRINT_QUEUED, reason);
	return st->state;
}

static long print_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

print_state print_wait(print_job *job, int timeout_ms, print_status *st)
{
	long end = print_now_ms() + timeout_ms;
	for (;;) {
		print_state s = print_poll(job, st);
		if (s == PRINT_DONE || s == PRINT_FAILED)
			return s;
		if (print_now_ms() >= end) {
			/* What the printer says is the better reason, when it says anything. */
			if (!st->reason[0])
				print_set(st, PRINT_FAILED,
				          _("The sheet did not finish printing in time"));
			st->state = PRINT_FAILED;
			return st->state;
		}
		struct timespec pause = {0, 100 * 1000000L};
		nanosleep(&pause, NULL);
	}
}

int print_cancel(print_job *job)
{
	if (!job->id)
		return 0;
	ipp_status_t e = cupsCancelJob2(CUPS_HTTP_DEFAULT, job->printer, job->id, 0);
	return e <= IPP_STATUS_OK_EVENTS_COMPLETE ? 0 : -EIO;
}

int print_job_id(const print_job *job)
{
	return job->id;
}

const char *print_job_printer(const print_job *job)
{
	return job->printer;
}

void print_job_free(print_job *job)
{
	if (!job)
		return;
	free(job->printer);
	free(job);
}
