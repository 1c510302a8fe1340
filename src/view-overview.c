/*
 * view-overview.c - the start screen (view.h): the organization tree with
 * a badge per organization (✓ ok, ! due, ✗ overdue: the worst the engine
 * finds as of today), and a panel for the selected organization: this
 * quarter's progress per rule, then its sessions of the quarter, which
 * Enter opens.  The panel sits beside the tree on a wide terminal and
 * below it on a narrow one.  The tree is painted first; the engine runs on
 * the first idle turn and the badges follow.  An empty database gets a
 * welcome saying what to do first, each step one key away.  r opens the
 * quarterly review (view-review.c).  The logic is overview.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/overview.h>
#include <orglife/pinyin.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

/* Below this width the panel goes under the tree. */
#define SIDE_BY_SIDE_COLS 72

struct panel_session {
	long long id;
	long day;
	int minute;
	enum session_kind kind;
	enum session_state state;
	char *topic;
	char *org;
};

enum panel_kind { PANEL_HEADING, PANEL_RULE, PANEL_SESSION, PANEL_NOTE, PANEL_BLANK };

struct panel_row {
	enum panel_kind kind;
	int index; /* into rules or sessions */
	char *text;
};

struct overview_view {
	struct screen base;
	struct overview ov;
	struct tui_list tree, panel;
	int focus_panel;
	long long panel_org;      /* the organization the panel shows; 0: none yet */
	long long last_org;       /* the one it showed before a reload */
	int panel_ready;          /* built with the findings */
	struct overview_rule rules[R_COUNT];
	int nrules;
	struct panel_session *sessions;
	int nsessions;
	struct panel_row *rows;
	int nrows, caprows;
	int treew;                /* the width the tree needs, measured at each load */
};

/* The widest severity word, so the names line up. */
static int badge_width(void)
{
	int w = 0;

	for (int s = SEV_OK; s <= SEV_OVERDUE; s++)
		if (text_width(severity_label((enum severity)s)) > w)
			w = text_width(severity_label((enum severity)s));
	return w + 2;
}

/* The width the tree needs: badge, indentation, name, members. */
static int tree_need(const struct overview_view *v)
{
	int need = 0;

	for (int i = 0; i < v->ov.norgs; i++) {
		char *name = text_sanitize(v->ov.orgs[i].name, 0);
		int n = 1 + badge_width() + 1 + v->ov.orgs[i].depth * 2 + text_width(name) + 6;
		if (n > need)
			need = n;
		free(name);
	}
	return need;
}

/* ---- loading -------------------------------------------------------------------- */

static void clear_panel(struct overview_view *v)
{
	for (int i = 0; i < v->nsessions; i++) {
		free(v->sessions[i].topic);
		free(v->sessions[i].org);
	}
	free(v->sessions);
	v->sessions = NULL;
	v->nsessions = 0;
	for (int i = 0; i < v->nrows; i++)
		free(v->rows[i].text);
	v->nrows = 0;
	v->nrules = 0;
}

static long long selected_org(const struct overview_view *v)
{
	return v->tree.sel >= 0 && v->tree.sel < v->ov.norgs ? v->ov.orgs[v->tree.sel].id : 0;
}

static void set_scope(struct overview_view *v)
{
	v->base.scope = v->ov.norgs ? TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_OVERVIEW
				    : TUI_SCOPE_GLOBAL | TUI_SCOPE_WELCOME;
}

/* (Re)loads the tree, keeping the selected organization; top: only what
 * fits on the screen (the first frame), the rest when idle. */
