#include "paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by meson: the install locations, and the build and source folders
 * (used only when the executable runs from the build folder). */
#ifndef MOTCUA_DATADIR
#define MOTCUA_DATADIR "/usr/local/share/motcua"
#endif
#ifndef MOTCUA_FONTDIR
#define MOTCUA_FONTDIR MOTCUA_DATADIR "/fonts"
#endif
#ifndef MOTCUA_LOCALEDIR
#define MOTCUA_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef MOTCUA_BUILD_ROOT
#define MOTCUA_BUILD_ROOT ""
#endif
#ifndef MOTCUA_SOURCE_ROOT
#define MOTCUA_SOURCE_ROOT ""
#endif

bool paths_exe_in_build(const char *exe_path, const char *build_root)
{
	size_t n = strlen(build_root);
	while (n > 1 && build_root[n - 1] == '/')
		n--;
	/* A plain string comparison: resolving build_root would stat the build
	 * tree, which an installed binary must not touch at all. */
	return n > 1 && exe_path[0] == '/' && strncmp(exe_path, build_root, n) == 0 &&
	       exe_path[n] == '/';
}

bool paths_uninstalled(void)
{
	static int known = -1;
	if (known < 0) {
		char exe[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		known = 0;
		if (n > 0) {
			exe[n] = '\0';
			known = paths_exe_in_build(exe, MOTCUA_BUILD_ROOT);
		}
	}
	return known;
}

static const char *env_or(const char *name, const char *uninstalled, const char *installed)
{
	const char *v = getenv(name);
	if (v && *v)
		return v;
	return paths_uninstalled() ? uninstalled : installed;
}

const char *paths_datadir(void)
{
	return env_or("MOTCUA_DATADIR", MOTCUA_SOURCE_ROOT "/data", MOTCUA_DATADIR);
}

const char *paths_fontdir(void)
{
	return env_or("MOTCUA_FONTDIR", MOTCUA_SOURCE_ROOT "/fonts", MOTCUA_FONTDIR);
}

const char *paths_localedir(void)
{
	return env_or("MOTCUA_LOCALEDIR", MOTCUA_BUILD_ROOT "/po", MOTCUA_LOCALEDIR);
}
