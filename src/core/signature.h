/* signature — signed bundles: SHA256SUMS checked against a minisign signature
 * (DESIGN §3). Verification uses libsodium: Ed25519 over the BLAKE2b-512 hash
 * of the file (minisign's prehashed "ED" form); the legacy "Ed" form is refused. */
#ifndef MOTCUA_SIGNATURE_H
#define MOTCUA_SIGNATURE_H

#include <stdbool.h>

#include "diag.h"

/* Verifies the bundle in dir against public_key (the base64 line of a
 * minisign .pub file): SHA256SUMS.minisig must be a valid signature of
 * SHA256SUMS by that key (and its trusted comment signature must verify), every
 * file SHA256SUMS lists must exist with that SHA-256, and no other regular
 * file may be present (SHA256SUMS and its .minisig excepted). File names are
 * matched case-insensitively, as everywhere in a bundle. Every problem goes to
 * diag with the file (and line of SHA256SUMS where one applies). On success
 * *trusted_comment (when non-NULL) receives the trusted comment, malloc'd.
 * Returns true when the bundle is signed and intact. */
bool signature_verify_bundle(const char *dir, const char *public_key, char **trusted_comment,
			     diag_list *diag);

/* What a verified SHA256SUMS lists: each file's case-folded name and SHA-256. */
typedef struct signature_manifest {
	char **keys;
	unsigned char (*sha256)[32];
	size_t n, cap;
} signature_manifest;

/* signature_verify_bundle that also fills m (zeroed by the caller, freed with
 * signature_manifest_clear) when the bundle verifies. The files are read
 * again later to be parsed, and may have changed in between: whoever parses
 * a file must check the very bytes parsed with signature_manifest_matches. */
bool signature_verify_bundle_manifest(const char *dir, const char *public_key,
                                      char **trusted_comment, signature_manifest *m,
                                      diag_list *diag);

/* True when data[0..len) is what the verified SHA256SUMS lists for rel (a
 * path inside the bundle, any case: "Forms/x.pdf"). */
bool signature_manifest_matches(const signature_manifest *m, const char *rel, const void *data,
                                size_t len);

void signature_manifest_clear(signature_manifest *m);

#endif
