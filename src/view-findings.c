/*
 * view-findings.c - one organization's findings in a quarter's review
 * (view.h), what Enter opens on the Review screen: rule by rule, the
 * worst first, each finding with its period, its mark and word, and its
 * sentence (a party group's or a member's name before it), wrapped to the
 * screen; under a finding about a session (a quorum), that session, which
 * Enter opens.  The order is review-grid.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/review-grid.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

/* Narrower than this, a finding shows its mark without its period and word. */
#define WORDS_MIN_COLS 60

enum line_kind { LINE_RULE, LINE_FINDING, LINE_MORE, LINE_SESSION, LINE_SESSION_MORE, LINE_BLANK };

struct line {
	enum line_kind kind;
	int item;  /* into g.items */
	char *text;
};

struct findings_view {
	struct screen base;
	struct tui_list list;
	struct period quarter;
	long long org_id;
	int rule;              /* the rule whose first finding is selected first; -1 any */
	int placed;            /* that first selection is made */
	struct review_grid g;
	int first, n;          /* the organization's items in g */
	char **sessions;       /* per item: the session line, NULL none */
	struct line *lines;
	int nlines, caplines;
	int width;             /* the lines are laid out for this width; -1: again */
	int periodw;           /* the widest period, as people read it; -1: none shown */
	int textx;             /* where a finding's sentence starts */
};

/* ---- loading ---------------------------------------------------------------------- */

static void free_sessions(struct findings_view *v)
{
	for (int i = 0; v->sessions && i < v->n; i++)
		free(v->sessions[i]);
	free(v->sessions);
	v->sessions = NULL;
}

/* "session 1427: Fri 10 Jul, general assembly  全程点名" (the quarter in
 * the title names the year) */
static char *session_line(struct tui *t, long long id)
{
	struct session s = { 0 };
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];

	if (session_get(t->db, id, &s) != OL_OK) {
		strbuf_addf(&b, _("session %lld"), id);
		return strbuf_detach(&b);
	}
	date_display_short(s.day, day);
	strbuf_addf(&b, _("session %lld: %s, %s"), id, day, session_kind_label(s.kind));
	if (s.topic && *s.topic)
		strbuf_addf(&b, "  %s", s.topic);
	session_clear(&s);
	return strbuf_detach(&b);
}

