/* test-pinyin.c - cmocka tests for src/pinyin.c: finding names by pinyin
 * initials, syllables and characters, the roster order of pinyin_key, and
 * the generated table (src/pinyin-table.c) it reads. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "orglife/pinyin.h"
#include "../src/pinyin-table.h"

/* ---- the table ------------------------------------------------------------------ */

static void test_table_shape(void **state)
{
	unsigned i, j, ngaps = 0, nread = 0;

	(void)state;
	/* Syllables: letters only, in strcmp order (no two alike). */
	assert_true(pinyin_nsyllables > 400);
	for (i = 0; i < pinyin_nsyllables; i++) {
		const char *s = pinyin_syllables[i];
		assert_true(s[0] != '\0' && strlen(s) <= 6);
		assert_int_equal(strspn(s, "abcdefghijklmnopqrstuvwxyz"), strlen(s));
		if (i)
			assert_true(strcmp(pinyin_syllables[i - 1], s) < 0);
	}
	/* Runs: in order, apart, inside pinyin_chars. */
	for (i = 0; i < pinyin_nruns; i++) {
		const struct pinyin_run *r = &pinyin_runs[i];
		assert_true(r->count > 0);
		assert_true((unsigned)r->base + r->count <= pinyin_nchars);
		if (i) {
			const struct pinyin_run *p = &pinyin_runs[i - 1];
			assert_true(p->first + p->count < r->first);
			assert_int_equal(p->base + p->count, r->base);
		}
	}
	/* Every character: none, or a set of syllables that ends in the pool. */
	for (i = 0; i < pinyin_nchars; i++) {
		uint16_t at = pinyin_chars[i];
		if (at == PINYIN_NONE) {
			ngaps++;
			continue;
		}
		nread++;
		for (j = at; j < pinyin_nsets; j++) {
			assert_true((pinyin_sets[j] & ~PINYIN_LAST) < pinyin_nsyllables);
			if (pinyin_sets[j] & PINYIN_LAST)
				break;
		}
		assert_true(j < pinyin_nsets);
	}
	assert_int_equal(ngaps + nread, pinyin_nchars);
	/* The unified ideographs and their extensions: tens of thousands. */
	assert_true(nread > 40000);
	assert_true(pinyin_runs[0].first == 0x3400);
	assert_true(pinyin_runs[pinyin_nruns - 1].first >= 0x30000);
}

/* ---- finding -------------------------------------------------------------------- */

static void test_zhangsan(void **state)
{
	static const char *const finds[] = {
		"zs", "ZS", "zhangsan", "zhang", "zhangs", "zhsan", "zsan", "张", "张三", "张s", "张san", "z三",
		"san", "s", "zhang san", "ｚｓ", "Zhang San",
	};
	static const char *const misses[] = { "sz", "zl", "zhangsi", "zhangsana", "李", "三张", "li", "zx", "hang" };

	(void)state;
	for (size_t i = 0; i < sizeof finds / sizeof *finds; i++)
		if (!pinyin_match("张三", finds[i]))
			fail_msg("张三 should match '%s'", finds[i]);
	for (size_t i = 0; i < sizeof misses / sizeof *misses; i++)
		if (pinyin_match("张三", misses[i]))
			fail_msg("张三 should not match '%s'", misses[i]);
	/* Inside a longer name, from any character. */
	assert_true(pinyin_match("欧阳张三丰", "zsf"));
	assert_true(pinyin_match("欧阳张三丰", "sanfeng"));
	assert_true(pinyin_match("欧阳张三丰", "oyzsf"));
	assert_false(pinyin_match("欧阳张三丰", "oyf"));
}