static int load(struct overview_view *v, struct tui *t, int top)
{
	long long keep = selected_org(v);
	int rc, i;

	overview_free(&v->ov);
	clear_panel(v);
	v->panel_org = 0;
	rc = top ? overview_load_top(t->db, t->today, LINES > 0 ? LINES : 24, &v->ov)
		 : overview_load_tree(t->db, t->today, &v->ov);
	if (rc != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	tui_list_set_rows(&v->tree, v->ov.norgs);
	i = keep ? overview_find(&v->ov, keep) : -1;
	tui_list_select(&v->tree, i >= 0 ? i : 0);
	if (!v->ov.norgs)
		v->focus_panel = 0;
	v->treew = tree_need(v);
	set_scope(v);
	v->base.gen = t->gen;
	return rc;
}

static int collect_session(const struct session *s, void *ctx)
{
	struct overview_view *v = ctx;
	struct panel_session *p;

	if (!overview_covers(&v->ov, v->panel_org, s->org_id))
		return 0;
	v->sessions = xrealloc(v->sessions, (size_t)(v->nsessions + 1) * sizeof *v->sessions);
	p = &v->sessions[v->nsessions++];
	p->id = s->id;
	p->day = s->day;
	p->minute = s->minute;
	p->kind = s->kind;
	p->state = s->state;
	p->topic = xstrdup(s->topic ? s->topic : "");
	p->org = s->org_id == v->panel_org ? NULL : xstrdup(s->org_name ? s->org_name : "");
	return 0;
}

static void add_row(struct overview_view *v, enum panel_kind kind, int index, const char *text)
{
	if (v->nrows == v->caprows) {
		v->caprows = v->caprows ? v->caprows * 2 : 32;
		v->rows = xrealloc(v->rows, (size_t)v->caprows * sizeof *v->rows);
	}
	v->rows[v->nrows].kind = kind;
	v->rows[v->nrows].index = index;
	v->rows[v->nrows].text = text ? xstrdup(text) : NULL;
	v->nrows++;
}

/* The panel of the selected organization: its rules, then its sessions. */
static void build_panel(struct overview_view *v, struct tui *t)
{
	const struct overview_org *o = &v->ov.orgs[v->tree.sel];
	char qs[DATE_DISPLAY_MAX], buf[256];
	/* Back from a session, or with the findings in: the same line again. */
	int keep = o->id == v->last_org ? v->panel.sel : 0;
	int i;

	clear_panel(v);
	v->panel_org = o->id;
	t->org_id = o->id; /* what the agenda shows */
	v->panel_ready = v->ov.have_findings;
	period_display(&v->ov.quarter, qs);
	snprintf(buf, sizeof buf, _("Rules in %s"), qs);
	add_row(v, PANEL_HEADING, 0, buf);
	if (!v->ov.have_findings)
		add_row(v, PANEL_NOTE, 0, _("checking the rules"));
	else {
		v->nrules = overview_rules(&v->ov, o->id, v->rules, R_COUNT);
		for (i = 0; i < v->nrules; i++)
			add_row(v, PANEL_RULE, i, NULL);
		if (!v->nrules)
			add_row(v, PANEL_NOTE, 0, _("no rule applies to this organization"));
	}
	add_row(v, PANEL_BLANK, 0, NULL);
	snprintf(buf, sizeof buf, _("Sessions in %s"), qs);
	add_row(v, PANEL_HEADING, 0, buf);
	/* A branch's panel holds its groups' sessions too; a committee's only
	 * its own. */
	if ((o->kind == ORG_BRANCH || o->kind == ORG_GROUP
		     ? session_list(t->db, o->id, v->ov.quarter.first, v->ov.quarter.last, collect_session, v)
		     : session_list_own(t->db, o->id, v->ov.quarter.first, v->ov.quarter.last, collect_session, v)) !=
	    OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	for (i = 0; i < v->nsessions; i++)
		add_row(v, PANEL_SESSION, i, NULL);
	if (!v->nsessions)
		add_row(v, PANEL_NOTE, 0, _("none"));
	tui_list_set_rows(&v->panel, v->nrows);
	tui_list_select(&v->panel, keep);
	v->last_org = o->id;
}

/* ---- drawing the tree --------------------------------------------------------------- */

static void draw_org(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct overview_view *v = ctx;
	const struct overview_org *o = &v->ov.orgs[row];
	attr_t base = selected ? (v->focus_panel ? A_BOLD : tui_attr(t, TS_SELECTED)) : A_NORMAL;
	int bw = badge_width(), indent = o->depth * 2, cx = x + 1, numw = w >= 36 ? 5 : 0;
	char num[16];

	tui_text(y, x, w, "", base, 1);
	if (v->ov.have_findings) {
		attr_t sev = base | tui_attr(t, tui_severity_style(o->worst));
		tui_text(y, cx, 1, severity_mark(o->worst), sev, 0);
		tui_text(y, cx + 2, bw - 2, severity_label(o->worst), sev, 0);
	}
	cx += bw + 1;
	if (indent > (x + w - cx) / 3)
		indent = (x + w - cx) / 3;
	tui_text(y, cx + indent, x + w - cx - indent - numw, o->name, base, 0);
	if (numw && o->members >= 0) {
		snprintf(num, sizeof num, "%d", o->members);
		tui_text_right(y, x + w - numw, numw - 1, num, base | tui_attr(t, TS_DIM));
	}
}

static int match_org(void *ctx, int row, const char *needle)
{
	struct overview_view *v = ctx;
	const char *name = v->ov.orgs[row].name;

	return pinyin_match(name, needle);
}

static const struct tui_list_ops tree_ops = { .draw_row = draw_org, .matches = match_org };

/* ---- drawing the panel ---------------------------------------------------------------- */

/* "10✗ 11!" or "Q3✓": a rule's periods and how each stands. */
static void cells_text(const struct overview_rule *r, struct strbuf *b)
{
	for (int i = 0; i < r->ncells; i++) {
		const struct overview_cell *c = &r->cells[i];
		if (i)
			strbuf_addc(b, ' ');
		if (c->has_period && c->period.kind == PERIOD_MONTH)
			strbuf_addf(b, "%02d", c->period.index);
		else if (c->has_period && c->period.kind == PERIOD_QUARTER)
			strbuf_addf(b, "Q%d", c->period.index);
		else if (c->has_period)
			strbuf_addf(b, "%d", c->period.year);
		strbuf_adds(b, severity_mark(c->severity));
	}
}

/* What a rule's line shows at its right end. */
static void rule_right(const struct overview_rule *r, struct strbuf *b)
{
	if (r->nmembers)
		strbuf_addf(b, ngettext("%d member", "%d members", r->nmembers), r->nmembers);
	else
		cells_text(r, b);
}

/* The widest right end of the panel's rules, so the summaries line up. */
static int right_width(const struct overview_view *v)
{
	struct strbuf b = { 0 };
	int w = 0;

	for (int i = 0; i < v->nrules; i++) {
		strbuf_reset(&b);
		rule_right(&v->rules[i], &b);
		if (text_width(strbuf_str(&b)) > w)
			w = text_width(strbuf_str(&b));
	}
	strbuf_free(&b);
	return w;
}

static void draw_rule(struct overview_view *v, struct tui *t, const struct overview_rule *r, int y, int x, int w,
		      attr_t base)
{
	const struct rules_config *cfg = &t->rules;
	struct strbuf right = { 0 };
	attr_t sev = base | tui_attr(t, tui_severity_style(r->worst));
	int rw = right_width(v);

	tui_text(y, x + 1, 1, severity_mark(r->worst), sev, 0);
	rule_right(r, &right);
	if (rw > w / 3)
		rw = w / 3;
	tui_text(y, x + 3, w - 3 - rw - 2, _(cfg->rules[r->rule].summary), base, 0);
	tui_text_right(y, x + w - rw - 1, rw, strbuf_str(&right), sev);
	strbuf_free(&right);
}

static void draw_session(struct overview_view *v, struct tui *t, const struct panel_session *s, int y, int x, int w,
			 attr_t base)
{
	static const char *const marks[] = { [SESSION_PLANNED] = "~", [SESSION_HELD] = "✓", [SESSION_CANCELLED] = "-" };
	static const enum tui_style styles[] = { [SESSION_PLANNED] = TS_NORMAL, [SESSION_HELD] = TS_OK,
						 [SESSION_CANCELLED] = TS_DIM };
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];
	int cx = x + 1;

	(void)v;
	date_display_short(s->day, day); /* the quarter is in the heading */
	tui_text(y, cx, 1, marks[s->state], base | tui_attr(t, styles[s->state]), 0);
	cx += 2;
	cx += tui_text(y, cx, x + w - cx, day, base, 0) + 1;
	if (s->org)
		/* TRANSLATORS: a session's kind, then the party group or branch holding it. */
		strbuf_addf(&b, _("%s (%s)"), session_kind_label(s->kind), s->org);
	else
		strbuf_adds(&b, session_kind_label(s->kind));
	if (s->topic && *s->topic)
		strbuf_addf(&b, "  %s", s->topic);
	tui_text(y, cx, x + w - cx, b.s, base, 0);
	strbuf_free(&b);
}

static void draw_panel_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct overview_view *v = ctx;
	const struct panel_row *r = &v->rows[row];
	attr_t base = selected && v->focus_panel ? tui_attr(t, TS_SELECTED) : A_NORMAL;

	tui_text(y, x, w, "", base, 1);
	switch (r->kind) {
	case PANEL_HEADING: tui_text(y, x + 1, w - 1, r->text, tui_attr(t, TS_HEADING), 0); break;
	case PANEL_NOTE: tui_text(y, x + 3, w - 3, r->text, tui_attr(t, TS_DIM), 0); break;
	case PANEL_RULE: draw_rule(v, t, &v->rules[r->index], y, x, w, base); break;
	case PANEL_SESSION: draw_session(v, t, &v->sessions[r->index], y, x, w, base); break;
	default: break;
	}
}

