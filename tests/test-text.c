/* test-text.c - cmocka tests for src/util-text.c: strbuf, sanitizing,
 * display width and fitting, UTF-8 checks, reading a file, JSON/CSV
 * encoders, tables. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orglife/text.h"

/* ---- helpers ---------------------------------------------------------- */

static void check_sanitize(const char *in, unsigned flags, const char *want)
{
	char *got = text_sanitize(in, flags);

	assert_string_equal(got, want);
	free(got);
}

/* text_fit into a fresh buffer; checks the returned width matches the real
 * width of what was appended and that no character was split. */
static void check_fit(const char *in, int cols, int pad, const char *want,
		      int want_w)
{
	struct strbuf b = { 0 };
	int w = text_fit(&b, in, cols, pad);

	assert_string_equal(strbuf_str(&b), want);
	assert_int_equal(w, want_w);
	assert_int_equal(text_width(strbuf_str(&b)), want_w);
	assert_true(text_utf8_valid(strbuf_str(&b), b.len));
	if (cols > 0)
		assert_true(w <= cols);
	strbuf_free(&b);
}

static void check_json(const char *in, const char *want)
{
	struct strbuf b = { 0 };

	text_json_string(&b, in);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

static void check_csv(const char *in, const char *want)
{
	struct strbuf b = { 0 };

	text_csv_field(&b, in);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

/* Prints t into memory and returns the text (caller frees). */
static char *print_table(struct table *t, int max_width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	table_print(t, f, max_width);
	assert_int_equal(fclose(f), 0);
	assert_non_null(buf);
	return buf;
}

/* ---- allocation and strbuf -------------------------------------------- */

static void test_xalloc(void **state)
{
	(void)state;
	char *p = xmalloc(0);
	char *d;

	assert_non_null(p);
	p = xrealloc(p, 100);
	memset(p, 'x', 100);
	p = xrealloc(p, 0);
	assert_non_null(p);
	free(p);
	d = xstrdup("张三");
	assert_string_equal(d, "张三");
	free(d);
	assert_null(xstrdup(NULL));
}

static void test_strbuf_basic(void **state)
{
	(void)state;
	struct strbuf b = { 0 };
	char *s;

	assert_string_equal(strbuf_str(&b), "");
	assert_int_equal(b.len, 0);
	strbuf_add(&b, "abc", 0);
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	strbuf_adds(&b, "hello");
	strbuf_addc(&b, ' ');
	strbuf_add(&b, "world!!", 5);
	strbuf_adds(&b, NULL);
	assert_string_equal(strbuf_str(&b), "hello world");
	assert_int_equal(b.len, 11);
	strbuf_addf(&b, " %d-%s", 42, "党支部");
	assert_string_equal(strbuf_str(&b), "hello world 42-党支部");
	assert_int_equal(b.len, strlen(b.s));

	size_t cap = b.cap;
	char *mem = b.s;
	strbuf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);
	assert_ptr_equal(b.s, mem);
	assert_string_equal(strbuf_str(&b), "");

	strbuf_adds(&b, "kept");
	s = strbuf_detach(&b);
	assert_string_equal(s, "kept");
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	free(s);
	s = strbuf_detach(&b);
	assert_string_equal(s, "");
	free(s);
	strbuf_free(&b);
	strbuf_free(&b); /* idempotent */
}

static void test_strbuf_growth(void **state)
{
	(void)state;
	struct strbuf b = { 0 };
	char big[5000];

	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int i = 0; i < 1000; i++)
		strbuf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.s[999], 'a' + 999 % 26);
	strbuf_addf(&b, "[%s]", big);
	assert_int_equal(b.len, 1000 + 2 + 4999);
	assert_int_equal(b.s[1000], '[');
	assert_int_equal(b.s[b.len - 1], ']');
	assert_int_equal(b.s[b.len], '\0');
	assert_true(b.cap > b.len);
	strbuf_free(&b);
	strbuf_addf(&b, "%s", "");
	assert_string_equal(strbuf_str(&b), "");
	strbuf_free(&b);
}

/* ---- sanitize --------------------------------------------------------- */

