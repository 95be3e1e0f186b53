#include "gfx.h"

#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "core/paths.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "gfx_fallback.h"
#include "gfx_image.h"
#include "gfx_png.h"
#include "gfx_text_cache.h"
#include "gfx_wait.h"


/* Allocations from this size up get their own mapping, unmapped when
 * freed. glibc's default is the same size but it raises it (up to 32 MiB)
 * each time such a block is freed, after which the text cache's lines and
 * the frame buffers come from the heap, where the holes that evicted lines
 * leave are kept: about 30 MiB after a long walk. Setting it fixes it, and
 * makes an explicit malloc_trim needless (it cost 20-45 ms a call on that
 * heap, measured: too much to run between frames). */
#define GFX_MMAP_THRESHOLD (128 * 1024)
#define MAX_FONTS 48
#define MAX_CLIPS 16
#define MAX_SHAPES 24

typedef struct font_slot {
	int file, face, px; /* file: font_fallback's index, 0 = Noto Sans */
	TTF_Font *font;
} font_slot;

/* Anti-aliased shapes rasterised once: discs and rings for corners, the
 * emblem at a size, QR matrices. */
typedef enum shape_kind { SHAPE_DISC, SHAPE_RING, SHAPE_EMBLEM, SHAPE_CELLS } shape_kind;
typedef struct shape {
	shape_kind kind;
	int a, b;       /* radius/thickness, or width/height */
	uint64_t key;   /* hash of QR cells */
	unsigned long used;
	SDL_Texture *tex;
} shape;

typedef struct image_slot {
	int id; /* 0 = free */
	int w, h;
	SDL_Texture *tex;
	size_t bytes;
} image_slot;

struct gfx {
	SDL_Window *win;
	SDL_Renderer *ren;
	SDL_Surface *surface; /* headless: what the software renderer draws into */
	SDL_Texture *ui_tex;  /* rotated panels: the frame before rotation */
	bool headless, windowed, composed, ttf_up, sdl_up;
	bool can_block; /* SDL_WaitEventTimeout sleeps in the kernel (x11, wayland) */
	int rotate;
	int pw, ph; /* panel (output) size */
	int uw, uh; /* UI space */
	char *font_path[2];
	font_fallback *fallback; /* which font has a character (Tai Viet, …) */
	font_slot fonts[MAX_FONTS];
	int n_fonts;
	gfx_text_cache *cache;
	size_t cache_budget;
	shape shapes[MAX_SHAPES];
	image_slot images[GFX_MAX_IMAGES];
	int next_image_id;
	gfx_rect clips[MAX_CLIPS];
	int n_clips;
	bool finger_down_mouse; /* the left button is held */
	int wake_fds[GFX_MAX_WAKE_FDS]; /* gfx_add_wake_fd */
	int n_wake_fds;
	gfx_wait *waiter;       /* drivers where SDL cannot block; NULL = none */
	gfx_stats stats;
};

static const char *font_files[2] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"};

static bool file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool find_fonts(gfx *g, const char *override)
{
	const char *dirs[] = {override, paths_fontdir()};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		char *r = xasprintf("%s/%s", dirs[i], font_files[0]);
		char *b = xasprintf("%s/%s", dirs[i], font_files[1]);
		if (file_exists(r) && file_exists(b)) {
			g->font_path[0] = r;
			g->font_path[1] = b;
			g->fallback = font_fallback_new(dirs[i]);
			return true;
		}
		free(r);
		free(b);
	}
	fprintf(stderr, "motcua: %s/%s: %s\n", paths_fontdir(), font_files[0], strerror(ENOENT));
	return false;
}

/* Font `file` of the fallback list (0 = Noto Sans in face) at px pixels;
 * NULL when a fallback font cannot be opened. */
static TTF_Font *font_get_file(gfx *g, int file, gfx_font face, int px)
{
	if (px < 4)
		px = 4;
	for (int i = 0; i < g->n_fonts; i++)
		if (g->fonts[i].file == file && g->fonts[i].face == (int)face && g->fonts[i].px == px)
			return g->fonts[i].font;
	if (g->n_fonts == MAX_FONTS) {
		/* Only a resize or the text-size toggle asks for new sizes; start over. */
		for (int i = 0; i < g->n_fonts; i++)
			TTF_CloseFont(g->fonts[i].font);
		g->n_fonts = 0;
	}
	const char *path = g->font_path[face];
	bool fake_bold = false;
	if (file > 0) {
		path = face == GFX_BOLD ? font_fallback_bold_path(g->fallback, file) : NULL;
		fake_bold = face == GFX_BOLD && !path;
		if (!path)
			path = font_fallback_path(g->fallback, file);
	}
	TTF_Font *f = path ? TTF_OpenFont(path, px) : NULL;
	if (!f && file > 0) {
		fprintf(stderr, "motcua: warning: %s: %s\n", path ? path : "?", TTF_GetError());
		return NULL;
	}
	if (!f) {
		fprintf(stderr, "motcua: %s: %s\n", g->font_path[face], TTF_GetError());
		abort(); /* checked at start-up; losing it later is a broken install */
	}
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	if (fake_bold) /* a script with no bold face: emboldened */
		TTF_SetFontStyle(f, TTF_STYLE_BOLD);
	g->fonts[g->n_fonts++] = (font_slot){file, (int)face, px, f};
	return f;
}

