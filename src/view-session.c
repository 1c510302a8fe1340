/*
 * view-session.c - the session screen (view.h): its details and state,
 * the attendance counters and quorum, the expected attendees with their
 * marks, and the first lines of the minutes.  `H` marks it held (asking
 * first), `r` or Enter opens its roll-call, `m` its minutes in the editor
 * (minutes.h).  Read-only otherwise: it scrolls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/minutes.h>
#include <orglife/rollcall.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

/* How many wrapped lines of the minutes the screen previews. */
#define MINUTES_PREVIEW 20

enum doc_kind { DOC_BLANK, DOC_FIELD, DOC_HEADING, DOC_PERSON, DOC_TEXT };

struct doc_line {
	enum doc_kind kind;
	const char *label;   /* DOC_FIELD: translated, static */
	char *text;
	enum tui_style style;
	int person;          /* DOC_PERSON: index into rc.people */
};

struct session_view {
	struct screen base;
	struct tui_list list;
	long long session_id;
	struct session s;
	struct rollcall rc;
	struct doc_line *lines;
	int nlines, caplines;
	int width;           /* the lines are laid out for this width */
	int labelw;
	int minutes_left;    /* preview lines still to take */
};

/* ---- the document ---------------------------------------------------------------- */

static void add(struct session_view *v, enum doc_kind kind, const char *label, const char *text, enum tui_style style,
		int person)
{
	struct doc_line *l;

	if (v->nlines == v->caplines) {
		v->caplines = v->caplines ? v->caplines * 2 : 64;
		v->lines = xrealloc(v->lines, (size_t)v->caplines * sizeof *v->lines);
	}
	l = &v->lines[v->nlines++];
	l->kind = kind;
	l->label = label;
	l->text = xstrdup(text ? text : "");
	l->style = style;
	l->person = person;
}

static void free_lines(struct session_view *v)
{
	for (int i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	v->nlines = 0;
}

static void field(struct session_view *v, const char *label, const char *text)
{
	if (text && *text)
		add(v, DOC_FIELD, label, text, TS_NORMAL, -1);
}

static void add_when(struct session_view *v)
{
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX], tm[6];

	date_display(v->s.day, day);
	date_format_time(v->s.minute, tm);
	strbuf_addf(&b, "%s %s", day, v->s.minute >= 0 ? tm : _("time to be set"));
	if (v->s.moved_from >= 0) {
		date_display(v->s.moved_from, day);
		strbuf_addf(&b, _(" (moved from %s)"), day);
	}
	field(v, _("When:"), b.s);
	strbuf_free(&b);
}

static void add_state(struct session_view *v)
{
	static const char *const marks[] = { [SESSION_PLANNED] = "~", [SESSION_HELD] = "✓", [SESSION_CANCELLED] = "-" };
	static const enum tui_style styles[] = { [SESSION_PLANNED] = TS_NORMAL, [SESSION_HELD] = TS_OK,
						 [SESSION_CANCELLED] = TS_DIM };
	struct strbuf b = { 0 };

	strbuf_addf(&b, "%s %s", marks[v->s.state], session_state_label(v->s.state));
	add(v, DOC_FIELD, _("State:"), b.s, styles[v->s.state], -1);
	strbuf_free(&b);
}

static void add_attendance(struct session_view *v)
{
	struct rollcall_counts c;
	struct rollcall_quorum q;
	struct strbuf b = { 0 };

	rollcall_count(&v->rc, &c);
	strbuf_addf(&b, _("expected %d  attending %d  excused %d  absent %d  unmarked %d"), c.expected, c.attending,
		    c.excused, c.absent, c.unmarked);
	add(v, DOC_FIELD, _("Attendance:"), b.s, TS_NORMAL, -1);
	strbuf_reset(&b);
	rollcall_quorum(&v->rc, &q);
	if (q.applies) {
		strbuf_addf(&b, "%s ", q.state == QUORUM_REACHED ? "✓" : q.state == QUORUM_OPEN ? "!" : "✗");
		strbuf_addf(&b, _("%d attending, %d needed (more than %d%% of %d)"), q.have, q.need, q.percent, q.base);
		add(v, DOC_FIELD, _("Quorum:"), b.s,
		    q.state == QUORUM_REACHED ? TS_OK : q.state == QUORUM_OPEN ? TS_DUE : TS_OVERDUE, -1);
	}
	strbuf_free(&b);
}

static void add_details(struct session_view *v)
{
	struct strbuf kind = { 0 };

	strbuf_adds(&kind, session_kind_label(v->s.kind));
	if (v->s.also != SK_NONE)
		strbuf_addf(&kind, _(" (also %s)"), session_kind_label(v->s.also));
	field(v, _("Kind:"), kind.s);
	strbuf_free(&kind);
	field(v, _("Organization:"), v->s.org_name);
	add_when(v);
	field(v, _("Place:"), v->s.place);
	field(v, _("Topic:"), v->s.topic);
	field(v, _("Host:"), v->s.host_name);
	field(v, _("Recorder:"), v->s.recorder_name);
	field(v, _("Lecturer:"), v->s.lecturer_name);
	add_state(v);
	add_attendance(v);
}