static int load(struct findings_view *v, struct tui *t)
{
	int rc;

	free_sessions(v);
	review_grid_free(&v->g);
	review_grid_init(&v->g, &v->quarter, t->today, 1);
	rc = review_grid_load(t->db, &t->rules, v->org_id, &v->g);
	if (rc != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	v->n = review_grid_items(&v->g, v->org_id, &v->first);
	v->sessions = xmalloc((size_t)(v->n ? v->n : 1) * sizeof *v->sessions);
	for (int i = 0; i < v->n; i++) {
		const struct review_item *it = &v->g.items[v->first + i];
		v->sessions[i] = it->session_id ? session_line(t, it->session_id) : NULL;
	}
	v->width = -1;
	v->base.gen = t->gen;
	return rc;
}

/* ---- the lines ------------------------------------------------------------------------ */

static void add_line(struct findings_view *v, enum line_kind kind, int item, const char *text)
{
	if (v->nlines == v->caplines) {
		v->caplines = v->caplines ? v->caplines * 2 : 64;
		v->lines = xrealloc(v->lines, (size_t)v->caplines * sizeof *v->lines);
	}
	v->lines[v->nlines].kind = kind;
	v->lines[v->nlines].item = item;
	v->lines[v->nlines].text = text ? xstrdup(text) : NULL;
	v->nlines++;
}

static void free_lines(struct findings_view *v)
{
	for (int i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	v->nlines = 0;
}

struct wrap_ctx {
	struct findings_view *v;
	int item;
	enum line_kind first, more; /* the kinds of the first line and the others */
};

static void add_wrapped(void *p, const char *text)
{
	struct wrap_ctx *c = p;

	add_line(c->v, c->first, c->item, text);
	c->first = c->more;
}

/* The widest mark word, so the sentences line up. */
static int words_width(void)
{
	int w = 0;

	for (int m = REVIEW_OK; m < REVIEW_MARKS; m++)
		if (text_width(review_mark_label((enum review_mark)m)) > w)
			w = text_width(review_mark_label((enum review_mark)m));
	return w;
}

/* A finding's sentence, after whose it is: a member's, or a party group's
 * in its branch's findings. */
static void sentence(const struct findings_view *v, const struct review_item *it, struct strbuf *b)
{
	const char *who = it->member ? it->member : it->org_id != v->org_id ? it->org : NULL;

	if (who)
		/* TRANSLATORS: a member's or a party group's name, then a finding about them. */
		strbuf_addf(b, _("%s: %s"), who, it->message);
	else
		strbuf_adds(b, it->message);
}

/* Lays the findings out for width columns: a heading per rule, the
 * sentences wrapped under themselves, a session under its finding. */
static void build(struct findings_view *v, int width)
{
	struct strbuf b = { 0 };
	int i, rule = -1;

	free_lines(v);
	v->periodw = 0;
	for (i = 0; i < v->n; i++) {
		char period[DATE_DISPLAY_MAX];
		if (!v->g.items[v->first + i].has_period)
			continue;
		period_display(&v->g.items[v->first + i].period, period);
		if (text_width(period) > v->periodw)
			v->periodw = text_width(period);
	}
	/* Two spaces, the period (Jul 2026), a space, the mark, a space and
	 * its word, two spaces, the sentence.  Narrow, the mark alone: the
	 * sentences name their periods too. */
	if (width < WORDS_MIN_COLS)
		v->periodw = -1;
	v->textx = 2 + v->periodw + 1 + 1 + 1 + (width >= WORDS_MIN_COLS ? words_width() + 2 : 1);
	for (i = 0; i < v->n; i++) {
		const struct review_item *it = &v->g.items[v->first + i];
		struct wrap_ctx c = { .v = v, .item = i, .first = LINE_FINDING, .more = LINE_MORE };
		if ((int)it->rule != rule) {
			if (rule >= 0)
				add_line(v, LINE_BLANK, i, NULL);
			add_line(v, LINE_RULE, i, NULL);
			rule = (int)it->rule;
		}
		strbuf_reset(&b);
		sentence(v, it, &b);
		tui_wrap(strbuf_str(&b), width - v->textx - 1, add_wrapped, &c);
		c.first = LINE_SESSION;
		c.more = LINE_SESSION_MORE;
		if (v->sessions[i])
			tui_wrap(v->sessions[i], width - v->textx - 1, add_wrapped, &c);
	}
	strbuf_free(&b);
	v->width = width;
	tui_list_set_rows(&v->list, v->nlines);
}

/* The first finding of rule, its heading in view; else the first line
 * that can be selected. */
static void select_rule(struct findings_view *v, int rule)
{
	for (int i = 0; i < v->nlines; i++) {
		const struct review_item *it = &v->g.items[v->first + v->lines[i].item];
		if (v->lines[i].kind == LINE_FINDING && (rule < 0 || (int)it->rule == rule)) {
			tui_list_select_from(&v->list, i, i > 0 && v->lines[i - 1].kind == LINE_RULE ? i - 1 : i);
			return;
		}
	}
	tui_list_select(&v->list, 0);
}

/* ---- drawing -------------------------------------------------------------------------- */

static void draw_rule(struct findings_view *v, struct tui *t, const struct review_item *it, int y, int x, int w)
{
	enum review_mark m = (enum review_mark)v->g.rows[it->row].marks[it->rule];
	int cx = x + 1;

	tui_text(y, cx, 1, review_mark_symbol(m), tui_attr(t, view_review_style(m)), 0);
	cx += 2;
	cx += tui_text(y, cx, x + w - cx, rules_id(it->rule), tui_attr(t, TS_HEADING), 0) + 2;
	tui_text(y, cx, x + w - cx, _(t->rules.rules[it->rule].summary), tui_attr(t, TS_HEADING), 0);
}

static void draw_finding(struct findings_view *v, struct tui *t, const struct line *l, int y, int x, int w,
			 attr_t base)
{
	const struct review_item *it = &v->g.items[v->first + l->item];
	attr_t sev = base | tui_attr(t, view_review_style(it->mark));
	char period[DATE_DISPLAY_MAX] = "";
	int markx = 2 + v->periodw + 1;

	if (it->has_period && v->periodw > 0) {
		period_display(&it->period, period);
		tui_text(y, x + 2, v->periodw, period, base, 0);
	}
	tui_text(y, x + markx, 1, review_mark_symbol(it->mark), sev, 0);
	if (w >= WORDS_MIN_COLS)
		tui_text(y, x + markx + 2, v->textx - markx - 4, review_mark_label(it->mark), sev, 0);
	tui_text(y, x + v->textx, w - v->textx - 1, l->text, base, 0);
}

static void draw_line(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct findings_view *v = ctx;
	const struct line *l = &v->lines[row];
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : A_NORMAL;

	tui_text(y, x, w, "", base, 1);
	switch (l->kind) {
	case LINE_RULE: draw_rule(v, t, &v->g.items[v->first + l->item], y, x, w); break;
	case LINE_FINDING: draw_finding(v, t, l, y, x, w, base); break;
	case LINE_MORE: tui_text(y, x + v->textx, w - v->textx - 1, l->text, base, 0); break;
	case LINE_SESSION:
	case LINE_SESSION_MORE:
		tui_text(y, x + v->textx, w - v->textx - 1, l->text, base | tui_attr(t, TS_KEY), 0);
		break;
	default: break;
	}
}

static int line_selectable(void *ctx, int row)
{
	struct findings_view *v = ctx;

	return v->lines[row].kind == LINE_FINDING || v->lines[row].kind == LINE_SESSION;
}

static const struct tui_list_ops list_ops = { .draw_row = draw_line, .selectable = line_selectable };

/* Selects the line of kind for item, laid out anew (the first line of
 * the nearest item when the findings changed). */
static void select_item(struct findings_view *v, int item, enum line_kind kind)
{
	int i;

	for (i = 0; i < v->nlines; i++)
		if (v->lines[i].item >= item && (v->lines[i].item > item || v->lines[i].kind == kind))
			break;
	tui_list_select(&v->list, i);
}

static void findings_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct findings_view *v = (struct findings_view *)s;
	const struct line *sel = v->list.sel >= 0 && v->list.sel < v->nlines ? &v->lines[v->list.sel] : NULL;
	int item = sel ? sel->item : 0;
	enum line_kind kind = sel ? sel->kind : LINE_FINDING;

	if (s->gen != t->gen)
		load(v, t);
	if (v->width != r->w) {
		build(v, r->w);
		/* The first time the rule asked for; later the same finding. */
		if (!v->placed)
			select_rule(v, v->rule);
		else
			select_item(v, item, kind);
		v->placed = 1;
	}
	if (!v->n) {
		tui_text(r->y + 1, r->x + 3, r->w - 4, _("Nothing found for this organization in this quarter."), A_NORMAL,
			 0);
		return;
	}
	tui_list_draw(&v->list, t, r);
}

/* ---- keys ------------------------------------------------------------------------------- */

static unsigned findings_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct findings_view *v = (struct findings_view *)s;
	const struct line *l = v->list.sel >= 0 && v->list.sel < v->nlines ? &v->lines[v->list.sel] : NULL;
	struct screen *next;

	(void)key;
	if (a == ACT_IDLE)
		return TUI_NONE;
	if (a != ACT_OPEN)
		return tui_list_key(&v->list, t, a);
	if (!l)
		return TUI_NONE;
	if (v->g.items[v->first + l->item].session_id) {
		if ((next = view_session_new(t, v->g.items[v->first + l->item].session_id)))
			tui_push(t, next);
	} else
		tui_status(t, TS_NORMAL, _("no session is behind this finding"));
	return TUI_REDRAW;
}

