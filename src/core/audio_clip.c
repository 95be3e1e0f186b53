#include "audio_clip.h"

#include <limits.h>
#include <ogg/ogg.h>
#include <stdbool.h>
#include <sndfile.h>
#include <vorbis/codec.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* The languages of the commune's recordings (seed §2.3: Thái and H'Mông
 * families). "tai" is ISO 639-5 for the Tai languages: the Thái of Sơn La
 * is Tai Dam and Tai Dón, one recording serves both. */
static const struct audio_lang {
	const char *code;
	const char *button;  /* msgid */
	const char *autonym; /* NULL: the button says it already */
	const char *names;   /* folded spellings, '|'-separated */
} langs[] = {
    {"vi", N_("Listen in Vietnamese"), NULL, "vi|viet|tieng viet|viet nam"},
    {"tai", N_("Listen in Thái"), "Tai", "tai|thai|tieng thai|thai den|thai trang"},
    {"hmn", N_("Listen in H'Mông"), "Hmoob",
     "hmn|hmong|h mong|mong|tieng mong|tieng h mong|tieng hmong|hmoob"},
};

const char *audio_lang_code(const char *written)
{
	char *f = text_fold(written ? written : "");
	const char *code = NULL;
	for (size_t i = 0; f && i < sizeof langs / sizeof *langs && !code; i++) {
		const char *p = langs[i].names;
		size_t n = strlen(f);
		while (*p && !code) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			if (len == n && !memcmp(p, f, n))
				code = langs[i].code;
			p += len + (bar != NULL);
		}
	}
	free(f);
	return code;
}

const char *audio_lang_button(const char *code)
{
	for (size_t i = 0; code && i < sizeof langs / sizeof *langs; i++)
		if (!strcmp(langs[i].code, code))
			return langs[i].button;
	return N_("Listen to the recording");
}

char *audio_lang_label(const char *code)
{
	const char *own = audio_lang_autonym(code);
	return own ? xasprintf("%s (%s)", _(audio_lang_button(code)), own)
	           : xstrdup(_(audio_lang_button(code)));
}

const char *audio_lang_autonym(const char *code)
{
	for (size_t i = 0; code && i < sizeof langs / sizeof *langs; i++)
		if (!strcmp(langs[i].code, code))
			return langs[i].autonym;
	return NULL;
}

audio_clip_format audio_clip_sniff(const unsigned char *p, size_t n)
{
	if (n >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WAVE", 4))
		return AUDIO_CLIP_WAV;
	/* An Ogg file's first page (27-byte header + segment table) carries the
	 * stream's identification header: "\x01vorbis" or "OpusHead". */
	if (n < 28 || memcmp(p, "OggS", 4))
		return AUDIO_CLIP_UNKNOWN;
	size_t body = 27 + (size_t)p[26];
	if (n < body + 8)
		return AUDIO_CLIP_UNKNOWN;
	if (!memcmp(p + body, "\x01vorbis", 7))
		return AUDIO_CLIP_VORBIS;
	if (!memcmp(p + body, "OpusHead", 8))
		return AUDIO_CLIP_OPUS;
	return AUDIO_CLIP_UNKNOWN;
}

/* The CRC of Ogg pages: polynomial 0x04c11db7, not reflected, no final xor. */
static uint32_t ogg_crc(uint32_t crc, const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t r = i << 24;
			for (int k = 0; k < 8; k++)
				r = r & 0x80000000u ? (r << 1) ^ 0x04c11db7u : r << 1;
			table[i] = r;
		}
	for (size_t i = 0; i < n; i++)
		crc = (crc << 8) ^ table[((crc >> 24) ^ p[i]) & 0xff];
	return crc;
}

/* True when the n bytes at p are whole Ogg pages, end to end, each with its
 * checksum right: a file cut short or damaged anywhere is refused before a
 * decoder sees it (decoders skip a bad page and play on). */