static void add_people(struct session_view *v)
{
	char buf[128];
	int shown = -1;

	for (int i = 0; i < v->rc.nlines; i++) {
		const struct rollcall_line *l = &v->rc.lines[i];
		if (shown != (int)l->group) {
			shown = (int)l->group;
			add(v, DOC_BLANK, NULL, "", TS_NORMAL, -1);
			if (l->group == ATTENDEE_EXPECTED)
				snprintf(buf, sizeof buf, "%s", _("Expected attendees"));
			else if (l->group == ATTENDEE_AWAY)
				snprintf(buf, sizeof buf, "%s", _("Away on the day, not expected"));
			else
				snprintf(buf, sizeof buf, "%s", _("Others with a mark"));
			add(v, DOC_HEADING, NULL, buf, TS_HEADING, -1);
		}
		if (l->kind == ROLLCALL_PERSON)
			add(v, DOC_PERSON, NULL, "", TS_NORMAL, l->person);
	}
}

static void add_minutes_line(void *ctx, const char *line)
{
	struct session_view *v = ctx;

	if (v->minutes_left-- > 0)
		add(v, DOC_TEXT, NULL, line, TS_NORMAL, -1);
}

static void add_text_block(struct session_view *v, const char *title, const char *text, int width)
{
	char more[128];

	add(v, DOC_BLANK, NULL, "", TS_NORMAL, -1);
	add(v, DOC_HEADING, NULL, title, TS_HEADING, -1);
	if (!text || !*text) {
		add(v, DOC_TEXT, NULL, _("(none yet)"), TS_DIM, -1);
		return;
	}
	v->minutes_left = MINUTES_PREVIEW;
	tui_wrap(text, width, add_minutes_line, v);
	if (v->minutes_left < 0) {
		snprintf(more, sizeof more, _("(%d more lines: 'orglife minutes show' prints them all)"), -v->minutes_left);
		add(v, DOC_TEXT, NULL, more, TS_DIM, -1);
	}
}

static void layout(struct session_view *v, int width)
{
	char title[128], day[DATE_DISPLAY_MAX];

	free_lines(v);
	add_details(v);
	add_people(v);
	if (v->s.approved_on >= 0) {
		date_display(v->s.approved_on, day);
		snprintf(title, sizeof title, _("Minutes (approved on %s)"), day);
	} else
		snprintf(title, sizeof title, "%s", _("Minutes"));
	add_text_block(v, title, v->s.minutes, width - 4);
	if (v->s.resolutions && *v->s.resolutions)
		add_text_block(v, _("Resolutions"), v->s.resolutions, width - 4);
	v->labelw = 0;
	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].kind == DOC_FIELD && text_width(v->lines[i].label) > v->labelw)
			v->labelw = text_width(v->lines[i].label);
	v->width = width;
	tui_list_set_rows(&v->list, v->nlines);
}

/* Loads the session and its sheet; OL_OK or the store's status. */
static int load(struct session_view *v, struct tui *t)
{
	int rc;

	session_clear(&v->s);
	rollcall_free(&v->rc);
	if ((rc = session_get(t->db, v->session_id, &v->s)) == OL_OK)
		rc = rollcall_load(t->db, v->session_id, &t->rules, &v->rc);
	if (rc != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	v->base.gen = t->gen;
	v->width = 0;
	return rc;
}

/* ---- drawing ------------------------------------------------------------------- */

/* The widest attendance word, so the names line up. */
static void draw_person(struct session_view *v, struct tui *t, const struct rollcall_person *p, int y, int x, int w)
{
	attr_t base = p->kind == ATTENDEE_AWAY ? tui_attr(t, TS_DIM) : A_NORMAL;
	enum tui_style style;
	const char *mark = tui_attend_mark(p->status, &style);
	int cx = x + 2;

	tui_text(y, cx, 1, mark, base | tui_attr(t, style), 0);
	cx += 2;
	cx += tui_text(y, cx, tui_attend_width(ATTEND_PRESENT), p->status ? attend_label(p->status) : "",
		       base | tui_attr(t, style), 1);
	cx += 2;
	cx += tui_text(y, cx, x + w - cx, p->name, base, 0) + 2;
	if (p->reason && cx < x + w)
		tui_text(y, cx, x + w - cx, p->reason, base, 0);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct session_view *v = ctx;
	const struct doc_line *l = &v->lines[row];

	(void)selected;
	switch (l->kind) {
	case DOC_FIELD:
		tui_text(y, x + 1, v->labelw, l->label, tui_attr(t, TS_HEADING), 1);
		tui_text(y, x + v->labelw + 3, w - v->labelw - 3, l->text, tui_attr(t, l->style), 0);
		break;
	case DOC_HEADING: tui_text(y, x + 1, w - 1, l->text, tui_attr(t, TS_HEADING), 0); break;
	case DOC_PERSON: draw_person(v, t, &v->rc.people[l->person], y, x, w); break;
	case DOC_TEXT: tui_text(y, x + 2, w - 2, l->text, tui_attr(t, l->style), 0); break;
	default: break;
	}
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row };

static void session_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct session_view *v = (struct session_view *)s;

	if (s->gen != t->gen)
		load(v, t);
	if (v->width != r->w)
		layout(v, r->w);
	tui_list_draw(&v->list, t, r);
}

