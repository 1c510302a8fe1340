/* test-summary.c - cmocka tests of the summaries (summary.h, db-summary.c).
 *
 * The engine reading the sessions and marks themselves is the oracle: on
 * random worlds written through the model, a check or review from the
 * summaries, and one from the summaries that reads only the members who
 * may have a finding, must give exactly the findings of one from the
 * sessions, for every as-of day tried, and the summaries kept current
 * write by write must equal the ones a full rebuild computes.  (Before
 * "today", sessions were held after the as-of day, so those months and
 * their branches' members are read whole: the members chosen by the
 * summaries are tried on today and later, where a few members are set up
 * to sit right at each threshold.)  Then the blob codecs:
 * round trips and refusals of damaged blobs.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/facts.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/rules.h>
#include <orglife/session.h>
#include <orglife/summary.h>
#include <orglife/text.h>
#include "../src/db-internal.h"

/* ---- a random world written through the model ------------------------------------ */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng_state >> 33) % n;
}

#define NB 3  /* branches */
#define NG 2  /* groups per branch */
#define NM 30 /* members per branch */

struct world {
	struct db *db;
	long long committee, branch[NB], group[NB][NG], member[NB][NM];
	long long *sessions;
	int nsessions, cap;
	long start, end; /* the days sessions fall on */
};

static void add_session(struct world *w, long long org, enum session_kind kind, long day)
{
	struct session s;
	long long id;

	memset(&s, 0, sizeof s);
	s.org_id = org;
	s.kind = kind;
	s.also = kind == SK_THEME_DAY && rnd(3) == 0 ? SK_LESSON : SK_NONE;
	s.day = day;
	s.minute = -1;
	if (kind == SK_LESSON && rnd(2))
		s.lecturer_id = w->member[0][rnd(3)];
	if (session_add(w->db, &s, &id) != OL_OK)
		return; /* e.g. a kind the organization does not hold */
	if (w->nsessions == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->sessions = realloc(w->sessions, (size_t)w->cap * sizeof *w->sessions);
	}
	w->sessions[w->nsessions++] = id;
}

/* Marks a random share of a session's members, and sometimes holds it. */
static void take_roll(struct world *w, int b, long long sid, long day, int hold, long today)
{
	/* Mostly present, as at a real meeting; some members often away. */
	static const enum attend_status st[] = { ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT,
						 ATTEND_LATE,    ATTEND_EXCUSED, ATTEND_ABSENT };
	/* No roll-call, a complete one, or a few marks. */
	int how = (int)rnd(6), marks = how == 0 ? 0 : how < 4 ? NM : (int)rnd(NM + 1);

	for (int i = 0; i < marks; i++) {
		int who = how < 4 ? i : (int)rnd(NM);
		/* The last few members of a branch seldom come; the very last
		 * came in April 2026 and then stopped. */
		enum attend_status a = who >= NM - 3 && rnd(3) ? ATTEND_ABSENT : st[rnd(7)];
		if (who == NM - 1 && day >= D("2026-04-01"))
			a = day < D("2026-05-01") ? ATTEND_PRESENT : ATTEND_ABSENT;
		/* The second from last, a cadre, comes in January and July
		 * only: no one of the second and fourth quarters, but the
		 * month after each. */
		if (who == NM - 2)
			a = date_month_index(day) % 6 == 0 ? ATTEND_PRESENT : ATTEND_ABSENT;
		attend_set(w->db, sid, w->member[b][who], a, NULL); /* refusals are fine */
	}
	if (hold)
		session_mark_held(w->db, sid, today);
}

