/*
 * db-facts.c - loading the facts the obligations engine reads (facts.h).
 *
 * One statement per kind of fact, each read in the order the engine wants,
 * so loading is a handful of sequential scans.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/pack.h>
#include "db-internal.h"
#include "facts-internal.h"

void *db_grow(void *arr_p, int *n, int *cap, size_t sz)
{
	void **arr = arr_p;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = xrealloc(*arr, (size_t)*cap * sz);
	}
	return (char *)*arr + (size_t)(*n)++ * sz;
}

int db_facts_orgs(struct db *db, sqlite3_stmt *st, struct facts *f)
{
	int rc, cap = f->norgs;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_org *o = db_grow(&f->orgs, &f->norgs, &cap, sizeof *o);
		const char *kind = (const char *)sqlite3_column_text(st, 3);
		o->id = sqlite3_column_int64(st, 0);
		o->parent_id = sqlite3_column_int64(st, 1);
		o->name = db_col_strdup(st, 2);
		o->kind = ORG_BRANCH;
		if (kind)
			org_kind_parse(kind, &o->kind);
		o->term_years = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading organizations");
}

/* Points each member's name into the pool again, which may have moved;
 * the members are still in the order they were read. */
static void point_names(struct facts *f)
{
	for (int i = 0, at = 0; i < f->nmembers; i++) {
		f->members[i].name = f->names + at;
		at += (int)strlen(f->names + at) + 1;
	}
}

/* Reads the members of st's rows, calling each (when not NULL) on every
 * member read, with the statement on its row: for the columns after the
 * member's.  The names are pointed to by point_names, once the pool
 * stops moving. */
static int read_members(struct db *db, sqlite3_stmt *st, struct facts *f,
			int (*each)(struct db *db, sqlite3_stmt *st, struct facts *f, int member, void *ctx), void *ctx)
{
	int rc, cap = f->nmembers, each_rc = OL_OK;

	while (each_rc == OL_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_member *m = db_grow(&f->members, &f->nmembers, &cap, sizeof *m);
		const char *status = (const char *)sqlite3_column_text(st, 4);
		const char *name = (const char *)sqlite3_column_text(st, 3);
		int len = name ? (int)strlen(name) : 0;
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(st, 0);
		m->org_id = sqlite3_column_int64(st, 1);
		m->group_id = sqlite3_column_int64(st, 2);
		/* Names go end to end in one pool (pointed to once it stops
		 * moving). */
		while (f->nnames + len + 1 > f->capnames) {
			f->capnames = f->capnames ? f->capnames * 2 : 4096;
			f->names = xrealloc(f->names, (size_t)f->capnames);
		}
		memcpy(f->names + f->nnames, name ? name : "", (size_t)len);
		f->names[f->nnames + len] = 0;
		f->nnames += len + 1;
		m->admitted = MEMBER_FULL;
		if (status)
			member_status_parse(status, &m->admitted);
		m->joined = db_col_day(st, 5);
		m->confirmed = db_col_day(st, 6);
		m->probation_until = db_col_day(st, 7);
		m->cadre = sqlite3_column_int(st, 8);
		if (each)
			each_rc = each(db, st, f, f->nmembers - 1, ctx);
	}
	sqlite3_reset(st);
	if (each_rc != OL_OK)
		return each_rc;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading members");
}

