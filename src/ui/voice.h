/* voice — the kiosk's voice: speech synthesis (platform/speech.h, in its
 * worker thread) played through the sound card (gfx/gfx_audio.h), behind
 * the app's app_voice seam. */
#ifndef MOTCUA_UI_VOICE_H
#define MOTCUA_UI_VOICE_H

#include "app.h"

typedef struct voice voice;

/* Opens the sound card. NULL when there is none (said on stderr once): the
 * kiosk then offers no read-aloud. With preload the voice is loaded at once
 * in the background (the kiosk: the first "Nghe đọc" speaks without the
 * load's delay); else on first use (scripts, which mostly never speak). */
voice *voice_open(bool preload);
/* Silences and closes; voice_close(NULL) is a no-op. */
void voice_close(voice *v);
/* The seam for app_options.voice; valid while v is open. */
const app_voice *voice_app(voice *v);

#endif
