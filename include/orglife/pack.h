/*
 * pack.h - compact values for the two facts that are numerous at district
 * scale (100,000 members, ten years): a session's attendance marks and a
 * member's dues payments.  A row for each would be most of the database;
 * each list is instead one blob of LEB128 varints.  The codecs are pure and
 * fuzzed: a malformed blob is refused, never trusted.
 *
 * Marks: for each marked member, by id, the id's distance from the previous
 * one, then one byte of status (1 present .. 4 absent).  Members of a branch
 * were added together, so a mark takes two or three bytes.
 *
 * Dues: for each paid month, in order, its distance from the previous month
 * (month index = year * 12 + month - 1), the amount in fen plus one (0: not
 * given), and the day it was paid as a zigzag distance from the month's
 * first day.
 */
#ifndef ORGLIFE_PACK_H
#define ORGLIFE_PACK_H

#include <stddef.h>

/* One LEB128 varint: reading from *p (< end) returns -1 when it is cut or
 * longer than 63 bits; writing needs up to 10 bytes at p and returns the
 * byte after it. */
int pack_get_varint(const unsigned char **p, const unsigned char *end, unsigned long long *v);
unsigned char *pack_put_varint(unsigned char *p, unsigned long long v);
/* A signed number as an unsigned one for a varint: 0, -1, 1, -2 ... as 0,
 * 1, 2, 3 ..., and back. */
unsigned long long pack_zigzag(long long v);
long long pack_unzigzag(unsigned long long v);

struct mark {
	long long member_id;
	int status; /* enum attend_status: 1..4 */
};

struct marks {
	struct mark *v; /* by member id */
	size_t n, cap;
};

/* Decodes a blob into m (which it resets); -1 for a malformed blob (ids
 * not increasing, a bad status, a cut varint), leaving m empty. */
int marks_decode(const void *blob, size_t len, struct marks *m);
/* Encodes m (sorted by id) into a new buffer of *len bytes (the caller
 * frees); NULL with *len 0 when m is empty. */
unsigned char *marks_encode(const struct marks *m, size_t *len);
/* The status of member, 0 when unmarked. */
int marks_get(const struct marks *m, long long member_id);
/* Sets (status 1..4) or clears (0) the member's mark, keeping the order. */
void marks_set(struct marks *m, long long member_id, int status);
void marks_free(struct marks *m);

/* The largest amount a payment holds: one million yuan. */
#define PAYMENT_MAX_FEN 100000000LL

struct payment {
	int month;            /* year * 12 + month - 1 */
	long long amount_fen; /* -1: not given */
	long paid_on;         /* day number */
};

struct payments {
	struct payment *v; /* by month */
	size_t n, cap;
};

/* As for marks: decode (-1 when malformed), encode (caller frees; every
 * amount must be at most PAYMENT_MAX_FEN, or the blob would not decode). */
int payments_decode(const void *blob, size_t len, struct payments *p);
unsigned char *payments_encode(const struct payments *p, size_t *len);
/* The latest month paid up to `until` (a month index) into *month, or -1
 * when none; without decoding amounts and days.  -1 return for a
 * malformed blob. */
int payments_latest(const void *blob, size_t len, int until, int *month);
/* The payment for a month, or NULL. */
const struct payment *payments_get(const struct payments *p, int month);
/* Inserts a payment for a month not yet paid (the caller checks). */
void payments_add(struct payments *p, const struct payment *pay);
void payments_free(struct payments *p);

#endif
