#include "player.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_state.h"
#include "core/audio_clip.h"
#include "core/xalloc.h"
#include "gfx/gfx_audio.h"
#include "speak.h"
#include "widgets.h"

/* How often the timer looks whether the recording has ended. */
#define TICK_MS 200

struct player {
	char *name;          /* the blob playing; NULL when silent */
	unsigned char *data; /* its bytes, read from the catalogue */
	size_t size;
	audio_reader *rd;    /* the audio thread's while it plays */
	int64_t next_tick;   /* when player_tick is due */
	unsigned nav_serial; /* the screen it was started on */
};

player *player_new(void)
{
	return xcalloc(1, sizeof(player));
}

static void release(player *p)
{
	audio_reader_close(p->rd);
	free(p->data);
	free(p->name);
	p->rd = NULL;
	p->data = NULL;
	p->name = NULL;
	p->size = 0;
}

void player_free(player *p)
{
	if (!p)
		return;
	if (p->name)
		gfx_audio_stop();
	release(p);
	free(p);
}

void player_stop(app *a)
{
	player *p = a->player;
	if (!p || !p->name)
		return;
	gfx_audio_stop();
	release(p);
	a->dirty = true;
	app_invalidate(a); /* the button says "Listen" again */
}

/* Decodes the next piece, on SDL's audio thread (gfx_audio_play_pull): the
 * UI thread may be busy laying out a long page, the voice plays on. */
static size_t pull(void *rd, int16_t *pcm, size_t max)
{
	return audio_reader_read(rd, pcm, max);
}

void player_start(app *a, const char *name)
{
	player *p = a->player;
	if (!p || !a->cat || !name)
		return;
	player_stop(a);
	size_t size = 0;
	unsigned char *data = catalog_blob(a->cat, name, &size);
	const char *why = NULL;
	audio_reader *rd = data ? audio_reader_open(data, size, &why) : NULL;
	if (!rd) {
		fprintf(stderr, "motcua: %s: %s\n", name,
		        why ? _(why) : _("the recording is not in the catalogue"));
		free(data);
		return;
	}
	speak_silence(a); /* one sound at a time: the recording takes over */
	p->name = xstrdup(name);
	p->data = data;
	p->size = size;
	p->rd = rd;
	p->nav_serial = a->nav_serial;
	if (gfx_audio_play_pull(pull, rd, audio_reader_rate(rd), 1) < 0) {
		/* no sound card: nothing to show playing */
		release(p);
		return;
	}
	p->next_tick = a->now + TICK_MS;
	a->dirty = true;
	app_invalidate(a);
}

bool player_playing(const app *a, const char *name)
{
	const player *p = a->player;
	return p && p->name && (!name || !strcmp(p->name, name));
}

void player_tick(app *a, int64_t now)
{
	player *p = a->player;
	if (!p || !p->name)
		return;
	p->next_tick = now + TICK_MS;
	if (p->nav_serial != a->nav_serial) { /* the citizen left the screen */
		player_stop(a);
		return;
	}
	if (!gfx_audio_playing())
		player_stop(a); /* the whole recording is heard */
}

int64_t player_deadline(const app *a)
{
	return player_playing(a, NULL) ? a->player->next_tick : INT64_MAX;
}

int player_card(flow *f, const ui_metrics *m, const app *a, int y, int w, const item_list *recs,
                int action)
{
	if (!recs || !recs->n)
		return y;
	gfx_rect card = {0, y, w, 0};
	size_t ci = widgets_card(f, m, card);
	flow_container_push(f, card);
	int iy = y + m->pad;
	iy += widgets_heading(f, m, m->pad, iy, w - 2 * m->pad, _("Listen to a recording")) + m->gap;
	iy += flow_para(f, GFX_REGULAR, m->px_body, UI_MUTED, m->pad, iy, w - 2 * m->pad,
	                _("Read aloud by a person of the commune, in these languages:"), 0) +
	      m->gap;
	int px = m->px_h2, avail = w - 2 * m->pad, x = m->pad;
	for (size_t i = 0; i < recs->n; i++) {
		bool on = player_playing(a, recs->v[i].extra);
		char *label = on ? xstrdup(_("Stop the recording")) : audio_lang_label(recs->v[i].text);
		widget_icon icon = on ? WIDGET_STOP : WIDGET_LISTEN;
		int bw = widgets_button_width(f, m, label, px, icon);
		if (bw > avail)
			bw = avail;
		if (x > m->pad && x + bw > m->pad + avail) {
			x = m->pad;
			iy += m->touch + m->gap;
		}
		widgets_button(f, m, (gfx_rect){x, iy, bw, m->touch}, label, px,
		               on ? WIDGET_SECONDARY : WIDGET_PRIMARY, icon, action, (int)i);
		x += bw + m->gap;
		free(label);
	}
	iy += m->touch;
	gfx_rect r = {0, y, w, iy + m->pad - y};
	widgets_card_resize(f, ci, r);
	flow_set_rect(f, ci + 2, r);
	flow_container_pop(f);
	return y + r.h + m->gap;
}

void player_toggle(app *a, const item_list *recs, int arg)
{
	if (!recs || arg < 0 || (size_t)arg >= recs->n)
		return;
	const char *name = recs->v[arg].extra;
	if (player_playing(a, name))
		player_stop(a);
	else
		player_start(a, name);
}
