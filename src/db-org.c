/*
 * db-org.c - the organization tree (org.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>
#include <orglife/org.h>
#include "db-internal.h"

static const struct {
	const char *code;
	const char *label;
} org_kinds[ORG_KIND_COUNT] = {
	[ORG_COMMITTEE] = { .code = "committee", .label = N_("Party committee") },
	[ORG_GENERAL_BRANCH] = { .code = "general-branch", .label = N_("general branch") },
	[ORG_BRANCH] = { .code = "branch", .label = N_("branch") },
	[ORG_GROUP] = { .code = "group", .label = N_("party group") },
};

/* The Chinese names are accepted whatever the locale. */
static const char *const org_kind_zh[ORG_KIND_COUNT] = {
	[ORG_COMMITTEE] = "党委",
	[ORG_GENERAL_BRANCH] = "党总支",
	[ORG_BRANCH] = "党支部",
	[ORG_GROUP] = "党小组",
};

const char *org_kind_code(enum org_kind kind)
{
	return (unsigned)kind < ORG_KIND_COUNT ? org_kinds[kind].code : NULL;
}

const char *org_kind_label(enum org_kind kind)
{
	return (unsigned)kind < ORG_KIND_COUNT ? _(org_kinds[kind].label) : "";
}

int org_kind_parse(const char *s, enum org_kind *kind)
{
	int k;

	for (k = 0; k < ORG_KIND_COUNT; k++) {
		if (strcmp(s, org_kinds[k].code) == 0 || strcmp(s, org_kind_zh[k]) == 0) {
			*kind = (enum org_kind)k;
			return 0;
		}
	}
	return -1;
}

static int kind_from_text(const unsigned char *s)
{
	enum org_kind k = ORG_BRANCH;

	if (s)
		org_kind_parse((const char *)s, &k);
	return (int)k;
}

/* May an org of kind `child` sit directly under one of kind `parent`? */
static int fits_under(enum org_kind child, enum org_kind parent)
{
	switch (child) {
	case ORG_COMMITTEE:
		return parent == ORG_COMMITTEE;
	case ORG_GENERAL_BRANCH:
		return parent == ORG_COMMITTEE;
	case ORG_BRANCH:
		return parent == ORG_COMMITTEE || parent == ORG_GENERAL_BRANCH;
	case ORG_GROUP:
		return parent == ORG_BRANCH;
	default:
		return 0;
	}
}

static int check_parent(struct db *db, enum org_kind kind, long long parent_id)
{
	struct org p;
	int rc, ok;

	if (parent_id == 0) {
		if (kind == ORG_GROUP)
			return db_fail(db, OL_EINVAL, _("a party group needs its branch: add --parent BRANCH"));
		return OL_OK;
	}
	if ((rc = org_get(db, parent_id, &p)) != OL_OK)
		return rc;
	ok = fits_under(kind, p.kind);
	if (!ok) {
		rc = db_fail(db, OL_EINVAL, _("a %s cannot sit under the %s %s: choose another --parent"),
			     org_kind_label(kind), org_kind_label(p.kind), p.name);
	}
	org_clear(&p);
	return ok ? OL_OK : rc;
}

static int check_name(struct db *db, const char *name)
{
	if (!name || !*name)
		return db_fail(db, OL_EINVAL, _("an organization needs a name"));
	return OL_OK;
}

static int check_term(struct db *db, int term_years)
{
	if (term_years < 0 || term_years > 10)
		return db_fail(db, OL_EINVAL, _("a term of %d years is not possible: give 1 to 10 (--term-years)"),
			       term_years);
	return OL_OK;
}

int org_add(struct db *db, const char *name, enum org_kind kind, long long parent_id, int term_years,
	    long long *id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = check_name(db, name)) != OL_OK || (rc = check_term(db, term_years)) != OL_OK)
		return rc;
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = check_parent(db, kind, parent_id);
	if (rc == OL_OK)
		rc = db_next_id(db, "org", id);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO org(id, name, kind, parent_id, term_years) VALUES (?1, ?2, ?3, ?4, ?5)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, *id);
			sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, org_kind_code(kind), -1, SQLITE_STATIC);
			db_bind_id(st, 4, parent_id);
			if (term_years)
				sqlite3_bind_int(st, 5, term_years);
			rc = db_step_done(db, st, "adding an organization");
		}
	}
	return db_tx_end(db, rc);
}

/* Is `ancestor` id or an ancestor of id? */
static int is_within(struct db *db, long long id, long long ancestor, int *within)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT o.parent_id FROM org o JOIN up ON o.id = up.id"
		" WHERE o.parent_id IS NOT NULL) SELECT count(*) FROM up WHERE id = ?2");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, ancestor);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail_sqlite(db, "walking the tree");
	*within = sqlite3_column_int(st, 0) > 0;
	sqlite3_reset(st);
	return OL_OK;
}