static TTF_Font *font_get(gfx *g, gfx_font face, int px) { return font_get_file(g, 0, face, px); }

typedef struct font_ctx {
	gfx *g;
	gfx_font face;
	int px;
} font_ctx;

static TTF_Font *font_of_run(void *ctx, int file)
{
	font_ctx *c = ctx;
	return font_get_file(c->g, file, c->face, c->px);
}

static bool open_headless(gfx *g)
{
	/* The offscreen driver is what SDL offers for rendering without a
	 * display; old builds only have dummy. Neither is needed by the
	 * software renderer itself, so a failure is only a warning. */
	const char *drv = getenv("SDL_VIDEODRIVER");
	if (!drv || !*drv)
		SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
		if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
			fprintf(stderr, "motcua: warning: SDL video: %s\n", SDL_GetError());
		else
			g->sdl_up = true;
	} else {
		g->sdl_up = true;
	}
	g->surface = SDL_CreateRGBSurfaceWithFormat(0, g->pw, g->ph, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!g->surface)
		return false;
	g->ren = SDL_CreateSoftwareRenderer(g->surface);
	return g->ren != NULL;
}

static bool open_window(gfx *g, const gfx_options *o)
{
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
		return false;
	g->sdl_up = true;
	Uint32 flags = SDL_WINDOW_SHOWN;
	int w = o->width, h = o->height;
	if (g->windowed) {
		if (w <= 0 || h <= 0) {
			w = 1280;
			h = 800;
		}
	} else {
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
		if (w <= 0 || h <= 0) {
			SDL_DisplayMode m;
			if (SDL_GetDesktopDisplayMode(0, &m) == 0) {
				w = m.w;
				h = m.h;
			} else {
				w = 1920;
				h = 1080;
			}
		}
	}
	g->win = SDL_CreateWindow("motcua", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!g->win)
		return false;
	g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_TARGETTEXTURE);
	if (!g->ren)
		g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_SOFTWARE);
	if (!g->ren)
		return false;
	if (!g->windowed)
		SDL_ShowCursor(SDL_DISABLE);
	SDL_GetRendererOutputSize(g->ren, &g->pw, &g->ph);
	return true;
}

gfx *gfx_open(const gfx_options *o)
{
	mallopt(M_MMAP_THRESHOLD, GFX_MMAP_THRESHOLD);
	gfx *g = xcalloc(1, sizeof *g);
	g->headless = o->headless;
	g->windowed = o->windowed;
	g->rotate = ((o->rotate % 360) + 360) % 360;
	if (g->rotate % 90)
		g->rotate = 0;
	g->pw = o->width > 0 ? o->width : 1920;
	g->ph = o->height > 0 ? o->height : 1080;
	if (!find_fonts(g, o->font_dir))
		goto fail;
	if (TTF_Init() != 0) {
		fprintf(stderr, "motcua: SDL_ttf: %s\n", TTF_GetError());
		goto fail;
	}
	g->ttf_up = true;
	if (!(g->headless ? open_headless(g) : open_window(g, o))) {
		fprintf(stderr, "motcua: SDL: %s\n", SDL_GetError());
		goto fail;
	}
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
	g->uw = g->rotate % 180 ? g->ph : g->pw;
	g->uh = g->rotate % 180 ? g->pw : g->ph;
	if (g->rotate) {
		g->ui_tex = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
					      g->uw, g->uh);
		if (!g->ui_tex) {
			fprintf(stderr, "motcua: SDL: %s\n", SDL_GetError());
			goto fail;
		}
	}
	const char *drv = g->sdl_up ? SDL_GetCurrentVideoDriver() : NULL;
	g->can_block = drv && (!strcmp(drv, "x11") || !strcmp(drv, "wayland"));
	if (!g->headless && !g->can_block) {
		const char *dir = getenv("MOTCUA_INPUT_DIR");
		g->waiter = gfx_wait_new(dir && *dir ? dir : "/dev/input");
	}
	g->cache_budget = o->text_cache_bytes ? o->text_cache_bytes : (size_t)g->pw * (size_t)g->ph * 4;
	g->cache = gfx_text_cache_new(g->ren, g->cache_budget);
	/* Open the two faces now so a broken font fails at start, not mid-session. */
	font_get(g, GFX_REGULAR, 30);
	font_get(g, GFX_BOLD, 30);
	return g;