static void test_polyphonic(void **state)
{
	(void)state;
	/* Every reading counts, the customary one and the others. */
	assert_true(pinyin_match("单", "dan"));
	assert_true(pinyin_match("单", "shan"));
	assert_true(pinyin_match("单", "chan"));
	assert_true(pinyin_match("单田芳", "stf"));
	assert_true(pinyin_match("单田芳", "dtf"));
	assert_true(pinyin_match("曾国藩", "zgf"));
	assert_true(pinyin_match("曾国藩", "cengguofan"));
	assert_true(pinyin_match("区志强", "ouzq"));
	assert_true(pinyin_match("区志强", "qzq"));
	assert_true(pinyin_match("尉迟恭", "yuchigong"));
	assert_true(pinyin_match("解缙", "xiejin"));
	assert_false(pinyin_match("单", "tan"));
	/* u stands for ü as well as v does. */
	assert_true(pinyin_match("吕布", "lvbu"));
	assert_true(pinyin_match("吕布", "lubu"));
	assert_true(pinyin_match("女", "nv"));
	assert_false(pinyin_match("路", "lv"));
}

static void test_other_names(void **state)
{
	(void)state;
	/* Letters in any case, full-width or not; spaces and middle dots out. */
	assert_true(pinyin_match("John Smith", "smith"));
	assert_true(pinyin_match("John Smith", "JOHNSMITH"));
	assert_true(pinyin_match("John Smith", "ｊｏｈｎ"));
	assert_false(pinyin_match("John Smith", "js"));
	assert_true(pinyin_match("阿依古丽·买买提", "aygl"));
	assert_true(pinyin_match("阿依古丽·买买提", "glmmt"));
	assert_true(pinyin_match("阿依古丽·买买提", "丽·买"));
	assert_true(pinyin_match("张　三", "zs"));
	assert_true(pinyin_match("王2", "w2"));
	assert_true(pinyin_match("Иван Петров", "Петров"));
	assert_false(pinyin_match("Иван Петров", "ivan"));
	/* A character without a reading is found by itself alone. */
	assert_true(pinyin_match("李㐂", "l㐂"));
	assert_false(pinyin_match("李㐂", "lix"));
}

static void test_empty(void **state)
{
	(void)state;
	assert_true(pinyin_match("张三", ""));
	assert_true(pinyin_match("张三", NULL));
	assert_true(pinyin_match("张三", "  　"));
	assert_true(pinyin_match("", ""));
	assert_true(pinyin_match(NULL, ""));
	assert_false(pinyin_match("", "z"));
	assert_false(pinyin_match(NULL, "z"));
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Each bad byte is a character of its own, equal only to itself. */
	assert_true(pinyin_match("\xff\xfe张三\xc0", "zs"));
	assert_true(pinyin_match("\xff\xfe张三\xc0", "\xfe"));
	assert_true(pinyin_match("\xff\xfe张三\xc0", "三\xc0"));
	assert_false(pinyin_match("\xff\xfe张三\xc0", "\xfe\xff"));
	assert_false(pinyin_match("\xff", "\xfe"));
	/* Half of 张 is not 张. */
	assert_false(pinyin_match("\xe5\xbc", "张"));
	assert_false(pinyin_match("张", "\xe5\xbc"));
	assert_true(pinyin_match("\xe5\xbc", "\xe5\xbc"));
	/* Control characters and escapes are characters like any other. */
	assert_true(pinyin_match("\x1b[31m张三\x07", "zs"));
	assert_true(pinyin_match("\x1b[31m张三\x07", "31mz"));
}

/* ---- ordering ------------------------------------------------------------------- */

static int by_key(const void *a, const void *b)
{
	char *x = pinyin_key(*(const char *const *)a), *y = pinyin_key(*(const char *const *)b);
	int c = strcmp(x, y);

	free(x);
	free(y);
	return c;
}

/* Sorts names (any order) and expects want. */
static void check_order(const char *const *want, size_t n)
{
	const char **got = malloc(n * sizeof *got);

	assert_non_null(got);
	/* Reversed, then rotated: the input order is not the answer. */
	for (size_t i = 0; i < n; i++)
		got[i] = want[(n - 1 - i + n / 2) % n];
	qsort(got, n, sizeof *got, by_key);
	for (size_t i = 0; i < n; i++)
		if (strcmp(got[i], want[i]))
			fail_msg("place %zu: %s, expected %s", i + 1, got[i], want[i]);
	free(got);
}

