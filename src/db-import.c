/*
 * db-import.c - members from a roster's CSV (import.h): the header
 * mapping, each row read and checked, matched to the branch's members,
 * then applied through the model's own functions (member_add, member_edit,
 * member_confirm, org_add) in one transaction.
 *
 * Three passes, so that an error names the first bad line and nothing is
 * written before every row is known to be good enough to try:
 *   1. read: every row's values parsed and checked on their own (no SQL);
 *   2. match: every row paired with a member or marked new (reads only);
 *   3. apply: the writes, in file order; the model's refusals (R-PROBATION)
 *      come back with the row's line, and the transaction rolls back.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <orglife/csv.h>
#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/import.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include "db-internal.h"

enum col {
	COL_NAME,
	COL_GENDER,
	COL_ETHNICITY,
	COL_BORN,
	COL_STATUS,
	COL_JOINED,
	COL_CONFIRMED,
	COL_PHONE,
	COL_GROUP,
	COL_CADRE,
	COL_COUNT
};

/* The headers each column goes by; English ones match in any case. */
static const char *const col_names[COL_COUNT][5] = {
	[COL_NAME] = { "姓名", "name" },
	[COL_GENDER] = { "性别", "gender", "sex" },
	[COL_ETHNICITY] = { "民族", "ethnicity" },
	[COL_BORN] = { "出生日期", "born", "birth date", "date of birth" },
	[COL_STATUS] = { "党员类别", "人员类别", "status", "category" },
	[COL_JOINED] = { "入党日期", "joined", "join date" },
	[COL_CONFIRMED] = { "转正日期", "confirmed" },
	[COL_PHONE] = { "联系电话", "手机号码", "phone", "mobile" },
	[COL_GROUP] = { "所在党小组", "党小组", "group", "party group" },
	[COL_CADRE] = { "是否党员领导干部", "领导干部", "cadre", "leading cadre" },
};

/* A column of the file may feed one of ours; several may feed the same
 * one (联系电话 and 手机号码): the first that is not empty wins. */
#define MAX_SOURCES 4

struct header {
	int src[COL_COUNT][MAX_SOURCES]; /* the file's column indexes */
	int nsrc[COL_COUNT];
	const char *const *titles;       /* the file's headers, trimmed */
};

/* A row as read (pass 1) and matched (pass 2). */
struct row {
	long line;
	const char *val[COL_COUNT]; /* trimmed text, NULL when empty */
	const char *title[COL_COUNT]; /* the header the value came from */
	int has_status;
	enum member_status status;
	long born, joined, confirmed; /* -1: not given */
	int cadre;                    /* -1: not given */
	long long member_id;          /* pass 2: the member matched, 0 new */
	size_t group;                 /* pass 2: the rows sharing its name */
};

struct sorted {
	const char *name;
	size_t idx; /* in rows */
};

/* Rows sharing a name (order[first .. first + count)), and the branch's
 * members of that name before the import (read once). */
struct cand {
	long long id;
	long born;
	char *phone;
};

struct name_group {
	size_t first, count;
	int loaded;
	struct cand *cands;
	size_t ncands;
};

struct import {
	struct db *db;
	long long branch;
	long today;
	struct csv_doc doc;
	struct header hdr;
	struct row *rows;
	size_t nrows;
	struct sorted *order; /* the rows by name, then in file order */
	struct name_group *groups;
	size_t ngroups;
	struct import_result *res;
};

/* ---- messages ------------------------------------------------------------ */

/* Text from the file, harmless for a terminal and short enough for one
 * line of message.  The caller frees it. */
static char *shown(const char *s)
{
	struct strbuf b = { 0 };
	char *safe = text_sanitize(s, 0);

	if (text_width(safe) <= 40)
		return safe;
	text_fit(&b, safe, 40, 0);
	free(safe);
	return strbuf_detach(&b);
}

