/*
 * bench-open.c - the in-process measurements of `make bench` (bench/run.sh),
 * through the model API as the program uses it, timed with
 * clock_gettime(CLOCK_MONOTONIC); each prints the median of its runs.
 *
 *   bench-open [--runs N] DB open40    open the file, read the first 40
 *                                      branches in tree order (org_list),
 *                                      close: one screenful from cold
 *   bench-open [--runs N] DB quarter   one branch's sessions for the last
 *                                      full quarter (session_list), on an
 *                                      open connection
 *   bench-open [--runs N] DB attend    one attendance mark (attend_set),
 *                                      committed with synchronous = FULL:
 *                                      writes to DB, so give it a copy
 *   bench-open [--sizes] DB size       the file's size, its minutes, and
 *                                      with --sizes the bytes per table and
 *                                      index (SQLite's dbstat)
 *
 * --create makes DB (an empty database) when it does not exist.
 *
 * The branch is the first, in tree order, with 45 to 55 members; the
 * session one of its held assemblies, lessons or theme days in that
 * quarter.  ORGLIFE_NOW pins today as for orglife.  Output is for the
 * script: one line "KEY VALUE UNIT DETAIL...".  A developer's tool: not
 * translated.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/org.h>
#include <orglife/session.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench-open: %s: %s\n", what, msg ? msg : "failed");
	exit(1);
}

static unsigned open_flags; /* --create: DB_OPEN_CREATE */

static struct db *open_db(const char *path, unsigned flags)
{
	struct db *db;
	char *err = NULL;

	if (db_open(path, flags | open_flags, &db, &err) != OL_OK)
		die(path, err);
	return db;
}

/* ---- open + the first 40 branches ----------------------------------------- */

struct first {
	int seen;
	long long picked; /* the first branch of 45 to 55 members */
	char name[256];
};

/* A screenful: stops at the 40th branch. */
static int screenful(const struct org *o, void *p)
{
	struct first *f = p;

	return o->kind == ORG_BRANCH && ++f->seen >= 40;
}

static int typical_branch(const struct org *o, void *p)
{
	struct first *f = p;

	if (o->kind != ORG_BRANCH || o->members < 45 || o->members > 55)
		return 0;
	f->picked = o->id;
	snprintf(f->name, sizeof f->name, "%s", o->name);
	return 1;
}

static void bench_open40(const char *path, int runs)
{
	double *t = malloc((size_t)runs * sizeof *t);
	int i, rows = 0;

	for (i = 0; i < runs; i++) {
		struct first f = { 0 };
		double t0 = now_ms();
		struct db *db = open_db(path, 0);
		if (org_list(db, screenful, &f) < 0)
			die("org_list", db_errmsg(db));
		db_close(db);
		t[i] = now_ms() - t0;
		rows = f.seen;
	}
	printf("open40 %.3f ms %d-rows %d-runs\n", median(t, runs), rows, runs);
	free(t);
}

/* The branch of the quarter and attendance benchmarks. */
static long long pick_branch(struct db *db, char *name, size_t n)
{
	struct first f = { 0 };

	if (org_list(db, typical_branch, &f) < 0)
		die("org_list", db_errmsg(db));
	if (!f.picked)
		die("picking a branch", "no branch of 45 to 55 members");
	snprintf(name, n, "%s", f.name);
	return f.picked;
}

static void last_quarter(long *from, long *to)
{
	*to = date_quarter_first(date_today()) - 1;
	*from = date_quarter_first(*to);
}

/* ---- one branch's sessions for a quarter ------------------------------------- */

struct count {
	int n;
	long long held_id; /* a held branch-wide session */
};

static int count_session(const struct session *s, void *p)
{
	struct count *c = p;

	c->n++;
	if (!c->held_id && s->state == SESSION_HELD &&
	    (s->kind == SK_ASSEMBLY || s->kind == SK_LESSON || s->kind == SK_THEME_DAY))
		c->held_id = s->id;
	return 0;
}

static void bench_quarter(const char *path, int runs)
{
	struct db *db = open_db(path, 0);
	double *t = malloc((size_t)runs * sizeof *t);
	char name[256], a[11], b[11];
	long from, to;
	long long branch = pick_branch(db, name, sizeof name);
	struct count c = { 0 };
	int i;

	last_quarter(&from, &to);
	for (i = 0; i < runs; i++) {
		double t0 = now_ms();
		c.n = 0;
		if (session_list(db, branch, from, to, count_session, &c) != OL_OK)
			die("session_list", db_errmsg(db));
		t[i] = now_ms() - t0;
	}
	date_format(from, a);
	date_format(to, b);
	printf("quarter %.3f ms %d-sessions %d-runs branch-%lld %s..%s %s\n", median(t, runs), c.n, runs, branch, a,
	       b, name);
	free(t);
	db_close(db);
}

