/* config — the kiosk's one INI file (DESIGN §2, §8); every key has a default.
 *
 * The service only reads it (/etc/motcua/motcua.conf, root:motcua 0640);
 * what staff change from the kiosk lives in the store (staff_state.h).
 *
 * Fail closed, stay up: a file that is named or present but cannot be read,
 * or whose security lines (pin_hash, public_key) are invalid, sets `refused`:
 * the kiosk and the CLI then refuse every import and the default PIN, and
 * say why. A bad value of any other key is a FILE:LINE warning and the key
 * keeps its default. A value may be followed by a comment: `#` after a space
 * or tab starts one (`max_prints = 5  # five`). */
#ifndef MOTCUA_CONFIG_H
#define MOTCUA_CONFIG_H

#include <stdbool.h>

#include "diag.h"

#define CONFIG_DEFAULT_PATH "/etc/motcua/motcua.conf"

typedef struct config {
	char *path;        /* the file read, or NULL when none was found */
	char *unit_name;   /* overrides the bundle's don_vi; NULL = not set */
	char *printer;     /* CUPS queue; NULL = default destination */
	int max_prints;    /* 5 */
	char *media_roots; /* "/media:/run/media:/mnt" */
	int idle_prompt_s; /* 90 */
	int idle_reset_s;  /* 20 */
	int volume;        /* read aloud and recorded voices, percent: 80; 0 = no read-aloud */
	char *pin_hash;    /* crypto_pwhash_str output; NULL = PIN 000000. Kept
	                      as written even when invalid (no PIN matches it). */
	char *public_key;  /* minisign public key, NULL = signatures not required.
	                      Kept as written even when invalid (nothing verifies). */
	int rotate;        /* 0, 90, 180, 270 */
	int text_cache_mib; /* 0 = one screen's pixels (8 MiB at 1920x1080); 1..256 */
	int dossier_max_age_days; /* 3: an older dossier list is shown with a warning */
	char *refused;     /* why imports and the default PIN are refused
	                      ("FILE:LINE: what"), translated; NULL = all is well */
} config;

/* Fills c with defaults, then reads path, else $MOTCUA_CONFIG, else
 * CONFIG_DEFAULT_PATH when it exists. Problems go to diag with file and line:
 * security problems as errors (and in c->refused), the rest as warnings.
 * Returns 0, or -1 when c->refused is set; c is usable either way. */
int config_load(config *c, const char *path, diag_list *diag);

/* True when text is a minisign public key line (base64 of "Ed", an 8-byte
 * key id and a 32-byte Ed25519 key). */
bool config_public_key_is_valid(const char *text);

void config_clear(config *c);

#endif
