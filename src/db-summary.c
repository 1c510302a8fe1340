/*
 * db-summary.c - keeping the summaries (summary.h) current.
 *
 * A write notes what it may have changed (db_summary_touch: an
 * organization, a range of days, and whether the organizations' months or
 * the members' months); before the outermost transaction commits, the
 * touched months of each touched branch are summed again from its facts,
 * the branch with its groups being the unit whose sessions, members and
 * committee decide who was expected where.  Summaries start at the month
 * in meta 'summary-from': a check or review that needs earlier months reads
 * the sessions themselves.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/pack.h>
#include <orglife/summary.h>
#include "db-internal.h"
#include "facts-internal.h"

struct db_touch {
	long long org_id, member_id;
	long from, to; /* to < 0: no end */
	int what;
};

void db_summary_touch(struct db *db, long long org_id, long long member_id, long from, long to, int what)
{
	struct db_touch *t = db->ntouched ? &db->touched[db->ntouched - 1] : NULL;

	/* Writes come in runs about one organization: widen the last note. */
	if (t && t->org_id == org_id && t->member_id == member_id && t->what == what) {
		if (from < t->from)
			t->from = from;
		if (to < 0 || t->to < 0)
			t->to = -1;
		else if (to > t->to)
			t->to = to;
		return;
	}
	t = db_grow(&db->touched, &db->ntouched, &db->captouched, sizeof *t);
	t->org_id = org_id;
	t->member_id = member_id;
	t->from = from;
	t->to = to;
	t->what = what;
}

void db_summary_forget(struct db *db)
{
	db->ntouched = 0;
}

int db_summary_from(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM meta WHERE key = 'summary-from'");
	int month = -1, y, m;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (v && date_parse_month(v, &y, &m, NULL) == 0)
			month = y * 12 + m - 1;
	}
	sqlite3_reset(st);
	return month;
}

/* ---- a branch's facts ------------------------------------------------------------- */

/* The branch whose facts judge org's sessions: a group's parent branch. */
static int family_root(struct db *db, long long org, long long *root)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT kind = 'group', coalesce(parent_id, 0) FROM org WHERE id = ?1");
	int rc;

	if (!st)
		return OL_EDB;
	*root = org;
	sqlite3_bind_int64(st, 1, org);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) && sqlite3_column_int64(st, 1))
		*root = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading an organization");
}

#define FAMILY "(SELECT id FROM org WHERE id = ?1 OR (parent_id = ?1 AND kind = 'group'))"

/* A statement of the family's rows, bound to its root. */
static sqlite3_stmt *family_stmt(struct db *db, const char *sql, long long root)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st)
		sqlite3_bind_int64(st, 1, root);
	return st;
}

/* The branch root with its groups, their members, and their sessions from
 * day `from` on (to `to` when not negative) with the marks of held ones. */
static int load_family(struct db *db, long long root, long from, long to, struct facts *f)
{
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof *f);
	rc = (st = family_stmt(db, DB_FACT_ORG_SQL " WHERE id IN " FAMILY " ORDER BY id", root)) ? db_facts_orgs(db, st, f)
											       : OL_EDB;
	if (rc == OL_OK)
		rc = (st = family_stmt(db, DB_FACT_MEMBER_SQL " WHERE org_id = ?1 ORDER BY id", root))
			     ? db_facts_members(db, st, f)
			     : OL_EDB;
	if (rc == OL_OK)
		rc = (st = family_stmt(db, DB_FACT_EVENT_SQL " WHERE member_id IN (SELECT id FROM member WHERE org_id = ?1)"
						       " ORDER BY member_id, on_date, id",
				       root))
			     ? db_facts_events(db, st, f, 0)
			     : OL_EDB;
	if (rc == OL_OK)
		rc = (st = family_stmt(db, DB_FACT_ROLE_SQL " WHERE org_id IN " FAMILY " ORDER BY org_id, from_date, id",
				       root))
			     ? db_facts_roles(db, st, f, 0)
			     : OL_EDB;
	if (rc == OL_OK)
		rc = (st = family_stmt(db, DB_FACT_ELECTION_SQL " WHERE org_id IN " FAMILY " ORDER BY org_id, on_date, id",
				       root))
			     ? db_facts_elections(db, st, f)
			     : OL_EDB;
	st = db_stmt(db, "SELECT " DB_FACT_SESSION_COLS ", CASE WHEN state = 'held' THEN marks END FROM session"
			 " WHERE org_id = ?1 AND day >= ?2 AND (?3 IS NULL OR day <= ?3) AND state <> 'cancelled'"
			 " ORDER BY day, id");
	if (!st && rc == OL_OK)
		rc = OL_EDB;
	/* Organizations by id, each one's sessions by day: the facts' order. */
	for (int i = 0; rc == OL_OK && i < f->norgs; i++) {
		sqlite3_bind_int64(st, 1, f->orgs[i].id);
		db_bind_day(st, 2, from);
		db_bind_day(st, 3, to);
		rc = db_facts_sessions(db, st, f);
	}
	f->from = f->marks_from = from;
	if (rc != OL_OK)
		facts_free(f);
	return rc;
}

