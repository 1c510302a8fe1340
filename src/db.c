/*
 * db.c - opening, checking, migrating and backing up the store; nested
 * transactions; the prepared-statement cache; ids; error messages.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <orglife/i18n.h>
#include <orglife/pinyin.h>
#include "db-internal.h"

sqlite3 *db_handle(struct db *db)
{
	return db->h;
}

const char *db_errmsg(const struct db *db)
{
	return strbuf_str(&db->err);
}

int db_site(const struct db *db)
{
	return db->site;
}

int db_fail(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* Messages carry what users typed (file names too): made harmless
	 * here, once, for whoever prints them. */
	strbuf_reset(&db->err);
	text_sanitize_into(&db->err, buf, 0);
	if (db->tx_depth > 0)
		db->tx_failed = 1;
	return status;
}

int db_fail_sqlite(struct db *db, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return db_fail(db, OL_EDB,
			_("the database is busy (another orglife is writing): try again in a moment"));
	if (code == SQLITE_FULL)
		return db_fail(db, OL_EDB, _("the disk is full: free some space and try again"));
	if (code == SQLITE_READONLY)
		return db_fail(db, OL_EDB, _("the database file is read-only: check its permissions"));
	return db_fail(db, OL_EDB, _("database error while %s: %s"), what, sqlite3_errmsg(db->h));
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	size_t i;
	sqlite3_stmt *st;

	for (i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql) {
			st = db->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail_sqlite(db, "preparing a statement");
		return NULL;
	}
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 32;
		db->cache = xrealloc(db->cache, db->capcache * sizeof *db->cache);
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].stmt = st;
	db->ncache++;
	return st;
}

static int exec_simple(struct db *db, const char *sql, const char *what)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail_sqlite(db, what);
	return OL_OK;
}

int db_tx_begin(struct db *db)
{
	if (db->tx_depth++ > 0)
		return OL_OK;
	db->tx_failed = 0;
	if (exec_simple(db, "BEGIN IMMEDIATE", "starting a transaction") != OL_OK) {
		db->tx_depth = 0;
		return OL_EDB;
	}
	return OL_OK;
}

int db_tx_end(struct db *db, int status)
{
	if (status != OL_OK)
		db->tx_failed = 1;
	/* Summaries follow the facts inside the same transaction. */
	if (db->tx_depth == 1 && !db->tx_failed && db->ntouched > 0 && (status = db_summary_flush(db)) != OL_OK)
		db->tx_failed = 1;
	if (--db->tx_depth > 0)
		return status;
	if (db->tx_failed) {
		/* Keep the message that explains the failure. */
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db->tx_failed = 0;
		db_summary_forget(db);
		return status != OL_OK ? status : OL_EDB;
	}
	if (exec_simple(db, "COMMIT", "committing") != OL_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return OL_EDB;
	}
	return OL_OK;
}

int db_read_begin(struct db *db)
{
	if (db->tx_depth++ > 0)
		return OL_OK;
	db->tx_failed = 0;
	if (exec_simple(db, "BEGIN", "starting to read") != OL_OK) {
		db->tx_depth = 0;
		return OL_EDB;
	}
	return OL_OK;
}

void db_read_end(struct db *db)
{
	/* Nothing was written: ending it cannot lose anything. */
	if (--db->tx_depth == 0)
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
}

