/* fuzz_signature — minisign public key, .minisig and SHA256SUMS parsing,
 * through signature_verify_bundle on a folder made from the input.
 *
 * Byte 0 holds flags; the rest is split by fuzz_sections ("#@C" lines):
 *	'0' the public key text (the configured public_key)
 *	'1' SHA256SUMS.minisig   '2' SHA256SUMS   '5' the trusted comment
 *	'3' procedures.csv  '4' forms/a.pdf  '6' bundle.ini  (data files)
 *	'7' a file named by its first line, the rest its content
 * A fuzzer cannot forge Ed25519, so the flags let the harness do the
 * signing with a fixed key and reach the code behind a good signature:
 *	1  no '0' section: use the fixed key
 *	2  sign SHA256SUMS with the fixed key (section '1' ignored)
 *	4  SHA256SUMS starts with the right sums of the data files
 * With all three, no '0'/'1'/'2' section and a one-line comment, the bundle
 * is intact and must verify. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/signature.h"
#include "core/xalloc.h"
#include "fuzz_common.h"

typedef struct input {
	const uint8_t *sec[8];
	size_t len[8];
	bool has[8];
	const char *dir;
	char *data_names[4]; /* data files written, for the sums */
	size_t n_data;
	bool odd_name; /* section '7' names a file the intact case cannot hold */
} input;

static void take(void *ctx, unsigned char sel, const uint8_t *p, size_t n)
{
	input *in = ctx;
	if (sel < '0' || sel > '7')
		return;
	int k = sel - '0';
	in->sec[k] = p;
	in->len[k] = n;
	in->has[k] = true;
}

static char *b64(const unsigned char *bin, size_t n)
{
	size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *s = xmalloc(cap);
	sodium_bin2base64(s, cap, bin, n, sodium_base64_VARIANT_ORIGINAL);
	return s;
}

static unsigned char fixed_pk[crypto_sign_PUBLICKEYBYTES], fixed_sk[crypto_sign_SECRETKEYBYTES];
static const unsigned char key_id[8] = {'m', 'o', 't', 'c', 'u', 'a', 'F', 'Z'};

static void keys_init(void)
{
	static bool done;
	if (done)
		return;
	if (sodium_init() < 0)
		abort();
	unsigned char seed[crypto_sign_SEEDBYTES];
	memset(seed, 0x42, sizeof seed);
	crypto_sign_seed_keypair(fixed_pk, fixed_sk, seed);
	done = true;
}

static char *fixed_public_key(void)
{
	unsigned char pk[2 + 8 + crypto_sign_PUBLICKEYBYTES] = {'E', 'd'};
	memcpy(pk + 2, key_id, 8);
	memcpy(pk + 10, fixed_pk, sizeof fixed_pk);
	return b64(pk, sizeof pk);
}

/* What `minisign -S -t COMMENT` writes for sums. */
static char *minisig(const char *sums, size_t n, const char *comment)
{
	unsigned char hash[crypto_generichash_BYTES_MAX];
	crypto_generichash(hash, sizeof hash, (const unsigned char *)sums, n, NULL, 0);
	unsigned char sig[2 + 8 + crypto_sign_BYTES] = {'E', 'D'};
	memcpy(sig + 2, key_id, 8);
	crypto_sign_detached(sig + 10, NULL, hash, sizeof hash, fixed_sk);
	size_t clen = strlen(comment);
	unsigned char *msg = xmalloc(crypto_sign_BYTES + clen);
	memcpy(msg, sig + 10, crypto_sign_BYTES);
	memcpy(msg + crypto_sign_BYTES, comment, clen);
	unsigned char global[crypto_sign_BYTES];
	crypto_sign_detached(global, NULL, msg, crypto_sign_BYTES + clen, fixed_sk);
	free(msg);
	char *s1 = b64(sig, sizeof sig), *s2 = b64(global, sizeof global);
	char *out = xasprintf("untrusted comment: signature from minisign secret key\n%s\n"
	                      "trusted comment: %s\n%s\n",
	                      s1, comment, s2);
	free(s1);
	free(s2);
	return out;
}

static void data_file(input *in, const char *rel, const uint8_t *p, size_t n)
{
	fuzz_write_file(in->dir, rel, p, n);
	in->data_names[in->n_data++] = xstrdup(rel);
}

static char *sums_of(input *in)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < in->n_data; i++) {
		size_t n = 0;
		char *buf = fuzz_read_file(in->dir, in->data_names[i], &n);
		FUZZ_CHECK(buf);
		unsigned char h[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(h, (const unsigned char *)buf, n);
		char hex[2 * sizeof h + 1];
		sodium_bin2hex(hex, sizeof hex, h, sizeof h);
		char *t = xasprintf("%s%s  %s\n", s, hex, in->data_names[i]);
		free(s);
		s = t;
		free(buf);
	}
	return s;
}

