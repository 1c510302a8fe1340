/*
 * db-internal.h - what the db-*.c files share and nothing else sees: the
 * connection structure and the migration texts.
 */
#ifndef ORGLIFE_DB_INTERNAL_H
#define ORGLIFE_DB_INTERNAL_H

#include <orglife/db.h>
#include <orglife/text.h>

struct db_cached_stmt {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *h;
	int site;
	int tx_depth;
	int tx_failed;
	struct strbuf err;
	struct db_cached_stmt *cache;
	size_t ncache, capcache;
	struct db_touch *touched; /* summaries to bring up to date */
	int ntouched, captouched;
};

/*
 * Finding a row by what the user typed: a numeric id, else a name unique in
 * the whole database.  by_id selects (id) for ?1; by_name selects (id, name,
 * context) for the name ?1, context naming where the row lives (its branch).
 * what is the noun, marked N_() ("member"), list_cmd the command that lists
 * them.
 */
struct db_resolve_spec {
	const char *what;
	const char *by_id;
	const char *by_name;
	const char *list_cmd;
};
int db_resolve(struct db *db, const struct db_resolve_spec *spec, const char *text, long long *id);

/* Binds text, or NULL when text is NULL. */
void db_bind_text(sqlite3_stmt *st, int idx, const char *text);
/* Binds a day number as an ISO date, or NULL when day < 0. */
void db_bind_day(sqlite3_stmt *st, int idx, long day);
/* Binds an id, or NULL when it is 0. */
void db_bind_id(sqlite3_stmt *st, int idx, long long id);
/* Reads an ISO date column as a day number, -1 when NULL or malformed. */
long db_col_day(sqlite3_stmt *st, int col);
/* Steps a statement that writes; OL_OK or the SQLite failure. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what);
/* Sets SQLite's page cache (PRAGMA cache_size: pages, or KiB when
 * negative) and returns the setting it replaced. */
int db_cache_size(struct db *db, int size);

/*
 * Appends to the audit log what the triggers cannot see (a packed mark or
 * payment): action "insert", "update" or "delete", target such as
 * "attendance:1427:2427", before and after as JSON text or NULL.
 */
int db_audit(struct db *db, const char *action, const char *target, const char *before, const char *after);

/*
 * The id of a place name, adding it if new (name NULL or empty: 0).  The id
 * is a 63-bit hash of the name, the same in every database.
 */
int db_place_id(struct db *db, const char *name, long long *id);
/* The id a place name has (0 for none), without touching the database. */
long long db_place_key(const char *name);

/*
 * Reading facts (facts.h) from statements that select these columns, in
 * the order the facts keep (db-facts.c).  Each steps st to its end, appends
 * to f and returns OL_OK or the failure.  Sessions: DB_FACT_SESSION_COLS
 * then the marks blob (NULL where marks are not wanted).
 */
#define DB_FACT_ORG_SQL "SELECT id, coalesce(parent_id, 0), name, kind, coalesce(term_years, 0) FROM org"
#define DB_FACT_MEMBER_SQL                                                                                  \
	"SELECT id, org_id, coalesce(group_id, 0), name, status, joined, confirmed, probation_until, cadre" \
	" FROM member"
/* The same columns of member m, then its summary's latest paid month and
 * month bytes (summary_member s). */
#define DB_FACT_MEMBER_JOIN_SQL                                                                                   \
	"SELECT m.id, m.org_id, coalesce(m.group_id, 0), m.name, m.status, m.joined, m.confirmed, m.probation_until," \
	" m.cadre, s.last_paid, s.life FROM member m LEFT JOIN summary_member s ON s.member_id = m.id"
#define DB_FACT_EVENT_SQL "SELECT member_id, kind, on_date, until, doc IS NOT NULL, id FROM member_event"
#define DB_FACT_ROLE_SQL "SELECT member_id, org_id, role, from_date, to_date, id FROM role"
#define DB_FACT_SESSION_COLS "id, org_id, coalesce(lecturer_id, 0), kind, also_kind, state = 'held', day"
#define DB_FACT_ELECTION_SQL "SELECT id, org_id, coalesce(session_id, 0), on_date, term_years, ext_until FROM election"
struct facts;
int db_facts_orgs(struct db *db, sqlite3_stmt *st, struct facts *f);
int db_facts_members(struct db *db, sqlite3_stmt *st, struct facts *f);
/* Events, read by member, day and id (or sorted so with sort nonzero):
 * also gives each member (already read) its slice. */
int db_facts_events(struct db *db, sqlite3_stmt *st, struct facts *f, int sort);
/* Roles, read by organization, day and id (or sorted so). */
int db_facts_roles(struct db *db, sqlite3_stmt *st, struct facts *f, int sort);
int db_facts_sessions(struct db *db, sqlite3_stmt *st, struct facts *f);
int db_facts_elections(struct db *db, sqlite3_stmt *st, struct facts *f);
/* Grows *arr (of elements of size sz) to hold one more; returns the slot. */
void *db_grow(void *arr_p, int *n, int *cap, size_t sz);

/*
 * Summaries (summary.h, db-summary.c).  A write that changes what a month
 * of an organization sums to calls db_summary_touch; the summaries of the
 * organization's branch and its groups are brought up to date for those
 * months before the outermost transaction commits.  what: SUM_ORGS (the
 * organizations' months), SUM_LIFE (the members' months: of member_id
 * alone when nonzero).  from, to: days; to < 0 for no end.
 */
enum { SUM_ORGS = 1, SUM_LIFE = 2 };
void db_summary_touch(struct db *db, long long org_id, long long member_id, long from, long to, int what);
/* Brings the touched summaries up to date (db_tx_end calls it). */
int db_summary_flush(struct db *db);
/* Forgets what was touched (the transaction rolled back). */
void db_summary_forget(struct db *db);
/* A dues payment for a month index (dues_pay, the bulk loader). */
int db_summary_paid(struct db *db, long long member_id, int month);
/* The first month summarized (meta summary-from), or -1 when none. */
int db_summary_from(struct db *db);
/*
 * Computes every summary anew from the facts: the organizations' months and
 * the members' from summary-from on (set to January of last year when it is
 * not yet), and each member's latest paid month.
 */
int db_summary_rebuild(struct db *db);

/* The SQL of migration `version` (1..DB_SCHEMA_VERSION), NULL otherwise. */
const char *db_schema_migration(int version);

#endif
