/*
 * agenda.c - the Agenda screen's logic (agenda.h): views, the rows of the
 * screen, what the engine says is still to plan, proposals and series.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/agenda.h>
#include <orglife/db.h>
#include <orglife/facts.h>
#include <orglife/holidays.h>
#include <orglife/i18n.h>
#include <orglife/org.h>
#include <orglife/text.h>

/* ---- views ---------------------------------------------------------------------- */

void agenda_range(enum agenda_view v, long day, long *first, long *last)
{
	switch (v) {
	case AGENDA_DAY:
		*first = *last = day;
		break;
	case AGENDA_WEEK:
		*first = day - (date_weekday(day) - 1);
		*last = *first + 6;
		break;
	case AGENDA_MONTH:
		*first = date_month_first(day);
		*last = date_month_last(day);
		break;
	default:
		*first = date_quarter_first(day);
		*last = date_quarter_last(day);
		break;
	}
}

long agenda_step(enum agenda_view v, long day, int n)
{
	switch (v) {
	case AGENDA_DAY: return day + n;
	case AGENDA_WEEK: return day + 7L * n;
	case AGENDA_MONTH: return date_add_months(day, n);
	default: return date_add_months(day, 3 * n);
	}
}

const char *agenda_view_name(enum agenda_view v)
{
	static const char *const names[AGENDA_NVIEWS] = {
		[AGENDA_DAY] = N_("Day"),
		[AGENDA_WEEK] = N_("Week"),
		[AGENDA_MONTH] = N_("Month"),
		[AGENDA_LIST] = N_("Quarter"),
	};

	return (unsigned)v < AGENDA_NVIEWS ? _(names[v]) : "";
}

/* ---- what is still to plan ---------------------------------------------------------- */

enum session_kind agenda_rule_kind(enum rule_id r)
{
	switch (r) {
	case R_ASSEMBLY_Q: return SK_ASSEMBLY;
	case R_COMMITTEE_M: return SK_COMMITTEE;
	case R_GROUP_M: return SK_GROUP;
	case R_LESSON: return SK_LESSON;
	case R_THEME_DAY_M: return SK_THEME_DAY;
	case R_ORGLIFE_Y: return SK_ORG_LIFE;
	case R_APPRAISAL_Y: return SK_APPRAISAL;
	default: return SK_NONE;
	}
}

struct needs_ctx {
	const struct rules_config *cfg;
	long today;
	struct agenda_needs *out;
	int cap;
};

static int on_finding(const struct finding *fd, void *p)
{
	struct needs_ctx *c = p;
	enum session_kind k = agenda_rule_kind(fd->rule);
	struct agenda_need *n;
	int missing;

	if (k == SK_NONE || !fd->has_period || fd->period.last < c->today)
		return 0;
	missing = rules_param(c->cfg, fd->rule, "min") - fd->held - fd->planned;
	if (missing <= 0)
		return 0;
	if (c->out->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->out->v = xrealloc(c->out->v, (size_t)c->cap * sizeof *c->out->v);
	}
	n = &c->out->v[c->out->n++];
	n->org_id = fd->org_id;
	n->org = xstrdup(fd->org ? fd->org : "");
	n->rule = fd->rule;
	n->kind = k;
	n->period = fd->period;
	n->missing = missing;
	return 0;
}

