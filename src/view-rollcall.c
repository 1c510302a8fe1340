/*
 * view-rollcall.c - the roll-call screen (view.h): the sheet of a
 * session's expected attendees, one key per person (1 present, 2 late,
 * 3 excused with a reason, 4 absent, Space present, 0 clears), each mark
 * committed through attend_set before the screen shows it, the cursor then
 * on the next person.  Live counters and the quorum above the sheet; those
 * away on the day below it, greyed.  The logic is rollcall.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/rollcall.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct rollcall_view {
	struct screen base;
	struct tui_list list;
	struct rollcall rc;
	long long session_id;
	int pending_line; /* the line the excused prompt is for */
	int namew;        /* the widest name, measured at each load */
};

/* The widest name as drawn (made harmless), at least 4. */
static int widest_name(const struct rollcall *rc)
{
	int w = 4;

	for (int i = 0; i < rc->npeople; i++) {
		char *n = text_sanitize(rc->people[i].name, 0);
		if (text_width(n) > w)
			w = text_width(n);
		free(n);
	}
	return w;
}

/* ---- loading ------------------------------------------------------------------ */

static char *title_of(const struct session *s)
{
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX], tm[6];

	date_display(s->day, day);
	date_format_time(s->minute, tm);
	strbuf_addf(&b, "%s %s%s%s  %s", s->org_name ? s->org_name : "", day, *tm ? " " : "", tm,
		    session_kind_label(s->kind));
	return strbuf_detach(&b);
}

/* (Re)loads the sheet, keeping the cursor on the same person. */
static int load(struct rollcall_view *v, struct tui *t)
{
	struct rollcall_person *p = rollcall_person_at(&v->rc, v->list.sel);
	long long keep = p ? p->member_id : 0;
	struct rollcall fresh;
	int rc, line = -1;

	if ((rc = rollcall_load(t->db, v->session_id, &t->rules, &fresh)) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return rc;
	}
	rollcall_free(&v->rc);
	v->rc = fresh;
	v->namew = widest_name(&v->rc);
	for (int i = 0; keep && i < v->rc.nlines; i++)
		if ((p = rollcall_person_at(&v->rc, i)) && p->member_id == keep)
			line = i;
	tui_list_set_rows(&v->list, v->rc.nlines);
	tui_list_select(&v->list, line >= 0 ? line : rollcall_first(&v->rc));
	v->base.gen = t->gen;
	return OL_OK;
}

/* ---- drawing ------------------------------------------------------------------- */

static void draw_heading(struct rollcall_view *v, struct tui *t, enum member_status_flag g, int y, int x, int w)
{
	struct rollcall_counts c;
	char buf[256];

	rollcall_count(&v->rc, &c);
	if (g == ATTENDEE_AWAY)
		snprintf(buf, sizeof buf, _("Away on the day, not expected (%d)"), c.away);
	else
		snprintf(buf, sizeof buf, _("Others with a mark (%d)"), c.others);
	tui_text(y, x, w, buf, tui_attr(t, TS_HEADING), 0);
}

static void draw_person(struct rollcall_view *v, struct tui *t, const struct rollcall_person *p, int y, int x,
			int w, int selected)
{
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : p->kind == ATTENDEE_AWAY ? tui_attr(t, TS_DIM) : A_NORMAL;
	enum tui_style ms;
	const char *mark = tui_attend_mark(p->status, &ms);
	int ww = tui_attend_width(ATTEND_PRESENT), nw, cx = x + 1;

	tui_text(y, x, w, "", base, 1);
	if (p->kind == ATTENDEE_AWAY && p->status == ATTEND_NONE)
		ms = TS_DIM;
	tui_text(y, cx, 1, mark, base | tui_attr(t, ms), 0);
	cx += 2;
	tui_text(y, cx, ww, p->status ? attend_label(p->status) : "", base | tui_attr(t, ms), 1);
	cx += ww + 2;
	nw = v->namew < w - (cx - x) - 1 ? v->namew : w - (cx - x) - 1;
	tui_text(y, cx, nw, p->name, base, 1);
	cx += nw + 2;
	if (p->kind == ATTENDEE_EXPECTED && !p->votes && cx < x + w)
		cx += tui_text(y, cx, x + w - cx, _("no vote"), base | tui_attr(t, TS_DIM), 0) + 2;
	if (p->reason && cx < x + w)
		tui_text(y, cx, x + w - cx, p->reason, base, 0);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct rollcall_view *v = ctx;
	const struct rollcall_line *l = &v->rc.lines[row];

	if (l->kind == ROLLCALL_HEADING)
		draw_heading(v, t, l->group, y, x + 1, w - 1);
	else
		draw_person(v, t, &v->rc.people[l->person], y, x, w, selected);
}

