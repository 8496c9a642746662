/* unit.h — what every cmocka unit test includes: cmocka's prerequisites in the order it wants
 * them, and a few helpers shared by the tests in this folder. */
#ifndef PORTAL_TEST_UNIT_H
#define PORTAL_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of a string literal without its NUL, so literals with embedded NULs keep them. */
#define LIT_LEN(s) (sizeof(s) - 1)

/* Assert that len bytes at actual equal the literal expected, embedded NULs included. */
#define assert_bytes_equal(actual, actual_len, expected)                                           \
	do {                                                                                       \
		assert_int_equal((actual_len), LIT_LEN(expected));                                 \
		assert_memory_equal((actual), (expected), LIT_LEN(expected));                      \
	} while (0)

#endif