/* A name for section '7' that stays a plain file of the folder. */
static char *extra_name(const uint8_t *p, size_t n, size_t *used)
{
	size_t k = 0;
	while (k < n && p[k] != '\n')
		k++;
	*used = k < n ? k + 1 : k;
	char *name = xstrndup((const char *)p, k);
	bool ok = *name && strlen(name) == k && strlen(name) < 200 && !strchr(name, '/') &&
	          strcmp(name, ".") && strcmp(name, "..");
	if (!ok) {
		free(name);
		return NULL;
	}
	return name;
}

int fuzz_signature_one(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	keys_init();
	unsigned flags = data[0];
	input in = {.dir = fuzz_scratch("sig")};
	fuzz_sections(data + 1, size - 1, take, &in);

	if (in.has[3])
		data_file(&in, "procedures.csv", in.sec[3], in.len[3]);
	if (in.has[4])
		data_file(&in, "forms/a.pdf", in.sec[4], in.len[4]);
	if (in.has[6])
		data_file(&in, "bundle.ini", in.sec[6], in.len[6]);
	if (in.has[7]) {
		size_t used;
		char *name = extra_name(in.sec[7], in.len[7], &used);
		if (name) {
			/* plain ASCII, and not another file of the bundle in
			 * another case: else "listed twice" is right */
			for (const char *c = name; *c; c++)
				if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				            "0123456789._-",
				            *c))
					in.odd_name = true;
			for (size_t i = 0; i < in.n_data; i++)
				if (!strcasecmp(name, in.data_names[i]))
					in.odd_name = true;
			if (!strncasecmp(name, "sha256sums", 10))
				in.odd_name = true;
			data_file(&in, name, in.sec[7] + used, in.len[7] - used);
			free(name);
		} else {
			in.odd_name = true;
		}
	}

	char *sums = (flags & 4) ? sums_of(&in) : xstrdup("");
	size_t sums_len = strlen(sums);
	if (in.has[2]) {
		sums = xrealloc(sums, sums_len + in.len[2] + 1);
		memcpy(sums + sums_len, in.sec[2], in.len[2]);
		sums_len += in.len[2];
		sums[sums_len] = '\0';
	}
	if (in.has[2] || (flags & 4))
		fuzz_write_file(in.dir, "SHA256SUMS", sums, sums_len);

	char *comment = in.has[5] ? xstrndup((const char *)in.sec[5], in.len[5])
	                          : xstrdup("UBND tỉnh Sơn La, bản 3");
	bool one_line =
	    !strpbrk(comment, "\r\n") && (!in.has[5] || !memchr(in.sec[5], 0, in.len[5]));
	if (flags & 2) {
		char *sig = minisig(sums, sums_len, comment);
		fuzz_write_file(in.dir, "SHA256SUMS.minisig", sig, strlen(sig));
		free(sig);
	} else if (in.has[1]) {
		fuzz_write_file(in.dir, "SHA256SUMS.minisig", in.sec[1], in.len[1]);
	}

	char *key;
	if (in.has[0])
		key = xstrndup((const char *)in.sec[0], in.len[0]);
	else if (flags & 1)
		key = fixed_public_key();
	else
		key = xstrdup("");

	char *tc = (char *)"unset";
	diag_list diag = {0};
	bool ok = signature_verify_bundle(in.dir, key, &tc, &diag);
	fuzz_check_diags(&diag);
	FUZZ_CHECK(ok == (diag.errors == 0));
	FUZZ_CHECK(ok ? tc != NULL : tc == NULL);
	bool intact =
	    (flags & 7) == 7 && !in.has[0] && !in.has[1] && !in.has[2] && one_line && !in.odd_name;
	if (intact) {
		if (!ok)
			diag_print(&diag, stderr);
		FUZZ_CHECK(ok);
	}
	if (ok && (flags & 2) && !in.has[0] && (flags & 1) && one_line) {
		/* minisign trims nothing but the line end */
		FUZZ_CHECK(!strcmp(tc, comment));
	}
	if (ok)
		free(tc);
	/* The same check without the out-parameter gives the same answer. */
	diag_list diag2 = {0};
	FUZZ_CHECK(signature_verify_bundle(in.dir, key, NULL, &diag2) == ok);
	FUZZ_CHECK(diag2.errors == diag.errors);
	diag_clear(&diag2);

	diag_clear(&diag);
	free(key);
	free(comment);
	free(sums);
	for (size_t i = 0; i < in.n_data; i++)
		free(in.data_names[i]);
	return 0;
}

FUZZ_ENTRY(fuzz_signature_one)
