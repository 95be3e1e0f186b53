/* signature — minisign verification of SHA256SUMS, then the SHA-256 of every
 * file it lists (DESIGN §3).
 *
 * Written from minisign's documented format, with libsodium only:
 *   public key  base64("Ed" || key id[8] || Ed25519 key[32])
 *   .minisig    "untrusted comment: ..." line,
 *               base64(algorithm[2] || key id[8] || signature[64]),
 *               "trusted comment: TEXT" line,
 *               base64(Ed25519 over signature[64] || TEXT)
 * Algorithm "ED" signs the BLAKE2b-512 hash of the file; the legacy "Ed"
 * signs the raw file and is refused, so that every kiosk checks one form.
 *
 * SHA256SUMS is read once into memory: the bytes whose signature is checked
 * are the bytes that are parsed, so nothing can change in between. */
#include "signature.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "bundle.h"
#include "i18n.h"
#include "xalloc.h"

#define SUMS_NAME "SHA256SUMS"
#define SIG_NAME "SHA256SUMS.minisig"
#define KEYID_BYTES 8
#define PK_BYTES (2 + KEYID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIG_BYTES (2 + KEYID_BYTES + crypto_sign_BYTES)
#define MAX_SIG_FILE (64u << 10)
/* A SHA256SUMS line is ~100 bytes; this allows tens of thousands of files. */
#define MAX_SUMS_FILE (8u << 20)
#define MAX_DEPTH 8
#define MAX_ENTRIES 100000

/* One entry found in the bundle folder. */
typedef struct bundle_file {
	char *rel; /* path relative to the bundle, as found on disk */
	char *key; /* case-folded rel, for matching */
	bool regular;
	bool listed;
} bundle_file;

typedef struct file_list {
	bundle_file *v;
	size_t n, cap;
	bool truncated;
} file_list;

/* Case-insensitive key of a name: NFC + Unicode case folding, so that
 * "Forms/Đơn.PDF" on a FAT stick matches "forms/đơn.pdf" in SHA256SUMS.
 * Bytes that are not UTF-8 fall back to ASCII lower case. */
static char *fold_name(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                      UTF8PROC_CASEFOLD);
	if (n >= 0) {
		char *r = xstrdup((char *)out);
		free(out);
		return r;
	}
	char *r = xstrdup(s);
	for (char *p = r; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return r;
}

static void file_list_add(file_list *l, const char *rel, bool regular)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (bundle_file){xstrdup(rel), fold_name(rel), regular, false};
}

static void file_list_clear(file_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].rel);
		free(l->v[i].key);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const bundle_file *)a)->rel, ((const bundle_file *)b)->rel);
}

static bundle_file *file_list_find(file_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].key, key))
			return &l->v[i];
	return NULL;
}

/* Lists every entry under dir/rel, recursively, without following symbolic
 * links. Returns false when a folder cannot be read (reported). */
static bool walk(const char *dir, const char *rel, int depth, file_list *out, diag_list *diag)
{
	char *path = *rel ? xasprintf("%s/%s", dir, rel) : xstrdup(dir);
	DIR *d = opendir(path);
	if (!d) {
		diag_error(diag, *rel ? rel : dir, 0, _("cannot list the bundle folder: %s"),
		           strerror(errno));
		free(path);
		return false;
	}
	bool ok = true;
	struct dirent *e;
	while (ok && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (out->n >= MAX_ENTRIES) {
			out->truncated = true;
			break;
		}
		char *child = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		char *full = xasprintf("%s/%s", path, e->d_name);
		struct stat st;
		if (lstat(full, &st) < 0) {
			diag_error(diag, child, 0, _("cannot read the file to check it: %s"),
			           strerror(errno));
			ok = false;
		} else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			ok = walk(dir, child, depth + 1, out, diag);
		} else {
			file_list_add(out, child, S_ISREG(st.st_mode));
		}
		free(child);
		free(full);
	}
	closedir(d);
	free(path);
	return ok;
}

