/*
 * summary.c - summing a month of sessions and attendance (summary.h): the
 * computations, pure over facts, and the blobs they are kept in.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/pack.h>
#include <orglife/summary.h>
#include <orglife/text.h>
#include "facts-internal.h"

/* The largest count a blob may hold. */
#define COUNT_MAX 100000

/* Reads a varint no larger than max into *v. */
static inline int get_small(const unsigned char **p, const unsigned char *end, unsigned long long max, int *v)
{
	unsigned long long u;

	/* Most numbers here fit one byte. */
	if (*p < end && **p < 0x80)
		u = *(*p)++;
	else if (pack_get_varint(p, end, &u) != 0)
		return -1;
	if (u > max)
		return -1;
	*v = (int)u;
	return 0;
}

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
	return &s->m[s->n++]; /* each caller sets the whole month */
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
	for (int i = 0; o && i < f->nmembers; i++)
		if (member_of(o, &f->members[i]))
			facts_quorum_add(f, s, &f->members[i], q->voters, q->all);
}

/* One more session in a count. */
static void count_one(sum_count *c)
{
	if (*c < SUM_COUNT_MAX)
		++*c;
}

/* A count as decoded, kept as a sum_count. */
static int get_count(const unsigned char **p, const unsigned char *end, sum_count *c)
{
	int v;

	if (get_small(p, end, COUNT_MAX, &v) != 0)
		return -1;
	*c = (sum_count)(v < SUM_COUNT_MAX ? v : SUM_COUNT_MAX);
	return 0;
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
		if (x->state == SESSION_CANCELLED || date_month_index(x->day) != month)
			continue;
		any = 1;
		for (k = 0; k < SK_COUNT; k++)
			if (facts_is_kind(x, (enum session_kind)k))
				count_one(&(held ? sm.held : sm.planned)[k]);
		if (facts_is_kind(x, SK_LESSON)) {
			long long sec;
			facts_committee_on(f, org_id, x->day, &sec);
			if (sec && x->lecturer_id == sec)
				count_one(held ? &sm.sec_held : &sm.sec_planned);
		}
		if (!held)
			continue;
		if (x->day > sm.last_held)
			sm.last_held = (int)x->day;
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
	int attended, life = facts_life_month(f, m, month, LONG_MAX, &attended);
	int state = life > 0 ? LIFE_TOOK_PART : life < 0 ? LIFE_MISSED : LIFE_NOTHING;

	if (attended > LIFE_MAX_ATTENDED)
		attended = LIFE_MAX_ATTENDED;
	return (unsigned char)(state | attended << 2);
}

/* ---- rosters --------------------------------------------------------------------- */



void roster_free(struct roster *r)
{
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

static void push_step(struct roster *r, long day, int here, int full)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, (size_t)r->cap * sizeof *r->v);
	}
	r->v[r->n].day = day;
	r->v[r->n].here = here;
	r->v[r->n++].full = full;
}

