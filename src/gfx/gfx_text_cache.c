#include "gfx_text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

typedef struct entry {
	struct entry *next_in_bucket;
	struct entry *newer, *older; /* the LRU list */
	uint64_t hash;
	int font, px, w, h;
	unsigned long frame;
	SDL_Texture *tex;
	size_t n;
	char text[]; /* n bytes, not terminated */
} entry;

struct gfx_text_cache {
	SDL_Renderer *r;
	size_t budget, bytes, count;
	entry **buckets;
	size_t n_buckets; /* a power of two */
	entry *newest, *oldest;
};

static uint64_t hash_key(int font, int px, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)font * 31 ^ (uint64_t)px << 8;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

gfx_text_cache *gfx_text_cache_new(SDL_Renderer *r, size_t budget)
{
	gfx_text_cache *c = xcalloc(1, sizeof *c);
	c->r = r;
	c->budget = budget;
	c->n_buckets = 1024;
	c->buckets = xcalloc(c->n_buckets, sizeof *c->buckets);
	return c;
}

void gfx_text_cache_free(gfx_text_cache *c)
{
	if (!c)
		return;
	for (entry *e = c->newest, *next; e; e = next) {
		next = e->older;
		SDL_DestroyTexture(e->tex);
		free(e);
	}
	free(c->buckets);
	free(c);
}

static void lru_unlink(gfx_text_cache *c, entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		c->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		c->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void lru_push_newest(gfx_text_cache *c, entry *e)
{
	e->older = c->newest;
	e->newer = NULL;
	if (c->newest)
		c->newest->newer = e;
	c->newest = e;
	if (!c->oldest)
		c->oldest = e;
}

SDL_Texture *gfx_text_cache_get(gfx_text_cache *c, int font, int px, const char *s, size_t n,
				unsigned long frame, int *w, int *h)
{
	uint64_t hash = hash_key(font, px, s, n);
	for (entry *e = c->buckets[hash & (c->n_buckets - 1)]; e; e = e->next_in_bucket) {
		if (e->hash == hash && e->font == font && e->px == px && e->n == n &&
		    memcmp(e->text, s, n) == 0) {
			if (c->newest != e) {
				lru_unlink(c, e);
				lru_push_newest(c, e);
			}
			e->frame = frame;
			*w = e->w;
			*h = e->h;
			return e->tex;
		}
	}
	return NULL;
}

static void bucket_remove(gfx_text_cache *c, entry *e)
{
	entry **pp = &c->buckets[e->hash & (c->n_buckets - 1)];
	while (*pp != e)
		pp = &(*pp)->next_in_bucket;
	*pp = e->next_in_bucket;
}

static void grow(gfx_text_cache *c)
{
	size_t nb = c->n_buckets * 2;
	entry **b = xcalloc(nb, sizeof *b);
	for (entry *e = c->newest; e; e = e->older) {
		e->next_in_bucket = b[e->hash & (nb - 1)];
		b[e->hash & (nb - 1)] = e;
	}
	free(c->buckets);
	c->buckets = b;
	c->n_buckets = nb;
}

void gfx_text_cache_put(gfx_text_cache *c, int font, int px, const char *s, size_t n,
			unsigned long frame, SDL_Texture *t, int w, int h)
{
	entry *e = xmalloc(sizeof *e + n);
	memset(e, 0, sizeof *e);
	e->hash = hash_key(font, px, s, n);
	e->font = font;
	e->px = px;
	e->w = w;
	e->h = h;
	e->frame = frame;
	e->tex = t;
	e->n = n;
	memcpy(e->text, s, n);
	if (c->count + 1 > c->n_buckets)
		grow(c);
	e->next_in_bucket = c->buckets[e->hash & (c->n_buckets - 1)];
	c->buckets[e->hash & (c->n_buckets - 1)] = e;
	lru_push_newest(c, e);
	c->count++;
	c->bytes += (size_t)w * (size_t)h * 4;
	/* Lines drawn in this frame stay even over budget: evicting them would
	 * rasterise them again on the next frame. */
	while (c->bytes > c->budget && c->oldest && c->oldest->frame != frame) {
		entry *old = c->oldest;
		lru_unlink(c, old);
		bucket_remove(c, old);
		c->bytes -= (size_t)old->w * (size_t)old->h * 4;
		c->count--;
		SDL_DestroyTexture(old->tex);
		free(old);
	}
}

size_t gfx_text_cache_bytes(const gfx_text_cache *c) { return c->bytes; }
