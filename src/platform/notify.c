#include "notify.h"

#include <stddef.h>

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>

void notify_ready(void) { sd_notify(0, "READY=1"); }

void notify_watchdog(void) { sd_notify(0, "WATCHDOG=1"); }

uint32_t notify_interval_ms(void)
{
	uint64_t usec = 0;
	if (sd_watchdog_enabled(0, &usec) <= 0)
		return 0;
	return (uint32_t)(usec / 2000);
}

void notify_stopping(void) { sd_notify(0, "STOPPING=1"); }
#else
void notify_ready(void) {}
void notify_watchdog(void) {}
uint32_t notify_interval_ms(void) { return 0; }
void notify_stopping(void) {}
#endif