/* A group's members belong to its branch: it moves to another only empty. */
static int check_group_empty(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM member WHERE group_id = ?1");
	int n = 0;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (n > 0)
		return db_fail(db, OL_ESTATE, _("the party group has members of its branch: move them to another group "
					       "('orglife member edit MEMBER --group G') before moving it"));
	return OL_OK;
}

int org_edit(struct db *db, long long id, const struct org_changes *c)
{
	struct org o;
	sqlite3_stmt *st;
	int rc, within = 0;

	if (c->name && (rc = check_name(db, c->name)) != OL_OK)
		return rc;
	if ((rc = check_term(db, c->term_years)) != OL_OK)
		return rc;
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = org_get(db, id, &o);
	if (rc == OL_OK && c->set_parent) {
		if (c->parent_id == id)
			rc = db_fail(db, OL_EINVAL, _("an organization cannot be its own parent"));
		else if (c->parent_id && (rc = is_within(db, c->parent_id, id, &within)) == OL_OK && within)
			rc = db_fail(db, OL_EINVAL, _("that parent lies inside this organization: choose another"));
		if (rc == OL_OK)
			rc = check_parent(db, o.kind, c->parent_id);
	}
	if (rc == OL_OK && c->set_parent && o.kind == ORG_GROUP && c->parent_id != o.parent_id)
		rc = check_group_empty(db, id);
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE org SET name = ?2, parent_id = ?3, term_years = ?4 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, c->name ? c->name : o.name, -1, SQLITE_TRANSIENT);
			db_bind_id(st, 3, c->set_parent ? c->parent_id : o.parent_id);
			if (c->term_years || o.term_years)
				sqlite3_bind_int(st, 4, c->term_years ? c->term_years : o.term_years);
			rc = db_step_done(db, st, "changing an organization");
		}
	}
	/* A group that moves is judged with its new branch. */
	if (rc == OL_OK && c->set_parent && o.kind == ORG_GROUP && c->parent_id != o.parent_id) {
		db_summary_touch(db, id, 0, -1, -1, SUM_ORGS | SUM_LIFE);
		if (o.parent_id)
			db_summary_touch(db, o.parent_id, 0, -1, -1, SUM_ORGS | SUM_LIFE);
	}
	org_clear(&o);
	return db_tx_end(db, rc);
}

static void org_from_row(sqlite3_stmt *st, struct org *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	o->name = db_col_strdup(st, 1);
	o->kind = (enum org_kind)kind_from_text(sqlite3_column_text(st, 2));
	o->parent_id = sqlite3_column_int64(st, 3);
	o->parent_name = db_col_strdup(st, 4);
	o->term_years = sqlite3_column_int(st, 5);
}

int org_get(struct db *db, long long id, struct org *o)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT o.id, o.name, o.kind, o.parent_id, p.name, o.term_years"
		" FROM org o LEFT JOIN org p ON p.id = o.parent_id WHERE o.id = ?1");
	int rc;

	memset(o, 0, sizeof *o);
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		org_from_row(st, o);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return OL_OK;
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading an organization");
	return db_fail(db, OL_ENOTFOUND, _("there is no organization %lld: see 'orglife org list'"), id);
}

void org_clear(struct org *o)
{
	free(o->name);
	free(o->parent_name);
	memset(o, 0, sizeof *o);
}

/* Member counts by organization id, from one GROUP BY over an index. */
struct counts {
	long long *id;
	int *n;
	int len, cap;
};

static int read_counts(struct db *db, const char *sql, struct counts *c)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->len == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 256;
			c->id = xrealloc(c->id, (size_t)c->cap * sizeof *c->id);
			c->n = xrealloc(c->n, (size_t)c->cap * sizeof *c->n);
		}
		c->id[c->len] = sqlite3_column_int64(st, 0);
		c->n[c->len++] = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "counting members");
}

