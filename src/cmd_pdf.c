/* placeholder until pdf/print land */
#include <stdio.h>
#include "commands.h"
int cmd_pdf(motcua_env *env, int argc, char **argv) { (void)env; (void)argc; (void)argv; fputs("motcua: pdf is not built yet\n", stderr); return 3; }
int cmd_print(motcua_env *env, int argc, char **argv) { (void)env; (void)argc; (void)argv; fputs("motcua: print is not built yet\n", stderr); return 3; }
