/*
 * cmd-review.h - a quarterly review held in memory, for the formats that
 * need all of it before printing (HTML).
 */
#ifndef ORGLIFE_CMD_REVIEW_H
#define ORGLIFE_CMD_REVIEW_H

#include <stddef.h>
#include <stdio.h>

#include <orglife/rules.h>

struct review_finding {
	enum rule_id rule;
	enum severity severity;
	char *org, *member, *period, *message;
};

struct review_org {
	long long id;
	char *name;
	int count[3]; /* by severity */
};

struct review {
	const char *title, *subtitle;
	struct review_finding *findings; /* the due and overdue ones */
	size_t nfindings, capfindings;
	struct review_org *orgs; /* in the order they first appear */
	size_t norgs, caporgs;
};

/* Prints r as a self-contained HTML page. */
void review_html(FILE *f, const struct review *r);

#endif
