#include "input_check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"

bool input_check_needed(void)
{
	const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	return !(x && *x) && !(w && *w);
}

int input_check_devices(const char *dir, char **why)
{
	*why = NULL;
	DIR *d = opendir(dir);
	if (!d) {
		*why = xasprintf(_("cannot read %s: %s; the touchscreen will not work"), dir,
				 strerror(errno));
		return 0;
	}
	int opened = 0, seen = 0, first_errno = 0;
	char *first = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		seen++;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			opened++;
			close(fd);
			free(path);
		} else if (!first) {
			first = path;
			first_errno = errno;
		} else {
			free(path);
		}
	}
	closedir(d);
	if (!seen)
		*why = xasprintf(_("no input device in %s: is the touchscreen connected?"), dir);
	else if (!opened)
		*why = xasprintf(_("cannot open %s: %s; add the kiosk's user to the 'input' group "
				   "(usermod -aG input USER) or the touchscreen will not work"),
				 first, strerror(first_errno));
	free(first);
	return opened;
}
