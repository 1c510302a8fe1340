/*
 * db-resolve.c - turning what a user typed (an id or a name) into a row id,
 * and small binding helpers shared by the model files.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/i18n.h>
#include "db-internal.h"

void db_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	if (text)
		sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

void db_bind_day(sqlite3_stmt *st, int idx, long day)
{
	char buf[11];

	if (day < 0) {
		sqlite3_bind_null(st, idx);
		return;
	}
	date_format(day, buf);
	sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

void db_bind_id(sqlite3_stmt *st, int idx, long long id)
{
	if (id)
		sqlite3_bind_int64(st, idx, id);
	else
		sqlite3_bind_null(st, idx);
}

long db_col_day(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	int i, v[8];
	long day;

	/* Stored dates are exactly YYYY-MM-DD; this runs for every date the
	 * engine loads, so no sscanf. */
	if (!s || sqlite3_column_bytes(st, col) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 8; i++) {
		unsigned char c = s[i < 4 ? i : i < 6 ? i + 1 : i + 2];
		if (c < '0' || c > '9')
			return -1;
		v[i] = c - '0';
	}
	if (date_from_ymd(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], v[4] * 10 + v[5], v[6] * 10 + v[7], &day) != 0)
		return -1;
	return day;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, what);
	return OL_OK;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int db_resolve(struct db *db, const struct db_resolve_spec *spec, const char *text, long long *id)
{
	sqlite3_stmt *st;
	struct strbuf cands = { 0 };
	char *shown;
	int n = 0, rc;

	if (all_digits(text) && strlen(text) < 19) {
		if (!(st = db_stmt(db, spec->by_id)))
			return OL_EDB;
		sqlite3_bind_int64(st, 1, strtoll(text, NULL, 10));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			return OL_OK;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail_sqlite(db, "looking up an id");
	}
	if (!(st = db_stmt(db, spec->by_name)))
		return OL_EDB;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ctx = (const char *)sqlite3_column_text(st, 2);
		if (n++ == 0)
			*id = sqlite3_column_int64(st, 0);
		if (n <= 10) {
			strbuf_addf(&cands, "%s%lld", n > 1 ? ", " : "", sqlite3_column_int64(st, 0));
			if (ctx) {
				strbuf_adds(&cands, " (");
				text_sanitize_into(&cands, ctx, 0);
				strbuf_adds(&cands, ")");
			}
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		strbuf_free(&cands);
		return db_fail_sqlite(db, "looking up a name");
	}
	shown = text_sanitize(text, 0);
	if (n == 0)
		rc = db_fail(db, OL_ENOTFOUND, _("no %s is called '%s': see '%s'"), _(spec->what), shown,
			     spec->list_cmd);
	else if (n > 1)
		rc = db_fail(db, OL_EAMBIG, _("'%s' matches more than one %s: %s%s; give the id instead"),
			     shown, _(spec->what), strbuf_str(&cands), n > 10 ? ", ..." : "");
	else
		rc = OL_OK;
	free(shown);
	strbuf_free(&cands);
	return rc;
}
