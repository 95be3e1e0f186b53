/* make_recording OUT FORMAT SECONDS [RATE [CHANNELS]] — writes a test
 * recording with libsndfile: FORMAT is vorbis, opus or wav. The sound is a
 * 220 Hz tone switched on and off four times a second, like syllables, so
 * tests can tell sound from silence. Test data made here, not a voice. */
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: make_recording OUT vorbis|opus|wav SECONDS [RATE [CHANNELS]]\n");
		return 2;
	}
	int rate = argc > 4 ? atoi(argv[4]) : 48000;
	int channels = argc > 5 ? atoi(argv[5]) : 1;
	double seconds = atof(argv[3]);
	SF_INFO info = {.samplerate = rate, .channels = channels};
	if (!strcmp(argv[2], "vorbis"))
		info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
	else if (!strcmp(argv[2], "opus"))
		info.format = SF_FORMAT_OGG | SF_FORMAT_OPUS;
	else if (!strcmp(argv[2], "wav"))
		info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	else {
		fprintf(stderr, "make_recording: unknown format %s\n", argv[2]);
		return 2;
	}
	SNDFILE *sf = sf_open(argv[1], SFM_WRITE, &info);
	if (!sf) {
		fprintf(stderr, "make_recording: %s: %s\n", argv[1], sf_strerror(NULL));
		return 1;
	}
	sf_count_t frames = (sf_count_t)(seconds * rate);
	float buf[2 * 1024];
	for (sf_count_t done = 0; done < frames;) {
		sf_count_t n = frames - done < 1024 ? frames - done : 1024;
		for (sf_count_t i = 0; i < n; i++) {
			double t = (double)(done + i) / rate;
			double on = fmod(t * 4.0, 1.0) < 0.6 ? 0.5 : 0.0;
			for (int c = 0; c < channels; c++)
				buf[i * channels + c] = (float)(on * sin(2 * M_PI * 220.0 * t));
		}
		sf_writef_float(sf, buf, n);
		done += n;
	}
	if (sf_close(sf)) {
		fprintf(stderr, "make_recording: %s: cannot finish the file\n", argv[1]);
		return 1;
	}
	return 0;
}
