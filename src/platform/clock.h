/* clock — sets the system clock through systemd's time service
 * (org.freedesktop.timedate1 SetTime over the system D-Bus, sd-bus).
 *
 * The kiosk runs as the unprivileged `motcua` user: timedated asks polkit,
 * and the package's rule data/50-motcua-timedate.rules allows the action
 * org.freedesktop.timedate1.set-time for that user only. timedated sets
 * the kernel clock and the RTC, when there is one. The bus is
 * $DBUS_SYSTEM_BUS_ADDRESS when set (tests run a private one), else the
 * system's. Without libsystemd at build time it always fails (-ENOSYS). */
#ifndef MOTCUA_PLATFORM_CLOCK_H
#define MOTCUA_PLATFORM_CLOCK_H

#include <stdint.h>

/* Sets the system clock to wall_ms (ms since the epoch, UTC); the shape of
 * app_set_clock_fn (ctx is unused). Blocks until timedated answers (25 s
 * at most). Returns 0, or a negative errno with *err (when err is not
 * NULL) set to a malloc'd message in plain words: -EACCES when polkit
 * refused, -EBUSY when automatic time synchronisation (NTP) is on, -EIO
 * for any other refusal, or the errno of reaching the bus. */
int platform_clock_set(void *ctx, int64_t wall_ms, char **err);

#endif
