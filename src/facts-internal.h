/*
 * facts-internal.h - what a member or a session was on a day, worked out
 * from the dated facts (facts.h).  Shared by the engine (rules-eval.c) and
 * the summaries (summary.c), so both judge attendance the same way.
 */
#ifndef ORGLIFE_FACTS_INTERNAL_H
#define ORGLIFE_FACTS_INTERNAL_H

#include <orglife/facts.h>

/* [*lo, *hi) of a sorted array whose elements are ordered by `field`. */
#define RANGE(arr, n, field, key, lo, hi)                                   \
	do {                                                                \
		int a_ = 0, b_ = (n);                                       \
		while (a_ < b_) {                                           \
			int m_ = a_ + (b_ - a_) / 2;                        \
			if ((arr)[m_].field < (key))                        \
				a_ = m_ + 1;                                \
			else                                                \
				b_ = m_;                                    \
		}                                                           \
		*(lo) = a_;                                                 \
		b_ = (n);                                                   \
		while (a_ < b_) {                                           \
			int m_ = a_ + (b_ - a_) / 2;                        \
			if ((arr)[m_].field <= (key))                       \
				a_ = m_ + 1;                                \
			else                                                \
				b_ = m_;                                    \
		}                                                           \
		*(hi) = a_;                                                 \
	} while (0)

/* Where m was on day: from joining and the latest event on or before it. */
enum member_where facts_where_on(const struct facts *f, const struct fact_member *m, long day);
/* m's latest event on or before day, or NULL. */
const struct fact_event *facts_latest_event(const struct facts *f, const struct fact_member *m, long day);
/* Was m a full member (with a vote) on day? */
int facts_is_full(const struct fact_member *m, long day);
/* Distinct members holding a committee role in org on day; *secretary (if
 * not NULL) gets the secretary's id or 0. */
int facts_committee_on(const struct facts *f, long long org, long day, long long *secretary);
/* Did member hold a committee role in org on day? */
int facts_is_role_holder(const struct facts *f, long long org, long long member, long day);
/* member's mark at s (ATTEND_NONE when unmarked). */
enum attend_status facts_mark_of(const struct facts *f, const struct fact_session *s, long long member);
/* Is s of kind k, or also of kind k? */
int facts_is_kind(const struct fact_session *s, enum session_kind k);
/* Was m expected at s (PRODUCT §2)?  The committee for a committee
 * meeting, the group for a group meeting, else the organization's members;
 * anyone away that day is not expected. */
int facts_expected_at(const struct facts *f, const struct fact_session *s, const struct fact_member *m);
/* Was s held as of the day asked about?  One recorded as held on a later
 * day had not happened yet then: it was still planned. */
int facts_held_by(const struct fact_session *s, long as_of);
/*
 * m's organizational life in a month (a month index), from the sessions of
 * their branch and group in f held by as_of: 1 when they took part (or
 * were excused from all they were expected at), -1 when they missed, 0
 * when nothing was expected of them; *attended: the sessions attended.
 * The engine and the summaries both judge a month by it.
 */
int facts_life_month(const struct facts *f, const struct fact_member *m, int month, long as_of, int *attended);
/* Adds m to the quorum numbers of held session s (summary.h's order:
 * attending, expected, marked), if m was expected: to voters[] when a
 * full member that day, and to all[] in any case. */
void facts_quorum_add(const struct facts *f, const struct fact_session *s, const struct fact_member *m, int voters[3],
		      int all[3]);
/* Is s the session an election was held at? */
int facts_is_election(const struct facts *f, const struct fact_session *s);

#endif
