#include "draw.h"

static gfx_rect moved(gfx_rect r, int dx, int dy) { return (gfx_rect){r.x + dx, r.y + dy, r.w, r.h}; }

void draw_flow(gfx *g, textruns *runs, const flow *f, int dx, int dy, gfx_rect clip, gfx_rect bounds)
{
	gfx_clip_push(g, clip);
	bounds = moved(bounds, dx, dy);
	for (size_t i = 0; i < f->n; i++) {
		const flow_item *it = &f->items[i];
		gfx_rect r = moved(it->r, dx, dy);
		if (it->kind == FLOW_TRIANGLE) {
			gfx_triangle(g, (float)(it->r.x + dx), (float)(it->r.y + dy), (float)(it->r.w + dx),
				     (float)(it->r.h + dy), (float)(it->thick + dx), (float)(it->y3 + dy),
				     it->color);
			continue;
		}
		if (!rect_overlap(r, clip))
			continue;
		switch (it->kind) {
		case FLOW_TEXT: {
			gfx_text(g, it->font, it->px, r.x, r.y, it->color, flow_text(f, it), it->len);
			gfx_rect box = it->container >= 0 ? moved(f->items[it->container].r, dx, dy) : bounds;
			textruns_add(runs, flow_text(f, it), it->len, r, rect_intersect(r, clip), box);
			break;
		}
		case FLOW_BOX: gfx_round_rect(g, r, it->px, it->color); break;
		case FLOW_OUTLINE: gfx_round_outline(g, r, it->px, it->thick, it->color); break;
		case FLOW_CELLS:
			gfx_cells(g, r, (const unsigned char *)flow_text(f, it), it->px,
				  (gfx_color){0, 0, 0, 255});
			break;
		case FLOW_EMBLEM: gfx_emblem(g, r); break;
		case FLOW_IMAGE: gfx_image(g, it->px, r); break;
		default: break;
		}
	}
	gfx_clip_pop(g);
}
