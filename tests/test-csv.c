/* test-csv.c - cmocka tests for the CSV reader (src/util-csv.c, csv.h):
 * RFC 4180 quoting, line ends, the byte order mark, GB18030, and every
 * refusal with the line and field it names. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/csv.h>
#include <orglife/text.h>

/* ---- helpers ------------------------------------------------------------ */

/* Parses the n bytes at s, which must succeed. */
static void parse_ok(const char *s, size_t n, struct csv_doc *doc)
{
	struct csv_error err;

	if (csv_parse(s, n, doc, &err) != 0)
		fail_msg("csv_parse refused: line %ld, field %d: %s", err.line, err.field, err.msg);
}

#define PARSE_OK(lit, doc) parse_ok(lit, sizeof lit - 1, doc)

/* Parses the n bytes at s, which must fail at (line, field) with a
 * message containing want; the doc stays empty. */
static void parse_fails(const char *s, size_t n, long line, int field, const char *want)
{
	struct csv_doc doc;
	struct csv_error err;

	if (csv_parse(s, n, &doc, &err) == 0) {
		csv_doc_free(&doc);
		fail_msg("csv_parse accepted what it should refuse at line %ld", line);
	}
	assert_int_equal(doc.nrecords, 0);
	assert_null(doc.records);
	if (err.line != line || err.field != field)
		fail_msg("refused at line %ld, field %d (%s), want line %ld, field %d", err.line, err.field, err.msg,
			 line, field);
	if (!strstr(err.msg, want))
		fail_msg("message '%s' lacks '%s'", err.msg, want);
}

#define PARSE_FAILS(lit, line, field, want) parse_fails(lit, sizeof lit - 1, line, field, want)

/* Record r has exactly the fields given (NULL-terminated). */
static void assert_record(const struct csv_doc *doc, size_t r, long line, ...)
{
	const struct csv_record *rec;
	va_list ap;
	const char *want;
	int k = 0;

	assert_true(r < doc->nrecords);
	rec = &doc->records[r];
	assert_int_equal(rec->line, line);
	va_start(ap, line);
	while ((want = va_arg(ap, const char *))) {
		assert_true(k < rec->nfields);
		assert_string_equal(rec->fields[k], want);
		k++;
	}
	va_end(ap);
	assert_int_equal(rec->nfields, k);
}

/* ---- accepted ------------------------------------------------------------- */

static void test_plain_lf(void **state)
{
	struct csv_doc doc;

	(void)state;
	PARSE_OK("姓名,联系电话\n张伟,13800000001\n李娜,\n", &doc);
	assert_int_equal(doc.encoding, CSV_UTF8);
	assert_int_equal(doc.nrecords, 3);
	assert_record(&doc, 0, 1, "姓名", "联系电话", NULL);
	assert_record(&doc, 1, 2, "张伟", "13800000001", NULL);
	assert_record(&doc, 2, 3, "李娜", "", NULL);
	csv_doc_free(&doc);
	assert_int_equal(doc.nrecords, 0);
}

static void test_bom_and_crlf(void **state)
{
	struct csv_doc doc;

	(void)state;
	PARSE_OK("\xEF\xBB\xBF姓名,民族\r\n张伟,汉族\r\n王芳,回族", &doc);
	assert_int_equal(doc.encoding, CSV_UTF8_BOM);
	assert_int_equal(doc.nrecords, 3);
	/* The mark is not part of the first header. */
	assert_record(&doc, 0, 1, "姓名", "民族", NULL);
	assert_record(&doc, 1, 2, "张伟", "汉族", NULL);
	/* A last line without a line end is a record. */
	assert_record(&doc, 2, 3, "王芳", "回族", NULL);
	csv_doc_free(&doc);
}

static void test_quotes_doubled_and_empty(void **state)
{
	struct csv_doc doc;

	(void)state;
	PARSE_OK("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n\"\",,\"\"\"\"\n", &doc);
	assert_int_equal(doc.nrecords, 3);
	assert_record(&doc, 1, 2, "x,y", "say \"hi\"", "", NULL);
	assert_record(&doc, 2, 3, "", "", "\"", NULL);
	csv_doc_free(&doc);
}

/* A newline inside quotes is data; the next record's line counts it. */
static void test_quoted_newlines_and_line_numbers(void **state)
{
	struct csv_doc doc;

	(void)state;
	PARSE_OK("name,note\r\nA,\"one\r\ntwo\nthree\"\r\nB,x\r\n", &doc);
	assert_int_equal(doc.nrecords, 3);
	assert_record(&doc, 1, 2, "A", "one\r\ntwo\nthree", NULL);
	assert_record(&doc, 2, 5, "B", "x", NULL);
	csv_doc_free(&doc);
}

