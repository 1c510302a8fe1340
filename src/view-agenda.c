/*
 * view-agenda.c - the Agenda screen (view.h): the sessions of the
 * organization the screens are about (the overview's selection) by day,
 * week, month or quarter, under what the rules still need this quarter.
 * `a` adds a session and `e` edits one in the session form, `m` moves and
 * `c` cancels one, Enter opens a session or plans what a line says is
 * missing, `p` proposes sessions for all of it.  The sessions are painted
 * first; the engine runs on the first idle turn.  The logic is agenda.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/agenda.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/holidays.h>
#include <orglife/i18n.h>
#include <orglife/org.h>
#include <orglife/pinyin.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct agenda_screen {
	struct screen base;
	struct tui_list list;
	struct agenda a;
	char *org;          /* the organization's name, NULL: all */
	int needs_ready;    /* the engine has run since the last change */
	long long moving;   /* the session the move prompt is for */
};

/* ---- loading -------------------------------------------------------------------- */

static const struct agenda_session *selected_session(const struct agenda_screen *v)
{
	const struct agenda_row *r = v->list.sel >= 0 && v->list.sel < v->a.nrows ? &v->a.rows[v->list.sel] : NULL;

	return r && r->kind == AGENDA_ROW_SESSION ? &v->a.sessions[r->index] : NULL;
}

/* The row of session id, or -1. */
static int row_of_session(const struct agenda_screen *v, long long id)
{
	for (int i = 0; i < v->a.nrows; i++)
		if (v->a.rows[i].kind == AGENDA_ROW_SESSION && v->a.sessions[v->a.rows[i].index].id == id)
			return i;
	return -1;
}

/* "Week: Mon 13 Jul - Sun 19 Jul 2026", what the sessions' heading says. */
static void range_text(const struct agenda_screen *v, struct strbuf *t)
{
	char a[DATE_DISPLAY_MAX], b[DATE_DISPLAY_MAX], range[2 * DATE_DISPLAY_MAX + 4];
	struct period p;

	switch (v->a.view) {
	case AGENDA_DAY:
		date_display(v->a.first, range);
		break;
	case AGENDA_WEEK:
		date_display_short(v->a.first, a);
		date_display(v->a.last, b);
		snprintf(range, sizeof range, "%s - %s", a, b);
		break;
	default:
		period_of(v->a.view == AGENDA_MONTH ? PERIOD_MONTH : PERIOD_QUARTER, v->a.first, &p);
		period_display(&p, range);
		break;
	}
	strbuf_addf(t, _("%s: %s"), agenda_view_name(v->a.view), range);
}

/* Reloads the sessions of the view, keeping the selected session when it
 * is still shown, else going to day. */
