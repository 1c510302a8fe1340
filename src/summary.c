/*
 * summary.c - summing a month of sessions and attendance (summary.h): the
 * computations, pure over facts, and the blobs they are kept in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/pack.h>
#include <orglife/summary.h>
#include <orglife/text.h>
#include "facts-internal.h"

void sum_set_free(struct sum_set *s)
{
	free(s->m);
	free(s->q);
	memset(s, 0, sizeof *s);
}

static struct sum_month *push_month(struct sum_set *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->m = xrealloc(s->m, (size_t)s->cap * sizeof *s->m);
	}
	memset(&s->m[s->n], 0, sizeof s->m[s->n]);
	return &s->m[s->n++];
}

static struct sum_quorum *push_quorum(struct sum_set *s)
{
	if (s->nq == s->capq) {
		s->capq = s->capq ? s->capq * 2 : 64;
		s->q = xrealloc(s->q, (size_t)s->capq * sizeof *s->q);
	}
	memset(&s->q[s->nq], 0, sizeof s->q[s->nq]);
	return &s->q[s->nq++];
}

void sum_set_copy_month(struct sum_set *dst, const struct sum_set *src, int i)
{
	struct sum_month m = src->m[i];

	m.first_q = dst->nq;
	for (int j = 0; j < src->m[i].nq; j++)
		*push_quorum(dst) = src->q[src->m[i].first_q + j];
	*push_month(dst) = m;
}

/* A member of org: of its group for a group, else of the organization. */
static int member_of(const struct fact_org *o, const struct fact_member *m)
{
	if (o && o->kind == ORG_GROUP)
		return m->group_id == o->id;
	return m->org_id == (o ? o->id : 0);
}

/* The quorum numbers of held session s, as the engine counts them. */
static void quorum_of(const struct facts *f, const struct fact_session *s, struct sum_quorum *q)
{
	const struct fact_org *o = facts_org(f, s->org_id);

	q->session_id = s->id;
	q->day = s->day;
	q->kind = s->kind;
	q->also = s->also;
	q->election = facts_is_election(f, s);
	for (int i = 0; i < f->nmembers; i++) {
		const struct fact_member *m = &f->members[i];
		enum attend_status a;
		int *c[2] = { q->voters, q->all };
		if (!o || !member_of(o, m) || !facts_expected_at(f, s, m))
			continue;
		a = facts_mark_of(f, s, m->id);
		for (int k = facts_is_full(m, s->day) ? 0 : 1; k < 2; k++) {
			c[k][1]++;
			c[k][2] += a != ATTEND_NONE;
			c[k][0] += a == ATTEND_PRESENT || a == ATTEND_LATE;
		}
	}
}

int summary_org_month(const struct facts *f, long long org_id, int month, struct sum_set *s)
{
	struct sum_month sm;
	int lo, hi, i, k, any = 0;

	memset(&sm, 0, sizeof sm);
	sm.org_id = org_id;
	sm.month = month;
	sm.last_held = -1;
	sm.first_q = s->nq;
	RANGE(f->sessions, f->nsessions, org_id, org_id, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_session *x = &f->sessions[i];
		int held = x->state == SESSION_HELD;
		if (x->state == SESSION_CANCELLED || facts_month(x->day) != month)
			continue;
		any = 1;
		for (k = 0; k < SK_COUNT; k++)
			if (facts_is_kind(x, (enum session_kind)k))
				(held ? sm.held : sm.planned)[k]++;
		if (facts_is_kind(x, SK_LESSON)) {
			long long sec;
			facts_committee_on(f, org_id, x->day, &sec);
			if (sec && x->lecturer_id == sec)
				*(held ? &sm.sec_held : &sm.sec_planned) += 1;
		}
		if (!held)
			continue;
		if (x->day > sm.last_held)
			sm.last_held = x->day;
		if (facts_is_election(f, x) || facts_is_kind(x, SK_ASSEMBLY) || x->kind == SK_COMMITTEE) {
			quorum_of(f, x, push_quorum(s));
			sm.nq++;
		}
	}
	if (!any)
		return 0;
	*push_month(s) = sm;
	return 1;
}