static void build(struct world *w, unsigned long long seed)
{
	char *msg = NULL;
	char name[32];

	memset(w, 0, sizeof *w);
	rng_state = seed;
	date_clock_pin(D("2026-07-15"), -1);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, &msg), OL_OK);
	assert_true(db_summary_from(w->db) >= 0);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &w->committee), OL_OK);
	w->start = D("2025-01-01");
	w->end = D("2026-12-31");
	for (int b = 0; b < NB; b++) {
		snprintf(name, sizeof name, "支部%d", b);
		assert_int_equal(org_add(w->db, name, ORG_BRANCH, w->committee, 0, &w->branch[b]), OL_OK);
		for (int g = 0; g < NG; g++) {
			snprintf(name, sizeof name, "小组%d-%d", b, g);
			assert_int_equal(org_add(w->db, name, ORG_GROUP, w->branch[b], 0, &w->group[b][g]), OL_OK);
		}
		for (int i = 0; i < NM; i++) {
			struct member_new mn = { 0 };
			snprintf(name, sizeof name, "党员%d-%d", b, i);
			mn.name = name;
			mn.org_id = w->branch[b];
			mn.status = rnd(10) == 0 ? MEMBER_PROBATIONARY : MEMBER_FULL;
			mn.joined = rnd(3) == 0 ? -1 : w->start - 400 + (long)rnd(700);
			if (mn.status == MEMBER_PROBATIONARY && mn.joined < 0)
				mn.joined = w->start + (long)rnd(200);
			mn.group_id = rnd(5) ? w->group[b][rnd(NG)] : 0;
			mn.cadre = i == NM - 2 || rnd(10) == 0;
			mn.born = -1;
			assert_int_equal(member_add(w->db, &mn, &w->member[b][i]), OL_OK);
		}
		/* Dues paid month by month from January of last year: most up
		 * to today's month, some stop earlier or skip months, some pay
		 * ahead. */
		for (int i = 0; i < NM; i++) {
			/* The last member, who stops coming, pays regularly; the
			 * fourth from last stops paying in January and moves away
			 * in August. */
			int kind = i == NM - 1 || i == NM - 6 ? 0 : i == NM - 4 ? 4 : (int)rnd(7);
			int stop = kind < 4 ? 2026 * 12 + 6 : kind >= 5 ? 2026 * 12 + 11 : i == NM - 4 ? 2026 * 12 : 2026 * 12 + (int)rnd(6);
			for (int mo = 2025 * 12; mo <= stop; mo++)
				/* kind 6: nothing from March to August, then ahead */
				if (kind < 4 || (kind == 6 ? mo < 2026 * 12 + 2 || mo > 2026 * 12 + 7 : rnd(12)))
					dues_pay(w->db, w->member[b][i], mo / 12, mo % 12 + 1, 1200, w->start);
		}
		member_event_add(w->db, w->member[b][NM - 4], EVENT_TRANSFER_OUT, D("2026-08-20"), -1, "介绍信-0");
		/* The sixth from last, who pays and comes regularly, flowed out
		 * and back, then out again without a certificate: away now, by
		 * their latest event. */
		member_event_add(w->db, w->member[b][NM - 6], EVENT_FLOW_OUT, D("2026-01-10"), D("2026-12-31"),
				 "证-2");
		member_event_add(w->db, w->member[b][NM - 6], EVENT_BACK, D("2026-02-10"), -1, NULL);
		member_event_add(w->db, w->member[b][NM - 6], EVENT_FLOW_OUT, D("2026-06-01"), -1, NULL);
		/* A committee of three to five, a secretary who changes. */
		role_set(w->db, w->member[b][0], ROLE_SECRETARY, w->start - 100, w->start + 300);
		role_set(w->db, w->member[b][1], ROLE_SECRETARY, w->start + 301, -1);
		for (int i = 2; i < 2 + (int)rnd(4); i++)
			role_set(w->db, w->member[b][i], ROLE_COMMITTEE_MEMBER, w->start - 50 + (long)rnd(300), -1);
	}
}

