/*
 * rollcall.c - the roll-call sheet's logic (rollcall.h): its rows, the
 * cursor's next stop, finding a name, the counters and the quorum.  Plain
 * functions over the model; the screens in view-rollcall.c and
 * view-session.c draw the result.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/pinyin.h>
#include <orglife/rollcall.h>
#include <orglife/text.h>

void rollcall_init(struct rollcall *rc, long long session_id, enum session_kind kind, enum session_kind also,
		   int election, const struct rules_config *cfg)
{
	static const enum rule_id rules[3] = { R_QUORUM_ASSEMBLY, R_QUORUM_ELECTION, R_QUORUM_COMMITTEE };

	memset(rc, 0, sizeof *rc);
	rc->session_id = session_id;
	rc->kind = kind;
	rc->also = also;
	rc->election = election;
	for (int i = 0; i < 3; i++)
		rc->percent[i] = cfg->rules[rules[i]].enabled ? rules_param(cfg, rules[i], "percent") : 0;
}

void rollcall_free(struct rollcall *rc)
{
	for (int i = 0; i < rc->npeople; i++) {
		free(rc->people[i].name);
		free(rc->people[i].reason);
	}
	free(rc->people);
	free(rc->lines);
	memset(rc, 0, sizeof *rc);
}

void rollcall_add(struct rollcall *rc, const struct attendee *a)
{
	struct rollcall_person *p;

	if (rc->npeople == rc->cappeople) {
		rc->cappeople = rc->cappeople ? rc->cappeople * 2 : 32;
		rc->people = xrealloc(rc->people, (size_t)rc->cappeople * sizeof *rc->people);
	}
	p = &rc->people[rc->npeople++];
	p->member_id = a->member_id;
	p->name = xstrdup(a->name ? a->name : "");
	p->kind = a->kind;
	p->votes = a->votes;
	p->status = a->status;
	p->reason = xstrdup(a->reason);
	rollcall_layout(rc);
}

static int add_attendee(const struct attendee *a, void *ctx)
{
	rollcall_add(ctx, a);
	return 0;
}

int rollcall_load(struct db *db, long long session_id, const struct rules_config *cfg, struct rollcall *rc)
{
	struct session s;
	int st, election = 0;

	memset(rc, 0, sizeof *rc);
	if ((st = session_get(db, session_id, &s)) != OL_OK)
		return st;
	st = session_is_election(db, session_id, &election);
	rollcall_init(rc, session_id, s.kind, s.also, election, cfg);
	rc->state = s.state;
	session_clear(&s);
	if (st == OL_OK)
		st = session_attendees(db, session_id, add_attendee, rc);
	if (st != OL_OK)
		rollcall_free(rc);
	return st;
}

static void add_line(struct rollcall *rc, int *cap, enum rollcall_line_kind kind, enum member_status_flag group,
		     int person)
{
	if (rc->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		rc->lines = xrealloc(rc->lines, (size_t)*cap * sizeof *rc->lines);
	}
	rc->lines[rc->nlines].kind = kind;
	rc->lines[rc->nlines].group = group;
	rc->lines[rc->nlines].person = person;
	rc->nlines++;
}

void rollcall_layout(struct rollcall *rc)
{
	int cap = 0, i;
	int have_group[3] = { 0 };

	free(rc->lines);
	rc->lines = NULL;
	rc->nlines = 0;
	/* session_attendees gives the groups in order: expected, away, extra. */
	for (i = 0; i < rc->npeople; i++) {
		enum member_status_flag g = rc->people[i].kind;
		if (g != ATTENDEE_EXPECTED && !have_group[g])
			add_line(rc, &cap, ROLLCALL_HEADING, g, -1);
		have_group[g] = 1;
		add_line(rc, &cap, ROLLCALL_PERSON, g, i);
	}
}

struct rollcall_person *rollcall_person_at(const struct rollcall *rc, int line)
{
	if (line < 0 || line >= rc->nlines || rc->lines[line].kind != ROLLCALL_PERSON)
		return NULL;
	return &rc->people[rc->lines[line].person];
}

