/*
 * test-pack.c - the compact codecs: attendance marks and dues payments
 * round-trip, stay small, and refuse malformed blobs.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/pack.h>

static void test_marks_set_get_clear(void **state)
{
	struct marks m = { 0 };

	(void)state;
	marks_set(&m, 5427, 1);
	marks_set(&m, 1427, 3);
	marks_set(&m, 3427, 4);
	assert_int_equal(m.n, 3);
	assert_true(m.v[0].member_id == 1427 && m.v[1].member_id == 3427 && m.v[2].member_id == 5427);
	assert_int_equal(marks_get(&m, 3427), 4);
	marks_set(&m, 3427, 2);
	assert_int_equal(marks_get(&m, 3427), 2);
	marks_set(&m, 3427, 0);
	assert_int_equal(marks_get(&m, 3427), 0);
	assert_int_equal(m.n, 2);
	marks_set(&m, 9999, 0); /* clearing an unmarked member changes nothing */
	assert_int_equal(m.n, 2);
	marks_free(&m);
}

static void test_marks_round_trip_and_size(void **state)
{
	struct marks m = { 0 }, back = { 0 };
	unsigned char *blob;
	size_t len, i;

	(void)state;
	/* A branch of 50 added together: ids 1000 apart. */
	for (i = 0; i < 50; i++)
		marks_set(&m, 100427 + (long long)i * 1000, (int)(i % 4) + 1);
	blob = marks_encode(&m, &len);
	assert_non_null(blob);
	assert_true(len <= 50 * 3 + 2);
	assert_int_equal(marks_decode(blob, len, &back), 0);
	assert_int_equal(back.n, 50);
	for (i = 0; i < 50; i++) {
		assert_true(back.v[i].member_id == m.v[i].member_id);
		assert_int_equal(back.v[i].status, m.v[i].status);
	}
	free(blob);
	marks_free(&m);
	marks_free(&back);
}

static void test_marks_empty(void **state)
{
	struct marks m = { 0 };
	size_t len = 99;

	(void)state;
	assert_null(marks_encode(&m, &len));
	assert_int_equal(len, 0);
	assert_int_equal(marks_decode("", 0, &m), 0);
	assert_int_equal(m.n, 0);
	marks_free(&m);
}

static void test_marks_refuse_malformed(void **state)
{
	static const struct {
		const char *what;
		const unsigned char b[12];
		size_t len;
	} bad[] = {
		{ "a zero distance (ids must increase)", { 0x05, 1, 0x00, 1 }, 4 },
		{ "a status of 0", { 0x05, 0 }, 2 },
		{ "a status of 5", { 0x05, 5 }, 2 },
		{ "a cut varint", { 0x85 }, 1 },
		{ "an id with no status", { 0x05 }, 1 },
		{ "a varint too long", { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 1 }, 12 },
	};
	struct marks m = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (marks_decode(bad[i].b, bad[i].len, &m) != -1)
			fail_msg("accepted %s", bad[i].what);
		assert_int_equal(m.n, 0);
	}
	marks_free(&m);
}

static int month_of(int y, int m)
{
	return y * 12 + m - 1;
}

static long day_of(int y, int m, int d)
{
	long day;

	assert_int_equal(date_from_ymd(y, m, d, &day), 0);
	return day;
}

static void test_payments_round_trip(void **state)
{
	struct payments p = { 0 }, back = { 0 };
	struct payment pay;
	unsigned char *blob;
	size_t len, i;

	(void)state;
	/* Out of order, paid late, paid in advance, without an amount. */
	pay = (struct payment){ .month = month_of(2026, 3), .amount_fen = 1250, .paid_on = day_of(2026, 4, 2) };
	payments_add(&p, &pay);
	pay = (struct payment){ .month = month_of(2026, 1), .amount_fen = -1, .paid_on = day_of(2026, 1, 10) };
	payments_add(&p, &pay);
	pay = (struct payment){ .month = month_of(2026, 12), .amount_fen = 0, .paid_on = day_of(2026, 6, 30) };
	payments_add(&p, &pay);
	assert_int_equal(p.n, 3);
	assert_int_equal(p.v[0].month, month_of(2026, 1));
	blob = payments_encode(&p, &len);
	assert_int_equal(payments_decode(blob, len, &back), 0);
	assert_int_equal(back.n, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(back.v[i].month, p.v[i].month);
		assert_true(back.v[i].amount_fen == p.v[i].amount_fen);
		assert_int_equal(back.v[i].paid_on, p.v[i].paid_on);
	}
	assert_non_null(payments_get(&back, month_of(2026, 3)));
	assert_null(payments_get(&back, month_of(2026, 2)));
	/* The latest month paid up to a month, without decoding the rest. */
	{
		int latest;
		assert_int_equal(payments_latest(blob, len, month_of(2026, 6), &latest), 0);
		assert_int_equal(latest, month_of(2026, 3));
		assert_int_equal(payments_latest(blob, len, month_of(2026, 12), &latest), 0);
		assert_int_equal(latest, month_of(2026, 12));
		assert_int_equal(payments_latest(blob, len, month_of(2025, 12), &latest), 0);
		assert_int_equal(latest, -1);
		assert_int_equal(payments_latest(blob, len - 1, month_of(2026, 12), &latest), -1);
	}
	free(blob);
	payments_free(&p);
	payments_free(&back);
}

static void test_payments_ten_years_are_small(void **state)
{
	struct payments p = { 0 };
	unsigned char *blob;
	size_t len;
	int m;

	(void)state;
	for (m = month_of(2016, 1); m <= month_of(2025, 12); m++) {
		struct payment pay = { .month = m, .amount_fen = 2500, .paid_on = 0 };
		long first;
		date_from_ymd(m / 12, m % 12 + 1, 1, &first);
		pay.paid_on = first + 9;
		payments_add(&p, &pay);
	}
	blob = payments_encode(&p, &len);
	assert_true(len <= 120 * 5);
	free(blob);
	payments_free(&p);
}

static void test_payments_refuse_malformed(void **state)
{
	static const struct {
		const char *what;
		const unsigned char b[8];
		size_t len;
	} bad[] = {
		{ "a cut payment", { 0x81 }, 1 },
		{ "a month before 1900", { 0x01, 0x00, 0x00 }, 3 },
		/* 2026-01 (month 24312: F8 BD 01), then a distance of 0. */
		{ "two payments for one month", { 0xf8, 0xbd, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00 }, 8 },
	};
	struct payments p = { 0 };
	size_t i;

	(void)state;
	assert_int_equal(payments_decode(bad[2].b, 5, &p), 0); /* the first payment alone is fine */
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].month, month_of(2026, 1));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (payments_decode(bad[i].b, bad[i].len, &p) != -1)
			fail_msg("accepted %s", bad[i].what);
		assert_int_equal(p.n, 0);
	}
	payments_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_set_get_clear),
		cmocka_unit_test(test_marks_round_trip_and_size),
		cmocka_unit_test(test_marks_empty),
		cmocka_unit_test(test_marks_refuse_malformed),
		cmocka_unit_test(test_payments_round_trip),
		cmocka_unit_test(test_payments_ten_years_are_small),
		cmocka_unit_test(test_payments_refuse_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