static int selectable(void *ctx, int row)
{
	struct rollcall_view *v = ctx;

	return v->rc.lines[row].kind == ROLLCALL_PERSON;
}

static int matches(void *ctx, int row, const char *needle)
{
	struct rollcall_view *v = ctx;
	const struct rollcall_person *p = rollcall_person_at(&v->rc, row);

	return p && rollcall_matches(p, needle);
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row, .selectable = selectable, .matches = matches };

struct counter_lines {
	char *line[2];
	int n;
};

static void add_counter_line(void *ctx, const char *line)
{
	struct counter_lines *c = ctx;

	if (c->n < 2)
		c->line[c->n++] = xstrdup(line);
}

/* "expected 30  attending 12  excused 2  absent 1  unmarked 15", on two
 * lines when the terminal is narrow; returns the lines used. */
static int draw_counters(struct rollcall_view *v, struct tui *t, int y, int x, int w)
{
	struct rollcall_counts c;
	struct strbuf b = { 0 };
	struct counter_lines lines = { .n = 0 };

	rollcall_count(&v->rc, &c);
	/* TRANSLATORS: the roll-call's counters: 应到, 实到, 请假, 缺席, 未登记. */
	strbuf_addf(&b, _("expected %d  attending %d  excused %d  absent %d  unmarked %d"), c.expected, c.attending,
		    c.excused, c.absent, c.unmarked);
	if (c.late)
		strbuf_addf(&b, _("  (late %d)"), c.late);
	tui_wrap(b.s, w, add_counter_line, &lines);
	for (int i = 0; i < lines.n; i++) {
		tui_text(y + i, x, w, lines.line[i], tui_attr(t, TS_HEADING), 0);
		free(lines.line[i]);
	}
	strbuf_free(&b);
	return lines.n;
}

static void draw_quorum(const struct rollcall_quorum *q, struct tui *t, int y, int x, int w)
{
	static const char *const marks[] = { [QUORUM_REACHED] = "✓", [QUORUM_OPEN] = "!", [QUORUM_MISSED] = "✗" };
	static const enum tui_style styles[] = { [QUORUM_REACHED] = TS_OK, [QUORUM_OPEN] = TS_DUE,
						 [QUORUM_MISSED] = TS_OVERDUE };
	const char *what = q->rule == R_QUORUM_ELECTION ? _("election quorum") : _("quorum");
	const char *state = q->state == QUORUM_REACHED ? _("reached") : q->state == QUORUM_OPEN ? _("not yet") : _("missed");
	char buf[512];

	if (q->voters_only)
		snprintf(buf, sizeof buf, _("%s %s: %d of %d voting members attending, %d needed (more than %d%%)"),
			 what, state, q->have, q->base, q->need, q->percent);
	else
		snprintf(buf, sizeof buf, _("%s %s: %d of %d committee members attending, %d needed (more than %d%%)"),
			 what, state, q->have, q->base, q->need, q->percent);
	tui_text(y, x, 1, marks[q->state], tui_attr(t, styles[q->state]), 0);
	tui_text(y, x + 2, w - 2, buf, tui_attr(t, styles[q->state]), 0);
}

static void rollcall_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct rollcall_view *v = (struct rollcall_view *)s;
	struct rollcall_quorum q;
	int y = r->y;

	if (s->gen != t->gen)
		load(v, t);
	y += draw_counters(v, t, y, r->x + 1, r->w - 2);
	rollcall_quorum(&v->rc, &q);
	if (q.applies)
		draw_quorum(&q, t, y++, r->x + 1, r->w - 2);
	if (v->rc.npeople == 0)
		tui_text(y + 1, r->x + 2, r->w - 3, _("Nobody is expected at this session."), A_NORMAL, 0);
	tui_list_draw(&v->list, t, &(struct tui_rect){ .y = y, .x = r->x, .h = r->y + r->h - y, .w = r->w });
}

