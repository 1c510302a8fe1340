/*
 * demo.h - what the two demo worlds share (cmd-demo.c, the small street
 * committee; cmd-demo-district.c, the district of the benchmarks): the
 * deterministic PRNG, names and phone numbers, the calendar (working days
 * come from holidays.h), and the topics of each kind of session through
 * the years.
 *
 * The names, places and topics are data of a Chinese demo, not messages of
 * the program, so they are not translated.
 */
#ifndef ORGLIFE_DEMO_H
#define ORGLIFE_DEMO_H

#include <stddef.h>

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- a small deterministic PRNG (splitmix64) ------------------------------ */

struct rng {
	unsigned long long s;
};

unsigned long long rng_next(struct rng *r);
/* A number from lo to hi inclusive. */
int rng_int(struct rng *r, int lo, int hi);
/* True pct times in a hundred. */
int rng_pct(struct rng *r, int pct);

#define PICK(r, arr) ((arr)[rng_int((r), 0, NELEM(arr) - 1)])

/* ---- people ------------------------------------------------------------------ */

extern const char *const demo_surnames[];
/* Why someone asked to be excused (请假): a reason of people at work, or
 * of the elderly. */
const char *demo_reason(struct rng *r, int old);

/* A Chinese name: common surnames more often; given names of an older
 * generation for `old`.  Names repeat: the caller checks uniqueness where
 * it wants it. */
void demo_name(struct rng *r, int old, char *out, size_t n);
/* A mobile number, 11 digits. */
void demo_phone(struct rng *r, char out[16]);

/* ---- the calendar --------------------------------------------------------------- */

/* The day y-m-d, or the month's last day when d is past it. */
long demo_ymd(int y, int m, int d);
/* The n-th weekday wday (1 = Monday) of a month, kept inside the month. */
long demo_nth_wday(int y, int m, int n, int wday);

/* ---- the worlds ---------------------------------------------------------------- */

struct cli_ctx;

/* What a demo made, for its summary. */
struct demo_counts {
	int orgs, members, sessions, marks, dues;
};

/* Builds the district (cmd-demo-district.c) into ctx's empty database. */
int demo_district(struct cli_ctx *ctx, struct demo_counts *n);

/* ---- topics ---------------------------------------------------------------------- */

/* 主题党日 of a month: the anniversary in July, the study campaign of the
 * time in even months, the month's customary activity otherwise (for a
 * branch of retirees, now and then an activity of their own). */
void demo_theme_topic(struct rng *r, int retirees, int y, int m, char *out, size_t n);
/* 党课 of a month; by_secretary prefixes 书记讲党课. */
void demo_lesson_topic(struct rng *r, int y, int m, int by_secretary, char *out, size_t n);
/* 支部委员会 of a month. */
void demo_committee_topic(struct rng *r, int y, int m, char *out, size_t n);
/* 党小组会 of a month. */
void demo_group_topic(struct rng *r, int y, int m, char *out, size_t n);
/* 支部党员大会 of a quarter (q 1..4). */
void demo_assembly_topic(int y, int q, char *out, size_t n);

#endif