/* Blank lines (a spreadsheet's trailing ones too) are skipped, and counted. */
static void test_blank_lines_skipped(void **state)
{
	struct csv_doc doc;

	(void)state;
	PARSE_OK("\r\nname,n\n\nA,1\r\n\r\n\nB,2\n\n", &doc);
	assert_int_equal(doc.nrecords, 3);
	assert_record(&doc, 0, 2, "name", "n", NULL);
	assert_record(&doc, 1, 4, "A", "1", NULL);
	assert_record(&doc, 2, 7, "B", "2", NULL);
	csv_doc_free(&doc);
}

static void test_empty_file_and_header_only(void **state)
{
	struct csv_doc doc;

	(void)state;
	parse_ok("", 0, &doc);
	assert_int_equal(doc.nrecords, 0);
	csv_doc_free(&doc);
	parse_ok(NULL, 0, &doc);
	assert_int_equal(doc.nrecords, 0);
	PARSE_OK("\xEF\xBB\xBF", &doc);
	assert_int_equal(doc.nrecords, 0);
	PARSE_OK("\n\r\n", &doc);
	assert_int_equal(doc.nrecords, 0);
	PARSE_OK("姓名,性别\r\n", &doc);
	assert_int_equal(doc.nrecords, 1);
	assert_record(&doc, 0, 1, "姓名", "性别", NULL);
	csv_doc_free(&doc);
	/* A trailing comma is an empty last field. */
	PARSE_OK("a,", &doc);
	assert_record(&doc, 0, 1, "a", "", NULL);
	csv_doc_free(&doc);
}

/* GB18030 (what Excel saves on Chinese Windows): 王䶮 (䶮 is outside GBK)
 * and 𠮷 (four bytes in GB18030) come out as UTF-8. */
static void test_gb18030_decoded(void **state)
{
	struct csv_doc doc;

	(void)state;
	/* 姓名,党员类别 / 王䶮,正式党员 / 𠮷,"张伟" */
	PARSE_OK("\xD0\xD5\xC3\xFB,\xB5\xB3\xD4\xB1\xC0\xE0\xB1\xF0\r\n"
		 "\xCD\xF5\xFE\x9F,\xD5\xFD\xCA\xBD\xB5\xB3\xD4\xB1\r\n"
		 "\x95\x34\xB2\x35,\"\xD5\xC5\xCE\xB0\"\r\n",
		 &doc);
	assert_int_equal(doc.encoding, CSV_GB18030);
	assert_int_equal(doc.nrecords, 3);
	assert_record(&doc, 0, 1, "姓名", "党员类别", NULL);
	assert_record(&doc, 1, 2, "王䶮", "正式党员", NULL);
	assert_record(&doc, 2, 3, "𠮷", "张伟", NULL);
	csv_doc_free(&doc);
}

static void test_limits_accepted(void **state)
{
	struct csv_doc doc;
	struct strbuf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < CSV_FIELDS_MAX; i++)
		strbuf_adds(&b, i ? ",f" : "f");
	strbuf_addc(&b, '\n');
	for (i = 0; i < CSV_FIELD_MAX; i++)
		strbuf_addc(&b, 'x');
	for (i = 1; i < CSV_FIELDS_MAX; i++)
		strbuf_addc(&b, ',');
	parse_ok(b.s, b.len, &doc);
	assert_int_equal(doc.nrecords, 2);
	assert_int_equal(doc.records[0].nfields, CSV_FIELDS_MAX);
	assert_int_equal(strlen(doc.records[1].fields[0]), CSV_FIELD_MAX);
	csv_doc_free(&doc);
	strbuf_free(&b);
}

/* ---- refused -------------------------------------------------------------- */

static void test_ragged_rows_name_the_line(void **state)
{
	(void)state;
	PARSE_FAILS("a,b,c\n1,2,3\n1,2\n", 3, 3, "2 fields where the header has 3");
	PARSE_FAILS("a,b\n1,2\n\"x\ny\",2\n1,2,3\n", 5, 3, "3 fields where the header has 2");
	PARSE_FAILS("a,b\r\n1,2\r\n\r\nlonely\r\n", 4, 2, "1 field where the header has 2");
}

static void test_quote_errors(void **state)
{
	(void)state;
	PARSE_FAILS("a,b\n1,\"open\n2,3\n", 2, 2, "not closed");
	PARSE_FAILS("a,b\n1,2\n3,ab\"c\n", 3, 2, "does not begin with one");
	PARSE_FAILS("a,b\n\"x\"y,2\n", 2, 1, "after a closing");
	PARSE_FAILS("a,b\n1,2\r3,4\n", 2, 2, "carriage return");
}

