/*
 * summary.h - what the rules need from sessions and attendance, summed per
 * month and kept current as facts are written (db-summary.c), so that a
 * check or a review reads a few small blobs instead of every session and
 * every mark of the last months.
 *
 * For each organization and month: the sessions held and still planned by
 * kind (a session's also-kind counts too), the party lessons given by the
 * secretary of the day, the latest day a session was held on, and the
 * quorum numbers of each held assembly, committee meeting and election.
 * For each member and month one byte: whether they took part in the
 * organizational life expected of them (R-ABSENT-6) and how many sessions
 * of their branch or group they attended (R-CADRE).
 *
 * A month's summary counts every session held in it.  The rules count only
 * those held on or before the day asked about, so a month with a session
 * held after that day (last_held) is read from the sessions themselves.
 *
 * The computations here are pure and use the engine's own questions
 * (facts-internal.h); tests compare a review from summaries with one from
 * the sessions themselves.
 */
#ifndef ORGLIFE_SUMMARY_H
#define ORGLIFE_SUMMARY_H

#include <stddef.h>

#include <orglife/session.h>

struct facts;
struct fact_member;

struct sum_quorum {
	long long session_id;
	long day;
	int kind, also; /* enum session_kind; also may be SK_NONE */
	int election;   /* an election was held at it */
	/* attending, expected, marked: among voting members, among everyone */
	int voters[3], all[3];
};

/* Sessions of one kind in one month: no organization holds more than
 * SUM_COUNT_MAX, and one that did would count that many.  Small, since a
 * check reads some 70,000 months. */
typedef unsigned short sum_count;
#define SUM_COUNT_MAX 65535

struct sum_month {
	long long org_id;
	int month;     /* year * 12 + month - 1 */
	int last_held; /* day number, -1: nothing held */
	sum_count held[SK_COUNT], planned[SK_COUNT];
	sum_count sec_held, sec_planned; /* party lessons given by the secretary */
	int first_q, nq;                 /* quorums: a slice of sum_set.q, by day */
};

/* Months (by org, month) and the quorums they hold. */
struct sum_set {
	struct sum_month *m;
	int n, cap;
	struct sum_quorum *q;
	int nq, capq;
};

void sum_set_free(struct sum_set *s);
/* Appends month i of src, with its quorums, to dst. */
void sum_set_copy_month(struct sum_set *dst, const struct sum_set *src, int i);

/* A member's month: bits 0-1 the state, the rest the sessions attended. */
enum { LIFE_NOTHING = 0, LIFE_TOOK_PART = 1, LIFE_MISSED = 2 };
#define LIFE_STATE(b) ((b) & 3)
#define LIFE_ATTENDED(b) ((b) >> 2)
#define LIFE_MAX_ATTENDED 63

/*
 * Sums org's sessions of a month (f holds the month's sessions of org with
 * their marks, the members of its branch with their events, the branch's
 * roles and elections) and appends the month to s when it holds anything;
 * returns 1 when it did.
 */
int summary_org_month(const struct facts *f, long long org_id, int month, struct sum_set *s);
/* m's byte for a month (f as above, with m's group's sessions too). */
unsigned char summary_life_month(const struct facts *f, const struct fact_member *m, int month);

/*
 * A roster's changes over time: how many members an organization has
 * here, and how many of them are full members with a vote, as days go by
 * (a branch counts its members, a group those in it).  Before its first
 * step the counts are here and full; each step adds to them on its day.
 */
struct roster_step {
	long day;
	int here, full;
};

struct roster {
	long long org_id;
	int here, full;
	struct roster_step *v;
	int n, cap;
};

void roster_free(struct roster *r);
/* org's roster from f's members (with their events). */
void summary_roster(const struct facts *f, long long org_id, struct roster *r);
/* The counts as of day, from steps[0..n) after the base counts. */
void roster_at(int here, int full, const struct roster_step *steps, int n, long day, int *here_out, int *full_out);
/* Blob: here, full, the number of steps, then per step the days since the
 * previous one (the first: its day) and the two changes, zigzag. */
unsigned char *summary_roster_encode(const struct roster *r, size_t *len);
/* Decodes into r (its steps appended); -1 for a malformed blob. */
int summary_roster_decode(const void *blob, size_t len, struct roster *r);

/*
 * Blobs.  Months: for each month with anything in it, newest first, its
 * distance from the one after it (the first: its month index), then
 * varints (day of the latest held session or 0, a mask of kinds, held and
 * planned per kind in the mask, the secretary's lessons held and planned,
 * the number of quorums and for each the session id, day of month, kind,
 * also + 1, election, then the six numbers).  Decoding stops at the first
 * month older than it needs, unread.  Life: the first month, then one byte
 * per month.  Decoding refuses a malformed blob with -1 and leaves the
 * output as it was.
 */
unsigned char *summary_months_encode(const struct sum_set *s, int from, int to, size_t *len);
/* Appends to s the months from `from` on (a month index); of those outside
 * [full_from, full_to] only the yearly kinds (lessons, organizational-life
 * meetings, appraisals, the secretary's lessons), and only when there are
 * any.  *used (unless NULL): the length of the blob's part read, which
 * decodes alone to the same months. */
int summary_months_decode(const void *blob, size_t len, long long org_id, int from, int full_from, int full_to,
			  struct sum_set *s, size_t *used);
unsigned char *summary_life_encode(int first, const unsigned char *bytes, int n, size_t *len);
/* The first month into *first and the month bytes (inside blob) into
 * *bytes and *n. */
int summary_life_decode(const void *blob, size_t len, int *first, const unsigned char **bytes, int *n);

#endif
