/* test-ics.c - cmocka tests for src/util-ics.c: TEXT escaping, folding at
 * 75 octets without splitting a character or an escape, dates. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <orglife/date.h>
#include <orglife/ics.h>
#include <orglife/text.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static void check_text(const char *in, const char *want)
{
	struct strbuf b = { 0 };

	ics_text(&b, in);
	assert_string_equal(strbuf_str(&b), want);
	assert_true(text_utf8_valid(strbuf_str(&b), b.len));
	strbuf_free(&b);
}

static void check_fold(const char *in, const char *want)
{
	struct strbuf b = { 0 };

	ics_fold(&b, in, strlen(in));
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

/* n copies of the character c (a string of any length) after prefix. */
static void repeat(struct strbuf *b, const char *prefix, const char *c, int n)
{
	strbuf_reset(b);
	strbuf_adds(b, prefix);
	while (n-- > 0)
		strbuf_adds(b, c);
}

/* ---- TEXT values ---------------------------------------------------------- */

static void test_text_escapes(void **state)
{
	(void)state;
	check_text(NULL, "");
	check_text("", "");
	check_text("发展党员票决", "发展党员票决");
	check_text("a\\b;c,d", "a\\\\b\\;c\\,d");
	/* colon and double quote are TEXT as they are */
	check_text("时间: \"14:30\"", "时间: \"14:30\"");
	/* every line break is one \n, a CRLF included */
	check_text("a\r\nb\nc\rd", "a\\nb\\nc\\nd");
	check_text("\r\r\n\n", "\\n\\n\\n");
	check_text("x\r", "x\\n");
	check_text("a\tb", "a b");
}

static void test_text_drops_controls(void **state)
{
	(void)state;
	/* C0 but tab and line breaks, DEL, C1 (U+0080 to U+009F) */
	check_text("\x01" "evil\x1b]0;pwned\x07" "!\x7f", "evil]0\\;pwned!");
	check_text("a\xc2\x80" "b\xc2\x85" "c\xc2\x9b" "d\xc2\x9f" "e", "abcde");
	/* the first character after C1 stays: U+00A0 */
	check_text("a\xc2\xa0" "b", "a\xc2\xa0" "b");
	/* bidirectional controls go; their neighbours stay */
	check_text("\xd8\x9c" "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xe2\x80\xaa" "d\xe2\x80\xae" "e\xe2\x81\xa6" "f\xe2\x81\xa9",
		   "abcdef");
	check_text("a\xe2\x80\xaf" "b\xe2\x81\xa5" "c", "a\xe2\x80\xaf" "b\xe2\x81\xa5" "c");
}

