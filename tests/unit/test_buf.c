/* test_buf.c — unit tests for src/base/buf.c: the growable page buffer in an arena. */
#include "unit.h"

#include "arena.h"
#include "buf.h"

static int setup_arena(void **state)
{
	static struct arena arena;
	arena_init(&arena, 1024);
	*state = &arena;
	return 0;
}

static int teardown_arena(void **state)
{
	arena_free(*state);
	return 0;
}

static void test_empty(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	assert_int_equal(b.len, 0);
	assert_ptr_equal(b.arena, *state);
	buf_clear(&b); /* clearing an empty buffer is harmless */
	assert_int_equal(b.len, 0);
	buf_append(&b, "", 0);
	assert_int_equal(b.len, 0);
}

static void test_append_and_puts(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	buf_append(&b, "abc", 3);
	buf_puts(&b, "Зеленоборск");
	buf_append(&b, "xyz", 1);
	assert_int_equal(b.len, 3 + LIT_LEN("Зеленоборск") + 1);
	assert_string_equal(b.data, "abcЗеленоборскx");
	assert_true(b.cap > b.len);
}

static void test_append_long_strings(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	char chunk[300];
	for (size_t i = 0; i < sizeof chunk; i++)
		chunk[i] = (char)('a' + i % 26);
	/* 300 bytes at a time, well past the first 256 and many arena blocks. */
	for (int i = 0; i < 100; i++)
		buf_append(&b, chunk, sizeof chunk);
	assert_int_equal(b.len, 30000);
	assert_int_equal(b.data[30000], '\0');
	for (int i = 0; i < 100; i++)
		assert_memory_equal(b.data + i * 300, chunk, 300);
	/* One append far bigger than the buffer so far. */
	static char huge[100000];
	memset(huge, 'Z', sizeof huge);
	buf_append(&b, huge, sizeof huge);
	assert_int_equal(b.len, 130000);
	assert_memory_equal(b.data, chunk, 300);
	assert_int_equal(b.data[129999], 'Z');
	assert_int_equal(b.data[130000], '\0');
	assert_true(b.cap >= 130001);
}

static void test_append_embedded_nul(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	buf_append(&b, "a\0b", 3);
	buf_append(&b, "\0", 1);
	buf_puts(&b, "c");
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.data, "a\0b\0c\0", 6);
	/* NULs across growth are kept too. */
	char zeros[600] = {0};
	zeros[599] = 'e';
	buf_append(&b, zeros, sizeof zeros);
	assert_int_equal(b.len, 605);
	assert_memory_equal(b.data, "a\0b\0c", 5);
	assert_int_equal(b.data[5], '\0');
	assert_int_equal(b.data[604], 'e');
}

static void test_printf_short_and_long(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	buf_printf(&b, "%d %s", 5, "встреч");
	assert_string_equal(b.data, "5 встреч");
	/* Longer than the 256-byte stack buffer buf_printf tries first. */
	buf_printf(&b, "|%400s|", "r");
	assert_int_equal(b.len, LIT_LEN("5 встреч") + 402);
	assert_int_equal(b.data[b.len - 1], '|');
	assert_int_equal(b.data[b.len - 2], 'r');
	assert_int_equal(b.data[b.len - 3], ' ');
	assert_int_equal(b.data[b.len], '\0');
	buf_printf(&b, "%s", "tail");
	assert_string_equal(b.data + b.len - 4, "tail");
	assert_int_equal(strlen(b.data), b.len);
}

static void test_printf_boundaries(void **state)
{
	/* 255 bytes fit the stack buffer with its NUL, 256 do not: both must come out whole. */
	for (size_t n = 250; n <= 260; n++) {
		struct buf b;
		buf_init(&b, *state);
		buf_puts(&b, "<");
		buf_printf(&b, "%*s", (int)n, "x");
		buf_puts(&b, ">");
		assert_int_equal(b.len, n + 2);
		assert_int_equal(b.data[0], '<');
		assert_int_equal(b.data[n], 'x');
		assert_int_equal(b.data[n + 1], '>');
		assert_int_equal(b.data[n + 2], '\0');
	}
	struct buf b;
	buf_init(&b, *state);
	buf_printf(&b, "%s", "");
	assert_int_equal(b.len, 0);
	/* A long printf into an empty buffer. */
	buf_printf(&b, "%1000d", 7);
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[999], '7');
	assert_int_equal(b.data[1000], '\0');
}

static void test_printf_many_times(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	for (int i = 0; i < 2000; i++)
		buf_printf(&b, "<li>%d</li>", i);
	assert_int_equal(strlen(b.data), b.len);
	assert_memory_equal(b.data, "<li>0</li><li>1</li>", 20);
	assert_string_equal(b.data + b.len - LIT_LEN("<li>1999</li>"), "<li>1999</li>");
	size_t expected = 0;
	for (int i = 0; i < 2000; i++)
		expected += 9 + (i < 10 ? 1 : i < 100 ? 2 : i < 1000 ? 3 : 4);
	assert_int_equal(b.len, expected);
}

static void test_clear_keeps_memory(void **state)
{
	struct buf b;
	buf_init(&b, *state);
	buf_printf(&b, "%500s", "x");
	char *data = b.data;
	size_t cap = b.cap;
	buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_puts(&b, "again");
	assert_ptr_equal(b.data, data);
	assert_int_equal(b.cap, cap);
	assert_string_equal(b.data, "again");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_append_and_puts),
		cmocka_unit_test(test_append_long_strings),
		cmocka_unit_test(test_append_embedded_nul),
		cmocka_unit_test(test_printf_short_and_long),
		cmocka_unit_test(test_printf_boundaries),
		cmocka_unit_test(test_printf_many_times),
		cmocka_unit_test(test_clear_keeps_memory),
	};
	return cmocka_run_group_tests(tests, setup_arena, teardown_arena);
}