/* Fails with "line N, COLUMN: MESSAGE" (COLUMN as the file writes it). */
static int fail_at(struct db *db, int status, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail_at(struct db *db, int status, long line, const char *column, const char *fmt, ...)
{
	char msg[768];
	char *col = shown(column);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	db_fail(db, status, _("line %ld, %s: %s"), line, col, msg);
	free(col);
	return status;
}

/* A model refusal (already in db_errmsg) prefixed with the line and the
 * column it is about. */
static int refused_at(struct db *db, int status, long line, const char *column)
{
	char *why = xstrdup(db_errmsg(db));

	fail_at(db, status, line, column, "%s", why);
	free(why);
	return status;
}

/* ---- pass 1: the header and the rows --------------------------------------- */

/* Does the header h name the column c?  A trailing * (a template's mark
 * of a required column) is not part of the name. */
static int header_is(const char *h, enum col c)
{
	size_t n = strlen(h), i, k;
	const char *name;

	if (n >= 3 && memcmp(h + n - 3, "\xEF\xBC\x8A", 3) == 0) /* ＊ */
		n -= 3;
	else if (n >= 1 && h[n - 1] == '*')
		n--;
	for (k = 0; k < 5 && (name = col_names[c][k]); k++) {
		if (strlen(name) != n)
			continue;
		for (i = 0; i < n; i++) {
			char a = h[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != name[i])
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

static int column_is_empty(const struct csv_doc *doc, int k)
{
	size_t r;

	for (r = 1; r < doc->nrecords; r++)
		if (*doc->records[r].fields[k])
			return 0;
	return 1;
}

static int read_header(struct import *im)
{
	const struct csv_record *h = &im->doc.records[0];
	struct strbuf ignored = { 0 };
	int k, c;

	im->hdr.titles = (const char *const *)h->fields;
	for (k = 0; k < h->nfields; k++) {
		for (c = 0; c < COL_COUNT && !header_is(h->fields[k], (enum col)c); c++)
			;
		if (c < COL_COUNT && im->hdr.nsrc[c] < MAX_SOURCES) {
			im->hdr.src[c][im->hdr.nsrc[c]++] = k;
			continue;
		}
		/* A spreadsheet's trailing empty columns go without saying. */
		if (!*h->fields[k] && column_is_empty(&im->doc, k))
			continue;
		if (ignored.len)
			strbuf_adds(&ignored, ", ");
		if (*h->fields[k]) {
			char *t = shown(h->fields[k]);
			strbuf_adds(&ignored, t);
			free(t);
		} else
			strbuf_addf(&ignored, _("(column %d, no header)"), k + 1);
		im->res->columns_ignored++;
	}
	if (ignored.len)
		im->res->ignored = strbuf_detach(&ignored);
	strbuf_free(&ignored);
	if (!im->hdr.nsrc[COL_NAME])
		return db_fail(im->db, OL_EINVAL,
			       _("line %ld: no 姓名 (name) column: the first line must be the header, naming the"
				 " columns"), h->line);
	return OL_OK;
}

static int parse_date(struct import *im, const struct row *r, enum col c, long *day)
{
	const char *err = NULL;
	char *v;

	*day = -1;
	if (!r->val[c])
		return OL_OK;
	if (date_parse_sheet(r->val[c], day, &err) == 0)
		return OL_OK;
	v = shown(r->val[c]);
	fail_at(im->db, OL_EINVAL, r->line, r->title[c], _("%s is not a date: %s"), v, _(err));
	free(v);
	return OL_EINVAL;
}

static int parse_cadre(struct import *im, const struct row *r, int *cadre)
{
	static const char *const yes[] = { "是", "yes", "y", "1", "true" };
	static const char *const no[] = { "否", "no", "n", "0", "false" };
	const char *v = r->val[COL_CADRE];
	char *w;
	size_t i;

	*cadre = -1;
	if (!v)
		return OL_OK;
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			*cadre = 1;
		if (strcasecmp(v, no[i]) == 0)
			*cadre = 0;
	}
	if (*cadre >= 0)
		return OL_OK;
	w = shown(v);
	fail_at(im->db, OL_EINVAL, r->line, r->title[COL_CADRE], _("%s: give 是 or 否 (yes or no, 1 or 0)"), w);
	free(w);
	return OL_EINVAL;
}

/* 正式党员 or 预备党员, or full or probationary in any case. */
static int status_parse(const char *v, enum member_status *st)
{
	char low[16];
	size_t i, n = strlen(v);

	if (n >= sizeof low)
		return -1;
	for (i = 0; i <= n; i++)
		low[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] - 'A' + 'a') : v[i];
	return member_status_parse(low, st);
}

/* Reads one record into r: 1 when it is a row, 0 when every cell is
 * empty (skipped), or a failure status. */
static int read_row(struct import *im, const struct csv_record *rec, struct row *r)
{
	char buf[11], buf2[11];
	int c, k, any = 0, rc;

	memset(r, 0, sizeof *r);
	r->line = rec->line;
	for (k = 0; k < rec->nfields; k++)
		any |= *rec->fields[k] != '\0';
	if (!any)
		return 0;
	for (c = 0; c < COL_COUNT; c++) {
		r->title[c] = im->hdr.nsrc[c] ? im->hdr.titles[im->hdr.src[c][0]] : col_names[c][0];
		for (k = 0; k < im->hdr.nsrc[c] && !r->val[c]; k++) {
			const char *v = rec->fields[im->hdr.src[c][k]];
			if (*v) {
				r->val[c] = v;
				r->title[c] = im->hdr.titles[im->hdr.src[c][k]];
			}
		}
	}
	if (!r->val[COL_NAME])
		return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_NAME], _("the name is empty: every row needs one"));
	if (r->val[COL_STATUS]) {
		if (status_parse(r->val[COL_STATUS], &r->status) != 0) {
			char *w = shown(r->val[COL_STATUS]);
			fail_at(im->db, OL_EINVAL, r->line, r->title[COL_STATUS],
				_("%s: give 正式党员 or 预备党员 (full or probationary)"), w);
			free(w);
			return OL_EINVAL;
		}
		r->has_status = 1;
	}
	if ((rc = parse_date(im, r, COL_BORN, &r->born)) || (rc = parse_date(im, r, COL_JOINED, &r->joined)) ||
	    (rc = parse_date(im, r, COL_CONFIRMED, &r->confirmed)) || (rc = parse_cadre(im, r, &r->cadre)))
		return rc;
	if (r->born > im->today) {
		date_format(r->born, buf);
		return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_BORN], _("%s is after today"), buf);
	}
	if (r->born >= 0 && r->joined >= 0 && r->joined < r->born) {
		date_format(r->joined, buf);
		date_format(r->born, buf2);
		return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_JOINED], _("%s is before the birth date, %s"), buf,
			       buf2);
	}
	if (r->confirmed >= 0) {
		date_format(r->confirmed, buf);
		if (r->joined >= 0 && r->confirmed < r->joined) {
			date_format(r->joined, buf2);
			return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_CONFIRMED],
				       _("%s is before the day the member joined, %s"), buf, buf2);
		}
		if (r->has_status && r->status == MEMBER_PROBATIONARY && r->confirmed <= im->today)
			return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_CONFIRMED],
				       _("a 预备党员 confirmed on %s is a 正式党员 by now: correct the category or the date"),
				       buf);
		if (r->has_status && r->status == MEMBER_FULL && r->confirmed > im->today)
			return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_CONFIRMED],
				       _("%s is after today, but the row says 正式党员: correct the category or the date"),
				       buf);
	}
	return 1;
}

