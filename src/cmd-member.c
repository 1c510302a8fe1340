/*
 * cmd-member.c - `orglife member add|import|list|edit|confirm|
 * extend-probation|flow-out|transfer-out|transfer-in|lost|back`,
 * `role set|end` and `dues pay`.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/import.h>
#include <orglife/member.h>
#include <orglife/text.h>
#include "cmd.h"

static int parse_status(struct cli_ctx *ctx, const char *s, enum member_status *st)
{
	if (member_status_parse(s, st) == 0)
		return 0;
	return cli_bad_value(ctx, "--status", s, _("give full or probationary (正式党员 or 预备党员)"));
}

static int parse_role(struct cli_ctx *ctx, const char *s, enum role_kind *role)
{
	if (role_parse(s, role) == 0)
		return 0;
	return cli_bad_value(ctx, "ROLE", s,
			     _("give secretary, deputy, organizer, propaganda, discipline or committee-member"
			       " (书记, 副书记, 组织委员, 宣传委员, 纪检委员 or 委员)"));
}

static int parse_month(struct cli_ctx *ctx, const char *s, int *year, int *month)
{
	const char *err;

	if (date_parse_month(s, year, month, &err) == 0)
		return 0;
	return cli_bad_value(ctx, "MONTH", s, _(err));
}

/* An amount in yuan, "12", "12.5" or "12.50", in fen: digits, then at most
 * two decimals; nothing else. */
static int parse_amount(struct cli_ctx *ctx, const char *s, long long *fen)
{
	const char *p = s;
	long long yuan = 0, cents = 0;
	int digits = 0, decimals = 0;

	/* At most a million yuan (PAYMENT_MAX_FEN): seven digits. */
	for (; *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		yuan = yuan * 10 + (*p - '0');
	if (digits > 0 && *p == '.') {
		for (p++; *p >= '0' && *p <= '9' && decimals < 2; p++, decimals++)
			cents = cents * 10 + (*p - '0');
		if (decimals == 0)
			digits = 0;
	}
	if (digits > 0 && *p == '\0') {
		*fen = yuan * 100 + (decimals == 1 ? cents * 10 : cents);
		return 0;
	}
	return cli_bad_value(ctx, "--amount", s, _("give the amount in yuan with at most two decimals, e.g. 12 or 12.50"));
}

CMD_RUN(cmd_member_add)
{
	enum { O_ORG, O_STATUS, O_JOINED, O_GROUP, O_CADRE, O_PHONE };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_STATUS] = { .name = "--status", .takes_value = 1 },
		[O_JOINED] = { .name = "--joined", .takes_value = 1 },
		[O_GROUP] = { .name = "--group", .takes_value = 1 },
		[O_CADRE] = { .name = "--cadre", .takes_value = 0 },
		[O_PHONE] = { .name = "--phone", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct member_new mn = { .status = MEMBER_FULL, .joined = -1 };
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)) || (rc = cli_need(ctx, opts, &a, 1u << O_ORG)))
		return rc;
	if (a.val[O_STATUS] && (rc = parse_status(ctx, a.val[O_STATUS], &mn.status)))
		return rc;
	if (a.val[O_JOINED] && (rc = cli_date(ctx, "--joined", a.val[O_JOINED], &mn.joined)))
		return rc;
	if ((rc = cli_org(ctx, a.val[O_ORG], &mn.org_id)))
		return rc;
	if (a.val[O_GROUP] && *a.val[O_GROUP] && (rc = cli_org(ctx, a.val[O_GROUP], &mn.group_id)))
		return rc;
	mn.name = a.pos[0];
	mn.cadre = a.val[O_CADRE] != NULL;
	mn.phone = a.val[O_PHONE];
	if ((rc = member_add(ctx->db, &mn, &id)) != OL_OK)
		return cli_status(ctx, rc);
	cli_print_id(ctx, id);
	return EXIT_OK;
}

/* Reads the whole file at path into *data (the caller frees it). */
static int read_file(struct cli_ctx *ctx, const char *path, char **data, size_t *n)
{
	struct strbuf b = { 0 };
	int err = text_read_file(path, IMPORT_MAX_BYTES, &b);
	char *w;

	if (err) {
		w = text_sanitize(path, 0);
		if (err == EFBIG)
			cli_error(ctx, _("%s is larger than %ld MiB: split it into several files"), w,
				  IMPORT_MAX_BYTES / (1024 * 1024));
		else
			cli_error(ctx, _("cannot read %s: %s"), w, strerror(err));
		free(w);
		strbuf_free(&b);
		return EXIT_ERROR;
	}
	*n = b.len;
	*data = strbuf_detach(&b);
	return 0;
}