/* ---- organizations' months ---------------------------------------------------------- */

/* Writes org's row: its months and roster (both NULL: the row goes). */
static int write_org(struct db *db, long long org, const unsigned char *months, size_t mlen,
		     const unsigned char *roster, size_t rlen)
{
	sqlite3_stmt *st = months || roster
		? db_stmt(db, "INSERT OR REPLACE INTO summary_org(org_id, months, roster) VALUES (?1, ?2, ?3)")
		: db_stmt(db, "DELETE FROM summary_org WHERE org_id = ?1");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, org);
	if (months || roster) {
		if (months)
			sqlite3_bind_blob(st, 2, months, (int)mlen, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 2);
		if (roster)
			sqlite3_bind_blob(st, 3, roster, (int)rlen, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 3);
	}
	return db_step_done(db, st, "writing a summary");
}

/* A copy of a blob column (NULL when NULL), its length in *len. */
static unsigned char *blob_copy(sqlite3_stmt *st, int col, size_t *len)
{
	unsigned char *b;

	*len = 0;
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	*len = (size_t)sqlite3_column_bytes(st, col);
	b = xmalloc(*len + 1);
	if (*len)
		memcpy(b, sqlite3_column_blob(st, col), *len);
	return b;
}

static int same_blob(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* Sums org's months [from, to] again from f, keeping its other months,
 * and counts its roster again. */
static int refresh_org(struct db *db, const struct facts *f, long long org, int from, int to)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT months, roster FROM summary_org WHERE org_id = ?1");
	struct sum_set old = { 0 }, now = { 0 };
	struct roster r = { 0 };
	unsigned char *months, *roster, *was = NULL, *was_roster = NULL;
	size_t len, rlen, wlen = 0, wrlen = 0;
	int rc = OL_OK, lo, hi, i, last = -1;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, org);
	if (sqlite3_step(st) == SQLITE_ROW) {
		was = blob_copy(st, 0, &wlen);
		was_roster = blob_copy(st, 1, &wrlen);
	}
	sqlite3_reset(st);
	if (was && summary_months_decode(was, wlen, org, 0, 0, INT_MAX, &old, NULL) != 0)
		rc = db_fail(db, OL_EDB, _("the summary of organization %lld is damaged: restore it from a backup"), org);
	/* The old months before the range, the range anew, the old after it. */
	for (i = 0; rc == OL_OK && i < old.n && old.m[i].month < from; i++)
		sum_set_copy_month(&now, &old, i);
	RANGE(f->sessions, f->nsessions, org_id, org, &lo, &hi);
	for (i = lo; rc == OL_OK && i < hi; i++) {
		int m = date_month_index(f->sessions[i].day);
		if (m == last || m < from || m > to)
			continue;
		last = m;
		summary_org_month(f, org, m, &now);
	}
	for (i = 0; rc == OL_OK && i < old.n; i++)
		if (old.m[i].month > to)
			sum_set_copy_month(&now, &old, i);
	if (rc == OL_OK) {
		months = summary_months_encode(&now, 0, now.n, &len);
		summary_roster(f, org, &r);
		roster = summary_roster_encode(&r, &rlen);
		/* Unchanged: nothing to write. */
		if (!same_blob(months, len, was, wlen) || !same_blob(roster, rlen, was_roster, wrlen))
			rc = write_org(db, org, months, len, roster, rlen);
		free(months);
		free(roster);
		roster_free(&r);
	}
	free(was);
	free(was_roster);
	sum_set_free(&old);
	sum_set_free(&now);
	return rc;
}

