/* notify — tells systemd the kiosk is up and alive (Type=notify, WatchdogSec).
 *
 * Without libsystemd at build time, or when not started by systemd
 * ($NOTIFY_SOCKET unset), every call is a cheap no-op. */
#ifndef MOTCUA_NOTIFY_H
#define MOTCUA_NOTIFY_H

#include <stdint.h>

/* Sends READY=1 once the first frame is on screen. */
void notify_ready(void);

/* Sends WATCHDOG=1; call from the main loop at least every notify_interval_ms(). */
void notify_watchdog(void);

/* How often the loop should ping: half the WatchdogSec systemd gave us, in
 * ms, or 0 when no watchdog is configured. */
uint32_t notify_interval_ms(void);

/* Sends STOPPING=1 before a clean exit. */
void notify_stopping(void);

#endif