static void load(struct agenda_screen *v, struct tui *t, long day)
{
	const struct agenda_session *sel = selected_session(v);
	long long keep = sel ? sel->id : 0;
	int row;

	if (v->base.gen != t->gen) {
		agenda_needs_free(&v->a.needs);
		v->needs_ready = 0;
	}
	v->a.today = t->today;
	if (agenda_load(t->db, &v->a) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	v->base.gen = t->gen;
	tui_list_set_rows(&v->list, v->a.nrows);
	row = keep ? row_of_session(v, keep) : -1;
	if (row < 0)
		row = agenda_row_of_day(&v->a, day);
	tui_list_select(&v->list, row >= 0 ? row : 0);
}

/* ---- drawing -------------------------------------------------------------------- */

static void draw_heading(struct agenda_screen *v, struct tui *t, int index, int y, int x, int w)
{
	char q[DATE_DISPLAY_MAX], buf[128];
	struct period p;

	if (index == 0) {
		period_of(PERIOD_QUARTER, t->today, &p);
		period_display(&p, q);
		snprintf(buf, sizeof buf, v->needs_ready ? _("Still to plan in %s") : _("Still to plan in %s: checking the rules"),
			 q);
		tui_text(y, x + 1, w - 1, buf, tui_attr(t, TS_HEADING), 0);
	} else {
		struct strbuf b = { 0 };
		range_text(v, &b);
		tui_text(y, x + 1, w - 1, b.s, tui_attr(t, TS_HEADING), 0);
		strbuf_free(&b);
	}
}

static void draw_need(struct agenda_screen *v, struct tui *t, const struct agenda_need *n, int y, int x, int w,
		      attr_t base)
{
	char p[DATE_DISPLAY_MAX];
	struct strbuf b = { 0 };

	period_display(&n->period, p);
	strbuf_addf(&b, "%s  %s", p, session_kind_label(n->kind));
	if (n->missing > 1)
		strbuf_addf(&b, " x%d", n->missing);
	if (!v->org || n->org_id != v->a.org_id)
		strbuf_addf(&b, "  %s", n->org);
	/* Due: its period is the one we are in. */
	if (n->period.first <= t->today)
		tui_text(y, x + 1, 1, severity_mark(SEV_DUE), base | tui_attr(t, TS_DUE), 0);
	tui_text(y, x + 3, w - 3, b.s, base, 0);
	strbuf_free(&b);
}

static void draw_day(struct agenda_screen *v, struct tui *t, long day, int y, int x, int w, attr_t base)
{
	char d[DATE_DISPLAY_MAX];
	const char *name;
	enum holiday_kind h = holiday_of(day, &name);
	struct strbuf b = { 0 };
	enum tui_style style = h == HOLIDAY_OFF || (h == HOLIDAY_NONE && date_weekday(day) > 5) ? TS_DIM : TS_HEADING;

	(void)v;
	date_display(day, d);
	strbuf_adds(&b, d);
	if (day == t->today) {
		strbuf_adds(&b, "  ");
		strbuf_adds(&b, _("(today)"));
	}
	if (h == HOLIDAY_OFF || h == HOLIDAY_WORK)
		strbuf_adds(&b, "  ");
	if (h == HOLIDAY_OFF)
		/* TRANSLATORS: a statutory holiday's name (国庆节), then what the day is. */
		strbuf_addf(&b, _("%s, day off"), name ? name : "");
	else if (h == HOLIDAY_WORK)
		/* TRANSLATORS: a statutory holiday's name (国庆节), then what the day is. */
		strbuf_addf(&b, _("%s, a working day"), name ? name : "");
	tui_text(y, x + 1, w - 1, b.s, base | tui_attr(t, style), 0);
	strbuf_free(&b);
}

static void draw_session(struct agenda_screen *v, struct tui *t, const struct agenda_session *s, int y, int x, int w,
			 attr_t base)
{
	static const char *const marks[] = { [SESSION_PLANNED] = "~", [SESSION_HELD] = "✓", [SESSION_CANCELLED] = "-" };
	static const enum tui_style styles[] = { [SESSION_PLANNED] = TS_NORMAL, [SESSION_HELD] = TS_OK,
						 [SESSION_CANCELLED] = TS_DIM };
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX], tm[6];

	tui_text(y, x + 1, 1, marks[s->state], base | tui_attr(t, styles[s->state]), 0);
	if (v->a.view == AGENDA_LIST) {
		date_display_short(s->day, day);
		strbuf_addf(&b, "%s ", day);
	}
	date_format_time(s->minute, tm);
	strbuf_addf(&b, "%-5s  %s", s->minute >= 0 ? tm : "--:--", session_kind_label(s->kind));
	if (s->also != SK_NONE)
		strbuf_addf(&b, " + %s", session_kind_label(s->also));
	if (s->org_id != v->a.org_id)
		strbuf_addf(&b, "  %s", s->org);
	if (*s->topic)
		strbuf_addf(&b, "  %s", s->topic);
	if (s->state == SESSION_CANCELLED) {
		strbuf_adds(&b, "  ");
		/* TRANSLATORS: a session's state after its line in the agenda. */
		strbuf_addf(&b, _("(%s)"), session_state_label(s->state));
	}
	tui_text(y, x + 3, w - 3, b.s, base | (s->state == SESSION_CANCELLED ? tui_attr(t, TS_DIM) : A_NORMAL), 0);
	strbuf_free(&b);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct agenda_screen *v = ctx;
	const struct agenda_row *r = &v->a.rows[row];
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : A_NORMAL;

	tui_text(y, x, w, "", base, 1);
	switch (r->kind) {
	case AGENDA_ROW_HEADING: draw_heading(v, t, r->index, y, x, w); break;
	case AGENDA_ROW_NEED: draw_need(v, t, &v->a.needs.v[r->index], y, x, w, base); break;
	case AGENDA_ROW_DAY: draw_day(v, t, r->day, y, x, w, base); break;
	case AGENDA_ROW_SESSION: draw_session(v, t, &v->a.sessions[r->index], y, x, w, base); break;
	case AGENDA_ROW_NONE:
		if (r->index == 0 && !v->needs_ready)
			break;
		tui_text(y, x + 3, w - 3, r->index == 0 ? _("nothing: the rules are met") : _("no sessions"),
			 tui_attr(t, TS_DIM), 0);
		break;
	default: break;
	}
}

