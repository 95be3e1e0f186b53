/* platform_clock_set against a fake systemd-timedated on a private D-Bus
 * (issue 10): the staff's "Set the clock" reaches
 * org.freedesktop.timedate1.SetTime with the time in µs, not relative, not
 * interactive; timedated's refusals come back in plain words (NTP on,
 * polkit says no, no time service at all). The real system clock is never
 * touched: the test starts its own dbus-daemon and points
 * DBUS_SYSTEM_BUS_ADDRESS at it. Skips without dbus-daemon. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#include "platform/clock.h"
#include "testlib.h"

static int calls, report_fd = -1;

/* The fake timedated answers its three calls: set, "NTP is on", "denied". */
static int fake_set_time(sd_bus_message *m, void *userdata, sd_bus_error *e)
{
	(void)userdata;
	int64_t usec;
	int relative, interactive;
	int rc = sd_bus_message_read(m, "xbb", &usec, &relative, &interactive);
	if (rc < 0)
		return rc;
	char line[96];
	int n = snprintf(line, sizeof line, "%" PRId64 " %d %d\n", usec, relative, interactive);
	if (write(report_fd, line, (size_t)n) != n)
		return -EIO;
	switch (++calls) {
	case 1:
		return sd_bus_reply_method_return(m, NULL);
	case 2:
		return sd_bus_error_set(e, "org.freedesktop.timedate1.AutomaticTimeSyncEnabled",
		                        "Automatic time synchronization is enabled");
	default:
		return sd_bus_error_set(e, SD_BUS_ERROR_ACCESS_DENIED, "Access denied");
	}
}

static const sd_bus_vtable fake_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("SetTime", "xbb", "", fake_set_time, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_VTABLE_END,
};

static int fake_timedated(int ready_fd)
{
	sd_bus *bus = NULL;
	if (sd_bus_open_system(&bus) < 0 ||
	    sd_bus_add_object_vtable(bus, NULL, "/org/freedesktop/timedate1",
	                             "org.freedesktop.timedate1", fake_vtable, NULL) < 0 ||
	    sd_bus_request_name(bus, "org.freedesktop.timedate1", 0) < 0)
		return 1;
	if (write(ready_fd, "r", 1) != 1)
		return 1;
	close(ready_fd);
	while (calls < 3) {
		int rc = sd_bus_process(bus, NULL);
		if (rc < 0)
			return 1;
		if (rc == 0 && sd_bus_wait(bus, 10 * 1000000ULL) < 0)
			return 1;
	}
	sd_bus_flush_close_unref(bus);
	return 0;
}

int main(void)
{
	if (system("command -v dbus-daemon >/dev/null 2>&1") != 0) {
		puts("SKIP: dbus-daemon is not installed");
		return 77;
	}
	/* A private bus with the session policy (anyone may own any name),
	 * our own child so that it is reaped. */
	int out[2];
	if (pipe(out))
		return 1;
	pid_t bus_pid = fork();
	if (bus_pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		execlp("dbus-daemon", "dbus-daemon", "--session", "--nofork", "--print-address=1",
		       (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	FILE *p = fdopen(out[0], "r");
	char addr[512] = "";
	if (!p || !fgets(addr, sizeof addr, p)) {
		fprintf(stderr, "cannot start a private dbus-daemon\n");
		return 1;
	}
	addr[strcspn(addr, "\n")] = 0;
	setenv("DBUS_SYSTEM_BUS_ADDRESS", addr, 1);

	int ready[2], report[2];
	if (pipe(ready) || pipe(report))
		return 1;
	pid_t child = fork();
	if (child == 0) {
		close(ready[0]);
		close(report[0]);
		report_fd = report[1];
		_exit(fake_timedated(ready[1]));
	}
	close(ready[1]);
	close(report[1]);
	char c;
	CHECK(read(ready[0], &c, 1) == 1);

	const int64_t wall_ms = 1796440000123LL; /* 05/12/2026 */
	char *err = NULL;
	int rc = platform_clock_set(NULL, wall_ms, &err);
	CHECK(rc == 0);
	CHECK(err == NULL);
	free(err);
	err = NULL;

	rc = platform_clock_set(NULL, wall_ms, &err);
	CHECK(rc == -EBUSY);
	CHECK(err && strstr(err, "NTP") && strstr(err, "timedatectl set-ntp false"));
	free(err);
	err = NULL;

	rc = platform_clock_set(NULL, wall_ms, &err);
	CHECK(rc == -EACCES);
	CHECK(err && strstr(err, "50-motcua-timedate.rules"));
	free(err);
	err = NULL;

	/* What timedated was asked: µs since the epoch, absolute, no prompt. */
	FILE *r = fdopen(report[0], "r");
	char line[96];
	int n = 0;
	while (r && fgets(line, sizeof line, r)) {
		char want[96];
		snprintf(want, sizeof want, "%" PRId64 " 0 0\n", wall_ms * 1000);
		CHECK_STR(line, want);
		n++;
	}
	CHECK(n == 3);
	int status = 0;
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* No time service on the bus at all: refused, in words, not a hang. */
	rc = platform_clock_set(NULL, wall_ms, &err);
	CHECK(rc < 0);
	CHECK(err && *err);
	if (err)
		fprintf(stderr, "without timedated: %s\n", err);
	free(err);

	if (r)
		fclose(r);
	kill(bus_pid, SIGTERM);
	waitpid(bus_pid, NULL, 0);
	fclose(p);
	return TEST_DONE();
}
