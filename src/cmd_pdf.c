/* cmd_pdf — `motcua pdf CODE [--summary] [--lang LANG] -o FILE` and `motcua
 * print CODE [--summary] [--lang LANG] [--printer NAME] [--form N]` (DESIGN
 * §2, §6, §8).
 *
 * --summary makes the one-page summary instead of the full guide. --lang
 * makes the sheet a citizen who chose the content language LANG prints at
 * the kiosk (sheet_lang.h); "vi" is the Vietnamese sheet.
 *
 * Both build the sheet the same way as the kiosk does: the procedure, its
 * FAQ, the hotlines and the unit name (the configuration's unit_name, else
 * the bundle's don_vi). print sends it (or blank form N of the bundle)
 * through CUPS and waits for the job to finish, reporting the reason in
 * plain words when it does not. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "core/catalog.h"
#include "core/diag.h"
#include "core/i18n.h"
#include "core/pdf_keycard.h"
#include "core/pdf_sheet.h"
#include "core/sheet_lang.h"
#include "core/wallclock.h"
#include "core/xalloc.h"
#include "platform/print.h"

/* How long the CLI waits for a job: a slow printer warming up, not a jam. */
#define PRINT_TIMEOUT_MS 120000

/* msg may quote a code or a path: printed escaped, like every diagnostic. */
static void cmd_pdf_error(const char *what, const char *msg)
{
	diag_report(stderr, DIAG_ERROR, what, 0, "%s", msg);
}

/* True when the system clock is known to be wrong (before the catalogue's
 * issue date or this program's build), after warning: the sheet then has
 * no print time rather than a wrong one. */
static bool cmd_pdf_clock_wrong(time_t now, const bundle_info *info)
{
	const char *issued = info ? info->date : NULL;
	wallclock_verdict v = wallclock_check(now, issued, wallclock_build_time());
	if (v == WALLCLOCK_OK)
		return false;
	char when[32], floor[32];
	wallclock_format(now, when, sizeof when);
	wallclock_format(wallclock_floor(issued, wallclock_build_time()), floor, sizeof floor);
	char *msg = v == WALLCLOCK_BEFORE_CATALOGUE
	                ? xasprintf(_("the system clock says %s, before the catalogue's issue date %s: "
	                              "the sheet is printed without the time"),
	                            when, issued)
	                : xasprintf(_("the system clock says %s, before this program was built (%s): "
	                              "the sheet is printed without the time"),
	                            when, floor);
	fprintf(stderr, "motcua: %s: %s\n", _("warning"), msg);
	free(msg);
	return true;
}

/* 0 when lang is NULL, "vi" or a content language of the catalogue; else
 * says which languages it has and returns 1: a well-formed code the bundle
 * does not carry is invalid input, like an unknown procedure code (a
 * malformed one is a usage error, motcua_lang_code_ok). */
static int cmd_pdf_check_lang(motcua_env *env, const char *lang)
{
	if (!lang || !strcmp(lang, "vi"))
		return 0;
	char **v;
	size_t n = catalog_langs(env->cat, &v);
	bool found = false;
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		found |= !strcmp(v[i], lang);
		len += strlen(v[i]) + 2;
	}
	char *list = xmalloc(len + 1);
	list[0] = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(list, ", ");
		strcat(list, v[i]);
		free(v[i]);
	}
	free(v);
	if (!found) {
		char *msg = xasprintf(_("the catalogue has no translation into %s (languages: vi%s%s)"),
		                      lang, n ? ", " : "", list);
		cmd_pdf_error("motcua", msg);
		free(msg);
	}
	free(list);
	return found ? 0 : 1;
}

/* Writes the sheet of code to path, in content language lang (NULL: Vietnamese).
 * Returns an exit status. */
static int cmd_pdf_write_sheet(motcua_env *env, const char *code, bool summary, const char *lang,
                               const char *path)
{
	procedure *p = catalog_get(env->cat, code);
	if (!p) {
		char *msg = xasprintf(_("no procedure has the code %s"), code);
		cmd_pdf_error("motcua", msg);
		free(msg);
		return 1;
	}
	const bundle_info *info = catalog_info(env->cat);
	time_t now = time(NULL);
	bool clock_wrong = cmd_pdf_clock_wrong(now, info);
	pdf_sheet_ctx ctx = {
	    .unit_name =
	        !str_empty(env->cfg.unit_name) ? env->cfg.unit_name : (info ? info->unit : NULL),
	    .printed_at = now,
	    .clock_wrong = clock_wrong,
	    .summary = summary,
	};
	bool translated = lang && strcmp(lang, "vi") && sheet_lang_apply(env->cat, lang, p, &ctx);
	if (lang && strcmp(lang, "vi") && !translated) {
		fprintf(stderr, "motcua: %s: ", _("warning"));
		fprintf(stderr, _("procedure %s has no translation into %s: the sheet is in Vietnamese\n"),
		        code, lang);
	}
	/* The questions (marked where they stay Vietnamese) and the hotlines
	 * in the sheet's language where the bundle translates them
	 * (dich/LANG/faq.csv, hotlines.csv), as on the screen. */
	faq *faqs = NULL;
	catalog_data extras = {0};
	sheet_lang_extras(env->cat, &ctx, code, &faqs, &extras);
	char *err = NULL;
	int rc = 0;
	if (pdf_sheet_write(p, &ctx, path, &err) < 0) {
		cmd_pdf_error(path, err ? err : "?");
		rc = 3;
	}
	free(err);
	catalog_data_clear(&extras);
	catalog_faqs_free(faqs, ctx.n_faqs);
	procedure_free(p);
	return rc;
}

