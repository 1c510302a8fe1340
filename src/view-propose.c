/*
 * view-propose.c - the proposals (view.h): sessions that would fill what
 * the rules still need this quarter (agenda_propose), one a line with the
 * day, time, kind and organization, under what they fill.  Enter accepts
 * one (it becomes a planned session), x drops one, A accepts all of them
 * in one transaction.  What found no free working day is listed below.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/agenda.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct propose_view {
	struct screen base;
	struct tui_list list;
	struct agenda_needs needs;
	struct agenda_proposals p;
	int dealt;        /* a proposal was accepted or dropped */
};

/* Rows: the proposals, then a blank line and a heading, and the needs
 * left without a day. */
static int nrows(const struct propose_view *v)
{
	return v->p.n + (v->p.nunplaced ? 2 + v->p.nunplaced : 0) + (v->p.n ? 0 : 1);
}

static void set_rows(struct propose_view *v)
{
	tui_list_set_rows(&v->list, nrows(v));
}

static void draw_need_text(const struct agenda_need *n, struct strbuf *b)
{
	char p[DATE_DISPLAY_MAX];

	period_display(&n->period, p);
	strbuf_addf(b, "%s  %s  %s", session_kind_label(n->kind), n->org, p);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct propose_view *v = ctx;
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : A_NORMAL;
	struct strbuf b = { 0 };

	tui_text(y, x, w, "", base, 1);
	if (row < v->p.n) {
		const struct agenda_proposal *p = &v->p.v[row];
		char day[DATE_DISPLAY_MAX], tm[6];
		date_display_short(p->day, day); /* the title names the quarter */
		date_format_time(p->minute, tm);
		strbuf_addf(&b, "%s %s  %s  %s", day, p->minute >= 0 ? tm : "--:--", session_kind_label(p->kind), p->org);
		tui_text(y, x + 1, 1, "~", base, 0);
		tui_text(y, x + 3, w - 3, b.s, base, 0);
	} else if (!v->p.n && row == 0) {
		const char *why = v->dealt	    ? _("every proposal is dealt with")
				  : v->p.nunplaced ? _("nothing can be proposed")
						   : _("nothing to propose: the rules are met");
		tui_text(y, x + 3, w - 3, why, tui_attr(t, TS_DIM), 0);
	} else {
		int k = row - v->p.n - (v->p.n ? 0 : 1);
		if (k == 1)
			tui_text(y, x + 1, w - 1, _("No working day left free for"), tui_attr(t, TS_HEADING), 0);
		else if (k >= 2) {
			draw_need_text(&v->needs.v[v->p.unplaced[k - 2]], &b);
			tui_text(y, x + 1, 1, severity_mark(SEV_OVERDUE), tui_attr(t, TS_OVERDUE), 0);
			tui_text(y, x + 3, w - 3, b.s, A_NORMAL, 0);
		}
	}
	strbuf_free(&b);
}

static int selectable(void *ctx, int row)
{
	return row < ((struct propose_view *)ctx)->p.n;
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row, .selectable = selectable };

static void propose_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct propose_view *v = (struct propose_view *)s;

	tui_list_draw(&v->list, t, r);
}

static unsigned accept(struct propose_view *v, struct tui *t, int all)
{
	int from = all ? 0 : v->list.sel, n = all ? v->p.n : 1;
	struct session *s;
	long long *ids;
	int rc;

	if (from < 0 || from >= v->p.n || n <= 0)
		return TUI_REDRAW;
	s = xmalloc((size_t)n * sizeof *s);
	ids = xmalloc((size_t)n * sizeof *ids);
	for (int i = 0; i < n; i++)
		agenda_proposal_session(&v->p.v[from + i], &s[i]);
	rc = session_add_all(t->db, s, n, ids);
	if (rc != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	else {
		if (n == 1)
			tui_status(t, TS_OK, _("session %lld planned, saved"), ids[0]);
		else
			tui_status(t, TS_OK, ngettext("%d session planned, saved", "%d sessions planned, saved", n), n);
		for (int i = n - 1; i >= 0; i--)
			agenda_proposals_drop(&v->p, from + i);
		v->dealt = 1;
		tui_changed(t);
		set_rows(v);
	}
	free(s);
	free(ids);
	return TUI_REDRAW;
}

static unsigned propose_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct propose_view *v = (struct propose_view *)s;

	(void)key;
	switch (a) {
	case ACT_ACCEPT: return accept(v, t, 0);
	case ACT_ACCEPT_ALL: return accept(v, t, 1);
	case ACT_DROP:
		if (v->list.sel >= 0 && v->list.sel < v->p.n) {
			agenda_proposals_drop(&v->p, v->list.sel);
			v->dealt = 1;
			set_rows(v);
		}
		return TUI_REDRAW;
	case ACT_IDLE: return TUI_NONE;
	default: return tui_list_key(&v->list, t, a);
	}
}

static void propose_free(struct screen *s)
{
	struct propose_view *v = (struct propose_view *)s;

	agenda_proposals_free(&v->p);
	agenda_needs_free(&v->needs);
	tui_list_free(&v->list);
	free(v);
}

static const struct screen_ops propose_ops = {
	.name = N_("Proposals"),
	.draw = propose_draw,
	.key = propose_key,
	.free = propose_free,
};

struct screen *view_propose_new(struct tui *t, long long org_id)
{
	struct propose_view *v = xmalloc(sizeof *v);
	char q[DATE_DISPLAY_MAX];
	struct period p;
	struct strbuf title = { 0 };

	memset(v, 0, sizeof *v);
	v->base.ops = &propose_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_PROPOSE;
	tui_list_init(&v->list, &list_ops, v, 0);
	if (agenda_needs_load(t->db, &t->rules, t->today, org_id, &v->needs) != OL_OK ||
	    agenda_propose(t->db, &v->needs, t->today, &v->p) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		propose_free(&v->base);
		return NULL;
	}
	period_of(PERIOD_QUARTER, t->today, &p);
	period_display(&p, q);
	strbuf_addf(&title, _("what the rules still need in %s"), q);
	v->base.title = strbuf_detach(&title);
	v->base.gen = t->gen;
	set_rows(v);
	return &v->base;
}