/* The count for id (ordered by id, as GROUP BY gives them), 0 if none. */
static int count_of(const struct counts *c, long long id)
{
	int lo = 0, hi = c->len - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (c->id[mid] == id)
			return c->n[mid];
		if (c->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

int org_list(struct db *db, int (*fn)(const struct org *o, void *ctx), void *ctx)
{
	/* Depth-first order: each row's sort path is its ancestors' names and
	 * ids, so children follow their parent. */
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE t(id, depth, path) AS ("
		"  SELECT id, 0, printf('%s%c%020d', name, 1, id) FROM org WHERE parent_id IS NULL"
		"  UNION ALL"
		"  SELECT o.id, t.depth + 1, t.path || char(2) || printf('%s%c%020d', o.name, 1, o.id)"
		"  FROM org o JOIN t ON o.parent_id = t.id)"
		" SELECT o.id, o.name, o.kind, o.parent_id, p.name, o.term_years, t.depth"
		" FROM t JOIN org o ON o.id = t.id LEFT JOIN org p ON p.id = o.parent_id ORDER BY t.path");
	struct counts by_org = { 0 }, by_group = { 0 };
	struct org *all = NULL;
	int rc, stop = 0, n = 0, cap = 0;

	if (!st)
		return OL_EDB;
	/* One read: the tree and its counts agree. */
	if ((rc = db_read_begin(db)) != OL_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org *o = db_grow(&all, &n, &cap, sizeof *o);
		org_from_row(st, o);
		o->depth = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "listing organizations");
	if (rc == OL_OK)
		rc = read_counts(db, "SELECT org_id, count(*) FROM member GROUP BY org_id ORDER BY org_id", &by_org);
	if (rc == OL_OK)
		rc = read_counts(db, "SELECT group_id, count(*) FROM member WHERE group_id IS NOT NULL"
				     " GROUP BY group_id ORDER BY group_id", &by_group);
	db_read_end(db);
	if (rc == OL_OK) {
		/* Members of an organization and everything under it: in
		 * depth-first order a subtree is the rows that follow its root
		 * deeper than it, so each row adds its own to every ancestor
		 * still open on the way back up.  A group counts its members,
		 * who belong to its branch. */
		int *open = xmalloc(((size_t)n + 1) * sizeof *open), depth = 0;
		for (int i = 0; i < n; i++) {
			int own = count_of(&by_org, all[i].id);
			while (depth > 0 && all[open[depth - 1]].depth >= all[i].depth)
				depth--;
			all[i].members = own + count_of(&by_group, all[i].id);
			for (int k = 0; k < depth; k++)
				all[open[k]].members += own;
			open[depth++] = i;
		}
		free(open);
	}
	for (int i = 0; i < n; i++) {
		if (rc == OL_OK && !stop)
			stop = fn(&all[i], ctx);
		org_clear(&all[i]);
	}
	free(all);
	free(by_org.id);
	free(by_org.n);
	free(by_group.id);
	free(by_group.n);
	if (stop)
		return stop;
	return rc;
}

/* Walks the tree depth-first from parent (0: the roots), one level at a
 * time, until *left rows have been given to fn. */
static int walk_top(struct db *db, long long parent, int depth, int *left,
		    int (*fn)(const struct org *o, void *ctx), void *ctx)
{
	sqlite3_stmt *st = parent
		? db_stmt(db, "SELECT o.id, o.name, o.kind, o.parent_id, p.name, o.term_years FROM org o"
			      " JOIN org p ON p.id = o.parent_id WHERE o.parent_id = ?1 ORDER BY o.name, o.id")
		: db_stmt(db, "SELECT id, name, kind, parent_id, NULL, term_years FROM org WHERE parent_id IS NULL"
			      " ORDER BY name, id");
	struct org *kids = NULL;
	int n = 0, cap = 0, rc = OL_OK, s;

	if (!st)
		return OL_EDB;
	if (parent)
		sqlite3_bind_int64(st, 1, parent);
	/* Each level is read whole before going down: the statement is
	 * shared with the levels below. */
	while ((s = sqlite3_step(st)) == SQLITE_ROW && n < *left) {
		struct org *o = db_grow(&kids, &n, &cap, sizeof *o);
		org_from_row(st, o);
		o->depth = depth;
	}
	sqlite3_reset(st);
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		rc = db_fail_sqlite(db, "listing organizations");
	for (int i = 0; i < n; i++) {
		struct org *o = &kids[i];
		if (rc == OL_OK && *left > 0) {
			o->members = -1; /* not counted: see org_list */
			--*left;
			if ((rc = fn(o, ctx)) == 0)
				rc = walk_top(db, o->id, depth + 1, left, fn, ctx);
		}
		org_clear(o);
	}
	free(kids);
	return rc;
}

int org_list_top(struct db *db, int max, int (*fn)(const struct org *o, void *ctx), void *ctx)
{
	int rc, left = max;

	if ((rc = db_read_begin(db)) != OL_OK)
		return rc;
	rc = walk_top(db, 0, 0, &left, fn, ctx);
	db_read_end(db);
	return rc;
}

int org_children(struct db *db, long long parent, int (*fn)(const struct org *o, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT o.id, o.name, o.kind, o.parent_id, p.name, o.term_years FROM org o"
				       " JOIN org p ON p.id = o.parent_id WHERE o.parent_id = ?1 ORDER BY o.name, o.id");
	struct org o;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, parent);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		org_from_row(st, &o);
		o.members = -1;
		stop = fn(&o, ctx);
		org_clear(&o);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "listing organizations");
}

static const struct db_resolve_spec org_spec = {
	.what = N_("organization"),
	.by_id = "SELECT id FROM org WHERE id = ?1",
	.by_name = "SELECT o.id, o.name, p.name FROM org o LEFT JOIN org p ON p.id = o.parent_id"
		   " WHERE o.name = ?1 ORDER BY o.id",
	.list_cmd = "orglife org list",
};

int org_resolve(struct db *db, const char *spec, long long *id)
{
	return db_resolve(db, &org_spec, spec, id);
}

long long org_branch_of(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT CASE o.kind WHEN 'branch' THEN o.id WHEN 'group' THEN o.parent_id END"
		" FROM org o WHERE o.id = ?1");
	long long b = 0;

	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		b = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return b;
}