static const struct {
	const char *table;
	const char *sql;
} next_id_sql[] = {
	{ .table = "org", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM org" },
	{ .table = "member", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM member" },
	{ .table = "member_event",
	  .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM member_event" },
	{ .table = "role", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM role" },
	{ .table = "session", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM session" },
	{ .table = "election", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM election" },
	{ .table = "ledger", .sql = "SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 + ?1 FROM ledger" },
};

int db_next_id(struct db *db, const char *table, long long *id)
{
	size_t i;
	sqlite3_stmt *st;

	for (i = 0; i < sizeof next_id_sql / sizeof next_id_sql[0]; i++) {
		if (strcmp(next_id_sql[i].table, table) != 0)
			continue;
		if (!(st = db_stmt(db, next_id_sql[i].sql)))
			return OL_EDB;
		sqlite3_bind_int(st, 1, db->site);
		if (sqlite3_step(st) != SQLITE_ROW)
			return db_fail_sqlite(db, "choosing an id");
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return OL_OK;
	}
	return db_fail(db, OL_EDB, "no ids for table %s", table);
}

long long db_place_key(const char *name)
{
	unsigned long long h = 14695981039346656037ULL; /* FNV-1a, 64 bits */
	const unsigned char *p;

	if (!name || !*name)
		return 0;
	for (p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (long long)(h >> 1) | 1; /* positive, never 0 */
}

int db_place_id(struct db *db, const char *name, long long *id)
{
	sqlite3_stmt *st;
	int rc, same = 0;

	if (!(*id = db_place_key(name)))
		return OL_OK;
	st = db_stmt(db, "INSERT INTO place(id, name) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING");
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if ((rc = db_step_done(db, st, "recording a place")) != OL_OK)
		return rc;
	st = db_stmt(db, "SELECT name = ?2 FROM place WHERE id = ?1");
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	/* Two names with one 63-bit hash: never seen, but never merged. */
	return same ? OL_OK : db_fail(db, OL_EINVAL, _("the place name '%s' cannot be stored: give it in other words"), name);
}

int db_audit(struct db *db, const char *action, const char *target, const char *before, const char *after)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO audit(id, at, action, target, before, after) VALUES ("
		" (SELECT (coalesce(max(id), 0) / 1000 + 1) * 1000 FROM audit) + ?1,"
		" strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?2, ?3, ?4, ?5)");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int(st, 1, db->site);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, before);
	db_bind_text(st, 5, after);
	return db_step_done(db, st, "writing the audit log");
}

char *db_col_strdup(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s ? xstrdup((const char *)s) : NULL;
}

/* ---- opening ---------------------------------------------------------- */

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static char *msgdup(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *msgdup(const char *fmt, ...)
{
	va_list ap;
	struct strbuf b = { 0 };
	char buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	text_sanitize_into(&b, buf, 0);
	return strbuf_detach(&b);
}

/*
 * Looks at the file's header without opening it through SQLite, so a file we
 * refuse is never touched.  Returns OL_OK with *is_new set for a missing or
 * empty file, or the header's user_version in *version.
 */
static int check_header(const char *path, int *is_new, long *version, unsigned long *app_id, char **errmsg)
{
	unsigned char h[100];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*is_new = 0;
	if (fd < 0) {
		if (errno == ENOENT) {
			*is_new = 1;
			return OL_OK;
		}
		*errmsg = msgdup(_("cannot open %s: %s"), path, strerror(errno));
		return OL_EDB;
	}
	n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0) {
		*is_new = 1;
		return OL_OK;
	}
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		*errmsg = msgdup(_("%s is not an orglife database (not an SQLite file): "
				   "it was left unchanged; give another file with --db"), path);
		return OL_EREFUSED;
	}
	*version = (long)be32(h + 60);
	*app_id = be32(h + 68);
	if (*app_id != DB_APPLICATION_ID && (*app_id != 0 || *version != 0)) {
		*errmsg = msgdup(_("%s belongs to another application: it was left unchanged; "
				   "give another file with --db"), path);
		return OL_EREFUSED;
	}
	if (*version > DB_SCHEMA_VERSION) {
		*errmsg = msgdup(_("%s was written by a newer orglife (schema %ld, this one reads up to %d): "
				   "it was left unchanged; upgrade orglife"), path, *version, DB_SCHEMA_VERSION);
		return OL_EREFUSED;
	}
	return OL_OK;
}

static int chosen_site;

void db_choose_site(int site)
{
	chosen_site = site >= 1 && site <= 999 ? site : 0;
}

static int random_site(void)
{
	unsigned short r = 0;
	int fd;

	if (chosen_site)
		return chosen_site;
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, &r, sizeof r) != (ssize_t)sizeof r)
			r = 0;
		close(fd);
	}
	if (r == 0)
		r = (unsigned short)(time(NULL) ^ getpid());
	return 1 + r % 999;
}

static int pragma_int(struct db *db, const char *sql, long *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail_sqlite(db, "reading the schema version");
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? OL_OK : db_fail_sqlite(db, "reading the schema version");
}

int db_cache_size(struct db *db, int size)
{
	int old = -2000; /* SQLite's default */
	sqlite3_stmt *st;
	char sql[48];

	/* A hint, not a fact: a failure leaves things as they were and no
	 * error behind. */
	if (sqlite3_prepare_v2(db->h, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			old = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", size);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return old;
}

int db_schema_version(struct db *db)
{
	long v = 0;

	pragma_int(db, "PRAGMA user_version", &v);
	return (int)v;
}

static int apply_migration(struct db *db, int version)
{
	char pragma[64];
	int rc = db_tx_begin(db);

	if (rc != OL_OK)
		return rc;
	rc = exec_simple(db, db_schema_migration(version), "migrating the schema");
	if (rc == OL_OK && version == 1) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO meta(key, value) VALUES ('site', ?1)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int(st, 1, random_site());
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail_sqlite(db, "recording the site number");
			sqlite3_reset(st);
		}
	}
	if (rc == OL_OK) {
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
		rc = exec_simple(db, pragma, "migrating the schema");
	}
	if (rc == OL_OK && version == 1) {
		snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d", DB_APPLICATION_ID);
		rc = exec_simple(db, pragma, "migrating the schema");
	}
	/* The summaries begin with what is already there. */
	if (rc == OL_OK && version == 2)
		rc = db_summary_rebuild(db);
	return db_tx_end(db, rc);
}

int db_migrate_to(struct db *db, int target)
{
	int v = db_schema_version(db);
	int rc = OL_OK;

	while (rc == OL_OK && v < target)
		rc = apply_migration(db, ++v);
	return rc;
}

static int load_site(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM meta WHERE key = 'site'");

	if (!st)
		return OL_EDB;
	if (sqlite3_step(st) == SQLITE_ROW)
		db->site = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (db->site < 1 || db->site > 999)
		return db_fail(db, OL_EDB, _("the database has no valid site number: restore it from a backup"));
	return OL_OK;
}

/* Creates path (which must not exist) as an empty file of mode 0600. */
static int create_private(const char *path, char **errmsg)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		*errmsg = msgdup(_("cannot create %s: %s"), path, strerror(errno));
		return OL_EDB;
	}
	close(fd);
	return OL_OK;
}

