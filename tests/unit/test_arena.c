/* test_arena.c — unit tests for src/base/arena.c: the per-request bump allocator. */
#include "unit.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"

#define ALIGN _Alignof(max_align_t)

static void test_many_small_allocations_across_blocks(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	unsigned char *ptrs[2000];
	/* 2000 allocations of 1..37 bytes need many blocks; each keeps its own bytes. */
	for (size_t i = 0; i < 2000; i++) {
		size_t size = 1 + i % 37;
		ptrs[i] = arena_alloc(&a, size);
		assert_non_null(ptrs[i]);
		memset(ptrs[i], (int)(i & 0xff), size);
	}
	for (size_t i = 0; i < 2000; i++) {
		size_t size = 1 + i % 37;
		for (size_t k = 0; k < size; k++)
			assert_int_equal(ptrs[i][k], i & 0xff);
	}
	/* No two allocations overlap. */
	for (size_t i = 1; i < 2000; i++)
		assert_ptr_not_equal(ptrs[i], ptrs[i - 1]);
	assert_ptr_not_equal(a.head, a.first); /* it did take more than one block */
	arena_free(&a);
	assert_null(a.head);
	assert_null(a.first);
}

static void test_alignment(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	static const size_t sizes[] = {1, 3, 7, 8, 9, 15, 16, 17, 31, 100, 1000, 1023, 1024, 5000};
	for (int round = 0; round < 20; round++) {
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			void *p = arena_alloc(&a, sizes[i]);
			assert_int_equal((uintptr_t)p % ALIGN, 0);
			/* Aligned for what anyone may store there. */
			long double *ld = arena_alloc(&a, sizeof *ld);
			*ld = 1.5L;
			assert_int_equal((uintptr_t)ld % _Alignof(long double), 0);
		}
	}
	char *s = arena_strdup(&a, "x");
	assert_int_equal((uintptr_t)s % ALIGN, 0);
	arena_free(&a);
}

static void test_small_block_size_is_raised(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 10);
	assert_true(a.block_size >= 1024);
	char *p = arena_alloc(&a, 900); /* fits the first block whatever was asked */
	memset(p, 1, 900);
	assert_ptr_equal(a.head, a.first);
	arena_free(&a);
}

static void test_large_allocation(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	char *small = arena_alloc(&a, 10);
	strcpy(small, "before");
	size_t big = 1024 * 1024 + 3;
	unsigned char *p = arena_alloc(&a, big);
	memset(p, 0xab, big); /* every byte is ours: the sanitizer build would object otherwise */
	assert_int_equal(p[0], 0xab);
	assert_int_equal(p[big - 1], 0xab);
	assert_string_equal(small, "before");
	/* Allocation goes on normally after a big one. */
	char *after = arena_strdup(&a, "after");
	assert_string_equal(after, "after");
	assert_int_equal((uintptr_t)p % ALIGN, 0);
	arena_free(&a);
}

static void test_zero_size_and_calloc(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	void *z = arena_alloc(&a, 0);
	assert_non_null(z);
	/* Dirty a block, reset, then calloc must hand back zeros on the reused memory. */
	memset(arena_alloc(&a, 512), 0xff, 512);
	arena_reset(&a);
	unsigned char *c = arena_calloc(&a, 128, 4);
	for (size_t i = 0; i < 512; i++)
		assert_int_equal(c[i], 0);
	unsigned char *big = arena_calloc(&a, 3000, 3);
	for (size_t i = 0; i < 9000; i++)
		assert_int_equal(big[i], 0);
	assert_non_null(arena_calloc(&a, 0, 8));
	arena_free(&a);
}

static void test_strdup_and_strndup(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	const char *src = "Зеленоборск";
	char *copy = arena_strdup(&a, src);
	assert_string_equal(copy, src);
	assert_ptr_not_equal(copy, src);
	char *part = arena_strndup(&a, "abcdef", 3);
	assert_string_equal(part, "abc");
	char *with_nul = arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(with_nul, "a\0b\0", 4); /* copied through, then terminated */
	assert_string_equal(arena_strndup(&a, "xyz", 0), "");
	assert_string_equal(arena_strdup(&a, ""), "");
	arena_free(&a);
}

static void test_concat(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	assert_string_equal(arena_concat(&a, "\u00a0\u00a0", "Берёзовка"), "\u00a0\u00a0Берёзовка");
	assert_string_equal(arena_concat(&a, "", "b"), "b");
	assert_string_equal(arena_concat(&a, "a", ""), "a");
	assert_string_equal(arena_concat(&a, "", ""), "");
	/* Longer than a block, and the parts are copies. */
	char first[2000];
	memset(first, 'x', sizeof first - 1);
	first[sizeof first - 1] = '\0';
	char *joined = arena_concat(&a, first, "|end");
	first[0] = 'y';
	assert_int_equal(strlen(joined), 2003);
	assert_int_equal(joined[0], 'x');
	assert_string_equal(joined + 1999, "|end");
	arena_free(&a);
}