static void test_sanitize_controls(void **state)
{
	(void)state;
	check_sanitize("\x1b]0;pwned\x07", 0, "^[]0;pwned^G");
	check_sanitize("a\rb", 0, "a^Mb");
	check_sanitize("x\by\x01z\x1f", 0, "x^Hy^Az^_");
	check_sanitize("del\x7f", 0, "del^?");
	check_sanitize("\x1b[31mred\x1b[0m", 0, "^[[31mred^[[0m");
	check_sanitize("l1\nl2\tx", 0, "l1^Jl2^Ix");
	check_sanitize("plain text 张三 ok", 0, "plain text 张三 ok");
	check_sanitize("", 0, "");
	check_sanitize(NULL, 0, "");
}

static void test_sanitize_unicode(void **state)
{
	(void)state;
	check_sanitize("\xe2\x80\xae", 0, "<U+202E>");
	check_sanitize("abc\xe2\x80\xae" "dcba", 0, "abc<U+202E>dcba");
	check_sanitize("\xc2\x9b" "31m", 0, "<U+009B>31m");
	check_sanitize("\xc2\x80\xc2\x9f", 0, "<U+0080><U+009F>");
	check_sanitize("\xd8\x9c", 0, "<U+061C>");
	check_sanitize("\xe2\x80\x8e\xe2\x80\x8f", 0, "<U+200E><U+200F>");
	check_sanitize("\xe2\x80\xaa", 0, "<U+202A>");
	check_sanitize("\xe2\x81\xa6x\xe2\x81\xa9", 0, "<U+2066>x<U+2069>");
	/* neighbours of the bidi ranges stay */
	check_sanitize("\xe2\x80\xa9\xc2\xa0", 0, "\xe2\x80\xa9\xc2\xa0");
}

static void test_sanitize_invalid(void **state)
{
	(void)state;
	check_sanitize("a\xff" "b", 0, "a\\xFFb");
	check_sanitize("\xc0\x80", 0, "\\xC0\\x80");
	check_sanitize("\xed\xa0\x80", 0, "\\xED\\xA0\\x80");
	check_sanitize("\xe5\xbc", 0, "\\xE5\\xBC"); /* truncated 张 */
	check_sanitize("\x80x", 0, "\\x80x");
	check_sanitize("\xf4\x90\x80\x80", 0, "\\xF4\\x90\\x80\\x80");
	/* invalid byte followed by a valid character keeps the character */
	check_sanitize("\xfe张", 0, "\\xFE张");
}

static void test_sanitize_keep_newlines(void **state)
{
	(void)state;
	check_sanitize("line1\nline2\tx\r\n", TEXT_KEEP_NEWLINES,
		       "line1\nline2 x^M\n");
	check_sanitize("a\x1b[2Jb\n", TEXT_KEEP_NEWLINES, "a^[[2Jb\n");
	check_sanitize("\xe2\x80\xae\n", TEXT_KEEP_NEWLINES, "<U+202E>\n");

	struct strbuf b = { 0 };
	strbuf_adds(&b, "pre:");
	text_sanitize_into(&b, "x\ny", 0);
	text_sanitize_into(&b, NULL, 0);
	text_sanitize_into(&b, "|x\ny", TEXT_KEEP_NEWLINES);
	assert_string_equal(strbuf_str(&b), "pre:x^Jy|x\ny");
	strbuf_free(&b);
}

/* ---- width and fit ---------------------------------------------------- */

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("张三"), 4);
	assert_int_equal(text_width("王䶮"), 4);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("a张b"), 4);
	assert_int_equal(text_width("Li 四 2024"), 10);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("e\xcc\x81"), 1); /* e + combining acute */
	assert_int_equal(text_width("\xff"), 1);     /* invalid byte: 1 */
	assert_int_equal(text_width("，。"), 4);       /* fullwidth punctuation */
}

static void test_fit_cut_cjk(void **state)
{
	(void)state;
	/* "张三丰abc" is 9 columns wide */
	check_fit("张三丰abc", 5, 1, "张三~", 5);
	check_fit("张三丰abc", 5, 0, "张三~", 5);
	check_fit("张三丰abc", 4, 1, "张~ ", 4);   /* 三 would straddle */
	check_fit("张三丰abc", 4, 0, "张~", 3);
	check_fit("张三丰abc", 6, 1, "张三~ ", 6);
	check_fit("张三丰abc", 8, 1, "张三丰a~", 8);
	check_fit("张三丰abc", 9, 1, "张三丰abc", 9);
	check_fit("张三丰abc", 12, 1, "张三丰abc   ", 12);
	check_fit("张三丰abc", 12, 0, "张三丰abc", 9);
}