/* The lines are laid out for a width: lay them out again at the next draw. */
static void findings_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct findings_view *)s)->width = -1;
}

static void findings_free(struct screen *s)
{
	struct findings_view *v = (struct findings_view *)s;

	free_lines(v);
	free(v->lines);
	free_sessions(v);
	review_grid_free(&v->g);
	tui_list_free(&v->list);
	free(v);
}

static const struct screen_ops findings_ops = {
	.name = N_("Findings"),
	.draw = findings_draw,
	.key = findings_key,
	.resize = findings_resize,
	.free = findings_free,
};

struct screen *view_findings_new(struct tui *t, const struct period *quarter, long long org_id, int rule)
{
	struct findings_view *v = xmalloc(sizeof *v);
	struct strbuf title = { 0 };
	char qs[DATE_DISPLAY_MAX];
	int row;

	memset(v, 0, sizeof *v);
	v->base.ops = &findings_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FINDINGS;
	v->quarter = *quarter;
	v->org_id = org_id;
	v->rule = rule;
	tui_list_init(&v->list, &list_ops, v, 0);
	if (load(v, t) != OL_OK) {
		findings_free(&v->base);
		return NULL;
	}
	period_display(quarter, qs);
	row = review_grid_find(&v->g, org_id);
	if (row >= 0)
		/* TRANSLATORS: the title of an organization's findings: its name, then the quarter. */
		strbuf_addf(&title, _("%s, %s"), v->g.rows[row].name, qs);
	else
		strbuf_adds(&title, qs);
	v->base.title = strbuf_detach(&title);
	return &v->base;
}