/* Sessions, marks and holds over the whole span, as of `today`. */
static void fill(struct world *w, long today)
{
	static const enum session_kind kinds[] = { SK_ASSEMBLY, SK_COMMITTEE, SK_LESSON, SK_THEME_DAY,
						   SK_ORG_LIFE, SK_APPRAISAL, SK_OTHER };

	for (long d = w->start; d <= w->end; d += 2 + (long)rnd(5)) {
		int b = (int)rnd(NB);
		long long org = rnd(3) == 0 ? w->group[b][rnd(NG)] : w->branch[b];
		enum session_kind k = org == w->branch[b] ? kinds[rnd(7)] : (rnd(4) ? SK_GROUP : SK_LESSON);
		add_session(w, org, k, d);
		if (w->nsessions == 0)
			continue;
		{
			long long sid = w->sessions[w->nsessions - 1];
			struct session s;
			if (session_get(w->db, sid, &s) != OL_OK)
				continue;
			if (s.day <= today && s.org_id == org) {
				if (rnd(4) == 0) /* held first, marked afterwards */
					session_mark_held(w->db, sid, today);
				take_roll(w, b, sid, s.day, rnd(5) != 0, today);
			}
			session_clear(&s);
		}
	}
}

/* The branch an organization is or lies in. */
static int branch_index(const struct world *w, long long org)
{
	for (int b = 0; b < NB; b++) {
		if (w->branch[b] == org)
			return b;
		for (int g = 0; g < NG; g++)
			if (w->group[b][g] == org)
				return b;
	}
	fail();
	return 0;
}

/* Changes of every kind that move the summaries. */
static void stir(struct world *w, long today)
{
	for (int n = 0; n < 30; n++) {
		int b = (int)rnd(NB);
		long long m = w->member[b][rnd(NM)];
		long day = w->start + (long)rnd((unsigned)(today - w->start + 1));
		switch (rnd(10)) {
		case 0:
			/* Away with a certificate, or without one. */
			if (rnd(2))
				member_event_add(w->db, m, EVENT_FLOW_OUT, day, day + 400, "证-1");
			else
				member_event_add(w->db, m, EVENT_FLOW_OUT, day, -1, NULL);
			break;
		case 9:
			/* Out, and in again later: not here before arriving. */
			member_event_add(w->db, m, EVENT_TRANSFER_OUT, day, -1, "介绍信-1");
			member_event_add(w->db, m, EVENT_TRANSFER_IN, day + (long)rnd(90), -1, "介绍信-2");
			break;
		case 1:
			member_event_add(w->db, m, EVENT_LOST, day, -1, NULL);
			break;
		case 2:
			member_event_add(w->db, m, EVENT_BACK, day, -1, NULL);
			break;
		case 3: {
			struct member_changes c = { .cadre = -1, .set_group = 1 };
			c.group_id = rnd(3) ? w->group[b][rnd(NG)] : 0;
			member_edit(w->db, m, &c);
			break;
		}
		case 4:
			member_confirm(w->db, m, day);
			break;
		case 5:
			role_set(w->db, m, ROLE_COMMITTEE_MEMBER, day, rnd(2) ? -1 : day + (long)rnd(200));
			break;
		case 6:
			if (w->nsessions) {
				long long sid = w->sessions[rnd((unsigned)w->nsessions)];
				struct session s;
				if (session_get(w->db, sid, &s) == OL_OK) {
					if (s.state == SESSION_PLANNED && rnd(2))
						session_move(w->db, sid, s.day + (long)rnd(40) - 20, -1);
					else if (s.state == SESSION_PLANNED)
						session_cancel(w->db, sid);
					else /* a roll-call begun, or completed, after the session was held */
						take_roll(w, branch_index(w, s.org_id), sid, s.day, 0, today);
					session_clear(&s);
				}
			}
			break;
		case 7: {
			long long eid;
			if (w->nsessions) {
				long long sid = w->sessions[rnd((unsigned)w->nsessions)];
				struct session s;
				if (session_get(w->db, sid, &s) == OL_OK) {
					election_add(w->db, s.org_id, s.day, 0, s.state == SESSION_HELD ? sid : 0, &eid);
					session_clear(&s);
				}
			}
			break;
		}
		default: {
			int y, mo, d;
			date_to_ymd(day, &y, &mo, &d);
			dues_pay(w->db, m, y, mo, -1, day);
			break;
		}
		}
	}
}

