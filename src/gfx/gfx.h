/* gfx — the only code that speaks SDL: a window (or a headless surface),
 * cached text, a few primitives, input in UI coordinates and PNG screenshots.
 *
 * The UI (src/ui) draws through these functions only, in the spirit of
 * microui: measure text, draw text, fill rectangles, round rectangles,
 * triangles, a module matrix (QR), the emblem, clipping, present, screenshot.
 * All coordinates are in UI space: the logical screen after rotation, with
 * (0,0) at the top left of what the citizen sees. */
#ifndef MOTCUA_GFX_H
#define MOTCUA_GFX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gfx gfx;

typedef struct gfx_rect {
	int x, y, w, h;
} gfx_rect;

typedef struct gfx_color {
	uint8_t r, g, b, a;
} gfx_color;

typedef enum gfx_font { GFX_REGULAR, GFX_BOLD } gfx_font;

typedef struct gfx_options {
	int width, height; /* panel size; 0 = the display's (fullscreen) or 1280x800 (windowed) */
	bool windowed;     /* a resizable window instead of fullscreen desktop */
	bool headless;     /* offscreen (or dummy) video driver, software renderer */
	int rotate;        /* 0, 90, 180 or 270: how the panel is mounted */
	const char *font_dir; /* NULL: $MOTCUA_FONTDIR, the source tree, the installed fonts */
	size_t text_cache_bytes; /* budget of the text cache; 0 = one screen's pixels
	                            (panel width x height x 4: 7.9 MiB at 1920x1080) */
} gfx_options;

/* Opens the window (or the headless surface) and the fonts. Returns NULL
 * after printing why on stderr. */
gfx *gfx_open(const gfx_options *o);
/* gfx_close(NULL) is a no-op. */
void gfx_close(gfx *g);

/* Size of UI space in pixels (the panel's size, swapped for 90/270). */
void gfx_size(const gfx *g, int *w, int *h);

/* Width in pixels of the first n bytes of s (UTF-8) in font f at px pixels. Cached. */
int gfx_text_width(gfx *g, gfx_font f, int px, const char *s, size_t n);
/* Height of one line of text (ascent + descent) at px pixels; lines of a
 * paragraph are this far apart, so they never overlap. */
int gfx_text_height(gfx *g, gfx_font f, int px);

/* Starts a frame: clears to bg and resets the clip stack. */
void gfx_begin(gfx *g, gfx_color bg);
/* Draws the first n bytes of s with its top-left corner at (x, y). The
 * rasterised text is cached per (font, size, text), so an unchanged line is
 * never rasterised twice while it stays in the cache. */
void gfx_text(gfx *g, gfx_font f, int px, int x, int y, gfx_color c, const char *s, size_t n);
void gfx_fill(gfx *g, gfx_rect r, gfx_color c);
/* A filled rectangle with anti-aliased corners of the given radius. */
void gfx_round_rect(gfx *g, gfx_rect r, int radius, gfx_color c);
/* The outline of a rounded rectangle, thickness pixels wide, inside r. */
void gfx_round_outline(gfx *g, gfx_rect r, int radius, int thickness, gfx_color c);
/* A filled triangle. */
void gfx_triangle(gfx *g, float x1, float y1, float x2, float y2, float x3, float y3, gfx_color c);
/* An n x n matrix of modules (1 = dark, row-major) scaled to r with crisp
 * edges, dark modules in c over a white background (the caller adds the
 * quiet zone around r). Cached per matrix contents. */
void gfx_cells(gfx *g, gfx_rect r, const unsigned char *cells, int n, gfx_color c);
/* The kiosk's emblem (a gold star on a red disc), smoothed, filling r. */
void gfx_emblem(gfx *g, gfx_rect r);
/* Pictures (a bundle's images/): decoded once, held as a texture until
 * freed. gfx_image_new checks the bytes before any decoder sees them (PNG
 * or JPEG by magic, the size in its header within core/image_info.h's
 * limits, the whole structure present), decodes them with SDL_image and
 * shrinks the result to fit max_w x max_h (aspect kept; 0 = no limit).
 * Returns an id > 0, or 0 with *why set to a translated reason; *w, *h get
 * the picture's own size when its header told it. At most GFX_MAX_IMAGES
 * are held at once. */
#define GFX_MAX_IMAGES 16
int gfx_image_new(gfx *g, const unsigned char *data, size_t n, int max_w, int max_h, int *w, int *h,
		  const char **why);
