/* fuzz_script — the kiosk's UI-script line parser (script_parse_line, which
 * needs no SDL), one call per line of the input. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "fuzz_common.h"
#include "ui/script.h"

static void check_line(const char *line)
{
	script_step s;
	char *err = NULL;
	bool ok = script_parse_line(line, &s, &err);
	if (!ok) {
		FUZZ_CHECK(err && *err);
		FUZZ_CHECK(s.text == NULL && s.text2 == NULL);
		free(err);
		return;
	}
	FUZZ_CHECK(err == NULL);
	FUZZ_CHECK(s.cmd >= SCRIPT_NONE && s.cmd <= SCRIPT_EXPECT_SPOKEN);
	/* every number a script can give is a time or a coordinate in range:
	 * the runner casts them to int64_t and float */
	for (int i = 0; i < 5; i++)
		FUZZ_CHECK(s.num[i] >= 0 && s.num[i] <= 1e7);
	bool takes_text = s.cmd == SCRIPT_TAP_TEXT || s.cmd == SCRIPT_TYPE ||
	                  s.cmd == SCRIPT_SHOT || s.cmd == SCRIPT_EXPECT_TEXT ||
	                  s.cmd == SCRIPT_EXPECT_NO_TEXT || s.cmd == SCRIPT_USB_INSERT ||
	                  s.cmd == SCRIPT_EXPECT_EXACT || s.cmd == SCRIPT_KEEP ||
	                  s.cmd == SCRIPT_EXPECT_RUN || s.cmd == SCRIPT_PRINT_RUN ||
	                  s.cmd == SCRIPT_CLOCK || s.cmd == SCRIPT_SCAN || s.cmd == SCRIPT_KEY ||
	                  s.cmd == SCRIPT_EXPECT_SPOKEN;
	/* usb-remove takes a stick's name or none (the one put in last) */
	if (s.cmd != SCRIPT_USB_REMOVE)
		FUZZ_CHECK(takes_text == (s.text != NULL));
	FUZZ_CHECK((s.cmd == SCRIPT_KEEP || s.cmd == SCRIPT_EXPECT_RUN) == (s.text2 != NULL));
	if (s.text) {
		size_t n = strlen(s.text);
		FUZZ_CHECK(text_utf8_valid(s.text, n, NULL));
		char *nfc = text_nfc(s.text);
		FUZZ_CHECK(nfc && !strcmp(nfc, s.text));
		free(nfc);
	}
	if (s.cmd == SCRIPT_SHOT) {
		/* a screenshot name stays inside the shots folder */
		FUZZ_CHECK(*s.text && s.text[0] != '.' && !strchr(s.text, '/'));
		for (const char *c = s.text; *c; c++)
			FUZZ_CHECK(isalnum((unsigned char)*c) || strchr("-_.", *c));
	}
	script_step_clear(&s);
	FUZZ_CHECK(s.text == NULL && s.text2 == NULL && s.cmd == SCRIPT_NONE);
}

int fuzz_script_one(const uint8_t *data, size_t size)
{
	char *buf = xstrndup((const char *)data, size);
	/* as script_run reads it: getline, then cut at the '\n' */
	for (char *line = buf, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		check_line(line);
	}
	free(buf);
	return 0;
}

FUZZ_ENTRY(fuzz_script_one)
