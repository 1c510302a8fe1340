/*
 * rules-eval.c - evaluating the rules over the facts (rules_evaluate).
 *
 * Organizations are visited in id order; for each one its own rules, then
 * its members', its sessions' quorums and its rectification items.  What a
 * member was on a day (here, away, full or probationary, holding a role) is
 * worked out from the dated facts, never from "now".
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/rules.h>
#include <orglife/text.h>

/* How far back R-ABSENT-6 looks, in months. */
#define ABSENT_LOOKBACK 8

struct eng {
	const struct rules_config *cfg;
	const struct facts *f;
	const struct rules_query *q;
	int (*fn)(const struct finding *fd, void *ctx);
	void *ctx;
	int stop;
	int *by_org;   /* member indices by org_id, then name */
	int *by_group; /* member indices by group_id */
	char *scope;   /* per org index: inside the query's organization */
	struct strbuf msg;
};

/* ---- dated facts ------------------------------------------------------------ */

static enum member_where where_on(const struct facts *f, const struct fact_member *m, long day)
{
	const struct fact_event *e = f->events + m->first_event;
	int i, last = -1, later_in = 0;

	if (m->joined >= 0 && m->joined > day)
		return MEMBER_NOT_YET;
	for (i = 0; i < m->nevents; i++) {
		if (e[i].day <= day)
			last = i;
		else if (e[i].kind == EVENT_TRANSFER_IN)
			later_in = 1;
	}
	if (last < 0)
		return later_in ? MEMBER_NOT_YET : MEMBER_HERE;
	switch (e[last].kind) {
	case EVENT_FLOW_OUT:
		return MEMBER_FLOWED_OUT;
	case EVENT_TRANSFER_OUT:
		return MEMBER_TRANSFERRED_OUT;
	case EVENT_LOST:
		return MEMBER_LOST;
	default:
		return MEMBER_HERE;
	}
}

static const struct fact_event *latest_event(const struct facts *f, const struct fact_member *m, long day)
{
	const struct fact_event *e = NULL;
	int i;

	for (i = 0; i < m->nevents; i++)
		if (f->events[m->first_event + i].day <= day)
			e = &f->events[m->first_event + i];
	return e;
}

static int is_full(const struct fact_member *m, long day)
{
	return m->admitted == MEMBER_FULL || (m->confirmed >= 0 && m->confirmed <= day);
}

static int holds_role(const struct fact_role *r, long day)
{
	return r->from <= day && (r->to < 0 || r->to >= day);
}

/* [*lo, *hi) of a sorted array whose element's first field is the key. */
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

/* Distinct members holding a committee role in org on day; *secretary is
 * the secretary's id or 0. */
static int committee_on(const struct facts *f, long long org, long day, long long *secretary)
{
	int lo, hi, i, j, n = 0;

	if (secretary)
		*secretary = 0;
	RANGE(f->roles, f->nroles, org_id, org, &lo, &hi);
	for (i = lo; i < hi; i++) {
		int dup = 0;
		if (!holds_role(&f->roles[i], day))
			continue;
		if (f->roles[i].role == ROLE_SECRETARY && secretary)
			*secretary = f->roles[i].member_id;
		for (j = lo; j < i && !dup; j++)
			dup = holds_role(&f->roles[j], day) && f->roles[j].member_id == f->roles[i].member_id;
		n += !dup;
	}
	return n;
}

static int is_role_holder(const struct facts *f, long long org, long long member, long day)
{
	int lo, hi, i;

	RANGE(f->roles, f->nroles, org_id, org, &lo, &hi);
	for (i = lo; i < hi; i++)
		if (f->roles[i].member_id == member && holds_role(&f->roles[i], day))
			return 1;
	return 0;
}

static enum attend_status mark_of(const struct facts *f, const struct fact_session *s, long long member)
{
	int lo = s->first_mark, hi = s->first_mark + s->nmarks;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->marks[mid].member_id == member)
			return f->marks[mid].status;
		if (f->marks[mid].member_id < member)
			lo = mid + 1;
		else
			hi = mid;
	}
	return ATTEND_NONE;
}

static int is_kind(const struct fact_session *s, enum session_kind k)
{
	return s->kind == k || s->also == k;
}

/* Was m expected at s (PRODUCT §2)?  The committee for a committee
 * meeting, the group for a group meeting, else the organization's members;
 * anyone away that day is not expected. */
static int expected_at(const struct eng *e, const struct fact_session *s, const struct fact_member *m)
{
	if (where_on(e->f, m, s->day) != MEMBER_HERE)
		return 0;
	if (s->kind == SK_COMMITTEE)
		return is_role_holder(e->f, s->org_id, m->id, s->day);
	if (s->kind == SK_GROUP || m->group_id == s->org_id)
		return m->group_id == s->org_id;
	return m->org_id == s->org_id;
}

/* The members of org: of a branch (by_org) or of a group (by_group), as
 * the range [*lo, *hi) of the index put in *idx. */
