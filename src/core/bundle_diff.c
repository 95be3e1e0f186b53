/* placeholder */
#include "bundle.h"
#include <string.h>
void bundle_diff_compute(const catalog_data *o, const catalog_data *n, bundle_diff *out) { (void)o; (void)n; memset(out, 0, sizeof *out); }
void bundle_diff_clear(bundle_diff *d) { (void)d; }
