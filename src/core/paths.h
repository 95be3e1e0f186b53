/* paths — where motcua finds the files it ships (the sample bundle, the
 * fonts, the translations).
 *
 * A binary run from its meson build folder uses the source tree and the
 * build folder, so that it works without installing. An installed binary
 * never looks there: whether a run is uninstalled is decided from where the
 * running executable really is (/proc/self/exe inside the build folder that
 * was compiled in), not from whether the build tree happens to exist, so a
 * checkout left on a kiosk cannot override the installed files. The
 * MOTCUA_DATADIR, MOTCUA_FONTDIR and MOTCUA_LOCALEDIR environment variables
 * override both (tests, an admin's explicit choice). */
#ifndef MOTCUA_PATHS_H
#define MOTCUA_PATHS_H

#include <stdbool.h>

/* True when the running executable lives inside the build folder this
 * binary was compiled in. Decided once; touches nothing in that folder. */
bool paths_uninstalled(void);

/* The data folder (holds the sample bundle "motcua/"). Static string. */
const char *paths_datadir(void);
/* The folder with NotoSans-Regular.ttf and NotoSans-Bold.ttf. Static string. */
const char *paths_fontdir(void);
/* The locale folder for bindtextdomain(). Static string. */
const char *paths_localedir(void);

/* Decides uninstalled-ness for an executable at exe_path (what
 * /proc/self/exe names) and a build folder build_root; exposed for tests. */
bool paths_exe_in_build(const char *exe_path, const char *build_root);

#endif