static void members_of(const struct eng *e, long long org, int **idx, int *lo, int *hi)
{
	const struct fact_org *o = facts_org(e->f, org);
	int by_group = o && o->kind == ORG_GROUP, a = 0, b = e->f->nmembers;
	int *ix = by_group ? e->by_group : e->by_org;

#define KEY(i) (by_group ? e->f->members[ix[i]].group_id : e->f->members[ix[i]].org_id)
	while (a < b) {
		int m = a + (b - a) / 2;
		if (KEY(m) < org)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = e->f->nmembers;
	while (a < b) {
		int m = a + (b - a) / 2;
		if (KEY(m) <= org)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
#undef KEY
	*idx = ix;
}

/* ---- findings ------------------------------------------------------------------ */

static void emit(struct eng *e, enum rule_id rule, const struct fact_org *o, const struct fact_member *m,
		 const struct period *p, long long session, enum severity sev, int planned)
{
	struct finding fd = { .rule = rule, .severity = sev, .planned = planned, .session_id = session };

	if (e->stop)
		return;
	if (e->q->mode == RULES_CHECK && sev == SEV_OK)
		return;
	/* Members and sessions appear only when something is wrong. */
	if (sev == SEV_OK && (m || session))
		return;
	fd.org_id = o->id;
	fd.org = o->name;
	if (m) {
		fd.member_id = m->id;
		fd.member = m->name;
	}
	if (p) {
		fd.has_period = 1;
		fd.period = *p;
	}
	fd.message = strbuf_str(&e->msg);
	e->stop = e->fn(&fd, e->ctx);
}

/* Writes the message for the next finding (printf-style). */
static void say(struct eng *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct eng *e, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	strbuf_reset(&e->msg);
	strbuf_adds(&e->msg, buf);
}

/* A day or a period in a message: as people read it when the query asks
 * for that (the text output and the screens), else ISO, as the machine
 * formats carry it. */
static void say_day(const struct eng *e, long day, char buf[static DATE_DISPLAY_MAX])
{
	if (e->q->human_dates)
		date_display(day, buf);
	else
		date_format(day, buf);
}

static void say_period(const struct eng *e, const struct period *p, char buf[static DATE_DISPLAY_MAX])
{
	if (e->q->human_dates)
		period_display(p, buf);
	else
		period_format(p, buf);
}

static int param(const struct eng *e, enum rule_id r, const char *key)
{
	return rules_param(e->cfg, r, key);
}

/* When a period's warning window opens: `window` days before the end of a
 * month, months before the end of a quarter or year. */
static long window_opens(const struct period *p, int window)
{
	if (p->kind == PERIOD_MONTH)
		return p->last - window + 1;
	return date_add_months(p->last + 1, -window);
}

/* The severity of a periodic obligation met `count` times out of `min`. */
static enum severity periodic(const struct eng *e, const struct period *p, int count, int min, int window)
{
	if (count >= min)
		return SEV_OK;
	if (p->last < e->q->as_of)
		return SEV_OVERDUE;
	return e->q->as_of >= window_opens(p, window) ? SEV_DUE : SEV_OK;
}

/* The periods of a kind that the query covers (at most 3): for a check the
 * current one and the one before; for a review those inside its quarter
 * (the year only for the fourth quarter), not after the as-of day. */
static int periods_for(const struct eng *e, enum period_kind k, struct period out[3])
{
	int n = 0;

	if (e->q->mode == RULES_CHECK) {
		period_of(k, e->q->as_of, &out[0]);
		period_of(k, out[0].first - 1, &out[1]);
		return 2;
	}
	if (e->q->quarter.first > e->q->as_of)
		return 0; /* the quarter had not begun */
	if (k == PERIOD_QUARTER) {
		out[n++] = e->q->quarter;
	} else if (k == PERIOD_YEAR) {
		if (e->q->quarter.index == 4)
			period_of(PERIOD_YEAR, e->q->quarter.first, &out[n++]);
	} else {
		long d = e->q->quarter.first;
		for (int i = 0; i < 3; i++) {
			period_of(PERIOD_MONTH, d, &out[n]);
			d = out[n].last + 1;
			if (out[n].first <= e->q->as_of)
				n++;
		}
	}
	return n;
}

struct tally {
	int held, planned;
};

/* Was s held as of the day asked about?  One recorded as held on a later
 * day had not happened yet then: it was still planned. */
static int held_by(const struct fact_session *s, long as_of)
{
	return s->state == SESSION_HELD && s->day <= as_of;
}

/* Sessions of org of kind k in p, held or still planned as of as_of. */
static struct tally count_sessions(const struct facts *f, long long org, enum session_kind k, const struct period *p,
				   long as_of)
{
	struct tally t = { 0, 0 };
	int lo, hi, i;

	RANGE(f->sessions, f->nsessions, org_id, org, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_session *s = &f->sessions[i];
		if (s->day < p->first || s->day > p->last || !is_kind(s, k))
			continue;
		if (held_by(s, as_of))
			t.held++;
		else
			t.planned++;
	}
	return t;
}

static void say_periodic(struct eng *e, enum severity sev, enum session_kind k, const struct period *p,
			 struct tally t)
{
	char ps[DATE_DISPLAY_MAX], end[DATE_DISPLAY_MAX];

	say_period(e, p, ps);
	say_day(e, p->last, end);
	if (sev == SEV_OK && t.held)
		say(e, _("%s: %d held in %s"), session_kind_label(k), t.held, ps);
	else if (sev == SEV_OVERDUE)
		say(e, _("no %s was held in %s"), session_kind_label(k), ps);
	else if (t.planned)
		say(e, ngettext("no %s held yet in %s; %d planned before %s", "no %s held yet in %s; %d planned before %s",
				t.planned),
		    session_kind_label(k), ps, t.planned, end);
	else
		say(e, _("no %s held or planned yet in %s, which ends on %s"), session_kind_label(k), ps, end);
}

/* A rule of the form "at least min sessions of kind k per period". */
static void periodic_rule(struct eng *e, enum rule_id rule, const struct fact_org *o, enum session_kind k,
			  enum period_kind pk)
{
	struct period ps[3];
	int n = periods_for(e, pk, ps), i;

	for (i = 0; i < n; i++) {
		struct tally t = count_sessions(e->f, o->id, k, &ps[i], e->q->as_of);
		enum severity sev = periodic(e, &ps[i], t.held, param(e, rule, "min"), param(e, rule, "window"));
		say_periodic(e, sev, k, &ps[i], t);
		emit(e, rule, o, NULL, &ps[i], 0, sev, t.planned);
	}
}

/* R-COMMITTEE-M: only for a branch that has a committee (three or more
 * role holders) at the end of the month, or on the as-of day if sooner. */
static void committee_meetings(struct eng *e, const struct fact_org *o)
{
	struct period ps[3];
	int n = periods_for(e, PERIOD_MONTH, ps), i;

	for (i = 0; i < n; i++) {
		long day = ps[i].last < e->q->as_of ? ps[i].last : e->q->as_of;
		struct tally t;
		enum severity sev;

		if (committee_on(e->f, o->id, day, NULL) < 3)
			continue;
		t = count_sessions(e->f, o->id, SK_COMMITTEE, &ps[i], e->q->as_of);
		sev = periodic(e, &ps[i], t.held, param(e, R_COMMITTEE_M, "min"), param(e, R_COMMITTEE_M, "window"));
		say_periodic(e, sev, SK_COMMITTEE, &ps[i], t);
		emit(e, R_COMMITTEE_M, o, NULL, &ps[i], 0, sev, t.planned);
	}
}

/* R-SECRETARY-LESSON: a lesson given by whoever was secretary that day. */
static void secretary_lesson(struct eng *e, const struct fact_org *o)
{
	struct period ps[3];
	int n = periods_for(e, PERIOD_YEAR, ps), i, lo, hi, k;

	RANGE(e->f->sessions, e->f->nsessions, org_id, o->id, &lo, &hi);
	for (i = 0; i < n; i++) {
		struct tally t = { 0, 0 };
		char y[12];
		enum severity sev;

		for (k = lo; k < hi; k++) {
			const struct fact_session *s = &e->f->sessions[k];
			long long sec;
			if (s->day < ps[i].first || s->day > ps[i].last || !is_kind(s, SK_LESSON))
				continue;
			committee_on(e->f, o->id, s->day, &sec);
			if (!sec || s->lecturer_id != sec)
				continue;
			if (held_by(s, e->q->as_of))
				t.held++;
			else
				t.planned++;
		}
		sev = periodic(e, &ps[i], t.held, param(e, R_SECRETARY_LESSON, "min"),
			       param(e, R_SECRETARY_LESSON, "window"));
		/* The year as a number, whatever the query: the translations
		 * write their own word for "year" around it. */
		period_format(&ps[i], y);
		if (sev == SEV_OK && t.held)
			say(e, _("the secretary gave a party lesson in %s"), y);
		else if (sev == SEV_OVERDUE)
			say(e, _("the secretary gave no party lesson in %s"), y);
		else if (t.planned)
			say(e, _("the secretary's party lesson for %s is planned"), y);
		else
			say(e, _("the secretary has not given a party lesson in %s yet"), y);
		emit(e, R_SECRETARY_LESSON, o, NULL, &ps[i], 0, sev, t.planned);
	}
}

/* ---- quorums ---------------------------------------------------------------------- */

/* Is this session the one an election was held at? */
static int is_election(const struct facts *f, const struct fact_session *s)
{
	int lo, hi, i;

	RANGE(f->elections, f->nelections, org_id, s->org_id, &lo, &hi);
	for (i = lo; i < hi; i++)
		if (f->elections[i].session_id == s->id)
			return 1;
	return 0;
}

static int session_in_query(const struct eng *e, const struct fact_session *s)
{
	struct period q;

	if (!held_by(s, e->q->as_of))
		return 0;
	if (e->q->mode == RULES_REVIEW)
		return s->day >= e->q->quarter.first && s->day <= e->q->quarter.last;
	/* A check looks at this quarter and the one before. */
	period_of(PERIOD_QUARTER, e->q->as_of, &q);
	period_of(PERIOD_QUARTER, q.first - 1, &q);
	return s->day >= q.first;
}

/* Attending and expected among those who count: the voting members
 * (full, not away) or, for a committee meeting, the committee. */
static void quorum_counts(const struct eng *e, const struct fact_session *s, int voters_only, int *attending,
			  int *expected, int *marked)
{
	int lo, hi, i, *idx = e->by_org;

	*attending = *expected = *marked = 0;
	members_of(e, s->org_id, &idx, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_member *m = &e->f->members[idx[i]];
		enum attend_status a;
		if (!expected_at(e, s, m) || (voters_only && !is_full(m, s->day)))
			continue;
		(*expected)++;
		a = mark_of(e->f, s, m->id);
		*marked += a != ATTEND_NONE;
		*attending += a == ATTEND_PRESENT || a == ATTEND_LATE;
	}
}

static void quorum_rule(struct eng *e, enum rule_id rule, const struct fact_org *o, const struct fact_session *s,
			int voters_only)
{
	int attending, expected, marked, pct = param(e, rule, "percent");
	struct period p;
	char day[DATE_DISPLAY_MAX];

	quorum_counts(e, s, voters_only, &attending, &expected, &marked);
	if (expected == 0 || marked == 0)
		return; /* no roll-call taken: nothing to judge */
	if (attending * 100 > expected * pct)
		return;
	period_of(PERIOD_MONTH, s->day, &p);
	say_day(e, s->day, day);
	say(e, _("the %s of %s had %d of %d present, not more than %d%%: its decisions lack a quorum"),
	    session_kind_label(s->kind), day, attending, expected, pct);
	emit(e, rule, o, NULL, &p, s->id, SEV_OVERDUE, 0);
}

static void quorums(struct eng *e, const struct fact_org *o)
{
	int lo, hi, i;

	RANGE(e->f->sessions, e->f->nsessions, org_id, o->id, &lo, &hi);
	for (i = lo; i < hi && !e->stop; i++) {
		const struct fact_session *s = &e->f->sessions[i];
		if (!session_in_query(e, s))
			continue;
		/* R-QUORUM-ELECTION */
		if (e->cfg->rules[R_QUORUM_ELECTION].enabled && is_election(e->f, s))
			quorum_rule(e, R_QUORUM_ELECTION, o, s, 1);
		/* R-QUORUM-ASSEMBLY */
		else if (e->cfg->rules[R_QUORUM_ASSEMBLY].enabled && is_kind(s, SK_ASSEMBLY))
			quorum_rule(e, R_QUORUM_ASSEMBLY, o, s, 1);
		/* R-QUORUM-COMMITTEE */
		if (e->cfg->rules[R_QUORUM_COMMITTEE].enabled && s->kind == SK_COMMITTEE)
			quorum_rule(e, R_QUORUM_COMMITTEE, o, s, 0);
	}
}

/* ---- the state of an organization --------------------------------------------- */

/* R-TERM, R-TERM-EXTEND: the latest election's term. */
static void term(struct eng *e, const struct fact_org *o)
{
	const struct fact_election *el;
	long end, due_from, limit, a = e->q->as_of;
	int lo, hi, years;
	char es[DATE_DISPLAY_MAX], xs[DATE_DISPLAY_MAX];
	enum severity sev;

	RANGE(e->f->elections, e->f->nelections, org_id, o->id, &lo, &hi);
	while (hi > lo && e->f->elections[hi - 1].day > a)
		hi--;
	if (hi == lo)
		return; /* no election on record: the rule does not apply */
	el = &e->f->elections[hi - 1];
	years = el->term_years ? el->term_years : (o->term_years ? o->term_years : param(e, R_TERM, "years"));
	end = date_add_years(el->day, years);
	due_from = date_add_months(end, -param(e, R_TERM, "window"));
	limit = date_add_months(end, param(e, R_TERM_EXTEND, "months"));
	say_day(e, end, es);
	if (el->ext_until >= 0 && el->ext_until > limit) {
		say_day(e, el->ext_until, xs);
		/* R-TERM-EXTEND: more than the limit counts from the term's end. */
		sev = a >= end ? SEV_OVERDUE : SEV_DUE;
		if (e->cfg->rules[R_TERM_EXTEND].enabled) {
			say(e, _("the term ending on %s was extended to %s, longer than the %d months allowed"), es, xs,
			    param(e, R_TERM_EXTEND, "months"));
			emit(e, R_TERM_EXTEND, o, NULL, NULL, 0, sev, 0);
		}
		/* R-TERM as without the extension. */
		sev = a >= end ? SEV_OVERDUE : (a >= due_from ? SEV_DUE : SEV_OK);
		say(e, a >= end ? _("the term ended on %s; its extension is not valid and no election is recorded")
				: _("the term ends on %s; its extension is longer than allowed"),
		    es);
		if (e->cfg->rules[R_TERM].enabled)
			emit(e, R_TERM, o, NULL, NULL, 0, sev, 0);
		return;
	}
	if (el->ext_until >= 0) {
		say_day(e, el->ext_until, xs);
		sev = a >= el->ext_until ? SEV_OVERDUE : (a >= end ? SEV_DUE : (a >= due_from ? SEV_DUE : SEV_OK));
		if (sev == SEV_OVERDUE)
			say(e, _("the extended term ended on %s with no new election"), xs);
		else
			say(e, _("the term ends on %s, extended to %s"), es, xs);
	} else {
		sev = a >= end ? SEV_OVERDUE : (a >= due_from ? SEV_DUE : SEV_OK);
		if (sev == SEV_OVERDUE)
			say(e, _("the term ended on %s with no new election"), es);
		else
			say(e, _("the term ends on %s"), es);
	}
	if (e->cfg->rules[R_TERM].enabled)
		emit(e, R_TERM, o, NULL, NULL, 0, sev, 0);
}

/* R-SIZE-MIN, R-SIZE-MAX, R-COMMITTEE-REQ, R-SECRETARY on the as-of day. */
static void structure(struct eng *e, const struct fact_org *o)
{
	long a = e->q->as_of;
	int lo, hi, i, *idx, members = 0, full = 0, committee, want;
	long long secretary;
	enum severity sev;

	members_of(e, o->id, &idx, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_member *m = &e->f->members[idx[i]];
		if (where_on(e->f, m, a) != MEMBER_HERE)
			continue;
		members++;
		full += is_full(m, a);
	}
	committee = committee_on(e->f, o->id, a, &secretary);

	if (e->cfg->rules[R_SIZE_MIN].enabled) {
		want = param(e, R_SIZE_MIN, "min");
		sev = full < want ? SEV_OVERDUE : SEV_OK;
		say(e, ngettext("%d full member (at least %d needed)", "%d full members (at least %d needed)", full), full,
		    want);
		emit(e, R_SIZE_MIN, o, NULL, NULL, 0, sev, 0);
	}
	if (e->cfg->rules[R_SIZE_MAX].enabled) {
		want = param(e, R_SIZE_MAX, "max");
		sev = members > want ? SEV_DUE : SEV_OK;
		say(e, ngettext("%d member (normally at most %d)", "%d members (normally at most %d)", members), members,
		    want);
		emit(e, R_SIZE_MAX, o, NULL, NULL, 0, sev, 0);
	}
	if (e->cfg->rules[R_COMMITTEE_REQ].enabled) {
		int from = param(e, R_COMMITTEE_REQ, "members"), cmin = param(e, R_COMMITTEE_REQ, "min"),
		    cmax = param(e, R_COMMITTEE_REQ, "max");
		sev = SEV_OK;
		if (full >= from && committee < cmin) {
			sev = SEV_OVERDUE;
			say(e, _("%d full members but a committee of %d: a committee of %d to %d is required"), full,
			    committee, cmin, cmax);
		} else if (committee > cmax) {
			sev = SEV_DUE;
			say(e, _("a committee of %d, more than %d"), committee, cmax);
		} else
			say(e, ngettext("a committee of %d", "a committee of %d", committee), committee);
		emit(e, R_COMMITTEE_REQ, o, NULL, NULL, 0, sev, 0);
	}
	if (e->cfg->rules[R_SECRETARY].enabled) {
		const struct fact_member *sm = secretary ? facts_member(e->f, secretary) : NULL;
		sev = secretary ? SEV_OK : SEV_OVERDUE;
		if (sm)
			say(e, _("the secretary is %s"), sm->name);
		else
			say(e, _("the secretary post is vacant"));
		emit(e, R_SECRETARY, o, NULL, NULL, 0, sev, 0);
	}
}

/* ---- members -------------------------------------------------------------------- */

static int month_index(long day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

/* R-DUES-6: consecutive unpaid months ending at the as-of month. */
static void dues(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	int lo, hi, i, month = month_index(e->q->as_of), first = month_index(e->f->from), unpaid = 0;

	/* Each member's facts hold the latest month paid, however old; the
	 * run of unpaid months goes back to joining, else to the facts' start. */
	int due = param(e, R_DUES_6, "due"), overdue = param(e, R_DUES_6, "overdue");

	if (m->joined >= 0)
		first = month_index(m->joined);
	/* Someone who transferred in owes this branch from their arrival. */
	for (i = 0; i < m->nevents; i++) {
		const struct fact_event *ev = &e->f->events[m->first_event + i];
		if (ev->kind == EVENT_TRANSFER_IN && ev->day <= e->q->as_of && month_index(ev->day) > first)
			first = month_index(ev->day);
	}
	RANGE(e->f->dues, e->f->ndues, member_id, m->id, &lo, &hi);
	for (; month >= first; month--) {
		int paid = 0;
		for (i = lo; i < hi && !paid; i++)
			paid = e->f->dues[i].month == month;
		if (paid)
			break;
		unpaid++;
	}
	if (unpaid < due)
		return;
	/* The facts reach back only so far: a run that reaches their start
	 * may be longer. */
	if (month < first && m->joined < 0)
		say(e, _("no dues paid for at least %d consecutive months"), unpaid);
	else
		say(e, ngettext("no dues paid for %d month", "no dues paid for %d consecutive months", unpaid), unpaid);
	emit(e, R_DUES_6, o, m, NULL, 0, unpaid >= overdue ? SEV_OVERDUE : SEV_DUE, 0);
}

/* How a member did in one month: 0 nothing expected, 1 took part (or was
 * excused from everything), -1 missed. */
static int month_life(const struct eng *e, const struct fact_member *m, const struct period *p,
		      const long long *orgs, int norgs)
{
	int expected = 0, excused = 0, k, j, lo, hi;

	for (k = 0; k < norgs; k++) {
		if (!orgs[k])
			continue;
		RANGE(e->f->sessions, e->f->nsessions, org_id, orgs[k], &lo, &hi);
		for (j = lo; j < hi; j++) {
			const struct fact_session *s = &e->f->sessions[j];
			enum attend_status a;
			/* A session without a roll-call tells nothing about anyone. */
			if (s->day < p->first || s->day > p->last || !held_by(s, e->q->as_of) || !s->nmarks)
				continue;
			if (!expected_at(e, s, m))
				continue;
			expected++;
			a = mark_of(e->f, s, m->id);
			if (a == ATTEND_PRESENT || a == ATTEND_LATE)
				return 1;
			excused += a == ATTEND_EXCUSED;
		}
	}
	if (!expected)
		return 0;
	return excused == expected ? 1 : -1;
}

/* R-ABSENT-6: months in a row, ending at the as-of month, in which the
 * member was expected somewhere and took part nowhere. */
static void absent(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	long long orgs[2] = { m->org_id, m->group_id };
	int due = param(e, R_ABSENT_6, "due"), overdue = param(e, R_ABSENT_6, "overdue"), missed = 0, n;
	struct period p;
	long day = e->q->as_of;

	period_of(PERIOD_MONTH, day, &p);
	for (n = 0; n < 24 && p.first >= e->f->marks_from && (m->joined < 0 || p.last >= m->joined); n++) {
		int life = month_life(e, m, &p, orgs, 2);
		if (life > 0)
			break;
		missed -= life; /* -1 counts, 0 is skipped */
		period_of(PERIOD_MONTH, p.first - 1, &p);
	}
	if (missed < due)
		return;
	say(e, ngettext("no organizational life for %d month", "no organizational life for %d consecutive months", missed),
	    missed);
	emit(e, R_ABSENT_6, o, m, NULL, 0, missed >= overdue ? SEV_OVERDUE : SEV_DUE, 0);
}

/* R-CADRE: a leading cadre attends a session of their branch each quarter. */
static void cadre(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	struct period ps[3];
	int n = periods_for(e, PERIOD_QUARTER, ps), i, j, lo, hi;
	long long orgs[2] = { m->org_id, m->group_id };

	for (i = 0; i < n; i++) {
		int attended = 0;
		char q[DATE_DISPLAY_MAX];
		enum severity sev;

		if (where_on(e->f, m, ps[i].first) != MEMBER_HERE)
			continue;
		for (int k = 0; k < 2; k++) {
			if (!orgs[k])
				continue;
			RANGE(e->f->sessions, e->f->nsessions, org_id, orgs[k], &lo, &hi);
			for (j = lo; j < hi; j++) {
				const struct fact_session *s = &e->f->sessions[j];
				enum attend_status a;
				if (!held_by(s, e->q->as_of) || s->day < ps[i].first || s->day > ps[i].last)
					continue;
				a = mark_of(e->f, s, m->id);
				attended += a == ATTEND_PRESENT || a == ATTEND_LATE;
			}
		}
		sev = periodic(e, &ps[i], attended, param(e, R_CADRE, "min"), param(e, R_CADRE, "window"));
		if (sev == SEV_OK)
			continue;
		say_period(e, &ps[i], q);
		say(e, _("a leading cadre who took part in no session of the branch in %s"), q);
		emit(e, R_CADRE, o, m, &ps[i], 0, sev, 0);
	}
}

/* R-PROBATION: probation ends a year after admission, or when extended. */
static void probation(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	long end, a = e->q->as_of;
	char es[DATE_DISPLAY_MAX];

	if (m->admitted != MEMBER_PROBATIONARY || m->joined < 0 || (m->confirmed >= 0 && m->confirmed <= a))
		return;
	end = m->probation_until >= 0 ? m->probation_until : date_add_years(m->joined, 1);
	say_day(e, end, es);
	if (a > end) {
		say(e, _("probation ended on %s and confirmation (转正) is not recorded"), es);
		emit(e, R_PROBATION, o, m, NULL, 0, SEV_OVERDUE, 0);
	} else if (a >= date_add_months(end, -param(e, R_PROBATION, "window"))) {
		say(e, _("probation ends on %s: confirmation (转正) is due"), es);
		emit(e, R_PROBATION, o, m, NULL, 0, SEV_DUE, 0);
	}
}

/* R-MOBILE-CERT, R-TRANSFER, R-LOST: members away. */
static void away(struct eng *e, const struct fact_org *o, const struct fact_member *m, enum member_where w)
{
	const struct fact_event *ev = latest_event(e->f, m, e->q->as_of);
	long a = e->q->as_of;
	char d[DATE_DISPLAY_MAX];

	if (!ev)
		return;
	say_day(e, ev->day, d);
	if (w == MEMBER_FLOWED_OUT) {
		if (e->cfg->rules[R_MOBILE_CERT].enabled) {
			char u[DATE_DISPLAY_MAX];
			if (!ev->has_doc || ev->until < 0) {
				say(e, _("flowed out on %s without a 流动党员活动证 on record"), d);
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_OVERDUE, 0);
			} else if (ev->until < a) {
				say_day(e, ev->until, u);
				say(e, _("the 流动党员活动证 expired on %s"), u);
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_OVERDUE, 0);
			} else if (a >= date_add_months(ev->until, -param(e, R_MOBILE_CERT, "window"))) {
				say_day(e, ev->until, u);
				say(e, _("the 流动党员活动证 expires on %s"), u);
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_DUE, 0);
			}
		}
		if (e->cfg->rules[R_TRANSFER].enabled && a >= date_add_months(ev->day, param(e, R_TRANSFER, "months"))) {
			say(e, _("away since %s: the membership should move to where the member now is"), d);
			emit(e, R_TRANSFER, o, m, NULL, 0, SEV_DUE, 0);
		}
	} else if (w == MEMBER_LOST && e->cfg->rules[R_LOST].enabled) {
		int overdue = a >= date_add_months(ev->day, param(e, R_LOST, "months"));
		if (!overdue && a < date_add_months(ev->day, param(e, R_LOST, "due")))
			return;
		say(e, overdue ? _("out of contact since %s: the 停止党籍 procedure is due")
			       : _("out of contact since %s"),
		    d);
		emit(e, R_LOST, o, m, NULL, 0, overdue ? SEV_OVERDUE : SEV_DUE, 0);
	}
}