/* ---- members' months ---------------------------------------------------------------- */

/* Recomputes m's months [from, to] from f, keeping its other months. */
static int refresh_life(struct db *db, const struct facts *f, const struct fact_member *m, int from, int to)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT life, last_part, away_from, last_missed FROM summary_member"
				       " WHERE member_id = ?1");
	sqlite3_stmt *up = db_stmt(db, "INSERT INTO summary_member(member_id, life, last_part, away_from, last_missed)"
					" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(member_id) DO UPDATE"
					" SET life = excluded.life, last_part = excluded.last_part, away_from = excluded.away_from,"
					" last_missed = excluded.last_missed");
	long long orgs[2] = { m->org_id, m->group_id };
	unsigned char *was = NULL, *bytes = NULL, *blob;
	const unsigned char *old = NULL;
	size_t wlen = 0, len;
	int rc = OL_OK, first = 0, n = 0, lo_m = INT_MAX, hi_m = -1, nb, exists = 0, was_part = -1, part = -1;
	int was_missed = -1, missed = -1;
	long was_away = -1, away = -1;
	const struct fact_event *latest = m->nevents ? &f->events[m->first_event + m->nevents - 1] : NULL;

	if (!st || !up)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, m->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		exists = 1;
		was = blob_copy(st, 0, &wlen);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			was_part = sqlite3_column_int(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			was_away = (long)sqlite3_column_int64(st, 2);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			was_missed = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (was && summary_life_decode(was, wlen, &first, &old, &n) != 0) {
		free(was);
		return db_fail(db, OL_EDB, _("the summary of member %lld is damaged: restore it from a backup"), m->id);
	}
	/* The months the bytes span: the old ones and those with sessions. */
	if (n > 0) {
		lo_m = first;
		hi_m = first + n - 1;
	}
	for (int k = 0; k < 2; k++) {
		int lo, hi;
		if (!orgs[k])
			continue;
		RANGE(f->sessions, f->nsessions, org_id, orgs[k], &lo, &hi);
		for (int i = lo; i < hi; i++) {
			int mo = date_month_index(f->sessions[i].day);
			if (f->sessions[i].state != SESSION_HELD || mo < from || mo > to)
				continue;
			if (mo < lo_m)
				lo_m = mo;
			if (mo > hi_m)
				hi_m = mo;
		}
	}
	nb = hi_m >= lo_m ? hi_m - lo_m + 1 : 0;
	if (nb > 0) {
		bytes = xmalloc((size_t)nb);
		memset(bytes, 0, (size_t)nb);
		for (int i = 0; i < n; i++)
			if (first + i < from || first + i > to)
				bytes[first + i - lo_m] = old[i];
		for (int k = 0; k < 2; k++) {
			int lo, hi, last = -1;
			if (!orgs[k])
				continue;
			RANGE(f->sessions, f->nsessions, org_id, orgs[k], &lo, &hi);
			for (int i = lo; i < hi; i++) {
				int mo = date_month_index(f->sessions[i].day);
				if (f->sessions[i].state != SESSION_HELD || mo < from || mo > to || mo == last)
					continue;
				last = mo;
				bytes[mo - lo_m] = summary_life_month(f, m, mo);
			}
		}
	}
	blob = summary_life_encode(lo_m, bytes, nb, &len);
	/* The latest month they took part: a check need not look at someone
	 * who took part lately. */
	for (int i = nb - 1; i >= 0 && part < 0; i--)
		if (LIFE_STATE(bytes[i]) == LIFE_TOOK_PART)
			part = lo_m + i;
	/* And the latest month they missed: without one since they last
	 * took part, no run of missed months can have begun. */
	for (int i = nb - 1; i >= 0 && missed < 0; i--)
		if (LIFE_STATE(bytes[i]) == LIFE_MISSED)
			missed = lo_m + i;
	/* Away for good from their latest event on, when it took them out,
	 * away or out of contact: no check after it needs to look at them
	 * for dues or for taking part. */
	if (latest && (latest->kind == EVENT_TRANSFER_OUT || latest->kind == EVENT_FLOW_OUT || latest->kind == EVENT_LOST))
		away = latest->day;
	/* Every member has a row, so that the rows find who to look at. */
	if (!exists || !same_blob(blob, len, was, wlen) || part != was_part || away != was_away ||
	    missed != was_missed) {
		sqlite3_bind_int64(up, 1, m->id);
		if (blob)
			sqlite3_bind_blob(up, 2, blob, (int)len, SQLITE_STATIC);
		else
			sqlite3_bind_null(up, 2);
		if (part >= 0)
			sqlite3_bind_int(up, 3, part);
		else
			sqlite3_bind_null(up, 3);
		if (away >= 0)
			sqlite3_bind_int64(up, 4, away);
		else
			sqlite3_bind_null(up, 4);
		if (missed >= 0)
			sqlite3_bind_int(up, 5, missed);
		else
			sqlite3_bind_null(up, 5);
		rc = db_step_done(db, up, "writing a summary");
	}
	free(blob);
	free(bytes);
	free(was);
	return rc;
}