static bool ogg_pages_whole(const unsigned char *p, size_t n)
{
	size_t at = 0;
	while (at < n) {
		if (n - at < 27 || memcmp(p + at, "OggS", 4) || p[at + 4] != 0)
			return false;
		size_t nseg = p[at + 26], len = 27 + nseg;
		if (n - at < len)
			return false;
		for (size_t i = 0; i < nseg; i++)
			len += p[at + 27 + i];
		if (n - at < len)
			return false;
		uint32_t want = (uint32_t)p[at + 22] | (uint32_t)p[at + 23] << 8 |
		                (uint32_t)p[at + 24] << 16 | (uint32_t)p[at + 25] << 24;
		unsigned char head[27];
		memcpy(head, p + at, 27);
		memset(head + 22, 0, 4);
		if (ogg_crc(ogg_crc(0, head, 27), p + at + 27, len - 27) != want)
			return false;
		at += len;
	}
	return true;
}

/* libsndfile 1.2.0 (Debian 12) loses the decoder's set-up (vorbis_info,
 * 5.7 KB) on every way it can refuse a Vorbis stream's three headers, and a
 * stick may carry any number of such files, checked again at each insertion.
 * So libvorbis reads the headers here first, the way libsndfile then does,
 * and frees what it made: libsndfile sees only a stream whose headers it
 * takes. Stricter than libsndfile on one point: a comment or set-up header
 * that libvorbis refuses is refused (libsndfile would decode on without
 * it). The n bytes at p are whole pages (ogg_pages_whole). */
static bool vorbis_headers_ok(const unsigned char *p, size_t n)
{
	ogg_stream_state os;
	vorbis_info vi;
	vorbis_comment vc;
	vorbis_info_init(&vi);
	vorbis_comment_init(&vc);
	bool ok = true, started = false;
	int headers = 0;
	for (size_t at = 0; ok && headers < 3;) {
		if (at >= n) {
			ok = false; /* the file ends before the third header */
			break;
		}
		size_t nseg = p[at + 26], body = 0;
		for (size_t i = 0; i < nseg; i++)
			body += p[at + 27 + i];
		ogg_page pg = {(unsigned char *)p + at, (long)(27 + nseg),
			       (unsigned char *)p + at + 27 + nseg, (long)body};
		at += 27 + nseg + body;
		if (!started) {
			if (!ogg_page_bos(&pg) || ogg_stream_init(&os, ogg_page_serialno(&pg))) {
				ok = false;
				break;
			}
			started = true;
		}
		if (ogg_stream_pagein(&os, &pg)) { /* another stream's page */
			ok = false;
			break;
		}
		ogg_packet pk;
		int r;
		while (ok && headers < 3 && (r = ogg_stream_packetout(&os, &pk))) {
			ok = r > 0 && vorbis_synthesis_headerin(&vi, &vc, &pk) == 0;
			/* The first page holds the identification header alone. */
			if (ok && ++headers == 1)
				ok = ogg_stream_packetpeek(&os, NULL) == 0;
		}
		if (headers == 0)
			ok = false;
	}
	if (started)
		ogg_stream_clear(&os);
	vorbis_comment_clear(&vc);
	vorbis_info_clear(&vi);
	return ok;
}

/* libsndfile reads from memory through these. */
typedef struct membuf {
	const unsigned char *p;
	sf_count_t n, pos;
} membuf;

static sf_count_t mem_len(void *u) { return ((membuf *)u)->n; }
static sf_count_t mem_tell(void *u) { return ((membuf *)u)->pos; }

static sf_count_t mem_seek(sf_count_t off, int whence, void *u)
{
	membuf *m = u;
	sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->n;
	sf_count_t to = base + off;
	if (to < 0 || to > m->n)
		return -1;
	m->pos = to;
	return to;
}

static sf_count_t mem_read(void *dst, sf_count_t count, void *u)
{
	membuf *m = u;
	if (count < 0)
		return 0;
	sf_count_t left = m->n - m->pos;
	if (count > left)
		count = left;
	memcpy(dst, m->p + m->pos, (size_t)count);
	m->pos += count;
	return count;
}

static sf_count_t mem_write(const void *src, sf_count_t count, void *u)
{
	(void)src, (void)count, (void)u;
	return 0;
}

struct audio_reader {
	membuf m;
	SNDFILE *sf;
	SF_INFO info;
	short buf[2 * 4096];
};

