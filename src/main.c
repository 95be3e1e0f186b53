/* motcua — one binary, subcommands (DESIGN §2).
 *
 * Exit status: 0 ok, 1 invalid input data (nothing changed), 2 usage error,
 * 3 system or I/O error. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bundle.h"
#include "core/bundle_schema.h"
#include "core/catalog.h"
#include "core/config.h"
#include "core/diag.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/store.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "commands.h"

const char *motcua_data_path(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof buf, "%s/%s", paths_datadir(), rel);
	return buf;
}

bool motcua_lang_code_ok(const char *lang, bool vi_ok)
{
	if (i18n_code_valid(lang) && (vi_ok || strcmp(lang, "vi")))
		return true;
	fprintf(stderr,
	        _("motcua: '%s' is not a language code: give the language's ISO 639 code in "
	          "lower case (hmn for H'Mông, blt for Tai Dam)\n"),
	        lang);
	return false;
}

static void usage(FILE *out)
{
	help_print_usage(out);
}

/* Shared set-up for every command that reads the catalogue. */
int motcua_env_open(motcua_env *env, bool need_catalog)
{
	diag_list diag = {0};
	/* Fail closed, stay up: a configuration that cannot be trusted refuses
	 * imports and the default PIN (cfg.refused) but every command still
	 * runs, so citizens keep the installed catalogue. */
	config_load(&env->cfg, env->config_path, &diag);
	if (env->cfg.refused)
		fprintf(stderr,
		        _("motcua: imports and the default PIN are refused until the configuration "
		          "is fixed: %s\n"),
		        env->cfg.refused);
	if (store_open(&env->st, env->store_dir) < 0) {
		diag_print(&diag, stderr);
		diag_clear(&diag);
		return 3;
	}
	if (need_catalog && !store_has_catalog(&env->st) &&
	    store_ensure(&env->st, motcua_data_path("motcua"), &diag) < 0) {
		diag_print(&diag, stderr);
		diag_clear(&diag);
		return 3;
	}
	diag_print(&diag, stderr);
	diag_clear(&diag);
	if (need_catalog) {
		char *err = NULL;
		env->cat = catalog_open(env->st.catalog_path, &err);
		if (!env->cat) {
			diag_report(stderr, DIAG_ERROR, env->st.catalog_path, 0, "%s",
			            err ? err : "?");
			free(err);
			return 3;
		}
	}
	return 0;
}

void motcua_env_close(motcua_env *env)
{
	catalog_close(env->cat);
	store_close(&env->st);
	config_clear(&env->cfg);
}

static int cmd_check_or_import(motcua_env *env, int argc, char **argv, bool do_import)
{
	bool allow_downgrade = false;
	const char *dir = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--allow-downgrade"))
			allow_downgrade = true;
		else if (!dir)
			dir = argv[i];
		else
			return 2;
	}
	if (!dir) {
		usage(stderr);
		return 2;
	}
	int rc = motcua_env_open(env, false);
	if (rc)
		return rc;
	if (do_import && env->cfg.refused) {
		fprintf(stderr,
		        _("%s: nothing was imported: the configuration cannot be trusted (%s)\n"),
		        dir, env->cfg.refused);
		return 3;
	}
	bundle_opts opts = {
		.public_key = env->cfg.public_key,
		.installed_version = store_installed_version(&env->st),
		.allow_downgrade = allow_downgrade,
		.glyphs = true,
	};
	catalog_data d = {0};
	diag_list diag = {0};
	bool ok = bundle_read(dir, &opts, &d, &diag);
	diag_print(&diag, stderr);
	if (!ok) {
		char *shown = text_escape(dir, false);
		fprintf(stderr, _("%s: %zu error(s); nothing was changed\n"), shown, diag.errors);
		free(shown);
		rc = 1;
		goto end;
	}
	if (d.info.signer && *d.info.signer)
		printf(_("signed by: %s\n"), d.info.signer); /* escaped by bundle_read */
	/* The installed catalogue is compared one record at a time: a check
	 * never holds two catalogues in memory (DESIGN §3: under 400 MiB). */
	catalog *c = store_has_catalog(&env->st) ? catalog_open(env->st.catalog_path, NULL) : NULL;
	bundle_diff diff = {0};
	bundle_diff_catalog(c, &d, &diff);
	catalog_close(c);
	printf(_("%zu procedures; %zu added, %zu changed, %zu removed\n"), d.n_procs, diff.n_added,
	       diff.n_changed, diff.n_removed);
	for (size_t i = 0; i < diff.n_added; i++)
		printf("+ %s\n", diff.added[i]);
	for (size_t i = 0; i < diff.n_changed; i++) {
		printf("~ %s\n", diff.changed[i]);
		if (*diff.changed_fields[i])
			printf("  %s%s\n", _("Changed: "), diff.changed_fields[i]);
	}
	for (size_t i = 0; i < diff.n_removed; i++)
		printf("- %s\n", diff.removed[i]);
	if (d.n_places || diff.places_changed)
		printf(_("%zu old commune and ward names (dia_ban.csv)%s\n"), d.n_places,
		       diff.places_changed ? _("; changed") : "");
	bundle_diff_clear(&diff);
	if (do_import) {
		diag_clear(&diag);
		if (store_install(&env->st, &d, &diag) < 0) {
			diag_print(&diag, stderr);
			rc = 3;
			goto end;
		}
		printf(_("imported version %ld\n"), d.info.version);
	}
