/*
 * overview.h - what the TUI's start screen shows, apart from drawing: the
 * organization tree with a badge per organization (the worst severity of
 * what the obligations engine finds due or overdue as of today), and, for
 * one organization, this quarter's progress per rule.  No curses here; the
 * screen is view-overview.c and the unit tests check this without a
 * terminal.
 *
 * A branch answers for its party groups and its members: their findings
 * count in the branch's badge and panel.  A committee or general branch
 * answers for everything under it in its badge (a committee with a lapsed
 * branch is not "ok"), but its panel shows its own findings only.
 */
#ifndef ORGLIFE_OVERVIEW_H
#define ORGLIFE_OVERVIEW_H

#include <orglife/date.h>
#include <orglife/org.h>
#include <orglife/rules.h>

struct db;

struct overview_org {
	long long id, parent_id;
	char *name;          /* as stored: sanitize before drawing */
	enum org_kind kind;
	int depth;           /* 0 for a root */
	int members;         /* of the organization and everything under it */
	enum severity worst; /* SEV_OK when nothing is due or overdue */
	int count[3];        /* due and overdue findings by severity (count[SEV_OK] stays 0) */
};

/* One finding of this quarter's review (RULES_REVIEW). */
struct overview_finding {
	long long org_id, member_id;
	const char *message; /* in overview.messages */
	int first;           /* the period's first day (overview_finding_period) */
	unsigned char rule, severity, has_period, period_kind;
};

struct overview {
	long today;
	struct period quarter;
	struct overview_org *orgs; /* parents before children, siblings by name */
	int norgs;
	int *by_id;                /* indexes of orgs in id order, for lookups */
	int partial;               /* only the top of the tree is loaded, uncounted */
	int have_findings;         /* overview_load_findings has run */
	struct overview_finding *review;
	int nreview, capreview;
	struct text_pool *messages; /* the review's sentences, each once */
};

/* One cell of a rule's progress: a period and how it stands. */
#define OVERVIEW_MAX_CELLS 4
struct overview_cell {
	int has_period;
	struct period period;
	enum severity severity;
};

/* A line of the progress panel: one rule. */
struct overview_rule {
	enum rule_id rule;
	enum severity worst;
	int nfindings;
	int nmembers;  /* findings about members (R-DUES-6, ...) */
	int first;     /* index in review of the first finding of the worst severity */
	struct overview_cell cells[OVERVIEW_MAX_CELLS]; /* by period, oldest first */
	int ncells;
};

/*
 * Loads the organization tree as of today (cheap: what the first screen
 * needs).  Badges stay SEV_OK until overview_load_findings.  Returns OL_OK
 * or a status with db_errmsg set; free with overview_free.
 */
int overview_load_tree(struct db *db, long today, struct overview *ov);
/* Only the first max rows of the tree (org_list_top), for a first screen
 * that costs the same whatever the size of the database, without the
 * members' counts (-1); partial is set: overview_load_tree brings the rest
 * of the tree and the counts. */
int overview_load_top(struct db *db, long today, int max, struct overview *ov);

/*
 * Runs the engine twice over one load of facts: a check as of today for the
 * badges, and this quarter's review for the panels.  Returns OL_OK or a
 * status with db_errmsg set (the tree is kept either way).
 */
int overview_load_findings(struct db *db, const struct rules_config *cfg, struct overview *ov);

/* Frees what ov owns. */
void overview_free(struct overview *ov);

/* The index of org id in ov->orgs, or -1. */
int overview_find(const struct overview *ov, long long id);

/* Does a finding about organization `org_id` belong to the panel and badge
 * of organization `owner` (itself, or a party group of the branch)? */
int overview_covers(const struct overview *ov, long long owner, long long org_id);

/* Applies one due or overdue finding to the badges (what
 * overview_load_findings does for each finding of the check). */
void overview_badge_add(struct overview *ov, long long org_id, enum severity sev);

/* Keeps a copy of one finding of the review. */
void overview_review_add(struct overview *ov, const struct finding *fd);
/* A kept finding's period (when it has one). */
void overview_finding_period(const struct overview_finding *f, struct period *p);

/*
 * Fills out (up to max lines) with the progress of organization org_id per
 * rule, in rule order; returns the number of lines.  Periods past
 * OVERVIEW_MAX_CELLS keep the latest.
 */
int overview_rules(const struct overview *ov, long long org_id, struct overview_rule *out, int max);

#endif
