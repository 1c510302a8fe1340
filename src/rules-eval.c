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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/rules.h>
#include <orglife/text.h>
#include "facts-internal.h"

/* How far back R-ABSENT-6 looks, in months. */
#define ABSENT_LOOKBACK 8

#define MEMO_SLOTS 64
#define TR_SLOTS 64

struct shown_memo {
	int used, is_period;
	long key;
	char text[DATE_DISPLAY_MAX];
};

struct eng {
	const struct rules_config *cfg;
	const struct facts *f;
	const struct rules_query *q;
	int (*fn)(const struct finding *fd, void *ctx);
	void *ctx;
	int stop;
	int as_of_month, from_month; /* facts_month of the as-of day and of the facts' start */
	int life_from;               /* the first month wholly inside the marks */
	int *by_org;   /* member indices by org_id, then id */
	int *by_group; /* member indices by group_id */
	char *scope;   /* per org index: inside the query's organization */
	struct strbuf msg;
	struct shown_memo memo[MEMO_SLOTS];
	/* Translations already looked up: messages by their text's address. */
	struct {
		const char *msgid, *text;
	} tr[TR_SLOTS];
	const char *kind_label[SK_COUNT];
	/* The summed months of the organization asked about last. */
	long long months_org;
	struct sum_set months;
	/* periods_for, by period kind, worked out once */
	struct period periods[3][3];
	int nperiods[3];
};

/* gettext, remembered for the evaluation: a review says the same few
 * sentences thousands of times.  The messages stay marked with _() for
 * xgettext. */
static const char *engine_gettext(struct eng *e, const char *msgid) __attribute__((format_arg(2)));
static const char *engine_gettext(struct eng *e, const char *msgid)
{
	unsigned long h = (unsigned long)(uintptr_t)msgid;
	int slot = (int)((h >> 4 ^ h >> 10) % TR_SLOTS);

	if (e->tr[slot].msgid != msgid) {
		e->tr[slot].msgid = msgid;
		e->tr[slot].text = gettext(msgid);
	}
	return e->tr[slot].text;
}
#undef _
#define _(s) engine_gettext(e, s)

/* A session kind's name, looked up once per evaluation. */
static const char *kind_label(struct eng *e, enum session_kind k)
{
	if ((unsigned)k >= SK_COUNT)
		return session_kind_label(k);
	if (!e->kind_label[k])
		e->kind_label[k] = session_kind_label(k);
	return e->kind_label[k];
}

/* ---- members of an organization ---------------------------------------------- */

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

static int param(const struct eng *e, enum rule_id r, const char *key)
{
	return rules_param(e->cfg, r, key);
}

/* Sessions of a periodic rule in one period, as of the day asked about. */
struct tally {
	int held, planned;
};

