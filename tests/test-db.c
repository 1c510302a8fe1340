/* test-db.c - cmocka tests for the store (src/db.c, src/db-schema.c):
 * file modes, refusing files that are not ours (left byte-for-byte
 * unchanged), creation, migrations from every earlier schema version,
 * nested transactions, the append-only audit log, ids and backups.
 *
 * Each test works in its own temporary directory. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <orglife/db.h>
#include <orglife/member.h>
#include <orglife/org.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixture: a private temporary directory ---------------------------- */

struct tmp {
	char dir[256];
	char path[512]; /* dir/orglife.db, the usual database path */
	mode_t old_umask;
};

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);

	if (!t)
		return -1;
	snprintf(t->dir, sizeof t->dir, "%s/orglife-test-db.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	snprintf(t->path, sizeof t->path, "%s/orglife.db", t->dir);
	t->old_umask = umask(022);
	*state = t;
	return 0;
}

/* Removes dir and everything in it (the tests make at most one level of
 * subdirectories). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[1024];
	struct stat sb;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			remove_tree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;

	umask(t->old_umask);
	remove_tree(t->dir);
	free(t);
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static char *join(const struct tmp *t, const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s", t->dir, name);
	return buf;
}

static char *with_suffix(const char *path, const char *suffix, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", path, suffix);
	return buf;
}

static int exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

static unsigned mode_of(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return (unsigned)(sb.st_mode & 07777);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Everything about a file that a refusal must not change. */
struct snapshot {
	unsigned char *bytes;
	size_t len;
	struct stat sb;
};

