/* speech — text to speech, offline, with libespeak-ng (the only file that
 * speaks to it). Two uses: the whole sound of a text at once (`motcua
 * speak`), and a worker thread that synthesizes what the kiosk reads aloud
 * piece by piece and hands each piece to a sink as soon as it exists, so
 * the first words are heard while the rest is still being made and the UI
 * thread never waits for the synthesizer.
 *
 * Voices are espeak-ng's by name: "vi" (Vietnamese), "en". Sound is mono
 * signed 16-bit at the voice's rate (22050 Hz for espeak-ng's voices). */
#ifndef MOTCUA_PLATFORM_SPEECH_H
#define MOTCUA_PLATFORM_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Speaking rate, words a minute (espeak-ng's default is 175; slower is
 * easier for people who rarely hear synthetic speech). */
#define SPEECH_RATE 150

/* Synthesizes all of text (UTF-8) with voice into *pcm (malloc'd, mono
 * 16-bit), *frames samples at *rate Hz. Returns 0, or -1 after printing why
 * on stderr (no espeak-ng data, no such voice). */
int speech_synth(const char *voice, const char *text, int16_t **pcm, size_t *frames, int *rate);

/* Receives synthesized sound from the worker thread: frames samples of mono
 * PCM at rate; last is true once at the end of a text (pcm NULL, frames 0).
 * Borrowed pcm, valid during the call. Never called for a text after
 * speech_stop (or the next speech_say) has returned. */
typedef void speech_sink_fn(void *ctx, const int16_t *pcm, size_t frames, int rate, bool last);

typedef struct speech speech;

/* Starts the worker. The synthesizer is loaded in the worker on first use
 * (or at once, with the "vi" voice, when preload is true), so a kiosk that never speaks never
 * pays for the voice's memory. Never NULL. */
speech *speech_new(speech_sink_fn *sink, void *ctx, bool preload);
/* Stops the worker and frees everything; speech_free(NULL) is a no-op. */
void speech_free(speech *s);
/* Starts speaking text (copied) with voice, dropping whatever was being
 * spoken or waited to be. Returns at once. */
void speech_say(speech *s, const char *voice, const char *text);
/* Drops what is being spoken: after it returns the sink gets nothing more
 * of it. Returns at once (the synthesizer stops at its next piece). */
void speech_stop(speech *s);
/* True while a text is waiting or being synthesized. */
bool speech_busy(speech *s);
/* False when the synthesizer could not be loaded (reported once on stderr). */
bool speech_available(speech *s);

#endif
