/* placeholder until the catalog module lands */
#include "catalog.h"
#include "xalloc.h"
catalog *catalog_open(const char *path, char **err) { (void)path; if (err) *err = xstrdup("not built yet"); return NULL; }
void catalog_close(catalog *c) { (void)c; }
int catalog_load(catalog *c, catalog_data *d) { (void)c; (void)d; return -1; }
size_t catalog_search(catalog *c, const char *q, size_t limit, proc_summary **out) { (void)c; (void)q; (void)limit; *out = NULL; return 0; }
void catalog_summaries_free(proc_summary *v, size_t n) { (void)v; (void)n; }
