/* stop — SIGTERM and SIGINT as a file descriptor the kiosk's loop watches.
 *
 * `systemctl stop` sends SIGTERM; a terminal's Ctrl-C sends SIGINT. Both
 * are blocked and read from a signalfd instead of being handled
 * asynchronously, so the loop stops at a point of its own choosing (between
 * frames, or while it waits) and closes the stores on the way out. SDL's
 * own handlers, which would turn them into the quit event that a window
 * close also sends (and a fullscreen kiosk ignores), never run: the signals
 * stay blocked. SDL keeps its handlers for fatal signals, which give the
 * console keyboard back after a crash.
 *
 *	int fd = stop_open();           // before any thread is started
 *	...
 *	int sig = stop_caught(fd);      // in the loop: 0, or SIGTERM / SIGINT
 *	...
 *	stop_close(fd);
 */
#ifndef MOTCUA_PLATFORM_STOP_H
#define MOTCUA_PLATFORM_STOP_H

/* Blocks SIGTERM and SIGINT in the calling thread — threads started later
 * inherit the mask, so call it before any — and returns a non-blocking
 * descriptor that becomes readable when one arrives. Returns -errno when
 * it cannot (the signals are then left as they were). */
int stop_open(void);

/* The signal that arrived (SIGTERM or SIGINT), taken off fd, or 0 when none
 * has; fd < 0 gives 0. Never blocks. When one has, says so on stderr (the
 * journal). */
int stop_caught(int fd);

/* Closes fd (fd < 0: no-op). The signals stay blocked: one that arrives
 * while the kiosk closes its stores does not cut that short. */
void stop_close(int fd);

#endif