/* ---- pass 2: matching rows to members -------------------------------------- */

static int by_name(const void *a, const void *b)
{
	const struct sorted *sa = a, *sb = b;
	int c = strcmp(sa->name, sb->name);

	if (c)
		return c;
	return sa->idx < sb->idx ? -1 : sa->idx > sb->idx;
}

static void group_rows(struct import *im)
{
	size_t i;

	im->order = xmalloc((im->nrows ? im->nrows : 1) * sizeof *im->order);
	im->groups = xmalloc((im->nrows ? im->nrows : 1) * sizeof *im->groups);
	for (i = 0; i < im->nrows; i++) {
		im->order[i].name = im->rows[i].val[COL_NAME];
		im->order[i].idx = i;
	}
	qsort(im->order, im->nrows, sizeof *im->order, by_name);
	for (i = 0; i < im->nrows; i++) {
		struct row *r = &im->rows[im->order[i].idx];
		if (i == 0 || strcmp(im->order[i].name, im->order[i - 1].name) != 0) {
			memset(&im->groups[im->ngroups], 0, sizeof im->groups[0]);
			im->groups[im->ngroups++].first = i;
		}
		im->groups[im->ngroups - 1].count++;
		r->group = im->ngroups - 1;
	}
}

/* The branch's members named name, as they are before the import. */
static int load_cands(struct import *im, struct name_group *g, const char *name)
{
	/* By the name's index: a branch can have thousands of members, a
	 * name few (the unary + keeps SQLite off the org_id index). */
	sqlite3_stmt *st = db_stmt(im->db, "SELECT id, born, phone FROM member WHERE name = ?2 AND +org_id = ?1"
					   " ORDER BY id");
	size_t cap = 0;
	int rc;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, im->branch);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (g->ncands == cap) {
			cap = cap ? cap * 2 : 4;
			g->cands = xrealloc(g->cands, cap * sizeof *g->cands);
		}
		g->cands[g->ncands].id = sqlite3_column_int64(st, 0);
		g->cands[g->ncands].born = db_col_day(st, 1);
		g->cands[g->ncands].phone = db_col_strdup(st, 2);
		g->ncands++;
	}
	sqlite3_reset(st);
	g->loaded = 1;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(im->db, "reading the branch's members");
}

