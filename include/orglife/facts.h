/*
 * facts.h - the facts the obligations engine reads, loaded from the store
 * in one pass: plain arrays sorted by id, so the engine is pure logic over
 * memory and can be tested without a database.
 */
#ifndef ORGLIFE_FACTS_H
#define ORGLIFE_FACTS_H

#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/session.h>
#include <orglife/summary.h>

struct db;

struct fact_org {
	long long id, parent_id;
	char *name;
	enum org_kind kind;
	int term_years; /* 0: the default */
};

struct fact_member {
	long long id, org_id, group_id;
	char *name;
	enum member_status admitted;
	long joined, confirmed, probation_until; /* -1: none */
	int cadre;
	int first_event, nevents; /* a slice of facts.events, by day */
	/* Summarized facts: the member's month bytes (summary.h) from month
	 * life_first on, a slice of facts.life. */
	int life_first, life_n, life_off;
};

struct fact_event {
	long long member_id, id;
	enum member_event_kind kind;
	long day, until; /* until: the 活动证's validity, -1 none */
	int has_doc;
};

struct fact_role {
	long long member_id, org_id, id;
	enum role_kind role;
	long from, to; /* to: -1 open */
};

struct fact_session {
	long long id, org_id, lecturer_id;
	enum session_kind kind, also;
	enum session_state state;
	long day;
	int first_mark, nmarks; /* a slice of facts.marks, by member id */
};

struct fact_mark {
	long long member_id;
	enum attend_status status;
};

struct fact_election {
	long long id, org_id, session_id;
	long day;
	int term_years;
	long ext_until; /* -1: not extended */
};

struct fact_dues {
	long long member_id;
	int month; /* year * 12 + month - 1 */
};

enum ledger_state_fact { LEDGER_FACT_OPEN, LEDGER_FACT_DONE, LEDGER_FACT_CLOSED };

struct fact_ledger {
	long long id, org_id, member_id;
	long due;
	enum ledger_state_fact state;
	char *problem;
};

struct facts {
	struct fact_org *orgs;           /* by id */
	struct fact_member *members;     /* by id */
	struct fact_event *events;       /* by member, day */
	struct fact_role *roles;         /* by org, from */
	struct fact_session *sessions;   /* by org, day */
	struct fact_mark *marks;         /* by session, member */
	struct fact_election *elections; /* by org, day */
	struct fact_dues *dues;          /* by member, month */
	struct fact_ledger *ledger;      /* by org, due */
	int norgs, nmembers, nevents, nroles, nsessions, nmarks, nelections, ndues, nledger;
	long from;       /* sessions of every kind are here from this day on */
	long marks_from; /* held sessions carry their marks from this day on */
	/*
	 * Summarized facts (summary.h): sessions and marks are then only those
	 * of the organization months listed in raw (by org, month), and every
	 * other month is read from the months and the members' life bytes.
	 */
	int summarized;
	int narrow; /* only some members: counts come from the rosters */
	/* Each organization's months: the newest part of its summary blob,
	 * which the engine decodes when it comes to the organization
	 * (summary_months_decode with from, full_from and months_full_to);
	 * by org. */
	struct fact_months {
		long long org_id;
		size_t off; /* into month_bytes */
		int len, from, full_from;
	} *months;
	int nmonths, months_full_to;
	unsigned char *month_bytes;
	size_t nmonth_bytes;
	unsigned char *life;
	int nlife;
	struct fact_raw {
		long long org_id;
		int month;
	} *raw;
	int nraw;
	/* Summarized facts: each organization's roster (summary.h) on the
	 * as-of day, by org. */
	struct fact_roster {
		long long org_id;
		int here, full;
	} *rosters;
	int nrosters;
	/* The members' names, end to end (fact_member.name points here). */
	char *names;
	int nnames, capnames;
};

/* What to load: a query needs only recent sessions, the yearly kinds
 * (lesson, organizational-life meeting, appraisal) a little further back,
 * and marks only where attendance is judged. */
struct facts_window {
	long periods_from;  /* monthly and quarterly periods, quorums: from ... */
	long monthly_from;  /* ... and the monthly periods (a group's only) from */
	long periods_to;    /* ... to this day; the yearly periods beyond */
	long sessions_from; /* sessions of every kind */
	long yearly_from;   /* sessions of the yearly kinds */
	long marks_from;    /* the marks of held sessions */
	long as_of;         /* dues: each member's latest paid month up to this day */
	/*
	 * narrow: from the summaries, only the members who may have a finding
	 * (see rules_facts_narrow): those away by their latest event, on
	 * probation, cadres who may have missed a quarter, secretaries,
	 * named in the ledger, who paid no dues after month dues_cut or took
	 * part in nothing after month life_cut.  Counts of members then come
	 * from the rosters.  0: every member.
	 */
	int narrow, dues_cut, life_cut;
	long probation_cut; /* narrow: probation ending after this day is not due */
	int with_ok;        /* narrow: the query reports what is met (the secretary's name) */
	/* narrow: a cadre who attended at least cadre_min sessions in each
	 * quarter starting at months cadre_q[0 .. ncadre_q) (month indexes)
	 * has no R-CADRE finding; no quarter: the rule finds nothing. */
	int cadre_min, ncadre_q, cadre_q[3];
};

/*
 * Loads every organization, election and open ledger item, the roles in
 * force in the window, and the members (with a narrow window only those
 * who may have a finding) with their events; the sessions the window asks for, with
 * their marks; and for each member only the latest month paid on or
 * before the as-of month (that is all R-DUES-6 needs, and it keeps the
 * facts small).  Sessions and marks
 * come from the summaries when they cover the window (and for a month with
 * a session held after the as-of day, from the sessions themselves).
 * Returns OL_OK or a status with db_errmsg set; free with facts_free.
 */
int facts_load(struct db *db, const struct facts_window *w, struct facts *f);
/* The same without summaries: every session and mark of the window. */
int facts_load_raw(struct db *db, const struct facts_window *w, struct facts *f);
void facts_free(struct facts *f);

/* Lookups by id (NULL when absent). */
const struct fact_org *facts_org(const struct facts *f, long long id);
const struct fact_member *facts_member(const struct facts *f, long long id);

#endif