static int selectable(void *ctx, int row)
{
	struct agenda_screen *v = ctx;

	/* A day too: `a` or Enter there plans a session on it. */
	return v->a.rows[row].kind == AGENDA_ROW_SESSION || v->a.rows[row].kind == AGENDA_ROW_NEED ||
	       v->a.rows[row].kind == AGENDA_ROW_DAY;
}

static int matches(void *ctx, int row, const char *needle)
{
	struct agenda_screen *v = ctx;
	const struct agenda_row *r = &v->a.rows[row];

	if (r->kind == AGENDA_ROW_NEED)
		return pinyin_match(v->a.needs.v[r->index].org, needle);
	return r->kind == AGENDA_ROW_SESSION &&
	       (pinyin_match(v->a.sessions[r->index].topic, needle) || pinyin_match(v->a.sessions[r->index].org, needle));
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row, .selectable = selectable, .matches = matches };

static void agenda_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct agenda_screen *v = (struct agenda_screen *)s;

	if (s->gen != t->gen || v->a.today != t->today)
		load(v, t, v->a.day);
	if (!v->needs_ready)
		tui_want_idle(t);
	tui_list_draw(&v->list, t, r);
}

/* ---- keys ---------------------------------------------------------------------- */

/* The selected session, when it is planned; else says why not. */
static const struct agenda_session *planned_session(struct agenda_screen *v, struct tui *t)
{
	const struct agenda_session *s = selected_session(v);

	if (!s)
		tui_status(t, TS_NORMAL, "%s", _("select a session first"));
	else if (s->state != SESSION_PLANNED)
		tui_status(t, TS_NORMAL, _("this session is %s: only a planned one changes"), session_state_label(s->state));
	else
		return s;
	return NULL;
}