static int cmp_need(const void *a, const void *b)
{
	const struct agenda_need *x = a, *y = b;

	if (x->period.last != y->period.last)
		return x->period.last < y->period.last ? -1 : 1;
	/* The engine's order (organization, rule) otherwise: qsort is not
	 * stable, so say it. */
	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

int agenda_needs_load(struct db *db, const struct rules_config *cfg, long today, long long org_id,
		      struct agenda_needs *out)
{
	/* As of the quarter's last day the engine counts every period of the
	 * quarter; nothing after today is held yet, so what it counts held is
	 * what was held, and the rest of what is not cancelled is planned. */
	struct rules_query q = { .mode = RULES_REVIEW, .org_id = org_id, .human_dates = 1 };
	struct needs_ctx c = { .cfg = cfg, .today = today, .out = out };
	struct facts_window w;
	struct facts f;
	int rc;

	memset(out, 0, sizeof *out);
	period_of(PERIOD_QUARTER, today, &q.quarter);
	q.as_of = q.quarter.last;
	rules_facts_window(&q, &w);
	/* Only the members who may have a finding are read, as for check. */
	rules_facts_narrow(cfg, &q, &w);
	if ((rc = facts_load(db, &w, &f)) != OL_OK)
		return rc;
	rules_evaluate(cfg, &f, &q, on_finding, &c);
	facts_free(&f);
	if (out->n)
		qsort(out->v, (size_t)out->n, sizeof *out->v, cmp_need);
	return OL_OK;
}

void agenda_needs_free(struct agenda_needs *n)
{
	for (int i = 0; i < n->n; i++)
		free(n->v[i].org);
	free(n->v);
	memset(n, 0, sizeof *n);
}

/* ---- proposals ----------------------------------------------------------------------- */

int agenda_learn(const long *days, const int *minutes, int n, struct agenda_habit *h)
{
	int per_day[8] = { 0 }, best = 0, wday = 0;
	int best_minute = -1, best_count = 0;

	if (n <= 0)
		return -1;
	for (int i = 0; i < n; i++)
		per_day[date_weekday(days[i])]++;
	for (int d = 1; d <= 7; d++)
		if (per_day[d] > best) {
			best = per_day[d];
			wday = d;
		}
	/* The most frequent time on that weekday: n is a year of sessions. */
	for (int i = 0; i < n; i++) {
		int count = 0;
		if (date_weekday(days[i]) != wday || minutes[i] < 0)
			continue;
		for (int j = 0; j < n; j++)
			count += date_weekday(days[j]) == wday && minutes[j] == minutes[i];
		if (count > best_count || (count == best_count && minutes[i] < best_minute)) {
			best_count = count;
			best_minute = minutes[i];
		}
	}
	h->wday = wday;
	h->minute = best_minute;
	return 0;
}

static int cmp_busy(const struct agenda_busy_day *a, long long family, long day)
{
	if (a->family != family)
		return a->family < family ? -1 : 1;
	return (a->day > day) - (a->day < day);
}

/* The index of the first entry not before (family, day). */
static int busy_find(const struct agenda_busy *b, long long family, long day)
{
	int lo = 0, hi = b->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (cmp_busy(&b->v[mid], family, day) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void agenda_busy_add(struct agenda_busy *b, long long family, long day)
{
	int i = busy_find(b, family, day);

	if (i < b->n && cmp_busy(&b->v[i], family, day) == 0)
		return;
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = xrealloc(b->v, (size_t)b->cap * sizeof *b->v);
	}
	memmove(&b->v[i + 1], &b->v[i], (size_t)(b->n - i) * sizeof *b->v);
	b->v[i].family = family;
	b->v[i].day = day;
	b->n++;
}

int agenda_busy_has(const struct agenda_busy *b, long long family, long day)
{
	int i = busy_find(b, family, day);

	return i < b->n && cmp_busy(&b->v[i], family, day) == 0;
}

void agenda_busy_free(struct agenda_busy *b)
{
	free(b->v);
	memset(b, 0, sizeof *b);
}

static int free_day(const struct agenda_busy *b, long long family, long day)
{
	return holiday_is_workday(day) && !agenda_busy_has(b, family, day);
}

long agenda_pick(const struct agenda_busy *b, long long family, int wday, long from, long to)
{
	long day;

	for (day = from; day <= to; day++)
		if (date_weekday(day) == wday && free_day(b, family, day))
			return day;
	for (day = from; day <= to; day++)
		if (free_day(b, family, day))
			return day;
	return -1;
}

/* The organizations: each one's branch (its family). */
struct org_info {
	long long id, family;
};

struct plan {
	struct org_info *orgs; /* in id order */
	int norgs;
	/* The last year's sessions of the families asked about, not cancelled. */
	struct past {
		long long org_id, family;
		enum session_kind kind;
		long day;
		int minute;
	} *past;
	int npast, cappast;
	struct agenda_busy busy;
	long today;
	long long loading; /* the family whose sessions are being read */
};

static int add_org(const struct org *o, void *ctx)
{
	struct plan *p = ctx;

	p->orgs = xrealloc(p->orgs, (size_t)(p->norgs + 1) * sizeof *p->orgs);
	p->orgs[p->norgs].id = o->id;
	p->orgs[p->norgs].family = o->kind == ORG_GROUP && o->parent_id ? o->parent_id : o->id;
	p->norgs++;
	return 0;
}

static int cmp_org(const void *a, const void *b)
{
	long long x = ((const struct org_info *)a)->id, y = ((const struct org_info *)b)->id;

	return (x > y) - (x < y);
}

static long long family_of(const struct plan *p, long long org_id)
{
	struct org_info key = { .id = org_id };
	const struct org_info *o = bsearch(&key, p->orgs, (size_t)p->norgs, sizeof *p->orgs, cmp_org);

	return o ? o->family : org_id;
}

static int add_past(const struct session *s, void *ctx)
{
	struct plan *p = ctx;
	struct past *x;

	if (s->state == SESSION_CANCELLED)
		return 0;
	agenda_busy_add(&p->busy, p->loading, s->day);
	if (s->day > p->today)
		return 0;
	if (p->npast == p->cappast) {
		p->cappast = p->cappast ? 2 * p->cappast : 256;
		p->past = xrealloc(p->past, (size_t)p->cappast * sizeof *p->past);
	}
	x = &p->past[p->npast++];
	x->org_id = s->org_id;
	x->family = p->loading;
	x->kind = s->kind;
	x->day = s->day;
	x->minute = s->minute;
	return 0;
}

/* Learns from the past sessions that pass: of org and kind (kind SK_NONE:
 * any), or of the whole family (org 0). */
static int learn_from(const struct plan *p, long long family, long long org, enum session_kind kind, int at_least,
		      struct agenda_habit *h)
{
	long *days = xmalloc(((size_t)p->npast + 1) * sizeof *days);
	int *minutes = xmalloc(((size_t)p->npast + 1) * sizeof *minutes);
	int n = 0, rc = -1;

	for (int i = 0; i < p->npast; i++) {
		const struct past *x = &p->past[i];
		if (x->family != family || (org && x->org_id != org) || (kind != SK_NONE && x->kind != kind))
			continue;
		days[n] = x->day;
		minutes[n++] = x->minute;
	}
	if (n >= at_least)
		rc = agenda_learn(days, minutes, n, h);
	free(days);
	free(minutes);
	return rc;
}

static void habit_of(const struct plan *p, const struct agenda_need *need, long long family, struct agenda_habit *h)
{
	if (learn_from(p, family, need->org_id, need->kind, 2, h) == 0 ||
	    learn_from(p, family, need->org_id, SK_NONE, 1, h) == 0 || learn_from(p, family, 0, SK_NONE, 1, h) == 0)
		return;
	h->wday = AGENDA_DEFAULT_WDAY;
	h->minute = AGENDA_DEFAULT_MINUTE;
}

/* Reads the sessions of each family the needs name, once. */
static int load_families(struct db *db, const struct agenda_needs *needs, struct plan *p)
{
	long from = date_add_years(p->today, -1), to = p->today;
	long long *seen = xmalloc(((size_t)needs->n + 1) * sizeof *seen);
	int nseen = 0, rc = OL_OK;

	for (int i = 0; i < needs->n; i++)
		if (needs->v[i].period.last > to)
			to = needs->v[i].period.last;
	for (int i = 0; i < needs->n && rc == OL_OK; i++) {
		long long fam = family_of(p, needs->v[i].org_id);
		int k;
		for (k = 0; k < nseen && seen[k] != fam; k++)
			;
		if (k < nseen)
			continue;
		seen[nseen++] = fam;
		p->loading = fam;
		rc = session_list(db, fam, from, to, add_past, p);
	}
	free(seen);
	return rc;
}

static void add_proposal(struct agenda_proposals *out, const struct agenda_need *need, int index, long day,
			 int minute)
{
	struct agenda_proposal *x;

	out->v = xrealloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
	x = &out->v[out->n++];
	x->org_id = need->org_id;
	x->org = xstrdup(need->org);
	x->kind = need->kind;
	x->day = day;
	x->minute = minute;
	x->need = index;
}

static int cmp_proposal(const void *a, const void *b)
{
	const struct agenda_proposal *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->minute != y->minute)
		return x->minute < y->minute ? -1 : 1;
	return (x->need > y->need) - (x->need < y->need);
}

int agenda_propose(struct db *db, const struct agenda_needs *needs, long today, struct agenda_proposals *out)
{
	struct plan p = { .today = today };
	int rc;

	memset(out, 0, sizeof *out);
	rc = org_list(db, add_org, &p);
	if (p.norgs)
		qsort(p.orgs, (size_t)p.norgs, sizeof *p.orgs, cmp_org);
	if (rc == OL_OK)
		rc = load_families(db, needs, &p);
	for (int i = 0; i < needs->n && rc == OL_OK; i++) {
		const struct agenda_need *need = &needs->v[i];
		long long fam = family_of(&p, need->org_id);
		long from = need->period.first > today ? need->period.first : today + 1;
		struct agenda_habit h;

		habit_of(&p, need, fam, &h);
		for (int k = 0; k < need->missing; k++) {
			long day = agenda_pick(&p.busy, fam, h.wday, from, need->period.last);
			if (day < 0) {
				out->unplaced = xrealloc(out->unplaced, (size_t)(out->nunplaced + 1) * sizeof *out->unplaced);
				out->unplaced[out->nunplaced++] = i;
				continue;
			}
			add_proposal(out, need, i, day, h.minute);
			agenda_busy_add(&p.busy, fam, day);
		}
	}
	free(p.orgs);
	free(p.past);
	agenda_busy_free(&p.busy);
	if (rc != OL_OK)
		agenda_proposals_free(out);
	else if (out->n)
		qsort(out->v, (size_t)out->n, sizeof *out->v, cmp_proposal);
	return rc;
}

void agenda_proposals_free(struct agenda_proposals *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->v[i].org);
	free(p->v);
	free(p->unplaced);
	memset(p, 0, sizeof *p);
}