/* ---- one attendance write -------------------------------------------------------- */

struct expected {
	long long member;
	enum attend_status status;
};

static int first_expected(const struct attendee *a, void *p)
{
	struct expected *e = p;

	if (a->kind != ATTENDEE_EXPECTED)
		return 0;
	e->member = a->member_id;
	e->status = a->status;
	return 1;
}

static void bench_attend(const char *path, int runs)
{
	struct db *db = open_db(path, 0);
	double *t = malloc((size_t)runs * sizeof *t);
	char name[256], sync[16] = "?";
	long from, to;
	long long branch = pick_branch(db, name, sizeof name);
	struct count c = { 0 };
	struct expected e = { 0 };
	sqlite3_stmt *st;
	int i;

	last_quarter(&from, &to);
	if (session_list(db, branch, from, to, count_session, &c) != OL_OK || !c.held_id)
		die("finding a held session", db_errmsg(db));
	if (session_attendees(db, c.held_id, first_expected, &e) < 0 || !e.member)
		die("finding an expected member", db_errmsg(db));
	/* What the connection really does: the program's setting. */
	if (sqlite3_prepare_v2(db_handle(db), "PRAGMA synchronous", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(sync, sizeof sync, "%s", sqlite3_column_int(st, 0) == 2 ? "FULL" : "not-FULL");
		sqlite3_finalize(st);
	}
	for (i = 0; i < runs; i++) {
		enum attend_status s = i % 2 ? ATTEND_PRESENT : ATTEND_LATE;
		double t0 = now_ms();
		if (attend_set(db, c.held_id, e.member, s, NULL) != OL_OK)
			die("attend_set", db_errmsg(db));
		t[i] = now_ms() - t0;
	}
	if (e.status != ATTEND_NONE)
		attend_set(db, c.held_id, e.member, e.status, NULL);
	printf("attend %.3f ms %d-runs session-%lld member-%lld synchronous-%s\n", median(t, runs), runs, c.held_id,
	       e.member, sync);
	free(t);
	db_close(db);
}

/* ---- size ------------------------------------------------------------------------ */

static long long one_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(db_handle(db)));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void bench_size(const char *path, int sizes)
{
	struct db *db = open_db(path, 0);
	long long total = one_int(db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
	long long minutes = one_int(db, "SELECT coalesce(sum(length(CAST(minutes AS BLOB))), 0)"
					" + coalesce(sum(length(CAST(resolutions AS BLOB))), 0) FROM session");
	long long freel = one_int(db, "SELECT freelist_count * page_size FROM pragma_freelist_count(), pragma_page_size()");
	sqlite3_stmt *st;

	printf("size %lld bytes total\n", total);
	printf("minutes %lld bytes minutes-and-resolutions\n", minutes);
	printf("free %lld bytes free-pages\n", freel);
	printf("without-minutes %lld bytes\n", total - minutes);
	if (sizes) {
		const char *sql = "SELECT name, sum(pgsize), sum(payload), count(*) FROM dbstat GROUP BY name"
				  " ORDER BY 2 DESC, 1";
		if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
			die("dbstat (SQLite built without SQLITE_ENABLE_DBSTAT_VTAB?)", sqlite3_errmsg(db_handle(db)));
		while (sqlite3_step(st) == SQLITE_ROW)
			printf("table %lld bytes %s payload-%lld pages-%lld\n", sqlite3_column_int64(st, 1),
			       (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 2),
			       sqlite3_column_int64(st, 3));
		sqlite3_finalize(st);
	}
	db_close(db);
}

int main(int argc, char **argv)
{
	const char *err = NULL, *path = NULL, *what = NULL;
	int runs = 0, sizes = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--sizes") == 0)
			sizes = 1;
		else if (strcmp(argv[i], "--create") == 0)
			open_flags = DB_OPEN_CREATE;
		else if (!path)
			path = argv[i];
		else if (!what)
			what = argv[i];
		else
			path = NULL, i = argc;
	}
	if (!path || !what) {
		fprintf(stderr, "usage: bench-open [--runs N] [--sizes] [--create] DB open40|quarter|attend|size\n");
		return 2;
	}
	if (date_clock_init_from_env(&err) != 0)
		die("ORGLIFE_NOW", err);
	if (strcmp(what, "open40") == 0)
		bench_open40(path, runs > 0 ? runs : 20);
	else if (strcmp(what, "quarter") == 0)
		bench_quarter(path, runs > 0 ? runs : 200);
	else if (strcmp(what, "attend") == 0)
		bench_attend(path, runs > 0 ? runs : 200);
	else if (strcmp(what, "size") == 0)
		bench_size(path, sizes);
	else {
		fprintf(stderr, "bench-open: unknown measurement %s\n", what);
		return 2;
	}
	return 0;
}
