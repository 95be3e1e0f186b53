#include "voice.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "gfx/gfx_audio.h"
#include "platform/speech.h"

struct voice {
	speech *sp;
	app_voice seam;
};

/* From the speech worker: pieces join the sound that plays. */
static void handle_pcm(void *ctx, const int16_t *pcm, size_t frames, int rate, bool last)
{
	(void)ctx;
	gfx_audio_append(last ? NULL : pcm, last ? 0 : frames, rate, 1);
}

static void voice_say(void *ctx, const char *text)
{
	voice *v = ctx;
	/* Old pieces can no longer arrive once speech_stop returns: only then
	 * is the sound card's queue dropped, so nothing old slips in after. */
	speech_stop(v->sp);
	gfx_audio_stop();
	if (text && *text)
		speech_say(v->sp, "vi", text);
}

static bool voice_busy(void *ctx)
{
	voice *v = ctx;
	return speech_busy(v->sp) || gfx_audio_playing();
}

static void voice_set_volume(void *ctx, int percent)
{
	(void)ctx;
	gfx_audio_set_volume(percent);
}

voice *voice_open(bool preload)
{
	if (gfx_audio_open() < 0)
		return NULL;
	voice *v = xcalloc(1, sizeof *v);
	v->sp = speech_new(handle_pcm, NULL, preload);
	v->seam = (app_voice){voice_say, voice_busy, voice_set_volume, v};
	return v;
}

void voice_close(voice *v)
{
	if (!v)
		return;
	speech_free(v->sp); /* no more pieces after this */
	gfx_audio_close();
	free(v);
}

const app_voice *voice_app(voice *v) { return v ? &v->seam : NULL; }