int db_facts_members(struct db *db, sqlite3_stmt *st, struct facts *f)
{
	int rc = read_members(db, st, f, NULL, NULL);

	point_names(f);
	return rc;
}
static int cmp_event(const void *a, const void *b)
{
	const struct fact_event *x = a, *y = b;

	if (x->member_id != y->member_id)
		return x->member_id < y->member_id ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Events and members are both by member id: gives each member its slice. */
static void event_slices(struct facts *f)
{
	int mi = 0;

	for (int i = 0; i < f->nevents; i++) {
		while (mi < f->nmembers && f->members[mi].id < f->events[i].member_id)
			mi++;
		if (mi < f->nmembers && f->members[mi].id == f->events[i].member_id) {
			if (f->members[mi].nevents++ == 0)
				f->members[mi].first_event = i;
		}
	}
}

int db_facts_events(struct db *db, sqlite3_stmt *st, struct facts *f, int sort)
{
	int rc, cap = f->nevents;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_event *e = db_grow(&f->events, &f->nevents, &cap, sizeof *e);
		const char *kind = (const char *)sqlite3_column_text(st, 1);

		e->member_id = sqlite3_column_int64(st, 0);
		e->id = sqlite3_column_int64(st, 5);
		e->kind = EVENT_BACK;
		if (kind)
			member_event_parse(kind, &e->kind);
		e->day = db_col_day(st, 2);
		e->until = db_col_day(st, 3);
		e->has_doc = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading members' events");
	if (sort)
		if (f->nevents > 1)
			qsort(f->events, (size_t)f->nevents, sizeof *f->events, cmp_event);
	event_slices(f);
	return OL_OK;
}

static int cmp_role(const void *a, const void *b)
{
	const struct fact_role *x = a, *y = b;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

int db_facts_roles(struct db *db, sqlite3_stmt *st, struct facts *f, int sort)
{
	int rc, cap = f->nroles;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_role *r = db_grow(&f->roles, &f->nroles, &cap, sizeof *r);
		const char *role = (const char *)sqlite3_column_text(st, 2);
		r->member_id = sqlite3_column_int64(st, 0);
		r->org_id = sqlite3_column_int64(st, 1);
		r->id = sqlite3_column_int64(st, 5);
		r->role = ROLE_COMMITTEE_MEMBER;
		if (role)
			role_parse(role, &r->role);
		r->from = db_col_day(st, 3);
		r->to = db_col_day(st, 4);
	}
	sqlite3_reset(st);
	if (sort)
		if (f->nroles > 1)
			qsort(f->roles, (size_t)f->nroles, sizeof *f->roles, cmp_role);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading committee roles");
}

static enum session_kind kind_of(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	enum session_kind k;

	return s && session_kind_parse(s, &k) == 0 ? k : SK_NONE;
}

int db_facts_sessions(struct db *db, sqlite3_stmt *st, struct facts *f)
{
	struct marks m = { 0 };
	int rc, cap = f->nsessions, capm = f->nmarks;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_session *s = db_grow(&f->sessions, &f->nsessions, &cap, sizeof *s);
		memset(s, 0, sizeof *s);
		s->id = sqlite3_column_int64(st, 0);
		s->org_id = sqlite3_column_int64(st, 1);
		s->lecturer_id = sqlite3_column_int64(st, 2);
		s->kind = kind_of(st, 3);
		s->also = kind_of(st, 4);
		s->state = sqlite3_column_int(st, 5) ? SESSION_HELD : SESSION_PLANNED;
		s->day = db_col_day(st, 6);
		if (marks_decode(sqlite3_column_blob(st, 7), (size_t)sqlite3_column_bytes(st, 7), &m) != 0) {
			sqlite3_reset(st);
			marks_free(&m);
			return db_fail(db, OL_EDB, _("the attendance of session %lld is damaged: restore it from a backup"),
				       s->id);
		}
		s->first_mark = f->nmarks;
		s->nmarks = (int)m.n;
		for (size_t k = 0; k < m.n; k++) {
			struct fact_mark *fm = db_grow(&f->marks, &f->nmarks, &capm, sizeof *fm);
			fm->member_id = m.v[k].member_id;
			fm->status = (enum attend_status)m.v[k].status;
		}
	}
	sqlite3_reset(st);
	marks_free(&m);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading sessions");
}