static int cmp_day(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int cmp_step(const void *a, const void *b)
{
	const struct roster_step *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/* Whether m counts on day: here, and here with a vote (as the engine's
 * structure rules count). */
static void counts_on(const struct facts *f, const struct fact_member *m, long day, int *here, int *full)
{
	*here = facts_where_on(f, m, day) == MEMBER_HERE;
	*full = *here && facts_is_full(m, day);
}

void summary_roster(const struct facts *f, long long org_id, struct roster *r)
{
	const struct fact_org *o = facts_org(f, org_id);
	long *days = NULL;
	int cap = 0, n0;

	r->org_id = org_id;
	r->here = r->full = 0;
	r->n = 0;
	for (int i = 0; o && i < f->nmembers; i++) {
		const struct fact_member *m = &f->members[i];
		int nd = 0, h, fu, ph, pf;
		if (!member_of(o, m))
			continue;
		/* What a member is changes only on these days. */
		if (cap < m->nevents + 2) {
			cap = m->nevents + 2;
			days = xrealloc(days, (size_t)cap * sizeof *days);
		}
		if (m->joined >= 0)
			days[nd++] = m->joined;
		if (m->confirmed >= 0)
			days[nd++] = m->confirmed;
		for (int k = 0; k < m->nevents; k++)
			days[nd++] = f->events[m->first_event + k].day;
		if (nd > 1)
			qsort(days, (size_t)nd, sizeof *days, cmp_day);
		/* Day numbers start at 0: the day before is before everything. */
		counts_on(f, m, -1, &ph, &pf);
		r->here += ph;
		r->full += pf;
		for (int k = 0; k < nd; k++) {
			if (k > 0 && days[k] == days[k - 1])
				continue;
			counts_on(f, m, days[k], &h, &fu);
			if (h != ph || fu != pf)
				push_step(r, days[k], h - ph, fu - pf);
			ph = h;
			pf = fu;
		}
	}
	free(days);
	/* One step per day, none that changes nothing. */
	if (r->n > 1)
		qsort(r->v, (size_t)r->n, sizeof *r->v, cmp_step);
	n0 = 0;
	for (int i = 0; i < r->n; i++) {
		if (n0 > 0 && r->v[n0 - 1].day == r->v[i].day) {
			r->v[n0 - 1].here += r->v[i].here;
			r->v[n0 - 1].full += r->v[i].full;
		} else
			r->v[n0++] = r->v[i];
		if (r->v[n0 - 1].here == 0 && r->v[n0 - 1].full == 0)
			n0--;
	}
	r->n = n0;
}

void roster_at(int here, int full, const struct roster_step *steps, int n, long day, int *here_out, int *full_out)
{
	for (int i = 0; i < n && steps[i].day <= day; i++) {
		here += steps[i].here;
		full += steps[i].full;
	}
	*here_out = here;
	*full_out = full;
}

/* A change of a roster's count, from its zigzag varint. */
static int get_change(const unsigned char **p, const unsigned char *end, int *v)
{
	unsigned long long u;
	long long x;

	if (pack_get_varint(p, end, &u) != 0)
		return -1;
	x = pack_unzigzag(u);
	if (x < -COUNT_MAX || x > COUNT_MAX)
		return -1;
	*v = (int)x;
	return 0;
}

unsigned char *summary_roster_encode(const struct roster *r, size_t *len)
{
	unsigned char *buf, *p;
	long prev = 0;

	if (r->here == 0 && r->full == 0 && r->n == 0) {
		*len = 0;
		return NULL;
	}
	p = buf = xmalloc(30 + 30 * (size_t)r->n);
	p = pack_put_varint(p, (unsigned long long)r->here);
	p = pack_put_varint(p, (unsigned long long)r->full);
	p = pack_put_varint(p, (unsigned long long)r->n);
	for (int i = 0; i < r->n; i++) {
		p = pack_put_varint(p, (unsigned long long)(r->v[i].day - prev));
		prev = r->v[i].day;
		p = pack_put_varint(p, pack_zigzag(r->v[i].here));
		p = pack_put_varint(p, pack_zigzag(r->v[i].full));
	}
	*len = (size_t)(p - buf);
	return buf;
}

int summary_roster_decode(const void *blob, size_t len, struct roster *r)
{
	const unsigned char *p = blob, *end = p + len;
	int n, n0 = r->n;
	long day = 0;

	if (get_small(&p, end, COUNT_MAX, &r->here) != 0 || get_small(&p, end, COUNT_MAX, &r->full) != 0 ||
	    get_small(&p, end, COUNT_MAX, &n) != 0)
		goto bad;
	for (int i = 0; i < n; i++) {
		int delta, here, full;
		if (get_small(&p, end, DATE_DAY_MAX, &delta) != 0 || (i > 0 && delta == 0) || day + delta > DATE_DAY_MAX)
			goto bad;
		day += delta;
		if (get_change(&p, end, &here) != 0 || get_change(&p, end, &full) != 0)
			goto bad;
		push_step(r, day, here, full);
	}
	if (p != end)
		goto bad;
	return 0;
bad:
	r->n = n0;
	return -1;
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
	/* Newest first: a query reads only back to the months it needs. */
	for (int i = to - 1; i >= from; i--) {
		const struct sum_month *m = &s->m[i];
		unsigned mask = 0;
		int dom = 0, y, mo;
		for (int k = 0; k < SK_COUNT; k++)
			if (m->held[k] || m->planned[k])
				mask |= 1u << k;
		if (m->last_held >= 0)
			date_to_ymd(m->last_held, &y, &mo, &dom);
		p = pack_put_varint(p, (unsigned long long)(i == to - 1 ? m->month : prev - m->month));
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


/* The day number of day dom of a month index; -1 when no such day. */
static long day_in(int month, int dom)
{
	long first = date_month_index_first(month);

	if (first < 0 || dom < 1 || dom > date_days_in_month(month / 12, month % 12 + 1))
		return -1;
	return first + dom - 1;
}


/* Does a month outside the full range hold anything a yearly rule counts? */
static int yearly(const struct sum_month *m)
{
	return m->held[SK_LESSON] || m->planned[SK_LESSON] || m->held[SK_ORG_LIFE] || m->planned[SK_ORG_LIFE] ||
	       m->held[SK_APPRAISAL] || m->planned[SK_APPRAISAL];
}

int summary_months_decode(const void *blob, size_t len, long long org_id, int from, int full_from, int full_to,
			  struct sum_set *s, size_t *used)
{
	const unsigned char *p = blob, *end = p + len, *record = p;
	int n0 = s->n, nq0 = s->nq, month = 0, records = 0;

	while (p < end) {
		struct sum_month m;
		int delta, dom, mask, keep, full;
		memset(&m, 0, sizeof m);
		/* The newest month, then each one before the last. */
		record = p;
		if (get_small(&p, end, 12 * 10000, &delta) != 0 || (records > 0 && (delta == 0 || delta > month)))
			goto bad;
		month = records++ ? month - delta : delta;
		/* The rest is older than anything wanted. */
		if (month < from) {
			p = record;
			break;
		}
		m.org_id = org_id;
		m.month = month;
		if (get_small(&p, end, 31, &dom) != 0 || get_small(&p, end, (1u << SK_COUNT) - 1, &mask) != 0)
			goto bad;
		if (dom > date_days_in_month(month / 12, month % 12 + 1))
			goto bad;
		for (int k = 0; k < SK_COUNT; k++) {
			if (!(mask & 1 << k))
				continue;
			if (get_count(&p, end, &m.held[k]) != 0 || get_count(&p, end, &m.planned[k]) != 0)
				goto bad;
		}
		if (get_count(&p, end, &m.sec_held) != 0 || get_count(&p, end, &m.sec_planned) != 0 ||
		    get_small(&p, end, COUNT_MAX, &m.nq) != 0)
			goto bad;
		full = month >= full_from && month <= full_to;
		keep = full || yearly(&m);
		m.last_held = dom && keep ? (int)day_in(month, dom) : -1;
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
	/* Oldest first, as the facts keep months. */
	for (int i = n0, j = s->n - 1; i < j; i++, j--) {
		struct sum_month t = s->m[i];
		s->m[i] = s->m[j];
		s->m[j] = t;
	}
	if (used)
		*used = (size_t)(p - (const unsigned char *)blob);
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
