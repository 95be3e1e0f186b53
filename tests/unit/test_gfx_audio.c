/* src/gfx/gfx_audio.c through SDL's disk driver: what is played reaches the
 * device file (non-silent, about as long as given), a new sound replaces
 * the old one, stop silences at once, the volume scales the samples, a
 * sound pulled from the audio thread plays whole while the caller sleeps. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <SDL.h>

#include "gfx/gfx_audio.h"
#include "testlib.h"

/* Frames of the raw file (48 kHz stereo S16, as gfx_audio asks) whose
 * absolute sample value reaches min, and the loudest. */
static long loud_frames(const char *path, int min, int *peak)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	int16_t s[2];
	long n = 0;
	*peak = 0;
	while (fread(s, sizeof s, 1, f) == 1) {
		int a = abs(s[0]) > abs(s[1]) ? abs(s[0]) : abs(s[1]);
		if (a > *peak)
			*peak = a;
		if (a >= min)
			n++;
	}
	fclose(f);
	return n;
}

static int16_t *tone(int rate, double secs, size_t *frames)
{
	*frames = (size_t)(rate * secs);
	int16_t *p = malloc(*frames * sizeof *p);
	for (size_t i = 0; i < *frames; i++)
		p[i] = (int16_t)(16000 * sin(2 * M_PI * 440 * (double)i / rate));
	return p;
}

/* A 440 Hz tone pulled a piece at a time, as the player decodes a recording. */
typedef struct puller {
	size_t frames, at, pulls, pulls_at_stop;
} puller;

static size_t pull_tone(void *ctx, int16_t *pcm, size_t max)
{
	puller *p = ctx;
	size_t n = p->frames - p->at < max ? p->frames - p->at : max;
	for (size_t i = 0; i < n; i++, p->at++)
		pcm[i] = (int16_t)(16000 * sin(2 * M_PI * 440 * (double)p->at / 22050));
	p->pulls++;
	return n;
}

int main(void)
{
	char path[] = "/tmp/motcua-audio-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", path, 1);

	/* Nothing open: every call is harmless, play refuses. */
	size_t n;
	int16_t *t = tone(22050, 0.5, &n);
	CHECK(gfx_audio_play(t, n, 22050, 1) == -1);
	CHECK(gfx_audio_playing() == 0);

	CHECK(gfx_audio_open() == 0);
	CHECK(gfx_audio_play(t, n, 22050, 1) == 0);
	CHECK(gfx_audio_playing() == 1);
	SDL_Delay(800);
	CHECK(gfx_audio_playing() == 0);
	uint64_t played = gfx_audio_frames_played();
	CHECK(played > 21000 && played < 26000); /* 0.5 s at 48 kHz: ~24000 frames */
	gfx_audio_close();
	int peak;
	long loud = loud_frames(path, 2000, &peak);
	fprintf(stderr, "0.5 s tone: %ld loud frames, peak %d, %llu played\n", loud, peak,
		(unsigned long long)played);
	CHECK(loud > 20000 && loud < 26000);
	CHECK(peak > 14000 && peak < 17000);

	/* Half volume, then stop after 0.2 s of a 2 s sound: the rest is silence. */
	free(t);
	t = tone(22050, 2.0, &n);
	CHECK(truncate(path, 0) == 0);
	CHECK(gfx_audio_open() == 0);
	gfx_audio_set_volume(50);
	CHECK(gfx_audio_volume() == 50);
	CHECK(gfx_audio_play(t, n, 22050, 1) == 0);
	SDL_Delay(200);
	gfx_audio_stop();
	CHECK(gfx_audio_playing() == 0);
	SDL_Delay(300);
	gfx_audio_close();
	loud = loud_frames(path, 2000, &peak);
	fprintf(stderr, "2 s tone stopped after 0.2 s: %ld loud frames, peak %d\n", loud, peak);
	CHECK(loud > 4800 && loud < 24000); /* 0.1..0.5 s, never the 2 s */
	CHECK(peak > 7000 && peak < 8500);

	/* Pieces appended play one after the other, without gaps. */
	CHECK(truncate(path, 0) == 0);
	CHECK(gfx_audio_open() == 0);
	gfx_audio_set_volume(100);
	free(t);
	t = tone(22050, 0.25, &n);
	for (int i = 0; i < 4; i++)
		CHECK(gfx_audio_append(t, n, 22050, 1) == 0);
	CHECK(gfx_audio_append(NULL, 0, 22050, 1) == 0);
	SDL_Delay(1400);
	gfx_audio_close();
	loud = loud_frames(path, 2000, &peak);
	fprintf(stderr, "4 x 0.25 s appended: %ld loud frames\n", loud);
	CHECK(loud > 40000 && loud < 50000); /* 1 s, less the quiet part of each wave */
	free(t);

	/* Pulled from the audio thread: 3 s play whole, with no gap, while this
	 * thread only sleeps (the UI thread busy with a long page). */
	CHECK(truncate(path, 0) == 0);
	CHECK(gfx_audio_open() == 0);
	puller pu = {.frames = 3 * 22050};
	CHECK(gfx_audio_play_pull(pull_tone, &pu, 22050, 1) == 0);
	CHECK(gfx_audio_playing() == 1);
	SDL_Delay(3600);
	CHECK(gfx_audio_playing() == 0); /* the end was pulled and heard */
	played = gfx_audio_frames_played();
	gfx_audio_close();
	loud = loud_frames(path, 2000, &peak);
	fprintf(stderr, "3 s pulled: %ld loud frames, %zu pulls, %llu played\n", loud, pu.pulls,
		(unsigned long long)played);
	CHECK(pu.at == pu.frames);
	CHECK(played > 140000 && played < 148000); /* 3 s at 48 kHz: 144000 */
	CHECK(loud > 120000 && loud < 148000);

	/* Stopped: never pulled again, so the caller may free what it reads. */
	CHECK(gfx_audio_open() == 0);
	pu = (puller){.frames = 10 * 22050};
	CHECK(gfx_audio_play_pull(pull_tone, &pu, 22050, 1) == 0);
	SDL_Delay(300);
	gfx_audio_stop();
	pu.pulls_at_stop = pu.pulls;
	SDL_Delay(300);
	CHECK(pu.pulls == pu.pulls_at_stop && pu.pulls > 0);
	CHECK(gfx_audio_playing() == 0);
	gfx_audio_close();
	unlink(path);
	return TEST_DONE();
}