static void test_fit_narrow(void **state)
{
	(void)state;
	check_fit("张", 1, 1, "~", 1);
	check_fit("张", 1, 0, "~", 1);
	check_fit("张三", 1, 1, "~", 1);
	check_fit("张", 2, 1, "张", 2);
	check_fit("张三", 2, 1, "~ ", 2);
	check_fit("张三", 3, 1, "张~", 3);
	check_fit("a", 1, 1, "a", 1);
	check_fit("ab", 1, 1, "~", 1);
	check_fit("abc", 0, 1, "", 0);
	check_fit("abc", -3, 1, "", 0);
	check_fit(NULL, 3, 1, "   ", 3);
	check_fit("", 2, 0, "", 0);
	check_fit("abcdef", 4, 1, "abc~", 4);
}

static void test_fit_appends_and_right(void **state)
{
	(void)state;
	struct strbuf b = { 0 };

	strbuf_adds(&b, "[");
	assert_int_equal(text_fit(&b, "ab", 4, 1), 4);
	strbuf_adds(&b, "|");
	assert_int_equal(text_fit_right(&b, "42", 5), 5);
	strbuf_adds(&b, "|");
	assert_int_equal(text_fit_right(&b, "123456", 4), 4);
	strbuf_adds(&b, "|");
	assert_int_equal(text_fit_right(&b, "张三丰", 5), 5);
	strbuf_adds(&b, "|");
	assert_int_equal(text_fit_right(&b, "x", 0), 0);
	strbuf_adds(&b, "]");
	assert_string_equal(strbuf_str(&b), "[ab  |   42|123~|张三~|]");
	strbuf_free(&b);
}

/* ---- UTF-8 ------------------------------------------------------------ */

