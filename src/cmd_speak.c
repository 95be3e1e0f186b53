/* cmd_speak — `motcua speak CODE -o FILE.wav` and `motcua speak --news N -o
 * FILE.wav`: what the kiosk reads aloud for a procedure (or the Nth news
 * item, newest first, as listed on the kiosk), synthesized with the same
 * voice and words (core/speech_text.h, platform/speech.h) into a WAV file
 * (mono, 16-bit, at the voice's rate), for the commune's loudspeakers. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/i18n.h"
#include "core/speech_text.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "platform/speech.h"

static int speak_usage(void)
{
	fputs(_("usage: motcua speak CODE -o FILE.wav\n       motcua speak --news N -o FILE.wav\n"), stderr);
	return 2;
}

static void put_le(unsigned char *p, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* A canonical 44-byte header and the samples, little-endian. */
static int write_wav(const char *path, const int16_t *pcm, size_t frames, int rate)
{
	if (frames > (UINT32_MAX - 36) / 2)
		return -EFBIG;
	unsigned char h[44];
	uint32_t data = (uint32_t)(frames * 2);
	memcpy(h, "RIFF", 4);
	put_le(h + 4, 36 + data, 4);
	memcpy(h + 8, "WAVEfmt ", 8);
	put_le(h + 16, 16, 4);
	put_le(h + 20, 1, 2); /* PCM */
	put_le(h + 22, 1, 2); /* mono */
	put_le(h + 24, (uint32_t)rate, 4);
	put_le(h + 28, (uint32_t)rate * 2, 4);
	put_le(h + 32, 2, 2);
	put_le(h + 34, 16, 2);
	memcpy(h + 36, "data", 4);
	put_le(h + 40, data, 4);
	FILE *f = fopen(path, "wb");
	if (!f)
		return -errno;
	bool ok = fwrite(h, sizeof h, 1, f) == 1;
	unsigned char buf[4096];
	for (size_t i = 0; ok && i < frames;) {
		size_t k = 0;
		for (; k < sizeof buf / 2 && i < frames; k++, i++)
			put_le(buf + 2 * k, (uint16_t)pcm[i], 2);
		ok = fwrite(buf, 2, k, f) == k;
	}
	int err = ok ? 0 : errno ? -errno : -EIO;
	if (fclose(f) != 0 && !err)
		err = -errno;
	return err;
}

int cmd_speak(motcua_env *env, int argc, char **argv)
{
	const char *code = NULL, *out = NULL, *news_arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--news") && i + 1 < argc)
			news_arg = argv[++i];
		else if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] != '-' && !code)
			code = argv[i];
		else
			return speak_usage();
	}
	if (!out || !code == !news_arg)
		return speak_usage();
	char *end = NULL;
	long nth = news_arg ? strtol(news_arg, &end, 10) : 0;
	if (news_arg && (!*news_arg || *end || nth < 1))
		return speak_usage();
	int rc = motcua_env_open(env, true);
	if (rc)
		return rc;

	speech_text t = {0};
	if (code) {
		procedure *p = catalog_get(env->cat, code);
		if (!p) {
			char *shown = text_escape(code, false);
			fprintf(stderr, _("motcua: no procedure has the code %s\n"), shown);
			free(shown);
			return 1;
		}
		faq *faqs = NULL;
		size_t n = catalog_faqs(env->cat, p->code, &faqs);
		speech_text_procedure(&t, p, faqs, n);
		catalog_faqs_free(faqs, n);
		procedure_free(p);
	} else {
		catalog_data d = {0};
		catalog_load_extras(env->cat, &d);
		if ((size_t)nth > d.n_news) {
			fprintf(stderr, _("motcua: there is no news item %ld (the catalogue has %zu)\n"), nth, d.n_news);
			catalog_data_clear(&d);
			return 1;
		}
		speech_text_news(&t, &d.news[nth - 1]);
		catalog_data_clear(&d);
	}
	char *text = speech_text_join(&t);
	speech_text_clear(&t);
	int16_t *pcm = NULL;
	size_t frames = 0;
	int rate = 0;
	rc = speech_synth("vi", text, &pcm, &frames, &rate);
	free(text);
	if (rc < 0)
		return 3;
	int err = write_wav(out, pcm, frames, rate);
	free(pcm);
	if (err) {
		char *shown = text_escape(out, false);
		fprintf(stderr, _("motcua: cannot write %s: %s\n"), shown, strerror(-err));
		free(shown);
		return 3;
	}
	return 0;
}
