/* placeholder until the bundle module lands */
#include "bundle.h"
bool bundle_read(const char *dir, const bundle_opts *opts, catalog_data *d, diag_list *diag) { (void)opts; (void)d; diag_error(diag, dir, 0, "bundle reading is not built yet"); return false; }