static void members(struct eng *e, const struct fact_org *o)
{
	int lo, hi, i, *idx;

	members_of(e, o->id, &idx, &lo, &hi);
	for (i = lo; i < hi && !e->stop; i++) {
		const struct fact_member *m = &e->f->members[idx[i]];
		enum member_where w = where_on(e->f, m, e->q->as_of);

		if (w == MEMBER_TRANSFERRED_OUT || w == MEMBER_NOT_YET)
			continue;
		away(e, o, m, w);
		if (w == MEMBER_LOST)
			continue;
		if (e->cfg->rules[R_DUES_6].enabled)
			dues(e, o, m);
		if (e->cfg->rules[R_PROBATION].enabled)
			probation(e, o, m);
		if (w != MEMBER_HERE)
			continue;
		if (e->cfg->rules[R_ABSENT_6].enabled)
			absent(e, o, m);
		if (m->cadre && e->cfg->rules[R_CADRE].enabled)
			cadre(e, o, m);
	}
}

/* R-LEDGER-DUE: items past their deadline and not closed (销号). */
static void ledger(struct eng *e, const struct fact_org *o)
{
	int lo, hi, i;

	if (!e->cfg->rules[R_LEDGER_DUE].enabled)
		return;
	RANGE(e->f->ledger, e->f->nledger, org_id, o->id, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_ledger *l = &e->f->ledger[i];
		const struct fact_member *m = l->member_id ? facts_member(e->f, l->member_id) : NULL;
		enum severity sev;
		char d[DATE_DISPLAY_MAX];

		say_day(e, l->due, d);
		if (l->due < e->q->as_of)
			sev = SEV_OVERDUE;
		else if (e->q->as_of >= l->due - param(e, R_LEDGER_DUE, "window"))
			sev = SEV_DUE;
		else
			continue;
		say(e, _("rectification item %lld was due on %s and is not closed: %s"), l->id, d, l->problem);
		emit(e, R_LEDGER_DUE, o, m, NULL, 0, sev, 0);
	}
}