void agenda_proposals_drop(struct agenda_proposals *p, int i)
{
	if (i < 0 || i >= p->n)
		return;
	free(p->v[i].org);
	memmove(&p->v[i], &p->v[i + 1], (size_t)(p->n - i - 1) * sizeof *p->v);
	p->n--;
}

void agenda_proposal_session(const struct agenda_proposal *p, struct session *s)
{
	memset(s, 0, sizeof *s);
	s->org_id = p->org_id;
	s->kind = p->kind;
	s->also = SK_NONE;
	s->day = p->day;
	s->minute = p->minute;
	s->moved_from = -1;
	s->approved_on = -1;
}

/* ---- series ---------------------------------------------------------------------------- */

int agenda_series(long first, enum agenda_repeat r, int count, long until, long *out, long *moved, int max)
{
	int y, m, d, wday = date_weekday(first), nth, n = 0;
	int step = r == AGENDA_QUARTERLY ? 3 : 1;

	date_to_ymd(first, &y, &m, &d);
	nth = (d - 1) / 7 + 1; /* 5: the last */
	for (int k = 0; n < max && (!count || n < count); k++) {
		long month = date_add_months(date_month_first(first), k * step), day;
		long last = date_month_last(month), off = -1;

		if (nth == 5)
			day = last - (date_weekday(last) - wday + 7) % 7;
		else
			day = month + (wday - date_weekday(month) + 7) % 7 + 7L * (nth - 1);
		if (until >= 0 && day > until)
			break;
		if (holiday_of(day, NULL) == HOLIDAY_OFF) {
			off = day;
			day = holiday_next_workday(day);
		}
		if (moved)
			moved[n] = off;
		out[n++] = day;
	}
	return n;
}

