/*
 * agenda.h - what the Agenda screen shows and proposes, apart from drawing
 * (PRODUCT.md §3, screen 2): the sessions of a day, a week, a month or a
 * quarter, in rows under their days; what the obligations engine says is
 * still to plan this quarter, per branch and party group; proposals that
 * fill it; and the days of a recurring series.  No curses here: the screens
 * are view-agenda.c, view-propose.c and view-form.c, and the unit tests
 * (tests/test-agenda.c) check this without a terminal.
 *
 * A proposal falls on a working day (holidays.h: never a statutory
 * holiday; a weekend day worked instead counts), after today and inside
 * the period it fills, on the organization's usual weekday when one is
 * free, at its usual time; and never on a day its branch (the branch with
 * its party groups) already meets.  The usual weekday and time are learned
 * from the last year's sessions: of that kind in that organization, else
 * of the organization, else of its branch, else AGENDA_DEFAULT_WDAY at
 * AGENDA_DEFAULT_MINUTE.
 */
#ifndef ORGLIFE_AGENDA_H
#define ORGLIFE_AGENDA_H

#include <orglife/date.h>
#include <orglife/rules.h>
#include <orglife/session.h>

struct db;

#define AGENDA_DEFAULT_WDAY 2          /* Tuesday */
#define AGENDA_DEFAULT_MINUTE (14 * 60 + 30)

/* ---- views ---------------------------------------------------------------------- */

enum agenda_view { AGENDA_DAY, AGENDA_WEEK, AGENDA_MONTH, AGENDA_LIST, AGENDA_NVIEWS };

/* The days the view shows around day: the day; its week (Monday to
 * Sunday); its month; its quarter (the list). */
void agenda_range(enum agenda_view v, long day, long *first, long *last);
/* day moved by n of the view's spans (days, weeks, months, quarters). */
long agenda_step(enum agenda_view v, long day, int n);
/* The view's name, translated ("Week"). */
const char *agenda_view_name(enum agenda_view v);

/* ---- what is still to plan ---------------------------------------------------------- */

/* A periodic rule of a branch or party group that the sessions held and
 * planned do not yet meet, in a period that has not ended. */
struct agenda_need {
	long long org_id;
	char *org;             /* as stored: sanitize before drawing */
	enum rule_id rule;
	enum session_kind kind;
	struct period period;
	int missing;           /* sessions still to plan */
};

struct agenda_needs {
	struct agenda_need *v;
	int n;
};

/* The session kind a periodic rule asks for, or SK_NONE (the rule is not
 * met by planning a session: quorums, terms, members; and the secretary's
 * own lesson, whose lecturer the branch decides). */
enum session_kind agenda_rule_kind(enum rule_id r);

/*
 * Asks the engine about the quarter of today, for org_id and what is under
 * it (0: everything): for every periodic rule of a branch or party group
 * in a month or quarter (the year in the fourth quarter) that ends today
 * or later, how many sessions are neither held nor planned.  Ordered by
 * the end of their period, then as the engine gives them.  Returns OL_OK
 * or a status with db_errmsg set; free with agenda_needs_free.
 */
int agenda_needs_load(struct db *db, const struct rules_config *cfg, long today, long long org_id,
		      struct agenda_needs *out);
void agenda_needs_free(struct agenda_needs *n);

/* ---- proposals ----------------------------------------------------------------------- */

/* When an organization meets. */
struct agenda_habit {
	int wday;   /* 1 Monday .. 7 Sunday */
	int minute; /* minute of the day, -1: no time known */
};

/*
 * Learns the usual weekday (the most frequent; the earliest in the week
 * on a tie) and the usual time on it (the most frequent; the earliest on a
 * tie; -1 when none of them has a time) from n sessions' days and minutes.
 * Returns 0, or -1 when n is 0 (h untouched).
 */
int agenda_learn(const long *days, const int *minutes, int n, struct agenda_habit *h);

/* The days a branch already meets: families (a branch with its groups)
 * and days. */