fail:
	gfx_close(g);
	return NULL;
}

void gfx_close(gfx *g)
{
	if (!g)
		return;
	gfx_text_cache_free(g->cache);
	gfx_wait_free(g->waiter);
	for (int i = 0; i < MAX_SHAPES; i++)
		if (g->shapes[i].tex)
			SDL_DestroyTexture(g->shapes[i].tex);
	for (int i = 0; i < GFX_MAX_IMAGES; i++)
		gfx_image_free(g, g->images[i].id);
	for (int i = 0; i < g->n_fonts; i++)
		TTF_CloseFont(g->fonts[i].font);
	if (g->ui_tex)
		SDL_DestroyTexture(g->ui_tex);
	if (g->ren)
		SDL_DestroyRenderer(g->ren);
	if (g->surface)
		SDL_FreeSurface(g->surface);
	if (g->win)
		SDL_DestroyWindow(g->win);
	if (g->ttf_up)
		TTF_Quit();
	if (g->sdl_up)
		SDL_QuitSubSystem(SDL_INIT_VIDEO);
	IMG_Quit();
	SDL_Quit();
	free(g->font_path[0]);
	free(g->font_path[1]);
	font_fallback_free(g->fallback);
	free(g);
}

void gfx_size(const gfx *g, int *w, int *h)
{
	*w = g->uw;
	*h = g->uh;
}

/* SDL_ttf wants terminated strings; most lines are short. */
static const char *terminated(const char *s, size_t n, char *buf, size_t cap, char **heap)
{
	*heap = NULL;
	if (n < cap) {
		memcpy(buf, s, n);
		buf[n] = 0;
		return buf;
	}
	*heap = xstrndup(s, n);
	return *heap;
}

int gfx_text_width(gfx *g, gfx_font f, int px, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	char buf[512], *heap;
	const char *t = terminated(s, n, buf, sizeof buf, &heap);
	font_ctx ctx = {g, f, px};
	int w = gfx_fallback_width(g->fallback, font_of_run, &ctx, t);
	free(heap);
	return w;
}

int gfx_text_height(gfx *g, gfx_font f, int px) { return TTF_FontHeight(font_get(g, f, px)); }

static void apply_clip(gfx *g)
{
	if (g->n_clips == 0) {
		SDL_RenderSetClipRect(g->ren, NULL);
		return;
	}
	gfx_rect c = g->clips[g->n_clips - 1];
	SDL_Rect r = {c.x, c.y, c.w > 0 ? c.w : 0, c.h > 0 ? c.h : 0};
	SDL_RenderSetClipRect(g->ren, &r);
}