/* t: the sessions behind a periodic rule's finding, NULL for the others. */
static void emit(struct eng *e, enum rule_id rule, const struct fact_org *o, const struct fact_member *m,
		 const struct period *p, long long session, enum severity sev, const struct tally *t)
{
	struct finding fd = { .rule = rule, .severity = sev, .session_id = session };

	if (e->stop)
		return;
	if (e->q->mode == RULES_CHECK && sev == SEV_OK)
		return;
	/* Members and sessions appear only when something is wrong. */
	if (sev == SEV_OK && (m || session))
		return;
	if (t) {
		fd.held = t->held;
		fd.planned = t->planned;
		/* ok only because the period has not reached its window yet */
		fd.pending = sev == SEV_OK && t->held < param(e, rule, "min");
	}
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

static void say_v(struct eng *e, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void say_v(struct eng *e, const char *fmt, va_list ap)
{
	strbuf_reset(&e->msg);
	strbuf_vaddf(&e->msg, fmt, ap);
}

/* Writes the message for the next finding (printf-style). */
static void say(struct eng *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct eng *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_v(e, fmt, ap);
	va_end(ap);
}

/* The same for a finding of severity sev: nothing to write when a check
 * will not report it (most of a check's findings are met). */
static void say_for(struct eng *e, enum severity sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say_for(struct eng *e, enum severity sev, const char *fmt, ...)
{
	va_list ap;

	if (e->q->mode == RULES_CHECK && sev == SEV_OK)
		return;
	va_start(ap, fmt);
	say_v(e, fmt, ap);
	va_end(ap);
}

/* A day or a period in a message: as people read it when the query asks
 * for that (the text output and the screens), else ISO, as the machine
 * formats carry it. */
/* The same few days and periods come up for every organization: each is
 * put in words once per evaluation (the translations cannot change
 * during one). */
static const char *remembered(struct eng *e, long key, int is_period, const struct period *p)
{
	struct shown_memo *m = &e->memo[(unsigned long)(key * 2 + is_period) % MEMO_SLOTS];

	if (!m->used || m->key != key || m->is_period != is_period) {
		m->used = 1;
		m->key = key;
		m->is_period = is_period;
		if (is_period)
			(e->q->human_dates ? period_display : period_format)(p, m->text);
		else
			(e->q->human_dates ? date_display : date_format)(key, m->text);
	}
	return m->text;
}

static void say_day(struct eng *e, long day, char buf[static DATE_DISPLAY_MAX])
{
	memcpy(buf, remembered(e, day, 0, NULL), DATE_DISPLAY_MAX);
}

static void say_period(struct eng *e, const struct period *p, char buf[static DATE_DISPLAY_MAX])
{
	/* A period is its kind and first day. */
	memcpy(buf, remembered(e, p->first * 4 + (long)p->kind, 1, p), DATE_DISPLAY_MAX);
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
static int periods_of_query(const struct eng *e, enum period_kind k, struct period out[3])
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

static int periods_for(const struct eng *e, enum period_kind k, struct period out[3])
{
	memcpy(out, e->periods[k], sizeof e->periods[k]);
	return e->nperiods[k];
}

/* ---- sessions: from the facts, or from their summaries --------------------------- */

/* Are org's sessions of a month in the facts themselves (else summed)? */
static int is_raw(const struct facts *f, long long org, int month)
{
	int lo = 0, hi = f->nraw - 1;

	if (!f->summarized)
		return 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		const struct fact_raw *r = &f->raw[mid];
		if (r->org_id == org && r->month == month)
			return 1;
		if (r->org_id < org || (r->org_id == org && r->month < month))
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* org's summed months, by month, decoded into e->months when the
 * engine comes to it (each organization is asked about many times in a
 * row).  The bytes decoded once when they were loaded. */
static const struct sum_set *months_of(struct eng *e, long long org)
{
	const struct facts *f = e->f;

	if (e->months_org != org) {
		int lo = 0, hi = f->nmonths - 1;

		e->months.n = e->months.nq = 0;
		e->months_org = org;
		while (lo <= hi) {
			int mid = lo + (hi - lo) / 2;
			const struct fact_months *m = &f->months[mid];
			if (m->org_id == org) {
				if (summary_months_decode(f->month_bytes + m->off, (size_t)m->len, org, m->from, m->full_from,
							  f->months_full_to, &e->months, NULL) != 0)
					e->months.n = e->months.nq = 0;
				break;
			}
			if (m->org_id < org)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	return &e->months;
}

/* org's summed month, or NULL when nothing happened in it. */
static const struct sum_month *sum_of(struct eng *e, long long org, int month)
{
	const struct sum_set *s = months_of(e, org);

	for (int i = 0; i < s->n && s->m[i].month <= month; i++)
		if (s->m[i].month == month)
			return &s->m[i];
	return NULL;
}

/* org's roster, or NULL when it has no members. */
static const struct fact_roster *roster_of(const struct facts *f, long long org)
{
	int lo = 0, hi = f->nrosters - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->rosters[mid].org_id == org)
			return &f->rosters[mid];
		if (f->rosters[mid].org_id < org)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The month (an index) as a period. */
static struct period month_period(int month)
{
	struct period p;

	period_of(PERIOD_MONTH, date_month_index_first(month), &p);
	return p;
}

/* Adds org's sessions of kind k on days [first, last] to t, held or still
 * planned as of as_of; by_secretary: only lessons the secretary gave. */
static void tally_sessions(const struct facts *f, long long org, enum session_kind k, int by_secretary, long first,
			   long last, long as_of, struct tally *t)
{
	int lo, hi, i;

	RANGE(f->sessions, f->nsessions, org_id, org, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct fact_session *s = &f->sessions[i];
		if (s->day < first || s->day > last || !facts_is_kind(s, k))
			continue;
		if (by_secretary) {
			long long sec;
			facts_committee_on(f, org, s->day, &sec);
			if (!sec || s->lecturer_id != sec)
				continue;
		}
		if (facts_held_by(s, as_of))
			t->held++;
		else
			t->planned++;
	}
}

/* Sessions of org of kind k in p, held or still planned as of as_of. */
static struct tally count_sessions(struct eng *e, long long org, enum session_kind k, int by_secretary,
				   const struct period *p, long as_of)
{
	const struct facts *f = e->f;
	struct tally t = { 0, 0 };

	if (!f->summarized) {
		tally_sessions(f, org, k, by_secretary, p->first, p->last, as_of, &t);
		return t;
	}
	/* Periods are whole months; org's months are together, by month. */
	int m0 = p->year * 12 + (p->kind == PERIOD_MONTH ? p->index - 1 : p->kind == PERIOD_QUARTER ? (p->index - 1) * 3 : 0);
	int m1 = p->kind == PERIOD_MONTH ? m0 : p->kind == PERIOD_QUARTER ? m0 + 2 : m0 + 11, i;

	const struct sum_set *s = months_of(e, org);
	for (i = 0; i < s->n && s->m[i].month < m0; i++)
		;
	for (int mo = m0; mo <= m1; mo++) {
		const struct sum_month *sm = i < s->n && s->m[i].month == mo ? &s->m[i++] : NULL;
		if (is_raw(f, org, mo)) {
			struct period m = month_period(mo);
			tally_sessions(f, org, k, by_secretary, m.first, m.last, as_of, &t);
		} else if (sm) {
			t.held += by_secretary ? sm->sec_held : sm->held[k];
			t.planned += by_secretary ? sm->sec_planned : sm->planned[k];
		}
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
		say_for(e, sev, _("%s: %d held in %s"), kind_label(e, k), t.held, ps);
	else if (sev == SEV_OVERDUE)
		say_for(e, sev, _("no %s was held in %s"), kind_label(e, k), ps);
	else if (t.planned)
		say_for(e, sev, ngettext("no %s held yet in %s; %d planned before %s", "no %s held yet in %s; %d planned before %s",
				t.planned),
		    kind_label(e, k), ps, t.planned, end);
	else
		say_for(e, sev, _("no %s held or planned yet in %s, which ends on %s"), kind_label(e, k), ps, end);
}

/* A rule of the form "at least min sessions of kind k per period". */
static void periodic_rule(struct eng *e, enum rule_id rule, const struct fact_org *o, enum session_kind k,
			  enum period_kind pk)
{
	struct period ps[3];
	int n = periods_for(e, pk, ps), i;

	for (i = 0; i < n; i++) {
		struct tally t = count_sessions(e, o->id, k, 0, &ps[i], e->q->as_of);
		enum severity sev = periodic(e, &ps[i], t.held, param(e, rule, "min"), param(e, rule, "window"));
		say_periodic(e, sev, k, &ps[i], t);
		emit(e, rule, o, NULL, &ps[i], 0, sev, &t);
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

		if (facts_committee_on(e->f, o->id, day, NULL) < 3)
			continue;
		t = count_sessions(e, o->id, SK_COMMITTEE, 0, &ps[i], e->q->as_of);
		sev = periodic(e, &ps[i], t.held, param(e, R_COMMITTEE_M, "min"), param(e, R_COMMITTEE_M, "window"));
		say_periodic(e, sev, SK_COMMITTEE, &ps[i], t);
		emit(e, R_COMMITTEE_M, o, NULL, &ps[i], 0, sev, &t);
	}
}

/* R-SECRETARY-LESSON: a lesson given by whoever was secretary that day. */
static void secretary_lesson(struct eng *e, const struct fact_org *o)
{
	struct period ps[3];
	int n = periods_for(e, PERIOD_YEAR, ps), i;

	for (i = 0; i < n; i++) {
		struct tally t = count_sessions(e, o->id, SK_LESSON, 1, &ps[i], e->q->as_of);
		char y[12];
		enum severity sev;

		sev = periodic(e, &ps[i], t.held, param(e, R_SECRETARY_LESSON, "min"),
			       param(e, R_SECRETARY_LESSON, "window"));
		/* The year as a number, whatever the query: the translations
		 * write their own word for "year" around it. */
		period_format(&ps[i], y);
		if (sev == SEV_OK && t.held)
			say_for(e, sev, _("the secretary gave a party lesson in %s"), y);
		else if (sev == SEV_OVERDUE)
			say_for(e, sev, _("the secretary gave no party lesson in %s"), y);
		else if (t.planned)
			say_for(e, sev, _("the secretary's party lesson for %s is planned"), y);
		else
			say_for(e, sev, _("the secretary has not given a party lesson in %s yet"), y);
		emit(e, R_SECRETARY_LESSON, o, NULL, &ps[i], 0, sev, &t);
	}
}

/* ---- quorums ---------------------------------------------------------------------- */

/* The days whose held sessions a query judges: a review its quarter, a
 * check this quarter and the one before; none after the as-of day. */
static void quorum_days(const struct eng *e, long *first, long *last)
{
	struct period q;

	if (e->q->mode == RULES_REVIEW) {
		*first = e->q->quarter.first;
		*last = e->q->quarter.last;
	} else {
		period_of(PERIOD_QUARTER, e->q->as_of, &q);
		period_of(PERIOD_QUARTER, q.first - 1, &q);
		*first = q.first;
		*last = e->q->as_of;
	}
	if (*last > e->q->as_of)
		*last = e->q->as_of;
}

/* Attending, expected and marked among those who count (summary.h's
 * order): the voting members (full, not away) or everyone expected. */
static void quorum_counts(const struct eng *e, const struct fact_session *s, struct sum_quorum *q)
{
	int lo, hi, *idx;

	members_of(e, s->org_id, &idx, &lo, &hi);
	for (int i = lo; i < hi; i++)
		facts_quorum_add(e->f, s, &e->f->members[idx[i]], q->voters, q->all);
}

static void quorum_rule(struct eng *e, enum rule_id rule, const struct fact_org *o, long long session, long on,
			enum session_kind kind, const int c[3])
{
	int pct = param(e, rule, "percent");
	struct period p;
	char day[DATE_DISPLAY_MAX];

	if (c[1] == 0 || c[2] == 0)
		return; /* no roll-call taken: nothing to judge */
	if (c[0] * 100 > c[1] * pct)
		return;
	period_of(PERIOD_MONTH, on, &p);
	say_day(e, on, day);
	say(e, _("the %s of %s had %d of %d present, not more than %d%%: its decisions lack a quorum"),
	    kind_label(e, kind), day, c[0], c[1], pct);
	emit(e, rule, o, NULL, &p, session, SEV_OVERDUE, NULL);
}

/* The quorum rules of one held session: voters decide assemblies and
 * elections, the committee its own meetings. */
static void quorum_session(struct eng *e, const struct fact_org *o, const struct sum_quorum *q)
{
	/* R-QUORUM-ELECTION */
	if (e->cfg->rules[R_QUORUM_ELECTION].enabled && q->election)
		quorum_rule(e, R_QUORUM_ELECTION, o, q->session_id, q->day, q->kind, q->voters);
	/* R-QUORUM-ASSEMBLY */
	else if (e->cfg->rules[R_QUORUM_ASSEMBLY].enabled && (q->kind == SK_ASSEMBLY || q->also == SK_ASSEMBLY))
		quorum_rule(e, R_QUORUM_ASSEMBLY, o, q->session_id, q->day, q->kind, q->voters);
	/* R-QUORUM-COMMITTEE */
	if (e->cfg->rules[R_QUORUM_COMMITTEE].enabled && q->kind == SK_COMMITTEE)
		quorum_rule(e, R_QUORUM_COMMITTEE, o, q->session_id, q->day, q->kind, q->all);
}

/* The held sessions of org on days [first, last] from the facts. */
static void quorums_raw(struct eng *e, const struct fact_org *o, long first, long last)
{
	int lo, hi, i;

	RANGE(e->f->sessions, e->f->nsessions, org_id, o->id, &lo, &hi);
	for (i = lo; i < hi && !e->stop; i++) {
		const struct fact_session *s = &e->f->sessions[i];
		struct sum_quorum q = { .session_id = s->id, .day = s->day, .kind = s->kind, .also = s->also };
		if (s->day < first || s->day > last || s->state != SESSION_HELD)
			continue;
		q.election = facts_is_election(e->f, s);
		if (!q.election && !facts_is_kind(s, SK_ASSEMBLY) && s->kind != SK_COMMITTEE)
			continue;
		quorum_counts(e, s, &q);
		quorum_session(e, o, &q);
	}
}

static void quorums(struct eng *e, const struct fact_org *o)
{
	long first, last;

	quorum_days(e, &first, &last);
	if (first > last)
		return;
	if (!e->f->summarized) {
		quorums_raw(e, o, first, last);
		return;
	}
	for (int mo = date_month_index(first); mo <= date_month_index(last) && !e->stop; mo++) {
		const struct sum_month *sm;
		if (is_raw(e->f, o->id, mo)) {
			struct period m = month_period(mo);
			quorums_raw(e, o, m.first > first ? m.first : first, m.last < last ? m.last : last);
		} else if ((sm = sum_of(e, o->id, mo)) != NULL) {
			for (int j = 0; j < sm->nq && !e->stop; j++) {
				const struct sum_quorum *q = &e->months.q[sm->first_q + j];
				if (q->day >= first && q->day <= last)
					quorum_session(e, o, q);
			}
		}
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
			say_for(e, sev, _("the term ending on %s was extended to %s, longer than the %d months allowed"), es, xs,
			    param(e, R_TERM_EXTEND, "months"));
			emit(e, R_TERM_EXTEND, o, NULL, NULL, 0, sev, NULL);
		}
		/* R-TERM as without the extension. */
		sev = a >= end ? SEV_OVERDUE : (a >= due_from ? SEV_DUE : SEV_OK);
		say_for(e, sev, a >= end ? _("the term ended on %s; its extension is not valid and no election is recorded")
				: _("the term ends on %s; its extension is longer than allowed"),
		    es);
		if (e->cfg->rules[R_TERM].enabled)
			emit(e, R_TERM, o, NULL, NULL, 0, sev, NULL);
		return;
	}
	if (el->ext_until >= 0) {
		say_day(e, el->ext_until, xs);
		sev = a >= el->ext_until ? SEV_OVERDUE : (a >= end ? SEV_DUE : (a >= due_from ? SEV_DUE : SEV_OK));
		if (sev == SEV_OVERDUE)
			say_for(e, sev, _("the extended term ended on %s with no new election"), xs);
		else
			say_for(e, sev, _("the term ends on %s, extended to %s"), es, xs);
	} else {
		sev = a >= end ? SEV_OVERDUE : (a >= due_from ? SEV_DUE : SEV_OK);
		if (sev == SEV_OVERDUE)
			say_for(e, sev, _("the term ended on %s with no new election"), es);
		else
			say_for(e, sev, _("the term ends on %s"), es);
	}
	if (e->cfg->rules[R_TERM].enabled)
		emit(e, R_TERM, o, NULL, NULL, 0, sev, NULL);
}

/* R-SIZE-MIN, R-SIZE-MAX, R-COMMITTEE-REQ, R-SECRETARY on the as-of day. */
static void structure(struct eng *e, const struct fact_org *o)
{
	long a = e->q->as_of;
	int lo, hi, i, *idx, members = 0, full = 0, committee, want;
	long long secretary;
	enum severity sev;

	if (e->f->narrow) {
		/* Only some members are in the facts: the roster counts. */
		const struct fact_roster *r = roster_of(e->f, o->id);
		if (r) {
			members = r->here;
			full = r->full;
		}
	} else {
		members_of(e, o->id, &idx, &lo, &hi);
		for (i = lo; i < hi; i++) {
			const struct fact_member *m = &e->f->members[idx[i]];
			if (facts_where_on(e->f, m, a) != MEMBER_HERE)
				continue;
			members++;
			full += facts_is_full(m, a);
		}
	}
	committee = facts_committee_on(e->f, o->id, a, &secretary);

	if (e->cfg->rules[R_SIZE_MIN].enabled) {
		want = param(e, R_SIZE_MIN, "min");
		sev = full < want ? SEV_OVERDUE : SEV_OK;
		say_for(e, sev, ngettext("%d full member (at least %d needed)", "%d full members (at least %d needed)", full), full,
		    want);
		emit(e, R_SIZE_MIN, o, NULL, NULL, 0, sev, NULL);
	}
	if (e->cfg->rules[R_SIZE_MAX].enabled) {
		want = param(e, R_SIZE_MAX, "max");
		sev = members > want ? SEV_DUE : SEV_OK;
		say_for(e, sev, ngettext("%d member (normally at most %d)", "%d members (normally at most %d)", members), members,
		    want);
		emit(e, R_SIZE_MAX, o, NULL, NULL, 0, sev, NULL);
	}
	if (e->cfg->rules[R_COMMITTEE_REQ].enabled) {
		int from = param(e, R_COMMITTEE_REQ, "members"), cmin = param(e, R_COMMITTEE_REQ, "min"),
		    cmax = param(e, R_COMMITTEE_REQ, "max");
		sev = SEV_OK;
		if (full >= from && committee < cmin) {
			sev = SEV_OVERDUE;
			say_for(e, sev, _("%d full members but a committee of %d: a committee of %d to %d is required"), full,
			    committee, cmin, cmax);
		} else if (committee > cmax) {
			sev = SEV_DUE;
			say_for(e, sev, _("a committee of %d, more than %d"), committee, cmax);
		} else
			say_for(e, sev, ngettext("a committee of %d", "a committee of %d", committee), committee);
		emit(e, R_COMMITTEE_REQ, o, NULL, NULL, 0, sev, NULL);
	}
	if (e->cfg->rules[R_SECRETARY].enabled) {
		const struct fact_member *sm = secretary ? facts_member(e->f, secretary) : NULL;
		sev = secretary ? SEV_OK : SEV_OVERDUE;
		if (sm)
			say_for(e, sev, _("the secretary is %s"), sm->name);
		else
			say_for(e, sev, _("the secretary post is vacant"));
		emit(e, R_SECRETARY, o, NULL, NULL, 0, sev, NULL);
	}
}

/* ---- members -------------------------------------------------------------------- */

/* R-DUES-6: consecutive unpaid months ending at the as-of month. */
static void dues(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	int lo, hi, i, month = e->as_of_month, first = e->from_month, unpaid = 0;

	/* Each member's facts hold the latest month paid, however old; the
	 * run of unpaid months goes back to joining, else to the facts' start. */
	int due = param(e, R_DUES_6, "due"), overdue = param(e, R_DUES_6, "overdue");

	if (m->joined >= 0)
		first = date_month_index(m->joined);
	/* Someone who transferred in owes this branch from their arrival. */
	for (i = 0; i < m->nevents; i++) {
		const struct fact_event *ev = &e->f->events[m->first_event + i];
		if (ev->kind == EVENT_TRANSFER_IN && ev->day <= e->q->as_of && date_month_index(ev->day) > first)
			first = date_month_index(ev->day);
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
	emit(e, R_DUES_6, o, m, NULL, 0, unpaid >= overdue ? SEV_OVERDUE : SEV_DUE, NULL);
}

/* How a member did in one month: 0 nothing expected, 1 took part (or was
 * excused from everything), -1 missed; *attended: the sessions of their
 * branch or group they attended.  Sessions held after the as-of day do
 * not count. */
static int month_life(const struct eng *e, const struct fact_member *m, int month, int *attended)
{
	if (e->f->summarized && !is_raw(e->f, m->org_id, month) && !(m->group_id && is_raw(e->f, m->group_id, month))) {
		int i = month - m->life_first;
		unsigned char b = i >= 0 && i < m->life_n ? e->f->life[m->life_off + i] : 0;
		*attended = LIFE_ATTENDED(b);
		return LIFE_STATE(b) == LIFE_TOOK_PART ? 1 : LIFE_STATE(b) == LIFE_MISSED ? -1 : 0;
	}
	return facts_life_month(e->f, m, month, e->q->as_of, attended);
}

/* R-ABSENT-6: months in a row, ending at the as-of month, in which the
 * member was expected somewhere and took part nowhere. */
static void absent(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	int due = param(e, R_ABSENT_6, "due"), overdue = param(e, R_ABSENT_6, "overdue"), missed = 0, n, attended;
	int mo = e->as_of_month, joined = m->joined >= 0 ? date_month_index(m->joined) : -1;

	/* Back from the as-of month while the marks reach and the member
	 * had joined. */
	for (n = 0; n < 24 && mo >= e->life_from && mo >= joined; n++, mo--) {
		int life = month_life(e, m, mo, &attended);
		if (life > 0)
			break;
		missed -= life; /* -1 counts, 0 is skipped */
	}
	if (missed < due)
		return;
	say(e, ngettext("no organizational life for %d month", "no organizational life for %d consecutive months", missed),
	    missed);
	emit(e, R_ABSENT_6, o, m, NULL, 0, missed >= overdue ? SEV_OVERDUE : SEV_DUE, NULL);
}

/* R-CADRE: a leading cadre attends a session of their branch each quarter. */
static void cadre(struct eng *e, const struct fact_org *o, const struct fact_member *m)
{
	struct period ps[3];
	int n = periods_for(e, PERIOD_QUARTER, ps), i;

	for (i = 0; i < n; i++) {
		int attended = 0;
		char q[DATE_DISPLAY_MAX];
		enum severity sev;

		if (facts_where_on(e->f, m, ps[i].first) != MEMBER_HERE)
			continue;
		for (int mo = date_month_index(ps[i].first); mo <= date_month_index(ps[i].last); mo++) {
			int a;
			month_life(e, m, mo, &a);
			attended += a;
		}
		sev = periodic(e, &ps[i], attended, param(e, R_CADRE, "min"), param(e, R_CADRE, "window"));
		if (sev == SEV_OK)
			continue;
		say_period(e, &ps[i], q);
		say(e, _("a leading cadre who took part in no session of the branch in %s"), q);
		emit(e, R_CADRE, o, m, &ps[i], 0, sev, NULL);
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
		emit(e, R_PROBATION, o, m, NULL, 0, SEV_OVERDUE, NULL);
	} else if (a >= date_add_months(end, -param(e, R_PROBATION, "window"))) {
		say(e, _("probation ends on %s: confirmation (转正) is due"), es);
		emit(e, R_PROBATION, o, m, NULL, 0, SEV_DUE, NULL);
	}
}

/* R-MOBILE-CERT, R-TRANSFER, R-LOST: members away. */
static void away(struct eng *e, const struct fact_org *o, const struct fact_member *m, enum member_where w)
{
	const struct fact_event *ev = facts_latest_event(e->f, m, e->q->as_of);
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
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_OVERDUE, NULL);
			} else if (ev->until < a) {
				say_day(e, ev->until, u);
				say(e, _("the 流动党员活动证 expired on %s"), u);
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_OVERDUE, NULL);
			} else if (a >= date_add_months(ev->until, -param(e, R_MOBILE_CERT, "window"))) {
				say_day(e, ev->until, u);
				say(e, _("the 流动党员活动证 expires on %s"), u);
				emit(e, R_MOBILE_CERT, o, m, NULL, 0, SEV_DUE, NULL);
			}
		}
		if (e->cfg->rules[R_TRANSFER].enabled && a >= date_add_months(ev->day, param(e, R_TRANSFER, "months"))) {
			say(e, _("away since %s: the membership should move to where the member now is"), d);
			emit(e, R_TRANSFER, o, m, NULL, 0, SEV_DUE, NULL);
		}
	} else if (w == MEMBER_LOST && e->cfg->rules[R_LOST].enabled) {
		int overdue = a >= date_add_months(ev->day, param(e, R_LOST, "months"));
		if (!overdue && a < date_add_months(ev->day, param(e, R_LOST, "due")))
			return;
		say(e, overdue ? _("out of contact since %s: the 停止党籍 procedure is due")
			       : _("out of contact since %s"),
		    d);
		emit(e, R_LOST, o, m, NULL, 0, overdue ? SEV_OVERDUE : SEV_DUE, NULL);
	}
}

static void members(struct eng *e, const struct fact_org *o)
{
	int lo, hi, i, *idx;

	members_of(e, o->id, &idx, &lo, &hi);
	for (i = lo; i < hi && !e->stop; i++) {
		const struct fact_member *m = &e->f->members[idx[i]];
		enum member_where w = facts_where_on(e->f, m, e->q->as_of);

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
		emit(e, R_LEDGER_DUE, o, m, NULL, 0, sev, NULL);
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

/*
 * Member indices ordered by organization (group nonzero: by group), then
 * id: counted into buckets, one per organization, in the order of the
 * organizations' ids; members are already in id order.  Members of no
 * group come first; a member of an organization not in the facts would
 * have no place, so none can be (the database refers only to its own).
 */
static int *members_by(const struct facts *f, int group)
{
	int *idx = xmalloc(((size_t)f->nmembers + 1) * sizeof *idx);
	int *start = xmalloc(((size_t)f->norgs + 2) * sizeof *start), *key = xmalloc(((size_t)f->nmembers + 1) * sizeof *key);

	memset(start, 0, ((size_t)f->norgs + 2) * sizeof *start);
	for (int i = 0; i < f->nmembers; i++) {
		long long org = group ? f->members[i].group_id : f->members[i].org_id;
		const struct fact_org *o = org ? facts_org(f, org) : NULL;
		key[i] = o ? (int)(o - f->orgs) + 1 : 0;
		start[key[i] + 1]++;
	}
	for (int k = 1; k <= f->norgs + 1; k++)
		start[k] += start[k - 1];
	for (int i = 0; i < f->nmembers; i++)
		idx[start[key[i]]++] = i;
	free(start);
	free(key);
	return idx;
}

void rules_facts_window(const struct rules_query *q, struct facts_window *w)
{
	long start = q->mode == RULES_REVIEW ? q->quarter.first : q->as_of;
	struct period p;
	int y, m, d;

	/* Monthly and quarterly rules: a check's quarter and the one before,
	 * a review's quarter (periods_for). */
	period_of(PERIOD_QUARTER, start, &p);
	w->periods_to = p.last;
	if (q->mode == RULES_CHECK)
		period_of(PERIOD_QUARTER, p.first - 1, &p);
	w->sessions_from = w->periods_from = w->monthly_from = p.first;
	/* A check's months: this one and the one before. */
	if (q->mode == RULES_CHECK) {
		period_of(PERIOD_MONTH, date_month_first(q->as_of) - 1, &p);
		w->monthly_from = p.first;
	}
	/* Attendance (R-ABSENT-6, R-CADRE, quorums): the six-month rules look
	 * back eight months (room for two months with nothing expected), a
	 * review at its whole quarter. */
	period_of(PERIOD_MONTH, date_add_months(q->as_of, -ABSENT_LOOKBACK), &p);
	w->marks_from = p.first;
	if (q->mode == RULES_REVIEW && q->quarter.first < w->marks_from)
		w->marks_from = q->quarter.first;
	if (w->marks_from < w->sessions_from)
		w->sessions_from = w->marks_from;
	/* Yearly rules: for a check this year and the one before. */
	date_to_ymd(start, &y, &m, &d);
	date_from_ymd(y - 1, 1, 1, &w->yearly_from);
	/* A review has a year only in its fourth quarter: that year's. */
	if (q->mode == RULES_REVIEW)
		w->yearly_from = q->quarter.index == 4 ? date_add_years(w->yearly_from, 1) : w->sessions_from;
	w->as_of = q->as_of;
	w->narrow = 0;
	w->dues_cut = w->life_cut = 0;
	w->probation_cut = -1;
	w->with_ok = 1;
	w->cadre_min = w->ncadre_q = 0;
}

void rules_facts_narrow(const struct rules_config *cfg, const struct rules_query *q, struct facts_window *w)
{
	int month = date_month_index(q->as_of);

	/* R-DUES-6 needs `due` unpaid months ending at the as-of month, and
	 * R-ABSENT-6 `due` months without taking part: anyone who paid, or
	 * took part, later than that has no such finding. */
	w->narrow = 1;
	w->dues_cut = month - rules_param(cfg, R_DUES_6, "due");
	w->life_cut = month - rules_param(cfg, R_ABSENT_6, "due");
	/* R-PROBATION is due from `window` months before probation ends; a
	 * month more leaves room for how SQL and this code count months. */
	w->probation_cut = date_add_months(q->as_of, rules_param(cfg, R_PROBATION, "window") + 1);
	/* Only a review names the secretary (R-SECRETARY met). */
	w->with_ok = q->mode == RULES_REVIEW;
	/* R-CADRE: the quarters periods_for gives, if the rule is on. */
	w->cadre_min = rules_param(cfg, R_CADRE, "min");
	w->ncadre_q = 0;
	if (cfg->rules[R_CADRE].enabled) {
		struct eng e = { .cfg = cfg, .q = q };
		struct period ps[3];
		int n = periods_of_query(&e, PERIOD_QUARTER, ps);
		for (int i = 0; i < n && i < 2; i++)
			w->cadre_q[w->ncadre_q++] = date_month_index(ps[i].first);
	}
}

void rules_facts_union(struct facts_window *w, const struct facts_window *w2)
{
	w->periods_from = w->periods_from < w2->periods_from ? w->periods_from : w2->periods_from;
	w->monthly_from = w->monthly_from < w2->monthly_from ? w->monthly_from : w2->monthly_from;
	w->periods_to = w->periods_to > w2->periods_to ? w->periods_to : w2->periods_to;
	w->sessions_from = w->sessions_from < w2->sessions_from ? w->sessions_from : w2->sessions_from;
	w->yearly_from = w->yearly_from < w2->yearly_from ? w->yearly_from : w2->yearly_from;
	w->marks_from = w->marks_from < w2->marks_from ? w->marks_from : w2->marks_from;
	if (w->as_of != w2->as_of || !w->narrow || !w2->narrow) {
		w->narrow = 0;
		return;
	}
	/* The same day and thresholds: the candidates of either query. */
	w->dues_cut = w->dues_cut < w2->dues_cut ? w->dues_cut : w2->dues_cut;
	w->life_cut = w->life_cut < w2->life_cut ? w->life_cut : w2->life_cut;
	w->probation_cut = w->probation_cut > w2->probation_cut ? w->probation_cut : w2->probation_cut;
	w->with_ok |= w2->with_ok;
	w->cadre_min = w->cadre_min > w2->cadre_min ? w->cadre_min : w2->cadre_min;
	for (int i = 0; i < w2->ncadre_q; i++) {
		int j = 0;
		while (j < w->ncadre_q && w->cadre_q[j] != w2->cadre_q[i])
			j++;
		if (j == w->ncadre_q && j < 3)
			w->cadre_q[w->ncadre_q++] = w2->cadre_q[i];
	}
}

int rules_evaluate(const struct rules_config *cfg, const struct facts *f, const struct rules_query *q,
		   int (*fn)(const struct finding *fd, void *ctx), void *ctx)
{
	struct eng e = { .cfg = cfg, .f = f, .q = q, .fn = fn, .ctx = ctx };
	int i;

	e.as_of_month = date_month_index(q->as_of);
	e.from_month = date_month_index(f->from);
	e.life_from = date_month_index(f->marks_from - 1) + 1;
	for (int k = PERIOD_YEAR; k <= PERIOD_MONTH; k++)
		e.nperiods[k] = periods_of_query(&e, (enum period_kind)k, e.periods[k]);
	e.by_org = members_by(f, 0);
	e.by_group = members_by(f, 1);
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
	sum_set_free(&e.months);
	strbuf_free(&e.msg);
	return e.stop;
}
