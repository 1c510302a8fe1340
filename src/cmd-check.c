/*
 * cmd-check.c - `orglife check` (what is due or overdue, for cron) and
 * `orglife review` (one quarter, for leadership): the findings of the
 * obligations engine in text, CSV or JSON.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/rules.h>
#include <orglife/text.h>
#include "cmd.h"
#include "cmd-review.h"

int cli_load_rules(struct rules_config *cfg, FILE *warn)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct strbuf path = { 0 };
	int n = 0;

	rules_defaults(cfg);
	if (xdg && *xdg == '/')
		strbuf_addf(&path, "%s/orglife/rules", xdg);
	else if (home && *home)
		strbuf_addf(&path, "%s/.config/orglife/rules", home);
	if (path.len)
		n = rules_load_file(cfg, path.s, warn);
	strbuf_free(&path);
	return n;
}

/* The rules in force and the facts q needs: only the members who may
 * have a finding under them.  OL_OK, or the status to report. */
static int load_query(struct cli_ctx *ctx, const struct rules_query *q, struct rules_config *cfg, struct facts *f)
{
	struct facts_window w;

	cli_load_rules(cfg, ctx->err);
	rules_facts_window(q, &w);
	rules_facts_narrow(cfg, q, &w);
	return facts_load(ctx->db, &w, f);
}

/* Machine formats: the keys and order of PRODUCT.md §4. */
static const struct out_col machine_cols[] = {
	{ .key = "rule", .title = N_("RULE"), .type = OUT_STR },
	{ .key = "org", .title = N_("ORGANIZATION"), .type = OUT_STR },
	{ .key = "org_id", .title = N_("ID"), .type = OUT_INT },
	{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
	{ .key = "member_id", .title = N_("ID"), .type = OUT_INT },
	{ .key = "period", .title = N_("PERIOD"), .type = OUT_STR },
	{ .key = "severity", .title = NC_("check severity", "STATUS"), .ctx = "check severity", .type = OUT_STR },
	{ .key = "message", .title = N_("FINDING"), .type = OUT_STR },
};

/* Text: the status first, no ids. */
static const struct out_col text_cols[] = {
	{ .key = "severity", .title = NC_("check severity", "STATUS"), .ctx = "check severity", .type = OUT_STR },
	{ .key = "rule", .title = N_("RULE"), .type = OUT_STR },
	{ .key = "org", .title = N_("ORGANIZATION"), .type = OUT_STR },
	{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
	{ .key = "period", .title = N_("PERIOD"), .type = OUT_STR },
	{ .key = "message", .title = N_("FINDING"), .type = OUT_STR },
};

struct report {
	enum out_format fmt;
	struct out *out;
	int count[3]; /* by severity */
	char marks[3][64]; /* "✓ ok" and the others, in words once */
	struct {
		int kind;
		long first; /* 0 kind and first: unused */
		char text[DATE_DISPLAY_MAX];
	} periods[8];       /* the few periods a review names, in words once */
	int nperiods;
};

/* A period in words for people, said once per report. */
static const char *period_words(struct report *r, const struct period *p)
{
	int i;

	for (i = 0; i < r->nperiods; i++)
		if (r->periods[i].kind == (int)p->kind && r->periods[i].first == p->first)
			return r->periods[i].text;
	i = r->nperiods < 8 ? r->nperiods++ : 7;
	r->periods[i].kind = (int)p->kind;
	r->periods[i].first = p->first;
	period_display(p, r->periods[i].text);
	return r->periods[i].text;
}

static struct out *begin_findings(enum out_format fmt, FILE *f)
{
	if (fmt == OUT_TEXT)
		return out_begin(fmt, f, text_cols, (int)(sizeof text_cols / sizeof text_cols[0]));
	return out_begin(fmt, f, machine_cols, (int)(sizeof machine_cols / sizeof machine_cols[0]));
}

static int print_finding(const struct finding *fd, void *p)
{
	struct report *r = p;
	char period[DATE_DISPLAY_MAX] = "";

	r->count[fd->severity]++;
	if (fd->has_period && r->fmt == OUT_TEXT)
		snprintf(period, sizeof period, "%s", period_words(r, &fd->period));
	else if (fd->has_period)
		period_format(&fd->period, period);
	out_row(r->out);
	if (r->fmt == OUT_TEXT) {
		char *mark = r->marks[fd->severity];
		if (!*mark)
			snprintf(mark, sizeof r->marks[0], "%s %s", severity_mark(fd->severity),
				 severity_label(fd->severity));
		out_str(r->out, mark);
		out_str(r->out, rules_id(fd->rule));
		out_str(r->out, fd->org);
		out_str(r->out, fd->member);
		out_str(r->out, period);
	} else {
		out_str(r->out, rules_id(fd->rule));
		out_str(r->out, fd->org);
		out_int(r->out, fd->org_id);
		out_str(r->out, fd->member);
		out_id(r->out, fd->member_id);
		out_str(r->out, fd->has_period ? period : NULL);
		out_str(r->out, severity_code(fd->severity));
	}
	out_str(r->out, fd->message);
	return 0;
}

/* Loads the facts the query needs, then prints head (if any) and its
 * findings: nothing is printed when the facts cannot be read. */
static int run_query(struct cli_ctx *ctx, const struct rules_query *q, struct report *r, const char *head)
{
	struct rules_config cfg;
	struct facts f;
	int rc;

	if ((rc = load_query(ctx, q, &cfg, &f)) != OL_OK)
		return cli_status(ctx, rc);
	if (head)
		fputs(head, ctx->out);
	r->out = begin_findings(r->fmt, ctx->out);
	rules_evaluate(&cfg, &f, q, print_finding, r);
	out_end(r->out);
	facts_free(&f);
	return EXIT_OK;
}

static int collect_finding(const struct finding *fd, void *p)
{
	struct review *r = p;
	struct review_finding *rf;
	struct review_org *o = r->norgs ? &r->orgs[r->norgs - 1] : NULL;
	char period[DATE_DISPLAY_MAX];

	/* Findings come organization by organization. */
	if (!o || o->id != fd->org_id) {
		if (r->norgs == r->caporgs) {
			r->caporgs = r->caporgs ? r->caporgs * 2 : 64;
			r->orgs = xrealloc(r->orgs, r->caporgs * sizeof *r->orgs);
		}
		o = &r->orgs[r->norgs++];
		memset(o, 0, sizeof *o);
		o->id = fd->org_id;
		o->name = xstrdup(fd->org);
	}
	o->count[fd->severity]++;
	/* The page lists what is due or overdue; what is met is counted. */
	if (fd->severity == SEV_OK)
		return 0;
	if (r->nfindings == r->capfindings) {
		r->capfindings = r->capfindings ? r->capfindings * 2 : 256;
		r->findings = xrealloc(r->findings, r->capfindings * sizeof *r->findings);
	}
	rf = &r->findings[r->nfindings++];
	rf->rule = fd->rule;
	rf->severity = fd->severity;
	rf->org = xstrdup(fd->org);
	rf->member = xstrdup(fd->member);
	rf->period = NULL;
	if (fd->has_period) {
		period_display(&fd->period, period);
		rf->period = xstrdup(period);
	}
	rf->message = xstrdup(fd->message);
	return 0;
}

static void review_free(struct review *r)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		free(r->findings[i].org);
		free(r->findings[i].member);
		free(r->findings[i].period);
		free(r->findings[i].message);
	}
	for (i = 0; i < r->norgs; i++)
		free(r->orgs[i].name);
	free(r->findings);
	free(r->orgs);
}

