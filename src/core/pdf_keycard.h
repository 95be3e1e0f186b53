/* pdf_keycard — the keypad's key card (issue 12.2): one A4 page, in large
 * type, of what each key of the numeric keypad does, for the desk to print
 * and put beside the kiosk (and for whoever helps a citizen who cannot see
 * the screen). The words are fixed Vietnamese, like the sheet's headings. */
#ifndef MOTCUA_PDF_KEYCARD_H
#define MOTCUA_PDF_KEYCARD_H

/* Writes the card to path with the fonts of font_dir (NULL: the sheet's,
 * pdf_sheet_font_dir). Returns 0, or a negative errno with *err set to a
 * malloc'd message in plain words. */
int pdf_keycard_write(const char *path, const char *font_dir, char **err);

#endif