static void destroy(struct world *w)
{
	free(w->sessions);
	db_close(w->db);
	date_clock_unpin();
}

/* ---- comparing the two ways ------------------------------------------------------- */

static int collect(const struct finding *fd, void *ctx)
{
	struct strbuf *b = ctx;
	char p[12] = "-";

	if (fd->has_period)
		period_format(&fd->period, p);
	strbuf_addf(b, "%s|%lld|%lld|%s|%lld|%s|%d|%s\n", rules_id(fd->rule), fd->org_id, fd->member_id, p,
		    fd->session_id, severity_code(fd->severity), fd->planned, fd->message);
	return 0;
}

/* The findings of q, from the summaries (summarized: 1, or 2 with only
 * the members who may have findings) or the sessions. */
static char *findings(struct db *db, const struct rules_query *q, int summarized, int *used)
{
	struct rules_config cfg;
	struct facts_window w;
	struct facts f;
	struct strbuf b = { 0 };

	rules_defaults(&cfg);
	rules_facts_window(q, &w);
	if (summarized == 2)
		rules_facts_narrow(&cfg, q, &w);
	assert_int_equal(summarized ? facts_load(db, &w, &f) : facts_load_raw(db, &w, &f), OL_OK);
	*used = f.summarized;
	rules_evaluate(&cfg, &f, q, collect, &b);
	facts_free(&f);
	strbuf_adds(&b, "");
	return strbuf_detach(&b);
}

static void same_findings(struct db *db, const struct rules_query *q)
{
	int used_sum, used_narrow, used_raw;
	char *a = findings(db, q, 1, &used_sum), *n = findings(db, q, 2, &used_narrow), *b = findings(db, q, 0, &used_raw);
	char day[11];

	date_format(q->as_of, day);
	if (strcmp(a, b) != 0 || strcmp(n, b) != 0) {
		print_error("as of %s (%s): from summaries\n%s\nfrom summaries, some members\n%s\nfrom sessions\n%s\n",
			    day, q->mode == RULES_CHECK ? "check" : "review", a, n, b);
		fail();
	}
	assert_false(used_raw);
	free(a);
	free(n);
	free(b);
}

/* The overview's way: one narrow load serving a check and a review as of
 * the same day (rules_facts_union) gives each its own findings. */
static void same_findings_shared(struct db *db, const struct rules_query *check, const struct rules_query *review)
{
	struct rules_config cfg;
	struct facts_window w, w2;
	struct facts f;
	struct strbuf c = { 0 }, r = { 0 };
	int used;
	char *want_c, *want_r;

	rules_defaults(&cfg);
	rules_facts_window(check, &w);
	rules_facts_narrow(&cfg, check, &w);
	rules_facts_window(review, &w2);
	rules_facts_narrow(&cfg, review, &w2);
	rules_facts_union(&w, &w2);
	assert_true(w.narrow);
	assert_int_equal(facts_load(db, &w, &f), OL_OK);
	rules_evaluate(&cfg, &f, check, collect, &c);
	rules_evaluate(&cfg, &f, review, collect, &r);
	facts_free(&f);
	want_c = findings(db, check, 0, &used);
	want_r = findings(db, review, 0, &used);
	strbuf_adds(&c, "");
	strbuf_adds(&r, "");
	assert_string_equal(c.s, want_c);
	assert_string_equal(r.s, want_r);
	strbuf_free(&c);
	strbuf_free(&r);
	free(want_c);
	free(want_r);
}

