/*
 * session.h - sessions of organizational life (三会一课 and the others),
 * attendance, minutes and elections.
 */
#ifndef ORGLIFE_SESSION_H
#define ORGLIFE_SESSION_H

struct db;

enum session_kind {
	SK_ASSEMBLY,  /* 支部党员大会 */
	SK_COMMITTEE, /* 支部委员会 */
	SK_GROUP,     /* 党小组会 */
	SK_LESSON,    /* 党课 */
	SK_THEME_DAY, /* 主题党日 */
	SK_ORG_LIFE,  /* 组织生活会 */
	SK_APPRAISAL, /* 民主评议党员 */
	SK_OTHER,
	SK_COUNT,
	SK_NONE = -1
};

enum session_state { SESSION_PLANNED, SESSION_HELD, SESSION_CANCELLED };

enum attend_status { ATTEND_NONE, ATTEND_PRESENT, ATTEND_LATE, ATTEND_EXCUSED, ATTEND_ABSENT };

const char *session_kind_code(enum session_kind k);  /* "assembly", ... */
const char *session_kind_label(enum session_kind k); /* 支部党员大会, ... */
/* The Chinese name whatever the language (支部党员大会), for finding a kind
 * by what people type. */
const char *session_kind_zh(enum session_kind k);
/* Accepts the code or the Chinese name (full or short, 党员大会). */
int session_kind_parse(const char *s, enum session_kind *k);
const char *session_state_code(enum session_state s);
const char *session_state_label(enum session_state s);
const char *attend_code(enum attend_status a);  /* NULL for ATTEND_NONE */
const char *attend_label(enum attend_status a);
int attend_parse(const char *s, enum attend_status *a);

struct session {
	long long id;
	long long org_id;
	char *org_name;
	enum session_kind kind;
	enum session_kind also; /* SK_NONE: none */
	long day;
	int minute;             /* -1: time to be set */
	char *place, *topic;
	long long host_id, recorder_id, lecturer_id; /* 0: none */
	char *host_name, *recorder_name, *lecturer_name;
	enum session_state state;
	long moved_from;        /* -1: never moved */
	char *minutes, *resolutions;
	long approved_on;       /* -1: not approved */
};
void session_clear(struct session *s);
/* The translated kind with the second kind it also counts as
 * ("theme party day + party lesson"); the caller frees it. */
char *session_kinds_label(const struct session *s);

/* Adds a planned session from the fields of s (id, names and state are
 * ignored).  Host and recorder must belong to its organization; the
 * lecturer may come from anywhere. */
int session_add(struct db *db, const struct session *s, long long *id);
/* Adds n sessions as session_add does, all or none, in one transaction;
 * ids gets their ids. */
int session_add_all(struct db *db, const struct session *s, int n, long long *ids);
/* Changes a planned session to the kind, organization, day and time, topic
 * and place of s (the rest is ignored); a new day moves it (session_move).
 * A session with a roll-call keeps its organization (OL_ESTATE); a host or
 * recorder must belong to a new organization. */
int session_edit(struct db *db, long long id, const struct session *s);
int session_get(struct db *db, long long id, struct session *s);
/* Sessions of org and everything under it (0: all) from..to inclusive
 * (-1: open), by day and time. */
int session_list(struct db *db, long long org_id, long from, long to,
		 int (*fn)(const struct session *s, void *ctx), void *ctx);
/* The same for org's own sessions only. */
int session_list_own(struct db *db, long long org_id, long from, long to,
		     int (*fn)(const struct session *s, void *ctx), void *ctx);
int session_resolve(struct db *db, const char *spec, long long *id);

/* planned -> held (not before its day, `today`), planned -> cancelled. */
int session_mark_held(struct db *db, long long id, long today);
int session_cancel(struct db *db, long long id);
/* A planned session moves to a new day (and time, -1 for none); the first
 * day it was planned for is kept as moved_from, unless only the time
 * changes; moving it back to that day clears moved_from. */
int session_move(struct db *db, long long id, long day, int minute);

