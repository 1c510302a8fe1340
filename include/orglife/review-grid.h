/*
 * review-grid.h - what the TUI's Review screen shows, apart from drawing:
 * one quarter's review (the engine's RULES_REVIEW, as `orglife review`
 * prints it) as a grid of organizations by rules, a mark per cell, the
 * rows worst first, a filter by name and by problems, the columns laid
 * out for a width; and, for the drill-down, one organization's findings.
 * No curses here: the screens are view-review.c and view-findings.c, and
 * tests/test-review-grid.c checks this without a terminal.
 *
 * A row is an organization the review has something about.  A branch
 * answers for its party groups: their findings (R-GROUP-M, ...) count in
 * the branch's row, as on the overview.  A committee or general branch
 * has a row of its own findings only.
 */
#ifndef ORGLIFE_REVIEW_GRID_H
#define ORGLIFE_REVIEW_GRID_H

#include <orglife/date.h>
#include <orglife/rules.h>

struct db;

/* A cell's mark (PRODUCT.md §3), from best to worst. */
enum review_mark {
	REVIEW_NONE,    /* "-": nothing found (the rule does not apply, or a
			   member or session rule found nothing wrong) */
	REVIEW_OK,      /* "✓": met */
	REVIEW_PENDING, /* "~": ok so far, but not held yet (finding.pending) */
	REVIEW_DUE,     /* "!" */
	REVIEW_OVERDUE, /* "✗" */
	REVIEW_MARKS
};

/* "-", "✓", "~", "!", "✗". */
const char *review_mark_symbol(enum review_mark m);
/* The word beside it, translated: "nothing found", "met", "not held yet",
 * "due", "overdue". */
const char *review_mark_label(enum review_mark m);
/* The mark of one finding. */
enum review_mark review_mark_of(const struct finding *fd);

struct review_row {
	long long org_id;
	char *name;                      /* as stored: sanitize before drawing */
	unsigned char marks[R_COUNT];    /* enum review_mark per rule: the worst */
	enum review_mark worst;          /* the worst of marks */
	int count[3];                    /* findings by severity */
};

/* One finding kept for the drill-down (review_grid.keep_items). */
struct review_item {
	enum rule_id rule;
	enum severity severity;
	enum review_mark mark;
	long long row_id;                /* the row's organization */
	int row;                         /* its index in rows */
	int order;                       /* the order the engine gave it */
	long long org_id;                /* its own: a party group's, in its branch's row */
	long long member_id, session_id; /* 0: none */
	int has_period;
	struct period period;
	char *org, *member, *message;    /* as given; member NULL for none */
};

struct review_grid {
	struct period quarter;
	long as_of;             /* the quarter's last day, or today if earlier */
	struct review_row *rows; /* after review_grid_finish: worst first */
	int nrows, caprows;
	int *by_id;             /* row indexes by org id, for adding */
	int columns[R_COUNT];   /* the rules with a finding, in rule order */
	int ncolumns;
	int name_w;             /* the widest name, in display columns */
	int *shown;             /* the rows the filter lets through, in order */
	int nshown;
	int keep_items;         /* set before loading: keep the findings */
	struct review_item *items; /* by row, then as review_grid_finish sorts them */
	int nitems, capitems;
};

/*
 * Starts an empty grid of quarter as of today: as of the quarter's last
 * day, or today if that is earlier (what `orglife review --quarter Q`
 * does).  With keep_items, the findings are kept for the drill-down.
 */
void review_grid_init(struct review_grid *g, const struct period *quarter, long today, int keep_items);

/*
 * Adds one finding of the review to the row of organization row_id,
 * named row_name (the finding's own organization, or its branch for a
 * party group's finding).  Call review_grid_finish when all are in.
 */
void review_grid_add(struct review_grid *g, long long row_id, const char *row_name, const struct finding *fd);

/* Orders the rows worst first (then by overdue and due findings, most
 * first, then by name), finds the columns, sorts the kept findings (see
 * review_grid_items) and shows every row. */
void review_grid_finish(struct review_grid *g);

/*
 * Loads the review of g's quarter from the database for organization
 * org_id and everything under it (0: everything) and finishes the grid;
 * the findings' sentences write dates for people (date_display).
 * g must come from review_grid_init.  Returns OL_OK or a status with
 * db_errmsg set.
 */
int review_grid_load(struct db *db, const struct rules_config *cfg, long long org_id, struct review_grid *g);

/* Frees what g owns. */
void review_grid_free(struct review_grid *g);

/* The index in rows of organization org_id, or -1. */
int review_grid_find(const struct review_grid *g, long long org_id);

/*
 * Shows only the rows whose name holds needle, as characters or their
 * pinyin as `/` finds names (pinyin_match: jg finds 机关; NULL or "":
 * every name) and, with problems, whose worst mark is due or overdue; in
 * the rows' order.
 */
void review_grid_filter(struct review_grid *g, const char *needle, int problems);

/*
 * The kept findings of row org_id: *first is the index in items of the
 * first; returns how many.  They come rule by rule, the worst rule
 * first (then in rule order), and within a rule the worst first, then by
 * period, then by member.
 */
int review_grid_items(const struct review_grid *g, long long org_id, int *first);

/* Where the parts of a row go on a line `width` columns wide. */
struct review_layout {
	int name_x, name_w;   /* the organization's name */
	int counts_x;         /* the findings by severity; -1: not shown */
	int cells_x;          /* the first cell; a cell is REVIEW_CELL_W wide */
	int first, ncols;     /* the columns shown: first, first + 1, ... */
};

#define REVIEW_CELL_W 2
/* The counts: three numbers, each in this many columns. */
#define REVIEW_COUNT_W 4

/*
 * Lays out the grid's rows for width columns with column focus in view:
 * *first is the first column shown before (0 at the start) and after.
 * Names get what they need, and at least heading_w columns (their
 * heading's width).  On a short line they give way, down to 14 columns,
 * to the counts and the cells; then the counts go and the names give way
 * down to 14 columns or a third of the line (never below 8); then the
 * cells scroll.
 */
void review_grid_layout(const struct review_grid *g, int width, int heading_w, int focus, int *first,
			struct review_layout *lay);

#endif
