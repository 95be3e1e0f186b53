/* fuzz_common — what the libFuzzer targets of tests/fuzz share.
 *
 * Each target is a function fuzz_NAME_one(data, size) that checks its
 * invariants with FUZZ_CHECK (which aborts, so libFuzzer records a crash).
 * Built with -DFUZZ_LIBFUZZER (clang, meson option fuzz) it also becomes the
 * LLVMFuzzerTestOneInput of its binary; built without, the same function is
 * called by tests/unit/test_fuzz_regressions.c on the inputs kept in
 * tests/fuzz/regressions/, so every crash found stays fixed under gcc too. */
#ifndef MOTCUA_FUZZ_COMMON_H
#define MOTCUA_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef FUZZ_LIBFUZZER
#define FUZZ_ENTRY(fn)                                                                             \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                               \
	{                                                                                          \
		return fn(data, size);                                                             \
	}
#else
#define FUZZ_ENTRY(fn)
#endif

/* The targets, one per fuzz_NAME.c. Each returns 0 (libFuzzer's convention)
 * and aborts when an invariant does not hold. */
int fuzz_csv_one(const uint8_t *data, size_t size);
int fuzz_text_one(const uint8_t *data, size_t size);
int fuzz_bundle_ini_one(const uint8_t *data, size_t size);
int fuzz_bundle_one(const uint8_t *data, size_t size);
int fuzz_signature_one(const uint8_t *data, size_t size);
int fuzz_script_one(const uint8_t *data, size_t size);
int fuzz_image_one(const uint8_t *data, size_t size);
int fuzz_dossier_one(const uint8_t *data, size_t size);
int fuzz_audio_one(const uint8_t *data, size_t size);

/* fuzz_bundle's container unpacked into the folder dir, for tests that
 * check more than "no crash" on a kept input. */
void fuzz_bundle_unpack(const uint8_t *data, size_t size, const char *dir);

/* Prints the failed invariant and aborts: a crash for libFuzzer, a failed
 * test for the regression runner. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fuzz_fail(__FILE__, __LINE__, #cond);                                      \
	} while (0)
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/* A folder of the process's own scratch space: NAME under a folder made once
 * per process on tmpfs (/dev/shm when there is one, else $TMPDIR), created
 * empty (emptied when it exists). Removed at exit. The string is static. */
const char *fuzz_scratch(const char *name);

/* Removes everything inside dir (recursively), keeping dir. */
void fuzz_empty_dir(const char *dir);

/* Writes data to dir/rel, creating the folders of rel ("dich/hmn/procedures.csv"). */
void fuzz_write_file(const char *dir, const char *rel, const void *data, size_t len);

/* Reads dir/rel whole; NULL when it cannot. Caller frees. */
char *fuzz_read_file(const char *dir, const char *rel, size_t *len);

/* The container format that splits one fuzz input into several files.
 * A section starts with a line "#@C" (C, one byte, selects the file) at the
 * start of the input or after a '\n'; its content runs to the '\n' before
 * the next such line (that '\n' belongs to the marker) or to the end. Bytes
 * before the first marker are skipped. cb is called once per section. */
typedef void (*fuzz_section_fn)(void *ctx, unsigned char sel, const uint8_t *p, size_t n);
void fuzz_sections(const uint8_t *data, size_t size, fuzz_section_fn cb, void *ctx);

/* Formats every diagnostic (what staff would read) and checks that each is
 * valid UTF-8 with a message; exercises diag_format on fuzzed text. */
void fuzz_check_diags(const diag_list *d);

/* Reference UTF-8 check (RFC 3629: no overlongs, no surrogates, at most
 * U+10FFFF), written apart from src/core/text.c to compare against it.
 * Returns the offset of the first bad sequence, or len when all is valid. */
size_t fuzz_utf8_bad_offset(const unsigned char *s, size_t len);

#endif