CMD_RUN(cmd_member_import)
{
	enum { O_ORG };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		{ .name = NULL },
	};
	struct import_result res;
	struct strbuf summary = { 0 };
	struct cli_args a;
	long long org;
	char *data;
	size_t n;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)) || (rc = cli_need(ctx, opts, &a, 1u << O_ORG)))
		return rc;
	if ((rc = cli_org(ctx, a.val[O_ORG], &org)) || (rc = read_file(ctx, a.pos[0], &data, &n)))
		return rc;
	rc = import_members(ctx->db, org, data, n, ctx->today, &res);
	free(data);
	if (rc != OL_OK)
		return cli_status(ctx, rc);
	/* 12 added, 3 updated, 30 unchanged; 2 party groups created */
	import_result_summary(&res, &summary);
	fprintf(ctx->out, "%s\n", strbuf_str(&summary));
	strbuf_free(&summary);
	import_result_clear(&res);
	return EXIT_OK;
}

struct list_state {
	struct out *out;
	enum out_format fmt;
};

/* Text: for people, in 80 columns: fewer columns, translated labels, and
 * "in the branch" goes without saying. */
static void list_text(struct out *o, const struct member *m)
{
	char *roles = role_labels(m->roles);

	out_int(o, m->id);
	out_str(o, m->name);
	out_str(o, m->org_name);
	out_str(o, m->group_name);
	out_str(o, member_status_label(m->status));
	out_str(o, m->where == MEMBER_HERE ? NULL : member_where_label(m->where));
	out_str(o, roles);
	free(roles);
}

static void list_data(struct out *o, const struct member *m)
{
	out_int(o, m->id);
	out_str(o, m->name);
	out_int(o, m->org_id);
	out_str(o, m->org_name);
	out_str(o, m->group_name);
	out_str(o, member_status_code(m->status));
	out_day(o, m->joined);
	out_day(o, m->confirmed);
	out_bool(o, m->cadre);
	out_str(o, m->phone);
	out_str(o, member_where_code(m->where));
	out_str(o, m->roles);
	out_str(o, m->gender);
	out_str(o, m->ethnicity);
	out_day(o, m->born);
}

static int list_one(const struct member *m, void *p)
{
	struct list_state *ls = p;

	out_row(ls->out);
	if (ls->fmt == OUT_TEXT)
		list_text(ls->out, m);
	else
		list_data(ls->out, m);
	return 0;
}

CMD_RUN(cmd_member_list)
{
	enum { O_ORG, O_FORMAT };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_FORMAT] = { .name = "--format", .takes_value = 1 },
		{ .name = NULL },
	};
	static const struct out_col text_cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "name", .title = NC_("member list", "NAME"), .ctx = "member list", .type = OUT_STR },
		{ .key = "org", .title = N_("BRANCH"), .type = OUT_STR },
		{ .key = "group", .title = N_("GROUP"), .type = OUT_STR },
		{ .key = "status", .title = NC_("member list", "STATUS"), .ctx = "member list", .type = OUT_STR },
		{ .key = "where", .title = N_("WHERE"), .type = OUT_STR },
		{ .key = "roles", .title = N_("ROLES"), .type = OUT_STR },
	};
	static const struct out_col cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "name", .title = NC_("member list", "NAME"), .ctx = "member list", .type = OUT_STR },
		{ .key = "org_id", .title = N_("BRANCH ID"), .type = OUT_INT },
		{ .key = "org", .title = N_("BRANCH"), .type = OUT_STR },
		{ .key = "group", .title = N_("GROUP"), .type = OUT_STR },
		{ .key = "status", .title = NC_("member list", "STATUS"), .ctx = "member list", .type = OUT_STR },
		{ .key = "joined", .title = N_("JOINED"), .type = OUT_STR },
		{ .key = "confirmed", .title = N_("CONFIRMED"), .type = OUT_STR },
		{ .key = "cadre", .title = N_("CADRE"), .type = OUT_BOOL },
		{ .key = "phone", .title = N_("PHONE"), .type = OUT_STR },
		{ .key = "where", .title = N_("WHERE"), .type = OUT_STR },
		{ .key = "roles", .title = N_("ROLES"), .type = OUT_STR },
		{ .key = "gender", .title = N_("GENDER"), .type = OUT_STR },
		{ .key = "ethnicity", .title = N_("ETHNICITY"), .type = OUT_STR },
		{ .key = "born", .title = N_("BORN"), .type = OUT_STR },
	};
	struct cli_args a;
	struct list_state ls;
	long long org = 0;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)))
		return rc;
	if ((rc = cli_format(ctx, a.val[O_FORMAT], &ls.fmt)))
		return rc;
	if (a.val[O_ORG] && (rc = cli_org(ctx, a.val[O_ORG], &org)))
		return rc;
	if (ls.fmt == OUT_TEXT)
		ls.out = out_begin(ls.fmt, ctx->out, text_cols, (int)(sizeof text_cols / sizeof text_cols[0]));
	else
		ls.out = out_begin(ls.fmt, ctx->out, cols, (int)(sizeof cols / sizeof cols[0]));
	rc = member_list(ctx->db, org, ctx->today, list_one, &ls);
	out_end(ls.out);
	return cli_status(ctx, rc);
}