struct agenda_busy {
	struct agenda_busy_day {
		long long family;
		long day;
	} *v;
	int n, cap;
};
void agenda_busy_add(struct agenda_busy *b, long long family, long day);
int agenda_busy_has(const struct agenda_busy *b, long long family, long day);
void agenda_busy_free(struct agenda_busy *b);

/*
 * The first working day from..to on which family does not meet yet: on
 * weekday wday when there is one, else any; -1 when none.
 */
long agenda_pick(const struct agenda_busy *b, long long family, int wday, long from, long to);

struct agenda_proposal {
	long long org_id;
	char *org;            /* as stored */
	enum session_kind kind;
	long day;
	int minute;           /* -1: time to be set */
	int need;             /* its need, an index */
};

struct agenda_proposals {
	struct agenda_proposal *v;
	int n;
	int *unplaced;        /* needs (indexes) left without a day, once per session missing */
	int nunplaced;
};

/*
 * Proposes sessions for every session missing in needs (most urgent
 * period first), as this header's first comment says, against the
 * database's sessions and today; the proposals come by day and time.  Returns OL_OK or a status with db_errmsg
 * set; free with agenda_proposals_free.
 */
int agenda_propose(struct db *db, const struct agenda_needs *needs, long today, struct agenda_proposals *out);
void agenda_proposals_free(struct agenda_proposals *p);
/* Removes proposal i. */
void agenda_proposals_drop(struct agenda_proposals *p, int i);
/* Proposal i as a session to add (s owns nothing: no topic or place). */
void agenda_proposal_session(const struct agenda_proposal *p, struct session *s);

/* ---- series ---------------------------------------------------------------------------- */

enum agenda_repeat { AGENDA_MONTHLY, AGENDA_QUARTERLY };

/*
 * The days of a series that begins on first: every month (or every third
 * month) on the same weekday of the same week of the month as first (the
 * second Tuesday; the last such weekday when first is the fifth); a day
 * that is a statutory holiday moves to the next working day.  Stops after
 * count days (0: no count) or past until (-1: none), and at max.  Returns
 * the number of days written to out; moved (may be NULL) gets, for each
 * day, the holiday it was moved off, else -1.
 */
int agenda_series(long first, enum agenda_repeat r, int count, long until, long *out, long *moved, int max);

/* ---- the rows of the screen -------------------------------------------------------------- */

struct agenda_session {
	long long id, org_id;
	char *org, *topic;    /* as stored */
	enum session_kind kind, also;
	enum session_state state;
	long day;
	int minute;
};

enum agenda_row_kind {
	AGENDA_ROW_HEADING,   /* "Still to plan in Q3 2026", "Sessions" */
	AGENDA_ROW_NEED,
	AGENDA_ROW_DAY,       /* a day's heading */
	AGENDA_ROW_SESSION,
	AGENDA_ROW_NONE,      /* nothing to show under a heading */
	AGENDA_ROW_BLANK,
};

struct agenda_row {
	enum agenda_row_kind kind;
	int index;            /* into needs or sessions */
	long day;             /* AGENDA_ROW_DAY */
};

struct agenda {
	long today;
	long long org_id;     /* 0: everything */
	enum agenda_view view;
	long day;             /* the day the view is around */
	long first, last;     /* the days shown (agenda_load) */
	struct agenda_session *sessions; /* by day and time */
	int nsessions;
	struct agenda_needs needs;
	struct agenda_row *rows;
	int nrows, caprows;
};

/*
 * Loads the sessions of org_id and below (0: all) on the days of the view
 * around day, and lays out the rows: what is still to plan (needs, which the caller loads
 * into a->needs), then the sessions under their days: every day of a week
 * or a day view, the days with sessions of a month; the list (a quarter)
 * has no day headings.  Returns OL_OK or a status with db_errmsg set.
 */
int agenda_load(struct db *db, struct agenda *a);
/* Lays out the rows again from what is loaded. */
void agenda_rows(struct agenda *a);
/* The first row of a day or a session on or after day, else the last
 * such row, else -1. */
int agenda_row_of_day(const struct agenda *a, long day);
/* Frees what a owns (a->needs too). */
void agenda_free(struct agenda *a);

#endif
