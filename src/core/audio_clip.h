/* audio_clip — a recorded voice carried by the bundle (audio/FILE), as bytes
 * and as samples.
 *
 * A recording is made by a trusted person of the commune (in Thái, H'Mông or
 * Vietnamese) and played from a clearly marked button. Before any decoder
 * sees the bytes, audio_clip_sniff tells the kind by content (Ogg Vorbis, Ogg
 * Opus, WAV); audio_clip_decode then decodes the whole file with libsndfile
 * (a maintained decoder), refusing what is damaged, too long or of a shape
 * the kiosk does not play. No SDL. */
#ifndef MOTCUA_AUDIO_CLIP_H
#define MOTCUA_AUDIO_CLIP_H

#include <stddef.h>
#include <stdint.h>

/* Limits on one recording: 16 MiB of file, 10 minutes, 8..48 kHz, mono or
 * stereo. Ten minutes of speech is a whole procedure read slowly; the
 * decoded samples of the longest allowed (48 kHz stereo) take 110 MiB, so
 * the kiosk decodes to mono at most 48 kHz (55 MiB at worst). */
#define AUDIO_CLIP_MAX_BYTES (16u << 20)
#define AUDIO_CLIP_MAX_SECONDS 600
#define AUDIO_CLIP_MIN_RATE 8000
#define AUDIO_CLIP_MAX_RATE 48000

typedef enum audio_clip_format {
	AUDIO_CLIP_UNKNOWN,
	AUDIO_CLIP_VORBIS, /* Ogg Vorbis */
	AUDIO_CLIP_OPUS,   /* Ogg Opus */
	AUDIO_CLIP_WAV,    /* RIFF WAVE */
} audio_clip_format;

/* The kind of the n bytes at p, by their first bytes alone. */
audio_clip_format audio_clip_sniff(const unsigned char *p, size_t n);

/* A decoded recording: mono signed 16-bit samples. */
typedef struct audio_clip {
	int16_t *pcm;
	size_t frames;
	int rate;
} audio_clip;

/* Decodes the n bytes at p (a file of a kind audio_clip_sniff knows) into
 * *out, mixing stereo down to mono. With out NULL it only checks that the
 * whole file decodes within the limits (what `check` does). Returns 0, or
 * -1 with *why set to a static English msgid (translate it with _()) that
 * says what is wrong in plain words. */
int audio_clip_decode(const unsigned char *p, size_t n, audio_clip *out, const char **why);

/* The same file read piece by piece, for playing while decoding: the kiosk
 * never holds a whole decoded recording. p must outlive the reader. NULL
 * with *why set as above when the file cannot be opened. */
typedef struct audio_reader audio_reader;
audio_reader *audio_reader_open(const unsigned char *p, size_t n, const char **why);
/* Samples a second. */
int audio_reader_rate(const audio_reader *r);
/* Up to max frames of mono samples into pcm; 0 at the end (or on damage). */
size_t audio_reader_read(audio_reader *r, int16_t *pcm, size_t max);
/* audio_reader_close(NULL) is a no-op. */
void audio_reader_close(audio_reader *r);

/* The length in seconds of a decoded clip. */
double audio_clip_seconds(const audio_clip *c);

void audio_clip_free(audio_clip *c);

/* The language of a recording, as a bundle writes it ("H'Mông", "Thái",
 * "Tiếng Việt", in any case, with or without diacritics, or the code
 * "hmn", "tai", "vi"), to its code; NULL when it is none of these. */
const char *audio_lang_code(const char *written);

/* What the play button says for a code: an English msgid to translate with
 * _() ("Listen in H'Mông"), and the language's own name in Latin letters
 * when a speaker of it would look for that ("Hmoob"), else NULL. */
const char *audio_lang_button(const char *code);
const char *audio_lang_autonym(const char *code);
/* Both, as the button and `motcua show` write them: "Listen in H'Mông
 * (Hmoob)", translated. Malloc'd. */
char *audio_lang_label(const char *code);

#endif
