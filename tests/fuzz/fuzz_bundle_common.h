/* Helpers of the bundle targets: comparing two catalogues and two folders. */
#ifndef MOTCUA_FUZZ_BUNDLE_COMMON_H
#define MOTCUA_FUZZ_BUNDLE_COMMON_H

#include <stdbool.h>

#include "core/model.h"

/* Aborts (FUZZ_CHECK) unless a and b hold the same catalogue: bundle info,
 * every record of every table, every blob. */
void fuzz_catalog_check_equal(const catalog_data *a, const catalog_data *b);

/* Aborts unless the bundles written in folders a and b have byte-identical
 * files (bundle.ini, every table, every blob of d). */
void fuzz_export_check_identical(const char *a, const char *b, const catalog_data *d);

/* Reads dir, and when it reads clean, checks that export is a fixed point:
 * write → read gives the same catalogue, and writing that again gives the
 * same bytes (in the scratch folders "out1" and "out2"). Returns bundle_read's
 * result. */
bool fuzz_bundle_roundtrip(const char *dir, long installed_version, bool allow_downgrade);

#endif