/* Whether two records of one name are the same person: a birth date
 * decides when both have one (birthdays do not change), else the phone
 * when both have one; otherwise nobody can tell (-1). */
static int same_person(long born_a, const char *phone_a, long born_b, const char *phone_b)
{
	if (born_a >= 0 && born_b >= 0)
		return born_a == born_b;
	if (phone_a && phone_b)
		return strcmp(phone_a, phone_b) == 0;
	return -1;
}

static int match_row(struct import *im, size_t idx)
{
	struct row *r = &im->rows[idx];
	struct name_group *g = &im->groups[r->group];
	const char *name_col = r->title[COL_NAME];
	const char *phone = r->val[COL_PHONE];
	size_t i, identified = 0, possible = 0;
	long long id = 0;
	char *who;
	int rc;

	if (!g->loaded && (rc = load_cands(im, g, r->val[COL_NAME])) != OL_OK)
		return rc;
	/* The common case: one row, at most one member of that name. */
	if (g->count == 1 && g->ncands <= 1) {
		r->member_id = g->ncands ? g->cands[0].id : 0;
		return OL_OK;
	}
	who = shown(r->val[COL_NAME]);
	if (r->born < 0 && !phone) {
		if (g->ncands >= 2)
			rc = fail_at(im->db, OL_EAMBIG, r->line, name_col,
				     ngettext("the branch has %zu member named %s: give the birth date (出生日期) or the"
					      " phone to tell which",
					      "the branch has %zu members named %s: give the birth date (出生日期) or the"
					      " phone to tell which", g->ncands),
				     g->ncands, who);
		else
			rc = fail_at(im->db, OL_EAMBIG, r->line, name_col,
				     _("%s is on more than one line of the file: give the birth date (出生日期) or the"
				       " phone to tell them apart"), who);
		free(who);
		return rc;
	}
	/* Two rows of the file that are the same person, or may be. */
	for (i = g->first; i < g->first + g->count; i++) {
		const struct row *o = &im->rows[im->order[i].idx];
		if (o->line < r->line && same_person(o->born, o->val[COL_PHONE], r->born, phone) != 0) {
			rc = fail_at(im->db, OL_EINVAL, r->line, name_col,
				     _("%s is on line %ld too, and the birth date and phone do not tell them apart:"
				       " keep one of the rows, or give both their birth dates"),
				     who, o->line);
			free(who);
			return rc;
		}
	}
	for (i = 0; i < g->ncands; i++) {
		int same = same_person(g->cands[i].born, g->cands[i].phone, r->born, phone);
		if (same == 1) {
			identified++;
			id = g->cands[i].id;
		}
		if (same != 0)
			possible++;
	}
	if (identified == 1)
		r->member_id = id;
	else if (identified == 0 && possible == 0)
		r->member_id = 0;
	else {
		rc = fail_at(im->db, OL_EAMBIG, r->line, name_col,
			     ngettext("cannot tell which member named %s this is: %zu could be, their birth dates or"
				      " phones not recorded; record their phones with 'orglife member edit --phone'",
				      "cannot tell which member named %s this is: %zu could be, their birth dates or"
				      " phones not recorded; record their phones with 'orglife member edit --phone'",
				      possible),
			     who, possible);
		free(who);
		return rc;
	}
	/* Two rows of the file that find the same member. */
	for (i = g->first; id && i < g->first + g->count; i++) {
		const struct row *o = &im->rows[im->order[i].idx];
		if (o->line < r->line && o->member_id == r->member_id && r->member_id) {
			rc = fail_at(im->db, OL_EINVAL, r->line, name_col,
				     _("%s is member %lld, as on line %ld: keep one of the rows"), who, r->member_id,
				     o->line);
			free(who);
			return rc;
		}
	}
	free(who);
	return OL_OK;
}

