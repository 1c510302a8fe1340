/*
 * overview.c - the start screen's logic (overview.h): the organization
 * tree, a badge per organization from the engine's check, and this
 * quarter's progress per rule from its review.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/facts.h>
#include <orglife/overview.h>
#include <orglife/text.h>

static int add_org(const struct org *o, void *ctx)
{
	struct overview *ov = ctx;
	struct overview_org *x;

	ov->orgs = xrealloc(ov->orgs, (size_t)(ov->norgs + 1) * sizeof *ov->orgs);
	x = &ov->orgs[ov->norgs++];
	memset(x, 0, sizeof *x);
	x->id = o->id;
	x->parent_id = o->parent_id;
	x->name = xstrdup(o->name ? o->name : "");
	x->kind = o->kind;
	x->depth = o->depth;
	x->members = o->members;
	x->worst = SEV_OK;
	return 0;
}

/* qsort context: C11 has no qsort_r, and the tree is built once. */
static const struct overview *sorting;

static int cmp_by_id(const void *a, const void *b)
{
	long long x = sorting->orgs[*(const int *)a].id, y = sorting->orgs[*(const int *)b].id;

	return (x > y) - (x < y);
}

static void index_orgs(struct overview *ov)
{
	ov->by_id = xrealloc(ov->by_id, (size_t)(ov->norgs ? ov->norgs : 1) * sizeof *ov->by_id);
	for (int i = 0; i < ov->norgs; i++)
		ov->by_id[i] = i;
	sorting = ov;
	qsort(ov->by_id, (size_t)ov->norgs, sizeof *ov->by_id, cmp_by_id);
	sorting = NULL;
}

/* The tree: whole (max < 0), or its first max rows. */
static int load_tree(struct db *db, long today, int max, struct overview *ov)
{
	int rc;

	memset(ov, 0, sizeof *ov);
	ov->today = today;
	period_of(PERIOD_QUARTER, today, &ov->quarter);
	rc = max < 0 ? org_list(db, add_org, ov) : org_list_top(db, max, add_org, ov);
	/* org_list_top counts no members: the whole tree does */
	ov->partial = max >= 0;
	index_orgs(ov);
	return rc;
}

int overview_load_tree(struct db *db, long today, struct overview *ov)
{
	return load_tree(db, today, -1, ov);
}

int overview_load_top(struct db *db, long today, int max, struct overview *ov)
{
	return load_tree(db, today, max < 0 ? 0 : max, ov);
}

