/* fuzz_audio — a recording from a bundle's audio/ folder (audio_clip.c):
 * the check's whole decode and the kiosk's streaming reader on any bytes.
 * No crash, leak, UB or hang; a recording accepted is within the limits
 * (8–48 kHz, at most 10 minutes, at least one frame), and the kiosk's
 * reader (player.c) opens it and reads the same number of frames. */
#include <stdlib.h>
#include <string.h>

#include "core/audio_clip.h"
#include "fuzz_common.h"

int fuzz_audio_one(const uint8_t *data, size_t size)
{
	const char *why = NULL;
	audio_clip c;
	int rc = audio_clip_decode(data, size, &c, &why);
	if (rc < 0) {
		FUZZ_CHECK(why && *why);
		FUZZ_CHECK(!c.pcm && !c.frames);
		return 0;
	}
	FUZZ_CHECK(c.rate >= AUDIO_CLIP_MIN_RATE && c.rate <= AUDIO_CLIP_MAX_RATE);
	FUZZ_CHECK(c.frames >= 1 && c.frames <= (size_t)AUDIO_CLIP_MAX_SECONDS * (size_t)c.rate);
	audio_reader *r = audio_reader_open(data, size, &why);
	FUZZ_CHECK(r != NULL);
	FUZZ_CHECK(audio_reader_rate(r) == c.rate);
	int16_t pcm[1000];
	size_t frames = 0, got;
	while ((got = audio_reader_read(r, pcm, sizeof pcm / sizeof *pcm)) > 0)
		frames += got;
	FUZZ_CHECK(frames == c.frames);
	audio_reader_close(r);
	audio_clip_free(&c);
	return 0;
}
FUZZ_ENTRY(fuzz_audio_one)
