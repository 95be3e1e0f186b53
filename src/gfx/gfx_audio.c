/* gfx_audio — see gfx_audio.h. The device runs from open to close and the
 * callback writes silence when nothing is queued: starting a sound is then
 * only a swap of the stream under the device lock, and the first sample is
 * heard one device buffer (~21 ms) later. */
#include "gfx_audio.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <SDL.h>

static SDL_AudioDeviceID audio_dev;
/* The device is opened when a sound starts and closed at the end of a
 * citizen's session (gfx_audio_suspend): an open device's thread wakes
 * for every buffer (about 47 times a second), which an idle kiosk must
 * not. audio_enabled: gfx_audio_open found a device. The lock guards
 * opening and closing (speech appends from its worker thread). */
static bool audio_enabled;
static pthread_mutex_t audio_open_lock = PTHREAD_MUTEX_INITIALIZER;
static SDL_AudioSpec audio_have;
/* Guarded by the device lock (the callback runs with it held). */
static SDL_AudioStream *audio_stream;
static int audio_src_rate, audio_src_channels;
static uint64_t audio_played;
/* A sound decoded as it plays (gfx_audio_play_pull): asked for more from
 * the callback, never from the UI thread, so a slow frame cannot let the
 * queue run dry. */
static gfx_audio_pull audio_pull;
static void *audio_pull_ctx;
static int16_t audio_pull_buf[4096];
static SDL_atomic_t audio_volume = {100};

static void handle_audio(void *userdata, Uint8 *out, int len)
{
	(void)userdata;
	memset(out, audio_have.silence, (size_t)len);
	if (!audio_stream)
		return;
	/* Two buffers ahead: a decoder that takes a few ms more once is not heard. */
	while (audio_pull && SDL_AudioStreamAvailable(audio_stream) < 2 * len) {
		size_t max = sizeof audio_pull_buf / sizeof *audio_pull_buf / (size_t)audio_src_channels;
		size_t n = audio_pull(audio_pull_ctx, audio_pull_buf, max);
		if (n > max || !n ||
		    SDL_AudioStreamPut(audio_stream, audio_pull_buf,
				       (int)(n * (size_t)audio_src_channels * sizeof *audio_pull_buf)) != 0) {
			SDL_AudioStreamFlush(audio_stream); /* the end: let the tail out */
			audio_pull = NULL;
		}
	}
	int got = SDL_AudioStreamGet(audio_stream, out, len);
	if (got <= 0)
		return;
	int vol = SDL_AtomicGet(&audio_volume);
	int16_t *s = (int16_t *)out;
	int n = got / (int)sizeof(int16_t);
	if (vol < 100)
		for (int i = 0; i < n; i++)
			s[i] = (int16_t)(s[i] * vol / 100);
	audio_played += (uint64_t)(got / ((int)sizeof(int16_t) * audio_have.channels));
}

/* Opens the device; the caller holds audio_open_lock. 0 or -1. */
static int device_open(void)
{
	SDL_AudioSpec want;
	SDL_zero(want);
	want.freq = 48000;
	want.format = AUDIO_S16SYS;
	want.channels = 2;
	want.samples = 1024;
	want.callback = handle_audio;
	/* The format stays S16 (the callback scales samples as int16_t). */
	audio_dev = SDL_OpenAudioDevice(NULL, 0, &want, &audio_have,
					SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE);
	if (!audio_dev || audio_have.channels < 1) {
		fprintf(stderr, "motcua: no sound: %s\n", SDL_GetError());
		if (audio_dev)
			SDL_CloseAudioDevice(audio_dev);
		audio_dev = 0;
		return -1;
	}
	SDL_PauseAudioDevice(audio_dev, 0);
	return 0;
}

static void device_close(void)
{
	if (!audio_dev)
		return;
	SDL_CloseAudioDevice(audio_dev); /* waits for the callback to return */
	audio_dev = 0;
	SDL_FreeAudioStream(audio_stream);
	audio_stream = NULL;
	audio_pull = NULL;
}

/* The device for a sound about to start: opened when closed. */
static bool device_ready(void)
{
	pthread_mutex_lock(&audio_open_lock);
	bool ok = audio_dev || (audio_enabled && device_open() == 0);
	pthread_mutex_unlock(&audio_open_lock);
	return ok;
}

int gfx_audio_open(void)
{
	pthread_mutex_lock(&audio_open_lock);
	int rc = 0;
	if (!audio_enabled) {
		/* Tried once now, so a kiosk without sound says so at start (and
		 * offers no read-aloud); then closed until a sound starts. */
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
			fprintf(stderr, "motcua: no sound: %s\n", SDL_GetError());
			rc = -1;
		} else if (device_open() < 0) {
			SDL_QuitSubSystem(SDL_INIT_AUDIO);
			rc = -1;
		} else {
			device_close();
			audio_enabled = true;
		}
	}
	pthread_mutex_unlock(&audio_open_lock);
	return rc;
}

