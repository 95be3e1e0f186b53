/* diag — the list of problems found in input, printed as FILE:LINE: error: message.
 *
 * Every problem is kept, not only the first, so staff can fix a bundle in one
 * pass. Messages are already translated (callers pass _("...") format strings). */
#ifndef MOTCUA_DIAG_H
#define MOTCUA_DIAG_H

#include <stdio.h>
#include <stddef.h>

typedef enum diag_level { DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag_entry {
	diag_level level;
	char *file; /* as shown to staff: "procedures.csv"; may be "" */
	int line;   /* 0 = the whole file */
	char *message;
} diag_entry;

typedef struct diag_list {
	diag_entry *v;
	size_t n, cap;
	size_t errors, warnings;
} diag_list;

void diag_add(diag_list *d, diag_level level, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
#define diag_error(d, file, line, ...) diag_add((d), DIAG_ERROR, (file), (line), __VA_ARGS__)
#define diag_warning(d, file, line, ...) diag_add((d), DIAG_WARNING, (file), (line), __VA_ARGS__)

/* One entry as "FILE:LINE: error: message" (translated level word); caller frees. */
char *diag_format(const diag_entry *e);

/* Prints every entry, one line each, in the order added. */
void diag_print(const diag_list *d, FILE *out);

/* diag_clear on a zeroed list is a no-op. */
void diag_clear(diag_list *d);

#endif
