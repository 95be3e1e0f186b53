/* gfx_audio — the kiosk's one sound output: SDL's audio device (ALSA,
 * PipeWire or PulseAudio; the "disk" driver in tests), one sound at a time.
 *
 * Callers hand over interleaved signed 16-bit PCM at any rate and 1 or 2
 * channels; it is copied, converted to the device's format (SDL_AudioStream)
 * and played from SDL's audio thread, so no call here ever waits for the
 * sound. The volume is applied while mixing, so a change is heard at once,
 * also in what is already queued. Every function is safe to call when the
 * device is not open (it does nothing and play returns -1): a kiosk without
 * sound stays silent and keeps working. Call from one thread (the UI's, or
 * a worker that owns the playback, e.g. speech synthesis). */
#ifndef MOTCUA_GFX_AUDIO_H
#define MOTCUA_GFX_AUDIO_H

#include <stddef.h>
#include <stdint.h>

/* Opens SDL's audio device (any driver SDL finds; $SDL_AUDIODRIVER chooses
 * one). Returns 0, or -1 after printing why on stderr; then the kiosk stays
 * silent. Opening twice is a no-op returning 0. */
int gfx_audio_open(void);
/* Closes the device until the next sound (the end of a citizen's session):
 * an idle kiosk keeps no audio thread awake. */
void gfx_audio_suspend(void);
/* Stops the sound and closes the device; a no-op when not open. */
void gfx_audio_close(void);
/* Plays interleaved signed 16-bit PCM at `rate` Hz with `channels` (1 or
 * 2): copies it, replaces whatever was playing, returns at once (never
 * blocks the UI thread). Returns 0, or -1 (device not open, bad format). */
int gfx_audio_play(const int16_t *pcm, size_t frames, int rate, int channels);
/* Asked from SDL's audio thread for up to max frames of the sound; returns
 * how many it wrote (0: the end). */
typedef size_t (*gfx_audio_pull)(void *ctx, int16_t *pcm, size_t max);
/* Plays a sound decoded as it plays: pull is called from the audio thread
 * (with the device lock held) whenever less than two device buffers are
 * queued, until it returns 0, gfx_audio_stop is called or another sound
 * starts. Only then may the caller touch ctx again: once one of those has
 * returned, pull is never called again. 0 or -1 (as gfx_audio_play). */
int gfx_audio_play_pull(gfx_audio_pull pull, void *ctx, int rate, int channels);
/* Appends PCM to what is playing when it has the same rate and channels
 * (else starts it anew like gfx_audio_play), so a sound produced piece by
 * piece (speech) plays without gaps as the pieces arrive. pcm == NULL
 * (frames 0) marks the end: the converter's tail is let out. 0 or -1. */
int gfx_audio_append(const int16_t *pcm, size_t frames, int rate, int channels);
/* Silences at once and drops whatever was queued. */
void gfx_audio_stop(void);
/* 1 while something is still audible (queued and not yet played, or still
 * to be pulled), else 0. */
int gfx_audio_playing(void);
/* Volume 0..100 (clamped), applied to what plays from now on, queued
 * sound included. The default is 100. */
void gfx_audio_set_volume(int percent);
/* The volume last set, 0..100. */
int gfx_audio_volume(void);
/* Samples (frames) the device has played from the current sound since it
 * was started: what tests and the latency measure look at. */
uint64_t gfx_audio_frames_played(void);

#endif