unsigned char summary_life_month(const struct facts *f, const struct fact_member *m, int month)
{
	long long orgs[2] = { m->org_id, m->group_id };
	int expected = 0, excused = 0, took = 0, attended = 0, state;

	for (int k = 0; k < 2; k++) {
		int lo, hi;
		if (!orgs[k])
			continue;
		RANGE(f->sessions, f->nsessions, org_id, orgs[k], &lo, &hi);
		for (int i = lo; i < hi; i++) {
			const struct fact_session *s = &f->sessions[i];
			enum attend_status a;
			if (s->state != SESSION_HELD || facts_month(s->day) != month)
				continue;
			a = facts_mark_of(f, s, m->id);
			attended += a == ATTEND_PRESENT || a == ATTEND_LATE;
			/* A session without a roll-call tells nothing about anyone. */
			if (!s->nmarks || !facts_expected_at(f, s, m))
				continue;
			expected++;
			took |= a == ATTEND_PRESENT || a == ATTEND_LATE;
			excused += a == ATTEND_EXCUSED;
		}
	}
	if (took)
		state = LIFE_TOOK_PART;
	else if (!expected)
		state = LIFE_NOTHING;
	else
		state = excused == expected ? LIFE_TOOK_PART : LIFE_MISSED;
	if (attended > LIFE_MAX_ATTENDED)
		attended = LIFE_MAX_ATTENDED;
	return (unsigned char)(state | attended << 2);
}

/* ---- blobs ------------------------------------------------------------------------ */

unsigned char *summary_months_encode(const struct sum_set *s, int from, int to, size_t *len)
{
	/* Each number takes at most 10 bytes. */
	size_t cap = 0;
	unsigned char *buf, *p;
	int prev = 0;

	for (int i = from; i < to; i++)
		cap += 10 * (6 + 2 * SK_COUNT + 12 * (size_t)s->m[i].nq);
	if (cap == 0) {
		*len = 0;
		return NULL;
	}
	p = buf = xmalloc(cap);
	for (int i = from; i < to; i++) {
		const struct sum_month *m = &s->m[i];
		unsigned mask = 0;
		int dom = 0, y, mo;
		for (int k = 0; k < SK_COUNT; k++)
			if (m->held[k] || m->planned[k])
				mask |= 1u << k;
		if (m->last_held >= 0)
			date_to_ymd(m->last_held, &y, &mo, &dom);
		p = pack_put_varint(p, (unsigned long long)(m->month - prev));
		prev = m->month;
		p = pack_put_varint(p, (unsigned long long)dom);
		p = pack_put_varint(p, mask);
		for (int k = 0; k < SK_COUNT; k++) {
			if (!(mask & 1u << k))
				continue;
			p = pack_put_varint(p, (unsigned long long)m->held[k]);
			p = pack_put_varint(p, (unsigned long long)m->planned[k]);
		}
		p = pack_put_varint(p, (unsigned long long)m->sec_held);
		p = pack_put_varint(p, (unsigned long long)m->sec_planned);
		p = pack_put_varint(p, (unsigned long long)m->nq);
		for (int j = 0; j < m->nq; j++) {
			const struct sum_quorum *q = &s->q[m->first_q + j];
			date_to_ymd(q->day, &y, &mo, &dom);
			p = pack_put_varint(p, (unsigned long long)q->session_id);
			p = pack_put_varint(p, (unsigned long long)dom);
			p = pack_put_varint(p, (unsigned long long)q->kind);
			p = pack_put_varint(p, (unsigned long long)(q->also + 1));
			p = pack_put_varint(p, (unsigned long long)q->election);
			for (int c = 0; c < 3; c++)
				p = pack_put_varint(p, (unsigned long long)q->voters[c]);
			for (int c = 0; c < 3; c++)
				p = pack_put_varint(p, (unsigned long long)q->all[c]);
		}
	}
	*len = (size_t)(p - buf);
	return buf;
}

/* Reads a varint no larger than max into *v. */
static int get_small(const unsigned char **p, const unsigned char *end, unsigned long long max, int *v)
{
	unsigned long long u;

	if (pack_get_varint(p, end, &u) != 0 || u > max)
		return -1;
	*v = (int)u;
	return 0;
}

/* The day number of day dom of a month index; -1 when no such day. */
static long day_in(int month, int dom)
{
	long day;

	if (date_from_ymd(month / 12, month % 12 + 1, dom, &day) != 0)
		return -1;
	return day;
}

#define COUNT_MAX 100000

