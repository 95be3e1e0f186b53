/* gfx_wait — sleeping in the kernel until input comes, where SDL cannot.
 *
 * On the kiosk's console driver (kmsdrm) and on offscreen, SDL has no way to
 * block until an event: SDL_WaitEventTimeout polls every millisecond. The
 * kiosk instead sleeps in poll() on its own read-only descriptors of the
 * input devices SDL reads (/dev/input/event*: each open descriptor of an
 * evdev device gets its own copy of every event), on the folder itself
 * (inotify: devices plugged in or out, or given their permissions by udev),
 * on the caller's descriptors (the stop signal, the USB watch) and until the
 * next deadline. When a device has something, its copy here is drained and
 * SDL is left to read its own. No SDL here. */
#ifndef MOTCUA_GFX_WAIT_H
#define MOTCUA_GFX_WAIT_H

#include <stdbool.h>

typedef struct gfx_wait gfx_wait;

/* Watches the evdev devices event* in dir ("/dev/input"). Devices that only
 * report motion of the machine (accelerometers: INPUT_PROP_ACCELEROMETER)
 * are left out: they would wake it all the time. NULL only when out of
 * memory. */
gfx_wait *gfx_wait_new(const char *dir);
/* gfx_wait_free(NULL) is a no-op. */
void gfx_wait_free(gfx_wait *w);

typedef enum gfx_wait_result {
	GFX_WAIT_TIMEOUT, /* the time is up */
	GFX_WAIT_INPUT,   /* a device had input (drained), or devices changed */
	GFX_WAIT_FD,      /* one of the caller's descriptors is readable (not read) */
} gfx_wait_result;

/* Sleeps until a device has input, one of fds[0..n) is readable, or
 * timeout_ms have passed (< 0: no limit). */
gfx_wait_result gfx_wait_for(gfx_wait *w, const int *fds, int n, int timeout_ms);

/* Devices being watched now. */
int gfx_wait_devices(const gfx_wait *w);
/* True when an event* device is there that could not be opened (SDL might
 * still read it another way): the caller must not rely on being woken. */
bool gfx_wait_blind(const gfx_wait *w);

#endif