/* Reads a whole small file (no symlinks) into a NUL-terminated buffer. */
static char *read_small(const char *path, size_t max, size_t *len, int *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	*err = 0;
	if (fd < 0 || fstat(fd, &st) < 0) {
		*err = errno;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = EINVAL;
		goto fail;
	}
	if ((uint64_t)st.st_size > max) {
		*err = EFBIG;
		goto fail;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	size_t got = 0;
	for (;;) {
		if (got == (size_t)st.st_size + 1) { /* grew while read */
			*err = EFBIG;
			goto fail;
		}
		ssize_t r = read(fd, buf + got, (size_t)st.st_size + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = errno;
			goto fail;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	return NULL;
}

static bool decode_b64(const char *s, unsigned char *out, size_t want)
{
	size_t got = 0;
	if (sodium_base642bin(out, want, s, strlen(s), NULL, &got, NULL,
	                      sodium_base64_VARIANT_ORIGINAL) != 0)
		return false;
	return got == want;
}

/* Trims spaces, tabs and CR at both ends, in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* The configured key is the base64 line of a .pub file; the whole file
 * (comment line included) is accepted too. */
static bool parse_public_key(const char *text, unsigned char pk[PK_BYTES])
{
	if (!text)
		return false;
	char *copy = xstrdup(text), *save = NULL, *b64 = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		line = trim(line);
		if (*line && strncmp(line, "untrusted comment:", 18) != 0)
			b64 = line;
	}
	bool ok = b64 && decode_b64(b64, pk, PK_BYTES) && pk[0] == 'E' && pk[1] == 'd';
	free(copy);
	return ok;
}

static void key_id_hex(const unsigned char *id, char out[17])
{
	/* As minisign shows it: the little-endian 64-bit number, in hex
	 * without leading zeros. */
	uint64_t v = 0;
	for (int i = KEYID_BYTES - 1; i >= 0; i--)
		v = (v << 8) | id[i];
	snprintf(out, 17, "%" PRIX64, v);
}

/* Splits buf into at most max lines (CR stripped), in place. */
static size_t split_lines(char *buf, char **lines, size_t max)
{
	size_t n = 0;
	char *p = buf;
	while (*p && n < max) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		size_t len = strlen(p);
		if (len && p[len - 1] == '\r')
			p[len - 1] = '\0';
		lines[n++] = p;
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

/* Checks sig_name against the SHA256SUMS bytes. On success *tc gets the
 * trusted comment. */
static void verify_signature(const char *dir, const char *sig_name, const unsigned char *pk,
                             const char *sums, size_t sums_len, char **tc, diag_list *diag)
{
	char *path = xasprintf("%s/%s", dir, sig_name);
	size_t len;
	int err;
	char *buf = read_small(path, MAX_SIG_FILE, &len, &err);
	free(path);
	if (!buf) {
		diag_error(diag, sig_name, 0, _("cannot read the file to check it: %s"),
		           strerror(err));
		return;
	}
	char *lines[4] = {0};
	size_t n = split_lines(buf, lines, 4);
	unsigned char sig[SIG_BYTES], global[crypto_sign_BYTES];
	static const char tc_prefix[] = "trusted comment: ";
	int bad_line = 0;
	if (n < 1 || strncmp(lines[0], "untrusted comment:", 18) != 0)
		bad_line = 1;
	else if (n < 2 || !decode_b64(trim(lines[1]), sig, sizeof sig))
		bad_line = 2;
	else if (n < 3 || strncmp(lines[2], tc_prefix, sizeof tc_prefix - 1) != 0)
		bad_line = 3;
	else if (n < 4 || !decode_b64(trim(lines[3]), global, sizeof global))
		bad_line = 4;
	if (bad_line) {
		diag_error(diag, sig_name, bad_line,
		           _("this is not a minisign signature file (made with 'minisign -S')"));
		goto end;
	}
	if (sig[0] == 'E' && sig[1] == 'd') {
		diag_error(diag, sig_name, 2,
		           _("the signature uses minisign's legacy format (Ed), which is refused; "
		             "sign again with a current minisign, without -l"));
		goto end;
	}
	if (sig[0] != 'E' || sig[1] != 'D') {
		diag_error(diag, sig_name, 2, _("the signature uses an unknown algorithm"));
		goto end;
	}
	if (memcmp(sig + 2, pk + 2, KEYID_BYTES) != 0) {
		char got[17], want[17];
		key_id_hex(sig + 2, got);
		key_id_hex(pk + 2, want);
		diag_error(diag, sig_name, 2,
		           _("the bundle was signed with another key (key ID %s), not the key this "
		             "kiosk trusts (key ID %s)"),
		           got, want);
		goto end;
	}
	unsigned char hash[crypto_generichash_BYTES_MAX];
	crypto_generichash(hash, sizeof hash, (const unsigned char *)sums, sums_len, NULL, 0);
	if (crypto_sign_verify_detached(sig + 2 + KEYID_BYTES, hash, sizeof hash,
	                                pk + 2 + KEYID_BYTES) != 0) {
		diag_error(diag, sig_name, 2,
		           _("the signature does not match SHA256SUMS: the list of files was "
		             "changed after it was signed"));
		goto end;
	}
	/* The trusted comment is signed together with the signature itself. */
	const char *comment = lines[2] + sizeof tc_prefix - 1;
	size_t clen = strlen(comment);
	unsigned char *msg = xmalloc(crypto_sign_BYTES + clen);
	memcpy(msg, sig + 2 + KEYID_BYTES, crypto_sign_BYTES);
	memcpy(msg + crypto_sign_BYTES, comment, clen);
	if (crypto_sign_verify_detached(global, msg, crypto_sign_BYTES + clen,
	                                pk + 2 + KEYID_BYTES) != 0)
		diag_error(diag, sig_name, 3,
		           _("the trusted comment was changed after the bundle was signed"));
	else
		*tc = xstrdup(comment);
	free(msg);
end:
	free(buf);
}

static bool is_hex64(const char *s)
{
	for (int i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
		      (s[i] >= 'A' && s[i] <= 'F')))
			return false;
	return true;
}

/* A listed name must stay inside the bundle: a file at its top, in forms/,
 * images/ or audio/, or a translation dich/LANG/FILE. */
static bool name_allowed(const char *name)
{
	if (!*name || name[0] == '/' || strchr(name, '\\'))
		return false;
	const char *slash = strchr(name, '/');
	if (!slash)
		return strcmp(name, ".") && strcmp(name, "..");
	if (slash - name == 4 && !strncasecmp(name, "dich", 4)) {
		const char *lang = slash + 1, *s2 = strchr(lang, '/');
		return s2 && s2 > lang && !strchr(s2 + 1, '/') && s2[1] && strncmp(lang, "..", 2) &&
		       strncmp(lang, "./", 2) && strcmp(s2 + 1, ".") && strcmp(s2 + 1, "..");
	}
	if (strchr(slash + 1, '/'))
		return false;
	size_t dlen = (size_t)(slash - name);
	bool folder_ok = (dlen == 5 && !strncasecmp(name, "forms", 5)) ||
	                 (dlen == 6 && !strncasecmp(name, "images", 6)) ||
	                 (dlen == 5 && !strncasecmp(name, "audio", 5));
	const char *base = slash + 1;
	return folder_ok && *base && strcmp(base, ".") && strcmp(base, "..");
}

/* SHA-256 of the regular file at path, streamed. Returns 0 or -errno. */
static int hash_file(const char *path, unsigned char out[crypto_hash_sha256_BYTES])
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	struct stat st;
	int e = fstat(fd, &st) < 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : 0;
	if (e) {
		close(fd);
		return -e;
	}
	crypto_hash_sha256_state h;
	crypto_hash_sha256_init(&h);
	enum { BUF = 64 << 10 };
	unsigned char *buf = xmalloc(BUF);
	uint64_t total = 0;
	int rc = 0;
	for (;;) {
		ssize_t r = read(fd, buf, BUF);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = -errno;
			break;
		}
		if (r == 0)
			break;
		total += (uint64_t)r;
		if (total > BUNDLE_MAX_TOTAL) {
			rc = -EFBIG;
			break;
		}
		crypto_hash_sha256_update(&h, buf, (unsigned long long)r);
	}
	close(fd);
	free(buf);
	if (rc == 0)
		crypto_hash_sha256_final(&h, out);
	return rc;
}

