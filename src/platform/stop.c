#include "stop.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "core/i18n.h"

int stop_open(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	int rc = pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (rc != 0) {
		close(fd);
		return -rc;
	}
	return fd;
}

int stop_caught(int fd)
{
	if (fd < 0)
		return 0;
	struct signalfd_siginfo si;
	ssize_t n;
	do
		n = read(fd, &si, sizeof si);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof si)
		return 0;
	int sig = (int)si.ssi_signo;
	char num[24];
	snprintf(num, sizeof num, "%d", sig);
	const char *name = sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : num;
	fputs("motcua: ", stderr);
	fprintf(stderr, _("%s received: closing the stores and stopping\n"), name);
	return sig;
}

void stop_close(int fd)
{
	if (fd >= 0)
		close(fd);
}