int rollcall_next(const struct rollcall *rc, int line)
{
	for (int i = line + 1; i < rc->nlines; i++)
		if (rc->lines[i].kind == ROLLCALL_PERSON)
			return i;
	return line;
}

int rollcall_first(const struct rollcall *rc)
{
	for (int i = 0; i < rc->nlines; i++)
		if (rc->lines[i].kind == ROLLCALL_PERSON)
			return i;
	return -1;
}

int rollcall_matches(const struct rollcall_person *p, const char *needle)
{
	return pinyin_match(p->name, needle);
}

void rollcall_count(const struct rollcall *rc, struct rollcall_counts *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < rc->npeople; i++) {
		const struct rollcall_person *p = &rc->people[i];
		if (p->kind == ATTENDEE_AWAY) {
			c->away++;
			continue;
		}
		if (p->kind == ATTENDEE_EXTRA) {
			c->others++;
			continue;
		}
		c->expected++;
		switch (p->status) {
		case ATTEND_PRESENT: c->present++; break;
		case ATTEND_LATE: c->late++; break;
		case ATTEND_EXCUSED: c->excused++; break;
		case ATTEND_ABSENT: c->absent++; break;
		default: c->unmarked++; break;
		}
	}
	c->attending = c->present + c->late;
}

/* Which quorum applies: as rules-eval.c judges sessions. */
static int quorum_rule(const struct rollcall *rc, enum rule_id *rule, int *percent, int *voters_only)
{
	int assembly = rc->kind == SK_ASSEMBLY || rc->also == SK_ASSEMBLY;

	*voters_only = 1;
	if (rc->election && rc->percent[1]) {
		*rule = R_QUORUM_ELECTION; /* R-QUORUM-ELECTION */
		*percent = rc->percent[1];
	} else if (assembly && rc->percent[0]) {
		*rule = R_QUORUM_ASSEMBLY; /* R-QUORUM-ASSEMBLY */
		*percent = rc->percent[0];
	} else if (rc->kind == SK_COMMITTEE && rc->percent[2]) {
		*rule = R_QUORUM_COMMITTEE; /* R-QUORUM-COMMITTEE */
		*percent = rc->percent[2];
		*voters_only = 0;
	} else
		return 0;
	return 1;
}

void rollcall_quorum(const struct rollcall *rc, struct rollcall_quorum *q)
{
	memset(q, 0, sizeof *q);
	if (!quorum_rule(rc, &q->rule, &q->percent, &q->voters_only))
		return;
	q->applies = 1;
	for (int i = 0; i < rc->npeople; i++) {
		const struct rollcall_person *p = &rc->people[i];
		if (p->kind != ATTENDEE_EXPECTED || (q->voters_only && !p->votes))
			continue;
		q->base++;
		q->have += p->status == ATTEND_PRESENT || p->status == ATTEND_LATE;
		q->open += p->status == ATTEND_NONE;
	}
	if (q->base == 0) {
		q->applies = 0; /* nobody counts: nothing to judge, as in the engine */
		return;
	}
	/* The fewest n with n * 100 > base * percent. */
	q->need = q->base * q->percent / 100 + 1;
	if (q->have >= q->need)
		q->state = QUORUM_REACHED;
	else if (q->have + q->open >= q->need)
		q->state = QUORUM_OPEN;
	else
		q->state = QUORUM_MISSED;
}

int rollcall_mark(struct db *db, struct rollcall *rc, int line, enum attend_status status, const char *reason)
{
	struct rollcall_person *p = rollcall_person_at(rc, line);
	int st;

	if (!p)
		return OL_OK;
	if (reason && !*reason)
		reason = NULL;
	if (status == ATTEND_NONE || status == ATTEND_PRESENT)
		reason = NULL;
	st = attend_set(db, rc->session_id, p->member_id, status, reason);
	if (st != OL_OK)
		return st;
	p->status = status;
	free(p->reason);
	p->reason = xstrdup(reason);
	return OL_OK;
}
