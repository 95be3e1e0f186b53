/* config: the kiosk's INI file as staff edit it, and the PIN change that
 * rewrites it. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "testlib.h"

static char dir[] = "/tmp/motcua-test-config-XXXXXX";

static char *path_in_dir(const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (!p)
		abort();
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *buf = calloc(1, 65536);
	if (!buf)
		abort();
	size_t n = fread(buf, 1, 65535, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* True when some entry formats exactly as want ("FILE:LINE: error: ..."
 * prefix). */
static bool has_diag(const diag_list *d, const char *want_prefix)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		bool hit = !strncmp(s, want_prefix, strlen(want_prefix));
		free(s);
		if (hit)
			return true;
	}
	return false;
}

static void print_diag(const diag_list *d)
{
	diag_print(d, stderr);
}

static void test_defaults(void)
{
	char *p = path_in_dir("empty.conf");
	write_file(p, "");
	config c;
	diag_list d = {0};
	CHECK(config_load(&c, p, &d) == 0);
	CHECK(d.n == 0);
	CHECK(c.max_prints == 5);
	CHECK(c.idle_prompt_s == 90);
	CHECK(c.idle_reset_s == 20);
	CHECK(c.rotate == 0);
	CHECK_STR(c.media_roots, "/media:/run/media:/mnt");
	CHECK(c.unit_name == NULL && c.printer == NULL && c.pin_hash == NULL &&
	      c.public_key == NULL);
	CHECK_STR(c.path, p);
	config_clear(&c);
	diag_clear(&d);
	free(p);
}

