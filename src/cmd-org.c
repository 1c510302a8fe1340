/*
 * cmd-org.c - `orglife org add|list|edit`.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/org.h>
#include <orglife/text.h>
#include "cmd.h"

static int parse_kind(struct cli_ctx *ctx, const char *s, enum org_kind *kind)
{
	if (org_kind_parse(s, kind) == 0)
		return 0;
	return cli_bad_value(ctx, "--kind", s, _("give committee, general-branch, branch or group"));
}

CMD_RUN(cmd_org_add)
{
	enum { O_PARENT, O_KIND, O_TERM };
	static const struct cli_opt opts[] = {
		[O_PARENT] = { .name = "--parent", .takes_value = 1 },
		[O_KIND] = { .name = "--kind", .takes_value = 1 },
		[O_TERM] = { .name = "--term-years", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	enum org_kind kind = ORG_BRANCH;
	long long parent = 0, id;
	int term = 0, rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)))
		return rc;
	if (a.val[O_KIND] && (rc = parse_kind(ctx, a.val[O_KIND], &kind)))
		return rc;
	if (a.val[O_TERM] && (rc = cli_int(ctx, "--term-years", a.val[O_TERM], 1, 10, &term)))
		return rc;
	if (a.val[O_PARENT] && (rc = cli_org(ctx, a.val[O_PARENT], &parent)))
		return rc;
	if ((rc = org_add(ctx->db, a.pos[0], kind, parent, term, &id)) != OL_OK)
		return cli_status(ctx, rc);
	cli_print_id(ctx, id);
	return EXIT_OK;
}

struct list_state {
	struct out *out;
	enum out_format fmt;
};

static int list_one(const struct org *o, void *p)
{
	struct list_state *ls = p;
	struct strbuf name = { 0 };

	out_row(ls->out);
	out_int(ls->out, o->id);
	if (ls->fmt == OUT_TEXT) {
		/* The tree shows by indentation in text. */
		for (int i = 0; i < o->depth; i++)
			strbuf_adds(&name, "  ");
		strbuf_adds(&name, o->name);
		out_str(ls->out, name.s);
		out_str(ls->out, org_kind_label(o->kind));
	} else {
		out_str(ls->out, o->name);
		out_str(ls->out, org_kind_code(o->kind));
	}
	out_id(ls->out, o->parent_id);
	out_int(ls->out, o->members);
	if (o->term_years)
		out_int(ls->out, o->term_years);
	else
		out_id(ls->out, 0);
	strbuf_free(&name);
	return 0;
}

CMD_RUN(cmd_org_list)
{
	enum { O_FORMAT };
	static const struct cli_opt opts[] = {
		[O_FORMAT] = { .name = "--format", .takes_value = 1 },
		{ .name = NULL },
	};
	static const struct out_col cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "name", .title = N_("NAME"), .type = OUT_STR },
		{ .key = "kind", .title = N_("KIND"), .type = OUT_STR },
		{ .key = "parent_id", .title = N_("PARENT"), .type = OUT_INT },
		{ .key = "members", .title = N_("MEMBERS"), .type = OUT_INT },
		{ .key = "term_years", .title = N_("TERM"), .type = OUT_INT },
	};
	struct cli_args a;
	struct list_state ls;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)))
		return rc;
	if ((rc = cli_format(ctx, a.val[O_FORMAT], &ls.fmt)))
		return rc;
	ls.out = out_begin(ls.fmt, ctx->out, cols, (int)(sizeof cols / sizeof cols[0]));
	rc = org_list(ctx->db, list_one, &ls);
	out_end(ls.out);
	return cli_status(ctx, rc);
}

CMD_RUN(cmd_org_edit)
{
	enum { O_NAME, O_PARENT, O_TERM };
	static const struct cli_opt opts[] = {
		[O_NAME] = { .name = "--name", .takes_value = 1 },
		[O_PARENT] = { .name = "--parent", .takes_value = 1 },
		[O_TERM] = { .name = "--term-years", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct org_changes c = { 0 };
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)))
		return rc;
	if (!a.val[O_NAME] && !a.val[O_PARENT] && !a.val[O_TERM])
		return cli_usage(ctx, _("nothing to change: give --name, --parent or --term-years"));
	if ((rc = cli_org(ctx, a.pos[0], &id)))
		return rc;
	c.name = a.val[O_NAME];
	if (a.val[O_TERM] && (rc = cli_int(ctx, "--term-years", a.val[O_TERM], 1, 10, &c.term_years)))
		return rc;
	if (a.val[O_PARENT]) {
		c.set_parent = 1;
		/* An empty --parent makes it a root. */
		if (*a.val[O_PARENT] && (rc = cli_org(ctx, a.val[O_PARENT], &c.parent_id)))
			return rc;
	}
	return cli_status(ctx, org_edit(ctx->db, id, &c));
}