void gfx_begin(gfx *g, gfx_color bg)
{
	g->stats.frames++;
	g->composed = false;
	g->n_clips = 0;
	if (g->ui_tex)
		SDL_SetRenderTarget(g->ren, g->ui_tex);
	apply_clip(g);
	SDL_SetRenderDrawColor(g->ren, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(g->ren);
}

void gfx_text(gfx *g, gfx_font f, int px, int x, int y, gfx_color c, const char *s, size_t n)
{
	if (n == 0)
		return;
	/* The colour is part of the key: a tinted copy (colour modulation)
	 * takes the software renderer's slow per-pixel path. */
	int slot = (int)f | (int)((uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b) << 1;
	int w, h;
	SDL_Texture *t = gfx_text_cache_get(g->cache, slot, px, s, n, g->stats.frames, &w, &h);
	if (t) {
		g->stats.cache_hits++;
	} else {
		char buf[512], *heap;
		const char *z = terminated(s, n, buf, sizeof buf, &heap);
		font_ctx ctx = {g, f, px};
		int missing = 0;
		SDL_Surface *surf = gfx_fallback_render(g->fallback, font_of_run, &ctx, z,
							(SDL_Color){c.r, c.g, c.b, 255}, &missing);
		g->stats.missing_glyphs += (unsigned long)missing;
		free(heap);
		if (!surf)
			return; /* nothing drawable (only zero-width characters) */
		t = SDL_CreateTextureFromSurface(g->ren, surf);
		w = surf->w;
		h = surf->h;
		SDL_FreeSurface(surf);
		if (!t)
			return;
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
		g->stats.rasterised++;
		gfx_text_cache_put(g->cache, slot, px, s, n, g->stats.frames, t, w, h);
	}
	SDL_SetTextureAlphaMod(t, c.a);
	SDL_Rect dst = {x, y, w, h};
	SDL_RenderCopy(g->ren, t, NULL, &dst);
}

void gfx_fill(gfx *g, gfx_rect r, gfx_color c)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	/* Opaque fills skip blending: the software renderer would blend every
	 * pixel of a full-screen card even at alpha 255. */
	SDL_SetRenderDrawBlendMode(g->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
	SDL_Rect q = {r.x, r.y, r.w, r.h};
	SDL_RenderFillRect(g->ren, &q);
}

/* Coverage of a pixel by a shape, by 4x4 supersampling. */
typedef float (*inside_fn)(float x, float y, const float *p);

static SDL_Texture *raster(gfx *g, int w, int h, inside_fn in, const float *p, const uint32_t *rgb)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		return NULL;
	for (int y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
		for (int x = 0; x < w; x++) {
			/* in() returns 0 outside, else a colour index + 1. */
			float acc[4] = {0};
			int hits = 0;
			for (int sy = 0; sy < 4; sy++)
				for (int sx = 0; sx < 4; sx++) {
					int k = (int)in(x + (sx + 0.5f) / 4, y + (sy + 0.5f) / 4, p);
					if (!k)
						continue;
					uint32_t c = rgb[k - 1];
					acc[0] += (c >> 16) & 255;
					acc[1] += (c >> 8) & 255;
					acc[2] += c & 255;
					hits++;
				}
			uint32_t a = (uint32_t)(hits * 255 / 16);
			uint32_t r = hits ? (uint32_t)(acc[0] / hits) : 0, gg = hits ? (uint32_t)(acc[1] / hits) : 0,
				 b = hits ? (uint32_t)(acc[2] / hits) : 0;
			row[x] = a << 24 | r << 16 | gg << 8 | b;
		}
	}
	SDL_Texture *t = SDL_CreateTextureFromSurface(g->ren, s);
	SDL_FreeSurface(s);
	if (t)
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
	return t;
}

static float in_disc(float x, float y, const float *p)
{
	float dx = x - p[0], dy = y - p[0];
	return dx * dx + dy * dy <= p[0] * p[0];
}

static float in_ring(float x, float y, const float *p)
{
	float dx = x - p[0], dy = y - p[0], d = dx * dx + dy * dy, in = p[0] - p[1];
	return d <= p[0] * p[0] && d > in * in;
}

/* Point in the five-pointed star centred at (p[0], p[1]) with outer radius p[2]. */
static bool in_star(float x, float y, const float *p)
{
	float ang = atan2f(x - p[0], p[1] - y); /* 0 = up, clockwise */
	float d = sqrtf((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]));
	float seg = 2 * (float)M_PI / 5;
	float a = fmodf(ang + 2 * (float)M_PI, seg);
	if (a > seg / 2)
		a = seg - a;
	/* Boundary: the line from the tip (angle 0, R) to the inner vertex (seg/2, r). */
	float R = p[2], r = R * 0.382f;
	float tx = 0, ty = R, ix = r * sinf(seg / 2), iy = r * cosf(seg / 2);
	float px = d * sinf(a), py = d * cosf(a);
	/* Inside when on the centre's side of the edge tip->inner. */
	float cross = (ix - tx) * (py - ty) - (iy - ty) * (px - tx);
	float cross0 = (ix - tx) * (0 - ty) - (iy - ty) * (0 - tx);
	return (cross > 0) == (cross0 > 0);
}

static float in_emblem(float x, float y, const float *p)
{
	float c = p[0], dx = x - c, dy = y - c, d2 = dx * dx + dy * dy;
	if (d2 > c * c)
		return 0;
	float star[3] = {c, c * 1.04f, c * 0.62f};
	if (in_star(x, y, star))
		return 2; /* gold */
	if (d2 > (c * 0.9f) * (c * 0.9f))
		return 2; /* gold rim */
	return 1;         /* red */
}

static shape *shape_get(gfx *g, shape_kind kind, int a, int b, uint64_t key)
{
	shape *lru = &g->shapes[0];
	for (int i = 0; i < MAX_SHAPES; i++) {
		shape *s = &g->shapes[i];
		if (s->tex && s->kind == kind && s->a == a && s->b == b && s->key == key) {
			s->used = g->stats.frames + 1;
			return s;
		}
		if (s->used < lru->used)
			lru = s;
	}
	if (lru->tex)
		SDL_DestroyTexture(lru->tex);
	*lru = (shape){kind, a, b, key, g->stats.frames + 1, NULL};
	return lru;
}