int db_backup_to(struct db *db, const char *path)
{
	sqlite3 *dst;
	sqlite3_backup *b;
	char *msg = NULL;
	int rc;

	if (access(path, F_OK) == 0)
		return db_fail(db, OL_EINVAL, _("%s already exists: give the backup a new file name"), path);
	if (create_private(path, &msg) != OL_OK) {
		rc = db_fail(db, OL_EINVAL, "%s", msg);
		free(msg);
		return rc;
	}
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(dst);
		unlink(path);
		return db_fail(db, OL_EDB, _("cannot write the backup %s"), path);
	}
	b = sqlite3_backup_init(dst, "main", db->h, "main");
	rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	if (b)
		sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, OL_EDB, _("cannot write the backup %s: %s"), path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		unlink(path);
		return rc;
	}
	/* A backup is a plain file that can be carried away: no WAL. */
	sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dst);
	return OL_OK;
}

static int backup_before_migration(struct db *db, const char *path, long version)
{
	char bak[4096];
	struct stat sb;
	int i;

	for (i = 0; i < 100; i++) {
		if (i == 0)
			snprintf(bak, sizeof bak, "%s.v%ld.bak", path, version);
		else
			snprintf(bak, sizeof bak, "%s.v%ld.%d.bak", path, version, i);
		if (stat(bak, &sb) != 0)
			return db_backup_to(db, bak);
	}
	return db_fail(db, OL_EDB, _("too many backups beside %s: move some away"), path);
}

int db_bulk_tuning(struct db *db, int on)
{
	int rc;

	if (db->tx_depth > 0)
		return db_fail(db, OL_ESTATE, "bulk tuning inside a transaction");
	if (on) {
		rc = exec_simple(db, "PRAGMA journal_mode = DELETE", "preparing a bulk load");
		if (rc == OL_OK)
			rc = exec_simple(db, "PRAGMA synchronous = OFF", "preparing a bulk load");
		if (rc == OL_OK)
			rc = exec_simple(db, "PRAGMA cache_size = -8192", "preparing a bulk load");
		return rc;
	}
	rc = exec_simple(db, "PRAGMA cache_size = -2000", "ending a bulk load");
	if (rc == OL_OK && sqlite3_db_filename(db->h, "main") && *sqlite3_db_filename(db->h, "main"))
		rc = exec_simple(db, "PRAGMA journal_mode = WAL", "ending a bulk load");
	if (rc == OL_OK)
		rc = exec_simple(db, "PRAGMA synchronous = FULL", "ending a bulk load");
	return rc;
}

/* pinyin_key(NAME): the roster order of names (pinyin.h), as a blob, for
 * ORDER BY; NULL for NULL.  SQLite computes it once per row it sorts. */
static void sql_pinyin_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *name = sqlite3_value_text(argv[0]);
	char *key;

	(void)argc;
	if (!name) {
		sqlite3_result_null(ctx);
		return;
	}
	key = pinyin_key((const char *)name);
	sqlite3_result_blob(ctx, key, (int)strlen(key), free);
}

