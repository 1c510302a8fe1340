/*
 * rollcall.h - the logic of the roll-call sheet, apart from drawing: which
 * rows it shows (the expected attendees, then those away on the day, then
 * anyone else with a mark, each group under a heading), where the cursor
 * goes next, finding a name, the live counters (应到 / 实到 / 请假 / 缺席)
 * and the quorum of an assembly, an election or a committee meeting
 * (R-QUORUM-ASSEMBLY, R-QUORUM-ELECTION, R-QUORUM-COMMITTEE), counted as
 * the obligations engine counts them.  No curses here: the TUI's roll-call
 * and session screens draw what these functions compute, and the unit tests
 * check it without a terminal.
 */
#ifndef ORGLIFE_ROLLCALL_H
#define ORGLIFE_ROLLCALL_H

#include <orglife/rules.h>
#include <orglife/session.h>

struct db;

/* One person on the sheet. */
struct rollcall_person {
	long long member_id;
	char *name;                     /* as stored: sanitize before drawing */
	enum member_status_flag kind;   /* expected, away on the day, extra */
	int votes;                      /* a full member, expected, not away */
	enum attend_status status;
	char *reason;                   /* NULL: none */
};

/* A line of the sheet: a heading or a person. */
enum rollcall_line_kind { ROLLCALL_HEADING, ROLLCALL_PERSON };

struct rollcall_line {
	enum rollcall_line_kind kind;
	enum member_status_flag group; /* the group a heading opens */
	int person;                    /* ROLLCALL_PERSON: index into people */
};

struct rollcall {
	long long session_id;
	enum session_kind kind, also;
	enum session_state state;
	int election;                  /* an election was held at this session */
	int percent[3];                /* quorum thresholds: assembly, election, committee; 0 off */
	struct rollcall_person *people;
	int npeople, cappeople;
	struct rollcall_line *lines;   /* rebuilt by rollcall_layout */
	int nlines;
};

struct rollcall_counts {
	int expected;   /* 应到 */
	int attending;  /* 实到: present and late */
	int present, late;
	int excused;    /* 请假 */
	int absent;     /* 缺席 */
	int unmarked;
	int away;       /* not expected: away on the day */
	int others;     /* not expected: marked though outside the sheet */
};

enum rollcall_quorum_state { QUORUM_REACHED, QUORUM_OPEN, QUORUM_MISSED };

struct rollcall_quorum {
	int applies;          /* 0: no quorum for this kind of session */
	enum rule_id rule;    /* R_QUORUM_ASSEMBLY, _ELECTION or _COMMITTEE */
	int voters_only;      /* counting voting members (assembly, election) */
	int percent;          /* that must be exceeded */
	int base;             /* members who count */
	int need;             /* the fewest attending that exceed percent of base */
	int have;             /* attending among those who count */
	int open;             /* unmarked among those who count */
	enum rollcall_quorum_state state; /* reached; open: can still be; missed */
};

/*
 * Starts an empty sheet for a session of this kind (also: SK_NONE or the
 * second kind); the quorum thresholds come from cfg (a disabled rule gives
 * no quorum).  Free with rollcall_free.
 */
void rollcall_init(struct rollcall *rc, long long session_id, enum session_kind kind, enum session_kind also,
		   int election, const struct rules_config *cfg);
/* Appends a copy of one attendee (in the order session_attendees gives)
 * and lays the sheet out again. */
void rollcall_add(struct rollcall *rc, const struct attendee *a);
/* Frees what rc owns; rc may then be initialised again. */
void rollcall_free(struct rollcall *rc);

/*
 * Loads the sheet of a session from the store: the session's kind, state
 * and whether an election was held at it, then its attendees.  Returns
 * OL_OK or a status with db_errmsg set (OL_ENOTFOUND for no such session);
 * on failure rc is left empty but valid.
 */
int rollcall_load(struct db *db, long long session_id, const struct rules_config *cfg, struct rollcall *rc);

/* Recomputes rc->lines: headings for the away and extra groups (none for
 * the expected, none for an empty group), then people in order. */
void rollcall_layout(struct rollcall *rc);

/* The person on line `line`, or NULL for a heading or out of range. */
struct rollcall_person *rollcall_person_at(const struct rollcall *rc, int line);

/* The line after `line` that holds a person, or `line` itself when there
 * is none (the cursor stays on the last person). */
int rollcall_next(const struct rollcall *rc, int line);

/* The first line holding a person, or -1 when the sheet is empty. */
int rollcall_first(const struct rollcall *rc);

/* Does the person's name contain `needle`, as characters or as their
 * pinyin (zs, zhangsan, zhangs and 张s all find 张三; pinyin_match)?  An
 * empty needle matches everyone. */
int rollcall_matches(const struct rollcall_person *p, const char *needle);

/* The counters of the sheet. */
void rollcall_count(const struct rollcall *rc, struct rollcall_counts *c);

/* The quorum that applies to the session, as the engine judges it: an
 * election (R-QUORUM-ELECTION) before an assembly (R-QUORUM-ASSEMBLY), both
 * over the voting members; a committee meeting (R-QUORUM-COMMITTEE) over
 * its members.  Attending means more than `percent` of those who count. */
void rollcall_quorum(const struct rollcall *rc, struct rollcall_quorum *q);

/*
 * Marks a person (ATTEND_NONE clears the mark) through attend_set, which
 * commits durably before it returns, then updates the sheet.  reason goes
 * with late, excused and absent (NULL or "" for none).  Returns OL_OK, or
 * the store's status with db_errmsg set and the sheet unchanged.
 */
int rollcall_mark(struct db *db, struct rollcall *rc, int line, enum attend_status status, const char *reason);

#endif