CMD_RUN(cmd_member_edit)
{
	enum { O_NAME, O_GROUP, O_CADRE, O_NO_CADRE, O_PHONE };
	static const struct cli_opt opts[] = {
		[O_NAME] = { .name = "--name", .takes_value = 1 },
		[O_GROUP] = { .name = "--group", .takes_value = 1 },
		[O_CADRE] = { .name = "--cadre", .takes_value = 0 },
		[O_NO_CADRE] = { .name = "--no-cadre", .takes_value = 0 },
		[O_PHONE] = { .name = "--phone", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct member_changes c = { .cadre = -1 };
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)))
		return rc;
	if (!a.val[O_NAME] && !a.val[O_GROUP] && !a.val[O_CADRE] && !a.val[O_NO_CADRE] && !a.val[O_PHONE])
		return cli_usage(ctx, _("nothing to change: give --name, --group, --cadre, --no-cadre or --phone"));
	if (a.val[O_CADRE] && a.val[O_NO_CADRE])
		return cli_usage(ctx, _("--cadre and --no-cadre contradict each other: give one of them"));
	if ((rc = cli_member(ctx, a.pos[0], &id)))
		return rc;
	c.name = a.val[O_NAME];
	c.phone = a.val[O_PHONE];
	if (a.val[O_CADRE] || a.val[O_NO_CADRE])
		c.cadre = a.val[O_CADRE] != NULL;
	if (a.val[O_GROUP]) {
		c.set_group = 1;
		/* An empty --group takes the member out of their group. */
		if (*a.val[O_GROUP] && (rc = cli_org(ctx, a.val[O_GROUP], &c.group_id)))
			return rc;
	}
	return cli_status(ctx, member_edit(ctx->db, id, &c));
}

/*
 * The commands of the form `MEMBER ... --on DATE [...]`: opts[0] names the
 * required date option.  dated_parse does the usage checks with npos
 * positional arguments (the member first); dated_values resolves the member
 * and the date.
 */
static int dated_parse(struct cli_ctx *ctx, const struct cli_opt *opts, int npos, int argc, char **argv,
		       struct cli_args *a)
{
	int rc = cli_parse(ctx, opts, npos, npos, argc, argv, a);

	return rc ? rc : cli_need(ctx, opts, a, 1u);
}

static int dated_values(struct cli_ctx *ctx, const struct cli_opt *opts, const struct cli_args *a, long long *id,
			long *day)
{
	int rc = cli_date(ctx, opts[0].name, a->val[0], day);

	return rc ? rc : cli_member(ctx, a->pos[0], id);
}