static int setup_connection(struct db *db, int in_memory)
{
	int rc;

	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	if (sqlite3_create_function(db->h, "pinyin_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				    NULL, sql_pinyin_key, NULL, NULL) != SQLITE_OK)
		return db_fail_sqlite(db, "opening");
	rc = exec_simple(db, "PRAGMA foreign_keys = ON", "opening");
	if (rc == OL_OK && !in_memory)
		rc = exec_simple(db, "PRAGMA journal_mode = WAL", "opening");
	/* Every key press is durable: a roll-call mark survives a power cut. */
	if (rc == OL_OK)
		rc = exec_simple(db, "PRAGMA synchronous = FULL", "opening");
	return rc;
}

/*
 * Closes a connection to a file we refuse.  Pending WAL content stays in
 * the -wal (a checkpoint would write it into the file); a -wal that only
 * our look created is empty, and checkpointing it on close removes it.
 */
static void close_refused(struct db *db, int had_wal)
{
	if (!had_wal)
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
	db_close(db);
}

static int open_checked(const char *path, unsigned flags, struct db **out, char **errmsg)
{
	struct db *db;
	int is_new = 1, rc, had_wal = 0;
	long version = 0;
	unsigned long app_id = 0;
	int in_memory = (flags & DB_OPEN_MEMORY) != 0;

	*out = NULL;
	*errmsg = NULL;
	if (!in_memory) {
		rc = check_header(path, &is_new, &version, &app_id, errmsg);
		if (rc != OL_OK)
			return rc;
		if (is_new && !(flags & DB_OPEN_CREATE)) {
			*errmsg = msgdup(_("%s does not exist or is empty: create it with 'orglife --db %s demo' "
					   "or any command that adds data"), path, path);
			return OL_ENOTFOUND;
		}
		if (is_new && access(path, F_OK) != 0 && create_private(path, errmsg) != OL_OK)
			return OL_EDB;
	}

	if (!in_memory) {
		struct strbuf wal = { 0 };
		strbuf_addf(&wal, "%s-wal", path);
		had_wal = access(wal.s, F_OK) == 0;
		strbuf_free(&wal);
	}
	db = xmalloc(sizeof *db);
	memset(db, 0, sizeof *db);
	if (sqlite3_open_v2(in_memory ? ":memory:" : path, &db->h,
			    SQLITE_OPEN_READWRITE | (in_memory ? SQLITE_OPEN_MEMORY : 0), NULL) != SQLITE_OK) {
		*errmsg = msgdup(_("cannot open %s: %s"), path, sqlite3_errmsg(db->h));
		db_close(db);
		return OL_EDB;
	}
	/* Until the file is known to be ours, closing must not write the WAL
	 * back into it. */
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (!in_memory && !is_new && app_id == 0) {
		/* No application id and version 0: ours only if it is empty. */
		long n = 0;
		if (pragma_int(db, "SELECT count(*) FROM sqlite_schema", &n) != OL_OK || n > 0) {
			*errmsg = msgdup(_("%s belongs to another application: it was left unchanged; "
					   "give another file with --db"), path);
			close_refused(db, had_wal);
			return OL_EREFUSED;
		}
	}
	rc = setup_connection(db, in_memory);
	if (rc == OL_OK && !in_memory) {
		/* The header can lag behind the WAL: ask SQLite too. */
		long v = 0;
		rc = pragma_int(db, "PRAGMA user_version", &v);
		if (rc == OL_OK && v > DB_SCHEMA_VERSION) {
			*errmsg = msgdup(_("%s was written by a newer orglife (schema %ld, this one reads up to %d): "
					   "it was left unchanged; upgrade orglife"), path, v, DB_SCHEMA_VERSION);
			close_refused(db, had_wal);
			return OL_EREFUSED;
		}
		version = v;
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
		chmod(path, 0600);
		if (rc == OL_OK && version > 0 && version < DB_SCHEMA_VERSION && !(flags & DB_OPEN_NO_MIGRATE))
			rc = backup_before_migration(db, path, version);
	}
	if (rc == OL_OK && !(flags & DB_OPEN_NO_MIGRATE))
		rc = db_migrate_to(db, DB_SCHEMA_VERSION);
	if (rc == OL_OK && db_schema_version(db) >= 1)
		rc = load_site(db);
	if (rc != OL_OK) {
		*errmsg = xstrdup(db_errmsg(db));
		db_close(db);
		return rc;
	}
	*out = db;
	return OL_OK;
}

int db_open(const char *path, unsigned flags, struct db **out, char **errmsg)
{
	char *msg = NULL;
	int rc = open_checked(path, flags, out, &msg);

	if (errmsg)
		*errmsg = msg;
	else
		free(msg);
	return rc;
}

void db_close(struct db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	free(db->touched);
	sqlite3_close(db->h);
	strbuf_free(&db->err);
	free(db);
}
