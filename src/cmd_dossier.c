/* motcua dossier import FILE | show CODE — the dossier list (issue 13):
 * install ho_so.csv apart from the catalogue, and print one dossier's
 * status as a citizen would read it at the kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "core/dossier.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

static int usage_dossier(void)
{
	fputs(_("usage: motcua dossier import FILE\n       motcua dossier show CODE\n"), stderr);
	return 2;
}

static int dossier_import(motcua_env *env, const char *file)
{
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	if (env->cfg.refused) {
		fprintf(stderr, _("%s: nothing was imported: the configuration cannot be trusted (%s)\n"), file,
		        env->cfg.refused);
		return 3;
	}
	/* The list carries no catalogue text and no signature (README:
	 * "The dossier list"); what guards it is who may write the store. */
	const char *slash = strrchr(file, '/');
	const char *shown = slash ? slash + 1 : file;
	diag_list diag = {0};
	dossier_list l = {0};
	char *buf = NULL;
	size_t len = 0;
	bool ok = dossier_file_read(file, shown, &buf, &len, &diag) &&
	          dossier_list_parse(shown, buf, len, env->cat, &l, &diag);
	free(buf);
	diag_print(&diag, stderr);
	if (!ok) {
		char *esc = text_escape(file, false);
		fprintf(stderr, _("%s: %zu error(s); the dossier list was not changed\n"), esc, diag.errors);
		free(esc);
		rc = 1;
		goto end;
	}
	diag_clear(&diag);
	if (dossier_install(&env->st, &l, time(NULL), &diag) < 0) {
		diag_print(&diag, stderr);
		rc = 3;
		goto end;
	}
	printf(_("installed a dossier list of %zu dossiers\n"), l.n);
end:
	diag_clear(&diag);
	dossier_list_clear(&l);
	return rc;
}

/* What a citizen reads about dossier d on `today`, one line each; the
 * kiosk's screen says the same. */
static void print_dossier(motcua_env *env, const dossier *d, int today)
{
	char date[11];
	char *code = text_escape(d->code, false), *proc = text_escape(d->proc_code, false);
	printf(_("Dossier: %s\n"), code);
	procedure *p = env->cat ? catalog_get(env->cat, d->proc_code) : NULL;
	if (p) {
		char *name = text_escape(p->name, false);
		printf(_("Procedure: %s — %s\n"), proc, name);
		free(name);
	} else {
		printf(_("Procedure: %s\n"), proc);
	}
	procedure_free(p);
	printf(_("Status: %s\n"), dossier_status_text(d->status));
	dossier_date_format(d->received, date);
	printf(_("Received on: %s\n"), date);
	dossier_date_format(d->due, date);
	printf(_("Due on: %s\n"), date);
	int late = dossier_days_overdue(d, today);
	if (late > 0) {
		char *t = dossier_overdue_text(late);
		printf("%s\n", t);
		free(t);
	}
	if (d->note && *d->note) {
		/* A note of several lines stays under its label. */
		char *note = text_escape(d->note, true);
		char *label = xasprintf(d->status == DOSSIER_NEEDS_PAPERS ? _("Please bring: %s\n") : _("Note: %s\n"), "");
		size_t pad = text_length(label) - 1;
		label[strlen(label) - 1] = 0;
		fputs(label, stdout);
		for (const char *q = note; *q; q++) {
			putchar(*q);
			if (*q == '\n' && q[1])
				printf("%*s", (int)pad, "");
		}
		putchar('\n');
		free(label);
		free(note);
	} else if (d->status == DOSSIER_NEEDS_PAPERS) {
		printf("%s\n", _("Please ask at the desk which papers to bring."));
	}
	free(code);
	free(proc);
}

static int dossier_show(motcua_env *env, const char *code)
{
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	char *path = dossier_db_path(&env->st);
	dossier_db *db = dossier_db_open(path);
	free(path);
	char *esc = text_escape(code, false);
	if (!db) {
		fprintf(stderr, _("motcua: no dossier list is installed (motcua dossier import FILE)\n"));
		rc = 1;
		goto end;
	}
	dossier d;
	if (!dossier_db_find(db, code, &d)) {
		fprintf(stderr, _("motcua: no dossier with receipt code '%s' in the list\n"), esc);
		rc = 1;
		goto end;
	}
	time_t now = time(NULL);
	print_dossier(env, &d, dossier_day_of(now));
	char date[11];
	dossier_date_format(dossier_day_of(dossier_db_installed_at(db)), date);
	printf(_("List of %s\n"), date);
	dossier_free_fields(&d);
end:
	free(esc);
	dossier_db_close(db);
	return rc;
}

int cmd_dossier(motcua_env *env, int argc, char **argv)
{
	if (argc != 3 || !*argv[2])
		return usage_dossier();
	if (!strcmp(argv[1], "import"))
		return dossier_import(env, argv[2]);
	if (!strcmp(argv[1], "show"))
		return dossier_show(env, argv[2]);
	return usage_dossier();
}