/* ---- pass 3: the writes -------------------------------------------------------- */

/* The branch's party group named name, created when missing. */
static int find_group(struct import *im, const struct row *r, long long *gid)
{
	sqlite3_stmt *st = db_stmt(im->db, "SELECT id FROM org WHERE parent_id = ?1 AND kind = 'group' AND name = ?2"
					   " ORDER BY id LIMIT 2");
	const char *name = r->val[COL_GROUP];
	int rc, n = 0;

	*gid = 0;
	if (!name)
		return OL_OK;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, im->branch);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			*gid = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(im->db, "finding a party group");
	if (n > 1) {
		char *w = shown(name);
		rc = fail_at(im->db, OL_EAMBIG, r->line, r->title[COL_GROUP],
			     _("the branch has two party groups named %s: rename one with 'orglife org edit'"), w);
		free(w);
		return rc;
	}
	if (n == 1)
		return OL_OK;
	rc = org_add(im->db, name, ORG_GROUP, im->branch, 0, gid);
	if (rc != OL_OK)
		return refused_at(im->db, rc, r->line, r->title[COL_GROUP]);
	im->res->groups_created++;
	return OL_OK;
}

static int add_member(struct import *im, const struct row *r, long long gid)
{
	struct member_new mn = {
		.name = r->val[COL_NAME],
		.org_id = im->branch,
		.joined = r->joined,
		.group_id = gid,
		.cadre = r->cadre > 0,
		.phone = r->val[COL_PHONE],
		.gender = r->val[COL_GENDER],
		.ethnicity = r->val[COL_ETHNICITY],
		.born = r->born,
	};
	enum member_status status;
	long long id;
	int rc;

	/* Without a category, a member to be confirmed later is on probation. */
	status = r->has_status ? r->status : r->confirmed > im->today ? MEMBER_PROBATIONARY : MEMBER_FULL;
	if (status == MEMBER_PROBATIONARY && r->joined < 0)
		return fail_at(im->db, OL_EINVAL, r->line, r->title[r->has_status ? COL_STATUS : COL_JOINED],
			       _("a 预备党员 needs the day they joined (入党日期): the day the branch assembly admitted them"));
	if (r->confirmed >= 0 && r->joined < 0)
		return fail_at(im->db, OL_EINVAL, r->line, r->title[COL_CONFIRMED],
			       _("a 转正日期 needs the day the member joined (入党日期) too"));
	/* A member with a 转正 day was admitted on probation and confirmed
	 * on that day: the facts keep their dates (R-PROBATION). */
	mn.status = r->confirmed >= 0 ? MEMBER_PROBATIONARY : status;
	if ((rc = member_add(im->db, &mn, &id)) != OL_OK)
		return refused_at(im->db, rc, r->line, r->title[COL_NAME]);
	if (r->confirmed >= 0 && (rc = member_confirm(im->db, id, r->confirmed)) != OL_OK)
		return refused_at(im->db, rc, r->line, r->title[COL_CONFIRMED]);
	im->res->added++;
	return OL_OK;
}

