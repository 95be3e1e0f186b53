/* commands — what the subcommands share, and the commands that live in their
 * own files (show, kiosk, pdf, print). Each returns an exit status of DESIGN §2. */
#ifndef MOTCUA_COMMANDS_H
#define MOTCUA_COMMANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/store.h"

typedef struct motcua_env {
	const char *store_dir;   /* --store, or NULL */
	const char *config_path; /* --config, or NULL */
	config cfg;
	store st;
	catalog *cat;            /* open after motcua_env_open(env, true) */
} motcua_env;

/* Loads the configuration, opens the store and, when need_catalog, fills an
 * empty store from the sample bundle and opens the catalogue. Returns 0 or an
 * exit status, after printing why. */
int motcua_env_open(motcua_env *env, bool need_catalog);
void motcua_env_close(motcua_env *env);

/* Path of a file shipped in data/ (paths_datadir(): $MOTCUA_DATADIR, the
 * source tree when this executable runs from its build folder, else the
 * installed data folder). Static buffer. */
const char *motcua_data_path(const char *rel);

/* A language code given on the command line (pdf|print --lang, export
 * --template): true when lang is an ISO 639 code (i18n_code_valid), "vi"
 * only when vi_ok; else says so on stderr, one wording for every command,
 * and the caller exits 2 (a usage error). */
bool motcua_lang_code_ok(const char *lang, bool vi_ok);

int cmd_show(motcua_env *env, int argc, char **argv);  /* src/cmd_show.c */
int cmd_kiosk(motcua_env *env, int argc, char **argv); /* src/cmd_kiosk.c */
int cmd_pdf(motcua_env *env, int argc, char **argv);   /* src/cmd_pdf.c */
int cmd_print(motcua_env *env, int argc, char **argv); /* src/cmd_pdf.c */
int cmd_dossier(motcua_env *env, int argc, char **argv); /* src/cmd_dossier.c */
int cmd_report(motcua_env *env, int argc, char **argv); /* src/cmd_report.c */
int cmd_speak(motcua_env *env, int argc, char **argv); /* src/cmd_speak.c */

/* src/cmd_help.c: the command table's help. help_print_usage() lists every
 * command; help_command() prints one command's usage (2 when unknown);
 * help_wanted() is true when --help or -h comes before any "--". */
void help_print_usage(FILE *out);
int help_command(const char *name, FILE *out);
void help_print_version(FILE *out);
bool help_wanted(int argc, char **argv);
int cmd_help(motcua_env *env, int argc, char **argv);
/* Hidden: every procedure code starting with argv[1], one a line (bash completion). */
int cmd_complete_codes(motcua_env *env, int argc, char **argv);

#endif
