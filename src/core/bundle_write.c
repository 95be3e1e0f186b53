/* placeholder */
#include "bundle.h"
int bundle_write(const char *dir, const catalog_data *d, diag_list *diag) { (void)d; diag_error(diag, dir, 0, "export is not built yet"); return -1; }
