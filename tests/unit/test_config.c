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
	CHECK(c.text_cache_mib == 0); /* one screen's pixels */
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
	              "text_cache_mib = 16\r\n"
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
	CHECK(c.text_cache_mib == 16);
	config_clear(&c);
	diag_clear(&d);
	free(p);
}

static void test_problems(void)
{
	char *p = path_in_dir("bad.conf");
	/* Bad values of ordinary keys: a warning with FILE:LINE, the default used. */
	write_file(p, "[kiosk]\n"
	              "max_prints = 2\n"
	              "colour = blue\n"
	              "rotate = 45\n"
	              "idle_prompt_s = soon\n"
	              "just some words\n"
	              "idle_reset_s = 5 five\n"
	              "text_cache_mib = 1000\n"
	              "text_cache_mib = -1\n");
	config c;
	diag_list d = {0};
	CHECK(config_load(&c, p, &d) == 0);
	CHECK(c.refused == NULL);
	char want[4096];
	snprintf(want, sizeof want, "%s:3: warning: unknown key 'colour'", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:4: warning: 'rotate' must be 0, 90, 180 or 270", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:5: warning: 'idle_prompt_s' must be a whole number", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:6: warning: expected 'key = value'", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:7: warning: 'idle_reset_s' must be a whole number", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:8: warning: 'text_cache_mib' must be a whole number from 0 to 256", p);
	CHECK(has_diag(&d, want));
	snprintf(want, sizeof want, "%s:9: warning: 'text_cache_mib' must be a whole number from 0 to 256", p);
	CHECK(has_diag(&d, want));
	CHECK(d.errors == 0 && d.warnings == 7);
	CHECK(c.text_cache_mib == 0);
	CHECK(c.rotate == 0);     /* the bad value left the default */
	CHECK(c.max_prints == 2); /* the good lines still count */
	CHECK(c.idle_prompt_s == 90);
	CHECK(c.idle_reset_s == 20);
	config_clear(&c);
	diag_clear(&d);

	/* Trailing comments after a space or tab; a '#' inside a word stays. */
	write_file(p, "max_prints = 3 # three\nunit_name = Tổ#3\t# the unit\nrotate = 90\t#\n");
	CHECK(config_load(&c, p, &d) == 0);
	CHECK(d.n == 0);
	CHECK(c.max_prints == 3);
	CHECK_STR(c.unit_name, "Tổ#3");
	CHECK(c.rotate == 90);
	config_clear(&c);
	diag_clear(&d);

	/* Security lines: an error, and imports and the default PIN refused. */
	static const struct {
		const char *text, *want;
		int line;
	} sec[] = {
	    {"[kiosk]\npin_hash = 123456\n", "'pin_hash' is not a PIN hash", 2},
	    {"public_key = RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GF\n",
	     "'public_key' is not a minisign", 1},
	    {"public_key = RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3 # the "
	     "district's key\n"
	     "publickey = x\n",
	     "unknown key 'publickey'", 2},
	    {"rotate = 0\npublic_key RWQf6LRCGA9i53\n", "expected 'key = value'", 2},
	    {"[signing]\npublic_key = RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n",
	     "'public_key' outside", 2},
	};
	for (size_t i = 0; i < sizeof sec / sizeof *sec; i++) {
		write_file(p, sec[i].text);
		CHECK(config_load(&c, p, &d) == -1);
		snprintf(want, sizeof want, "%s:%d: error: %s", p, sec[i].line, sec[i].want);
		if (!has_diag(&d, want)) {
			fprintf(stderr, "case %zu: want %s\n", i, want);
			print_diag(&d);
		}
		CHECK(has_diag(&d, want));
		snprintf(want, sizeof want, "%s:%d: %s", p, sec[i].line, sec[i].want);
		CHECK(c.refused && !strncmp(c.refused, want, strlen(want)));
		config_clear(&c);
		diag_clear(&d);
	}
	/* The invalid values are kept, so nothing can verify against them. */
	write_file(p, "pin_hash = 123456\n");
	config_load(&c, p, &d);
	CHECK_STR(c.pin_hash, "123456");
	config_clear(&c);
	diag_clear(&d);

	/* A named file that does not exist, or one that is not a regular file,
	 * refuses; MOTCUA_CONFIG counts as named. */
	char *missing = path_in_dir("missing.conf");
	CHECK(config_load(&c, missing, &d) == -1);
	CHECK(d.errors == 1 && c.refused != NULL);
	CHECK(c.max_prints == 5); /* the defaults still apply: the kiosk stays up */
	config_clear(&c);
	diag_clear(&d);
	CHECK(config_load(&c, dir, &d) == -1 && c.refused &&
	      strstr(c.refused, "not a regular file"));
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
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_failures++;
	return TEST_DONE();
}
