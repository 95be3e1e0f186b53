/* speech — see speech.h. espeak-ng keeps global state and is not thread
 * safe: after speech_new, only the worker calls it (speech_synth is for a
 * process without a worker, the command line). */
#include "speech.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <espeak-ng/speak_lib.h>

#include "core/xalloc.h"

/* espeak-ng hands over sound in pieces of this many ms: small enough that
 * the first piece comes quickly, large enough to keep calls few. */
#define SPEECH_PIECE_MS 100

static int espeak_rate; /* 0: not loaded; -1: failed */

static int load(void)
{
	if (espeak_rate)
		return espeak_rate;
	int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, SPEECH_PIECE_MS, NULL, espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0) {
		fprintf(stderr, "motcua: %s\n", "speech: cannot load espeak-ng (is espeak-ng-data installed?)");
		return espeak_rate = -1;
	}
	espeak_SetParameter(espeakRATE, SPEECH_RATE, 0);
	return espeak_rate = rate;
}

static char current_voice[16];

static int set_voice(const char *voice)
{
	if (!strcmp(current_voice, voice))
		return 0;
	if (espeak_SetVoiceByName(voice) != EE_OK) {
		fprintf(stderr, "motcua: speech: no espeak-ng voice \"%s\"\n", voice);
		return -1;
	}
	snprintf(current_voice, sizeof current_voice, "%s", voice);
	espeak_SetParameter(espeakRATE, SPEECH_RATE, 0);
	return 0;
}

/* --- the whole text at once --- */

typedef struct collect {
	int16_t *pcm;
	size_t n, cap;
} collect;

static int handle_collect(short *wav, int n, espeak_EVENT *ev)
{
	collect *c = ev ? ev->user_data : NULL;
	if (!c || !wav || n <= 0)
		return 0;
	if (c->n + (size_t)n > c->cap) {
		c->cap = (c->n + (size_t)n) * 2;
		c->pcm = xrealloc(c->pcm, c->cap * sizeof *c->pcm);
	}
	memcpy(c->pcm + c->n, wav, (size_t)n * sizeof *wav);
	c->n += (size_t)n;
	return 0;
}

int speech_synth(const char *voice, const char *text, int16_t **pcm, size_t *frames, int *rate)
{
	*pcm = NULL;
	*frames = 0;
	if (load() < 0 || set_voice(voice) < 0)
		return -1;
	collect c = {0};
	espeak_SetSynthCallback(handle_collect);
	if (espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &c) != EE_OK ||
	    espeak_Synchronize() != EE_OK) {
		fprintf(stderr, "motcua: %s\n", "speech: espeak-ng failed");
		free(c.pcm);
		return -1;
	}
	*pcm = c.pcm;
	*frames = c.n;
	*rate = espeak_rate;
	return 0;
}

/* --- the worker --- */

struct speech {
	speech_sink_fn *sink;
	void *ctx;
	pthread_t thread;
	pthread_mutex_t lock; /* held around every sink call, and to change what follows */
	pthread_cond_t wake;
	char *text, *voice;   /* the next text to speak; NULL: none */
	unsigned gen;         /* bumped by say and stop: pieces of an older one are dropped */
	bool busy, quit, failed, preload;
};

typedef struct job {
	speech *s;
	unsigned gen;
} job;

static int handle_piece(short *wav, int n, espeak_EVENT *ev)
{
	job *j = ev ? ev->user_data : NULL;
	if (!j)
		return 0;
	speech *s = j->s;
	pthread_mutex_lock(&s->lock);
	bool current = j->gen == s->gen && !s->quit;
	if (current && wav && n > 0)
		s->sink(s->ctx, wav, (size_t)n, espeak_rate, false);
	pthread_mutex_unlock(&s->lock);
	return current ? 0 : 1; /* 1: espeak-ng stops this text */
}

static void *run_worker(void *arg)
{
	speech *s = arg;
	pthread_mutex_lock(&s->lock);
	if (s->preload) /* the engine and the Vietnamese voice, before the first tap */
		s->failed = load() < 0 || set_voice("vi") < 0;
	for (;;) {
		while (!s->quit && !s->text)
			pthread_cond_wait(&s->wake, &s->lock);
		if (s->quit)
			break;
		char *text = s->text, *voice = s->voice;
		s->text = s->voice = NULL;
		job j = {s, s->gen};
		pthread_mutex_unlock(&s->lock);
		bool ok = load() > 0 && set_voice(voice) == 0;
		if (ok) {
			espeak_SetSynthCallback(handle_piece);
			espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &j);
		}
		free(text);
		free(voice);
		pthread_mutex_lock(&s->lock);
		s->failed = !ok;
		if (j.gen == s->gen && !s->quit)
			s->sink(s->ctx, NULL, 0, espeak_rate, true);
		if (!s->text)
			s->busy = false;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

speech *speech_new(speech_sink_fn *sink, void *ctx, bool preload)
{
	speech *s = xcalloc(1, sizeof *s);
	s->sink = sink;
	s->ctx = ctx;
	s->preload = preload;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->wake, NULL);
	if (pthread_create(&s->thread, NULL, run_worker, s) != 0) {
		fprintf(stderr, "motcua: %s\n", "speech: cannot start its thread");
		s->failed = true;
		s->quit = true;
	}
	return s;
}

void speech_free(speech *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	bool joinable = !s->quit;
	s->quit = true;
	s->gen++;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	if (joinable)
		pthread_join(s->thread, NULL);
	if (espeak_rate > 0)
		espeak_Terminate();
	espeak_rate = 0;
	current_voice[0] = 0;
	free(s->text);
	free(s->voice);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->wake);
	free(s);
}

void speech_say(speech *s, const char *voice, const char *text)
{
	pthread_mutex_lock(&s->lock);
	free(s->text);
	free(s->voice);
	s->text = xstrdup(text);
	s->voice = xstrdup(voice);
	s->gen++;
	s->busy = true;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
}

void speech_stop(speech *s)
{
	pthread_mutex_lock(&s->lock);
	free(s->text);
	free(s->voice);
	s->text = s->voice = NULL;
	s->gen++;
	pthread_mutex_unlock(&s->lock);
}

bool speech_busy(speech *s)
{
	pthread_mutex_lock(&s->lock);
	bool b = s->busy;
	pthread_mutex_unlock(&s->lock);
	return b;
}

bool speech_available(speech *s)
{
	pthread_mutex_lock(&s->lock);
	bool ok = !s->failed;
	pthread_mutex_unlock(&s->lock);
	return ok;
}