static void test_text_invalid_utf8(void **state)
{
	(void)state;
	check_text("a\xff" "b", "a\xef\xbf\xbd" "b");
	/* a character cut short: each of its bytes is one U+FFFD */
	check_text("党\xe5\x85", "党\xef\xbf\xbd\xef\xbf\xbd");
	/* a surrogate and an overlong form are not characters */
	check_text("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	check_text("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");
	/* a 4-byte character passes */
	check_text("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");
}

/* ---- folding ---------------------------------------------------------------- */

static void test_fold_ascii_boundaries(void **state)
{
	struct strbuf in = { 0 }, want = { 0 };
	char x75[76];

	(void)state;
	memset(x75, 'x', 75);
	x75[75] = '\0';
	check_fold("", "\r\n");
	/* 75 octets fit on the first line */
	repeat(&in, "", "x", 75);
	repeat(&want, x75, "", 0);
	strbuf_adds(&want, "\r\n");
	check_fold(in.s, want.s);
	/* the 76th goes on a continuation line */
	repeat(&in, "", "x", 76);
	repeat(&want, x75, "", 0);
	strbuf_adds(&want, "\r\n x\r\n");
	check_fold(in.s, want.s);
	/* a continuation line holds 74 after its space */
	repeat(&in, "", "x", 75 + 74 + 1);
	repeat(&want, x75, "\r\n ", 1);
	strbuf_add(&want, in.s, 74);
	strbuf_adds(&want, "\r\n x\r\n");
	check_fold(in.s, want.s);
	strbuf_free(&in);
	strbuf_free(&want);
}

static void test_fold_never_splits(void **state)
{
	struct strbuf in = { 0 }, want = { 0 };

	(void)state;
	/* SUMMARY: and 60 three-octet characters: 8 + 22 * 3 = 74, a 23rd
	 * would make 77; then a space and 24 (73 octets), then the last 14 */
	repeat(&in, "SUMMARY:", "党", 60);
	repeat(&want, "SUMMARY:", "党", 22);
	strbuf_adds(&want, "\r\n ");
	repeat(&in, "", "党", 24);
	strbuf_adds(&want, in.s);
	strbuf_adds(&want, "\r\n ");
	repeat(&in, "", "党", 14);
	strbuf_adds(&want, in.s);
	strbuf_adds(&want, "\r\n");
	repeat(&in, "SUMMARY:", "党", 60);
	check_fold(in.s, want.s);

	/* a four-octet character at 72..75 fits, at 73..76 moves down */
	repeat(&in, "", "x", 71);
	strbuf_adds(&in, "\xf0\x9f\x98\x80" "y");
	repeat(&want, "", "x", 71);
	strbuf_adds(&want, "\xf0\x9f\x98\x80\r\n y\r\n");
	check_fold(in.s, want.s);
	repeat(&in, "", "x", 72);
	strbuf_adds(&in, "\xf0\x9f\x98\x80");
	repeat(&want, "", "x", 72);
	strbuf_adds(&want, "\r\n \xf0\x9f\x98\x80\r\n");
	check_fold(in.s, want.s);

	/* an escape stays whole: \, at 74..75 fits, at 75..76 moves down */
	repeat(&in, "", "x", 73);
	strbuf_adds(&in, "\\,y");
	repeat(&want, "", "x", 73);
	strbuf_adds(&want, "\\,\r\n y\r\n");
	check_fold(in.s, want.s);
	repeat(&in, "", "x", 74);
	strbuf_adds(&in, "\\,");
	repeat(&want, "", "x", 74);
	strbuf_adds(&want, "\r\n \\,\r\n");
	check_fold(in.s, want.s);
	strbuf_free(&in);
	strbuf_free(&want);
}

/* Every prefix length against characters of every width: each physical
 * line is at most 75 octets and valid UTF-8 on its own, is folded only when
 * the next character would not fit, and unfolding gives the line back. */
static void test_fold_properties(void **state)
{
	static const char *const chars[] = { "a", "\xc3\xa9", "党", "\xf0\x9f\x98\x80", "\\n" };
	struct strbuf in = { 0 }, out = { 0 }, back = { 0 };
	size_t c, p;

	(void)state;
	for (c = 0; c < N_ELEMS(chars); c++) {
		for (p = 0; p <= 80; p++) {
			const char *s, *end;

			repeat(&in, "", "-", (int)p);
			repeat(&back, "", chars[c], 60);
			strbuf_adds(&in, back.s);
			strbuf_reset(&out);
			ics_fold(&out, in.s, in.len);
			strbuf_reset(&back);
			for (s = out.s; *s; s = end + 2) {
				size_t len, next;

				end = strstr(s, "\r\n");
				assert_non_null(end);
				len = (size_t)(end - s);
				assert_true(len <= ICS_LINE_MAX);
				assert_true(text_utf8_valid(s, len));
				if (end[2]) {
					/* folded: a space, and the unit it moved down would not fit */
					assert_int_equal(end[2], ' ');
					assert_true(end[3] != 'n'); /* not the second half of \n */
					next = end[3] == '-' ? 1 : end[3] == '\\' ? 2 : strlen(chars[c]);
					assert_true(len + next > ICS_LINE_MAX);
				}
				if (s != out.s)
					strbuf_add(&back, s + 1, len - 1);
				else
					strbuf_add(&back, s, len);
			}
			assert_int_equal(back.len, in.len);
			assert_memory_equal(back.s, in.s, in.len);
		}
	}
	strbuf_free(&in);
	strbuf_free(&out);
	strbuf_free(&back);
}

static void test_prop_text(void **state)
{
	struct strbuf b = { 0 };

	(void)state;
	ics_prop_text(&b, "LOCATION", NULL);
	assert_int_equal(b.len, 0);
	ics_prop_text(&b, "LOCATION", "");
	assert_string_equal(strbuf_str(&b), "LOCATION:\r\n");
	strbuf_reset(&b);
	ics_prop_text(&b, "SUMMARY", "党课: 学习,讨论;\n总结");
	assert_string_equal(strbuf_str(&b), "SUMMARY:党课: 学习\\,讨论\\;\\n总结\r\n");
	strbuf_free(&b);
}

/* ---- dates ---------------------------------------------------------------------- */

static void test_dates(void **state)
{
	char d[9], dt[16];
	long day;

	(void)state;
	assert_int_equal(date_from_ymd(2026, 7, 15, &day), 0);
	ics_date(day, d);
	assert_string_equal(d, "20260715");
	ics_date_time(day, 14 * 3600 + 30 * 60, dt);
	assert_string_equal(dt, "20260715T143000");
	ics_date_time(day, 0, dt);
	assert_string_equal(dt, "20260715T000000");
	ics_date_time(day, 86399, dt);
	assert_string_equal(dt, "20260715T235959");
	assert_int_equal(date_from_ymd(1900, 1, 1, &day), 0);
	ics_date(day, d);
	assert_string_equal(d, "19000101");
	assert_int_equal(date_from_ymd(9999, 12, 31, &day), 0);
	ics_date(day, d);
	assert_string_equal(d, "99991231");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_escapes),
		cmocka_unit_test(test_text_drops_controls),
		cmocka_unit_test(test_text_invalid_utf8),
		cmocka_unit_test(test_fold_ascii_boundaries),
		cmocka_unit_test(test_fold_never_splits),
		cmocka_unit_test(test_fold_properties),
		cmocka_unit_test(test_prop_text),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