static void test_printf(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	assert_string_equal(arena_printf(&a, "%d %s", 42, "встречи"), "42 встречи");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	assert_string_equal(arena_printf(&a, "%05.1f|%-3s|%lld", 3.14159, "a", -7LL),
			    "003.1|a  |-7");
	/* Longer than a block. */
	char *long_text = arena_printf(&a, "%3000s|%s", "x", "end");
	assert_int_equal(strlen(long_text), 3004);
	assert_int_equal(long_text[2999], 'x');
	assert_string_equal(long_text + 3000, "|end");
	arena_free(&a);
}

static char cleanup_log[32];

static void log_cleanup(void *data)
{
	size_t n = strlen(cleanup_log);
	cleanup_log[n] = *(const char *)data;
	cleanup_log[n + 1] = '\0';
}

static void test_reset_runs_cleanups_in_reverse(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	cleanup_log[0] = '\0';
	arena_on_reset(&a, log_cleanup, "1");
	arena_on_reset(&a, log_cleanup, "2");
	for (int i = 0; i < 50; i++)
		arena_alloc(&a, 100); /* push the third one into another block */
	arena_on_reset(&a, log_cleanup, "3");
	assert_string_equal(cleanup_log, "");
	arena_reset(&a);
	assert_string_equal(cleanup_log, "321");
	/* Each runs once: a second reset has nothing left to run. */
	arena_reset(&a);
	assert_string_equal(cleanup_log, "321");
	/* Registered after a reset, run by arena_free. */
	arena_on_reset(&a, log_cleanup, "a");
	arena_on_reset(&a, log_cleanup, "b");
	arena_free(&a);
	assert_string_equal(cleanup_log, "321ba");
}

static void test_reset_keeps_working(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	struct arena_block *first = a.first;
	for (int round = 0; round < 100; round++) {
		char *big = arena_alloc(&a, 10000);
		memset(big, round, 10000);
		for (int i = 0; i < 40; i++) {
			char *s = arena_printf(&a, "round %d item %d", round, i);
			assert_non_null(strstr(s, "item"));
		}
		assert_int_equal(big[9999], (char)round);
		arena_reset(&a);
		/* Back to the first block, which is kept so a quiet worker does not malloc. */
		assert_ptr_equal(a.head, first);
		assert_ptr_equal(a.first, first);
		assert_null(a.cleanups);
	}
	/* After a reset allocation starts over at the beginning of the first block. */
	void *p1 = arena_alloc(&a, 16);
	arena_reset(&a);
	void *p2 = arena_alloc(&a, 16);
	assert_ptr_equal(p1, p2);
	arena_free(&a);
}

/* Run fn in a child and say whether it died of SIGABRT (stderr silenced). */
static bool aborts(void (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGABRT, SIG_DFL);
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		fn();
		_exit(0);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void alloc_size_max(void)
{
	struct arena a;
	arena_init(&a, 1024);
	arena_alloc(&a, SIZE_MAX);
}

static void calloc_overflow(void)
{
	struct arena a;
	arena_init(&a, 1024);
	arena_calloc(&a, SIZE_MAX / 2, 3);
}

/* Aligned already, so the rounding does not wrap, but a block header on top does. */
static void alloc_block_overflow(void)
{
	struct arena a;
	arena_init(&a, 1024);
	unsigned char *p = arena_alloc(&a, SIZE_MAX - ALIGN + 1);
	p[4096] = 1; /* only reached when the allocation "succeeded" */
}

static void test_impossible_sizes_abort(void **state)
{
	(void)state;
	assert_true(aborts(alloc_size_max));
	assert_true(aborts(calloc_overflow));
}

/* Regression: block_new computed sizeof(header) + size without checking, so a request for
 * nearly SIZE_MAX bytes wrapped around to a tiny malloc and arena_alloc returned a "huge"
 * block that overflowed the heap on first use instead of aborting. */
static void test_block_size_overflow_aborts(void **state)
{
	(void)state;
	assert_true(aborts(alloc_block_overflow));
}

static void test_grow_keeps_elements_and_doubles(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	size_t cap = 2, n = 0;
	long long *items = arena_alloc(&a, cap * sizeof *items);
	for (long long v = 0; v < 100; v++) {
		long long *before = items;
		bool room = n < cap;
		items = arena_grow(&a, items, n, &cap, sizeof *items);
		assert_true(n < cap);
		if (room)
			assert_ptr_equal(items, before); /* room left: the same array */
		else
			assert_ptr_not_equal(items, before);
		items[n++] = v * v;
	}
	assert_int_equal(cap, 128);
	for (long long v = 0; v < 100; v++)
		assert_int_equal(items[v], v * v);
	/* From nothing: a first array of a few slots. */
	size_t empty_cap = 0;
	void *fresh = arena_grow(&a, NULL, 0, &empty_cap, 16);
	assert_non_null(fresh);
	assert_true(empty_cap > 0);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_keeps_elements_and_doubles),
		cmocka_unit_test(test_many_small_allocations_across_blocks),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_small_block_size_is_raised),
		cmocka_unit_test(test_large_allocation),
		cmocka_unit_test(test_zero_size_and_calloc),
		cmocka_unit_test(test_strdup_and_strndup),
		cmocka_unit_test(test_concat),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_reset_runs_cleanups_in_reverse),
		cmocka_unit_test(test_reset_keeps_working),
		cmocka_unit_test(test_impossible_sizes_abort),
		cmocka_unit_test(test_block_size_overflow_aborts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