static void snapshot_take(const char *path, struct snapshot *s)
{
	FILE *f;
	size_t cap = 4096;

	memset(s, 0, sizeof *s);
	assert_int_equal(stat(path, &s->sb), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	s->bytes = malloc(cap);
	assert_non_null(s->bytes);
	for (;;) {
		size_t got = fread(s->bytes + s->len, 1, cap - s->len, f);
		s->len += got;
		if (got == 0)
			break;
		if (s->len == cap) {
			cap *= 2;
			s->bytes = realloc(s->bytes, cap);
			assert_non_null(s->bytes);
		}
	}
	fclose(f);
}

/* Nonzero (and why) if path is no longer as before: its bytes, size, mode,
 * modification time or inode. */
static int snapshot_differs(const char *path, const struct snapshot *before, char *why, size_t n)
{
	struct snapshot now;
	struct stat sb;
	size_t i;
	int bad = 1;

	if (stat(path, &sb) != 0) {
		snprintf(why, n, "%s is gone", path);
		return 1;
	}
	snapshot_take(path, &now);
	for (i = 0; i < now.len && i < before->len && now.bytes[i] == before->bytes[i]; i++)
		;
	if (now.len != before->len)
		snprintf(why, n, "%s changed: %zu bytes, was %zu", path, now.len, before->len);
	else if (i < now.len)
		snprintf(why, n, "%s changed: byte %zu is 0x%02x, was 0x%02x", path, i, now.bytes[i], before->bytes[i]);
	else if (now.sb.st_mode != before->sb.st_mode)
		snprintf(why, n, "%s changed: mode %o, was %o", path, (unsigned)now.sb.st_mode, (unsigned)before->sb.st_mode);
	else if (now.sb.st_mtim.tv_sec != before->sb.st_mtim.tv_sec || now.sb.st_mtim.tv_nsec != before->sb.st_mtim.tv_nsec)
		snprintf(why, n, "%s changed: it was written to (modification time)", path);
	else if (now.sb.st_ino != before->sb.st_ino)
		snprintf(why, n, "%s changed: it was replaced by another file", path);
	else
		bad = 0;
	free(now.bytes);
	return bad;
}

static void snapshot_assert_same(const char *path, const struct snapshot *before)
{
	char why[1024];

	if (snapshot_differs(path, before, why, sizeof why))
		fail_msg("%s", why);
}

static void snapshot_free(struct snapshot *s)
{
	free(s->bytes);
	s->bytes = NULL;
}

/* Runs sql on a plain SQLite connection to path (no orglife code). */
static void sqlite_exec_file(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	char *err = NULL;

	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	if (sqlite3_exec(h, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	assert_int_equal(sqlite3_close(h), SQLITE_OK);
}

/* The first column of the first row of sql, as an integer. */
static long long query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row of sql, as a new string ("" for NULL). */
static char *query_text(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	const unsigned char *s;
	char *v;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	v = strdup(s ? (const char *)s : "");
	assert_non_null(v);
	sqlite3_finalize(st);
	return v;
}

/* A 32-bit big-endian field of the file's SQLite header. */
static unsigned long header_field(const char *path, long offset)
{
	unsigned char b[4];
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	assert_int_equal(fseek(f, offset, SEEK_SET), 0);
	assert_int_equal(fread(b, 1, 4, f), 4);
	fclose(f);
	return (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 | (unsigned long)b[2] << 8 | b[3];
}

static struct db *open_ok(const char *path, unsigned flags)
{
	struct db *db = NULL;
	char *msg = NULL;
	int rc = db_open(path, flags, &db, &msg);

	if (rc != OL_OK)
		fail_msg("db_open(%s) = %d: %s", path, rc, msg ? msg : "(no message)");
	assert_null(msg);
	assert_non_null(db);
	return db;
}

static long long add_org(struct db *db, const char *name, enum org_kind kind, long long parent)
{
	long long id = 0;
	int rc = org_add(db, name, kind, parent, 0, &id);

	if (rc != OL_OK)
		fail_msg("org_add(%s) = %d: %s", name, rc, db_errmsg(db));
	return id;
}

static long long count_rows(struct db *db, const char *table)
{
	char sql[128];
	sqlite3_stmt *st;
	long long n;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- file modes --------------------------------------------------------- */

static void test_new_database_file_and_wal_are_0600(void **state)
{
	struct tmp *t = *state;
	char wal[600], shm[600];
	struct db *db;

	umask(022);
	assert_false(exists(t->path));
	db = open_ok(t->path, DB_OPEN_CREATE);
	assert_int_equal(mode_of(t->path), 0600);

	add_org(db, "第一支部", ORG_BRANCH, 0);
	/* Written while open: the WAL holds the change. */
	with_suffix(t->path, "-wal", wal, sizeof wal);
	with_suffix(t->path, "-shm", shm, sizeof shm);
	assert_true(exists(wal));
	assert_int_equal(mode_of(wal), 0600);
	if (exists(shm))
		assert_int_equal(mode_of(shm), 0600);
	assert_int_equal(mode_of(t->path), 0600);
	db_close(db);
	assert_int_equal(mode_of(t->path), 0600);
}

static void test_existing_empty_file_made_private(void **state)
{
	struct tmp *t = *state;
	struct db *db;

	write_file(t->path, "", 0);
	assert_int_equal(chmod(t->path, 0644), 0);
	db = open_ok(t->path, DB_OPEN_CREATE);
	assert_int_equal(mode_of(t->path), 0600);
	db_close(db);
}

/* db.h: a missing directory is an error that names the file, and nothing
 * is created (the program makes its default directory itself). */
static void test_create_refuses_missing_directory(void **state)
{
	struct tmp *t = *state;
	char dir[600], path[700];
	struct db *db = NULL;
	char *msg = NULL;
	struct stat sb;

	join(t, "data", dir, sizeof dir);
	snprintf(path, sizeof path, "%s/orglife.db", dir);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &msg), OL_EDB);
	assert_null(db);
	assert_non_null(msg);
	assert_non_null(strstr(msg, path));
	assert_int_not_equal(stat(dir, &sb), 0);
	free(msg);
}

/* ---- refusing files that are not ours ----------------------------------- */

static void make_noise(const char *path)
{
	unsigned char buf[8192];
	unsigned x = 2463534242u;
	size_t i;

	/* xorshift: deterministic noise, never an SQLite header. */
	for (i = 0; i < sizeof buf; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	buf[0] = 0x7f;
	write_file(path, buf, sizeof buf);
}

static void make_text(const char *path)
{
	static const char text[] =
		"姓名,支部,入党日期\n"
		"张伟,第一支部,2010-07-01\n"
		"李娜,第一支部,2015-06-30\n"
		"These are the branch members; orglife must not touch this file.\n"
		"................................................................\n";

	write_file(path, text, sizeof text - 1);
}

/* Shorter than an SQLite header but starting like one. */
static void make_truncated_header(const char *path)
{
	write_file(path, "SQLite format 3", 16);
}

static void make_foreign_app0(const char *path)
{
	sqlite_exec_file(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
			       "INSERT INTO notes(body) VALUES ('a note of another program');"
			       "PRAGMA application_id = 0;");
}

static void make_foreign_app1234(const char *path)
{
	sqlite_exec_file(path, "PRAGMA application_id = 1234;"
			       "CREATE TABLE t (x);"
			       "INSERT INTO t VALUES (1);");
}

/* Another application's file with no tables, only a user_version. */
static void make_foreign_versioned_empty(const char *path)
{
	sqlite_exec_file(path, "PRAGMA user_version = 7;");
}

/* Another application's file in WAL mode (cleanly closed). */
static void make_foreign_wal(const char *path)
{
	sqlite_exec_file(path, "PRAGMA journal_mode = WAL;"
			       "CREATE TABLE notes (body TEXT);"
			       "INSERT INTO notes VALUES ('wal');");
}

/* An orglife database a newer orglife wrote: the schema version in the
 * file header is DB_SCHEMA_VERSION + 1. */
static void make_newer_orglife(const char *path)
{
	struct db *db = open_ok(path, DB_OPEN_CREATE);
	char sql[160];

	add_org(db, "第一支部", ORG_BRANCH, 0);
	db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA wal_checkpoint(TRUNCATE);",
		 DB_SCHEMA_VERSION + 1);
	sqlite_exec_file(path, sql);
	assert_int_equal(header_field(path, 60), DB_SCHEMA_VERSION + 1);
	assert_int_equal(header_field(path, 68), DB_APPLICATION_ID);
}

static const struct refusal_case {
	const char *what;
	void (*make)(const char *path);
	const char *says; /* a word of the message besides the path */
} refusals[] = {
	{ .what = "random noise", .make = make_noise, .says = "not an orglife database" },
	{ .what = "a text file", .make = make_text, .says = "not an orglife database" },
	{ .what = "a truncated SQLite header", .make = make_truncated_header, .says = "not an orglife database" },
	{ .what = "SQLite, application_id 0, a table", .make = make_foreign_app0, .says = "another application" },
	{ .what = "SQLite, application_id 1234", .make = make_foreign_app1234, .says = "another application" },
	{ .what = "SQLite, user_version 7, no tables", .make = make_foreign_versioned_empty,
	  .says = "another application" },
	{ .what = "SQLite in WAL mode, a table", .make = make_foreign_wal, .says = "another application" },
	{ .what = "orglife, newer schema", .make = make_newer_orglife, .says = "newer orglife" },
};

static void test_refused_files_left_unchanged(void **state)
{
	struct tmp *t = *state;
	static const unsigned flag_sets[] = { 0, DB_OPEN_CREATE, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE };
	static char stale;
	size_t i, j;

	for (i = 0; i < N_ELEMS(refusals); i++) {
		char path[600], wal[700], shm[700], journal[700];

		snprintf(path, sizeof path, "%s/case%zu.db", t->dir, i);
		with_suffix(path, "-wal", wal, sizeof wal);
		with_suffix(path, "-shm", shm, sizeof shm);
		with_suffix(path, "-journal", journal, sizeof journal);
		refusals[i].make(path);
		assert_false(exists(wal));
		assert_false(exists(shm));
		for (j = 0; j < N_ELEMS(flag_sets); j++) {
			struct snapshot before;
			/* A stale pointer: on failure db_open sets *out to NULL. */
			struct db *db = (struct db *)&stale;
			char *msg = NULL;
			int rc;

			snapshot_take(path, &before);
			rc = db_open(path, flag_sets[j], &db, &msg);
			if (rc != OL_EREFUSED)
				fail_msg("%s (flags %u): db_open = %d, want OL_EREFUSED (%s)", refusals[i].what,
					 flag_sets[j], rc, msg ? msg : "");
			assert_null(db);
			assert_non_null(msg);
			if (!strstr(msg, path))
				fail_msg("%s: the message does not name the file: %s", refusals[i].what, msg);
			if (!strstr(msg, refusals[i].says))
				fail_msg("%s: the message does not say '%s': %s", refusals[i].what, refusals[i].says, msg);
			snapshot_assert_same(path, &before);
			assert_false(exists(wal));
			assert_false(exists(shm));
			assert_false(exists(journal));
			snapshot_free(&before);
			free(msg);
		}
	}
}

/* Runs sql on path and closes without checkpointing, so the change stays
 * in the -wal file as when a program is killed. */
static void sqlite_exec_into_wal(const char *path, const char *sql)
{
	sqlite3 *h = NULL;

	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(h), SQLITE_OK);
}

/* A newer orglife stopped before its WAL was checkpointed: the file
 * header still says the current version, the WAL says newer. */
static void make_newer_orglife_in_wal(const char *path)
{
	struct db *db = open_ok(path, DB_OPEN_CREATE);
	char sql[64];

	db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", DB_SCHEMA_VERSION + 1);
	sqlite_exec_into_wal(path, sql);
	assert_int_equal(header_field(path, 60), DB_SCHEMA_VERSION);
}

/* Another program's WAL database whose tables are still only in the WAL. */
static void make_foreign_in_wal(const char *path)
{
	sqlite_exec_into_wal(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('only in the WAL');");
}

static const struct refusal_case wal_refusals[] = {
	{ .what = "orglife, newer schema in the WAL", .make = make_newer_orglife_in_wal, .says = "newer orglife" },
	{ .what = "SQLite of another program, tables in the WAL", .make = make_foreign_in_wal,
	  .says = "another application" },
};

/* The refusal leaves the file and its WAL as they were: closing SQLite's
 * connection must not checkpoint the WAL into the file or remove it. */
static void test_refused_with_pending_wal_left_unchanged(void **state)
{
	struct tmp *t = *state;
	char failures[4096] = "";
	size_t i;

	/* Every case runs; the failures are reported together. */
	for (i = 0; i < N_ELEMS(wal_refusals); i++) {
		char path[600], wal[700], why[1024];
		struct snapshot before, before_wal;
		struct db *db = NULL;
		char *msg = NULL;
		int rc, bad;

		snprintf(path, sizeof path, "%s/wal%zu.db", t->dir, i);
		with_suffix(path, "-wal", wal, sizeof wal);
		wal_refusals[i].make(path);
		assert_true(exists(wal));
		snapshot_take(path, &before);
		snapshot_take(wal, &before_wal);
		rc = db_open(path, DB_OPEN_CREATE, &db, &msg);
		if (rc != OL_EREFUSED)
			fail_msg("%s: db_open = %d, want OL_EREFUSED (%s)", wal_refusals[i].what, rc, msg ? msg : "");
		assert_null(db);
		assert_non_null(msg);
		assert_non_null(strstr(msg, path));
		assert_non_null(strstr(msg, wal_refusals[i].says));
		free(msg);
		bad = snapshot_differs(path, &before, why, sizeof why);
		if (!bad && !exists(wal)) {
			snprintf(why, sizeof why, "%s was removed", wal);
			bad = 1;
		}
		if (!bad)
			bad = snapshot_differs(wal, &before_wal, why, sizeof why);
		snapshot_free(&before);
		snapshot_free(&before_wal);
		if (bad)
			snprintf(failures + strlen(failures), sizeof failures - strlen(failures), "\n  %s: %s",
				 wal_refusals[i].what, why);
	}
	if (failures[0])
		fail_msg("a refusal changed the files:%s", failures);
}

/* ---- creating ----------------------------------------------------------- */

static void test_empty_file_is_accepted_as_new(void **state)
{
	struct tmp *t = *state;
	struct db *db;

	write_file(t->path, "", 0);
	db = open_ok(t->path, DB_OPEN_CREATE);
	assert_int_equal(db_schema_version(db), DB_SCHEMA_VERSION);
	assert_in_range(db_site(db), 1, 999);
	add_org(db, "第一支部", ORG_BRANCH, 0);
	db_close(db);
	assert_int_equal(header_field(t->path, 68), DB_APPLICATION_ID);
	/* Now an orglife database: it opens without DB_OPEN_CREATE. */
	db = open_ok(t->path, 0);
	assert_int_equal(count_rows(db, "org"), 1);
	db_close(db);
}

/* Without DB_OPEN_CREATE an empty file is treated like a missing one and
 * left as it is. */
static void test_empty_file_without_create_not_found(void **state)
{
	struct tmp *t = *state;
	struct db *db = NULL;
	char *msg = NULL;

	write_file(t->path, "", 0);
	assert_int_equal(db_open(t->path, 0, &db, &msg), OL_ENOTFOUND);
	assert_null(db);
	assert_non_null(msg);
	assert_non_null(strstr(msg, t->path));
	free(msg);
	assert_true(exists(t->path));
	assert_int_equal(mode_of(t->path), 0644);
}

static void test_missing_file_without_create_not_found(void **state)
{
	struct tmp *t = *state;
	char wal[600];
	struct db *db = NULL;
	char *msg = NULL;

	assert_int_equal(db_open(t->path, 0, &db, &msg), OL_ENOTFOUND);
	assert_null(db);
	assert_non_null(msg);
	assert_non_null(strstr(msg, t->path));
	free(msg);
	assert_false(exists(t->path));
	assert_false(exists(with_suffix(t->path, "-wal", wal, sizeof wal)));
}

/* db.h: errmsg is optional ("*errmsg (if given) receives a message the
 * caller frees"): without it, the failure is the same and the message is
 * not leaked (LeakSanitizer checks that). */
static void test_open_failure_without_errmsg(void **state)
{
	struct tmp *t = *state;
	char text[600];
	struct snapshot before;
	struct db *db = NULL;

	assert_int_equal(db_open(t->path, 0, &db, NULL), OL_ENOTFOUND);
	assert_null(db);
	assert_false(exists(t->path));

	join(t, "notes.txt", text, sizeof text);
	make_text(text);
	snapshot_take(text, &before);
	assert_int_equal(db_open(text, DB_OPEN_CREATE, &db, NULL), OL_EREFUSED);
	assert_null(db);
	snapshot_assert_same(text, &before);
	snapshot_free(&before);
}

static void test_new_database_ids_versions_and_site(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	char *site;
	int s = db_site(db);

	assert_int_equal(query_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(db_schema_version(db), DB_SCHEMA_VERSION);
	assert_in_range(s, 1, 999);
	site = query_text(db, "SELECT value FROM meta WHERE key = 'site'");
	assert_int_equal(atoi(site), s);
	free(site);
	site = query_text(db, "PRAGMA journal_mode");
	assert_string_equal(site, "wal");
	free(site);
	assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
	/* PRODUCT §6: every change durable when committed. */
	assert_int_equal(query_int(db, "PRAGMA synchronous"), 2);
	assert_true(query_int(db, "PRAGMA busy_timeout") > 0);
	db_close(db);

	/* The header carries both for tools that never open the file. */
	assert_int_equal(header_field(t->path, 68), DB_APPLICATION_ID);
	assert_int_equal(header_field(t->path, 60), DB_SCHEMA_VERSION);
	/* Reopened: the same site. */
	db = open_ok(t->path, 0);
	assert_int_equal(db_site(db), s);
	db_close(db);
}

/* The schema as SQL text, to compare a migrated file with a new one. */
static char *schema_text(struct db *db)
{
	return query_text(db, "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10))"
			      " FROM (SELECT * FROM sqlite_schema ORDER BY type, name)");
}

/* ---- migrations --------------------------------------------------------- */

/* From every earlier version v: a file at v opens at DB_SCHEMA_VERSION with
 * the schema of a new file, after a backup PATH.vN.bak (mode 0600) of the
 * file as it was (for v > 0: a file at version 0 is empty). */
static void test_migrates_from_every_earlier_version(void **state)
{
	struct tmp *t = *state;
	struct db *fresh, *db;
	char *want, *got;
	int v;

	fresh = open_ok(NULL, DB_OPEN_MEMORY);
	want = schema_text(fresh);
	db_close(fresh);

	for (v = 0; v < DB_SCHEMA_VERSION; v++) {
		char path[600], bak[700], other_bak[700], name[32];
		int existing_bak;

		for (existing_bak = 0; existing_bak <= (v > 0); existing_bak++) {
			snprintf(name, sizeof name, "v%d-%d.db", v, existing_bak);
			join(t, name, path, sizeof path);
			snprintf(bak, sizeof bak, "%s.v%d.bak", path, v);
			snprintf(other_bak, sizeof other_bak, "%s.v%d.1.bak", path, v);

			db = open_ok(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE);
			assert_int_equal(db_schema_version(db), 0);
			assert_int_equal(db_migrate_to(db, v), OL_OK);
			assert_int_equal(db_schema_version(db), v);
			db_close(db);
			if (v > 0)
				assert_int_equal(header_field(path, 60), v);
			if (existing_bak)
				write_file(bak, "an older backup", 15);

			db = open_ok(path, 0);
			assert_int_equal(db_schema_version(db), DB_SCHEMA_VERSION);
			assert_int_equal(query_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
			assert_in_range(db_site(db), 1, 999);
			got = schema_text(db);
			assert_string_equal(got, want);
			free(got);
			add_org(db, "迁移后", ORG_BRANCH, 0);
			db_close(db);

			if (v == 0) {
				/* Nothing to keep: no backup. */
				assert_false(exists(bak));
				continue;
			}
			if (existing_bak) {
				struct snapshot s;
				snapshot_take(bak, &s);
				assert_int_equal(s.len, 15);
				assert_memory_equal(s.bytes, "an older backup", 15);
				snapshot_free(&s);
				strcpy(bak, other_bak);
			}
			assert_true(exists(bak));
			assert_int_equal(mode_of(bak), 0600);
			assert_int_equal(header_field(bak, 60), v);
			db = open_ok(bak, DB_OPEN_NO_MIGRATE);
			assert_int_equal(db_schema_version(db), v);
			db_close(db);
		}
	}
	free(want);
}

/* db_migrate_to stops at its target and never goes back. */
static void test_migrate_to_stops_at_target(void **state)
{
	struct db *db;

	(void)state;
	db = open_ok(NULL, DB_OPEN_MEMORY | DB_OPEN_NO_MIGRATE);
	assert_int_equal(db_schema_version(db), 0);
	assert_int_equal(db_migrate_to(db, 0), OL_OK);
	assert_int_equal(db_schema_version(db), 0);
	assert_int_equal(db_migrate_to(db, DB_SCHEMA_VERSION), OL_OK);
	assert_int_equal(db_schema_version(db), DB_SCHEMA_VERSION);
	assert_int_equal(db_migrate_to(db, 0), OL_OK);
	assert_int_equal(db_schema_version(db), DB_SCHEMA_VERSION);
	db_close(db);
}

/* ---- transactions ------------------------------------------------------- */

static long long org_count_on_disk(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM org", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

static void test_failed_write_rolls_back_whole_transaction(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	struct member_new mn = { .name = "张伟", .org_id = 999999, .status = MEMBER_FULL, .joined = -1 };
	struct org o;
	long long org_id = 0, member_id = 0;
	int rc;

	assert_int_equal(db_tx_begin(db), OL_OK);
	assert_int_equal(org_add(db, "第一支部", ORG_BRANCH, 0, 0, &org_id), OL_OK);
	assert_int_equal(count_rows(db, "org"), 1); /* visible inside */
	rc = member_add(db, &mn, &member_id);
	assert_int_equal(rc, OL_ENOTFOUND);
	assert_int_equal(db_tx_end(db, rc), OL_ENOTFOUND);
	assert_int_equal(sqlite3_get_autocommit(db_handle(db)), 1);

	assert_int_equal(org_get(db, org_id, &o), OL_ENOTFOUND);
	org_clear(&o);
	assert_int_equal(count_rows(db, "org"), 0);
	assert_int_equal(count_rows(db, "member"), 0);
	assert_int_equal(count_rows(db, "audit"), 0);
	assert_int_equal(org_count_on_disk(t->path), 0);

	/* The next transaction starts clean. */
	add_org(db, "第二支部", ORG_BRANCH, 0);
	assert_int_equal(count_rows(db, "org"), 1);
	db_close(db);
	assert_int_equal(org_count_on_disk(t->path), 1);
}

static void test_nested_transactions_commit_at_outermost_end(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);

	assert_int_equal(db_tx_begin(db), OL_OK);
	assert_int_equal(db_tx_begin(db), OL_OK);
	add_org(db, "第一支部", ORG_BRANCH, 0); /* a third level inside */
	assert_int_equal(db_tx_end(db, OL_OK), OL_OK);
	/* Still open: another connection does not see it yet. */
	assert_int_equal(sqlite3_get_autocommit(db_handle(db)), 0);
	assert_int_equal(org_count_on_disk(t->path), 0);
	add_org(db, "第二支部", ORG_BRANCH, 0);
	assert_int_equal(db_tx_end(db, OL_OK), OL_OK);
	assert_int_equal(sqlite3_get_autocommit(db_handle(db)), 1);
	assert_int_equal(org_count_on_disk(t->path), 2);
	db_close(db);
}

/* An inner level that failed rolls back the whole transaction even when the
 * outer level ends with OL_OK. */
static const struct inner_failure {
	const char *what;
	int how; /* 0: inner db_tx_end with a failure; 1: a refused org_add */
} inner_failures[] = {
	{ .what = "inner end with OL_EINVAL", .how = 0 },
	{ .what = "a refused org_add inside", .how = 1 },
};

static void test_inner_failure_rolls_back_outer(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	size_t i;

	for (i = 0; i < N_ELEMS(inner_failures); i++) {
		long long id = 0;
		int rc;

		assert_int_equal(db_tx_begin(db), OL_OK);
		add_org(db, "外层", ORG_COMMITTEE, 0);
		if (inner_failures[i].how == 0) {
			assert_int_equal(db_tx_begin(db), OL_OK);
			add_org(db, "内层", ORG_BRANCH, 0);
			assert_int_equal(db_tx_end(db, OL_EINVAL), OL_EINVAL);
		} else {
			/* A group needs a parent branch. */
			assert_int_equal(org_add(db, "小组", ORG_GROUP, 0, 0, &id), OL_EINVAL);
		}
		rc = db_tx_end(db, OL_OK);
		if (rc == OL_OK)
			fail_msg("%s: the outer end committed", inner_failures[i].what);
		assert_int_equal(sqlite3_get_autocommit(db_handle(db)), 1);
		assert_int_equal(count_rows(db, "org"), 0);
		assert_int_equal(count_rows(db, "audit"), 0);
	}
	/* Afterwards writes commit again. */
	add_org(db, "之后", ORG_BRANCH, 0);
	assert_int_equal(org_count_on_disk(t->path), 1);
	db_close(db);
}

/* A failure outside any transaction does not poison the next one. */
static void test_failure_outside_transaction_does_not_leak(void **state)
{
	struct db *db = open_ok(NULL, DB_OPEN_MEMORY);
	long long id;

	(void)state;
	assert_int_equal(org_add(db, "", ORG_BRANCH, 0, 0, &id), OL_EINVAL);
	assert_true(strlen(db_errmsg(db)) > 0);
	assert_int_equal(db_tx_begin(db), OL_OK);
	add_org(db, "第一支部", ORG_BRANCH, 0);
	assert_int_equal(db_tx_end(db, OL_OK), OL_OK);
	assert_int_equal(count_rows(db, "org"), 1);
	db_close(db);
}

/* ---- the audit log ------------------------------------------------------ */

static char *audit_dump(struct db *db)
{
	return query_text(db, "SELECT group_concat(id || '|' || at || '|' || action || '|' || target || '|'"
			      " || coalesce(before, '-') || '|' || coalesce(after, '-'), char(10))"
			      " FROM (SELECT * FROM audit ORDER BY id)");
}

static void assert_last_audit(struct db *db, long long n, const char *action, const char *target)
{
	sqlite3_stmt *st;

	assert_int_equal(count_rows(db, "audit"), n);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
		"SELECT action, target FROM audit ORDER BY id DESC LIMIT 1", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), action);
	assert_string_equal((const char *)sqlite3_column_text(st, 1), target);
	sqlite3_finalize(st);
}

static void test_audit_records_every_write(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	struct org_changes rename = { .name = "第一支部（新）" };
	struct member_new mn = { .name = "张伟", .status = MEMBER_FULL, .joined = -1 };
	struct member_changes phone = { .cadre = -1, .phone = "13800000000" };
	char target[64], want[256], *s;
	long long branch, member, ignored;

	assert_int_equal(count_rows(db, "audit"), 0);
	branch = add_org(db, "第一支部", ORG_BRANCH, 0);
	snprintf(target, sizeof target, "org:%lld", branch);
	assert_last_audit(db, 1, "insert", target);
	s = query_text(db, "SELECT json_extract(after, '$.name') || '/' || json_extract(after, '$.kind')"
			   " || '/' || coalesce(before, 'none') FROM audit");
	assert_string_equal(s, "第一支部/branch/none");
	free(s);

	assert_int_equal(org_edit(db, branch, &rename), OL_OK);
	assert_last_audit(db, 2, "update", target);
	s = query_text(db, "SELECT json_extract(before, '$.name') || '>' || json_extract(after, '$.name')"
			   " FROM audit ORDER BY id DESC LIMIT 1");
	assert_string_equal(s, "第一支部>第一支部（新）");
	free(s);

	mn.org_id = branch;
	assert_int_equal(member_add(db, &mn, &member), OL_OK);
	snprintf(target, sizeof target, "member:%lld", member);
	assert_last_audit(db, 3, "insert", target);
	assert_int_equal(member_edit(db, member, &phone), OL_OK);
	assert_last_audit(db, 4, "update", target);
	s = query_text(db, "SELECT coalesce(json_extract(before, '$.phone'), 'null') || '>'"
			   " || json_extract(after, '$.phone') FROM audit ORDER BY id DESC LIMIT 1");
	assert_string_equal(s, "null>13800000000");
	free(s);

	/* A refused write leaves no trace. */
	assert_int_equal(org_add(db, "小组", ORG_GROUP, 0, 0, &ignored), OL_EINVAL);
	assert_int_equal(count_rows(db, "audit"), 4);
	/* Audit ids end in the site number too and increase. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit WHERE id % 1000 <> (SELECT value FROM meta WHERE key = 'site')"), 0);
	s = query_text(db, "SELECT group_concat(action || ' ' || target, ', ') FROM (SELECT * FROM audit ORDER BY id)");
	snprintf(want, sizeof want, "insert org:%lld, update org:%lld, insert member:%lld, update member:%lld", branch,
		 branch, member, member);
	assert_string_equal(s, want);
	free(s);
	db_close(db);
}

static void test_audit_is_append_only(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	static const char *const attacks[] = {
		"UPDATE audit SET action = 'forged'",
		"UPDATE audit SET after = NULL WHERE id = (SELECT min(id) FROM audit)",
		"DELETE FROM audit",
		"DELETE FROM audit WHERE action = 'insert'",
		"INSERT INTO audit(id, at, action, target) SELECT id, at, 'x', 'y' FROM audit"
		" ON CONFLICT(id) DO UPDATE SET action = 'x'",
	};
	char *before, *after;
	size_t i;

	add_org(db, "第一支部", ORG_BRANCH, 0);
	add_org(db, "第二支部", ORG_BRANCH, 0);
	before = audit_dump(db);
	assert_int_equal(count_rows(db, "audit"), 2);
	for (i = 0; i < N_ELEMS(attacks); i++) {
		char *err = NULL;
		int rc = sqlite3_exec(db_handle(db), attacks[i], NULL, NULL, &err);
		if (rc == SQLITE_OK)
			fail_msg("'%s' was allowed", attacks[i]);
		assert_non_null(err);
		sqlite3_free(err);
		after = audit_dump(db);
		assert_string_equal(after, before);
		free(after);
	}
	db_close(db);
	/* Still so on disk. */
	db = open_ok(t->path, 0);
	after = audit_dump(db);
	assert_string_equal(after, before);
	free(after);
	free(before);
	db_close(db);
}

/* REPLACE deletes the row it conflicts with without firing DELETE
 * triggers (recursive_triggers is off), so it must be refused some other
 * way: the log is append-only whatever statement tries to rewrite it. */
static void test_audit_cannot_be_rewritten_by_replace(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	static const char *const attacks[] = {
		"INSERT OR REPLACE INTO audit(id, at, action, target) SELECT id, at, 'forged', 'org:0' FROM audit",
		"REPLACE INTO audit(id, at, action, target) SELECT id, at, 'forged', 'org:0' FROM audit",
	};
	char *before, *after, why[2048] = "";
	size_t i;

	add_org(db, "第一支部", ORG_BRANCH, 0);
	before = audit_dump(db);
	for (i = 0; i < N_ELEMS(attacks) && !why[0]; i++) {
		int rc = sqlite3_exec(db_handle(db), attacks[i], NULL, NULL, NULL);
		after = audit_dump(db);
		if (strcmp(after, before) != 0)
			snprintf(why, sizeof why, "'%s' (rc %d) rewrote the audit log:\n%s\nnow:\n%s", attacks[i], rc,
				 before, after);
		free(after);
	}
	free(before);
	db_close(db);
	if (why[0])
		fail_msg("%s", why);
}

/* ---- ids ---------------------------------------------------------------- */

static void test_ids_end_in_site_and_increase(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	static const char *const tables[] = { "org", "member", "member_event", "role", "session", "election", "ledger" };
	long long prev = 0, id, next;
	int site = db_site(db), i;
	size_t k;

	for (i = 0; i < 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "支部%d", i);
		id = add_org(db, name, ORG_BRANCH, 0);
		assert_int_equal(id % 1000, site);
		assert_true(id > prev);
		prev = id;
	}
	assert_int_equal(prev, 5000 + site);
	for (k = 0; k < N_ELEMS(tables); k++) {
		assert_int_equal(db_next_id(db, tables[k], &next), OL_OK);
		assert_int_equal(next % 1000, site);
	}
	assert_int_equal(db_next_id(db, "org", &next), OL_OK);
	assert_int_equal(next, 6000 + site);
	assert_int_not_equal(db_next_id(db, "no_such_table", &next), OL_OK);
	db_close(db);
}

/* db.h: "the first org of site 427 is 1427". */
static void test_chosen_site_gives_ids(void **state)
{
	struct tmp *t = *state;
	struct db *db;

	db_choose_site(427);
	db = open_ok(t->path, DB_OPEN_CREATE);
	db_choose_site(0);
	assert_int_equal(db_site(db), 427);
	assert_int_equal(add_org(db, "第一支部", ORG_BRANCH, 0), 1427);
	assert_int_equal(add_org(db, "第二支部", ORG_BRANCH, 0), 2427);
	db_close(db);
	/* The site belongs to the file, not to the process. */
	db_choose_site(12);
	db = open_ok(t->path, 0);
	db_choose_site(0);
	assert_int_equal(db_site(db), 427);
	db_close(db);
}

/* ---- backups ------------------------------------------------------------ */

static void test_backup_refuses_existing_file(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE);
	struct snapshot before;
	char bak[600];

	add_org(db, "第一支部", ORG_BRANCH, 0);
	join(t, "keep.bak", bak, sizeof bak);
	write_file(bak, "keep me", 7);
	snapshot_take(bak, &before);
	assert_int_not_equal(db_backup_to(db, bak), OL_OK);
	assert_non_null(strstr(db_errmsg(db), bak));
	snapshot_assert_same(bak, &before);
	snapshot_free(&before);
	/* Not even an orglife database is overwritten. */
	assert_int_equal(db_backup_to(db, join(t, "copy.db", bak, sizeof bak)), OL_OK);
	snapshot_take(bak, &before);
	assert_int_not_equal(db_backup_to(db, bak), OL_OK);
	snapshot_assert_same(bak, &before);
	snapshot_free(&before);
	db_close(db);
}

static void test_backup_is_private_orglife_database(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t->path, DB_OPEN_CREATE), *copy;
	char bak[600], wal[700];
	long long id;
	struct org o;
	int site = db_site(db);

	umask(022);
	id = add_org(db, "第一支部", ORG_BRANCH, 0);
	join(t, "orglife-backup.db", bak, sizeof bak);
	assert_int_equal(db_backup_to(db, bak), OL_OK);
	db_close(db);
	assert_int_equal(mode_of(bak), 0600);
	/* A plain file that can be carried away. */
	assert_false(exists(with_suffix(bak, "-wal", wal, sizeof wal)));
	assert_int_equal(header_field(bak, 68), DB_APPLICATION_ID);

	copy = open_ok(bak, 0);
	assert_int_equal(db_schema_version(copy), DB_SCHEMA_VERSION);
	assert_int_equal(db_site(copy), site);
	assert_int_equal(org_get(copy, id, &o), OL_OK);
	assert_string_equal(o.name, "第一支部");
	assert_int_equal(o.kind, ORG_BRANCH);
	org_clear(&o);
	assert_int_equal(count_rows(copy, "audit"), 1);
	db_close(copy);
}

#define T(f) cmocka_unit_test_setup_teardown(f, tmp_setup, tmp_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_new_database_file_and_wal_are_0600),
		T(test_existing_empty_file_made_private),
		T(test_create_refuses_missing_directory),
		T(test_refused_files_left_unchanged),
		T(test_refused_with_pending_wal_left_unchanged),
		T(test_empty_file_is_accepted_as_new),
		T(test_empty_file_without_create_not_found),
		T(test_missing_file_without_create_not_found),
		T(test_open_failure_without_errmsg),
		T(test_new_database_ids_versions_and_site),
		T(test_migrates_from_every_earlier_version),
		T(test_migrate_to_stops_at_target),
		T(test_failed_write_rolls_back_whole_transaction),
		T(test_nested_transactions_commit_at_outermost_end),
		T(test_inner_failure_rolls_back_outer),
		T(test_failure_outside_transaction_does_not_leak),
		T(test_audit_records_every_write),
		T(test_audit_is_append_only),
		T(test_audit_cannot_be_rewritten_by_replace),
		T(test_ids_end_in_site_and_increase),
		T(test_chosen_site_gives_ids),
		T(test_backup_refuses_existing_file),
		T(test_backup_is_private_orglife_database),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
