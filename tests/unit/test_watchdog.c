/* The kiosk under systemd: it says READY=1 once its first frame is on screen
 * and keeps pinging WATCHDOG=1 from its main loop while idle, so a hung
 * kiosk is restarted. Runs the real binary (offscreen video) against a
 * NOTIFY_SOCKET of our own. Also: the console input check words its warning. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "platform/input_check.h"
#include "testlib.h"

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void test_watchdog(const char *bin, const char *tmp)
{
	char sock_path[100], store[256];
	snprintf(sock_path, sizeof sock_path, "%s/notify.sock", tmp);
	snprintf(store, sizeof store, "%s/store", tmp);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	CHECK(strlen(sock_path) < sizeof sa.sun_path);
	memcpy(sa.sun_path, sock_path, strlen(sock_path) + 1);
	CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0);

	pid_t pid = fork();
	if (pid == 0) {
		setenv("NOTIFY_SOCKET", sock_path, 1);
		setenv("WATCHDOG_USEC", "400000", 1); /* ping every 200 ms */
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		setenv("MOTCUA_STORE", store, 1);
		execl(bin, bin, "kiosk", "--windowed", "--size", "800x600", (char *)NULL);
		_exit(127);
	}
	int ready = 0, pings_after_ready = 0;
	long start = now_ms();
	while (now_ms() - start < 15000 * test_time_scale() && pings_after_ready < 5) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, 500) <= 0)
			continue;
		char buf[256];
		ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
		if (n <= 0)
			continue;
		buf[n] = '\0';
		if (strstr(buf, "READY=1"))
			ready = 1;
		if (strstr(buf, "WATCHDOG=1") && ready)
			pings_after_ready++;
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(fd);
	CHECK(ready);
	CHECK(pings_after_ready >= 5);
	if (!ready || pings_after_ready < 5)
		fprintf(stderr, "ready=%d pings=%d\n", ready, pings_after_ready);
}

static void test_input_check(const char *tmp)
{
	char dir[256], link[300];
	char *why = NULL;
	snprintf(dir, sizeof dir, "%s/input", tmp);
	mkdir(dir, 0755);
	CHECK(input_check_devices(dir, &why) == 0);
	CHECK(why && strstr(why, "no input device"));
	free(why);

	snprintf(link, sizeof link, "%s/event0", dir);
	CHECK(symlink("/nonexistent/event0", link) == 0); /* a device we cannot open */
	CHECK(input_check_devices(dir, &why) == 0);
	CHECK(why && strstr(why, "event0") && strstr(why, "'input' group"));
	free(why);

	char file[300];
	snprintf(file, sizeof file, "%s/event1", dir);
	FILE *f = fopen(file, "w");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	CHECK(input_check_devices(dir, &why) == 1);
	CHECK(why == NULL);
}

int main(void)
{
	const char *bin = getenv("MOTCUA_BIN");
	char tmp[] = "/tmp/motcua-watchdog-XXXXXX";
	if (!bin || !mkdtemp(tmp)) {
		fprintf(stderr, "needs MOTCUA_BIN and a temp folder\n");
		return 1;
	}
	test_input_check(tmp);
	test_watchdog(bin, tmp);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmp);
	return TEST_DONE();
}