static int panel_selectable(void *ctx, int row)
{
	struct overview_view *v = ctx;

	return v->rows[row].kind == PANEL_RULE || v->rows[row].kind == PANEL_SESSION;
}

static int match_panel(void *ctx, int row, const char *needle)
{
	struct overview_view *v = ctx;
	const struct panel_row *r = &v->rows[row];

	return r->kind == PANEL_SESSION && pinyin_match(v->sessions[r->index].topic, needle);
}

static const struct tui_list_ops panel_ops = {
	.draw_row = draw_panel_row, .selectable = panel_selectable, .matches = match_panel
};

/* ---- the welcome ---------------------------------------------------------------------- */

static void draw_welcome(struct overview_view *v, struct tui *t, const struct tui_rect *r)
{
	static const struct {
		const char *key, *what, *cmd;
	} steps[] = {
		{ "a", N_("add your branch"), "orglife org add NAME --kind branch" },
		{ "i", N_("import its members from a spreadsheet (CSV)"), "orglife member import FILE --org BRANCH" },
		{ ":", N_("any other command, as on the command line"), "orglife demo" },
		{ "q", N_("quit"), "" },
	};
	char buf[512];
	int y = r->y + 1, x = r->x + 2, w = r->w - 4;

	(void)v;
	tui_text(y++, x, w, _("Welcome to orglife."), tui_attr(t, TS_HEADING), 0);
	y++;
	snprintf(buf, sizeof buf, _("The database %s is empty. To begin:"), t->db_path ? t->db_path : "");
	tui_text(y++, x, w, buf, A_NORMAL, 0);
	y++;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0] && y < r->y + r->h; i++) {
		tui_text(y, x + 2, 1, steps[i].key, tui_attr(t, TS_KEY), 0);
		tui_text(y++, x + 6, w - 6, _(steps[i].what), A_NORMAL, 0);
		if (*steps[i].cmd && y < r->y + r->h)
			tui_text(y++, x + 6, w - 6, steps[i].cmd, tui_attr(t, TS_DIM), 0);
	}
	if (y + 1 < r->y + r->h)
		tui_text(y + 1, x, w, _("'orglife demo' fills an empty database with a demo to try things on."),
			 tui_attr(t, TS_DIM), 0);
}

