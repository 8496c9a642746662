/* utf8.h — strict UTF-8 checks for everything that comes in from the network. */
#ifndef PORTAL_UTF8_H
#define PORTAL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence. Embedded NULs are well-formed (callers reject them). */
bool utf8_valid(const char *s, size_t len);

/* Number of code points in well-formed UTF-8 (continuation bytes are not counted). */
size_t utf8_length(const char *s, size_t len);

/* True when the text holds a C0 control other than tab, CR and LF, DEL, or a C1 control:
 * such characters have no business in a form field. */
bool utf8_has_controls(const char *s, size_t len, bool allow_newlines);

#endif