static void test_overlong_field_and_record(void **state)
{
	struct strbuf b = { 0 };
	int i;

	(void)state;
	strbuf_adds(&b, "a,b\n1,2\n3,");
	for (i = 0; i <= CSV_FIELD_MAX; i++)
		strbuf_addc(&b, 'x');
	strbuf_addc(&b, '\n');
	parse_fails(b.s, b.len, 3, 2, "longer than 4096 bytes");
	/* The limit is on the UTF-8 bytes: 1366 three-byte characters. */
	strbuf_reset(&b);
	strbuf_adds(&b, "a\n\"");
	for (i = 0; i < 1366; i++)
		strbuf_adds(&b, "张");
	strbuf_adds(&b, "\"\n");
	parse_fails(b.s, b.len, 2, 1, "longer than 4096 bytes");
	/* A runaway quote stops at the limit, not at the end of the file. */
	strbuf_reset(&b);
	strbuf_adds(&b, "a\n\"");
	for (i = 0; i < 3 * CSV_FIELD_MAX; i++)
		strbuf_adds(&b, "x\n");
	parse_fails(b.s, b.len, 2, 1, "longer than 4096 bytes");
	strbuf_reset(&b);
	strbuf_adds(&b, "a\nb\n");
	for (i = 0; i <= CSV_FIELDS_MAX; i++)
		strbuf_adds(&b, ",");
	parse_fails(b.s, b.len, 3, CSV_FIELDS_MAX + 1, "more than 64 fields");
	strbuf_free(&b);
}

/* Bytes that are neither UTF-8 nor GB18030 are refused where they are. */
static void test_invalid_bytes_named(void **state)
{
	(void)state;
	/* 0x80 and 0xFF begin nothing in either encoding. */
	PARSE_FAILS("name,x\nA,1\nB,\x80\n", 3, 2, "neither UTF-8 nor GB18030");
	PARSE_FAILS("name,x\nA,1\n\xFF,1\n", 3, 1, "neither UTF-8 nor GB18030");
	/* A UTF-8 file with one stray byte: decoding it as GB18030 fails at
	 * once, on line 1; the stray byte is on line 4. */
	PARSE_FAILS("姓名,民族\n张伟,汉族\n李娜,回族\n王芳,\x80族\n", 4, 2, "neither UTF-8 nor GB18030");
	/* A GB18030 file cut inside a character on line 3: UTF-8 fails on
	 * line 1. */
	PARSE_FAILS("\xD0\xD5\xC3\xFB,x\n\xD5\xC5\xCE\xB0,1\n\xCD\xF5\xFE,1\n", 3, 1, "neither UTF-8 nor GB18030");
	/* After a UTF-8 byte order mark nothing else is tried. */
	PARSE_FAILS("\xEF\xBB\xBFname,x\nA,1\n\xD5\xC5\xCE\xB0,2\n", 3, 1, "byte order mark");
	/* Overlong and surrogate forms are not UTF-8 either. */
	PARSE_FAILS("\xEF\xBB\xBFname\n\xC0\xAF\n", 2, 1, "invalid UTF-8");
	PARSE_FAILS("\xEF\xBB\xBFname\n\xED\xA0\x80\n", 2, 1, "invalid UTF-8");
}

static void test_nul_and_utf16_refused(void **state)
{
	(void)state;
	PARSE_FAILS("name,x\nA,a\0b\n", 2, 2, "NUL");
	PARSE_FAILS("name,x\nA,\"a\0b\"\n", 2, 2, "NUL");
	PARSE_FAILS("\xFF\xFEn\0a\0", 1, 0, "UTF-16");
	PARSE_FAILS("\xFE\xFF\0n\0a", 1, 0, "UTF-16");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_lf),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_quotes_doubled_and_empty),
		cmocka_unit_test(test_quoted_newlines_and_line_numbers),
		cmocka_unit_test(test_blank_lines_skipped),
		cmocka_unit_test(test_empty_file_and_header_only),
		cmocka_unit_test(test_gb18030_decoded),
		cmocka_unit_test(test_limits_accepted),
		cmocka_unit_test(test_ragged_rows_name_the_line),
		cmocka_unit_test(test_quote_errors),
		cmocka_unit_test(test_overlong_field_and_record),
		cmocka_unit_test(test_invalid_bytes_named),
		cmocka_unit_test(test_nul_and_utf16_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
