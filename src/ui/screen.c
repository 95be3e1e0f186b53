#include "screen.h"

#include <stdlib.h>

#include "core/xalloc.h"

screen *screen_new(const screen_ops *ops, void *state)
{
	screen *s = xcalloc(1, sizeof *s);
	s->ops = ops;
	s->state = state;
	s->laid_gen = (unsigned)-1;
	return s;
}

void screen_free(screen *s)
{
	if (!s)
		return;
	if (s->ops->destroy)
		s->ops->destroy(s->state);
	flow_clear(&s->fixed);
	flow_clear(&s->content);
	free(s);
}

const char *screen_name(const screen *s) { return s->name_override ? s->name_override : s->ops->name; }