end:
	/* check still shows what it found, but cannot vouch for the signature. */
	if (!do_import && env->cfg.refused) {
		fprintf(stderr,
		        _("%s: the signature cannot be verified: the configuration cannot be "
		          "trusted (%s)\n"),
		        dir, env->cfg.refused);
		rc = 3;
	}
	diag_clear(&diag);
	catalog_data_clear(&d);
	return rc;
}

static int cmd_export(motcua_env *env, int argc, char **argv)
{
	/* export --template LANG DIR: a translators' template (dich/LANG/). */
	const char *lang = NULL;
	if (argc == 4 && !strcmp(argv[1], "--template")) {
		lang = argv[2];
		argv += 2;
		argc -= 2;
		if (!motcua_lang_code_ok(lang, false))
			return 2;
	}
	if (argc != 2) {
		usage(stderr);
		return 2;
	}
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	catalog_data d = {0};
	diag_list diag = {0};
	size_t n_rows[TR_KINDS] = {0};
	if (catalog_load(env->cat, &d) < 0) {
		diag_report(stderr, DIAG_ERROR, env->st.catalog_path, 0, "%s",
		            _("cannot read the catalogue"));
		rc = 3;
	} else if (lang ? bundle_write_template(argv[1], &d, lang, n_rows, &diag) < 0
	                : bundle_write(argv[1], &d, &diag) < 0) {
		rc = 3;
	} else if (lang) {
		printf(_("%s/dich/%s/procedures.csv: %zu procedures to translate\n"), argv[1], lang,
		       d.n_procs);
		for (int k = 0; k < TR_KINDS; k++)
			if (n_rows[k]) /* the rows written: those with a shared key are left out */
				printf(_("%s/dich/%s/%s: %zu rows to translate\n"), argv[1], lang,
				       bundle_schema_row_table(k)->file, n_rows[k]);
	}
	diag_print(&diag, stderr);
	diag_clear(&diag);
	catalog_data_clear(&d);
	return rc;
}

static int cmd_rollback(motcua_env *env, int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		usage(stderr);
		return 2;
	}
	int rc = motcua_env_open(env, false);
	if (rc)
		return rc;
	diag_list diag = {0};
	if (store_rollback(&env->st, &diag) < 0)
		rc = 3;
	else
		printf(_("restored version %ld\n"), store_installed_version(&env->st));
	diag_print(&diag, stderr);
	diag_clear(&diag);
	return rc;
}

static int cmd_search(motcua_env *env, int argc, char **argv)
{
	/* --related: what merely resembles a query that finds nothing (the
	 * kiosk's "gần giống" list); nothing when the query finds something. */
	bool related = argc >= 2 && !strcmp(argv[1], "--related");
	if (related) {
		argc--;
		argv++;
	}
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	/* Several words without quotes are one query. */
	size_t len = 0;
	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *q = xcalloc(1, len + 1);
	for (int i = 1; i < argc; i++) {
		strcat(q, argv[i]);
		if (i + 1 < argc)
			strcat(q, " ");
	}
	int rc = motcua_env_open(env, true);
	if (rc == 0) {
		proc_summary *res = NULL;
		size_t n = related ? catalog_search_related(env->cat, q, 3, &res)
		                   : catalog_search(env->cat, q, 50, &res);
		for (size_t i = 0; i < n; i++) {
			/* catalogue text: a tab or line break in a name must not
			 * make a column or a line of its own */
			char *code = text_escape(res[i].code, false);
			char *name = text_escape(res[i].name, false);
			printf("%s\t%s\n", code, name);
			free(code);
			free(name);
		}
		catalog_summaries_free(res, n);
	}
	free(q);
	return rc;
}

