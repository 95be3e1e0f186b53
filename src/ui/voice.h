/* voice — the kiosk's voice: speech synthesis (platform/speech.h, in its
 * worker thread) played through the sound card (gfx/gfx_audio.h), behind
 * the app's app_voice seam. */
#ifndef MOTCUA_UI_VOICE_H
#define MOTCUA_UI_VOICE_H

#include "app.h"

typedef struct voice voice;

/* Opens the sound card. NULL when there is none (said on stderr once): the
 * kiosk then offers no read-aloud. The voice data is loaded on first use. */
voice *voice_open(void);
/* Silences and closes; voice_close(NULL) is a no-op. */
void voice_close(voice *v);
/* The seam for app_options.voice; valid while v is open. */
const app_voice *voice_app(voice *v);

#endif