static int before(const char *a, const char *b)
{
	const char *v[2] = { a, b };

	return by_key(&v[0], &v[1]) < 0;
}

static void test_surnames(void **state)
{
	static const char *const roster[] = { "蔡明", "杨帆", "曾国藩", "张三" };
	static const char *const shan[] = { "戴军", "邓平", "单田芳", "尚文", "沈括" };

	(void)state;
	/* 曾 under z (zeng), not among the c (ceng). */
	check_order(roster, sizeof roster / sizeof *roster);
	/* 单 as a surname is shan; elsewhere its customary dan. */
	check_order(shan, sizeof shan / sizeof *shan);
	assert_true(before("张单", "张丽"));
	assert_true(before("魏征", "尉迟恭")); /* yu chi, not wei chi */
	assert_true(before("尉迟恭", "袁枚"));
	assert_true(before("朴正", "平安"));   /* piao, not pu */
	assert_true(before("区志强", "屈原")); /* ou, not qu */
}

static void test_roster(void **state)
{
	static const char *const roster[] = {
		"阿依古丽·买买提", /* a yi */
		"安娜",           /* an na */
		"Anna",           /* one word: after 安, before 奥 */
		"anna",           /* capitals first */
		"奥斯卡",         /* ao */
		"李四",
		"李四2",
		"区志强",         /* ou: 区 before 欧, both ou */
		"欧阳修",
		"王五",
		"曾国藩",         /* zeng */
		"张三",           /* zhang: all the 张 ... */
		"张伟",
		"章丽",           /* ... before 章, also zhang */
		"Zoe",
		"Иван",           /* no reading: last */
	};

	(void)state;
	check_order(roster, sizeof roster / sizeof *roster);
}

static void test_keys(void **state)
{
	char *a, *b;

	(void)state;
	/* Nothing and spaces alike; a shorter name first. */
	a = pinyin_key(NULL);
	assert_string_equal(a, "");
	free(a);
	a = pinyin_key(" 　");
	assert_string_equal(a, "");
	free(a);
	a = pinyin_key("张 三");
	b = pinyin_key("张三");
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_true(before("张", "张三"));
	/* Bad bytes and controls sort, apart from one another, without harm. */
	assert_true(before("\xfe", "\xff"));
	assert_true(before("张三", "张三\x01"));
	assert_true(before("Zoe", "\xe5\xbc"));
}

/* Random bytes, weighted towards pieces of UTF-8, through both functions:
 * under the sanitizers, any overrun or leak fails the test. */
static void test_random(void **state)
{
	static const char *const pieces[] = { "张", "三", "单", "z", "S", "·", " ", "\xe5", "\xbc", "\xff", "\x1b",
					      "ü", "ｚ", "𠀀", "\xf0\x9f", "a", "1" };
	unsigned long seed = 20260715;
	char name[64], query[32];

	(void)state;
	for (int round = 0; round < 20000; round++) {
		char *buf[2] = { name, query };
		size_t cap[2] = { sizeof name, sizeof query };
		for (int w = 0; w < 2; w++) {
			size_t len = 0;
			for (;;) {
				const char *p;
				char one[2];
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				if ((seed >> 60) == 0)
					break;
				if ((seed >> 59) & 1) {
					p = pieces[(seed >> 32) % (sizeof pieces / sizeof *pieces)];
				} else {
					one[0] = (char)((seed >> 40) % 255 + 1);
					one[1] = '\0';
					p = one;
				}
				if (len + strlen(p) >= cap[w])
					break;
				memcpy(buf[w] + len, p, strlen(p));
				len += strlen(p);
			}
			buf[w][len] = '\0';
		}
		char *k = pinyin_key(name);
		assert_non_null(k);
		free(k);
		/* A name always contains itself. */
		assert_true(pinyin_match(name, name));
		(void)pinyin_match(name, query);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_zhangsan),
		cmocka_unit_test(test_polyphonic),
		cmocka_unit_test(test_other_names),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_surnames),
		cmocka_unit_test(test_roster),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
