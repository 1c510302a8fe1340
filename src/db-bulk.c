/*
 * db-bulk.c - the bulk loader (bulk.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/bulk.h>
#include <orglife/date.h>
#include <orglife/i18n.h>
#include "db-internal.h"

enum { T_ORG, T_MEMBER, T_ROLE, T_EVENT, T_SESSION, T_ELECTION, T_COUNT };

struct bulk {
	struct db *db;
	long long *places; /* place ids already stored: a district has a few hundred */
	size_t nplaces;
	long long seq[T_COUNT]; /* the last sequence number used per table */
	char **indexes;         /* the schema's CREATE INDEX statements, dropped for the load */
	int nindexes;
};

static long long next_id(struct bulk *b, int table)
{
	return ++b->seq[table] * 1000 + db_site(b->db);
}

static void free_indexes(struct bulk *b)
{
	for (int i = 0; i < b->nindexes; i++)
		free(b->indexes[i]);
	free(b->indexes);
	b->indexes = NULL;
	b->nindexes = 0;
}

/*
 * An index is cheaper built once, sorted, than row by row in the order the
 * rows come (sessions arrive branch by branch, not by day): the load drops
 * the schema's indexes and creates them again from their own text at the
 * end, inside the same transaction.
 */
static int drop_indexes(struct bulk *b)
{
	sqlite3_stmt *st = db_stmt(b->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
					  " ORDER BY name");
	struct strbuf drop = { 0 };
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (b->nindexes == cap) {
			cap = cap ? cap * 2 : 16;
			b->indexes = xrealloc(b->indexes, (size_t)cap * sizeof *b->indexes);
		}
		b->indexes[b->nindexes++] = db_col_strdup(st, 1);
		strbuf_addf(&drop, "DROP INDEX \"%s\";", name);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		rc = db_fail_sqlite(b->db, "reading the schema");
	else if (drop.s && sqlite3_exec(db_handle(b->db), drop.s, NULL, NULL, NULL) != SQLITE_OK)
		rc = db_fail_sqlite(b->db, "preparing a bulk load");
	else
		rc = OL_OK;
	strbuf_free(&drop);
	return rc;
}

static int create_indexes(struct bulk *b)
{
	for (int i = 0; i < b->nindexes; i++)
		if (sqlite3_exec(db_handle(b->db), b->indexes[i], NULL, NULL, NULL) != SQLITE_OK)
			return db_fail_sqlite(b->db, "indexing the bulk load");
	return OL_OK;
}

int bulk_begin(struct db *db, struct bulk **out)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	*out = NULL;
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	st = db_stmt(db, "SELECT count(*) FROM org");
	if (!st)
		return db_tx_end(db, OL_EDB);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (n > 0)
		return db_tx_end(db, db_fail(db, OL_ESTATE, _("the database already holds data: give an empty or new file with --db")));
	st = db_stmt(db, "INSERT INTO meta(key, value) VALUES ('audit-paused', 1)");
	if (!st || db_step_done(db, st, "pausing the audit log") != OL_OK)
		return db_tx_end(db, OL_EDB);
	*out = xmalloc(sizeof **out);
	memset(*out, 0, sizeof **out);
	(*out)->db = db;
	if ((rc = drop_indexes(*out)) != OL_OK) {
		free_indexes(*out);
		free(*out);
		*out = NULL;
		return db_tx_end(db, rc);
	}
	return OL_OK;
}

int bulk_end(struct bulk *b, int status, const char *what)
{
	struct db *db = b->db;
	sqlite3_stmt *st;

	if (status == OL_OK)
		status = create_indexes(b);
	/* The loader wrote the facts directly: sum them all once. */
	if (status == OL_OK)
		status = db_summary_rebuild(db);
	free_indexes(b);
	free(b->places);
	free(b);
	if (status == OL_OK) {
		st = db_stmt(db, "DELETE FROM meta WHERE key = 'audit-paused'");
		status = st ? db_step_done(db, st, "resuming the audit log") : OL_EDB;
	}
	if (status == OL_OK)
		status = db_audit(db, "insert", what, NULL, NULL);
	return db_tx_end(db, status);
}

static int step(struct bulk *b, sqlite3_stmt *st, const char *what)
{
	return db_step_done(b->db, st, what);
}

int bulk_org(struct bulk *b, const char *name, enum org_kind kind, long long parent, int term_years,
	     long long *id)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO org(id, name, kind, parent_id, term_years) VALUES (?1, ?2, ?3, ?4, ?5)");

	if (!st)
		return OL_EDB;
	*id = next_id(b, T_ORG);
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, org_kind_code(kind), -1, SQLITE_STATIC);
	db_bind_id(st, 4, parent);
	if (term_years)
		sqlite3_bind_int(st, 5, term_years);
	return step(b, st, "adding an organization");
}