/* Does a month outside the full range hold anything a yearly rule counts? */
static int yearly(const struct sum_month *m)
{
	return m->held[SK_LESSON] || m->planned[SK_LESSON] || m->held[SK_ORG_LIFE] || m->planned[SK_ORG_LIFE] ||
	       m->held[SK_APPRAISAL] || m->planned[SK_APPRAISAL];
}

int summary_months_decode(const void *blob, size_t len, long long org_id, int from, int full_from, int full_to,
			  struct sum_set *s)
{
	const unsigned char *p = blob, *end = p + len;
	int n0 = s->n, nq0 = s->nq, month = 0, records = 0;

	while (p < end) {
		struct sum_month m;
		int delta, dom, mask, keep, full;
		memset(&m, 0, sizeof m);
		/* Months strictly increase. */
		if (get_small(&p, end, 12 * 10000, &delta) != 0 || (delta == 0 && records > 0) ||
		    month + delta > 12 * 10000)
			goto bad;
		records++;
		month += delta;
		m.org_id = org_id;
		m.month = month;
		if (get_small(&p, end, 31, &dom) != 0 || get_small(&p, end, (1u << SK_COUNT) - 1, &mask) != 0)
			goto bad;
		if (dom > date_days_in_month(month / 12, month % 12 + 1))
			goto bad;
		for (int k = 0; k < SK_COUNT; k++) {
			if (!(mask & 1 << k))
				continue;
			if (get_small(&p, end, COUNT_MAX, &m.held[k]) != 0 ||
			    get_small(&p, end, COUNT_MAX, &m.planned[k]) != 0)
				goto bad;
		}
		if (get_small(&p, end, COUNT_MAX, &m.sec_held) != 0 || get_small(&p, end, COUNT_MAX, &m.sec_planned) != 0 ||
		    get_small(&p, end, COUNT_MAX, &m.nq) != 0)
			goto bad;
		full = month >= full_from && month <= full_to;
		keep = month >= from && (full || yearly(&m));
		m.last_held = dom && keep ? day_in(month, dom) : -1;
		m.first_q = s->nq;
		for (int j = 0; j < m.nq; j++) {
			struct sum_quorum q;
			unsigned long long id;
			int also;
			memset(&q, 0, sizeof q);
			if (pack_get_varint(&p, end, &id) != 0 || id > (unsigned long long)1 << 62 ||
			    get_small(&p, end, 31, &dom) != 0 || get_small(&p, end, SK_COUNT - 1, &q.kind) != 0 ||
			    get_small(&p, end, SK_COUNT, &also) != 0 || get_small(&p, end, 1, &q.election) != 0)
				goto bad;
			q.session_id = (long long)id;
			q.also = also - 1;
			if (dom < 1 || dom > date_days_in_month(month / 12, month % 12 + 1))
				goto bad;
			if (keep && full)
				q.day = day_in(month, dom);
			for (int c = 0; c < 3; c++)
				if (get_small(&p, end, COUNT_MAX, &q.voters[c]) != 0)
					goto bad;
			for (int c = 0; c < 3; c++)
				if (get_small(&p, end, COUNT_MAX, &q.all[c]) != 0)
					goto bad;
			if (keep && full)
				*push_quorum(s) = q;
		}
		if (keep && !full)
			m.nq = 0;
		if (keep)
			*push_month(s) = m;
	}
	return 0;
bad:
	s->n = n0;
	s->nq = nq0;
	return -1;
}

unsigned char *summary_life_encode(int first, const unsigned char *bytes, int n, size_t *len)
{
	unsigned char *buf, *p;

	/* Months with nothing are left out at both ends. */
	while (n > 0 && bytes[0] == 0) {
		bytes++;
		first++;
		n--;
	}
	while (n > 0 && bytes[n - 1] == 0)
		n--;
	if (n == 0) {
		*len = 0;
		return NULL;
	}
	p = buf = xmalloc(10 + (size_t)n);
	p = pack_put_varint(p, (unsigned long long)first);
	memcpy(p, bytes, (size_t)n);
	*len = (size_t)(p - buf) + (size_t)n;
	return buf;
}

int summary_life_decode(const void *blob, size_t len, int *first, const unsigned char **bytes, int *n)
{
	const unsigned char *p = blob, *end = p + len;
	int f;

	if (get_small(&p, end, 12 * 10000, &f) != 0 || p == end || end - p > 12 * 10000)
		return -1;
	*first = f;
	*bytes = p;
	*n = (int)(end - p);
	return 0;
}
