/* print — see print.h. libcups is used only here.
 *
 * Two IPP requests per poll, both to the local cupsd: Get-Job-Attributes for
 * the job's state and Get-Printer-Attributes for what the printer says about
 * itself (printer-state-reasons), which is where "out of paper" and
 * "paused" live. */
#include "print.h"

#include <cups/cups.h>
#include <errno.h>
#include <poll.h>
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

/* The longest any one request to cupsd may take. A scheduler that accepts
 * but does not answer (hung, or busy) would otherwise freeze the kiosk's
 * main loop inside libcups: citizens see a frozen screen, the watchdog
 * kills it, and systemctl stop waits for SIGKILL. */
#define PRINT_REQUEST_MAX_S 10.0

static http_t *print_conn;      /* our own connection to cupsd, NULL until needed */
static int print_abort_fd = -1; /* readable: give up at once (a stop signal) */
static double print_deadline;

static double print_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void print_set_abort_fd(int fd)
{
	print_abort_fd = fd;
}

/* libcups asks this whenever it has waited a moment for cupsd: 1 to wait
 * on, 0 to give up the request. */
static int print_keep_waiting(http_t *http, void *data)
{
	(void)http;
	(void)data;
	if (print_abort_fd >= 0) {
		struct pollfd p = {.fd = print_abort_fd, .events = POLLIN};
		if (poll(&p, 1, 0) > 0)
			return 0;
	}
	return print_now_s() < print_deadline;
}

/* The connection for the next request, with its time limit started. NULL
 * when cupsd cannot be reached. */
static http_t *print_http(void)
{
	if (!print_conn)
		print_conn = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC,
		                          cupsEncryption(), 1, 2000, NULL);
	print_deadline = print_now_s() + PRINT_REQUEST_MAX_S;
	if (print_conn)
		httpSetTimeout(print_conn, 0.2, print_keep_waiting, NULL);
	return print_conn;
}

/* After a request that failed: the connection may be mid-request (given
 * up), so the next one starts afresh. */
static void print_http_reset(void)
{
	if (print_conn)
		httpClose(print_conn);
	print_conn = NULL;
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

static ipp_t *print_request(ipp_op_t op, const char *uri_attr, const char *uri,
                            const char *const *attrs, int n_attrs);

/* The queue to print to: printer when cupsd knows it, else (printer NULL
 * or "") cupsd's default destination; NULL when there is none, with *down
 * when cupsd could not be asked. Asked over our own connection, so that
 * the time limit holds (cupsGetNamedDest makes connections of its own). */
static char *print_find_dest(const char *printer, bool *down)
{
	*down = false;
	if (!printer || !*printer) {
		http_t *http = print_http();
		const char *d = http ? cupsGetDefault2(http) : NULL;
		if (d)
			return xstrdup(d);
		print_http_reset();
		*down = !http || !print_cups_reachable();
		return NULL;
	}
	/* "desk/draft" names an lpoptions instance of the queue "desk"; the
	 * job goes to the queue (no options are sent either way). */
	char *queue = xstrndup(printer, strcspn(printer, "/"));
	bool found = false;
	/* A printer, or a class of printers. */
	for (int i = 0; i < 2 && !found && !*down; i++) {
		char uri[HTTP_MAX_URI];
		httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost",
		                 ippPort(), i ? "/classes/%s" : "/printers/%s", queue);
		static const char *const attrs[] = {"printer-name"};
		ipp_t *resp =
		    print_request(IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", uri, attrs, 1);
		found = resp && ippGetStatusCode(resp) <= IPP_STATUS_OK_EVENTS_COMPLETE;
		*down = !resp;
		ippDelete(resp);
	}
	if (!found) {
		free(queue);
		return NULL;
	}
	return queue;
}

int print_submit(const char *printer, const char *path, const char *title, print_job **out)
{
	print_job *job = xcalloc(1, sizeof *job);
	*out = job;
	job->failed.state = PRINT_FAILED;
	bool down = false;
	char *name = print_find_dest(printer, &down);
	if (!name) {
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
	job->printer = name;
	http_t *http = print_http();
	job->id =
	    http ? cupsPrintFile2(http, job->printer, path, title ? title : "motcua", 0, NULL) : 0;
	if (job->id <= 0) {
		job->id = 0;
		print_http_reset();
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
	http_t *http = print_http();
	if (!http) {
		ippDelete(req);
		return NULL;
	}
	ipp_t *resp = cupsDoRequest(http, req, "/");
	if (!resp)
		print_http_reset();
	return resp;
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
	http_t *http = print_http();
	ipp_status_t e = http ? cupsCancelJob2(http, job->printer, job->id, 0)
	                      : IPP_STATUS_ERROR_SERVICE_UNAVAILABLE;
	if (e > IPP_STATUS_OK_EVENTS_COMPLETE)
		print_http_reset();
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
