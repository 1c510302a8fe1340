/*
 * members.h - what the Members screens show and do, apart from drawing
 * (PRODUCT.md §3, screen 5): a branch's roster in pinyin order, each member
 * with their status, whereabouts, party group, committee roles and last
 * attendance, in the columns that fit a width; one member's facts,
 * attendance history and dues by year; the forms that add and edit a
 * member and that record a member's changes (转正, flowing out and back,
 * transfer out and in, lost contact and back), and which of those apply to
 * whom.  No curses here: view-members.c and view-member.c draw what these
 * compute, and the unit tests check it without a terminal.
 */
#ifndef ORGLIFE_MEMBERS_H
#define ORGLIFE_MEMBERS_H

#include <orglife/form.h>
#include <orglife/member.h>
#include <orglife/pack.h>
#include <orglife/session.h>
#include <orglife/text.h>

struct db;

/* ---- the roster ------------------------------------------------------------------ */

struct members_row {
	long long id;
	char *name;                /* as stored: sanitize before drawing */
	enum member_status status; /* today */
	enum member_where where;   /* today */
	char *group;               /* NULL: none */
	char *roles;               /* today's role codes, comma-separated; NULL: none */
	long last_attended;        /* the day of the latest session attended, -1: none */
};

struct members_group {
	long long id;
	char *name;
};

struct members_roster {
	long long branch_id; /* 0: there is no branch to show */
	char *branch_name;
	long today;
	struct members_row *rows; /* in pinyin order (member_list) */
	int n, cap;
	struct members_group *groups; /* the branch's party groups, by name */
	int ngroups, capgroups;
};

struct members_counts {
	int members;
	int full, probationary; /* of those in the branch today */
	int away;               /* flowed out, transferred out, lost, not yet in */
};

/*
 * The branch whose roster to show for org, the organization the user last
 * chose (0: none): a branch itself, a party group's branch, the first
 * branch under a committee or general branch in the tree's order, else the
 * first branch of the tree.  *branch is 0 when there is no branch at all.
 * Returns OL_OK or a status with db_errmsg set.
 */
int members_branch_for(struct db *db, long long org, long long *branch);

/*
 * Loads the roster of branch_id (0: an empty roster) as of today: its
 * members, their last attendance (member_last_attended) and the branch's
 * party groups.  Returns OL_OK or a status with db_errmsg set, r then
 * empty but valid.  Free with members_free.
 */
int members_load(struct db *db, long long branch_id, long today, struct members_roster *r);
/* Only the branch's name and party groups, no rows: what the member forms
 * need.  The same returns. */
int members_load_groups(struct db *db, long long branch_id, long today, struct members_roster *r);
void members_free(struct members_roster *r);

/* The row of a member, or -1. */
int members_find(const struct members_roster *r, long long member_id);
/* Does the row's name contain needle, as characters or pinyin (zs finds 张三)? */
int members_matches(const struct members_row *row, const char *needle);
void members_count(const struct members_roster *r, struct members_counts *c);

/* The roster's columns, left to right when they all fit. */
enum members_col { RC_NAME, RC_STATUS, RC_WHERE, RC_ROLE, RC_GROUP, RC_LAST, RC_COUNT };

/* A column's heading, translated. */
const char *members_col_title(enum members_col c);
/* Appends to b what a row shows in a column: the status as a word (正式,
 * 预备), where the member is unless in the branch, the roles' names, the
 * group's name, the month last attended ("-" for none); the name as
 * stored. */
void members_cell(const struct members_roster *r, int row, enum members_col c, struct strbuf *b);

/* Where each column goes: col[0..ncols) left to right, at x[i] (from 0),
 * w[i] display columns wide. */
struct members_layout {
	int ncols;
	enum members_col col[RC_COUNT];
	int x[RC_COUNT], w[RC_COUNT];
};
/*
 * Lays the columns out in width display columns, two apart: each as wide
 * as its heading and widest cell (made harmless first); when that is too
 * wide, the wider of the group and role columns cut a column at a time,
 * then the name, down to a few columns; when even that is too wide, the
 * group, role, whereabouts, last attendance and status columns left out
 * in that order.  The name is always shown.
 */
void members_columns(const struct members_roster *r, int width, struct members_layout *l);

/* ---- one member ------------------------------------------------------------------- */

/* One of the member's dated facts, owned. */
struct member_fact {
	enum member_event_kind kind;
	long day, until;
	char *doc; /* NULL: none */
};

/* One session of the member's history (member_sessions), owned. */
struct member_attended {
	long long session_id;
	long long org_id;
	char *org_name;
	enum session_kind kind, also;
	enum session_state state;
	long day;
	int minute;
	char *topic;
	int expected;
	enum attend_status status;
	char *reason;
};

struct member_detail {
	struct member m;              /* as of today */
	long today;
	struct member_fact *facts;    /* in the order they happened */
	int nfacts, capfacts;
	struct member_attended *sessions; /* the most recent first */
	int nsessions, capsessions;
	struct payments dues;         /* by month */
};