void gfx_audio_suspend(void)
{
	pthread_mutex_lock(&audio_open_lock);
	device_close();
	pthread_mutex_unlock(&audio_open_lock);
}

void gfx_audio_close(void)
{
	pthread_mutex_lock(&audio_open_lock);
	device_close();
	if (audio_enabled)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	audio_enabled = false;
	pthread_mutex_unlock(&audio_open_lock);
}

static SDL_AudioStream *stream_new(int rate, int channels)
{
	SDL_AudioStream *st = SDL_NewAudioStream(AUDIO_S16SYS, (Uint8)channels, rate, audio_have.format,
						 audio_have.channels, audio_have.freq);
	if (!st)
		fprintf(stderr, "motcua: sound: %s\n", SDL_GetError());
	return st;
}

static bool format_ok(size_t frames, int rate, int channels)
{
	return audio_dev && rate >= 4000 && rate <= 192000 && (channels == 1 || channels == 2) &&
	       frames <= (size_t)INT32_MAX / 4;
}

/* A new stream for a new sound holding pcm (converted here, before taking
 * the lock, so a long sound never holds up the audio thread), flushed when
 * it is the whole sound, then swapped in for the one playing. */
static int stream_start(const int16_t *pcm, size_t frames, int rate, int channels, bool whole,
                        gfx_audio_pull pull, void *ctx)
{
	SDL_AudioStream *st = stream_new(rate, channels);
	if (!st)
		return -1;
	if ((frames && SDL_AudioStreamPut(st, pcm, (int)(frames * (size_t)channels * sizeof *pcm)) != 0) ||
	    (whole && SDL_AudioStreamFlush(st) != 0)) {
		fprintf(stderr, "motcua: sound: %s\n", SDL_GetError());
		SDL_FreeAudioStream(st);
		return -1;
	}
	SDL_LockAudioDevice(audio_dev);
	SDL_AudioStream *old = audio_stream;
	audio_stream = st;
	audio_src_rate = rate;
	audio_src_channels = channels;
	audio_played = 0;
	audio_pull = pull;
	audio_pull_ctx = ctx;
	SDL_UnlockAudioDevice(audio_dev);
	SDL_FreeAudioStream(old);
	return 0;
}

int gfx_audio_play(const int16_t *pcm, size_t frames, int rate, int channels)
{
	if (!device_ready() || !format_ok(frames, rate, channels) || (!pcm && frames))
		return -1;
	return stream_start(pcm, frames, rate, channels, true, NULL, NULL);
}

int gfx_audio_play_pull(gfx_audio_pull pull, void *ctx, int rate, int channels)
{
	if (!pull || !device_ready() || !format_ok(0, rate, channels))
		return -1;
	return stream_start(NULL, 0, rate, channels, false, pull, ctx);
}

int gfx_audio_append(const int16_t *pcm, size_t frames, int rate, int channels)
{
	if (!pcm || !frames) {
		if (!audio_dev)
			return -1;
		SDL_LockAudioDevice(audio_dev);
		if (audio_stream)
			SDL_AudioStreamFlush(audio_stream);
		SDL_UnlockAudioDevice(audio_dev);
		return 0;
	}
	if (!device_ready() || !format_ok(frames, rate, channels))
		return -1;
	SDL_LockAudioDevice(audio_dev);
	bool same = audio_stream && audio_src_rate == rate && audio_src_channels == channels;
	int rc = 0;
	if (same)
		rc = SDL_AudioStreamPut(audio_stream, pcm, (int)(frames * (size_t)channels * sizeof *pcm));
	SDL_UnlockAudioDevice(audio_dev);
	if (same)
		return rc == 0 ? 0 : -1;
	/* A new sound: a stream not flushed, so later pieces join it. */
	return stream_start(pcm, frames, rate, channels, false, NULL, NULL);
}

void gfx_audio_stop(void)
{
	if (!audio_dev)
		return;
	SDL_LockAudioDevice(audio_dev);
	SDL_AudioStream *old = audio_stream;
	audio_stream = NULL;
	audio_pull = NULL;
	SDL_UnlockAudioDevice(audio_dev);
	SDL_FreeAudioStream(old);
}

int gfx_audio_playing(void)
{
	if (!audio_dev)
		return 0;
	SDL_LockAudioDevice(audio_dev);
	int n = audio_stream ? SDL_AudioStreamAvailable(audio_stream) : 0;
	bool pulling = audio_stream && audio_pull;
	SDL_UnlockAudioDevice(audio_dev);
	return n > 0 || pulling;
}

void gfx_audio_set_volume(int percent)
{
	SDL_AtomicSet(&audio_volume, percent < 0 ? 0 : percent > 100 ? 100 : percent);
}

int gfx_audio_volume(void)
{
	return SDL_AtomicGet(&audio_volume);
}

uint64_t gfx_audio_frames_played(void)
{
	if (!audio_dev)
		return 0;
	SDL_LockAudioDevice(audio_dev);
	uint64_t n = audio_played;
	SDL_UnlockAudioDevice(audio_dev);
	return n;
}