/* `MEMBER --on DATE` and nothing else, for a model call on (member, day). */
static int run_dated(struct cli_ctx *ctx, const char *opt, int (*fn)(struct db *, long long, long), int argc,
		     char **argv)
{
	const struct cli_opt opts[] = {
		{ .name = opt, .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long id;
	long day;
	int rc;

	if ((rc = dated_parse(ctx, opts, 1, argc, argv, &a)) || (rc = dated_values(ctx, opts, &a, &id, &day)))
		return rc;
	return cli_status(ctx, fn(ctx->db, id, day));
}

CMD_RUN(cmd_member_confirm)
{
	return run_dated(ctx, "--on", member_confirm, argc, argv);
}

CMD_RUN(cmd_member_extend_probation)
{
	return run_dated(ctx, "--until", member_extend_probation, argc, argv);
}

/* A member's event: MEMBER, the date option, and for some a document
 * number (--certificate, --letter) and the certificate's --valid-until,
 * which go together. */
enum { E_DATE, E_DOC, E_UNTIL, E_COUNT };

struct event_cmd {
	enum member_event_kind kind;
	struct cli_opt opts[E_COUNT + 1]; /* an unused option has a NULL name */
};

static int run_event(struct cli_ctx *ctx, const struct event_cmd *ec, int argc, char **argv)
{
	struct cli_args a;
	long long id;
	long day, until = -1;
	const char *doc;
	int rc;

	if ((rc = dated_parse(ctx, ec->opts, 1, argc, argv, &a)))
		return rc;
	if (ec->opts[E_UNTIL].name && !a.val[E_DOC] != !a.val[E_UNTIL])
		return cli_usage(ctx, _("%s and %s go together: give both or neither"), ec->opts[E_DOC].name,
				 ec->opts[E_UNTIL].name);
	if ((rc = dated_values(ctx, ec->opts, &a, &id, &day)))
		return rc;
	if (a.val[E_UNTIL] && (rc = cli_date(ctx, ec->opts[E_UNTIL].name, a.val[E_UNTIL], &until)))
		return rc;
	doc = a.val[E_DOC] && *a.val[E_DOC] ? a.val[E_DOC] : NULL;
	return cli_status(ctx, member_event_add(ctx->db, id, ec->kind, day, until, doc));
}

CMD_RUN(cmd_member_flow_out)
{
	static const struct event_cmd ec = {
		.kind = EVENT_FLOW_OUT,
		.opts = {
			[E_DATE] = { .name = "--on", .takes_value = 1 },
			[E_DOC] = { .name = "--certificate", .takes_value = 1 },
			[E_UNTIL] = { .name = "--valid-until", .takes_value = 1 },
		},
	};

	return run_event(ctx, &ec, argc, argv);
}

CMD_RUN(cmd_member_transfer_out)
{
	static const struct event_cmd ec = {
		.kind = EVENT_TRANSFER_OUT,
		.opts = {
			[E_DATE] = { .name = "--on", .takes_value = 1 },
			[E_DOC] = { .name = "--letter", .takes_value = 1 },
		},
	};

	return run_event(ctx, &ec, argc, argv);
}

CMD_RUN(cmd_member_transfer_in)
{
	static const struct event_cmd ec = {
		.kind = EVENT_TRANSFER_IN,
		.opts = {
			[E_DATE] = { .name = "--on", .takes_value = 1 },
			[E_DOC] = { .name = "--letter", .takes_value = 1 },
		},
	};

	return run_event(ctx, &ec, argc, argv);
}

CMD_RUN(cmd_member_lost)
{
	static const struct event_cmd ec = {
		.kind = EVENT_LOST,
		.opts = { [E_DATE] = { .name = "--since", .takes_value = 1 } },
	};

	return run_event(ctx, &ec, argc, argv);
}

CMD_RUN(cmd_member_back)
{
	static const struct event_cmd ec = {
		.kind = EVENT_BACK,
		.opts = { [E_DATE] = { .name = "--on", .takes_value = 1 } },
	};

	return run_event(ctx, &ec, argc, argv);
}

CMD_RUN(cmd_role_set)
{
	enum { O_FROM, O_TO };
	static const struct cli_opt opts[] = {
		[O_FROM] = { .name = "--from", .takes_value = 1 },
		[O_TO] = { .name = "--to", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	enum role_kind role;
	long long id;
	long from, to = -1;
	int rc;

	if ((rc = dated_parse(ctx, opts, 2, argc, argv, &a)) || (rc = parse_role(ctx, a.pos[1], &role)))
		return rc;
	if ((rc = dated_values(ctx, opts, &a, &id, &from)))
		return rc;
	if (a.val[O_TO] && (rc = cli_date(ctx, "--to", a.val[O_TO], &to)))
		return rc;
	return cli_status(ctx, role_set(ctx->db, id, role, from, to));
}

CMD_RUN(cmd_role_end)
{
	static const struct cli_opt opts[] = {
		{ .name = "--on", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	enum role_kind role;
	long long id;
	long on;
	int rc;

	if ((rc = dated_parse(ctx, opts, 2, argc, argv, &a)) || (rc = parse_role(ctx, a.pos[1], &role)))
		return rc;
	if ((rc = dated_values(ctx, opts, &a, &id, &on)))
		return rc;
	return cli_status(ctx, role_end(ctx->db, id, role, on));
}

CMD_RUN(cmd_dues_pay)
{
	enum { O_AMOUNT };
	static const struct cli_opt opts[] = {
		[O_AMOUNT] = { .name = "--amount", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long id, fen = -1;
	int rc, year, month;

	if ((rc = cli_parse(ctx, opts, 2, 2, argc, argv, &a)))
		return rc;
	if ((rc = parse_month(ctx, a.pos[1], &year, &month)))
		return rc;
	if (a.val[O_AMOUNT] && (rc = parse_amount(ctx, a.val[O_AMOUNT], &fen)))
		return rc;
	if ((rc = cli_member(ctx, a.pos[0], &id)))
		return rc;
	return cli_status(ctx, dues_pay(ctx->db, id, year, month, fen, ctx->today));
}
