/* diag — the list of problems found in input, printed as FILE:LINE: error: message.
 *
 * Every problem is kept, not only the first, so staff can fix a bundle in one
 * pass. Messages are already translated (callers pass _("...") format strings).
 *
 * Every entry is safe to print: diag_add escapes the file name and the
 * formatted message with text_escape, so text from a stick (a file name with
 * a line break, a cell with ESC or BEL, a signer's comment) shows as visible
 * "\n" or "\x1b" and can neither drive the terminal nor forge a line. */
#ifndef MOTCUA_DIAG_H
#define MOTCUA_DIAG_H

#include <stdio.h>
#include <stddef.h>

typedef enum diag_level { DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag_entry {
	diag_level level;
	char *file;    /* as shown to staff: "procedures.csv"; may be ""; escaped */
	int line;      /* 0 = the whole file */
	int row;       /* the spreadsheet row (header = 1) when it is not line; else 0 */
	char *code;    /* the procedure the record is about, escaped; NULL: none */
	char *message; /* escaped: no control characters, valid UTF-8 */
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

/* Names the record that entries v[from..n) at line are about: the row a
 * spreadsheet shows it on (kept when it differs from line; a cell holding
 * line breaks makes the file's lines run ahead of the rows), and the
 * procedure code (kept unless the message names it already). code may be
 * NULL. */
void diag_locate(diag_list *d, size_t from, int line, int row, const char *code);

/* Prints one problem at once, as diag_print would (escaped the same way):
 * for the commands' own one-off messages that name outside text. */
void diag_report(FILE *out, diag_level level, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* One entry as "FILE:LINE: error: message" (translated level word); caller
 * frees. The row and the code come after the level, so the line still
 * starts with FILE:LINE: for editors and scripts:
 *   procedures.csv:124: error: row 4 in Excel, line 124 of the file,
 *   procedure 1.001193: message */
char *diag_format(const diag_entry *e);

/* Prints every entry, one line each, in the order added. */
void diag_print(const diag_list *d, FILE *out);

/* diag_clear on a zeroed list is a no-op. */
void diag_clear(diag_list *d);

#endif
