#include "clock.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

static void clock_error(char **err, char *msg)
{
	if (err)
		*err = msg;
	else
		free(msg);
}

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-bus.h>

int platform_clock_set(void *ctx, int64_t wall_ms, char **err)
{
	(void)ctx;
	sd_bus *bus = NULL;
	sd_bus_error e = SD_BUS_ERROR_NULL;
	int rc = sd_bus_open_system(&bus);
	if (rc < 0) {
		clock_error(
		    err, xasprintf(_("cannot reach the system's time service: %s"), strerror(-rc)));
		return rc;
	}
	/* usec_utc, relative, interactive: no password prompt can show on a kiosk */
	rc = sd_bus_call_method(bus, "org.freedesktop.timedate1", "/org/freedesktop/timedate1",
	                        "org.freedesktop.timedate1", "SetTime", &e, NULL, "xbb",
	                        (int64_t)wall_ms * 1000, 0, 0);
	if (rc < 0) {
		const char *name = e.name ? e.name : "";
		const char *why = e.message ? e.message : strerror(-rc);
		if (!strcmp(name, "org.freedesktop.timedate1.AutomaticTimeSyncEnabled")) {
			clock_error(
			    err,
			    xstrdup(
			        _("the system sets its clock from the network (NTP). Connect the "
			          "kiosk to the network, or have NTP turned off with "
			          "\"timedatectl set-ntp false\".")));
			rc = -EBUSY;
		} else if (sd_bus_error_has_name(&e, SD_BUS_ERROR_ACCESS_DENIED) ||
		           sd_bus_error_has_name(&e,
		                                 SD_BUS_ERROR_INTERACTIVE_AUTHORIZATION_REQUIRED)) {
			clock_error(
			    err,
			    xasprintf(
			        _("the system does not allow this program to set the clock (the "
			          "polkit rule 50-motcua-timedate.rules is missing?): %s"),
			        why));
			rc = -EACCES;
		} else {
			clock_error(err,
			            xasprintf(_("the system's time service refused: %s"), why));
			if (rc != -ENOENT && rc != -ECONNREFUSED && rc != -ETIMEDOUT)
				rc = -EIO;
		}
	}
	sd_bus_error_free(&e);
	sd_bus_flush_close_unref(bus);
	return rc < 0 ? rc : 0;
}
#else
int platform_clock_set(void *ctx, int64_t wall_ms, char **err)
{
	(void)ctx;
	(void)wall_ms;
	clock_error(
	    err,
	    xstrdup(
	        _("this build of motcua cannot set the system clock (built without libsystemd)")));
	return -ENOSYS;
}
#endif
