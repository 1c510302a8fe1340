/*
 * cmd-overview.c - what `orglife` prints with no command (until the TUI
 * opens there): the organization tree with this quarter's activity and the
 * sessions of the next two weeks; and `orglife backup FILE`.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/org.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include "cmd.h"

struct overview {
	struct org_activity *act;
	size_t nact, capact;
	struct table *orgs;
	struct table *next;
	int norgs, nnext;
};

static int collect_activity(const struct org_activity *a, void *p)
{
	struct overview *ov = p;

	if (ov->nact == ov->capact) {
		ov->capact = ov->capact ? ov->capact * 2 : 64;
		ov->act = xrealloc(ov->act, ov->capact * sizeof *ov->act);
	}
	ov->act[ov->nact++] = *a;
	return 0;
}

/* The activity of an organization (they come in id order). */
static const struct org_activity *find_activity(const struct overview *ov, long long org_id)
{
	size_t lo = 0, hi = ov->nact;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ov->act[mid].org_id == org_id)
			return &ov->act[mid];
		if (ov->act[mid].org_id < org_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void cell_day(struct table *t, int col, long day)
{
	char buf[DATE_DISPLAY_MAX] = "";

	if (day >= 0)
		date_display(day, buf);
	table_cell(t, col, buf);
}

static int overview_org(const struct org *o, void *p)
{
	struct overview *ov = p;
	const struct org_activity *a = find_activity(ov, o->id);
	struct strbuf name = { 0 };
	char num[16];

	table_add_row(ov->orgs);
	for (int i = 0; i < o->depth; i++)
		strbuf_adds(&name, "  ");
	strbuf_adds(&name, o->name);
	table_cell(ov->orgs, 0, name.s);
	table_cell(ov->orgs, 1, org_kind_label(o->kind));
	snprintf(num, sizeof num, "%d", o->members);
	table_cell(ov->orgs, 2, num);
	snprintf(num, sizeof num, "%d", a ? a->held : 0);
	table_cell(ov->orgs, 3, num);
	cell_day(ov->orgs, 4, a ? a->last_held : -1);
	cell_day(ov->orgs, 5, a ? a->next_planned : -1);
	strbuf_free(&name);
	ov->norgs++;
	return 0;
}

static int overview_session(const struct session *s, void *p)
{
	struct overview *ov = p;
	char day[DATE_DISPLAY_MAX], tm[6];

	if (s->state != SESSION_PLANNED)
		return 0;
	table_add_row(ov->next);
	date_display(s->day, day);
	table_cell(ov->next, 0, day);
	if (s->minute >= 0) {
		date_format_time(s->minute, tm);
		table_cell(ov->next, 1, tm);
	} else
		table_cell(ov->next, 1, _("time to be set"));
	table_cell(ov->next, 2, s->org_name);
	table_cell(ov->next, 3, session_kind_label(s->kind));
	table_cell(ov->next, 4, s->topic);
	ov->nnext++;
	return 0;
}

CMD_RUN(cmd_overview)
{
	struct overview ov = { 0 };
	struct period q;
	char qs[DATE_DISPLAY_MAX], today[DATE_DISPLAY_MAX];
	int width = out_terminal_width(ctx->out), rc;

	(void)argc;
	(void)argv;
	period_of(PERIOD_QUARTER, ctx->today, &q);
	period_display(&q, qs);
	date_display(ctx->today, today);
	rc = session_activity(ctx->db, q.first, q.last, ctx->today, collect_activity, &ov);
	if (rc == OL_OK) {
		ov.orgs = table_new(6);
		table_set_header(ov.orgs, 0, _("ORGANIZATION"));
		table_set_header(ov.orgs, 1, _("KIND"));
		table_set_header(ov.orgs, 2, _("MEMBERS"));
		table_set_right(ov.orgs, 2);
		/* TRANSLATORS: sessions held in the quarter named by %s (Q3). */
		{
			char head[64];
			snprintf(head, sizeof head, _("HELD %s"), date_quarter_name(q.index));
			table_set_header(ov.orgs, 3, head);
		}
		table_set_right(ov.orgs, 3);
		table_set_header(ov.orgs, 4, _("LAST HELD"));
		table_set_header(ov.orgs, 5, _("NEXT"));
		rc = org_list(ctx->db, overview_org, &ov);
	}
	if (rc == OL_OK) {
		ov.next = table_new(5);
		table_set_header(ov.next, 0, _("DATE"));
		table_set_header(ov.next, 1, _("TIME"));
		table_set_header(ov.next, 2, _("ORGANIZATION"));
		table_set_header(ov.next, 3, _("KIND"));
		table_set_header(ov.next, 4, _("TOPIC"));
		rc = session_list(ctx->db, 0, ctx->today, ctx->today + 13, overview_session, &ov);
	}
	if (rc == OL_OK) {
		fprintf(ctx->out, _("Today is %s (%s).\n"), today, qs);
		if (ov.norgs == 0)
			fputs(_("The database is empty: add your branch with 'orglife org add NAME --kind branch',\n"
				"or try 'orglife --db demo.db demo'.\n"), ctx->out);
		else {
			fputc('\n', ctx->out);
			table_print(ov.orgs, ctx->out, width);
			fputc('\n', ctx->out);
			if (ov.nnext == 0)
				fputs(_("No sessions are planned for the next two weeks.\n"), ctx->out);
			else {
				fputs(_("Planned for the next two weeks:\n"), ctx->out);
				table_print(ov.next, ctx->out, width);
			}
		}
	}
	table_free(ov.orgs);
	table_free(ov.next);
	free(ov.act);
	return cli_status(ctx, rc);
}

CMD_RUN(cmd_backup)
{
	struct cli_args a;
	int rc;

	if ((rc = cli_parse(ctx, NULL, 1, 1, argc, argv, &a)))
		return rc;
	return cli_status(ctx, db_backup_to(ctx->db, a.pos[0]));
}