static int cmd_pdf_usage(void)
{
	fputs(_("usage: motcua pdf CODE [--summary] [--lang LANG] -o FILE\n"
	        "       motcua print CODE [--summary] [--lang LANG] [--printer NAME] [--form N]\n"),
	      stderr);
	return 2;
}

int cmd_pdf(motcua_env *env, int argc, char **argv)
{
	const char *code = NULL, *out = NULL, *lang = NULL;
	bool summary = false;
	bool keycard = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--summary"))
			summary = true;
		else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[++i];
		else if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
		else if (!strcmp(argv[i], "--keycard"))
			keycard = true;
		else if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) && i + 1 < argc)
			out = argv[++i];
		else if (!strncmp(argv[i], "--output=", 9))
			out = argv[i] + 9;
		else if (argv[i][0] != '-' && !code)
			code = argv[i];
		else
			return cmd_pdf_usage();
	}
	if (keycard) { /* the keypad's key card (issue 12.2): no catalogue needed */
		if (code || summary || lang || !out)
			return cmd_pdf_usage();
		char *err = NULL;
		int rc = pdf_keycard_write(out, NULL, &err);
		if (rc)
			fprintf(stderr, "motcua: %s\n", err);
		free(err);
		return rc ? 3 : 0;
	}
	if (!code || !out)
		return cmd_pdf_usage();
	if (lang && !motcua_lang_code_ok(lang, true))
		return 2;
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	if ((rc = cmd_pdf_check_lang(env, lang)))
		return rc;
	return cmd_pdf_write_sheet(env, code, summary, lang, out);
}

/* A new empty file "/tmp/motcua-XXXXXX.pdf" (or under $TMPDIR); NULL on failure. */
static char *cmd_pdf_temp(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/motcua-XXXXXX.pdf", dir && *dir ? dir : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		char *msg = xasprintf(_("cannot create a temporary file: %s"), strerror(errno));
		cmd_pdf_error(path, msg);
		free(msg);
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

/* Blank form n (1-based) of the procedure, copied to path. Returns an exit status. */
static int cmd_pdf_write_form(motcua_env *env, const char *code, long n, const char *path)
{
	procedure *p = catalog_get(env->cat, code);
	if (!p) {
		char *msg = xasprintf(_("no procedure has the code %s"), code);
		cmd_pdf_error("motcua", msg);
		free(msg);
		return 1;
	}
	int rc = 0;
	if (n < 1 || (size_t)n > p->forms.n) {
		char *msg = xasprintf(_("procedure %s has %zu form(s); there is no form %ld"), code,
		                      p->forms.n, n);
		cmd_pdf_error("motcua", msg);
		free(msg);
		rc = 1;
		goto end;
	}
	const item *form = &p->forms.v[n - 1];
	size_t size = 0;
	unsigned char *data =
	    str_empty(form->extra) ? NULL : catalog_blob(env->cat, form->extra, &size);
	if (!data) {
		char *msg = xasprintf(_("the file of form %ld (%s) is not in the catalogue"), n,
		                      str_empty(form->extra) ? form->text : form->extra);
		cmd_pdf_error("motcua", msg);
		free(msg);
		rc = 1;
		goto end;
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		cmd_pdf_error(path, strerror(errno));
		rc = 3;
	}
	free(data);
end:
	procedure_free(p);
	return rc;
}

int cmd_print(motcua_env *env, int argc, char **argv)
{
	const char *code = NULL, *printer = NULL, *lang = NULL;
	long form = 0;
	bool summary = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--summary")) {
			summary = true;
		} else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			lang = argv[++i];
		} else if (!strncmp(argv[i], "--lang=", 7)) {
			lang = argv[i] + 7;
		} else if (!strcmp(argv[i], "--printer") && i + 1 < argc) {
			printer = argv[++i];
		} else if (!strncmp(argv[i], "--printer=", 10)) {
			printer = argv[i] + 10;
		} else if (!strcmp(argv[i], "--form") && i + 1 < argc) {
			char *end;
			form = strtol(argv[++i], &end, 10);
			if (*end || form < 1)
				return cmd_pdf_usage();
		} else if (argv[i][0] != '-' && !code) {
			code = argv[i];
		} else {
			return cmd_pdf_usage();
		}
	}
	if (!code || (summary && form) || (lang && form))
		return cmd_pdf_usage();
	if (lang && !motcua_lang_code_ok(lang, true))
		return 2;
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	if ((rc = cmd_pdf_check_lang(env, lang)))
		return rc;
	if (!printer && !str_empty(env->cfg.printer))
		printer = env->cfg.printer;

	char *path = cmd_pdf_temp();
	if (!path)
		return 3;
	if (form)
		rc = cmd_pdf_write_form(env, code, form, path);
	else
		rc = cmd_pdf_write_sheet(env, code, summary, lang, path);
	if (rc) {
		unlink(path);
		free(path);
		return rc;
	}
	/* The job's title says which document it is (CODE, CODE-summary, CODE-form-N). */
	char *title = form      ? xasprintf("%s-form-%ld", code, form)
	              : summary ? xasprintf("%s-summary", code)
	                        : xstrdup(code);
	print_job *job = NULL;
	print_submit(printer, path, title, &job);
	/* CUPS has its own copy of the file once the job is submitted. */
	unlink(path);
	print_status st;
	if (print_wait(job, PRINT_TIMEOUT_MS, &st) == PRINT_DONE) {
		printf(_("printed on %s (job %d)\n"), print_job_printer(job), print_job_id(job));
	} else {
		/* Do not let it come out later, when nobody is waiting for it. */
		print_cancel(job);
		const char *queue = print_job_printer(job);
		cmd_pdf_error(queue ? queue : printer ? printer : "motcua", st.reason);
		rc = 3;
	}
	print_job_free(job);
	free(title);
	free(path);
	return rc;
}