/* ---- the screen ----------------------------------------------------------------------- */

/* As wide as the tree needs, between two fifths and three fifths of w. */
static int tree_width(const struct overview_view *v, int w)
{
	int need = v->treew;

	if (need < w * 2 / 5)
		need = w * 2 / 5;
	if (need > w * 3 / 5)
		need = w * 3 / 5;
	return need;
}

static void overview_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct overview_view *v = (struct overview_view *)s;
	struct tui_rect tree = *r, panel = *r;

	if (s->gen != t->gen)
		load(v, t, 0);
	if (!v->ov.norgs) {
		draw_welcome(v, t, r);
		return;
	}
	if (v->ov.partial || !v->ov.have_findings)
		tui_want_idle(t);
	if (selected_org(v) != v->panel_org || v->panel_ready != v->ov.have_findings)
		build_panel(v, t);
	if (r->w >= SIDE_BY_SIDE_COLS) {
		tree.w = tree_width(v, r->w);
		panel.x = tree.w + 1;
		panel.w = r->w - panel.x;
	} else {
		tree.h = r->h / 2;
		panel.y = r->y + tree.h;
		panel.h = r->h - tree.h;
	}
	tui_list_draw(&v->tree, t, &tree);
	tui_list_draw(&v->panel, t, &panel);
}

