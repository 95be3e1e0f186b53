/* input_check — on the console (KMS/DRM, no X or Wayland) SDL reads the
 * touchscreen straight from /dev/input; a user outside the `input` group sees
 * a kiosk that never reacts. This says so at start, in words. */
#ifndef MOTCUA_INPUT_CHECK_H
#define MOTCUA_INPUT_CHECK_H

#include <stdbool.h>

/* True when no display server is around (neither DISPLAY nor WAYLAND_DISPLAY),
 * so SDL will read input devices itself. */
bool input_check_needed(void);

/* Tries to open every /dev/input/event* read-only. Returns the number that
 * opened; when none did, *why (malloc'd, translated) says which failed and
 * what to do. *why is NULL when at least one opened. */
int input_check_devices(const char *dir, char **why);

#endif
