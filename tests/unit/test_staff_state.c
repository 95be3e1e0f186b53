/* staff_state: STORE/staff.state written and read back, what makes it
 * untrusted, and which PIN hash applies (the configuration's or the staff's). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "pin.h"
#include "staff_state.h"
#include "testlib.h"

static char dir[] = "/tmp/motcua-test-staff-XXXXXX";
static char path[512];

#define HASH_A "$argon2id$v=19$m=65536,t=2,p=1$c2FsdGEAAAAAAAAAAAAAAA$aGFzaEE"
#define HASH_B "$argon2id$v=19$m=65536,t=2,p=1$c2FsdGIAAAAAAAAAAAAAAA$aGFzaEI"

static void write_state(const char *text, mode_t mode)
{
	unlink(path);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

/* True when the file is refused, with a reason that names it. */
static bool refused(void)
{
	staff_record s;
	char *why = NULL;
	int rc = staff_state_load(dir, &s, &why);
	bool ok = rc == -1 && why && strstr(why, "staff.state") && !s.pin_hash;
	if (!ok)
		fprintf(stderr, "  load gave %d, why %s\n", rc, why ? why : "(none)");
	free(why);
	staff_state_clear(&s);
	return ok;
}

static void test_round_trip(void)
{
	staff_record s = {0}, r;
	char *why = NULL;
	/* Absent: an empty state, no error. */
	CHECK(staff_state_load(dir, &r, &why) == 0 && !why && !r.pin_hash && !r.failures &&
	      !r.locked_at_ms);
	s.pin_hash = (char *)HASH_A;
	staff_state_admin_mark(NULL, s.admin_pin);
	s.failures = 3;
	s.locked_at_ms = 1764900000123;
	CHECK(staff_state_save(dir, &s) == 0);
	struct stat st;
	CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600);
	CHECK(staff_state_load(dir, &r, &why) == 0);
	CHECK_STR(r.pin_hash, HASH_A);
	CHECK_STR(r.admin_pin, s.admin_pin);
	CHECK(r.failures == 3 && r.locked_at_ms == 1764900000123);
	staff_state_clear(&r);
	/* No temporary file is left, and a stale one (even a link) is replaced,
	 * never followed. */
	char tmp[600];
	snprintf(tmp, sizeof tmp, "%s/.staff.state.tmp", dir);
	CHECK(access(tmp, F_OK) != 0);
	char victim[600];
	snprintf(victim, sizeof victim, "%s/victim", dir);
	FILE *f = fopen(victim, "w");
	fputs("keep", f);
	fclose(f);
	CHECK(symlink(victim, tmp) == 0);
	s.pin_hash = NULL;
	s.admin_pin[0] = '\0';
	CHECK(staff_state_save(dir, &s) == 0);
	f = fopen(victim, "r");
	char buf[16] = {0};
	CHECK(f && fread(buf, 1, sizeof buf - 1, f) == 4 && !strcmp(buf, "keep"));
	if (f)
		fclose(f);
	CHECK(staff_state_load(dir, &r, &why) == 0 && !r.pin_hash && r.failures == 3);
	staff_state_clear(&r);
	/* A folder that cannot be written: an error, nothing changed. */
	CHECK(staff_state_save("/nonexistent-motcua-dir", &s) < 0);
}

static void test_untrusted(void)
{
	char good[512];
	char mark[STAFF_STATE_MARK_HEX];
	staff_state_admin_mark(NULL, mark);
	snprintf(good, sizeof good, "pin_hash = %s\nadmin_pin = %s\nfailures = 0\nlocked_at = 0\n",
	         HASH_A, mark);
	write_state(good, 0600);
	staff_record s;
	char *why = NULL;
	CHECK(staff_state_load(dir, &s, &why) == 0);
	staff_state_clear(&s);

	write_state(good, 0666);
	CHECK(refused()); /* writable by others */
	write_state(good, 0620);
	CHECK(refused());
	write_state("failures = 5\n", 0600);
	CHECK(refused()); /* out of range: the fifth try locks */
	write_state("failures = -1\n", 0600);
	CHECK(refused());
	write_state("locked_at = soon\n", 0600);
	CHECK(refused());
	write_state("pin_hash = 246810\n", 0600);
	CHECK(refused()); /* a PIN in clear is not a hash */
	snprintf(good, sizeof good, "pin_hash = %s\n", HASH_A);
	write_state(good, 0600);
	CHECK(refused()); /* a hash without its admin mark */
	write_state("unlock = 1\n", 0600);
	CHECK(refused());
	write_state("just words\n", 0600);
	CHECK(refused());
	/* Too big. */
	unlink(path);
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 1000; i++)
		fputs("# padding padding\n", f);
	fclose(f);
	chmod(path, 0600);
	CHECK(refused());
	/* A symlink to a good file, a folder, a FIFO. */
	char other[600];
	snprintf(other, sizeof other, "%s/good.state", dir);
	unlink(path);
	snprintf(good, sizeof good, "failures = 1\n");
	f = fopen(other, "w");
	fputs(good, f);
	fclose(f);
	chmod(other, 0600);
	CHECK(symlink(other, path) == 0);
	CHECK(refused());
	unlink(path);
	CHECK(mkdir(path, 0700) == 0);
	CHECK(refused());
	rmdir(path);
	CHECK(mkfifo(path, 0600) == 0);
	CHECK(refused()); /* and it did not hang */
	unlink(path);
}

static void test_precedence(void)
{
	staff_record s = {0};
	bool staffs;
	/* No staff PIN: the configuration's, or the default. */
	CHECK(staff_pin_hash(&s, NULL, true, &staffs) == NULL && !staffs);
	CHECK_STR(staff_pin_hash(&s, HASH_A, true, &staffs), HASH_A);
	CHECK(!staffs);
	/* Staff set B while the configuration had none: B wins... */
	s.pin_hash = (char *)HASH_B;
	staff_state_admin_mark(NULL, s.admin_pin);
	CHECK_STR(staff_pin_hash(&s, NULL, true, &staffs), HASH_B);
	CHECK(staffs);
	CHECK_STR(staff_pin_hash(&s, "", true, &staffs), HASH_B); /* "pin_hash =" is no pin_hash */
	/* ...until the administrator sets A in the configuration. */
	CHECK_STR(staff_pin_hash(&s, HASH_A, true, &staffs), HASH_A);
	CHECK(!staffs);
	/* Staff set B over A: B wins while A stays. */
	staff_state_admin_mark(HASH_A, s.admin_pin);
	CHECK_STR(staff_pin_hash(&s, HASH_A, true, &staffs), HASH_B);
	/* An unreadable configuration keeps the staff's PIN (not the default). */
	CHECK_STR(staff_pin_hash(&s, NULL, false, &staffs), HASH_B);
	CHECK(staffs);
}

int main(void)
{
	i18n_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/%s", dir, STAFF_STATE_FILE);
	test_round_trip();
	test_untrusted();
	test_precedence();
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_failures++;
	return TEST_DONE();
}
