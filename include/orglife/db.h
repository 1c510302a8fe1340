/*
 * db.h - the store: opening, checking and migrating the SQLite file,
 * transactions, cached prepared statements, ids and error messages.
 *
 * This layer and the model files beside it (db-*.c) are the only places
 * with SQL.  Every function that can fail returns an enum ol_status and, on
 * failure, leaves a one-line message for the user in db_errmsg().
 */
#ifndef ORGLIFE_DB_H
#define ORGLIFE_DB_H

#include <sqlite3.h>

/* The application id written into every orglife database ("ORLF"). */
#define DB_APPLICATION_ID 0x4F524C46
/* The schema version this program writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 2

enum ol_status {
	OL_OK = 0,
	OL_EINVAL = -1,   /* a bad value from the user */
	OL_ENOTFOUND = -2, /* a name or id that matches nothing */
	OL_EAMBIG = -3,   /* a name that matches several things */
	OL_ESTATE = -4,   /* not allowed in the current state (e.g. approved minutes) */
	OL_EREFUSED = -5, /* a file orglife will not open */
	OL_EDB = -6,      /* SQLite or the file system failed */
};

struct db;

enum db_open_flags {
	DB_OPEN_CREATE = 1, /* create the file if missing (not its directory) */
	DB_OPEN_MEMORY = 2, /* path is ignored: a private in-memory database (tests) */
	DB_OPEN_NO_MIGRATE = 4, /* open at whatever version the file has (tests of migrations) */
};

/*
 * Opens (creating if asked) the database at path, refusing a file that is
 * not SQLite, that belongs to another application or that a newer orglife
 * wrote: such a file is left byte-for-byte unchanged.  An older schema is
 * backed up to PATH.vN.bak (mode 0600) and migrated.  The file and its -wal
 * and -shm are created 0600 (an existing file is made 0600); a missing
 * directory is an error (the program creates its default one, 0700).
 * On success *out owns the connection (free with db_close).  On failure
 * *out is NULL, the status is returned and *errmsg (if given) receives a
 * message the caller frees.
 */
int db_open(const char *path, unsigned flags, struct db **out, char **errmsg);
void db_close(struct db *db);

/* Applies migrations until the schema is at version `target` (tests). */
int db_migrate_to(struct db *db, int target);
/* The schema version of the open database. */
int db_schema_version(struct db *db);

/* The raw handle and the message of the last failure. */
sqlite3 *db_handle(struct db *db);
const char *db_errmsg(const struct db *db);
/* Sets the message (printf-style) and returns status, for one-line returns. */
int db_fail(struct db *db, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Records a SQLite failure (with the statement's context) and returns OL_EDB. */
int db_fail_sqlite(struct db *db, const char *what);

/*
 * A prepared statement for sql, cached for the connection and reset, its
 * bindings cleared.  sql must be a string with static storage: the cache is
 * keyed by its address.  Returns NULL (and records the error) on failure.
 */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/*
 * Transactions nest: only the outermost begin issues BEGIN IMMEDIATE and only
 * the outermost end commits.  db_tx_end(db, status) commits when status is
 * OL_OK and no inner level failed, else rolls back; it returns the status
 * (OL_EDB if the commit itself failed).
 */
int db_tx_begin(struct db *db);
int db_tx_end(struct db *db, int status);
/* A read of several statements that must see one snapshot: a deferred
 * transaction, or nothing more inside one already open. */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);

/*
 * A new id for a row of table: ids end in the three digits of this
 * database's site number, so databases that exchange changes never mint the
 * same id, and they stay short (the first org of site 427 is 1427).
 */
int db_next_id(struct db *db, const char *table, long long *id);
/* This database's site number (1..999). */
int db_site(const struct db *db);
/* The site number new databases get from now on (1..999; 0: random).  A
 * committee that hands out site numbers guarantees ids never collide. */
void db_choose_site(int site);

/*
 * For building a large new database in one transaction (bulk.h), outside
 * any transaction: on, a rollback journal instead of the write-ahead log
 * (pages added to a new file need no journal, where the log would hold a
 * second copy of them), no syncing and an 8 MiB page cache; off, back to
 * the write-ahead log, synchronous = FULL and the default cache.  A crash during the load can leave the file unusable:
 * only for a file that held nothing.
 */
int db_bulk_tuning(struct db *db, int on);

/* Copies the open database into a new file at path (mode 0600), refusing
 * to overwrite an existing file. */
int db_backup_to(struct db *db, const char *path);

/* Helpers for model code: column text duplicated (NULL stays NULL). */
char *db_col_strdup(sqlite3_stmt *st, int col);

#endif