/* ---- the walk ------------------------------------------------------------------------ */

static void branch(struct eng *e, const struct fact_org *o)
{
	const struct rule *r = e->cfg->rules;

	/* R-ASSEMBLY-Q */
	if (r[R_ASSEMBLY_Q].enabled)
		periodic_rule(e, R_ASSEMBLY_Q, o, SK_ASSEMBLY, PERIOD_QUARTER);
	/* R-COMMITTEE-M */
	if (r[R_COMMITTEE_M].enabled)
		committee_meetings(e, o);
	/* R-LESSON */
	if (r[R_LESSON].enabled)
		periodic_rule(e, R_LESSON, o, SK_LESSON, PERIOD_QUARTER);
	/* R-SECRETARY-LESSON */
	if (r[R_SECRETARY_LESSON].enabled)
		secretary_lesson(e, o);
	/* R-THEME-DAY-M */
	if (r[R_THEME_DAY_M].enabled)
		periodic_rule(e, R_THEME_DAY_M, o, SK_THEME_DAY, PERIOD_MONTH);
	/* R-ORGLIFE-Y */
	if (r[R_ORGLIFE_Y].enabled)
		periodic_rule(e, R_ORGLIFE_Y, o, SK_ORG_LIFE, PERIOD_YEAR);
	/* R-APPRAISAL-Y */
	if (r[R_APPRAISAL_Y].enabled)
		periodic_rule(e, R_APPRAISAL_Y, o, SK_APPRAISAL, PERIOD_YEAR);
	structure(e, o);
}

