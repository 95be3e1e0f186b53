/* placeholder until the text module lands */
#include "text.h"
#include <string.h>
void text_trim(char *s) { size_t n = strlen(s); while (n && (s[n-1]==32||s[n-1]==10||s[n-1]==13||s[n-1]==9)) s[--n]=0; size_t i=0; while (s[i]==32||s[i]==9) i++; memmove(s, s+i, n-i+1); }
