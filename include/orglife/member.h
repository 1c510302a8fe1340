/*
 * member.h - members and their dated facts: admission, 转正 or extended
 * probation, party group, leading cadre, flowing out (流动党员), transfer
 * letters (组织关系转接), lost contact (失联), committee roles.
 */
#ifndef ORGLIFE_MEMBER_H
#define ORGLIFE_MEMBER_H

struct db;

enum member_status { MEMBER_FULL, MEMBER_PROBATIONARY };

/* Where a member is on a date, from the latest event on or before it. */
enum member_where {
	MEMBER_HERE,
	MEMBER_FLOWED_OUT,
	MEMBER_TRANSFERRED_OUT,
	MEMBER_LOST,
	MEMBER_NOT_YET, /* joined or transferred in later */
};

enum member_event_kind { EVENT_FLOW_OUT, EVENT_TRANSFER_OUT, EVENT_TRANSFER_IN, EVENT_LOST, EVENT_BACK };

enum role_kind {
	ROLE_SECRETARY,
	ROLE_DEPUTY,
	ROLE_ORGANIZER,
	ROLE_PROPAGANDA,
	ROLE_DISCIPLINE,
	ROLE_COMMITTEE_MEMBER,
	ROLE_COUNT
};

struct member {
	long long id;
	char *name;
	long long org_id;
	char *org_name;
	long long group_id; /* 0: none */
	char *group_name;
	enum member_status admitted; /* the status given when added */
	long joined;          /* day number, -1 unknown */
	long confirmed;       /* -1: not confirmed */
	long probation_until; /* -1: not extended */
	int cadre;
	char *phone;
	/* As of the day asked for (member_list, member_get): */
	enum member_status status;
	enum member_where where;
	char *roles; /* current role codes, comma-separated, or NULL */
	/* Personal details, as given (an import, a form); NULL / -1 unknown. */
	char *gender;    /* 性别, as written: 男, 女, ... */
	char *ethnicity; /* 民族: 汉族, ... */
	long born;       /* 出生日期, day number */
};

void member_clear(struct member *m);

const char *member_status_code(enum member_status s);   /* "full", "probationary" */
const char *member_status_label(enum member_status s);  /* 正式党员 / 预备党员 */
int member_status_parse(const char *s, enum member_status *st);
const char *member_event_code(enum member_event_kind k); /* "flow-out", ... */
int member_event_parse(const char *s, enum member_event_kind *k);
const char *member_where_code(enum member_where w);     /* "here", "flowed-out", ... */
const char *member_where_label(enum member_where w);
const char *role_code(enum role_kind r);                /* "secretary", ... */
const char *role_label(enum role_kind r);               /* 书记, ... */
int role_parse(const char *s, enum role_kind *r);
/* The translated labels of comma-separated role codes (member.roles),
 * separated by ", "; "" for none.  The caller frees it. */
char *role_labels(const char *codes);

struct member_new {
	const char *name;
	long long org_id;   /* a branch */
	enum member_status status;
	long joined;        /* -1 unknown */
	long long group_id; /* 0: none; a group under org_id */
	int cadre;
	const char *phone;  /* NULL: none */
	const char *gender;    /* NULL or "": none */
	const char *ethnicity; /* NULL or "": none */
	long born;          /* day number; -1 unknown, and 0 too, so that a
			     * zeroed struct ({ 0 }) records no birthday */
};
/* Adds a member to a branch (OL_EINVAL: no name, a probationary member
 * without joined, a born date after joined, a group of another branch). */
int member_add(struct db *db, const struct member_new *m, long long *id);

struct member_changes {
	const char *name;
	int set_group;
	long long group_id; /* 0 removes the member from their group */
	int cadre;          /* -1 keep, 0 or 1 */
	const char *phone;  /* NULL keep, "" clears */
	const char *gender;    /* NULL keep, "" clears */
	const char *ethnicity; /* NULL keep, "" clears */
	int set_born;
	long born;          /* with set_born: the birthday, -1 clears it */
	int set_joined;
	long joined;        /* with set_joined: the day the member joined, -1
			     * clears it; refused for a member admitted
			     * probationary, whose probation runs from it */
};
/* Changes what c says to change (OL_EINVAL, OL_ESTATE as member_add). */
int member_edit(struct db *db, long long id, const struct member_changes *c);

/* 转正 on day: refused unless the member is probationary and unconfirmed,
 * and day is on or after the end of probation: a year after admission, or
 * the end of the extension (R-PROBATION). */
int member_confirm(struct db *db, long long id, long day);
/* One extension of probation, to a day 6 to 12 months after the year of
 * probation ends (R-PROBATION). */
int member_extend_probation(struct db *db, long long id, long until);
/* Records a dated fact; until is the 活动证's validity (-1 none), doc the
 * certificate or letter number (NULL none).  Checks that the fact follows
 * from the member's state on that day (only someone here can flow out, only
 * someone lost can come back, ...). */
int member_event_add(struct db *db, long long id, enum member_event_kind kind, long day,
		     long until, const char *doc);

/* One of a member's dated facts (member_events). */
struct member_event {
	long long id;
	enum member_event_kind kind;
	long day;
	long until;      /* the 活动证's validity, -1 none */
	const char *doc; /* the certificate or letter number, NULL none */
};
/* Calls fn for each of the member's dated facts, in the order they
 * happened (day, then the order they were recorded); stops early and
 * returns fn's value if it is nonzero. */
int member_events(struct db *db, long long id, int (*fn)(const struct member_event *e, void *ctx), void *ctx);

/* The member as of day (status, where, roles). */
int member_get(struct db *db, long long id, long day, struct member *m);
/* The day probation ends for a member on probation (R-PROBATION: a year
 * after admission, or the extension's end), -1 for anyone else. */
long member_probation_end(const struct member *m);
/* Every member of org and the organizations under it (0: everyone), as of
 * day, ordered by branch, then as a roster is: by the pinyin of names
 * (pinyin_key). */
int member_list(struct db *db, long long org_id, long day,
		int (*fn)(const struct member *m, void *ctx), void *ctx);
int member_resolve(struct db *db, const char *spec, long long *id);

/* Committee roles, in the member's branch. */
int role_set(struct db *db, long long member_id, enum role_kind role, long from, long to);
int role_end(struct db *db, long long member_id, enum role_kind role, long on);

/* Dues paid for a month (R-DUES-6); amount_fen -1 when not given.  Paying a
 * month twice is refused. */
int dues_pay(struct db *db, long long member_id, int year, int month, long long amount_fen, long paid_on);
/* Every month paid, in month order, into p (emptied first; free it with
 * payments_free, pack.h); OL_EDB when the record is damaged. */
struct payments;
int dues_list(struct db *db, long long member_id, struct payments *p);
/* The payment recorded for a month (amount -1 when not given), or
 * OL_ENOTFOUND. */
int dues_get(struct db *db, long long member_id, int year, int month, long long *amount_fen, long *paid_on);

#endif