static SDL_Texture *disc(gfx *g, int r)
{
	shape *s = shape_get(g, SHAPE_DISC, r, 0, 0);
	if (!s->tex) {
		float p[1] = {(float)r};
		uint32_t white = 0xffffff;
		s->tex = raster(g, 2 * r, 2 * r, in_disc, p, &white);
	}
	return s->tex;
}

static SDL_Texture *ring(gfx *g, int r, int t)
{
	shape *s = shape_get(g, SHAPE_RING, r, t, 0);
	if (!s->tex) {
		float p[2] = {(float)r, (float)t};
		uint32_t white = 0xffffff;
		s->tex = raster(g, 2 * r, 2 * r, in_ring, p, &white);
	}
	return s->tex;
}

static void corners(gfx *g, SDL_Texture *t, gfx_rect r, int rad, gfx_color c)
{
	if (!t)
		return;
	SDL_SetTextureColorMod(t, c.r, c.g, c.b);
	SDL_SetTextureAlphaMod(t, c.a);
	SDL_Rect src[4] = {{0, 0, rad, rad}, {rad, 0, rad, rad}, {0, rad, rad, rad}, {rad, rad, rad, rad}};
	SDL_Rect dst[4] = {{r.x, r.y, rad, rad},
			   {r.x + r.w - rad, r.y, rad, rad},
			   {r.x, r.y + r.h - rad, rad, rad},
			   {r.x + r.w - rad, r.y + r.h - rad, rad, rad}};
	for (int i = 0; i < 4; i++)
		SDL_RenderCopy(g->ren, t, &src[i], &dst[i]);
}

static int clamp_radius(gfx_rect r, int radius)
{
	if (radius * 2 > r.w)
		radius = r.w / 2;
	if (radius * 2 > r.h)
		radius = r.h / 2;
	return radius < 0 ? 0 : radius;
}

void gfx_round_rect(gfx *g, gfx_rect r, int radius, gfx_color c)
{
	radius = clamp_radius(r, radius);
	if (radius < 2) {
		gfx_fill(g, r, c);
		return;
	}
	gfx_fill(g, (gfx_rect){r.x + radius, r.y, r.w - 2 * radius, r.h}, c);
	gfx_fill(g, (gfx_rect){r.x, r.y + radius, radius, r.h - 2 * radius}, c);
	gfx_fill(g, (gfx_rect){r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}, c);
	corners(g, disc(g, radius), r, radius, c);
}

void gfx_round_outline(gfx *g, gfx_rect r, int radius, int t, gfx_color c)
{
	radius = clamp_radius(r, radius);
	if (t <= 0)
		return;
	if (radius < t + 1)
		radius = 0;
	int k = radius ? radius : 0;
	gfx_fill(g, (gfx_rect){r.x + k, r.y, r.w - 2 * k, t}, c);
	gfx_fill(g, (gfx_rect){r.x + k, r.y + r.h - t, r.w - 2 * k, t}, c);
	gfx_fill(g, (gfx_rect){r.x, r.y + (k ? k : t), t, r.h - 2 * (k ? k : t)}, c);
	gfx_fill(g, (gfx_rect){r.x + r.w - t, r.y + (k ? k : t), t, r.h - 2 * (k ? k : t)}, c);
	if (radius)
		corners(g, ring(g, radius, t), r, radius, c);
}

void gfx_triangle(gfx *g, float x1, float y1, float x2, float y2, float x3, float y3, gfx_color c)
{
	SDL_Color col = {c.r, c.g, c.b, c.a};
	SDL_Vertex v[3] = {{{x1, y1}, col, {0, 0}}, {{x2, y2}, col, {0, 0}}, {{x3, y3}, col, {0, 0}}};
	SDL_RenderGeometry(g->ren, NULL, v, 3, NULL, 0);
}

void gfx_cells(gfx *g, gfx_rect r, const unsigned char *cells, int n, gfx_color c)
{
	if (n <= 0)
		return;
	uint64_t key = 1469598103934665603ull;
	for (int i = 0; i < n * n; i++) {
		key ^= cells[i] ? 1 : 0;
		key *= 1099511628211ull;
	}
	shape *s = shape_get(g, SHAPE_CELLS, n, 0, key);
	if (!s->tex) {
		SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
		if (!surf)
			return;
		for (int y = 0; y < n; y++) {
			uint32_t *row = (uint32_t *)((unsigned char *)surf->pixels + (size_t)y * (size_t)surf->pitch);
			for (int x = 0; x < n; x++)
				row[x] = cells[y * n + x] ? 0xffffffffu : 0;
		}
		s->tex = SDL_CreateTextureFromSurface(g->ren, surf);
		SDL_FreeSurface(surf);
		if (!s->tex)
			return;
		SDL_SetTextureScaleMode(s->tex, SDL_ScaleModeNearest);
	}
	/* Dark modules are opaque white tinted to c; light ones are
	 * transparent over the white background. */
	gfx_fill(g, r, (gfx_color){255, 255, 255, 255});
	SDL_SetTextureBlendMode(s->tex, SDL_BLENDMODE_BLEND);
	SDL_SetTextureColorMod(s->tex, c.r, c.g, c.b);
	SDL_Rect dst = {r.x, r.y, r.w, r.h};
	SDL_RenderCopy(g->ren, s->tex, NULL, &dst);
}