/* ---- marking --------------------------------------------------------------------- */

/* Marks the line, says so, and moves on when advance. */
static unsigned mark(struct rollcall_view *v, struct tui *t, int line, enum attend_status st, const char *reason,
		     int advance)
{
	struct rollcall_person *p = rollcall_person_at(&v->rc, line);

	if (!p)
		return TUI_REDRAW;
	if (rollcall_mark(t->db, &v->rc, line, st, reason) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	tui_changed(t);
	v->base.gen = t->gen; /* the sheet is already up to date */
	if (st == ATTEND_NONE)
		tui_status(t, TS_NORMAL, _("%s: mark cleared, saved"), p->name);
	else
		tui_status(t, TS_OK, _("%s: %s, saved"), p->name, attend_label(st));
	if (advance && line == v->list.sel)
		tui_list_select(&v->list, rollcall_next(&v->rc, line));
	return TUI_REDRAW;
}

static unsigned reason_done(struct tui *t, void *ctx, const char *text)
{
	struct rollcall_view *v = ctx;

	if (!text) {
		tui_status(t, TS_NORMAL, "%s", _("not marked"));
		return TUI_REDRAW;
	}
	return mark(v, t, v->pending_line, ATTEND_EXCUSED, text, 1);
}

static unsigned ask_reason(struct rollcall_view *v, struct tui *t)
{
	struct rollcall_person *p = rollcall_person_at(&v->rc, v->list.sel);
	char label[512];

	if (!p)
		return TUI_REDRAW;
	v->pending_line = v->list.sel;
	snprintf(label, sizeof label, _("Excused: the reason for %s (Enter: none, Esc: cancel): "), p->name);
	tui_prompt(t, label, p->status == ATTEND_EXCUSED ? p->reason : NULL, NULL, reason_done, v);
	return TUI_REDRAW;
}

static unsigned rollcall_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct rollcall_view *v = (struct rollcall_view *)s;

	(void)key;
	switch (a) {
	case ACT_PRESENT:
	case ACT_PRESENT_NEXT: return mark(v, t, v->list.sel, ATTEND_PRESENT, NULL, 1);
	case ACT_LATE: return mark(v, t, v->list.sel, ATTEND_LATE, NULL, 1);
	case ACT_ABSENT: return mark(v, t, v->list.sel, ATTEND_ABSENT, NULL, 1);
	case ACT_CLEAR: return mark(v, t, v->list.sel, ATTEND_NONE, NULL, 0);
	case ACT_EXCUSED: return ask_reason(v, t);
	case ACT_IDLE: return TUI_NONE;
	default: return tui_list_key(&v->list, t, a);
	}
}

static void rollcall_view_free(struct screen *s)
{
	struct rollcall_view *v = (struct rollcall_view *)s;

	rollcall_free(&v->rc);
	tui_list_free(&v->list);
	free(v);
}

static const struct screen_ops rollcall_ops = {
	.name = N_("Roll-call"),
	.draw = rollcall_draw,
	.key = rollcall_key,
	.free = rollcall_view_free,
};

struct screen *view_rollcall_new(struct tui *t, long long session_id)
{
	struct rollcall_view *v = xmalloc(sizeof *v);
	struct session s;

	memset(v, 0, sizeof *v);
	v->base.ops = &rollcall_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_ROLLCALL;
	v->session_id = session_id;
	tui_list_init(&v->list, &list_ops, v, 0);
	if (session_get(t->db, session_id, &s) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		rollcall_view_free(&v->base);
		return NULL;
	}
	if (load(v, t) != OL_OK) {
		session_clear(&s);
		rollcall_view_free(&v->base);
		return NULL;
	}
	v->base.title = title_of(&s);
	if (s.state == SESSION_CANCELLED)
		tui_status(t, TS_OVERDUE, "%s", _("this session was cancelled: no attendance is taken"));
	session_clear(&s);
	return &v->base;
}