audio_reader *audio_reader_open(const unsigned char *p, size_t n, const char **why)
{
	if (n > AUDIO_CLIP_MAX_BYTES) {
		*why = N_("the recording is over 16 MiB; save it as Ogg (Vorbis or Opus) at a lower quality");
		return NULL;
	}
	audio_clip_format kind = audio_clip_sniff(p, n);
	if (kind == AUDIO_CLIP_UNKNOWN) {
		*why = N_("is not an Ogg Vorbis, Ogg Opus or WAV recording");
		return NULL;
	}
	if (kind != AUDIO_CLIP_WAV && !ogg_pages_whole(p, n)) {
		*why = N_("the recording is damaged or cut short: it cannot be played");
		return NULL;
	}
	if (kind == AUDIO_CLIP_VORBIS && !vorbis_headers_ok(p, n)) {
		*why = N_("the recording is damaged or cut short: it cannot be played");
		return NULL;
	}
	static SF_VIRTUAL_IO io = {mem_len, mem_seek, mem_read, mem_write, mem_tell};
	audio_reader *r = xcalloc(1, sizeof *r);
	r->m = (membuf){p, (sf_count_t)n, 0};
	r->sf = sf_open_virtual(&io, SFM_READ, &r->info, &r->m);
	if (!r->sf)
		*why = N_("the recording is damaged or cut short: it cannot be played");
	else if (r->info.channels < 1 || r->info.channels > 2)
		*why = N_("the recording must be mono or stereo");
	else if (r->info.samplerate < AUDIO_CLIP_MIN_RATE || r->info.samplerate > AUDIO_CLIP_MAX_RATE)
		*why = N_("the recording's sample rate must be between 8 and 48 kHz");
	else
		return r;
	audio_reader_close(r);
	return NULL;
}

int audio_reader_rate(const audio_reader *r)
{
	return r->info.samplerate;
}

size_t audio_reader_read(audio_reader *r, int16_t *pcm, size_t max)
{
	size_t done = 0;
	int ch = r->info.channels;
	while (done < max) {
		size_t want = max - done;
		if (want > 4096)
			want = 4096;
		sf_count_t got = sf_readf_short(r->sf, r->buf, (sf_count_t)want);
		if (got <= 0)
			break;
		for (sf_count_t i = 0; i < got; i++) {
			int s = r->buf[i * ch];
			if (ch == 2)
				s = (s + r->buf[i * 2 + 1]) / 2;
			pcm[done + (size_t)i] = (int16_t)s;
		}
		done += (size_t)got;
	}
	return done;
}

static bool audio_reader_failed(audio_reader *r)
{
	return sf_error(r->sf) != SF_ERR_NO_ERROR;
}

void audio_reader_close(audio_reader *r)
{
	if (!r)
		return;
	if (r->sf)
		sf_close(r->sf);
	free(r);
}

int audio_clip_decode(const unsigned char *p, size_t n, audio_clip *out, const char **why)
{
	if (out)
		memset(out, 0, sizeof *out);
	audio_reader *r = audio_reader_open(p, n, why);
	if (!r)
		return -1;
	int rc = -1;
	/* The header's frame count is not trusted: count while decoding, and
	 * stop at the limit. */
	size_t max_frames = (size_t)AUDIO_CLIP_MAX_SECONDS * (size_t)audio_reader_rate(r);
	size_t cap = 0, frames = 0;
	int16_t chunk[4096];
	for (;;) {
		size_t got = audio_reader_read(r, chunk, sizeof chunk / sizeof *chunk);
		if (!got)
			break;
		if (frames + got > max_frames) {
			*why = N_("the recording is longer than 10 minutes; split it or shorten it");
			goto end;
		}
		if (out) {
			out->pcm = xgrow(out->pcm, &cap, frames + got, sizeof *out->pcm);
			memcpy(out->pcm + frames, chunk, got * sizeof *chunk);
		}
		frames += got;
	}
	if (audio_reader_failed(r)) {
		*why = N_("the recording is damaged or cut short: it cannot be played");
		goto end;
	}
	if (frames == 0) {
		*why = N_("the recording holds no sound");
		goto end;
	}
	if (out) {
		out->frames = frames;
		out->rate = audio_reader_rate(r);
	}
	rc = 0;
end:
	audio_reader_close(r);
	if (rc && out)
		audio_clip_free(out);
	return rc;
}

double audio_clip_seconds(const audio_clip *c)
{
	return c->rate > 0 ? (double)c->frames / c->rate : 0;
}

void audio_clip_free(audio_clip *c)
{
	if (!c)
		return;
	free(c->pcm);
	memset(c, 0, sizeof *c);
}