static unsigned cancel_done(struct tui *t, void *ctx, const char *answer)
{
	struct agenda_screen *v = ctx;
	const struct agenda_session *s = selected_session(v);

	if (!answer || !s)
		return TUI_REDRAW;
	if (session_cancel(t->db, s->id) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	else {
		tui_status(t, TS_OK, _("session %lld cancelled, saved"), s->id);
		tui_changed(t);
	}
	return TUI_REDRAW;
}

static unsigned move_done(struct tui *t, void *ctx, const char *text)
{
	struct agenda_screen *v = ctx;
	char day_s[DATE_DISPLAY_MAX], tm[6];
	const char *err;
	long day;
	int minute;

	if (!text)
		return TUI_REDRAW;
	if (date_parse(text, t->today, DATE_ALLOW_TIME, &day, &minute, &err) != 0) {
		char *w = text_sanitize(text, 0);
		tui_status(t, TS_OVERDUE, "'%s': %s", w, _(err));
		free(w);
	} else if (session_move(t->db, v->moving, day, minute) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	else {
		date_display(day, day_s);
		date_format_time(minute, tm);
		if (minute >= 0)
			snprintf(day_s + strlen(day_s), sizeof day_s - strlen(day_s), " %s", tm);
		tui_status(t, TS_OK, _("session %lld moved to %s, saved"), v->moving, day_s);
		tui_changed(t);
		v->a.day = day;
	}
	return TUI_REDRAW;
}

/* The day the selection is on, else the day the view is around. */
static long selected_day(const struct agenda_screen *v)
{
	const struct agenda_row *r = v->list.sel >= 0 ? &v->a.rows[v->list.sel] : NULL;

	return r && r->day >= 0 ? r->day : v->a.day;
}

static void open_form(struct tui *t, long long id, const struct session *init)
{
	struct screen *f = view_session_form_new(t, id, init);

	if (f)
		tui_push(t, f);
}

/* Enter on what is still to plan: the form, filled with a proposal. */
static void plan_need(struct tui *t, const struct agenda_need *n)
{
	struct agenda_need one = *n;
	struct agenda_needs needs = { .v = &one, .n = 1 };
	struct agenda_proposals p;
	struct session s;

	one.missing = 1;
	if (agenda_propose(t->db, &needs, t->today, &p) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return;
	}
	if (p.n)
		agenda_proposal_session(&p.v[0], &s);
	else {
		/* No working day left free: the form says when to type. */
		memset(&s, 0, sizeof s);
		s.org_id = n->org_id;
		s.kind = n->kind;
		s.also = SK_NONE;
		s.day = -1;
		s.minute = -1;
	}
	open_form(t, 0, &s);
	agenda_proposals_free(&p);
}

static unsigned add_session(struct agenda_screen *v, struct tui *t)
{
	struct session s;

	memset(&s, 0, sizeof s);
	s.org_id = v->a.org_id;
	s.kind = SK_NONE;
	s.also = SK_NONE;
	s.day = selected_day(v);
	s.minute = -1;
	open_form(t, 0, &s);
	return TUI_REDRAW;
}

static unsigned open_row(struct agenda_screen *v, struct tui *t)
{
	const struct agenda_row *r = v->list.sel >= 0 ? &v->a.rows[v->list.sel] : NULL;
	struct screen *next;

	if (r && r->kind == AGENDA_ROW_SESSION) {
		if ((next = view_session_new(t, v->a.sessions[r->index].id)))
			tui_push(t, next);
	} else if (r && r->kind == AGENDA_ROW_NEED)
		plan_need(t, &v->a.needs.v[r->index]);
	else if (r && r->kind == AGENDA_ROW_DAY)
		return add_session(v, t);
	return TUI_REDRAW;
}

static unsigned agenda_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct agenda_screen *v = (struct agenda_screen *)s;
	const struct agenda_session *sel;
	struct screen *next;
	char buf[DATE_DISPLAY_MAX], iso[11], tm[6], q[160];

	(void)key;
	switch (a) {
	case ACT_IDLE:
		if (!v->needs_ready) {
			v->needs_ready = 1;
			if (agenda_needs_load(t->db, &t->rules, t->today, v->a.org_id, &v->a.needs) != OL_OK)
				tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
			load(v, t, v->a.day);
		}
		return TUI_REDRAW;
	case ACT_OPEN: return open_row(v, t);
	case ACT_ADD: return add_session(v, t);
	case ACT_EDIT:
		if ((sel = planned_session(v, t)))
			open_form(t, sel->id, NULL);
		return TUI_REDRAW;
	case ACT_MOVE:
		if ((sel = planned_session(v, t))) {
			v->moving = sel->id;
			date_format(sel->day, iso);
			date_format_time(sel->minute, tm);
			snprintf(q, sizeof q, "%s %s", iso, tm);
			tui_prompt(t, _("Move to (date and time): "), q, NULL, move_done, v);
		}
		return TUI_REDRAW;
	case ACT_CANCEL:
		if ((sel = planned_session(v, t))) {
			date_display(sel->day, buf);
			snprintf(q, sizeof q, _("Cancel the %s of %s?"), session_kind_label(sel->kind), buf);
			tui_confirm(t, q, cancel_done, v);
		}
		return TUI_REDRAW;
	case ACT_PROPOSE:
		if ((next = view_propose_new(t, v->a.org_id)))
			tui_push(t, next);
		return TUI_REDRAW;
	case ACT_VIEW:
		/* Around the same day: the views nest, none drifts. */
		v->a.view = (enum agenda_view)((v->a.view + 1) % AGENDA_NVIEWS);
		load(v, t, v->a.day);
		return TUI_REDRAW;
	case ACT_PREV_PERIOD:
	case ACT_NEXT_PERIOD:
		v->a.day = agenda_step(v->a.view, v->a.day, a == ACT_NEXT_PERIOD ? 1 : -1);
		load(v, t, v->a.day);
		return TUI_REDRAW;
	case ACT_TODAY:
		v->a.day = t->today;
		load(v, t, t->today);
		return TUI_REDRAW;
	default: return tui_list_key(&v->list, t, a);
	}
}

static void agenda_view_free(struct screen *s)
{
	struct agenda_screen *v = (struct agenda_screen *)s;

	agenda_free(&v->a);
	tui_list_free(&v->list);
	free(v->org);
	free(v);
}

static const struct screen_ops agenda_ops = {
	.name = N_("Agenda"),
	.draw = agenda_draw,
	.key = agenda_key,
	.free = agenda_view_free,
};

struct screen *view_agenda_new(struct tui *t)
{
	struct agenda_screen *v = xmalloc(sizeof *v);
	struct org o;

	memset(v, 0, sizeof *v);
	v->base.ops = &agenda_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_AGENDA;
	v->a.org_id = t->org_id;
	v->a.view = AGENDA_WEEK;
	v->a.day = t->today;
	if (t->org_id && org_get(t->db, t->org_id, &o) == OL_OK) {
		v->org = xstrdup(o.name);
		org_clear(&o);
	} else
		v->a.org_id = 0;
	v->base.title = xstrdup(v->org ? v->org : _("all organizations"));
	tui_list_init(&v->list, &list_ops, v, 0);
	/* The first draw loads (its generation is never the tui's 0 - 1). */
	v->base.gen = t->gen - 1;
	return &v->base;
}