/* Text that differs: the row gives a value the member does not have. */
static int differs(const char *row, const char *have)
{
	return row && (!have || strcmp(row, have) != 0);
}

static int update_member(struct import *im, const struct row *r, long long gid)
{
	struct member_changes c = { .cadre = -1 };
	struct member m;
	char a[11], b[11];
	char *who = NULL;
	int rc, changed = 0, confirm = 0;

	if ((rc = member_get(im->db, r->member_id, im->today, &m)) != OL_OK)
		return refused_at(im->db, rc, r->line, r->title[COL_NAME]);
	who = shown(m.name);
	if (r->joined >= 0 && m.joined >= 0 && r->joined != m.joined) {
		date_format(r->joined, a);
		date_format(m.joined, b);
		rc = fail_at(im->db, OL_ESTATE, r->line, r->title[COL_JOINED],
			     _("%s, but member %lld, %s, joined on %s: correct the file or the member"), a, m.id, who, b);
	} else if (r->has_status && r->status == MEMBER_PROBATIONARY && m.status == MEMBER_FULL) {
		rc = fail_at(im->db, OL_ESTATE, r->line, r->title[COL_STATUS],
			     _("member %lld, %s, is a 正式党员 already: correct the file"), m.id, who);
	} else if (r->confirmed >= 0 && m.confirmed >= 0 && r->confirmed != m.confirmed) {
		date_format(r->confirmed, a);
		date_format(m.confirmed, b);
		rc = fail_at(im->db, OL_ESTATE, r->line, r->title[COL_CONFIRMED],
			     _("%s, but member %lld, %s, was confirmed on %s: correct the file or the member"), a, m.id,
			     who, b);
	} else if (r->confirmed >= 0 && m.confirmed < 0 && m.admitted == MEMBER_PROBATIONARY) {
		confirm = 1;
	} else if (r->confirmed < 0 && r->has_status && r->status == MEMBER_FULL && m.status == MEMBER_PROBATIONARY) {
		rc = fail_at(im->db, OL_ESTATE, r->line, r->title[COL_STATUS],
			     _("member %lld, %s, is a 预备党员: give the 转正日期 to record the confirmation"), m.id, who);
	}
	/* A 转正日期 of a member recorded as admitted full has nowhere to go
	 * and changes nothing. */
	if (rc != OL_OK)
		goto out;
	if (differs(r->val[COL_GENDER], m.gender))
		c.gender = r->val[COL_GENDER];
	if (differs(r->val[COL_ETHNICITY], m.ethnicity))
		c.ethnicity = r->val[COL_ETHNICITY];
	if (differs(r->val[COL_PHONE], m.phone))
		c.phone = r->val[COL_PHONE];
	if (r->born >= 0 && r->born != m.born) {
		c.set_born = 1;
		c.born = r->born;
	}
	if (r->joined >= 0 && m.joined < 0) {
		c.set_joined = 1;
		c.joined = r->joined;
	}
	if (gid && gid != m.group_id) {
		c.set_group = 1;
		c.group_id = gid;
	}
	if (r->cadre >= 0 && r->cadre != m.cadre)
		c.cadre = r->cadre;
	changed = c.gender || c.ethnicity || c.phone || c.set_born || c.set_joined || c.set_group || c.cadre >= 0;
	if (changed && (rc = member_edit(im->db, m.id, &c)) != OL_OK) {
		rc = refused_at(im->db, rc, r->line, r->title[c.set_joined ? COL_JOINED : c.set_born ? COL_BORN : COL_NAME]);
		goto out;
	}
	if (confirm && (rc = member_confirm(im->db, m.id, r->confirmed)) != OL_OK) {
		rc = refused_at(im->db, rc, r->line, r->title[COL_CONFIRMED]);
		goto out;
	}
	if (changed || confirm)
		im->res->updated++;
	else
		im->res->unchanged++;
out:
	free(who);
	member_clear(&m);
	return rc;
}

static int apply_row(struct import *im, const struct row *r)
{
	long long gid;
	int rc = find_group(im, r, &gid);

	if (rc != OL_OK)
		return rc;
	return r->member_id ? update_member(im, r, gid) : add_member(im, r, gid);
}