int db_facts_elections(struct db *db, sqlite3_stmt *st, struct facts *f)
{
	int rc, cap = f->nelections;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_election *e = db_grow(&f->elections, &f->nelections, &cap, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		e->org_id = sqlite3_column_int64(st, 1);
		e->session_id = sqlite3_column_int64(st, 2);
		e->day = db_col_day(st, 3);
		e->term_years = sqlite3_column_int(st, 4);
		e->ext_until = db_col_day(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading elections");
}

/* Runs one of the whole-table readers above on sql. */
static int read_all(struct db *db, const char *sql, int (*reader)(struct db *, sqlite3_stmt *, struct facts *),
		    struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	return st ? reader(db, st, f) : OL_EDB;
}

static int load_sessions(struct db *db, const struct facts_window *w, struct facts *f)
{
	/* Cancelled sessions never count; planned ones show as planned; the
	 * marks of held ones are read with them. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT " DB_FACT_SESSION_COLS ", CASE WHEN state = 'held' AND day >= ?3 THEN marks END FROM session"
		" WHERE (day >= ?1 OR (day >= ?2 AND (kind IN ('lesson', 'org-life', 'appraisal')"
		"  OR also_kind IN ('lesson', 'org-life', 'appraisal')))) AND state <> 'cancelled'"
		" ORDER BY org_id, day, id");

	if (!st)
		return OL_EDB;
	db_bind_day(st, 1, w->sessions_from);
	db_bind_day(st, 2, w->yearly_from < w->sessions_from ? w->yearly_from : w->sessions_from);
	db_bind_day(st, 3, w->marks_from);
	return db_facts_sessions(db, st, f);
}

/* A member's latest month paid up to `until`, from their payments. */
static int latest_paid(struct db *db, sqlite3_stmt *st, long long member, int until, int *latest)
{
	int rc;

	sqlite3_bind_int64(st, 1, member);
	rc = sqlite3_step(st);
	*latest = -1;
	if (rc == SQLITE_ROW &&
	    payments_latest(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), until, latest) != 0) {
		sqlite3_reset(st);
		return db_fail(db, OL_EDB, _("the dues record of member %lld is damaged: restore it from a backup"), member);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading dues");
}

static int load_dues(struct db *db, const struct facts_window *w, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, payments FROM dues ORDER BY member_id");
	int rc, cap = 0, until = date_month_index(w->as_of);

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long member = sqlite3_column_int64(st, 0);
		int latest;
		if (payments_latest(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), until, &latest) != 0) {
			sqlite3_reset(st);
			return db_fail(db, OL_EDB, _("the dues record of member %lld is damaged: restore it from a backup"),
				       member);
		}
		if (latest >= 0) {
			struct fact_dues *fd = db_grow(&f->dues, &f->ndues, &cap, sizeof *fd);
			fd->member_id = member;
			fd->month = latest;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading dues");
}

static int load_ledger(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, org_id, coalesce(member_id, 0), due, state = 'done', problem"
				       " FROM ledger WHERE state <> 'closed' ORDER BY org_id, due, id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_ledger *l = db_grow(&f->ledger, &f->nledger, &cap, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		l->org_id = sqlite3_column_int64(st, 1);
		l->member_id = sqlite3_column_int64(st, 2);
		l->due = db_col_day(st, 3);
		l->state = sqlite3_column_int(st, 4) ? LEDGER_FACT_DONE : LEDGER_FACT_OPEN;
		l->problem = db_col_strdup(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading the rectification ledger");
}

static int load_rest(struct db *db, struct facts *f, long from);

/* What a load without the summaries' help reads whole: organizations,
 * members, events, roles, elections and the open ledger. */
static int load_common(struct db *db, struct facts *f, long from)
{
	int rc = read_all(db, DB_FACT_ORG_SQL " ORDER BY id", db_facts_orgs, f);

	if (rc == OL_OK)
		rc = read_all(db, DB_FACT_MEMBER_SQL " ORDER BY id", db_facts_members, f);
	return rc == OL_OK ? load_rest(db, f, from) : rc;
}

/* Events, roles in force from day `from` on, elections and the open
 * ledger.  Each event gets its member's slice when the member is read
 * already; a narrow load reads the members after (load_candidates). */
static int load_rest(struct db *db, struct facts *f, long from)
{
	sqlite3_stmt *st;
	int rc = OL_OK;

	/* Whole tables in their own order, sorted here: cheaper than an
	 * index walk that visits the table row by row. */
	if (rc == OL_OK && !(st = db_stmt(db, DB_FACT_EVENT_SQL)))
		rc = OL_EDB;
	if (rc == OL_OK)
		rc = db_facts_events(db, st, f, 1);
	/* Roles that ended before the window tell nothing about it. */
	if (rc == OL_OK && !(st = db_stmt(db, DB_FACT_ROLE_SQL " WHERE to_date IS NULL OR to_date >= ?1")))
		rc = OL_EDB;
	if (rc == OL_OK) {
		db_bind_day(st, 1, from);
		rc = db_facts_roles(db, st, f, 1);
	}
	if (rc == OL_OK)
		rc = read_all(db, DB_FACT_ELECTION_SQL " ORDER BY org_id, on_date, id", db_facts_elections, f);
	if (rc == OL_OK)
		rc = load_ledger(db, f);
	return rc;
}

/* ---- from the summaries ------------------------------------------------------------ */

static long window_start(const struct facts_window *w)
{
	return w->yearly_from < w->sessions_from ? w->yearly_from : w->sessions_from;
}

static void mark_raw(struct facts *f, const struct fact_raw *late, int nlate);

/* The organizations' months from the window's first on, and their rosters. */
static int load_sums(struct db *db, const struct facts_window *w, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT org_id, months, roster FROM summary_org ORDER BY org_id");
	struct roster r = { 0 };
	struct sum_set month = { 0 };
	struct fact_raw *late = NULL;
	size_t capbytes = 0;
	int rc, cap = 0, capm = 0, nlate = 0, caplate = 0, from = date_month_index(window_start(w)),
		full_from = date_month_index(w->periods_from), monthly_from = date_month_index(w->monthly_from);

	if (!st)
		return OL_EDB;
	f->months_full_to = date_month_index(w->periods_to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long org = sqlite3_column_int64(st, 0);
		const struct fact_org *o = facts_org(f, org);
		/* A group has only a monthly rule: only the months of its
		 * periods (and those after, which may hold a session after
		 * the as-of day); and no structure rule: no roster. */
		int group = o && o->kind == ORG_GROUP, want_roster = !group;
		int first = group ? monthly_from : from, ffrom = group ? monthly_from : full_from;
		const unsigned char *blob = sqlite3_column_blob(st, 1);
		size_t used = 0;

		r.n = 0;
		month.n = month.nq = 0;
		if ((blob && summary_months_decode(blob, (size_t)sqlite3_column_bytes(st, 1), org, first, ffrom,
						   f->months_full_to, &month, &used) != 0) ||
		    (want_roster && sqlite3_column_type(st, 2) != SQLITE_NULL &&
		     summary_roster_decode(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2), &r) != 0)) {
			sqlite3_reset(st);
			roster_free(&r);
			sum_set_free(&month);
			free(late);
			return db_fail(db, OL_EDB, _("the summary of organization %lld is damaged: restore it from a backup"), org);
		}
		/* Months with a session held after the as-of day. */
		for (int i = 0; i < month.n; i++)
			if (month.m[i].last_held > w->as_of) {
				struct fact_raw *l = db_grow(&late, &nlate, &caplate, sizeof *l);
				l->org_id = org;
				l->month = month.m[i].month;
			}
		/* Kept as the blob's part read, a few bytes a month. */
		if (month.n > 0) {
			struct fact_months *fm = db_grow(&f->months, &f->nmonths, &capm, sizeof *fm);
			while (f->nmonth_bytes + used > capbytes) {
				capbytes = capbytes ? capbytes * 2 : 65536;
				f->month_bytes = xrealloc(f->month_bytes, capbytes);
			}
			memcpy(f->month_bytes + f->nmonth_bytes, blob, used);
			fm->org_id = org;
			fm->off = f->nmonth_bytes;
			fm->len = (int)used;
			fm->from = first;
			fm->full_from = ffrom;
			f->nmonth_bytes += used;
		}
		if (want_roster && sqlite3_column_type(st, 2) != SQLITE_NULL) {
			struct fact_roster *fr = db_grow(&f->rosters, &f->nrosters, &cap, sizeof *fr);
			fr->org_id = org;
			roster_at(r.here, r.full, r.v, r.n, w->as_of, &fr->here, &fr->full);
		}
	}
	sqlite3_reset(st);
	roster_free(&r);
	sum_set_free(&month);
	if (rc == SQLITE_DONE)
		mark_raw(f, late, nlate);
	free(late);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading the summaries");
}

/* Reads a member's dues and month bytes from a row: column paid_col the
 * latest paid month, the next one the month bytes.  Keeps the latest
 * month paid up to the as-of month (from their payments when they paid
 * ahead) and the bytes from marks_from on. */
struct life_ctx {
	sqlite3_stmt *pay;
	int paid_col, from, until, capd, capl;
};

static int take_life(struct db *db, sqlite3_stmt *st, struct facts *f, int i, void *ctx_)
{
	struct life_ctx *c = ctx_;
	struct fact_member *m = &f->members[i];
	const unsigned char *bytes;
	int first, n, paid = -1, rc;

	if (sqlite3_column_type(st, c->paid_col) != SQLITE_NULL) {
		paid = sqlite3_column_int(st, c->paid_col);
		if (paid > c->until && (rc = latest_paid(db, c->pay, m->id, c->until, &paid)) != OL_OK)
			return rc;
	}
	if (paid >= 0) {
		struct fact_dues *fd = db_grow(&f->dues, &f->ndues, &c->capd, sizeof *fd);
		fd->member_id = m->id;
		fd->month = paid;
	}
	if (sqlite3_column_type(st, c->paid_col + 1) == SQLITE_NULL)
		return OL_OK;
	if (summary_life_decode(sqlite3_column_blob(st, c->paid_col + 1), (size_t)sqlite3_column_bytes(st, c->paid_col + 1),
				&first, &bytes, &n) != 0)
		return db_fail(db, OL_EDB, _("the summary of member %lld is damaged: restore it from a backup"), m->id);
	if (first < c->from) {
		int skip = c->from - first < n ? c->from - first : n;
		bytes += skip;
		n -= skip;
		first = c->from;
	}
	m->life_first = first;
	m->life_n = n;
	m->life_off = f->nlife;
	if (n > 0) {
		while (f->nlife + n > c->capl) {
			c->capl = c->capl ? c->capl * 2 : 4096;
			f->life = xrealloc(f->life, (size_t)c->capl);
		}
		memcpy(f->life + f->nlife, bytes, (size_t)n);
		f->nlife += n;
	}
	return OL_OK;
}

/* Every member's dues and month bytes, by a scan merged with the members. */
static int load_life(struct db *db, const struct facts_window *w, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, last_paid, life FROM summary_member ORDER BY member_id");
	struct life_ctx c = { .pay = db_stmt(db, "SELECT payments FROM dues WHERE member_id = ?1"), .paid_col = 1,
			      .from = date_month_index(f->marks_from), .until = date_month_index(w->as_of) };
	int rc = SQLITE_DONE, status = OL_OK, mi = 0;

	if (!st || !c.pay)
		return OL_EDB;
	while (status == OL_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		while (mi < f->nmembers && f->members[mi].id < id)
			mi++;
		if (mi < f->nmembers && f->members[mi].id == id)
			status = take_life(db, st, f, mi, &c);
	}
	sqlite3_reset(st);
	if (status != OL_OK)
		return status;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading the summaries");
}

static int cmp_raw(const void *a, const void *b)
{
	const struct fact_raw *x = a, *y = b;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	return (x->month > y->month) - (x->month < y->month);
}

static int cmp_session(const void *a, const void *b)
{
	const struct fact_session *x = a, *y = b;

	if (x->org_id != y->org_id)
		return x->org_id < y->org_id ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The branch an organization's sessions are judged with: a group's parent
 * branch, else the organization itself. */
static long long family_of(const struct facts *f, long long org)
{
	const struct fact_org *o = facts_org(f, org);

	return o && o->kind == ORG_GROUP && o->parent_id ? o->parent_id : org;
}

/*
 * A month summed before a session of it was held after the as-of day
 * counts that session as held; the rules must not.  Such months (late:
 * org and month), for the organization's whole branch, are read from the
 * sessions themselves.
 */
static void mark_raw(struct facts *f, const struct fact_raw *late, int nlate)
{
	int i, j, n = 0, cap = 0;

	for (i = 0; i < nlate; i++) {
		long long root = family_of(f, late[i].org_id);
		for (j = 0; j < f->norgs; j++) {
			const struct fact_org *o = &f->orgs[j];
			if (o->id == root || (o->kind == ORG_GROUP && o->parent_id == root)) {
				struct fact_raw *r = db_grow(&f->raw, &f->nraw, &cap, sizeof *r);
				r->org_id = o->id;
				r->month = late[i].month;
			}
		}
	}
	if (f->nraw > 1)
		qsort(f->raw, (size_t)f->nraw, sizeof *f->raw, cmp_raw);
	for (i = 0; i < f->nraw; i++)
		if (i == 0 || cmp_raw(&f->raw[i], &f->raw[n - 1]) != 0)
			f->raw[n++] = f->raw[i];
	f->nraw = n;
}

/* The sessions of the months read from the sessions themselves. */
static int load_raw_sessions(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT " DB_FACT_SESSION_COLS ", CASE WHEN state = 'held' AND day >= ?4 THEN marks END FROM session"
		" WHERE org_id = ?1 AND day BETWEEN ?2 AND ?3 AND state <> 'cancelled' ORDER BY day, id");
	int i, rc = OL_OK;

	if (!st)
		return OL_EDB;
	for (i = 0; i < f->nraw && rc == OL_OK; i++) {
		long first, last;
		first = date_month_index_first(f->raw[i].month);
		last = date_month_last(first);
		sqlite3_bind_int64(st, 1, f->raw[i].org_id);
		db_bind_day(st, 2, first);
		db_bind_day(st, 3, last);
		db_bind_day(st, 4, f->marks_from);
		rc = db_facts_sessions(db, st, f);
	}
	if (f->nsessions > 1)
		qsort(f->sessions, (size_t)f->nsessions, sizeof *f->sessions, cmp_session);
	return rc;
}

static int cmp_dues(const void *a, const void *b)
{
	const struct fact_dues *x = a, *y = b;

	return (x->member_id > y->member_id) - (x->member_id < y->member_id);
}

static int cmp_member(const void *a, const void *b)
{
	const struct fact_member *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Members who may have a finding, growing; why: only as a cadre. */
struct ids {
	struct cand {
		long long id;
		int cadre_only;
	} *v;
	int n, cap;
};

static void ids_add(struct ids *s, long long id, int cadre_only)
{
	struct cand *c = db_grow(&s->v, &s->n, &s->cap, sizeof *s->v);

	c->id = id;
	c->cadre_only = cadre_only;
}

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/*
 * A cadre with nothing else that may be found: do they still need reading,
 * or did they attend enough in each quarter R-CADRE looks at?  Their
 * summary's month bytes say, as the engine would count them (a month read
 * from its sessions has all its branch's members read anyway).
 */
static int cadre_needed(struct db *db, sqlite3_stmt *st, const struct facts_window *w, long long id, int *needed)
{
	const unsigned char *bytes = NULL;
	int rc, first = 0, n = 0;

	*needed = 0;
	if (w->ncadre_q == 0)
		return OL_OK;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    summary_life_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), &first, &bytes, &n) != 0) {
		sqlite3_reset(st);
		return db_fail(db, OL_EDB, _("the summary of member %lld is damaged: restore it from a backup"), id);
	}
	/* The quarters lie inside the marks read (rules_facts_window). */
	for (int q = 0; q < w->ncadre_q && !*needed; q++) {
		int attended = 0;
		for (int mo = w->cadre_q[q]; mo < w->cadre_q[q] + 3; mo++)
			if (mo - first >= 0 && mo - first < n)
				attended += LIFE_ATTENDED(bytes[mo - first]);
		*needed = attended < w->cadre_min;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading the summaries");
}

/*
 * Who may have a finding, from the facts already read: members away by
 * their latest event by then (R-MOBILE-CERT, R-TRANSFER, R-LOST), the
 * secretary in office when a review names them, and members named in the
 * open ledger.  The events are every member's, by member, day and id.
 */
static void candidates_read(const struct facts_window *w, const struct facts *f, struct ids *c)
{
	for (int i = 0; i < f->nevents;) {
		const struct fact_event *latest = NULL;
		int j = i;
		for (; j < f->nevents && f->events[j].member_id == f->events[i].member_id; j++)
			if (f->events[j].day <= w->as_of)
				latest = &f->events[j];
		if (latest && (latest->kind == EVENT_FLOW_OUT || latest->kind == EVENT_LOST))
			ids_add(c, latest->member_id, 0);
		i = j;
	}
	for (int i = 0; w->with_ok && i < f->nroles; i++) {
		const struct fact_role *r = &f->roles[i];
		if (r->role == ROLE_SECRETARY && r->from <= w->as_of && (r->to < 0 || r->to >= w->as_of))
			ids_add(c, r->member_id, 0);
	}
	for (int i = 0; i < f->nledger; i++)
		if (f->ledger[i].member_id)
			ids_add(c, f->ledger[i].member_id, 0);
}

/* Keeps only the events of the members read, and gives each its slice. */
static void keep_member_events(struct facts *f)
{
	int n = 0, mi = 0;

	for (int i = 0; i < f->nevents; i++) {
		while (mi < f->nmembers && f->members[mi].id < f->events[i].member_id)
			mi++;
		if (mi < f->nmembers && f->members[mi].id == f->events[i].member_id)
			f->events[n++] = f->events[i];
	}
	f->nevents = n;
	event_slices(f);
}

/*
 * The members who may have a finding (facts_window.narrow), and every
 * member of a branch read from its sessions; by id.  The events, roles
 * and ledger are read already; the events are then cut to these members.
 */
static int load_candidates(struct db *db, const struct facts_window *w, struct facts *f)
{
	/* On probation near its end; cadres (R-CADRE: see cadre_needed);
	 * behind with dues, or with taking part and missed a month since,
	 * unless away for good by then. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT id, 0 FROM member WHERE status = 'probationary' AND (confirmed IS NULL OR confirmed > ?1)"
		"  AND coalesce(probation_until, date(joined, '+1 year')) <= ?6"
		" UNION ALL SELECT id, 1 FROM member WHERE cadre = 1"
		" UNION ALL SELECT member_id, 0 FROM summary_member"
		"  WHERE (last_paid IS NULL OR last_paid <= ?2 OR last_paid > ?3) AND (away_from IS NULL OR away_from > ?5)"
		" UNION ALL SELECT member_id, 0 FROM summary_member"
		"  WHERE (last_part > ?3 OR ((last_part IS NULL OR last_part <= ?4) AND last_missed > coalesce(last_part, -1)))"
		"  AND (away_from IS NULL OR away_from > ?5)");
	sqlite3_stmt *one = db_stmt(db, DB_FACT_MEMBER_JOIN_SQL " WHERE m.id = ?1");
	sqlite3_stmt *fam = db_stmt(db, DB_FACT_MEMBER_JOIN_SQL " WHERE m.org_id = ?1");
	sqlite3_stmt *life = db_stmt(db, "SELECT life FROM summary_member WHERE member_id = ?1");
	struct life_ctx c = { .pay = db_stmt(db, "SELECT payments FROM dues WHERE member_id = ?1"), .paid_col = 9,
			      .from = date_month_index(f->marks_from), .until = date_month_index(w->as_of) };
	struct ids ids = { 0 };
	long long last = 0;
	int rc, n = 0;

	if (!st || !one || !fam || !life || !c.pay)
		return OL_EDB;
	db_bind_day(st, 1, w->as_of);
	sqlite3_bind_int(st, 2, w->dues_cut);
	sqlite3_bind_int(st, 3, date_month_index(w->as_of));
	sqlite3_bind_int(st, 4, w->life_cut);
	sqlite3_bind_int64(st, 5, w->as_of);
	db_bind_day(st, 6, w->probation_cut);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids_add(&ids, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids.v);
		return db_fail_sqlite(db, "reading members");
	}
	candidates_read(w, f, &ids);
	if (ids.n > 1)
		qsort(ids.v, (size_t)ids.n, sizeof *ids.v, cmp_cand);
	/* Each once, in id order: the members come out by id. */
	rc = OL_OK;
	for (int i = 0, j; rc == OL_OK && i < ids.n; i = j) {
		int cadre_only = 1, needed = 1;
		for (j = i; j < ids.n && ids.v[j].id == ids.v[i].id; j++)
			cadre_only &= ids.v[j].cadre_only;
		if (cadre_only)
			rc = cadre_needed(db, life, w, ids.v[i].id, &needed);
		if (rc != OL_OK || !needed)
			continue;
		sqlite3_bind_int64(one, 1, ids.v[i].id);
		rc = read_members(db, one, f, take_life, &c);
	}
	free(ids.v);
	/* A branch whose month is read from its sessions needs all its
	 * members (their quorums, their months). */
	for (int i = 0; rc == OL_OK && i < f->nraw; i++) {
		long long root = family_of(f, f->raw[i].org_id);
		if (root == last)
			continue;
		last = root;
		sqlite3_bind_int64(fam, 1, root);
		rc = read_members(db, fam, f, take_life, &c);
	}
	point_names(f);
	if (rc != OL_OK)
		return rc;
	if (f->nraw > 0) {
		if (f->nmembers > 1)
			qsort(f->members, (size_t)f->nmembers, sizeof *f->members, cmp_member);
		for (int i = 0; i < f->nmembers; i++)
			if (n == 0 || f->members[n - 1].id != f->members[i].id)
				f->members[n++] = f->members[i];
		f->nmembers = n;
		/* Their dues by member too, once each. */
		if (f->ndues > 1)
			qsort(f->dues, (size_t)f->ndues, sizeof *f->dues, cmp_dues);
		n = 0;
		for (int i = 0; i < f->ndues; i++)
			if (n == 0 || f->dues[n - 1].member_id != f->dues[i].member_id)
				f->dues[n++] = f->dues[i];
		f->ndues = n;
	}
	keep_member_events(f);
	return OL_OK;
}

static int load(struct db *db, const struct facts_window *w, struct facts *f, int summaries)
{
	int rc, from, cache;

	memset(f, 0, sizeof *f);
	/* Each page is wanted about once: a small cache does not read more,
	 * and keeps a district review 2 MB smaller. */
	cache = db_cache_size(db, -256);
	f->from = w->sessions_from;
	f->marks_from = w->marks_from > w->sessions_from ? w->marks_from : w->sessions_from;
	/* One read transaction: the facts are one consistent snapshot. */
	if ((rc = db_read_begin(db)) != OL_OK) {
		db_cache_size(db, cache);
		return rc;
	}
	from = db_summary_from(db);
	f->summarized = summaries && from >= 0 && date_month_index(window_start(w)) >= from;
	f->narrow = f->summarized && w->narrow;
	if (f->narrow) {
		/* Organizations and their summaries first: they say which
		 * branches need all their members. */
		rc = read_all(db, DB_FACT_ORG_SQL " ORDER BY id", db_facts_orgs, f);
		if (rc == OL_OK)
			rc = load_sums(db, w, f);
		if (rc == OL_OK)
			rc = load_rest(db, f, window_start(w));
		if (rc == OL_OK)
			rc = load_candidates(db, w, f);
	} else
		rc = load_common(db, f, window_start(w));
	if (rc == OL_OK && f->summarized) {
		if (!f->narrow)
			rc = load_sums(db, w, f);
		/* The members chosen came with their dues and months. */
		if (rc == OL_OK && !f->narrow)
			rc = load_life(db, w, f);
		if (rc == OL_OK)
			rc = load_raw_sessions(db, f);
	} else if (rc == OL_OK) {
		rc = load_sessions(db, w, f);
		if (rc == OL_OK)
			rc = load_dues(db, w, f);
	}
	db_read_end(db);
	db_cache_size(db, cache);
	if (rc != OL_OK)
		facts_free(f);
	return rc;
}

int facts_load(struct db *db, const struct facts_window *w, struct facts *f)
{
	return load(db, w, f, 1);
}

int facts_load_raw(struct db *db, const struct facts_window *w, struct facts *f)
{
	return load(db, w, f, 0);
}

void facts_free(struct facts *f)
{
	int i;

	for (i = 0; i < f->norgs; i++)
		free(f->orgs[i].name);
	for (i = 0; i < f->nledger; i++)
		free(f->ledger[i].problem);
	free(f->orgs);
	free(f->members);
	free(f->events);
	free(f->roles);
	free(f->sessions);
	free(f->marks);
	free(f->elections);
	free(f->dues);
	free(f->ledger);
	free(f->months);
	free(f->month_bytes);
	free(f->life);
	free(f->raw);
	free(f->names);
	free(f->rosters);
	memset(f, 0, sizeof *f);
}

const struct fact_org *facts_org(const struct facts *f, long long id)
{
	int lo = 0, hi = f->norgs - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->orgs[mid].id == id)
			return &f->orgs[mid];
		if (f->orgs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

const struct fact_member *facts_member(const struct facts *f, long long id)
{
	int lo = 0, hi = f->nmembers - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->members[mid].id == id)
			return &f->members[mid];
		if (f->members[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}
