/* placeholder until the kiosk lands */
#include <stdio.h>
#include "commands.h"
int cmd_kiosk(motcua_env *env, int argc, char **argv) { (void)env; (void)argc; (void)argv; fputs("motcua: the kiosk is not built yet\n", stderr); return 3; }