static const struct {
	const char *name;
	int (*fn)(motcua_env *env, int argc, char **argv);
} commands[] = {
	{"check", NULL}, /* handled below: shares its body with import */
	{"import", NULL},
	{"export", cmd_export},
	{"rollback", cmd_rollback},
	{"search", cmd_search},
	{"show", cmd_show},
	{"kiosk", cmd_kiosk},
	{"pdf", cmd_pdf},
	{"print", cmd_print},
	{"dossier", cmd_dossier},
	{"report", cmd_report},
	{"speak", cmd_speak},
	{"help", cmd_help},
	{"complete-codes", cmd_complete_codes},
};

/* Debian 12's espeak-ng (1.51) opens a test connection to PulseAudio when
 * the voice is loaded, although motcua only takes its samples (SDL plays
 * them). Without a session of the user's own (the service; runuser, which
 * keeps root's XDG_RUNTIME_DIR) there is no sound server to reach, and
 * libpulse would make ~/.config/pulse with a link into /tmp in the motcua
 * user's home, which is the store (or start a sound server where one is
 * installed). Pointed at no server, the probe fails at once and writes
 * nothing; SDL then uses ALSA. Set before any thread starts. */
static void no_session_no_sound_server(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	if (getenv("PULSE_SERVER") || (run && stat(run, &st) == 0 && st.st_uid == getuid()))
		return;
	setenv("PULSE_SERVER", "unix:/dev/null", 1);
}

int main(int argc, char **argv)
{
	no_session_no_sound_server();
	i18n_init();
	motcua_env env = {0};
	static const struct option opts[] = {
		{"store", required_argument, NULL, 's'},
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{0},
	};
	/* Global options come before the command; "+" stops at the first non-option. */
	int ch;
	while ((ch = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (ch) {
		case 's': env.store_dir = optarg; break;
		case 'c': env.config_path = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V': help_print_version(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	char *kiosk_argv[] = {"kiosk", NULL};
	if (sub_argc == 0) {
		sub_argc = 1;
		sub_argv = kiosk_argv;
	}
	/* --store / --config may also follow the command. */
	int kept = 1;
	for (int i = 1; i < sub_argc; i++) {
		if ((!strcmp(sub_argv[i], "--store") || !strcmp(sub_argv[i], "--config")) &&
		    i + 1 < sub_argc) {
			if (sub_argv[i][2] == 's')
				env.store_dir = sub_argv[i + 1];
			else
				env.config_path = sub_argv[i + 1];
			i++;
		} else if (!strncmp(sub_argv[i], "--store=", 8)) {
			env.store_dir = sub_argv[i] + 8;
		} else if (!strncmp(sub_argv[i], "--config=", 9)) {
			env.config_path = sub_argv[i] + 9;
		} else {
			sub_argv[kept++] = sub_argv[i];
		}
	}
	sub_argc = kept;

	const char *name = sub_argv[0];
	int rc = -1;
	/* `motcua COMMAND --help` for every command, before its own parsing
	 * (so that `search --help` is not a search for "--help"). */
	if (help_wanted(sub_argc, sub_argv)) {
		rc = help_command(name, stdout);
	} else if (!strcmp(name, "check") || !strcmp(name, "import")) {
		rc = cmd_check_or_import(&env, sub_argc, sub_argv, name[0] == 'i');
	} else {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (commands[i].fn && !strcmp(name, commands[i].name))
				rc = commands[i].fn(&env, sub_argc, sub_argv);
	}
	if (rc < 0) {
		char *shown = text_escape(name, false);
		fprintf(stderr, _("motcua: unknown command '%s'\n"), shown);
		free(shown);
		usage(stderr);
		rc = 2;
	}
	motcua_env_close(&env);
	return rc;
}