void gfx_emblem(gfx *g, gfx_rect r)
{
	int d = r.w < r.h ? r.w : r.h;
	if (d <= 0)
		return;
	shape *s = shape_get(g, SHAPE_EMBLEM, d, d, 0);
	if (!s->tex) {
		float p[1] = {d / 2.0f};
		uint32_t colours[2] = {0xda251d, 0xffcd00};
		s->tex = raster(g, d, d, in_emblem, p, colours);
	}
	if (!s->tex)
		return;
	SDL_Rect dst = {r.x + (r.w - d) / 2, r.y + (r.h - d) / 2, d, d};
	SDL_RenderCopy(g->ren, s->tex, NULL, &dst);
}

int gfx_image_new(gfx *g, const unsigned char *data, size_t n, int max_w, int max_h, int *w, int *h,
		  const char **why)
{
	image_slot *slot = NULL;
	for (int i = 0; i < GFX_MAX_IMAGES && !slot; i++)
		if (!g->images[i].id)
			slot = &g->images[i];
	*w = *h = 0;
	if (!slot) {
		*why = _("too many pictures are open");
		return 0;
	}
	SDL_Surface *s = gfx_image_decode(data, n, max_w, max_h, w, h, why);
	if (!s)
		return 0;
	g->stats.images_decoded++;
	SDL_Texture *t = SDL_CreateTextureFromSurface(g->ren, s);
	size_t bytes = (size_t)s->w * (size_t)s->h * 4;
	SDL_FreeSurface(s);
	if (!t) {
		*why = SDL_GetError();
		return 0;
	}
	SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
	SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
	if (++g->next_image_id <= 0)
		g->next_image_id = 1;
	*slot = (image_slot){g->next_image_id, *w, *h, t, bytes};
	return slot->id;
}

static image_slot *image_find(gfx *g, int id)
{
	for (int i = 0; id > 0 && i < GFX_MAX_IMAGES; i++)
		if (g->images[i].id == id)
			return &g->images[i];
	return NULL;
}

void gfx_image(gfx *g, int id, gfx_rect r)
{
	image_slot *s = image_find(g, id);
	if (!s || r.w <= 0 || r.h <= 0)
		return;
	SDL_Rect dst = {r.x, r.y, r.w, r.h};
	SDL_RenderCopy(g->ren, s->tex, NULL, &dst);
}

void gfx_image_free(gfx *g, int id)
{
	image_slot *s = image_find(g, id);
	if (!s)
		return;
	SDL_DestroyTexture(s->tex);
	*s = (image_slot){0};
}

void gfx_clip_push(gfx *g, gfx_rect r)
{
	if (g->n_clips > 0) {
		gfx_rect c = g->clips[g->n_clips - 1];
		int x0 = r.x > c.x ? r.x : c.x, y0 = r.y > c.y ? r.y : c.y;
		int x1 = r.x + r.w < c.x + c.w ? r.x + r.w : c.x + c.w;
		int y1 = r.y + r.h < c.y + c.h ? r.y + r.h : c.y + c.h;
		r = (gfx_rect){x0, y0, x1 - x0, y1 - y0};
	}
	if (g->n_clips < MAX_CLIPS)
		g->clips[g->n_clips++] = r;
	apply_clip(g);
}

void gfx_clip_pop(gfx *g)
{
	if (g->n_clips > 0)
		g->n_clips--;
	apply_clip(g);
}

/* Puts the UI-space frame onto the panel, rotated. */
static void compose(gfx *g)
{
	if (g->composed || !g->ui_tex)
		return;
	g->composed = true;
	SDL_SetRenderTarget(g->ren, NULL);
	SDL_RenderSetClipRect(g->ren, NULL);
	SDL_SetRenderDrawColor(g->ren, 0, 0, 0, 255);
	SDL_RenderClear(g->ren);
	SDL_Rect dst = {(g->pw - g->uw) / 2, (g->ph - g->uh) / 2, g->uw, g->uh};
	SDL_RenderCopyEx(g->ren, g->ui_tex, NULL, &dst, g->rotate, NULL, SDL_FLIP_NONE);
}

void gfx_present(gfx *g)
{
	compose(g);
	SDL_RenderPresent(g->ren);
}