/* ---- keys ---------------------------------------------------------------------- */

static unsigned held_done(struct tui *t, void *ctx, const char *answer)
{
	struct session_view *v = ctx;

	if (!answer)
		return TUI_REDRAW;
	if (session_mark_held(t->db, v->session_id, t->today) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	else {
		tui_status(t, TS_OK, "%s", _("marked held, saved"));
		tui_changed(t);
	}
	return TUI_REDRAW;
}

struct edit_call {
	struct db *db;
	long long session_id;
	struct minutes_result r;
};

static int run_edit(void *ctx)
{
	struct edit_call *c = ctx;

	return minutes_edit(c->db, c->session_id, &c->r);
}

/* `m`: the minutes in the editor, curses left meanwhile; the outcome on
 * the status line. */
static void edit_minutes(struct session_view *v, struct tui *t)
{
	struct edit_call c = { .db = t->db, .session_id = v->session_id };
	char day[DATE_DISPLAY_MAX];
	int rc;

	/* Locked minutes are refused before the screen goes away, the way to
	 * unlock them first (the store's message is too long for the line). */
	if ((rc = minutes_editable(t->db, v->session_id)) == OL_ESTATE && v->s.approved_on >= 0) {
		date_display(v->s.approved_on, day);
		tui_status(t, TS_OVERDUE, _("locked (approved on %s): orglife minutes unlock %lld --reason TEXT"), day,
			   v->session_id);
		return;
	}
	if (rc != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return;
	}
	tui_suspend(t, run_edit, &c);
	if (c.r.outcome == MINUTES_SAVED) {
		tui_status(t, TS_OK, "%s", _("minutes saved"));
		tui_changed(t);
	} else if (c.r.outcome == MINUTES_UNCHANGED)
		tui_status(t, TS_NORMAL, "%s", _("the minutes are unchanged; nothing was saved"));
	else
		tui_status(t, TS_OVERDUE, "%s", c.r.message);
	minutes_result_clear(&c.r);
}

static unsigned session_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct session_view *v = (struct session_view *)s;
	struct screen *next;

	(void)key;
	switch (a) {
	case ACT_HELD:
		if (v->s.state != SESSION_PLANNED) {
			tui_status(t, TS_NORMAL, _("this session is %s already"), session_state_label(v->s.state));
			return TUI_REDRAW;
		}
		tui_confirm(t, _("Mark this session held?"), held_done, v);
		return TUI_REDRAW;
	case ACT_ROLLCALL:
		if ((next = view_rollcall_new(t, v->session_id)))
			tui_push(t, next);
		return TUI_REDRAW;
	case ACT_MINUTES: edit_minutes(v, t); return TUI_REDRAW;
	case ACT_IDLE: return TUI_NONE;
	default: return tui_list_key(&v->list, t, a);
	}
}

static void session_view_free(struct screen *s)
{
	struct session_view *v = (struct session_view *)s;

	free_lines(v);
	free(v->lines);
	session_clear(&v->s);
	rollcall_free(&v->rc);
	tui_list_free(&v->list);
	free(v);
}

/* The lines are laid out for a width: lay them out again at the next draw. */
static void session_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct session_view *)s)->width = -1;
}

static const struct screen_ops session_ops = {
	.name = N_("Session"),
	.draw = session_draw,
	.key = session_key,
	.resize = session_resize,
	.free = session_view_free,
};

struct screen *view_session_new(struct tui *t, long long session_id)
{
	struct session_view *v = xmalloc(sizeof *v);
	char day[DATE_DISPLAY_MAX];
	struct strbuf title = { 0 };

	memset(v, 0, sizeof *v);
	v->base.ops = &session_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_SESSION;
	v->session_id = session_id;
	tui_list_init(&v->list, &list_ops, v, 1);
	if (load(v, t) != OL_OK) {
		session_view_free(&v->base);
		return NULL;
	}
	date_display(v->s.day, day);
	strbuf_addf(&title, "%s %s  %s", v->s.org_name ? v->s.org_name : "", day, session_kind_label(v->s.kind));
	v->base.title = strbuf_detach(&title);
	return &v->base;
}
