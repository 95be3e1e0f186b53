#include "pin.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <sodium.h>
#include <string.h>

#include "xalloc.h"

bool pin_is_well_formed(const char *pin)
{
	if (!pin)
		return false;
	for (int i = 0; i < PIN_LENGTH; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return pin[PIN_LENGTH] == '\0';
}

bool pin_is_default(const char *hash)
{
	return !hash || !*hash;
}

bool pin_hash_is_valid(const char *hash)
{
	if (pin_is_default(hash))
		return false;
	size_t n = strlen(hash);
	if (n >= crypto_pwhash_STRBYTES)
		return false;
	if (strncmp(hash, crypto_pwhash_argon2id_STRPREFIX,
	            strlen(crypto_pwhash_argon2id_STRPREFIX)) != 0 &&
	    strncmp(hash, crypto_pwhash_argon2i_STRPREFIX,
	            strlen(crypto_pwhash_argon2i_STRPREFIX)) != 0)
		return false;
	/* $argon2id$v=19$m=65536,t=2,p=1$SALT$HASH */
	unsigned v, m, t, p;
	int used = 0;
	const char *params = strchr(hash + 1, '$');
	if (sscanf(params, "$v=%u$m=%u,t=%u,p=%u$%n", &v, &m, &t, &p, &used) != 4 || !used)
		return false;
	const char *salt = params + used, *sep = strchr(salt, '$');
	if (!sep || sep == salt || !sep[1])
		return false;
	for (const char *c = salt; *c; c++)
		if (c != sep && !(isalnum((unsigned char)*c) || *c == '+' || *c == '/'))
			return false;
	return true;
}

bool pin_verify(const char *hash, const char *pin)
{
	if (!pin_is_well_formed(pin))
		return false;
	if (sodium_init() < 0)
		return false;
	if (pin_is_default(hash))
		return sodium_memcmp(pin, PIN_DEFAULT, PIN_LENGTH) == 0;
	if (!pin_hash_is_valid(hash))
		return false;
	return crypto_pwhash_str_verify(hash, pin, PIN_LENGTH) == 0;
}

char *pin_hash_new(const char *pin)
{
	if (!pin_is_well_formed(pin) || sodium_init() < 0)
		return NULL;
	char out[crypto_pwhash_STRBYTES];
	if (crypto_pwhash_str(out, pin, PIN_LENGTH, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return NULL;
	return xstrdup(out);
}

void pin_guard_init(pin_guard *g)
{
	memset(g, 0, sizeof *g);
}

uint64_t pin_guard_remaining_ms(pin_guard *g, uint64_t now_ms)
{
	if (!g->locked)
		return 0;
	if (now_ms >= g->locked_until_ms) {
		pin_guard_init(g);
		return 0;
	}
	/* A clock that seems to run backwards keeps the whole lock rather than
	 * lifting it early, but never more. */
	uint64_t left = g->locked_until_ms - now_ms;
	return left > PIN_LOCK_MS ? PIN_LOCK_MS : left;
}

int pin_guard_tries_left(pin_guard *g, uint64_t now_ms)
{
	if (pin_guard_remaining_ms(g, now_ms))
		return 0;
	return PIN_MAX_TRIES - g->failures;
}

pin_result pin_guard_record(pin_guard *g, bool right, uint64_t now_ms)
{
	if (pin_guard_remaining_ms(g, now_ms))
		return PIN_LOCKED;
	if (right) {
		g->failures = 0;
		return PIN_OK;
	}
	assert(g->failures < PIN_MAX_TRIES);
	if (++g->failures >= PIN_MAX_TRIES) {
		g->failures = 0;
		g->locked = true;
		g->locked_until_ms = now_ms + PIN_LOCK_MS;
	}
	return PIN_WRONG;
}

void pin_guard_restore(pin_guard *g, int failures, uint64_t remaining_ms, uint64_t now_ms)
{
	pin_guard_init(g);
	if (remaining_ms > 0) {
		g->locked = true;
		g->locked_until_ms =
		    now_ms + (remaining_ms > PIN_LOCK_MS ? PIN_LOCK_MS : remaining_ms);
		return;
	}
	g->failures = failures < 0 ? 0 : failures >= PIN_MAX_TRIES ? PIN_MAX_TRIES - 1 : failures;
}

pin_result pin_guard_try(pin_guard *g, const char *hash, const char *pin, uint64_t now_ms)
{
	if (pin_guard_remaining_ms(g, now_ms))
		return PIN_LOCKED;
	return pin_guard_record(g, pin_verify(hash, pin), now_ms);
}