/* ---- the rows of the screen -------------------------------------------------------------- */

static int add_session(const struct session *s, void *ctx)
{
	struct agenda *a = ctx;
	struct agenda_session *x;

	a->sessions = xrealloc(a->sessions, (size_t)(a->nsessions + 1) * sizeof *a->sessions);
	x = &a->sessions[a->nsessions++];
	x->id = s->id;
	x->org_id = s->org_id;
	x->org = xstrdup(s->org_name ? s->org_name : "");
	x->topic = xstrdup(s->topic ? s->topic : "");
	x->kind = s->kind;
	x->also = s->also;
	x->state = s->state;
	x->day = s->day;
	x->minute = s->minute;
	return 0;
}

static void free_sessions(struct agenda *a)
{
	for (int i = 0; i < a->nsessions; i++) {
		free(a->sessions[i].org);
		free(a->sessions[i].topic);
	}
	free(a->sessions);
	a->sessions = NULL;
	a->nsessions = 0;
}

static void add_row(struct agenda *a, enum agenda_row_kind kind, int index, long day)
{
	if (a->nrows == a->caprows) {
		a->caprows = a->caprows ? 2 * a->caprows : 64;
		a->rows = xrealloc(a->rows, (size_t)a->caprows * sizeof *a->rows);
	}
	a->rows[a->nrows].kind = kind;
	a->rows[a->nrows].index = index;
	a->rows[a->nrows].day = day;
	a->nrows++;
}