int bulk_member(struct bulk *b, const struct member_new *m, long confirmed, long long *id)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO member(id, name, org_id, group_id, status, joined, confirmed, cadre, phone)"
					  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");

	if (!st)
		return OL_EDB;
	*id = next_id(b, T_MEMBER);
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_text(st, 2, m->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, m->org_id);
	db_bind_id(st, 4, m->group_id);
	sqlite3_bind_text(st, 5, member_status_code(m->status), -1, SQLITE_STATIC);
	db_bind_day(st, 6, m->joined);
	db_bind_day(st, 7, confirmed);
	sqlite3_bind_int(st, 8, m->cadre ? 1 : 0);
	db_bind_text(st, 9, m->phone);
	return step(b, st, "adding a member");
}

int bulk_extend_probation(struct bulk *b, long long member, long until)
{
	sqlite3_stmt *st = db_stmt(b->db, "UPDATE member SET probation_until = ?2 WHERE id = ?1");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member);
	db_bind_day(st, 2, until);
	return step(b, st, "extending a probation");
}

int bulk_role(struct bulk *b, long long member, long long org, enum role_kind role, long from, long to)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO role(id, member_id, org_id, role, from_date, to_date)"
					  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, next_id(b, T_ROLE));
	sqlite3_bind_int64(st, 2, member);
	sqlite3_bind_int64(st, 3, org);
	sqlite3_bind_text(st, 4, role_code(role), -1, SQLITE_STATIC);
	db_bind_day(st, 5, from);
	db_bind_day(st, 6, to);
	return step(b, st, "setting a role");
}

int bulk_event(struct bulk *b, long long member, enum member_event_kind kind, long day, long until,
	       const char *doc)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO member_event(id, member_id, kind, on_date, until, doc)"
					  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, next_id(b, T_EVENT));
	sqlite3_bind_int64(st, 2, member);
	sqlite3_bind_text(st, 3, member_event_code(kind), -1, SQLITE_STATIC);
	db_bind_day(st, 4, day);
	db_bind_day(st, 5, until);
	db_bind_text(st, 6, doc);
	return step(b, st, "recording a member's event");
}

int bulk_session(struct bulk *b, const struct session *s, enum session_state state, const void *marks,
		 size_t marks_len, const char *minutes, long long *id)
{
	sqlite3_stmt *st;
	long long place = db_place_key(s->place);
	size_t i;
	char tm[6];
	int rc;

	for (i = 0; place && i < b->nplaces && b->places[i] != place; i++)
		;
	if (place && i == b->nplaces) {
		if ((rc = db_place_id(b->db, s->place, &place)) != OL_OK)
			return rc;
		b->places = xrealloc(b->places, (b->nplaces + 1) * sizeof *b->places);
		b->places[b->nplaces++] = place;
	}
	st = db_stmt(b->db,
		"INSERT INTO session(id, org_id, kind, also_kind, day, time, place_id, topic, host_id, recorder_id,"
		" lecturer_id, state, minutes, marks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (!st)
		return OL_EDB;
	*id = next_id(b, T_SESSION);
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, s->org_id);
	sqlite3_bind_text(st, 3, session_kind_code(s->kind), -1, SQLITE_STATIC);
	db_bind_text(st, 4, session_kind_code(s->also));
	db_bind_day(st, 5, s->day);
	if (s->minute >= 0) {
		date_format_time(s->minute, tm);
		sqlite3_bind_text(st, 6, tm, -1, SQLITE_TRANSIENT);
	}
	db_bind_id(st, 7, place);
	db_bind_text(st, 8, s->topic);
	db_bind_id(st, 9, s->host_id);
	db_bind_id(st, 10, s->recorder_id);
	db_bind_id(st, 11, s->lecturer_id);
	sqlite3_bind_text(st, 12, session_state_code(state), -1, SQLITE_STATIC);
	db_bind_text(st, 13, minutes);
	/* Static: the row is written before this returns, and nothing reads
	 * the bindings after that (db_stmt clears them before reuse). */
	if (marks && marks_len)
		sqlite3_bind_blob(st, 14, marks, (int)marks_len, SQLITE_STATIC);
	return step(b, st, "adding a session");
}

int bulk_election(struct bulk *b, long long org, long day, int term_years, long long session, long ext_until,
		  const char *approval)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO election(id, org_id, on_date, term_years, ext_until, ext_approval, session_id)"
					  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, next_id(b, T_ELECTION));
	sqlite3_bind_int64(st, 2, org);
	db_bind_day(st, 3, day);
	sqlite3_bind_int(st, 4, term_years);
	db_bind_day(st, 5, ext_until);
	db_bind_text(st, 6, approval);
	db_bind_id(st, 7, session);
	return step(b, st, "recording an election");
}

int bulk_dues(struct bulk *b, long long member, const void *payments, size_t len)
{
	sqlite3_stmt *st = db_stmt(b->db, "INSERT INTO dues(member_id, payments) VALUES (?1, ?2)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_blob(st, 2, payments, (int)len, SQLITE_STATIC); /* as in bulk_session */
	return step(b, st, "recording dues");
}
