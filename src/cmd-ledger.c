/*
 * cmd-ledger.c - `orglife ledger add|done|verify|list`: the rectification
 * ledger (整改台账).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/ledger.h>
#include <orglife/rules.h>
#include <orglife/text.h>
#include "cmd.h"

#define NCOLS(cols) ((int)(sizeof cols / sizeof cols[0]))

static int parse_category(struct cli_ctx *ctx, const char *s, enum ledger_category *c)
{
	if (ledger_category_parse(s, c) == 0)
		return 0;
	return cli_bad_value(ctx, "--category", s,
			     _("give political, leadership, membership, election, dues, org-life, recruitment,"
			       " service, openness, rights, discipline or other (or the checklist's Chinese name,"
			       " e.g. 组织生活不规范)"));
}

static int cli_item(struct cli_ctx *ctx, const char *s, long long *id)
{
	int rc = ledger_resolve(ctx->db, s, id);

	return rc == OL_OK ? 0 : cli_status(ctx, rc);
}

CMD_RUN(cmd_ledger_add)
{
	enum { O_ORG, O_MEMBER, O_PROBLEM, O_MEASURE, O_OWNER, O_DUE, O_CATEGORY };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_MEMBER] = { .name = "--member", .takes_value = 1 },
		[O_PROBLEM] = { .name = "--problem", .takes_value = 1 },
		[O_MEASURE] = { .name = "--measure", .takes_value = 1 },
		[O_OWNER] = { .name = "--owner", .takes_value = 1 },
		[O_DUE] = { .name = "--due", .takes_value = 1 },
		[O_CATEGORY] = { .name = "--category", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct ledger_new n = { .category = LEDGER_NO_CATEGORY, .due = -1 };
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)) ||
	    (rc = cli_need(ctx, opts, &a,
		       1u << O_ORG | 1u << O_PROBLEM | 1u << O_MEASURE | 1u << O_OWNER | 1u << O_DUE)))
		return rc;
	if (a.val[O_CATEGORY] && (rc = parse_category(ctx, a.val[O_CATEGORY], &n.category)))
		return rc;
	if ((rc = cli_date(ctx, "--due", a.val[O_DUE], &n.due)))
		return rc;
	if ((rc = cli_org(ctx, a.val[O_ORG], &n.org_id)))
		return rc;
	if (a.val[O_MEMBER] && (rc = cli_member(ctx, a.val[O_MEMBER], &n.member_id)))
		return rc;
	n.problem = a.val[O_PROBLEM];
	n.measure = a.val[O_MEASURE];
	n.owner = a.val[O_OWNER];
	if ((rc = ledger_add(ctx->db, &n, &id)) != OL_OK)
		return cli_status(ctx, rc);
	cli_print_id(ctx, id);
	return EXIT_OK;
}

/* The ITEM and the day of `ITEM [--on DATE]` (today by default), from
 * arguments parsed with --on as opts[0]. */
static int item_on(struct cli_ctx *ctx, const struct cli_args *a, long long *id, long *day)
{
	int rc;

	*day = ctx->today;
	if (a->val[0] && (rc = cli_date(ctx, "--on", a->val[0], day)))
		return rc;
	return cli_item(ctx, a->pos[0], id);
}

/* `ledger done|verify ITEM [--by TEXT] [--on DATE]`: who did the work or
 * who verified it, when said, is recorded with the day. */
static int done_or_verify(struct cli_ctx *ctx, int argc, char **argv,
			  int (*record)(struct db *db, long long id, const char *by, long day))
{
	enum { O_ON, O_BY };
	static const struct cli_opt opts[] = {
		[O_ON] = { .name = "--on", .takes_value = 1 },
		[O_BY] = { .name = "--by", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long id;
	long day;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)) || (rc = item_on(ctx, &a, &id, &day)))
		return rc;
	return cli_status(ctx, record(ctx->db, id, a.val[O_BY], day));
}

CMD_RUN(cmd_ledger_done)
{
	return done_or_verify(ctx, argc, argv, ledger_done);
}

CMD_RUN(cmd_ledger_verify)
{
	return done_or_verify(ctx, argc, argv, ledger_verify);
}

/* ---- ledger list ---------------------------------------------------------- */

struct list_state {
	struct out *out;
	enum out_format fmt;
	long today;
};