/* Draws picture id scaled into r (the caller keeps the aspect); an unknown
 * id draws nothing. */
void gfx_image(gfx *g, int id, gfx_rect r);
/* Frees the picture's texture; 0 or an unknown id is a no-op. */
void gfx_image_free(gfx *g, int id);
/* Restricts drawing to r intersected with the current clip; pops restore. */
void gfx_clip_push(gfx *g, gfx_rect r);
void gfx_clip_pop(gfx *g);
/* Shows the frame (rotating it onto the panel when mounted rotated). */
void gfx_present(gfx *g);
/* Writes the frame drawn since gfx_begin, as the panel shows it, to path
 * as a PNG. Call before gfx_present. Returns 0 or -errno. */
int gfx_screenshot(gfx *g, const char *path);

/* Input, already in UI space. */
typedef enum gfx_input_type {
	GFX_INPUT_NONE,
	GFX_INPUT_DOWN,   /* a finger (or the left mouse button) went down */
	GFX_INPUT_MOVE,
	GFX_INPUT_UP,
	GFX_INPUT_KEY,    /* a key was pressed (desk testing only) */
	GFX_INPUT_EXPOSE, /* the window must be redrawn */
	GFX_INPUT_RESIZE, /* UI space changed size */
	GFX_INPUT_QUIT,   /* the window was closed (only reported when windowed; fullscreen ignores SDL_QUIT) */
} gfx_input_type;

/* The keys of a USB numeric keypad (read aloud and the focus ring,
 * issue 12.2), by position on the pad whatever Num Lock says; other keys
 * are GFX_KEY_OTHER. */
typedef enum gfx_key {
	GFX_KEY_OTHER,
	GFX_KEY_KP_0, GFX_KEY_KP_1, GFX_KEY_KP_2, GFX_KEY_KP_3, GFX_KEY_KP_4,
	GFX_KEY_KP_5, GFX_KEY_KP_6, GFX_KEY_KP_7, GFX_KEY_KP_8, GFX_KEY_KP_9,
	GFX_KEY_KP_ENTER, GFX_KEY_KP_PLUS, GFX_KEY_KP_MINUS, GFX_KEY_KP_MULTIPLY,
	GFX_KEY_KP_DIVIDE, GFX_KEY_KP_PERIOD,
} gfx_key;

typedef struct gfx_input {
	gfx_input_type type;
	int64_t id; /* finger id; -1 for the mouse */
	float x, y;
	int key;    /* a gfx_key, for GFX_INPUT_KEY */
	int sym;    /* the SDL keycode, for GFX_INPUT_KEY (a scanner types as a keyboard) */
} gfx_input;

/* Waits up to timeout_ms (0 = just poll, < 0 = forever) for input and fills
 * *in. Returns false when nothing came. Events the kiosk ignores are
 * swallowed here. */
bool gfx_wait_input(gfx *g, int timeout_ms, gfx_input *in);
/* gfx_wait_input returns early (false, nothing came) as soon as fd is
 * readable — the kiosk's stop descriptor (platform/stop.h), the USB watch;
 * fd is borrowed, not read; -1 = none. gfx_set_wake_fd replaces the
 * descriptors with fd, gfx_add_wake_fd adds one (at most
 * GFX_MAX_WAKE_FDS). Seen at once on kmsdrm and offscreen (the kiosk
 * sleeps in poll() on them, the input devices — $MOTCUA_INPUT_DIR or
 * /dev/input — and the timeout: gfx_wait.h), within 100 ms on x11 and
 * wayland. */
#define GFX_MAX_WAKE_FDS 4
void gfx_set_wake_fd(gfx *g, int fd);
void gfx_add_wake_fd(gfx *g, int fd);

/* Counters for tests and benchmarks. */
typedef struct gfx_stats {
	unsigned long frames;      /* gfx_begin calls */
	unsigned long rasterised;  /* text lines rendered by the font engine */
	unsigned long cache_hits;  /* text lines drawn from the cache */
	unsigned long missing_glyphs; /* characters rasterised that no font has (drawn as boxes) */
	size_t cache_bytes;        /* pixels held by the text cache */
	size_t cache_budget;       /* its budget */
	unsigned long sleeps;      /* times gfx_wait_input slept in poll() (kmsdrm, offscreen) */
	unsigned long images_decoded; /* pictures decoded by gfx_image_new */
	int images_held;           /* pictures held now */
	size_t image_bytes;        /* their pixels */
} gfx_stats;
void gfx_get_stats(const gfx *g, gfx_stats *s);

#endif