int db_summary_paid(struct db *db, long long member_id, int month)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO summary_member(member_id, last_paid) VALUES (?1, ?2)"
				       " ON CONFLICT(member_id) DO UPDATE"
				       " SET last_paid = max(coalesce(last_paid, -1), excluded.last_paid)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	sqlite3_bind_int(st, 2, month);
	return db_step_done(db, st, "writing a summary");
}

/* ---- bringing them up to date --------------------------------------------------------- */

/* A note's months, from summary_from on; 0 when it has none. */
static int months_of(const struct db_touch *t, int summary_from, int *from, int *to)
{
	*from = t->from < 0 ? summary_from : date_month_index(t->from);
	*to = t->to < 0 ? INT_MAX : date_month_index(t->to);
	if (*from < summary_from)
		*from = summary_from;
	return *to >= *from;
}

/*
 * Brings up to date what the notes t[0..n) (all about one organization)
 * ask for, from one load of its branch's facts over all their months.
 */
static int refresh(struct db *db, const struct db_touch *t, int n, int summary_from)
{
	struct facts f;
	long long root;
	int from = INT_MAX, to = -1, rc, f0, t0, orgs_lo = INT_MAX, orgs_hi = -1;

	for (int i = 0; i < n; i++) {
		if (!months_of(&t[i], summary_from, &f0, &t0))
			continue;
		from = f0 < from ? f0 : from;
		to = t0 > to ? t0 : to;
		if (t[i].what & SUM_ORGS) {
			orgs_lo = f0 < orgs_lo ? f0 : orgs_lo;
			orgs_hi = t0 > orgs_hi ? t0 : orgs_hi;
		}
	}
	if (to < from)
		return OL_OK;
	if ((rc = family_root(db, t[0].org_id, &root)) != OL_OK)
		return rc;
	rc = load_family(db, root, date_month_index_first(from), to == INT_MAX ? -1 : date_month_last(date_month_index_first(to)), &f);
	if (rc != OL_OK)
		return rc;
	/* The organizations' months: the union of the notes about them. */
	for (int k = 0; rc == OL_OK && orgs_hi >= orgs_lo && k < f.norgs; k++)
		rc = refresh_org(db, &f, f.orgs[k].id, orgs_lo, orgs_hi);
	for (int k = 0; rc == OL_OK && k < f.nmembers; k++) {
		int lo = INT_MAX, hi = -1;
		/* The member's months: the union of the notes about them. */
		for (int i = 0; i < n; i++) {
			if (!(t[i].what & SUM_LIFE) || (t[i].member_id && t[i].member_id != f.members[k].id) ||
			    !months_of(&t[i], summary_from, &f0, &t0))
				continue;
			lo = f0 < lo ? f0 : lo;
			hi = t0 > hi ? t0 : hi;
		}
		if (hi >= lo)
			rc = refresh_life(db, &f, &f.members[k], lo, hi);
	}
	facts_free(&f);
	return rc;
}