/* Text: what a person reads in 80 columns; an overdue item carries the
 * mark and the word after its state, so it stands out without colour. */
static void list_text(struct out *o, const struct ledger_item *it, long today)
{
	struct strbuf state = { 0 };

	strbuf_adds(&state, ledger_state_label(it->state));
	if (ledger_overdue(it, today))
		strbuf_addf(&state, " %s %s", severity_mark(SEV_OVERDUE), severity_label(SEV_OVERDUE));
	out_int(o, it->id);
	out_day(o, it->due);
	out_str(o, state.s);
	out_str(o, it->org_name);
	out_str(o, it->member_name);
	out_str(o, it->problem);
	out_str(o, it->owner);
	strbuf_free(&state);
}

static void list_data(struct out *o, const struct ledger_item *it, long today)
{
	out_int(o, it->id);
	out_int(o, it->org_id);
	out_str(o, it->org_name);
	out_id(o, it->member_id);
	out_str(o, it->member_name);
	out_str(o, ledger_category_code(it->category));
	out_str(o, it->problem);
	out_str(o, it->measure);
	out_str(o, it->owner);
	out_day(o, it->due);
	out_str(o, ledger_state_code(it->state));
	out_day(o, it->done_on);
	out_str(o, it->verified_by);
	out_day(o, it->verified_on);
	out_bool(o, ledger_overdue(it, today));
	out_str(o, it->done_by);
}

static int list_one(const struct ledger_item *it, void *p)
{
	struct list_state *ls = p;

	out_row(ls->out);
	if (ls->fmt == OUT_TEXT)
		list_text(ls->out, it, ls->today);
	else
		list_data(ls->out, it, ls->today);
	return 0;
}

CMD_RUN(cmd_ledger_list)
{
	enum { O_ORG, O_FORMAT };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_FORMAT] = { .name = "--format", .takes_value = 1 },
		{ .name = NULL },
	};
	static const struct out_col text_cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "due", .title = N_("DUE"), .type = OUT_STR },
		{ .key = "state", .title = N_("STATE"), .type = OUT_STR },
		{ .key = "org", .title = N_("ORG"), .type = OUT_STR },
		{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
		{ .key = "problem", .title = N_("PROBLEM"), .type = OUT_STR },
		{ .key = "owner", .title = N_("OWNER"), .type = OUT_STR },
	};
	static const struct out_col cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "org_id", .title = N_("ORGANIZATION ID"), .type = OUT_INT },
		{ .key = "org", .title = N_("ORGANIZATION"), .type = OUT_STR },
		{ .key = "member_id", .title = N_("MEMBER ID"), .type = OUT_INT },
		{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
		{ .key = "category", .title = N_("CATEGORY"), .type = OUT_STR },
		{ .key = "problem", .title = N_("PROBLEM"), .type = OUT_STR },
		{ .key = "measure", .title = N_("MEASURE"), .type = OUT_STR },
		{ .key = "owner", .title = N_("OWNER"), .type = OUT_STR },
		{ .key = "due", .title = N_("DUE"), .type = OUT_STR },
		{ .key = "state", .title = N_("STATE"), .type = OUT_STR },
		{ .key = "done_on", .title = N_("DONE ON"), .type = OUT_STR },
		{ .key = "verified_by", .title = N_("VERIFIED BY"), .type = OUT_STR },
		{ .key = "verified_on", .title = N_("VERIFIED ON"), .type = OUT_STR },
		{ .key = "overdue", .title = N_("OVERDUE"), .type = OUT_BOOL },
		{ .key = "done_by", .title = N_("DONE BY"), .type = OUT_STR },
	};
	struct cli_args a;
	struct list_state ls = { .today = ctx->today };
	long long org = 0;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)))
		return rc;
	if ((rc = cli_format(ctx, a.val[O_FORMAT], &ls.fmt)))
		return rc;
	if (a.val[O_ORG] && (rc = cli_org(ctx, a.val[O_ORG], &org)))
		return rc;
	if (ls.fmt == OUT_TEXT)
		ls.out = out_begin(ls.fmt, ctx->out, text_cols, NCOLS(text_cols));
	else
		ls.out = out_begin(ls.fmt, ctx->out, cols, NCOLS(cols));
	rc = ledger_list(ctx->db, org, list_one, &ls);
	out_end(ls.out);
	return cli_status(ctx, rc);
}