/* Enter in the panel: a session opens; a rule shows its worst finding. */
static unsigned open_panel_row(struct overview_view *v, struct tui *t)
{
	const struct panel_row *r = v->panel.sel >= 0 ? &v->rows[v->panel.sel] : NULL;
	struct screen *next;

	if (r && r->kind == PANEL_SESSION) {
		if ((next = view_session_new(t, v->sessions[r->index].id)))
			tui_push(t, next);
	} else if (r && r->kind == PANEL_RULE) {
		const struct overview_rule *rule = &v->rules[r->index];
		const struct overview_finding *f = &v->ov.review[rule->first];
		struct strbuf msg = { 0 };
		strbuf_addf(&msg, "%s ", severity_mark(rule->worst));
		strbuf_addf(&msg, _("%s: %s"), rules_id(rule->rule), f->message);
		tui_status(t, tui_severity_style(rule->worst), "%s", msg.s);
		strbuf_free(&msg);
	}
	return TUI_REDRAW;
}

static unsigned welcome_key(struct tui *t, enum tui_action a)
{
	if (a == ACT_ADD_BRANCH)
		tui_command_open(t, "org add ");
	else if (a == ACT_IMPORT)
		tui_command_open(t, "member import ");
	else
		return TUI_PASS;
	return TUI_REDRAW;
}

static unsigned tree_key(struct overview_view *v, struct tui *t, enum tui_action a)
{
	if (a == ACT_OPEN || a == ACT_RIGHT) {
		if (v->nsessions || v->nrules) {
			v->focus_panel = 1;
			tui_list_select(&v->panel, 0);
		}
		return TUI_REDRAW;
	}
	if (a == ACT_LEFT)
		return TUI_NONE;
	return tui_list_key(&v->tree, t, a);
}

static unsigned panel_key(struct overview_view *v, struct tui *t, enum tui_action a)
{
	if (a == ACT_LEFT || a == ACT_BACK) {
		v->focus_panel = 0;
		return TUI_REDRAW;
	}
	if (a == ACT_OPEN)
		return open_panel_row(v, t);
	if (a == ACT_RIGHT)
		return TUI_NONE;
	return tui_list_key(&v->panel, t, a);
}

static unsigned overview_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct overview_view *v = (struct overview_view *)s;

	(void)key;
	if (a == ACT_IDLE) {
		/* After the first frame: the whole tree, then the findings. */
		if (v->ov.partial)
			load(v, t, 0);
		else if (v->ov.norgs && !v->ov.have_findings &&
			 overview_load_findings(t->db, &t->rules, &v->ov) != OL_OK)
			tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	if (!v->ov.norgs)
		return welcome_key(t, a);
	if (a == ACT_REVIEW) {
		struct screen *review = view_review_new(t);
		if (review)
			tui_push(t, review);
		return TUI_REDRAW;
	}
	return v->focus_panel ? panel_key(v, t, a) : tree_key(v, t, a);
}

static void overview_view_free(struct screen *s)
{
	struct overview_view *v = (struct overview_view *)s;

	clear_panel(v);
	free(v->rows);
	overview_free(&v->ov);
	tui_list_free(&v->tree);
	tui_list_free(&v->panel);
	free(v);
}

static const struct screen_ops overview_ops = {
	.name = N_("Overview"),
	.draw = overview_draw,
	.key = overview_key,
	.free = overview_view_free,
};

struct screen *view_overview_new(struct tui *t)
{
	struct overview_view *v = xmalloc(sizeof *v);

	memset(v, 0, sizeof *v);
	v->base.ops = &overview_ops;
	tui_list_init(&v->tree, &tree_ops, v, 0);
	tui_list_init(&v->panel, &panel_ops, v, 0);
	if (load(v, t, 1) != OL_OK) {
		overview_view_free(&v->base);
		return NULL;
	}
	return &v->base;
}
