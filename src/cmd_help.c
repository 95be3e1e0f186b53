/* cmd_help — `motcua --version`, `motcua help [COMMAND]`, `motcua COMMAND
 * --help`, and the hidden `motcua complete-codes` that bash completion uses
 * (Debian's conventions for a command-line program, issue 10). One table
 * lists every command; a new command adds its line here. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "core/i18n.h"

typedef struct command_help {
	const char *name;
	const char *synopsis; /* after "motcua " */
	const char *what;     /* one line, translated */
} command_help;

static const command_help help_table[] = {
	{"kiosk", "kiosk [--windowed] [--size WxH] [--rotate 0|90|180|270]\n"
	          "       motcua kiosk --headless --size WxH --script FILE --shots DIR",
	 N_("run the touchscreen kiosk (fullscreen unless --windowed)")},
	{"check", "check [--allow-downgrade] DIR",
	 N_("validate a bundle and show what an import would change")},
	{"import", "import [--allow-downgrade] DIR",
	 N_("validate a bundle, then replace the catalogue")},
	{"export", "export DIR", N_("write the current catalogue as a bundle")},
	{"rollback", "rollback", N_("put back the catalogue the last import replaced")},
	{"search", "search QUERY", N_("print matches, best first, CODE<TAB>NAME")},
	{"show", "show CODE", N_("print one procedure")},
	{"pdf", "pdf CODE [--summary] [--lang LANG] -o FILE\n       motcua pdf --keycard -o FILE",
	 N_("write the procedure sheet")},
	{"print", "print CODE [--summary] [--lang LANG] [--printer NAME] [--form N]",
	 N_("print the sheet through CUPS")},
	{"dossier", "dossier import FILE\n       motcua dossier show CODE",
	 N_("install the dossier list (ho_so.csv), or print one dossier's status")},
	{"report", "report --from DD/MM/YYYY --to DD/MM/YYYY -o FILE.pdf [--csv DIR]\n"
	           "       motcua report --year YYYY [--quarter 1-4 | --half 1-2] -o FILE.pdf [--csv DIR]",
	 N_("write the report of the kiosk's use for a period (PDF; CSV files for Excel)")},
	{"speak", "speak CODE -o FILE.wav\n       motcua speak --news N -o FILE.wav",
	 N_("read a procedure (or the Nth news item) aloud into a WAV file")},
	{"help", "help [COMMAND]", N_("show this help, or one command's")},
};

/* What `motcua help COMMAND` adds under the one line: the options. */
static const command_help help_details[] = {
	{"pdf", NULL,
	 N_("--summary: its one-page summary instead of the full guide.\n"
	    "--lang LANG: the sheet a citizen who chose the content language LANG prints at the kiosk:\n"
	    "  the catalogue's translation (the bundle's dich/LANG/), each field left untranslated\n"
	    "  in Vietnamese marked \"(Tiếng Việt)\"; heading block, section headings, code and QR\n"
	    "  code stay Vietnamese. LANG is vi or a language the catalogue translates into.\n")},
	{"print", NULL,
	 N_("--summary and --lang LANG: as for motcua pdf; --form N: blank form N of the procedure.\n")},
};

static const command_help *help_find(const char *name)
{
	for (size_t i = 0; i < sizeof help_table / sizeof *help_table; i++)
		if (!strcmp(help_table[i].name, name))
			return &help_table[i];
	return NULL;
}

void help_print_usage(FILE *out)
{
	fprintf(out, "%s", _("usage: motcua [--store DIR] [--config FILE] COMMAND [ARGS]\n"));
	fprintf(out, "%s", _("       motcua --version | help [COMMAND] | COMMAND --help\n"));
	fprintf(out, "%s", _("commands:\n"));
	for (size_t i = 0; i < sizeof help_table / sizeof *help_table; i++)
		fprintf(out, "  %-10s %s\n", help_table[i].name, _(help_table[i].what));
	fprintf(out, "%s", _("See motcua(1) and motcua.conf(5).\n"));
}

int help_command(const char *name, FILE *out)
{
	const command_help *h = help_find(name);
	if (!h) {
		fprintf(stderr, _("motcua: unknown command '%s'\n"), name);
		help_print_usage(stderr);
		return 2;
	}
	fprintf(out, _("usage: motcua %s\n"), h->synopsis);
	fprintf(out, "%s\n", _(h->what));
	for (size_t i = 0; i < sizeof help_details / sizeof *help_details; i++)
		if (!strcmp(help_details[i].name, name))
			fprintf(out, "%s", _(help_details[i].what));
	fprintf(out, "%s",
		_("options of every command: --store DIR (the store), --config FILE (the configuration)\n"));
	return 0;
}

void help_print_version(FILE *out)
{
	fprintf(out, "motcua %s\n", MOTCUA_VERSION);
}

bool help_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return false;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

int cmd_help(motcua_env *env, int argc, char **argv)
{
	(void)env;
	if (argc > 2) {
		help_command("help", stderr);
		return 2;
	}
	if (argc == 2)
		return help_command(argv[1], stdout);
	help_print_usage(stdout);
	return 0;
}

int cmd_complete_codes(motcua_env *env, int argc, char **argv)
{
	if (argc > 2)
		return 2;
	const char *prefix = argc == 2 ? argv[1] : "";
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;
	catalog_data d = {0};
	if (catalog_load(env->cat, &d) < 0) {
		catalog_data_clear(&d);
		return 3;
	}
	for (size_t i = 0; i < d.n_procs; i++)
		if (!strncmp(d.procs[i].code, prefix, strlen(prefix)))
			printf("%s\n", d.procs[i].code);
	catalog_data_clear(&d);
	return 0;
}