static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(text_utf8_valid("", 0));
	assert_true(text_utf8_valid(NULL, 0));
	assert_true(text_utf8_valid("abc", 3));
	assert_true(text_utf8_valid("张三", strlen("张三")));
	assert_true(text_utf8_valid("\xf0\x9f\x98\x80", 4));   /* U+1F600 */
	assert_true(text_utf8_valid("\xf4\x8f\xbf\xbf", 4));   /* U+10FFFF */
	assert_true(text_utf8_valid("\xee\x80\x80", 3));       /* U+E000 */
	assert_true(text_utf8_valid("a\0b", 3));
	assert_false(text_utf8_valid("\xc0\x80", 2));          /* overlong NUL */
	assert_false(text_utf8_valid("\xc1\xbf", 2));          /* overlong */
	assert_false(text_utf8_valid("\xe0\x9f\xbf", 3));      /* overlong */
	assert_false(text_utf8_valid("\xf0\x8f\xbf\xbf", 4));  /* overlong */
	assert_false(text_utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
	assert_false(text_utf8_valid("\xed\xbf\xbf", 3));      /* surrogate */
	assert_false(text_utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
	assert_false(text_utf8_valid("\xf5\x80\x80\x80", 4));
	assert_false(text_utf8_valid("\x80", 1));
	assert_false(text_utf8_valid("\xe5\xbc", 2));          /* truncated */
	assert_false(text_utf8_valid("\xe5\xbc\xa0", 2));      /* cut by n */
	assert_false(text_utf8_valid("\xe5" "a\xa0", 3));
	assert_false(text_utf8_valid("\xff", 1));
}

static void test_utf8_decode(void **state)
{
	(void)state;
	unsigned cp = 0;

	assert_int_equal(text_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(text_utf8_decode("\xc2\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xA9);
	assert_int_equal(text_utf8_decode("张", 3, &cp), 3);
	assert_int_equal(cp, 0x5F20);
	assert_int_equal(text_utf8_decode("\xf0\x9f\x98\x80xyz", 7, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(text_utf8_decode("\xed\xa0\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFFFFFFu);
	assert_int_equal(text_utf8_decode("\xe5\xbc\xa0", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFFFFFFu);
	assert_int_equal(text_utf8_decode("x", 0, &cp), 0);
	assert_int_equal(cp, 0xFFFFFFFFu);
}

/* ---- files ------------------------------------------------------------ */

static void test_read_file(void **state)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	struct strbuf b = { 0 };
	int fd;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/orglife-test-text-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	fputs("姓名,党员类别\n张三,正式党员\n", f);
	fclose(f);
	strbuf_adds(&b, ">");
	assert_int_equal(text_read_file(path, 1000, &b), 0);
	assert_string_equal(strbuf_str(&b), ">姓名,党员类别\n张三,正式党员\n");
	/* One byte over the limit is refused. */
	strbuf_reset(&b);
	assert_int_equal(text_read_file(path, 39, &b), EFBIG);
	strbuf_reset(&b);
	assert_int_equal(text_read_file(path, 40, &b), 0);
	assert_int_equal(b.len, 40);
	unlink(path);
	strbuf_reset(&b);
	assert_int_equal(text_read_file(path, 1000, &b), ENOENT);
	strbuf_free(&b);
}

/* ---- JSON ------------------------------------------------------------- */

static void test_json(void **state)
{
	(void)state;
	check_json("plain", "\"plain\"");
	check_json("", "\"\"");
	check_json(NULL, "null");
	check_json("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	check_json("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"");
	check_json("\x01\x1b\x1f", "\"\\u0001\\u001b\\u001f\"");
	check_json("x\x7fy", "\"x\x7fy\"");
	check_json("张三 王䶮", "\"张三 王䶮\"");
	check_json("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
	check_json("a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\u2028b\\u2029\"");
	check_json("a\xff" "b", "\"a\xef\xbf\xbd" "b\"");
	check_json("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	check_json("\xe5\xbc", "\"\xef\xbf\xbd\xef\xbf\xbd\"");

	struct strbuf b = { 0 };
	strbuf_adds(&b, "{\"name\":");
	text_json_string(&b, "李\"四\"");
	strbuf_addc(&b, '}');
	assert_string_equal(strbuf_str(&b), "{\"name\":\"李\\\"四\\\"\"}");
	strbuf_free(&b);
}

/* ---- CSV -------------------------------------------------------------- */

static void test_csv_quoting(void **state)
{
	(void)state;
	check_csv("plain", "plain");
	check_csv("张三", "张三");
	check_csv("", "");
	check_csv(NULL, "");
	check_csv("a,b", "\"a,b\"");
	check_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_csv("\"", "\"\"\"\"");
	check_csv("line1\nline2", "\"line1\nline2\"");
	check_csv("a\r\nb", "\"a\r\nb\"");
	check_csv("tab\tinside", "tab\tinside");
	check_csv("it's", "it's");
}

static void test_csv_formula(void **state)
{
	(void)state;
	check_csv("=1+1", "'=1+1");
	check_csv("+x", "'+x");
	check_csv("-x", "'-x");
	check_csv("@x", "'@x");
	check_csv("\tx", "'\tx");
	check_csv("\rx", "\"'\rx\"");
	check_csv("=HYPERLINK(\"http://x\",\"y\")",
		  "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_csv("=a,b", "\"'=a,b\"");
	check_csv("a=1", "a=1");
	/* plain numbers are not prefixed */
	check_csv("-12", "-12");
	check_csv("-3.5", "-3.5");
	check_csv("12", "12");
	check_csv("0.25", "0.25");
	/* almost-numbers are */
	check_csv("-", "'-");
	check_csv("-3.", "'-3.");
	check_csv("-.5", "'-.5");
	check_csv("-1e5", "'-1e5");
	check_csv("+12", "'+12");
	check_csv("-1-1", "'-1-1");
}

/* ---- table ------------------------------------------------------------ */

static void test_table_cjk_alignment(void **state)
{
	(void)state;
	struct table *t = table_new(3);
	char *out;

	assert_non_null(t);
	table_set_header(t, 0, "姓名");
	table_set_header(t, 1, "职务");
	table_set_header(t, 2, "党龄");
	table_set_right(t, 2);
	table_add_row(t);
	table_cell(t, 0, "张三");
	table_cell(t, 1, "书记");
	table_cell(t, 2, "12");
	table_add_row(t);
	table_cell(t, 0, "Li Si");
	table_cell(t, 1, "组织委员");
	table_cell(t, 2, "3");
	table_add_row(t);
	table_cell(t, 0, "王䶮");
	table_cell(t, 1, NULL);
	table_cell(t, 2, "5");
	/* widths: 5, 8, 4 (right) */
	out = print_table(t, 0);
	assert_string_equal(out,
		"姓名" "   " "职务" "      " "党龄" "\n"
		"张三" "   " "书记" "        " "12" "\n"
		"Li Si" "  " "组织委员" "     " "3" "\n"
		"王䶮" "   " "             " "5" "\n");
	free(out);
	/* a max_width the table exactly fits in (5+2+8+2+4) changes nothing */
	out = print_table(t, 21);
	assert_string_equal(out,
		"姓名" "   " "职务" "      " "党龄" "\n"
		"张三" "   " "书记" "        " "12" "\n"
		"Li Si" "  " "组织委员" "     " "3" "\n"
		"王䶮" "   " "             " "5" "\n");
	free(out);
	/* 2 columns too wide: the widest (职务, 8) shrinks to 6, cutting 组织委员 */
	out = print_table(t, 19);
	assert_string_equal(out,
		"姓名" "   " "职务" "    " "党龄" "\n"
		"张三" "   " "书记" "      " "12" "\n"
		"Li Si" "  " "组织~" "      " "3" "\n"
		"王䶮" "   " "           " "5" "\n");
	free(out);
	table_free(t);
}

static void test_table_trailing_and_sanitize(void **state)
{
	(void)state;
	struct table *t = table_new(2);
	char *out;

	table_set_header(t, 0, "A");
	table_set_header(t, 1, "B");
	table_add_row(t);
	table_cell(t, 0, "x");
	table_add_row(t);
	table_cell(t, 0, "yy");
	table_cell(t, 1, "z");
	table_cell(t, 5, "ignored");
	table_cell(t, -1, "ignored");
	table_add_row(t);
	table_cell(t, 0, "a\nb");
	table_cell(t, 1, "\x1b[31m\xe2\x80\xae");
	out = print_table(t, 0);
	assert_string_equal(out,
		"A     B\n"
		"x\n"
		"yy    z\n"
		"a^Jb  ^[[31m<U+202E>\n");
	free(out);
	table_free(t);
}

static void test_table_shrink(void **state)
{
	(void)state;
	struct table *t = table_new(2);
	char *out;

	table_set_header(t, 0, "ID");
	table_set_header(t, 1, "Text");
	table_set_right(t, 0);
	table_add_row(t);
	table_cell(t, 0, "1");
	table_cell(t, 1, "abcdefghijklmnopqrst");
	table_add_row(t);
	table_cell(t, 0, "22");
	table_cell(t, 1, "short");
	out = print_table(t, 12);
	assert_string_equal(out,
		"ID  Text\n"
		" 1  abcdefg~\n"
		"22  short\n");
	free(out);
	out = print_table(t, 0);
	assert_string_equal(out,
		"ID  Text\n"
		" 1  abcdefghijklmnopqrst\n"
		"22  short\n");
	free(out);
	table_free(t);

	/* CJK cut inside a shrunk column: no half characters */
	t = table_new(1);
	table_set_header(t, 0, "X");
	table_cell(t, 0, "张三丰张三丰"); /* starts a row implicitly */
	out = print_table(t, 6);
	assert_string_equal(out, "X\n张三~\n");
	free(out);
	table_free(t);

	/* widest first; both end at the same width; no header row */
	t = table_new(2);
	table_add_row(t);
	table_cell(t, 0, "abcdefghij");
	table_cell(t, 1, "uvwxyz");
	out = print_table(t, 14);
	assert_string_equal(out, "abcde~  uvwxyz\n");
	free(out);
	table_free(t);

	/* never below 4 columns, even if the table still does not fit */
	t = table_new(3);
	table_set_header(t, 0, "name");
	table_set_header(t, 1, "note");
	table_set_header(t, 2, "n");
	table_add_row(t);
	table_cell(t, 0, "abcdefghij");
	table_cell(t, 1, "0123456789");
	table_cell(t, 2, "7");
	out = print_table(t, 5);
	assert_string_equal(out,
		"name  note  n\n"
		"abc~  012~  7\n");
	free(out);
	table_free(t);
}

static void test_table_edge_cases(void **state)
{
	(void)state;
	struct table *t;
	char *out;

	assert_null(table_new(0));
	assert_null(table_new(-2));
	/* NULL table is tolerated everywhere */
	table_set_header(NULL, 0, "x");
	table_set_right(NULL, 0);
	table_add_row(NULL);
	table_cell(NULL, 0, "x");
	table_print(NULL, stdout, 0);
	table_free(NULL);

	t = table_new(2);
	out = print_table(t, 0);
	assert_string_equal(out, "");
	free(out);
	table_set_header(t, 1, "only");
	out = print_table(t, 0);
	assert_string_equal(out, "  only\n"); /* column 0 is 0 wide */
	free(out);
	table_set_header(t, 1, "replaced");
	table_set_right(t, 7);
	table_add_row(t);
	table_cell(t, 0, "v1");
	table_cell(t, 0, "v2"); /* replaces */
	out = print_table(t, 0);
	assert_string_equal(out, "    replaced\nv2\n");
	free(out);
	table_free(t);

	/* many rows exercise growth */
	t = table_new(1);
	for (int i = 0; i < 100; i++) {
		char num[16];

		snprintf(num, sizeof num, "%d", i);
		table_add_row(t);
		table_cell(t, 0, num);
	}
	table_set_right(t, 0);
	out = print_table(t, 0);
	assert_int_equal(strncmp(out, " 0\n 1\n", 6), 0);
	assert_string_equal(out + strlen(out) - 3, "99\n");
	free(out);
	table_free(t);
}

/* Cells equal to one set before share their text; setting a cell again,
 * or setting another differently, leaves the others as they were. */
static void test_table_repeated_cells(void **state)
{
	(void)state;
	struct table *t = table_new(2);
	char *out;

	table_set_header(t, 0, "ORG");
	table_set_header(t, 1, "NOTE");
	table_add_row(t);
	table_cell(t, 0, "第一支部");
	table_cell(t, 1, "a");
	table_add_row(t);
	table_cell(t, 0, "第一支部");
	table_cell(t, 1, "a");
	table_cell(t, 1, "b\tc"); /* again: replaces, the row above keeps "a" */
	table_add_row(t);
	table_cell(t, 0, "第一支部x");
	table_cell(t, 1, "");
	table_add_row(t);
	table_cell(t, 0, "第一支部x");
	table_add_row(t); /* as rows further up, the dirty one too */
	table_cell(t, 0, "第一支部");
	table_cell(t, 1, "b\tc");
	table_add_row(t);
	table_cell(t, 1, "a");
	out = print_table(t, 0);
	assert_string_equal(out,
		"ORG        NOTE\n"
		"第一支部   a\n"
		"第一支部   b^Ic\n"
		"第一支部x\n"
		"第一支部x\n"
		"第一支部   b^Ic\n"
		"           a\n");
	free(out);
	table_free(t);
}

/* Blanks: ASCII white space, the no-break and the ideographic space. */
static void test_blank_and_trim(void **state)
{
	char s[64];

	(void)state;
	assert_true(text_is_blank(NULL));
	assert_true(text_is_blank(""));
	assert_true(text_is_blank(" \t\r\n\v\f\xC2\xA0\xE3\x80\x80"));
	assert_false(text_is_blank(" x "));
	assert_false(text_is_blank("\xE3\x80\x81")); /* 、 is not a blank */
	strcpy(s, "\xE3\x80\x80 张三\xC2\xA0\t");
	text_trim(s);
	assert_string_equal(s, "张三");
	strcpy(s, " a b ");
	text_trim(s);
	assert_string_equal(s, "a b");
	strcpy(s, "\xE3\x80\x80 \xC2\xA0");
	text_trim(s);
	assert_string_equal(s, "");
	strcpy(s, "党\xE3\x80\x80员");
	text_trim(s);
	assert_string_equal(s, "党\xE3\x80\x80员");
}

/* Outside a UTF-8 locale bytes are measured as the C library decodes
 * them: here one column each. */
static void test_width_c_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	assert_int_equal(text_width("张三"), 6);
	assert_int_equal(text_width("ab"), 2);
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_int_equal(text_width("张三"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xalloc),
		cmocka_unit_test(test_strbuf_basic),
		cmocka_unit_test(test_strbuf_growth),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_unicode),
		cmocka_unit_test(test_sanitize_invalid),
		cmocka_unit_test(test_sanitize_keep_newlines),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit_cut_cjk),
		cmocka_unit_test(test_fit_narrow),
		cmocka_unit_test(test_fit_appends_and_right),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_formula),
		cmocka_unit_test(test_table_cjk_alignment),
		cmocka_unit_test(test_table_trailing_and_sanitize),
		cmocka_unit_test(test_table_shrink),
		cmocka_unit_test(test_table_edge_cases),
		cmocka_unit_test(test_table_repeated_cells),
		cmocka_unit_test(test_width_c_locale),
		cmocka_unit_test(test_blank_and_trim),
	};

	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test-text: C.UTF-8 locale not available\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