/* One line of a session's attendance sheet. */
struct attendee {
	long long member_id;
	const char *name;
	enum member_status_flag { ATTENDEE_EXPECTED, ATTENDEE_AWAY, ATTENDEE_EXTRA } kind;
	int votes;              /* a full member on the day, not away */
	enum attend_status status;
	const char *reason;
};
/* The list a line of the sheet is on, in CSV: "expected", "away", "other". */
const char *attendee_list_code(enum member_status_flag k);
/*
 * The sheet: the expected attendees of the session on its day (PRODUCT §2:
 * the branch for most kinds, the committee role holders for a committee
 * meeting, the group for a group meeting), then members of the branch who
 * are away that day (flowed out, transferred out, lost), then anyone else
 * with a mark.  Each group is in roster order, by the pinyin of names
 * (pinyin_key).
 */
int session_attendees(struct db *db, long long session_id,
		      int (*fn)(const struct attendee *a, void *ctx), void *ctx);
/* Marks (or, with ATTEND_NONE, clears) a member's attendance; refused for a
 * cancelled session and for someone outside the session's organization. */
int attend_set(struct db *db, long long session_id, long long member_id,
	       enum attend_status status, const char *reason);

/* One session of a member's attendance history (member_sessions). */
struct member_session {
	long long session_id;
	long long org_id;
	const char *org_name;
	enum session_kind kind, also; /* also: SK_NONE for none */
	enum session_state state;     /* planned or held */
	long day;
	int minute;                   /* -1: time to be set */
	const char *topic;
	int expected;                 /* expected there (PRODUCT §2) */
	enum attend_status status;
	const char *reason;           /* NULL: none */
};
/*
 * A member's attendance history: the sessions of their branch and of
 * their party group on or before `to` (-1: every one) that they were
 * expected at or have a mark at, the most recent first; cancelled ones are
 * left out.  Expected as the obligations engine judges it: at a committee
 * meeting if they held a committee role of the branch that day, at their
 * group's sessions, at the branch's others, never while away (flowed
 * out, transferred out, lost) or before they joined.  The strings live
 * until fn returns; fn's nonzero return stops the walk and is returned.
 */
int member_sessions(struct db *db, long long member_id, long to,
		    int (*fn)(const struct member_session *s, void *ctx), void *ctx);
/*
 * For each member marked present or late at a session of the branch or of
 * one of its party groups (not cancelled, on or before `to`), the day of
 * the latest such session: fn(member_id, day), once per member, in no set
 * order.  fn's nonzero return stops the walk and is returned.
 */
int member_last_attended(struct db *db, long long branch_id, long to,
			 int (*fn)(long long member_id, long day, void *ctx), void *ctx);

/* Minutes: replacing them is refused once approved (OL_ESTATE, with a
 * message that names `orglife minutes unlock`); "" or NULL clears them. */
int minutes_set(struct db *db, long long session_id, const char *minutes);
int minutes_approve(struct db *db, long long session_id, long day);
/* OL_OK when the minutes may be changed; else OL_ESTATE (approved: the
 * message names `orglife minutes unlock`) or OL_ENOTFOUND. */
int minutes_editable(struct db *db, long long session_id);
/* Unlocks approved minutes so they can be changed again: clears the
 * approval and writes an audit entry ("unlock", "minutes:ID") holding the
 * day it was approved and the reason, in one transaction.  reason must not
 * be blank (OL_EINVAL); minutes that are not approved are OL_ESTATE. */
int minutes_unlock(struct db *db, long long session_id, const char *reason);

/* An organization's activity: sessions held from..to, the last held on or
 * before today, the next planned on or after today. */
struct org_activity {
	long long org_id;
	int held;
	long last_held;    /* -1: none */
	long next_planned; /* -1: none */
};
/* Calls fn for every organization, in id order. */
int session_activity(struct db *db, long from, long to, long today,
		     int (*fn)(const struct org_activity *a, void *ctx), void *ctx);

/* Sets *yes to 1 when an election was recorded as held at this session
 * (election add --session), else 0 (R-QUORUM-ELECTION). */
int session_is_election(struct db *db, long long session_id, int *yes);

/* Elections (换届) and their approved extensions (R-TERM, R-TERM-EXTEND). */
int election_add(struct db *db, long long org_id, long day, int term_years,
		 long long session_id, long long *id);
/* Extends the latest election's term; until must lie after the term's end. */
int election_extend(struct db *db, long long org_id, long until, const char *approval);

#endif