static int cmp_by_org(const void *a, const void *b, void *f_)
{
	const struct facts *f = f_;
	const struct fact_member *x = &f->members[*(const int *)a], *y = &f->members[*(const int *)b];

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_by_group(const void *a, const void *b, void *f_)
{
	const struct facts *f = f_;
	const struct fact_member *x = &f->members[*(const int *)a], *y = &f->members[*(const int *)b];

	if (x->group_id != y->group_id)
		return x->group_id < y->group_id ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

void rules_facts_window(const struct rules_query *q, struct facts_window *w)
{
	long start = q->mode == RULES_REVIEW ? q->quarter.first : q->as_of;
	struct period p;
	int y, m, d;

	/* Monthly and quarterly rules: this quarter and the one before. */
	period_of(PERIOD_QUARTER, start, &p);
	period_of(PERIOD_QUARTER, p.first - 1, &p);
	w->sessions_from = p.first;
	/* Attendance (R-ABSENT-6, R-CADRE, quorums): the six-month rules look
	 * back eight months (room for two months with nothing expected), a
	 * review at its whole quarter. */
	period_of(PERIOD_MONTH, date_add_months(q->as_of, -ABSENT_LOOKBACK), &p);
	w->marks_from = p.first;
	if (q->mode == RULES_REVIEW && q->quarter.first < w->marks_from)
		w->marks_from = q->quarter.first;
	if (w->marks_from < w->sessions_from)
		w->sessions_from = w->marks_from;
	/* Yearly rules: this year and the one before. */
	date_to_ymd(start, &y, &m, &d);
	date_from_ymd(y - 1, 1, 1, &w->yearly_from);
	w->as_of = q->as_of;
}

int rules_evaluate(const struct rules_config *cfg, const struct facts *f, const struct rules_query *q,
		   int (*fn)(const struct finding *fd, void *ctx), void *ctx)
{
	struct eng e = { .cfg = cfg, .f = f, .q = q, .fn = fn, .ctx = ctx };
	int i;

	e.by_org = xmalloc(((size_t)f->nmembers + 1) * sizeof *e.by_org);
	e.by_group = xmalloc(((size_t)f->nmembers + 1) * sizeof *e.by_group);
	for (i = 0; i < f->nmembers; i++)
		e.by_org[i] = e.by_group[i] = i;
	qsort_r(e.by_org, (size_t)f->nmembers, sizeof *e.by_org, cmp_by_org, (void *)f);
	qsort_r(e.by_group, (size_t)f->nmembers, sizeof *e.by_group, cmp_by_group, (void *)f);
	/* Organizations inside the query's: their ancestors include it. */
	e.scope = xmalloc((size_t)f->norgs + 1);
	for (i = 0; i < f->norgs; i++) {
		const struct fact_org *o = &f->orgs[i];
		int depth = 0;
		e.scope[i] = !q->org_id;
		while (o && !e.scope[i] && depth++ < 64) {
			e.scope[i] = o->id == q->org_id;
			o = o->parent_id ? facts_org(f, o->parent_id) : NULL;
		}
	}
	for (i = 0; i < f->norgs && !e.stop; i++) {
		const struct fact_org *o = &f->orgs[i];
		if (!e.scope[i])
			continue;
		if (o->kind == ORG_BRANCH)
			branch(&e, o);
		/* R-GROUP-M */
		if (o->kind == ORG_GROUP && cfg->rules[R_GROUP_M].enabled)
			periodic_rule(&e, R_GROUP_M, o, SK_GROUP, PERIOD_MONTH);
		if (o->kind != ORG_GROUP)
			term(&e, o);
		if (o->kind == ORG_BRANCH)
			members(&e, o);
		quorums(&e, o);
		ledger(&e, o);
	}
	free(e.by_org);
	free(e.by_group);
	free(e.scope);
	strbuf_free(&e.msg);
	return e.stop;
}
