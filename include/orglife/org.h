/*
 * org.h - the organization tree: committee (党委) > general branch (党总支)
 * > branch (党支部) > party group (党小组).
 */
#ifndef ORGLIFE_ORG_H
#define ORGLIFE_ORG_H

struct db;

enum org_kind { ORG_COMMITTEE, ORG_GENERAL_BRANCH, ORG_BRANCH, ORG_GROUP, ORG_KIND_COUNT };

struct org {
	long long id;
	char *name;
	enum org_kind kind;
	long long parent_id; /* 0: none */
	char *parent_name;   /* NULL when no parent */
	int term_years;      /* 0: the default (R-TERM) */
	int depth;           /* in org_list: 0 for a root */
	int members;         /* in org_list: members of the org and everything under it
			      * (-1: not counted) */
};

/* "committee", "general-branch", "branch", "group"; NULL when out of range. */
const char *org_kind_code(enum org_kind kind);
/* The translated name (党委, 党总支, 党支部, 党小组 in Chinese). */
const char *org_kind_label(enum org_kind kind);
/* Accepts a code or the Chinese name; 0 on success, -1 otherwise. */
int org_kind_parse(const char *s, enum org_kind *kind);

/*
 * Adds an organization under parent (0 for a root).  The tree is checked: a
 * group sits under a branch, a branch under a committee or general branch,
 * a general branch under a committee.  Returns OL_OK and the id, or
 * OL_EINVAL with a message.
 */
int org_add(struct db *db, const char *name, enum org_kind kind, long long parent_id,
	    int term_years, long long *id);

struct org_changes {
	const char *name;    /* NULL: keep */
	int set_parent;      /* nonzero: move under parent_id */
	long long parent_id;
	int term_years;      /* 0: keep */
};
/* Changes an organization; a move that would make a cycle or break the tree
 * is refused (OL_EINVAL). */
int org_edit(struct db *db, long long id, const struct org_changes *changes);

/* Fills *org (free its fields with org_clear). */
int org_get(struct db *db, long long id, struct org *org);
void org_clear(struct org *org);

/* Calls fn for every organization, parents before children, siblings by
 * name; stops early and returns fn's value if it is nonzero. */
int org_list(struct db *db, int (*fn)(const struct org *org, void *ctx), void *ctx);
/* The first `max` organizations in org_list's order, found by walking down
 * from the roots, so that it costs the same whatever the size of the tree;
 * their members are not counted (-1). */
int org_list_top(struct db *db, int max, int (*fn)(const struct org *org, void *ctx), void *ctx);

/* Calls fn for each organization directly under parent, by name (members
 * not counted: -1); stops early and returns fn's value if it is nonzero. */
int org_children(struct db *db, long long parent, int (*fn)(const struct org *org, void *ctx), void *ctx);

/* The id for ORG as typed: a numeric id, or a name unique in the database.
 * OL_ENOTFOUND / OL_EAMBIG (listing the candidates) otherwise. */
int org_resolve(struct db *db, const char *spec, long long *id);

/* The branch an organization belongs to: itself for a branch, the parent
 * for a group; 0 for committees and general branches. */
long long org_branch_of(struct db *db, long long id);

#endif
