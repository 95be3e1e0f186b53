/* Signed bundles checked against the real minisign tool: a key made at test
 * time, SHA256SUMS made by sha256sum, signatures by `minisign -S` (and its
 * legacy `-l` form). Each tampering must be refused with its own message. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/i18n.h"
#include "core/signature.h"
#include "core/xalloc.h"
#include "testlib.h"

static char tmp[] = "/tmp/motcua-sig-XXXXXX";

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char cmd[4096];
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	char full[4200];
	snprintf(full, sizeof full, "cd '%s' && (%s) >/dev/null 2>&1", tmp, cmd);
	int rc = system(full);
	if (rc != 0)
		fprintf(stderr, "command failed (%d): %s\n", rc, cmd);
	return rc;
}

/* Reads the base64 line of a .pub file. */
static char *pub_line(const char *file)
{
	char *path = xasprintf("%s/%s", tmp, file);
	FILE *f = fopen(path, "r");
	free(path);
	if (!f)
		return NULL;
	char line[512], *key = NULL;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "untrusted comment:", 18) != 0) {
			line[strcspn(line, "\r\n")] = '\0';
			key = xstrdup(line);
		}
	fclose(f);
	return key;
}

static char *whole_file(const char *file)
{
	char *path = xasprintf("%s/%s", tmp, file);
	FILE *f = fopen(path, "r");
	free(path);
	if (!f)
		return NULL;
	char *buf = xcalloc(1, 4096);
	size_t n = fread(buf, 1, 4095, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The base bundle: flat files, a form and an image, then a fresh copy in b/. */
static const char make_base[] =
    "mkdir -p base/forms base/images && cd base && "
    "printf 'don_vi = UBND xã Chiềng Sơn\\nphien_ban = 3\\n' > bundle.ini && "
    "printf 'ma_thu_tuc,ten_thu_tuc\\n1.001,Đăng ký khai sinh\\n' > procedures.csv && "
    "printf 'co_quan,dien_thoai\\nUBND,0212 3866 123\\n' > hotlines.csv && "
    "printf '%%%%PDF-1.4 form\\n' > forms/to-khai.pdf && "
    "printf '\\211PNG\\r\\n\\032\\n' > images/logo.png";

static const char sums_cmd[] =
    "(cd b && sha256sum bundle.ini procedures.csv hotlines.csv forms/to-khai.pdf "
    "images/logo.png > SHA256SUMS)";
static const char sign_cmd[] = "minisign -S -s sec -m b/SHA256SUMS -t 'UBND tỉnh Sơn La, bản 3'";

typedef struct sig_case {
	const char *name;
	const char *before_sign; /* shell, run in tmp after b/ is fresh and SHA256SUMS made */
	const char *sign;        /* signing command; NULL = the normal one */
	const char *after_sign;  /* shell, run after signing */
	int key; /* 0 = the trusted key's base64 line, 1 = whole .pub file, 2 = garbage */
	bool ok;
	const char *want;      /* substring of the one expected error */
	const char *want_file; /* its file, NULL = not checked */
	int want_line;         /* its line, -1 = not checked */
} sig_case;

static const sig_case cases[] = {
    {"good signature", NULL, NULL, NULL, 0, true, NULL, NULL, -1},
    {"key given as the whole .pub file", NULL, NULL, NULL, 1, true, NULL, NULL, -1},
    {"names differ in case (FAT stick)", NULL, NULL,
     "mv b/procedures.csv b/PROCEDURES.CSV && mv b/forms b/Forms", 0, true, NULL, NULL, -1},
    {"binary-mode lines and ./ prefix",
     "cd b && sha256sum -b ./bundle.ini procedures.csv hotlines.csv forms/to-khai.pdf "
     "images/logo.png > SHA256SUMS",
     NULL, NULL, 0, true, NULL, NULL, -1},
    {"CRLF line ends in SHA256SUMS", "cd b && sed -i 's/$/\\r/' SHA256SUMS", NULL, NULL, 0, true,
     NULL, NULL, -1},
    {"a changed byte in a listed file", NULL, NULL,
     "sed -i 's/khai sinh/khai tử/' b/procedures.csv", 0, false,
     "'procedures.csv' does not match its SHA-256 checksum", "SHA256SUMS", 2},
    {"an extra file", NULL, NULL, "echo x > b/forms/extra.pdf", 0, false,
     "not listed in SHA256SUMS", "forms/extra.pdf", 0},
    {"an extra file in an unknown folder", NULL, NULL, "mkdir -p b/x/y && echo x > b/x/y/z.csv", 0,
     false, "not listed in SHA256SUMS", "x/y/z.csv", 0},
    {"a missing file", NULL, NULL, "rm b/images/logo.png", 0, false,
     "'images/logo.png' is listed but is missing from the bundle", "SHA256SUMS", 5},
    {"signed with another key", NULL, "minisign -S -s sec2 -m b/SHA256SUMS -t other", NULL, 0,
     false, "signed with another key", "SHA256SUMS.minisig", 2},
    {"legacy Ed signature", NULL, "minisign -S -l -s sec -m b/SHA256SUMS -t legacy", NULL, 0, false,
     "legacy format (Ed)", "SHA256SUMS.minisig", 2},
    {"tampered trusted comment", NULL, NULL,
     "sed -i 's/^trusted comment: .*/trusted comment: UBND tỉnh Sơn La, bản 4/' "
     "b/SHA256SUMS.minisig",
     0, false, "trusted comment was changed", "SHA256SUMS.minisig", 3},
    {"SHA256SUMS edited after signing", NULL, NULL,
     "echo x > b/notes.txt && (cd b && sha256sum notes.txt >> SHA256SUMS)", 0, false,
     "signature does not match SHA256SUMS", "SHA256SUMS.minisig", 2},
    {"damaged signature file", NULL, NULL, "sed -i '2s/^R/!/' b/SHA256SUMS.minisig", 0, false,
     "not a minisign signature file", "SHA256SUMS.minisig", 2},
    {"no signature", NULL, NULL, "rm b/SHA256SUMS.minisig", 0, false,
     "SHA256SUMS.minisig is missing", NULL, -1},
    {"no SHA256SUMS", NULL, NULL, "rm b/SHA256SUMS b/SHA256SUMS.minisig", 0, false,
     "SHA256SUMS is missing", NULL, -1},
    {"not a public key", NULL, NULL, NULL, 2, false, "not a minisign public key", "", 0},
    {"a name that leaves the bundle",
     "cd b && echo 0000000000000000000000000000000000000000000000000000000000000000 "
     "'../etc/passwd' | sed 's/ /  /' >> SHA256SUMS",
     NULL, NULL, 0, false, "'../etc/passwd' is not an allowed file name", "SHA256SUMS", 6},
    {"a malformed line", "cd b && echo 'hello world' >> SHA256SUMS", NULL, NULL, 0, false,
     "expected a sha256sum line", "SHA256SUMS", 6},
    {"a file listed twice", "cd b && sha256sum bundle.ini >> SHA256SUMS", NULL, NULL, 0, false,
     "'bundle.ini' is listed twice (first on line 1)", "SHA256SUMS", 6},
    {"a symbolic link", NULL, NULL, "ln -s /etc/passwd b/forms/link.pdf", 0, false, "symbolic link",
     "forms/link.pdf", 0},
    /* `sha256sum * > SHA256SUMS` run again in a signed folder */
    {"SHA256SUMS lists itself (a warning)",
     "cd b && touch SHA256SUMS.minisig && sha256sum SHA256SUMS SHA256SUMS.minisig >> SHA256SUMS",
     NULL, NULL, 0, true, NULL, NULL, -1},
};

static void run_case(const sig_case *c, const char *pub, const char *pub_file)
{
	fprintf(stderr, "-- %s\n", c->name);
	if (sh("rm -rf b && cp -r base b && %s", sums_cmd))
		test_failures++;
	if (c->before_sign && sh("%s", c->before_sign))
		test_failures++;
	if (sh("%s", c->sign ? c->sign : sign_cmd))
		test_failures++;
	if (c->after_sign && sh("%s", c->after_sign))
		test_failures++;
	const char *key = c->key == 0 ? pub : c->key == 1 ? pub_file : "RWQ not a key";
	char *dir = xasprintf("%s/b", tmp);
	diag_list diag = {0};
	char *tc = (char *)"unset";
	bool ok = signature_verify_bundle(dir, key, &tc, &diag);
	if (ok != c->ok)
		fprintf(stderr, "%s: got %s\n", c->name, ok ? "ok" : "refused");
	CHECK(ok == c->ok);
	if (c->ok) {
		CHECK_STR(tc, "UBND tỉnh Sơn La, bản 3");
		CHECK(diag.errors == 0);
		CHECK(diag.warnings == (strstr(c->name, "(a warning)") ? 2u : 0u));
	} else {
		CHECK(tc == NULL);
		/* one problem, one message: no knock-on errors */
		CHECK(diag.errors == 1);
		bool found = false;
		for (size_t i = 0; i < diag.n; i++) {
			const diag_entry *e = &diag.v[i];
			if (strstr(e->message, c->want)) {
				found = true;
				if (c->want_file)
					CHECK_STR(e->file, c->want_file);
				if (c->want_line >= 0)
					CHECK(e->line == c->want_line);
			}
		}
		if (!found)
			fprintf(stderr, "%s: expected '%s'\n", c->name, c->want);
		CHECK(found);
	}
	diag_print(&diag, stderr);
	if (ok)
		free(tc);
	diag_clear(&diag);
	free(dir);
}

int main(void)
{
	setenv("MOTCUA_LANG", "en", 1);
	i18n_init();
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	if (sh("minisign -G -W -p pub -s sec && minisign -G -W -p pub2 -s sec2 && %s", make_base))
		return 1;
	char *pub = pub_line("pub");
	char *pub_file = whole_file("pub");
	CHECK(pub && pub_file);
	if (pub && pub_file)
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
			run_case(&cases[i], pub, pub_file);

	/* The message names the key IDs that minisign itself prints. */
	if (sh("rm -rf b && cp -r base b && %s && minisign -S -s sec2 -m b/SHA256SUMS", sums_cmd) ==
	    0) {
		char *dir = xasprintf("%s/b", tmp);
		diag_list diag = {0};
		CHECK(!signature_verify_bundle(dir, pub, NULL, &diag));
		char *pub2 = whole_file("pub2"), *pub1 = whole_file("pub");
		/* "untrusted comment: minisign public key 984BA8800F64B858" */
		char *id2 = pub2 ? strstr(pub2, "public key ") : NULL;
		char *id1 = pub1 ? strstr(pub1, "public key ") : NULL;
		CHECK(id1 && id2 && diag.n == 1);
		if (id1 && id2 && diag.n == 1) {
			id1[strcspn(id1, "\r\n")] = id2[strcspn(id2, "\r\n")] = '\0';
			CHECK(strstr(diag.v[0].message, id1 + 11) != NULL);
			CHECK(strstr(diag.v[0].message, id2 + 11) != NULL);
		}
		free(pub1);
		free(pub2);
		diag_clear(&diag);
		free(dir);
	}

	/* Several problems at once are all listed. */
	if (sh("rm -rf b && cp -r base b && %s && %s && echo x > b/extra.csv && "
	       "rm b/hotlines.csv && echo changed >> b/bundle.ini",
	       sums_cmd, sign_cmd) == 0) {
		char *dir = xasprintf("%s/b", tmp);
		diag_list diag = {0};
		CHECK(!signature_verify_bundle(dir, pub, NULL, &diag));
		CHECK(diag.errors == 3);
		diag_clear(&diag);
		free(dir);
	}

	free(pub);
	free(pub_file);
	sh("cd / && rm -rf '%s'", tmp);
	return TEST_DONE();
}
