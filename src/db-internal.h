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

/* The SQL of migration `version` (1..DB_SCHEMA_VERSION), NULL otherwise. */
const char *db_schema_migration(int version);

#endif
