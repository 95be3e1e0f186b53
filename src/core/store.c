/* placeholder until the store module lands */
#include "store.h"
#include <string.h>
int store_open(store *s, const char *dir) { (void)dir; memset(s, 0, sizeof *s); return -1; }
void store_close(store *s) { (void)s; }
bool store_has_catalog(const store *s) { (void)s; return false; }
long store_installed_version(const store *s) { (void)s; return 0; }
int store_install(store *s, const catalog_data *d, diag_list *diag) { (void)s; (void)d; (void)diag; return -1; }
int store_rollback(store *s, diag_list *diag) { (void)s; (void)diag; return -1; }
int store_ensure(store *s, const char *dir, diag_list *diag) { (void)s; (void)dir; (void)diag; return -1; }