/* review --format html: the whole review first, then the page. */
static int review_page(struct cli_ctx *ctx, const struct rules_query *q, const char *qs, const char *d)
{
	struct rules_config cfg;
	struct facts f;
	struct review r = { 0 };
	char title[128], sub[256];
	int rc;

	if ((rc = load_query(ctx, q, &cfg, &f)) != OL_OK)
		return cli_status(ctx, rc);
	rules_evaluate(&cfg, &f, q, collect_finding, &r);
	facts_free(&f);
	snprintf(title, sizeof title, _("Quarterly review: %s"), qs);
	snprintf(sub, sizeof sub, _("As of %s. Each organization's rules for the quarter: met, due, overdue."), d);
	r.title = title;
	r.subtitle = sub;
	review_html(ctx->out, &r);
	review_free(&r);
	return EXIT_OK;
}

enum { O_AS_OF, O_ORG, O_FORMAT, O_QUARTER };
static const struct cli_opt query_opts[] = {
	[O_AS_OF] = { .name = "--as-of", .takes_value = 1 },
	[O_ORG] = { .name = "--org", .takes_value = 1 },
	[O_FORMAT] = { .name = "--format", .takes_value = 1 },
	[O_QUARTER] = { .name = "--quarter", .takes_value = 1 },
	{ .name = NULL },
};

/* The options check and review share; review alone takes --quarter. */
static int parse_query(struct cli_ctx *ctx, int argc, char **argv, int review, struct cli_args *a,
		       struct rules_query *q, enum out_format *fmt, int *html)
{
	int rc;