int gfx_screenshot(gfx *g, const char *path)
{
	compose(g);
	if (!g->ui_tex)
		SDL_RenderSetClipRect(g->ren, NULL);
	SDL_RenderFlush(g->ren);
	if (g->surface)
		return gfx_png_write(path, g->surface->w, g->surface->h, g->surface->pixels,
				     (size_t)g->surface->pitch);
	size_t pitch = (size_t)g->pw * 4;
	uint32_t *px = xmalloc(pitch * (size_t)g->ph);
	int rc = -EIO;
	if (SDL_RenderReadPixels(g->ren, NULL, SDL_PIXELFORMAT_ARGB8888, px, (int)pitch) == 0)
		rc = gfx_png_write(path, g->pw, g->ph, px, pitch);
	free(px);
	return rc;
}

/* Panel coordinates to UI space: the inverse of the rotation in compose(). */
static void to_ui(const gfx *g, float px, float py, float *ux, float *uy)
{
	switch (g->rotate) {
	case 90: *ux = py; *uy = g->pw - px; break;
	case 180: *ux = g->pw - px; *uy = g->ph - py; break;
	case 270: *ux = g->ph - py; *uy = px; break;
	default: *ux = px; *uy = py; break;
	}
}

static void mouse_to_panel(const gfx *g, int mx, int my, float *px, float *py)
{
	int ww = g->pw, wh = g->ph;
	if (g->win)
		SDL_GetWindowSize(g->win, &ww, &wh);
	*px = ww ? (float)mx * g->pw / ww : (float)mx;
	*py = wh ? (float)my * g->ph / wh : (float)my;
}

/* SDL_WaitEventTimeout only sleeps in the kernel on drivers that can wait
 * (x11, wayland); on the others — kmsdrm on the kiosk's console, offscreen —
 * SDL 2.26 polls every millisecond, ~1,000 wake-ups a second of an idle
 * kiosk. There the kiosk sleeps in poll() itself (gfx_wait.h) on the input
 * devices, the wake descriptors and the deadline, and lets SDL read events
 * only when they are there: an idle kiosk wakes only for its own deadlines.
 * When a device could not be opened (so it cannot wake us), it falls back
 * to looking every GFX_IDLE_POLL_MS. Where SDL blocks it cannot also wait
 * on the wake descriptors, so there it blocks GFX_WAKE_SLICE_MS at a time. */
#define GFX_IDLE_POLL_MS 16
#define GFX_WAKE_SLICE_MS 100

void gfx_set_wake_fd(gfx *g, int fd)
{
	g->n_wake_fds = 0;
	gfx_add_wake_fd(g, fd);
}

void gfx_add_wake_fd(gfx *g, int fd)
{
	if (fd >= 0 && g->n_wake_fds < GFX_MAX_WAKE_FDS)
		g->wake_fds[g->n_wake_fds++] = fd;
}

static bool woken(const gfx *g)
{
	struct pollfd p[GFX_MAX_WAKE_FDS];
	for (int i = 0; i < g->n_wake_fds; i++)
		p[i] = (struct pollfd){.fd = g->wake_fds[i], .events = POLLIN};
	return g->n_wake_fds > 0 && poll(p, (nfds_t)g->n_wake_fds, 0) > 0;
}

static int wait_event(gfx *g, SDL_Event *e, int timeout_ms)
{
	if (timeout_ms == 0)
		return SDL_PollEvent(e);
	if (g->can_block && g->n_wake_fds == 0)
		return timeout_ms < 0 ? SDL_WaitEvent(e) : SDL_WaitEventTimeout(e, timeout_ms);
	if (SDL_PollEvent(e))
		return 1;
	Uint32 start = SDL_GetTicks();
	for (;;) {
		if (woken(g))
			return 0;
		Uint32 waited = SDL_GetTicks() - start;
		if (timeout_ms >= 0 && waited >= (Uint32)timeout_ms)
			return SDL_PollEvent(e);
		int left = timeout_ms < 0 ? -1 : (int)((Uint32)timeout_ms - waited);
		if (g->can_block) {
			if (left < 0 || left > GFX_WAKE_SLICE_MS)
				left = GFX_WAKE_SLICE_MS;
			if (SDL_WaitEventTimeout(e, left))
				return 1;
			continue;
		}
		if (!g->waiter || gfx_wait_blind(g->waiter))
			if (left < 0 || left > GFX_IDLE_POLL_MS)
				left = GFX_IDLE_POLL_MS;
		if (g->waiter) {
			g->stats.sleeps++;
			if (gfx_wait_for(g->waiter, g->wake_fds, g->n_wake_fds, left) == GFX_WAIT_FD)
				return SDL_PollEvent(e);
		} else {
			SDL_Delay((Uint32)left);
		}
		if (SDL_PollEvent(e))
			return 1;
	}
}

