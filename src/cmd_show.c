/* placeholder until show lands */
#include <stdio.h>
#include "commands.h"
int cmd_show(motcua_env *env, int argc, char **argv) { (void)env; (void)argc; (void)argv; fputs("motcua: show is not built yet\n", stderr); return 3; }