void agenda_rows(struct agenda *a)
{
	int s = 0;

	a->nrows = 0;
	add_row(a, AGENDA_ROW_HEADING, 0, -1);
	for (int i = 0; i < a->needs.n; i++)
		add_row(a, AGENDA_ROW_NEED, i, -1);
	if (!a->needs.n)
		add_row(a, AGENDA_ROW_NONE, 0, -1);
	add_row(a, AGENDA_ROW_BLANK, 0, -1);
	add_row(a, AGENDA_ROW_HEADING, 1, -1);
	if (a->view == AGENDA_LIST) {
		for (s = 0; s < a->nsessions; s++)
			add_row(a, AGENDA_ROW_SESSION, s, a->sessions[s].day);
		if (!a->nsessions)
			add_row(a, AGENDA_ROW_NONE, 1, -1);
		return;
	}
	for (long day = a->first; day <= a->last; day++) {
		int has = s < a->nsessions && a->sessions[s].day == day;
		/* A month shows the days that have sessions; a week or a day every day. */
		if (!has && a->view == AGENDA_MONTH)
			continue;
		add_row(a, AGENDA_ROW_DAY, 0, day);
		for (; s < a->nsessions && a->sessions[s].day == day; s++)
			add_row(a, AGENDA_ROW_SESSION, s, day);
		if (!has && a->view == AGENDA_DAY)
			add_row(a, AGENDA_ROW_NONE, 1, day);
	}
	if (!a->nsessions && a->view == AGENDA_MONTH)
		add_row(a, AGENDA_ROW_NONE, 1, -1);
}

int agenda_load(struct db *db, struct agenda *a)
{
	int rc;

	free_sessions(a);
	agenda_range(a->view, a->day, &a->first, &a->last);
	rc = session_list(db, a->org_id, a->first, a->last, add_session, a);
	agenda_rows(a);
	return rc;
}

int agenda_row_of_day(const struct agenda *a, long day)
{
	int last = -1;

	for (int i = 0; i < a->nrows; i++) {
		if (a->rows[i].kind != AGENDA_ROW_SESSION && a->rows[i].kind != AGENDA_ROW_DAY)
			continue;
		if (a->rows[i].day >= day)
			return i;
		last = i;
	}
	return last;
}

void agenda_free(struct agenda *a)
{
	free_sessions(a);
	agenda_needs_free(&a->needs);
	free(a->rows);
	a->rows = NULL;
	a->nrows = a->caprows = 0;
}