static void test_every_key(void)
{
	char *p = path_in_dir("full.conf");
	/* A BOM and CRLF, as Notepad on Windows saves it. */
	write_file(p, "\xEF\xBB\xBF# motcua configuration\r\n"
	              "[kiosk]\r\n"
	              "unit_name = UBND xã Chiềng Sơn\r\n"
	              "printer=HP_LaserJet\r\n"
	              "max_prints = 3\r\n"
	              "media_roots = /media/usb:/mnt\r\n"
	              "idle_prompt_s = 120\r\n"
	              "idle_reset_s = 15\r\n"
	              "  pin_hash = $argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA  \r\n"
	              "; a comment\r\n"
	              "public_key = RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\r\n"
	              "rotate = 270\r\n"
	              "\r\n"
	              "[other]\r\n"
	              "rotate = banana\r\n");
	config c;
	diag_list d = {0};
	CHECK(config_load(&c, p, &d) == 0);
	if (d.n)
		print_diag(&d);
	CHECK(d.n == 0);
	CHECK_STR(c.unit_name, "UBND xã Chiềng Sơn");
	CHECK_STR(c.printer, "HP_LaserJet");
	CHECK(c.max_prints == 3);
	CHECK_STR(c.media_roots, "/media/usb:/mnt");
	CHECK(c.idle_prompt_s == 120);
	CHECK(c.idle_reset_s == 15);
	CHECK_STR(c.pin_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
	CHECK_STR(c.public_key, "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3");
	CHECK(c.rotate == 270);
	config_clear(&c);
	diag_clear(&d);
	free(p);
}

static void test_problems(void)
{
	char *p = path_in_dir("bad.conf");
	write_file(p, "[kiosk]\n"
	              "max_prints = 2\n"
	              "colour = blue\n"
	              "rotate = 45\n"
	              "idle_prompt_s = soon\n"
	              "just some words\n");
	config c;
	diag_list d = {0};
	CHECK(config_load(&c, p, &d) == -1);
	char want[4096];
	snprintf(want, sizeof want, "%s:3: warning: unknown key 'colour'", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:4: error: 'rotate' must be 0, 90, 180 or 270", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:5: error: 'idle_prompt_s' must be a whole number", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:6: error: expected 'key = value'", p);
	CHECK(has_diag(&d, want));
	CHECK(d.errors == 3 && d.warnings == 1);
	CHECK(c.rotate == 0);     /* the bad value left the default */
	CHECK(c.max_prints == 2); /* the good lines still count */
	CHECK(c.idle_prompt_s == 90);
	config_clear(&c);
	diag_clear(&d);

	/* A warning alone does not fail the load. */
	write_file(p, "colour = blue\n");
	CHECK(config_load(&c, p, &d) == 0);
	CHECK(d.warnings == 1 && d.errors == 0);
	config_clear(&c);
	diag_clear(&d);

	/* A named file that does not exist is an error; MOTCUA_CONFIG counts as named. */
	char *missing = path_in_dir("missing.conf");
	CHECK(config_load(&c, missing, &d) == -1);
	CHECK(d.errors == 1);
	config_clear(&c);
	diag_clear(&d);
	setenv("MOTCUA_CONFIG", missing, 1);
	CHECK(config_load(&c, NULL, &d) == -1);
	config_clear(&c);
	diag_clear(&d);
	write_file(missing, "rotate = 90\n");
	CHECK(config_load(&c, NULL, &d) == 0);
	CHECK(c.rotate == 90);
	config_clear(&c);
	diag_clear(&d);
	unsetenv("MOTCUA_CONFIG");
	free(missing);
	free(p);
}

/* config_set, then the file's text and what config_load makes of it. */
static void check_set(const char *name, const char *before, const char *key, const char *value,
                      const char *after, int line)
{
	char *p = path_in_dir(name);
	if (before)
		write_file(p, before);
	else
		unlink(p);
	int rc = config_set(p, key, value);
	char *got = read_file(p);
	if (rc != 0 || !got || strcmp(got, after)) {
		fprintf(stderr, "%s:%d: config_set(%s = %s) gave %d and:\n%s\n--- want:\n%s\n",
		        __FILE__, line, key, value, rc, got ? got : "(no file)", after);
		test_failures++;
	}
	free(got);
	config c;
	diag_list d = {0};
	CHECK(config_load(&c, p, &d) == 0);
	if (!strcmp(key, "pin_hash"))
		CHECK_STR(c.pin_hash, value);
	config_clear(&c);
	diag_clear(&d);
	free(p);
}

static void test_set(void)
{
	check_set(
	    "s1.conf",
	    "# staff: edit with care\n[kiosk]\nunit_name = UBND xã Chiềng Sơn\npin_hash = OLD\n"
	    "rotate = 90\n",
	    "pin_hash", "NEW",
	    "# staff: edit with care\n[kiosk]\nunit_name = UBND xã Chiềng Sơn\npin_hash = NEW\n"
	    "rotate = 90\n",
	    __LINE__);
	check_set("s2.conf", NULL, "pin_hash", "NEW", "[kiosk]\npin_hash = NEW\n", __LINE__);
	check_set("s3.conf", "[kiosk]\nrotate = 90\n\n[other]\nx = 1\n", "pin_hash", "NEW",
	          "[kiosk]\nrotate = 90\npin_hash = NEW\n\n[other]\nx = 1\n", __LINE__);
	/* No newline at the end of the file. */
	check_set("s4.conf", "[kiosk]\nrotate = 90", "pin_hash", "NEW",
	          "[kiosk]\nrotate = 90\npin_hash = NEW\n", __LINE__);
	/* Keys before any section are [kiosk] keys for config_load: the same here. */
	check_set("s5.conf", "rotate = 90\npin_hash = OLD\n", "pin_hash", "NEW",
	          "rotate = 90\npin_hash = NEW\n", __LINE__);
	check_set("s6.conf", "rotate = 90\n", "pin_hash", "NEW", "rotate = 90\npin_hash = NEW\n",
	          __LINE__);
	/* A key of the same name in another section is left alone. */
	check_set("s7.conf", "[other]\npin_hash = X\n", "pin_hash", "NEW",
	          "[other]\npin_hash = X\n\n[kiosk]\npin_hash = NEW\n", __LINE__);
	/* A stale duplicate would win in config_load (the last one does): it goes. */
	check_set("s8.conf", "[kiosk]\npin_hash = A\nrotate = 0\npin_hash = B\n", "pin_hash", "NEW",
	          "[kiosk]\npin_hash = NEW\nrotate = 0\n", __LINE__);

	/* The file keeps its permissions: it holds the PIN hash. */
	char *p = path_in_dir("mode.conf");
	write_file(p, "[kiosk]\n");
	chmod(p, 0600);
	CHECK(config_set(p, "pin_hash", "X") == 0);
	struct stat st;
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600);
	free(p);

	/* An unwritable folder is reported, not ignored. */
	CHECK(config_set("/nonexistent-motcua-dir/motcua.conf", "pin_hash", "X") < 0);
}

int main(void)
{
	i18n_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_defaults();
	test_every_key();
	test_problems();
	test_set();
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_failures++;
	return TEST_DONE();
}