/* By scancode: the key's place on the pad, the same with Num Lock off. */
static int keypad_key(SDL_Scancode sc)
{
	switch (sc) {
	case SDL_SCANCODE_KP_0: return GFX_KEY_KP_0;
	case SDL_SCANCODE_KP_1: return GFX_KEY_KP_1;
	case SDL_SCANCODE_KP_2: return GFX_KEY_KP_2;
	case SDL_SCANCODE_KP_3: return GFX_KEY_KP_3;
	case SDL_SCANCODE_KP_4: return GFX_KEY_KP_4;
	case SDL_SCANCODE_KP_5: return GFX_KEY_KP_5;
	case SDL_SCANCODE_KP_6: return GFX_KEY_KP_6;
	case SDL_SCANCODE_KP_7: return GFX_KEY_KP_7;
	case SDL_SCANCODE_KP_8: return GFX_KEY_KP_8;
	case SDL_SCANCODE_KP_9: return GFX_KEY_KP_9;
	case SDL_SCANCODE_KP_ENTER: return GFX_KEY_KP_ENTER;
	case SDL_SCANCODE_KP_PLUS: return GFX_KEY_KP_PLUS;
	case SDL_SCANCODE_KP_MINUS: return GFX_KEY_KP_MINUS;
	case SDL_SCANCODE_KP_MULTIPLY: return GFX_KEY_KP_MULTIPLY;
	case SDL_SCANCODE_KP_DIVIDE: return GFX_KEY_KP_DIVIDE;
	case SDL_SCANCODE_KP_PERIOD: return GFX_KEY_KP_PERIOD;
	default: return GFX_KEY_OTHER;
	}
}

bool gfx_wait_input(gfx *g, int timeout_ms, gfx_input *in)
{
	SDL_Event e;
	memset(in, 0, sizeof *in);
	if (!g->sdl_up)
		return false;
	int got = wait_event(g, &e, timeout_ms);
	if (!got)
		return false;
	float px, py;
	switch (e.type) {
	case SDL_FINGERDOWN:
	case SDL_FINGERMOTION:
	case SDL_FINGERUP:
		in->type = e.type == SDL_FINGERDOWN ? GFX_INPUT_DOWN
			   : e.type == SDL_FINGERUP ? GFX_INPUT_UP : GFX_INPUT_MOVE;
		in->id = (int64_t)e.tfinger.fingerId;
		to_ui(g, e.tfinger.x * g->pw, e.tfinger.y * g->ph, &in->x, &in->y);
		return true;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID)
			break;
		g->finger_down_mouse = e.type == SDL_MOUSEBUTTONDOWN;
		in->type = g->finger_down_mouse ? GFX_INPUT_DOWN : GFX_INPUT_UP;
		in->id = -1;
		mouse_to_panel(g, e.button.x, e.button.y, &px, &py);
		to_ui(g, px, py, &in->x, &in->y);
		return true;
	case SDL_MOUSEMOTION:
		if (!g->finger_down_mouse || e.motion.which == SDL_TOUCH_MOUSEID)
			break;
		in->type = GFX_INPUT_MOVE;
		in->id = -1;
		mouse_to_panel(g, e.motion.x, e.motion.y, &px, &py);
		to_ui(g, px, py, &in->x, &in->y);
		return true;
	case SDL_KEYDOWN:
		in->type = GFX_INPUT_KEY;
		in->key = keypad_key(e.key.keysym.scancode);
		in->sym = e.key.keysym.sym;
		return true;
	case SDL_WINDOWEVENT:
		if (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SHOWN ||
		    e.window.event == SDL_WINDOWEVENT_RESTORED) {
			in->type = GFX_INPUT_EXPOSE;
			return true;
		}
		break;
	case SDL_QUIT:
		/* A kiosk is left only through the staff area; a desk window
		 * closes. systemctl stop does not come this way: SIGTERM is read
		 * from the kiosk's stop descriptor (platform/stop.h). */
		if (g->windowed) {
			in->type = GFX_INPUT_QUIT;
			return true;
		}
		break;
	default:
		break;
	}
	return false;
}

void gfx_get_stats(const gfx *g, gfx_stats *s)
{
	*s = g->stats;
	s->cache_bytes = gfx_text_cache_bytes(g->cache);
	s->cache_budget = g->cache_budget;
	s->images_held = 0;
	s->image_bytes = 0;
	for (int i = 0; i < GFX_MAX_IMAGES; i++)
		if (g->images[i].id) {
			s->images_held++;
			s->image_bytes += g->images[i].bytes;
		}
}