int overview_find(const struct overview *ov, long long id)
{
	int lo = 0, hi = ov->norgs;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		long long x = ov->orgs[ov->by_id[mid]].id;
		if (x == id)
			return ov->by_id[mid];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int overview_covers(const struct overview *ov, long long owner, long long org_id)
{
	int i;

	if (owner == org_id)
		return 1;
	i = overview_find(ov, org_id);
	return i >= 0 && ov->orgs[i].kind == ORG_GROUP && ov->orgs[i].parent_id == owner;
}

static void badge_one(struct overview_org *o, enum severity sev)
{
	o->count[sev]++;
	if (sev > o->worst)
		o->worst = sev;
}

void overview_badge_add(struct overview *ov, long long org_id, enum severity sev)
{
	int i = overview_find(ov, org_id), p;

	if (i < 0 || sev == SEV_OK)
		return;
	badge_one(&ov->orgs[i], sev);
	/* A branch answers for its party groups, and a committee or general
	 * branch for everything under it: a committee with a lapsed branch is
	 * not "ok". */
	for (p = overview_find(ov, ov->orgs[i].parent_id); p >= 0; p = overview_find(ov, ov->orgs[p].parent_id))
		badge_one(&ov->orgs[p], sev);
}

void overview_review_add(struct overview *ov, const struct finding *fd)
{
	struct overview_finding *f;

	if (ov->nreview == ov->capreview) {
		ov->capreview = ov->capreview ? ov->capreview * 2 : 256;
		ov->review = xrealloc(ov->review, (size_t)ov->capreview * sizeof *ov->review);
	}
	f = &ov->review[ov->nreview++];
	f->org_id = fd->org_id;
	f->member_id = fd->member_id;
	f->rule = (unsigned char)fd->rule;
	f->severity = (unsigned char)fd->severity;
	f->has_period = (unsigned char)fd->has_period;
	/* A period is its kind and first day: 32 bytes a finding, not 72. */
	f->period_kind = (unsigned char)(fd->has_period ? fd->period.kind : 0);
	f->first = (int)(fd->has_period ? fd->period.first : 0);
	if (!ov->messages)
		ov->messages = text_pool_new();
	f->message = text_pool_add(ov->messages, fd->message ? fd->message : "");
}

static int on_check(const struct finding *fd, void *ctx)
{
	overview_badge_add(ctx, fd->org_id, fd->severity);
	return 0;
}

static int on_review(const struct finding *fd, void *ctx)
{
	overview_review_add(ctx, fd);
	return 0;
}

int overview_load_findings(struct db *db, const struct rules_config *cfg, struct overview *ov)
{
	/* The screens show the messages to people. */
	struct rules_query check = { .mode = RULES_CHECK, .as_of = ov->today, .human_dates = 1 };
	struct rules_query review = { .mode = RULES_REVIEW, .as_of = ov->today, .quarter = ov->quarter, .human_dates = 1 };
	struct facts_window w, w2;
	struct facts f;
	int rc;

	ov->have_findings = 1;
	/* One load covering both queries. */
	rules_facts_window(&check, &w);
	rules_facts_narrow(cfg, &check, &w);
	rules_facts_window(&review, &w2);
	rules_facts_narrow(cfg, &review, &w2);
	rules_facts_union(&w, &w2);
	if ((rc = facts_load(db, &w, &f)) != OL_OK)
		return rc;
	rules_evaluate(cfg, &f, &check, on_check, ov);
	rules_evaluate(cfg, &f, &review, on_review, ov);
	facts_free(&f);
	return OL_OK;
}

void overview_free(struct overview *ov)
{
	for (int i = 0; i < ov->norgs; i++)
		free(ov->orgs[i].name);
	text_pool_free(ov->messages);
	free(ov->orgs);
	free(ov->by_id);
	free(ov->review);
	memset(ov, 0, sizeof *ov);
}

void overview_finding_period(const struct overview_finding *f, struct period *p)
{
	period_of((enum period_kind)f->period_kind, f->first, p);
}

/* Adds a finding's period to a rule's cells (worst severity per period). */
static void cell_add(struct overview_rule *r, const struct overview_finding *f)
{
	int i;

	for (i = 0; i < r->ncells; i++) {
		struct overview_cell *c = &r->cells[i];
		if (c->has_period == f->has_period && (!f->has_period || c->period.first == f->first)) {
			if (f->severity > c->severity)
				c->severity = f->severity;
			return;
		}
	}
	/* Keep the latest periods when there are more than fit. */
	if (r->ncells == OVERVIEW_MAX_CELLS) {
		memmove(r->cells, r->cells + 1, (OVERVIEW_MAX_CELLS - 1) * sizeof *r->cells);
		r->ncells--;
	}
	for (i = r->ncells; i > 0 && f->has_period && r->cells[i - 1].has_period &&
			    r->cells[i - 1].period.first > f->first; i--)
		r->cells[i] = r->cells[i - 1];
	r->cells[i].has_period = f->has_period;
	if (f->has_period)
		overview_finding_period(f, &r->cells[i].period);
	else
		memset(&r->cells[i].period, 0, sizeof r->cells[i].period);
	r->cells[i].severity = (enum severity)f->severity;
	r->ncells++;
}

static void rule_add(struct overview_rule *r, const struct overview_finding *f, int index)
{
	if (r->nfindings == 0 || f->severity > r->worst) {
		r->worst = (enum severity)f->severity;
		r->first = index;
	}
	r->nfindings++;
	if (f->member_id)
		r->nmembers++;
	else
		cell_add(r, f);
}

int overview_rules(const struct overview *ov, long long org_id, struct overview_rule *out, int max)
{
	struct overview_rule by_rule[R_COUNT];
	int n = 0;

	memset(by_rule, 0, sizeof by_rule);
	for (int i = 0; i < ov->nreview; i++) {
		const struct overview_finding *f = &ov->review[i];
		if (overview_covers(ov, org_id, f->org_id))
			rule_add(&by_rule[f->rule], f, i);
	}
	for (int r = 0; r < R_COUNT && n < max; r++) {
		if (!by_rule[r].nfindings)
			continue;
		out[n] = by_rule[r];
		out[n].rule = (enum rule_id)r;
		n++;
	}
	return n;
}