/*
 * Loads a member as of today, their dated facts, their attendance history
 * up to today and their dues.  Returns OL_OK or a status with db_errmsg
 * set (OL_ENOTFOUND: no such member), d then empty but valid.  Free with
 * member_detail_free.
 */
int member_detail_load(struct db *db, long long id, long today, struct member_detail *d);
void member_detail_free(struct member_detail *d);

/* A dated fact as a word: "flowed out", "transferred in", "back", ... */
const char *member_fact_label(enum member_event_kind k);
/* The latest dated fact on or before today (what "where" comes from), or NULL. */
const struct member_fact *member_detail_latest(const struct member_detail *d);

/* The history's counters, over the sessions the member was expected at. */
struct member_attendance {
	int expected, attending, excused, absent, unmarked;
};
void member_detail_count(const struct member_detail *d, struct member_attendance *c);

/* One year of dues: bit m-1 of paid for month m paid; the months from
 * `from` up to `to` (0-based, to excluded) are those the record covers,
 * so a month there that is not paid is one the member owes. */
struct dues_year {
	int year;
	unsigned paid;
	int from, to;
};
/*
 * The years of dues to show, today's first, back to the year of the first
 * month paid, at most max; the record covers each month from the first
 * paid (today's when none is; the one the member joined in, if later) up
 * to today's.  Returns the number of years.
 */
int member_dues_years(const struct member_detail *d, struct dues_year *out, int max);

/* ---- forms ----------------------------------------------------------------------- */

/* The fields of the member form, in order: those of `orglife member add`. */
enum member_field { MF_NAME, MF_STATUS, MF_JOINED, MF_GROUP, MF_CADRE, MF_PHONE, MF_COUNT };

/* Starts f as the form adding a member to the roster's branch: a full
 * member, joined unknown, no group, no cadre, no phone.  Free it with
 * form_free. */
void member_form_add(struct form *f, const struct members_roster *r);
/* Starts f as the form editing m: the status read-only, and the day
 * joined too for a member admitted on probation (their probation runs
 * from it). */
void member_form_edit(struct form *f, const struct members_roster *r, const struct member *m);

/*
 * The new member of an add form, into mn (its strings point into f): 0, or
 * -1 with the reason appended to err (a date that is not one, a choice
 * that nothing matches).  The model checks the rest (member_add).
 */
int member_form_new(const struct form *f, long long branch_id, struct member_new *mn, struct strbuf *err);
/*
 * What an edit form changes in m, into c (its strings point into f): 1
 * when something changed, 0 when nothing did, -1 with the reason appended
 * to err.
 */
int member_form_changes(const struct form *f, const struct member *m, struct member_changes *c,
			struct strbuf *err);

/* The changes of a member that the screens record, each a form and a
 * question before it is written. */
enum member_change {
	CHANGE_CONFIRM,      /* 转正: member_confirm */
	CHANGE_FLOW_OUT,     /* the member_event_add of each event kind */
	CHANGE_TRANSFER_OUT,
	CHANGE_TRANSFER_IN,
	CHANGE_LOST,
	CHANGE_BACK,
	CHANGE_COUNT
};

/* The keys that record them: each does what applies to the member today. */
enum member_change_key {
	CHANGE_KEY_CONFIRM,  /* 转正, for a probationary member not yet confirmed */
	CHANGE_KEY_FLOW,     /* flow out when in the branch; back when flowed out */
	CHANGE_KEY_TRANSFER, /* transfer out when in the branch, flowed out or lost; in when out or not yet in */
	CHANGE_KEY_LOST,     /* lost contact when in the branch or flowed out; back when lost */
};

/* The change a key records for m (as of the day m was read for): 0 and
 * *c, or -1 when none applies, with the reason appended to why. */
int member_change_for(const struct member *m, enum member_change_key key, enum member_change *c,
		      struct strbuf *why);

/* Starts f as the change's form: the day (today to start with), then for
 * flowing out the 活动证's number and validity, for a transfer the
 * letter's number. */
void member_change_form(struct form *f, enum member_change c, long today);
/* The form's values: 0, or -1 with the reason appended to err. */
int member_change_read(const struct form *f, enum member_change c, long *day, long *until, const char **doc,
		       struct strbuf *err);
/* The title of the change's form for the member called name (translated). */
void member_change_title(enum member_change c, const char *name, struct strbuf *b);
/* The question asked before the change is written ("Record that 张三
 * flowed out on Wed 15 Jul 2026?"). */
void member_change_question(enum member_change c, const char *name, long day, struct strbuf *b);
/* What the member is once the change is recorded: "full member", "flowed
 * out", "in the branch", ... */
const char *member_change_outcome(enum member_change c);
/* Writes the change through the model, in one transaction; OL_OK or its
 * status with db_errmsg set. */
int member_change_record(struct db *db, long long member_id, enum member_change c, long day, long until,
			 const char *doc);

#endif
