/*
 * rules.h - the obligations engine: every rule of PRODUCT.md §2 as data
 * (id, period, thresholds, warning window, source, national or local), and
 * a pure evaluation from facts and an as-of date to findings.
 */
#ifndef ORGLIFE_RULES_H
#define ORGLIFE_RULES_H

#include <stdio.h>

#include <orglife/date.h>

struct facts;

enum rule_id {
	R_ASSEMBLY_Q,
	R_COMMITTEE_M,
	R_GROUP_M,
	R_LESSON,
	R_SECRETARY_LESSON,
	R_THEME_DAY_M,
	R_ORGLIFE_Y,
	R_APPRAISAL_Y,
	R_QUORUM_ASSEMBLY,
	R_QUORUM_ELECTION,
	R_QUORUM_COMMITTEE,
	R_TERM,
	R_TERM_EXTEND,
	R_SIZE_MIN,
	R_SIZE_MAX,
	R_COMMITTEE_REQ,
	R_SECRETARY,
	R_DUES_6,
	R_ABSENT_6,
	R_CADRE,
	R_TRANSFER,
	R_MOBILE_CERT,
	R_LOST,
	R_PROBATION,
	R_APPRAISAL_REDO,
	R_LEDGER_DUE,
	R_COUNT
};

/* What a rule counts over. */
enum rule_scope {
	RULE_PER_MONTH,   /* at least `min` sessions each calendar month */
	RULE_PER_QUARTER,
	RULE_PER_YEAR,
	RULE_PER_SESSION, /* quorum of each held session */
	RULE_STATE,       /* a state as of the day asked about */
};

#define RULE_MAX_PARAMS 3

/* A value a committee may set locally ($XDG_CONFIG_HOME/orglife/rules). */
struct rule_param {
	const char *key;  /* "min", "window", "years", ... */
	int value, lo, hi;
	const char *what; /* N_(): what the number means */
};

struct rule {
	const char *id;      /* "R-ASSEMBLY-Q" */
	const char *summary; /* N_() */
	enum rule_scope scope;
	const char *source;  /* the citation, as in PRODUCT.md §2 */
	int local;           /* [L]: local practice, shown as such */
	int enabled;
	struct rule_param params[RULE_MAX_PARAMS];
};

/* The rules in force: the built-in table, then the local file. */
struct rules_config {
	struct rule rules[R_COUNT];
};

/* Fills cfg with the built-in values. */
void rules_defaults(struct rules_config *cfg);
/* A rule's parameter by key (the built-in table names them). */
int rules_param(const struct rules_config *cfg, enum rule_id id, const char *key);
/* The id of a rule ("R-LESSON"). */
const char *rules_id(enum rule_id r);
/* The rule with this id ("R-LESSON"), or -1. */
int rules_find(const char *id);

/*
 * Reads local values from path: lines "RULE-ID KEY VALUE" ("R-LESSON min 2",
 * "R-LESSON enabled no"), '#' comments, blank lines.  A line that is wrong
 * is reported on warn as "PATH:LINE: what is wrong" and the built-in value
 * kept.  A missing file is no error.  Returns the number of lines reported.
 */
int rules_load_file(struct rules_config *cfg, const char *path, FILE *warn);

enum severity { SEV_OK, SEV_DUE, SEV_OVERDUE };
const char *severity_code(enum severity s);  /* "ok", "due", "overdue" */
const char *severity_label(enum severity s); /* translated */
/* The status mark of PRODUCT.md §3: "✓" ok, "!" due, "✗" overdue. */
const char *severity_mark(enum severity s);

struct finding {
	enum rule_id rule;
	long long org_id;
	const char *org;
	long long member_id; /* 0: none */
	const char *member;
	int has_period;
	struct period period;
	long long session_id; /* quorum findings: the session */
	enum severity severity;
	int held, planned;    /* periodic rules: sessions held in the period as of
			       * the day asked about, and the others planned */
	int pending;          /* periodic rules: ok, but fewer held than the rule asks so
				 far; the period has not reached its warning window */
	const char *message;  /* a sentence, translated; valid during the call */
};

enum rules_mode {
	RULES_CHECK,  /* what is due or overdue as of the day */
	RULES_REVIEW, /* everything about one quarter */
};

struct rules_query {
	enum rules_mode mode;
	long as_of;
	struct period quarter; /* RULES_REVIEW */
	long long org_id;      /* 0: everything; else this organization and below */
	int human_dates;       /* messages write dates and periods for people
				* (date_display) rather than in ISO */
};

struct facts_window;
/* The facts the query needs (facts_load). */
void rules_facts_window(const struct rules_query *q, struct facts_window *w);
/* Lets the load read only the members who may have a finding under cfg's
 * thresholds (facts_window.narrow). */
void rules_facts_narrow(const struct rules_config *cfg, const struct rules_query *q, struct facts_window *w);
/* Widens w to cover w2 as well, for one load serving two queries as of
 * the same day (else every member is read). */
void rules_facts_union(struct facts_window *w, const struct facts_window *w2);

/*
 * Evaluates every enabled rule; calls fn for each finding (RULES_CHECK: due
 * and overdue only; RULES_REVIEW: also what is met, for organizations —
 * members and sessions appear only when something is wrong).  Findings come
 * organization by organization in id order.  Stops and returns fn's value
 * when nonzero.
 */
int rules_evaluate(const struct rules_config *cfg, const struct facts *f, const struct rules_query *q,
		   int (*fn)(const struct finding *fd, void *ctx), void *ctx);

#endif