/* ---- the whole --------------------------------------------------------------------- */

static int check_branch(struct import *im)
{
	struct org o;
	int rc = org_get(im->db, im->branch, &o);

	if (rc != OL_OK)
		return rc;
	if (o.kind != ORG_BRANCH) {
		rc = db_fail(im->db, OL_EINVAL, _("%s is a %s, not a %s: give the branch to import the members into"), o.name,
			     org_kind_label(o.kind), org_kind_label(ORG_BRANCH));
	}
	org_clear(&o);
	return rc;
}

static int import_run(struct import *im, const char *data, size_t n)
{
	struct csv_error err;
	size_t i;
	int rc, k;

	/* The branch first: no point reading a file meant for elsewhere. */
	if ((rc = check_branch(im)) != OL_OK)
		return rc;
	if (csv_parse(data, n, &im->doc, &err) != 0) {
		if (err.field)
			return db_fail(im->db, OL_EINVAL, _("line %ld, field %d: %s"), err.line, err.field, err.msg);
		return db_fail(im->db, OL_EINVAL, _("line %ld: %s"), err.line, err.msg);
	}
	if (im->doc.nrecords == 0)
		return db_fail(im->db, OL_EINVAL,
			       _("the file is empty: it needs a first line naming the columns (姓名 ...) and a line per"
				 " member"));
	for (i = 0; i < im->doc.nrecords; i++)
		for (k = 0; k < im->doc.records[i].nfields; k++)
			text_trim(im->doc.records[i].fields[k]);
	if ((rc = read_header(im)) != OL_OK)
		return rc;
	im->rows = xmalloc(im->doc.nrecords * sizeof *im->rows);
	for (i = 1; i < im->doc.nrecords; i++) {
		rc = read_row(im, &im->doc.records[i], &im->rows[im->nrows]);
		if (rc < 0)
			return rc;
		im->nrows += (size_t)rc;
	}
	group_rows(im);
	if ((rc = db_tx_begin(im->db)) != OL_OK)
		return rc;
	for (i = 0; rc == OL_OK && i < im->nrows; i++)
		rc = match_row(im, i);
	for (i = 0; rc == OL_OK && i < im->nrows; i++)
		rc = apply_row(im, &im->rows[i]);
	return db_tx_end(im->db, rc);
}

int import_members(struct db *db, long long branch_id, const char *data, size_t n, long today,
		   struct import_result *res)
{
	struct import im = { .db = db, .branch = branch_id, .today = today, .res = res };
	size_t i, k;
	int rc;

	memset(res, 0, sizeof *res);
	rc = import_run(&im, data, n);
	for (i = 0; i < im.ngroups; i++) {
		for (k = 0; k < im.groups[i].ncands; k++)
			free(im.groups[i].cands[k].phone);
		free(im.groups[i].cands);
	}
	free(im.groups);
	free(im.order);
	free(im.rows);
	csv_doc_free(&im.doc);
	if (rc != OL_OK)
		import_result_clear(res);
	return rc;
}

void import_result_summary(const struct import_result *res, struct strbuf *b)
{
	strbuf_addf(b, ngettext("%d added", "%d added", res->added), res->added);
	strbuf_adds(b, _(", "));
	strbuf_addf(b, ngettext("%d updated", "%d updated", res->updated), res->updated);
	strbuf_adds(b, _(", "));
	strbuf_addf(b, ngettext("%d unchanged", "%d unchanged", res->unchanged), res->unchanged);
	if (res->groups_created) {
		strbuf_adds(b, _("; "));
		strbuf_addf(b, ngettext("%d party group created", "%d party groups created", res->groups_created),
			    res->groups_created);
	}
	if (res->columns_ignored) {
		strbuf_adds(b, _("; "));
		strbuf_addf(b, ngettext("%d column ignored: %s", "%d columns ignored: %s", res->columns_ignored),
			    res->columns_ignored, res->ignored);
	}
}

void import_result_clear(struct import_result *res)
{
	free(res->ignored);
	memset(res, 0, sizeof *res);
}