static int cmp_touch(const void *a, const void *b)
{
	const struct db_touch *x = a, *y = b;

	return (x->org_id > y->org_id) - (x->org_id < y->org_id);
}

int db_summary_flush(struct db *db)
{
	int rc = OL_OK, from, i, j;

	if (db->ntouched == 0)
		return OL_OK;
	from = db_summary_from(db);
	/* Nothing is summarized before the summaries are first built. */
	if (from >= 0) {
		/* One load of facts per organization touched. */
		qsort(db->touched, (size_t)db->ntouched, sizeof *db->touched, cmp_touch);
		for (i = 0; rc == OL_OK && i < db->ntouched; i = j) {
			for (j = i + 1; j < db->ntouched && db->touched[j].org_id == db->touched[i].org_id; j++)
				;
			rc = refresh(db, &db->touched[i], j - i, from);
		}
	}
	db->ntouched = 0;
	return rc;
}

int db_summary_rebuild(struct db *db)
{
	sqlite3_stmt *st;
	long long *roots = NULL;
	int n = 0, cap = 0, rc, from;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	if ((from = db_summary_from(db)) < 0) {
		/* January of last year: what a check needs on its first day. */
		int y, m, d;
		char v[16];
		date_to_ymd(date_today(), &y, &m, &d);
		from = (y - 1) * 12;
		snprintf(v, sizeof v, "%04d-01", y - 1);
		st = db_stmt(db, "INSERT INTO meta(key, value) VALUES ('summary-from', ?1)");
		if (!st)
			return db_tx_end(db, OL_EDB);
		db_bind_text(st, 1, v);
		if ((rc = db_step_done(db, st, "writing a summary")) != OL_OK)
			return db_tx_end(db, rc);
	}
	st = db_stmt(db, "DELETE FROM summary_org");
	rc = st ? db_step_done(db, st, "writing a summary") : OL_EDB;
	if (rc == OL_OK) {
		st = db_stmt(db, "DELETE FROM summary_member");
		rc = st ? db_step_done(db, st, "writing a summary") : OL_EDB;
	}
	/* Each branch with its groups, and every other organization alone. */
	st = db_stmt(db, "SELECT id FROM org WHERE kind <> 'group' OR parent_id IS NULL ORDER BY id");
	if (rc == OL_OK && !st)
		rc = OL_EDB;
	if (rc == OL_OK) {
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW)
			*(long long *)db_grow(&roots, &n, &cap, sizeof *roots) = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (s != SQLITE_DONE)
			rc = db_fail_sqlite(db, "reading organizations");
	}
	for (int i = 0; rc == OL_OK && i < n; i++) {
		struct db_touch t = { .org_id = roots[i], .from = date_month_index_first(from), .to = -1,
				      .what = SUM_ORGS | SUM_LIFE };
		rc = refresh(db, &t, 1, from);
	}
	free(roots);
	/* Each member's latest paid month. */
	st = db_stmt(db, "SELECT member_id, payments FROM dues");
	if (rc == OL_OK && !st)
		rc = OL_EDB;
	if (rc == OL_OK) {
		int s;
		while (rc == OL_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
			long long member = sqlite3_column_int64(st, 0);
			int latest;
			if (payments_latest(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), INT_MAX,
					    &latest) != 0)
				rc = db_fail(db, OL_EDB,
					     _("the dues record of member %lld is damaged: restore it from a backup"), member);
			else if (latest >= 0)
				rc = db_summary_paid(db, member, latest);
		}
		sqlite3_reset(st);
		if (rc == OL_OK && s != SQLITE_DONE)
			rc = db_fail_sqlite(db, "reading dues");
	}
	return db_tx_end(db, rc);
}
