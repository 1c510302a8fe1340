/*
 * facts-query.c - what a member or a session was on a day (facts-internal.h).
 */
#include "config.h"

#include <stddef.h>

#include <orglife/date.h>
#include "facts-internal.h"

enum member_where facts_where_on(const struct facts *f, const struct fact_member *m, long day)
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

const struct fact_event *facts_latest_event(const struct facts *f, const struct fact_member *m, long day)
{
	const struct fact_event *e = NULL;
	int i;

	for (i = 0; i < m->nevents; i++)
		if (f->events[m->first_event + i].day <= day)
			e = &f->events[m->first_event + i];
	return e;
}

int facts_is_full(const struct fact_member *m, long day)
{
	return m->admitted == MEMBER_FULL || (m->confirmed >= 0 && m->confirmed <= day);
}

static int holds_role(const struct fact_role *r, long day)
{
	return r->from <= day && (r->to < 0 || r->to >= day);
}

int facts_committee_on(const struct facts *f, long long org, long day, long long *secretary)
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

int facts_is_role_holder(const struct facts *f, long long org, long long member, long day)
{
	int lo, hi, i;

	RANGE(f->roles, f->nroles, org_id, org, &lo, &hi);
	for (i = lo; i < hi; i++)
		if (f->roles[i].member_id == member && holds_role(&f->roles[i], day))
			return 1;
	return 0;
}

enum attend_status facts_mark_of(const struct facts *f, const struct fact_session *s, long long member)
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

int facts_is_kind(const struct fact_session *s, enum session_kind k)
{
	return s->kind == k || s->also == k;
}

int facts_expected_at(const struct facts *f, const struct fact_session *s, const struct fact_member *m)
{
	if (facts_where_on(f, m, s->day) != MEMBER_HERE)
		return 0;
	if (s->kind == SK_COMMITTEE)
		return facts_is_role_holder(f, s->org_id, m->id, s->day);
	if (s->kind == SK_GROUP || m->group_id == s->org_id)
		return m->group_id == s->org_id;
	return m->org_id == s->org_id;
}

int facts_held_by(const struct fact_session *s, long as_of)
{
	return s->state == SESSION_HELD && s->day <= as_of;
}

int facts_life_month(const struct facts *f, const struct fact_member *m, int month, long as_of, int *attended)
{
	long long orgs[2] = { m->org_id, m->group_id };
	long first = date_month_index_first(month), last = date_month_last(first);
	int expected = 0, excused = 0, took = 0, lo, hi;

	*attended = 0;
	for (int k = 0; k < 2; k++) {
		if (!orgs[k])
			continue;
		RANGE(f->sessions, f->nsessions, org_id, orgs[k], &lo, &hi);
		for (int j = lo; j < hi; j++) {
			const struct fact_session *s = &f->sessions[j];
			enum attend_status a;
			if (s->day < first || s->day > last || !facts_held_by(s, as_of))
				continue;
			a = facts_mark_of(f, s, m->id);
			*attended += a == ATTEND_PRESENT || a == ATTEND_LATE;
			/* A session without a roll-call tells nothing about anyone. */
			if (!s->nmarks || !facts_expected_at(f, s, m))
				continue;
			expected++;
			took |= a == ATTEND_PRESENT || a == ATTEND_LATE;
			excused += a == ATTEND_EXCUSED;
		}
	}
	if (took)
		return 1;
	if (!expected)
		return 0;
	return excused == expected ? 1 : -1;
}

void facts_quorum_add(const struct facts *f, const struct fact_session *s, const struct fact_member *m, int voters[3],
		      int all[3])
{
	enum attend_status a;

	if (!facts_expected_at(f, s, m))
		return;
	a = facts_mark_of(f, s, m->id);
	for (int k = facts_is_full(m, s->day) ? 0 : 1; k < 2; k++) {
		int *c = k ? all : voters;
		c[1]++;
		c[2] += a != ATTEND_NONE;
		c[0] += a == ATTEND_PRESENT || a == ATTEND_LATE;
	}
}

int facts_is_election(const struct facts *f, const struct fact_session *s)
{
	int lo, hi, i;

	RANGE(f->elections, f->nelections, org_id, s->org_id, &lo, &hi);
	for (i = lo; i < hi; i++)
		if (f->elections[i].session_id == s->id)
			return 1;
	return 0;
}

