#include "scanner.h"

#include <string.h>

/* SDL keycodes (SDL_keycode.h) without SDL in src/ui: printable keys are
 * their ASCII character; keypad and modifier keys are scancode | 1 << 30. */
#define KEY_RETURN '\r'
#define KEY_KP_ENTER 0x40000058
#define KEY_KP_MINUS 0x40000056
#define KEY_KP_1 0x40000059 /* .. KP_9 0x40000061, KP_0 0x40000062 */
#define KEY_KP_0 0x40000062
#define KEY_KP_PERIOD 0x40000063
#define KEY_CAPSLOCK 0x40000039
#define KEY_MOD_FIRST 0x400000E0 /* left Ctrl .. right GUI */
#define KEY_MOD_LAST 0x400000E7

/* The character a code key types, or 0 when it types none of a code's. */
static char code_char(int key)
{
	if ((key >= '0' && key <= '9') || (key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z'))
		return (char)key;
	if (key == '.' || key == '-' || key == '/' || key == '_')
		return (char)key;
	if (key >= KEY_KP_1 && key < KEY_KP_0)
		return (char)('1' + key - KEY_KP_1);
	if (key == KEY_KP_0)
		return '0';
	if (key == KEY_KP_PERIOD)
		return '.';
	if (key == KEY_KP_MINUS)
		return '-';
	return 0;
}

bool scanner_key(scanner *s, int key, int64_t now, char *out)
{
	if ((key >= KEY_MOD_FIRST && key <= KEY_MOD_LAST) || key == KEY_CAPSLOCK)
		return false;
	bool fast = s->n > 0 && now - s->last <= SCANNER_GAP_MS;
	if (key == KEY_RETURN || key == KEY_KP_ENTER) {
		bool scan = fast && s->n >= SCANNER_MIN_CHARS && !s->overlong;
		if (scan) {
			memcpy(out, s->buf, (size_t)s->n);
			out[s->n] = 0;
		}
		s->n = 0;
		s->overlong = false;
		return scan;
	}
	char c = code_char(key);
	if (!c) {
		s->n = 0;
		s->overlong = false;
		return false;
	}
	if (!fast) {
		s->n = 0; /* a slow key may be the first of a scan */
		s->overlong = false;
	}
	if (s->n >= SCANNER_MAX_CHARS) {
		/* Longer than any receipt code: this run is no code, and its
		 * tail must not be taken for one. */
		s->overlong = true;
		s->last = now;
		return false;
	}
	s->buf[s->n++] = c;
	s->last = now;
	return false;
}
