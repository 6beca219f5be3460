/*
 * UTF-8 validation, shared by every module that escapes or quotes text
 * (JSON, YAML written by adopt, quoted matches in findings).
 */
#ifndef PM_UTF8_H
#define PM_UTF8_H

#include <stddef.h>

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes, n > 0), or
 * 0 if the bytes there are not valid UTF-8 (overlong forms, surrogates
 * and code points past U+10FFFF are invalid).
 */
size_t	 pm_utf8_len(const unsigned char *s, size_t n);

#endif /* PM_UTF8_H */