	*html = 0;
	memset(q, 0, sizeof *q);
	q->mode = review ? RULES_REVIEW : RULES_CHECK;
	q->as_of = ctx->today;
	if ((rc = cli_parse(ctx, query_opts, 0, 0, argc, argv, a)))
		return rc;
	if (!review && a->val[O_QUARTER])
		return cli_usage(ctx, _("unknown option '%s'"), "--quarter");
	if (review && a->val[O_FORMAT] && strcmp(a->val[O_FORMAT], "html") == 0)
		*html = 1;
	else if (review && a->val[O_FORMAT] && strcmp(a->val[O_FORMAT], "text") && strcmp(a->val[O_FORMAT], "csv") &&
		 strcmp(a->val[O_FORMAT], "json"))
		return cli_bad_value(ctx, "--format", a->val[O_FORMAT], _("give text, csv, json or html"));
	else if ((rc = cli_format(ctx, a->val[O_FORMAT], fmt)))
		return rc;
	if (a->val[O_AS_OF] && (rc = cli_date(ctx, "--as-of", a->val[O_AS_OF], &q->as_of)))
		return rc;
	if (a->val[O_ORG] && (rc = cli_org(ctx, a->val[O_ORG], &q->org_id)))
		return rc;
	/* Text and the page are read by people; CSV and JSON keep ISO. */
	q->human_dates = *html || *fmt == OUT_TEXT;
	return 0;
}

CMD_RUN(cmd_check)
{
	struct cli_args a;
	struct rules_query q;
	struct report r = { 0 };
	int rc, html;

	if ((rc = parse_query(ctx, argc, argv, 0, &a, &q, &r.fmt, &html)))
		return rc;
	if ((rc = run_query(ctx, &q, &r, NULL)))
		return rc;
	if (r.fmt == OUT_TEXT && r.count[SEV_DUE] + r.count[SEV_OVERDUE] == 0) {
		char d[DATE_DISPLAY_MAX];
		date_display(q.as_of, d);
		fprintf(ctx->out, _("Nothing is due or overdue as of %s.\n"), d);
	}
	return r.count[SEV_OVERDUE] ? EXIT_OVERDUE : EXIT_OK;
}

CMD_RUN(cmd_review)
{
	struct cli_args a;
	struct rules_query q;
	struct report r = { 0 };
	struct strbuf head = { 0 };
	char qs[DATE_DISPLAY_MAX], d[DATE_DISPLAY_MAX];
	const char *err;
	int rc, html;

	if ((rc = parse_query(ctx, argc, argv, 1, &a, &q, &r.fmt, &html)))
		return rc;
	/* --as-of is "as if today were": its quarter is the default. */
	if (!a.val[O_QUARTER])
		period_of(PERIOD_QUARTER, q.as_of, &q.quarter);
	else if (period_parse(a.val[O_QUARTER], &q.quarter, &err) != 0 || q.quarter.kind != PERIOD_QUARTER)
		return cli_bad_value(ctx, "--quarter", a.val[O_QUARTER], _("give a quarter such as 2026Q3"));
	/* As of the quarter's last day, or today if that is earlier. */
	if (!a.val[O_AS_OF])
		q.as_of = q.quarter.last < ctx->today ? q.quarter.last : ctx->today;
	if (q.human_dates) {
		period_display(&q.quarter, qs);
		date_display(q.as_of, d);
	} else {
		period_format(&q.quarter, qs);
		date_format(q.as_of, d);
	}
	if (html)
		return review_page(ctx, &q, qs, d);
	if (r.fmt == OUT_JSON) {
		strbuf_adds(&head, "{\"quarter\": ");
		text_json_string(&head, qs);
		strbuf_adds(&head, ", \"as_of\": ");
		text_json_string(&head, d);
		strbuf_adds(&head, ", \"findings\": ");
	} else if (r.fmt == OUT_TEXT)
		strbuf_addf(&head, _("Quarterly review: %s, as of %s\n\n"), qs, d);
	rc = run_query(ctx, &q, &r, head.len ? head.s : NULL);
	strbuf_free(&head);
	if (rc)
		return rc;
	if (r.fmt == OUT_JSON)
		fputs("}\n", ctx->out);
	else if (r.fmt == OUT_TEXT)
		fprintf(ctx->out, _("\n%d met, %d due, %d overdue.\n"), r.count[SEV_OK], r.count[SEV_DUE],
			r.count[SEV_OVERDUE]);
	return EXIT_OK;
}
