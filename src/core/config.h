/* config — the kiosk's one INI file (DESIGN §2); every key has a default. */
#ifndef MOTCUA_CONFIG_H
#define MOTCUA_CONFIG_H

#include "diag.h"

typedef struct config {
	char *path;        /* the file read, or NULL when none was found */
	char *unit_name;   /* overrides the bundle's don_vi; NULL = not set */
	char *printer;     /* CUPS queue; NULL = default destination */
	int max_prints;    /* 5 */
	char *media_roots; /* "/media:/run/media:/mnt" */
	int idle_prompt_s; /* 90 */
	int idle_reset_s;  /* 20 */
	char *pin_hash;    /* crypto_pwhash_str output; NULL = PIN 000000 */
	char *public_key;  /* minisign public key, NULL = signatures not required */
	int rotate;        /* 0, 90, 180, 270 */
} config;

/* Fills c with defaults, then reads path, else $MOTCUA_CONFIG, else
 * /etc/motcua/motcua.conf when it exists. Problems (unknown keys are
 * warnings, bad values errors) go to diag with file and line. Returns 0, or
 * -1 when an explicitly named file cannot be read or has errors. */
int config_load(config *c, const char *path, diag_list *diag);

/* Sets one key in the file at path, keeping its other lines (creates the
 * file and the [kiosk] section when missing). Used for the staff PIN. Returns
 * 0 or -errno. */
int config_set(const char *path, const char *key, const char *value);

void config_clear(config *c);

#endif