static void manifest_add(signature_manifest *m, const char *key, const unsigned char *sha256)
{
	if (!m)
		return;
	size_t cap = m->cap;
	m->keys = xgrow(m->keys, &m->cap, m->n + 1, sizeof *m->keys);
	m->sha256 = xgrow(m->sha256, &cap, m->n + 1, sizeof *m->sha256);
	m->keys[m->n] = xstrdup(key);
	memcpy(m->sha256[m->n], sha256, 32);
	m->n++;
}

void signature_manifest_clear(signature_manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->sha256);
	memset(m, 0, sizeof *m);
}

bool signature_manifest_matches(const signature_manifest *m, const char *rel, const void *data,
                                size_t len)
{
	if (!m || !rel)
		return false;
	char *key = fold_name(rel);
	size_t i = 0;
	while (i < m->n && strcmp(m->keys[i], key))
		i++;
	free(key);
	if (i == m->n)
		return false;
	unsigned char got[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(got, data, (unsigned long long)len);
	return sodium_memcmp(got, m->sha256[i], sizeof got) == 0;
}

static void check_sums(const char *dir, const char *sums_name, char *sums, file_list *files,
                       signature_manifest *m, diag_list *diag)
{
	char *p = sums;
	if (!strncmp(p, "\xEF\xBB\xBF", 3)) /* a BOM from a Windows editor */
		p += 3;
	/* first line of each listed key, to report duplicates */
	char **keys = NULL;
	int *key_lines = NULL;
	size_t n_keys = 0, cap_keys = 0, cap_lines = 0;
	for (int lineno = 1; p && *p; lineno++) {
		char *line = p;
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		p = nl ? nl + 1 : NULL;
		if (!*trim(line))
			continue;
		size_t len = strlen(line);
		if (line[0] == '\\') {
			diag_error(
			    diag, sums_name, lineno,
			    _("file names with a backslash or a line break are not supported"));
			continue;
		}
		if (len < 67 || !is_hex64(line) ||
		    !(line[64] == ' ' && (line[65] == ' ' || line[65] == '*'))) {
			diag_error(
			    diag, sums_name, lineno,
			    _("expected a sha256sum line: 64 hexadecimal digits, two spaces, "
			      "the file name"));
			continue;
		}
		const char *name = line + 66;
		while (name[0] == '.' && name[1] == '/')
			name += 2;
		if (!name_allowed(name)) {
			diag_error(
			    diag, sums_name, lineno,
			    _("'%s' is not an allowed file name: files are at the top of the "
			      "bundle or in forms/, images/ or audio/"),
			    name);
			continue;
		}
		char *key = fold_name(name);
		if (!strcmp(key, "sha256sums") || !strcmp(key, "sha256sums.minisig")) {
			/* What `sha256sum * > SHA256SUMS` writes when run again in a
			 * signed folder. Harmless: both files are checked by the
			 * signature itself. */
			diag_warning(diag, sums_name, lineno,
			             _("SHA256SUMS lists itself or its signature; the line is "
			               "ignored"));
			free(key);
			continue;
		}
		size_t dup = 0;
		while (dup < n_keys && strcmp(keys[dup], key))
			dup++;
		if (dup < n_keys) {
			diag_error(diag, sums_name, lineno,
			           _("'%s' is listed twice (first on line %d)"), name,
			           key_lines[dup]);
			free(key);
			continue;
		}
		keys = xgrow(keys, &cap_keys, n_keys + 1, sizeof *keys);
		key_lines = xgrow(key_lines, &cap_lines, n_keys + 1, sizeof *key_lines);
		keys[n_keys] = key;
		key_lines[n_keys++] = lineno;

		bundle_file *f = file_list_find(files, key);
		if (!f) {
			diag_error(diag, sums_name, lineno,
			           _("'%s' is listed but is missing from the bundle"), name);
			continue;
		}
		f->listed = true;
		if (!f->regular)
			continue; /* reported with the other entries that are not files */
		unsigned char want[crypto_hash_sha256_BYTES], got[crypto_hash_sha256_BYTES];
		if (sodium_hex2bin(want, sizeof want, line, 64, NULL, NULL, NULL) != 0)
			abort(); /* is_hex64 said it was hex */
		char *path = xasprintf("%s/%s", dir, f->rel);
		int rc = hash_file(path, got);
		free(path);
		if (rc == 0 && sodium_memcmp(want, got, sizeof want) == 0)
			manifest_add(m, key, want);
		if (rc == -EFBIG)
			diag_error(diag, f->rel, 0,
			           _("the file is larger than a whole bundle may be"));
		else if (rc < 0)
			diag_error(diag, f->rel, 0, _("cannot read the file to check it: %s"),
			           strerror(-rc));
		else if (sodium_memcmp(want, got, sizeof want) != 0)
			diag_error(
			    diag, sums_name, lineno,
			    _("'%s' does not match its SHA-256 checksum: the file was changed "
			      "after the bundle was signed"),
			    f->rel);
	}
	for (size_t i = 0; i < n_keys; i++)
		free(keys[i]);
	free(keys);
	free(key_lines);
}

bool signature_verify_bundle(const char *dir, const char *public_key, char **trusted_comment,
                             diag_list *diag)
{
	return signature_verify_bundle_manifest(dir, public_key, trusted_comment, NULL, diag);
}

bool signature_verify_bundle_manifest(const char *dir, const char *public_key,
                                      char **trusted_comment, signature_manifest *m,
                                      diag_list *diag)
{
	size_t errors_before = diag->errors;
	char *tc = NULL;
	if (trusted_comment)
		*trusted_comment = NULL;
	if (sodium_init() < 0) {
		diag_error(diag, dir, 0, _("cannot initialise the cryptography library"));
		return false;
	}
	unsigned char pk[PK_BYTES];
	bool key_ok = parse_public_key(public_key, pk);
	if (!key_ok)
		diag_error(diag, "", 0,
		           _("the configured public_key is not a minisign public key (the base64 "
		             "line of a .pub file)"));

	file_list files = {0};
	if (!walk(dir, "", 0, &files, diag))
		goto end;
	if (files.truncated) {
		diag_error(diag, dir, 0, _("the bundle holds too many files to check"));
		goto end;
	}
	if (files.n > 1)
		qsort(files.v, files.n, sizeof *files.v, file_cmp);
	bundle_file *sums = file_list_find(&files, "sha256sums");
	bundle_file *sig = file_list_find(&files, "sha256sums.minisig");
	if (!sums || !sums->regular) {
		diag_error(diag, SUMS_NAME, 0,
		           _("the bundle is not signed: %s is missing, and this kiosk accepts only "
		             "signed bundles"),
		           SUMS_NAME);
		goto end;
	}
	if (!sig || !sig->regular) {
		diag_error(diag, SIG_NAME, 0,
		           _("the bundle is not signed: %s is missing, and this kiosk accepts only "
		             "signed bundles"),
		           SIG_NAME);
		goto end;
	}
	sums->listed = sig->listed = true;

	char *path = xasprintf("%s/%s", dir, sums->rel);
	size_t len;
	int err;
	char *buf = read_small(path, MAX_SUMS_FILE, &len, &err);
	free(path);
	if (!buf) {
		diag_error(diag, sums->rel, 0, _("cannot read the file to check it: %s"),
		           strerror(err));
		goto end;
	}
	if (key_ok)
		verify_signature(dir, sig->rel, pk, buf, len, &tc, diag);
	/* Checked even when the signature failed: staff see every problem at once. */
	check_sums(dir, sums->rel, buf, &files, m, diag);
	free(buf);
	for (size_t i = 0; i < files.n; i++) {
		bundle_file *f = &files.v[i];
		if (!f->regular)
			diag_error(
			    diag, f->rel, 0,
			    _("a symbolic link or a special file: a bundle holds only regular "
			      "files"));
		else if (!f->listed)
			diag_error(
			    diag, f->rel, 0,
			    _("the file is not listed in SHA256SUMS: remove it, or list it and "
			      "sign the bundle again"));
	}
end:
	file_list_clear(&files);
	bool ok = diag->errors == errors_before;
	if (ok && trusted_comment)
		*trusted_comment = tc;
	else
		free(tc);
	if (!ok)
		signature_manifest_clear(m);
	return ok;
}