/* A check on as_of, and a review of its quarter, both ways; and the check
 * from one load with that review, and with the review of the quarter
 * before the check's two. */
static void both_ways(struct db *db, long as_of)
{
	struct rules_query q = { .mode = RULES_CHECK, .as_of = as_of }, r = q, before;

	same_findings(db, &q);
	r.mode = RULES_REVIEW;
	period_of(PERIOD_QUARTER, as_of, &r.quarter);
	same_findings(db, &r);
	before = r;
	period_of(PERIOD_QUARTER, r.quarter.first - 1, &before.quarter);
	period_of(PERIOD_QUARTER, before.quarter.first - 1, &before.quarter);
	same_findings_shared(db, &q, &r);
	same_findings_shared(db, &q, &before);
}

/* Every summary row, as text. */
static char *dump(struct db *db)
{
	struct strbuf b = { 0 };
	sqlite3_stmt *st = db_stmt(db, "SELECT 'o', org_id, hex(roster), hex(months) FROM summary_org"
				       " UNION ALL SELECT 'm', member_id,"
				       " coalesce(last_paid, '-') || '/' || coalesce(last_part, '-') || '/' || coalesce(away_from, '-')"
				       " || '/' || coalesce(last_missed, '-'),"
				       " hex(life)"
				       " FROM summary_member ORDER BY 1, 2");

	assert_non_null(st);
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(&b, "%s %lld %s %s\n", (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
			    sqlite3_column_type(st, 2) == SQLITE_NULL ? "-" : (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	strbuf_adds(&b, "");
	return strbuf_detach(&b);
}

/* The summaries kept write by write equal a full recomputation. */
static void current_equals_rebuilt(struct db *db)
{
	char *kept = dump(db), *rebuilt;

	assert_int_equal(db_summary_rebuild(db), OL_OK);
	rebuilt = dump(db);
	assert_string_equal(kept, rebuilt);
	assert_true(strlen(kept) > 0);
	free(kept);
	free(rebuilt);
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_summaries_give_the_engines_findings(void **state)
{
	(void)state;
	for (unsigned long long seed = 1; seed <= 4; seed++) {
		struct world w;
		long today = D("2026-07-15");
		build(&w, seed);
		fill(&w, today);
		stir(&w, today);
		current_equals_rebuilt(w.db);
		/* Every 11th day from the summaries' start to the year's end,
		 * and the edges of months and quarters. */
		for (long d = D("2026-01-01"); d <= D("2026-12-31"); d += 11)
			both_ways(w.db, d);
		both_ways(w.db, D("2026-06-30"));
		both_ways(w.db, D("2026-07-01"));
		both_ways(w.db, D("2026-07-15"));
		both_ways(w.db, D("2026-03-31"));
		destroy(&w);
	}
}

/* A session recorded held after the day asked about was still planned
 * then: such months are read from the sessions themselves. */
static void test_held_after_the_as_of_day(void **state)
{
	struct world w;
	long today = D("2026-07-15");

	(void)state;
	build(&w, 99);
	fill(&w, today);
	/* Later, sessions up to the 20th are held and marked. */
	date_clock_pin(D("2026-07-20"), -1);
	for (int i = 0; i < w.nsessions; i++) {
		struct session s;
		if (session_get(w.db, w.sessions[i], &s) != OL_OK)
			continue;
		if (s.state == SESSION_PLANNED && s.day > today && s.day <= D("2026-07-20"))
			take_roll(&w, 0, s.id, s.day, 1, D("2026-07-20"));
		session_clear(&s);
	}
	current_equals_rebuilt(w.db);
	for (long d = D("2026-07-01"); d <= D("2026-07-31"); d++)
		both_ways(w.db, d);
	destroy(&w);
}

/* Before the summaries begin, the sessions are read: same findings. */
static void test_before_the_summaries(void **state)
{
	struct world w;
	struct rules_query q = { .mode = RULES_REVIEW };
	int used;
	char *s;

	(void)state;
	build(&w, 7);
	fill(&w, D("2026-07-15"));
	q.as_of = D("2025-03-31");
	period_of(PERIOD_QUARTER, q.as_of, &q.quarter);
	s = findings(w.db, &q, 1, &used);
	assert_false(used);
	free(s);
	q.as_of = D("2026-06-30");
	period_of(PERIOD_QUARTER, q.as_of, &q.quarter);
	s = findings(w.db, &q, 1, &used);
	assert_true(used);
	free(s);
	destroy(&w);
}

/* ---- blobs -------------------------------------------------------------------------------- */

static void test_months_round_trip(void **state)
{
	struct sum_set a = { 0 }, b = { 0 };
	struct sum_month *m;
	unsigned char *blob, *again;
	size_t len, len2;

	(void)state;
	for (int i = 0; i < 3; i++) {
		if (a.n == a.cap) {
			a.cap = 8;
			a.m = calloc(8, sizeof *a.m);
			a.q = calloc(8, sizeof *a.q);
			a.capq = 8;
		}
		m = &a.m[a.n++];
		m->org_id = 42;
		m->month = 2026 * 12 + i * 2;
		m->last_held = i == 1 ? -1 : D(i ? "2026-05-31" : "2026-01-07");
		m->held[SK_ASSEMBLY] = i;
		m->planned[SK_LESSON] = 300 + i;
		m->sec_held = i;
		m->first_q = a.nq;
		m->nq = i == 2 ? 2 : 0;
		for (int j = 0; j < m->nq; j++) {
			struct sum_quorum *q = &a.q[a.nq++];
			q->session_id = 123456789012LL + j;
			q->day = D("2026-05-30") + j;
			q->kind = SK_COMMITTEE;
			q->also = j ? SK_LESSON : SK_NONE;
			q->election = j;
			q->voters[0] = 5, q->voters[1] = 9, q->voters[2] = 9;
			q->all[0] = 6, q->all[1] = 11, q->all[2] = 10;
		}
	}
	blob = summary_months_encode(&a, 0, a.n, &len);
	assert_non_null(blob);
	assert_int_equal(summary_months_decode(blob, len, 42, 0, 0, 1 << 30, &b, NULL), 0);
	assert_int_equal(b.n, 3);
	assert_int_equal(b.nq, 2);
	again = summary_months_encode(&b, 0, b.n, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(blob, again, len);
	assert_int_equal(b.m[2].last_held, D("2026-05-31"));
	assert_int_equal(b.q[1].also, SK_LESSON);
	assert_int_equal(b.q[0].also, SK_NONE);
	/* Decoding from a month on keeps only the later months, and the part
	 * of the blob it read decodes alone to the same. */
	sum_set_free(&b);
	{
		struct sum_set part = { 0 };
		size_t used = 0, all = 0;
		assert_int_equal(summary_months_decode(blob, len, 42, 2026 * 12 + 1, 0, 1 << 30, &b, &used), 0);
		assert_true(used > 0 && used < len);
		assert_int_equal(summary_months_decode(blob, used, 42, 2026 * 12 + 1, 0, 1 << 30, &part, NULL), 0);
		assert_int_equal(part.n, b.n);
		assert_int_equal(part.nq, b.nq);
		for (int i = 0; i < b.n; i++) {
			assert_int_equal(part.m[i].month, b.m[i].month);
			assert_int_equal(part.m[i].last_held, b.m[i].last_held);
			assert_int_equal(part.m[i].nq, b.m[i].nq);
			assert_memory_equal(part.m[i].held, b.m[i].held, sizeof b.m[i].held);
			assert_memory_equal(part.m[i].planned, b.m[i].planned, sizeof b.m[i].planned);
		}
		sum_set_free(&part);
		assert_int_equal(summary_months_decode(blob, len, 42, 0, 0, 1 << 30, &part, &all), 0);
		assert_int_equal(all, len);
		sum_set_free(&part);
	}
	assert_int_equal(b.n, 2);
	assert_int_equal(b.m[0].month, 2026 * 12 + 2);
	assert_int_equal(b.nq, 2);
	assert_int_equal(b.m[1].first_q, 0);
	/* Every cut is refused and adds nothing. */
	for (size_t cut = 1; cut < len; cut++) {
		struct sum_set c = { 0 };
		int rc = summary_months_decode(blob, cut, 42, 0, 0, 1 << 30, &c, NULL);
		if (rc == 0) {
			/* A cut at a month's end decodes the months before it. */
			assert_true(c.n < 3);
		} else
			assert_int_equal(c.n, 0);
		sum_set_free(&c);
	}
	free(blob);
	free(again);
	sum_set_free(&a);
	sum_set_free(&b);
}

static void test_months_refuse_nonsense(void **state)
{
	struct sum_set s = { 0 };
	/* month 10, day 32 */
	const unsigned char bad_day[] = { 10, 32, 0, 0, 0, 0 };
	/* two records for the same month */
	const unsigned char repeat[] = { 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	/* February 30th */
	const unsigned char feb30[] = { 0x8d, 0xbd, 0x01, 30, 0, 0, 0, 0 };

	(void)state;
	assert_int_equal(summary_months_decode(bad_day, sizeof bad_day, 1, 0, 0, 1 << 30, &s, NULL), -1);
	assert_int_equal(summary_months_decode(repeat, sizeof repeat, 1, 0, 0, 1 << 30, &s, NULL), -1);
	assert_int_equal(summary_months_decode(feb30, sizeof feb30, 1, 0, 0, 1 << 30, &s, NULL), -1);
	assert_int_equal(s.n, 0);
	sum_set_free(&s);
}

/* More sessions of a kind in a month than a count holds: that many. */
static void test_months_count_saturates(void **state)
{
	/* month 10: no day, assemblies (mask 1): 70,000 held and 65,535
	 * planned; 3 secretary's lessons held, none planned; no quorum */
	const unsigned char many[] = { 10, 0, 1, 0xf0, 0xa2, 0x04, 0xff, 0xff, 0x03, 3, 0, 0 };
	struct sum_set s = { 0 };

	(void)state;
	assert_int_equal(summary_months_decode(many, sizeof many, 1, 0, 0, 1 << 30, &s, NULL), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.m[0].held[SK_ASSEMBLY], SUM_COUNT_MAX);
	assert_int_equal(s.m[0].planned[SK_ASSEMBLY], SUM_COUNT_MAX);
	assert_int_equal(s.m[0].sec_held, 3);
	sum_set_free(&s);
}

static void test_life_round_trip(void **state)
{
	const unsigned char months[] = { 0, 0, 5, 2, 0, 9, 0, 0 };
	const unsigned char *bytes;
	unsigned char *blob;
	size_t len;
	int first, n;

	(void)state;
	blob = summary_life_encode(24300, months, (int)sizeof months, &len);
	assert_non_null(blob);
	assert_int_equal(summary_life_decode(blob, len, &first, &bytes, &n), 0);
	/* Empty months at both ends are left out. */
	assert_int_equal(first, 24302);
	assert_int_equal(n, 4);
	assert_memory_equal(bytes, months + 2, 4);
	free(blob);
	assert_null(summary_life_encode(24300, months, 2, &len));
	assert_int_equal(len, 0);
	assert_int_equal(summary_life_decode("\x80", 1, &first, &bytes, &n), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summaries_give_the_engines_findings),
		cmocka_unit_test(test_held_after_the_as_of_day),
		cmocka_unit_test(test_before_the_summaries),
		cmocka_unit_test(test_months_round_trip),
		cmocka_unit_test(test_months_refuse_nonsense),
		cmocka_unit_test(test_months_count_saturates),
		cmocka_unit_test(test_life_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
