/*
 * view-member.c - one member (view.h): their facts (status, branch, group,
 * roles, where they are and since when, the day they joined, ...), their
 * dated changes, their attendance history (the sessions of their branch
 * and group they were expected at, with their marks, the most recent
 * first; Enter opens one) and their dues by year.  Also the keys that
 * change a member, here and on the roster: `e` edits them in a form; `C`
 * 转正, `F` flowing out or back, `T` a transfer out or in, `L` lost
 * contact or back, each a form for the day (and the 活动证 or letter),
 * then a question before it is written.  The logic is members.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/members.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

/* The most years of dues shown. */
#define DUES_YEARS 10

enum doc_kind { DOC_BLANK, DOC_FIELD, DOC_HEADING, DOC_NOTE, DOC_FACT, DOC_SESSION, DOC_DUES };

struct doc_line {
	enum doc_kind kind;
	const char *label;   /* DOC_FIELD: translated, static */
	char *text;
	int index;           /* DOC_FACT, DOC_SESSION: into d.facts, d.sessions; DOC_DUES: into years */
	int first, count;    /* DOC_DUES: the months on this line */
};

struct member_view {
	struct screen base;
	struct tui_list list;
	long long member_id;
	struct member_detail d;
	struct dues_year years[DUES_YEARS];
	int nyears;
	struct doc_line *lines;
	int nlines, caplines;
	int width;   /* the lines are laid out for this width */
	int labelw;  /* the widest field label */
	int datew;   /* the widest day of the history */
};

/* ---- the document ---------------------------------------------------------------- */

static struct doc_line *add(struct member_view *v, enum doc_kind kind, const char *label, const char *text,
			    int index)
{
	struct doc_line *l;

	if (v->nlines == v->caplines) {
		v->caplines = v->caplines ? v->caplines * 2 : 64;
		v->lines = xrealloc(v->lines, (size_t)v->caplines * sizeof *v->lines);
	}
	l = &v->lines[v->nlines++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->label = label;
	l->text = xstrdup(text ? text : "");
	l->index = index;
	return l;
}

static void free_lines(struct member_view *v)
{
	for (int i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	v->nlines = 0;
}

static void field(struct member_view *v, const char *label, const char *text)
{
	if (text && *text)
		add(v, DOC_FIELD, label, text, -1);
}

static void day_field(struct member_view *v, const char *label, long day)
{
	char buf[DATE_DISPLAY_MAX];

	if (day < 0)
		return;
	date_display(day, buf);
	field(v, label, buf);
}

/* "flowed out since Mon 1 Jun 2026 (L-7, valid until Tue 1 Jun 2027)". */
static void add_where(struct member_view *v)
{
	const struct member_fact *f = member_detail_latest(&v->d);
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];

	strbuf_adds(&b, member_where_label(v->d.m.where));
	if (v->d.m.where != MEMBER_HERE && v->d.m.where != MEMBER_NOT_YET && f) {
		date_display(f->day, day);
		strbuf_adds(&b, " ");
		strbuf_addf(&b, _("since %s"), day);
		if (f->doc || f->until >= 0) {
			struct strbuf doc = { 0 };
			if (f->doc)
				strbuf_adds(&doc, f->doc);
			if (f->until >= 0) {
				date_display(f->until, day);
				if (f->doc)
					strbuf_adds(&doc, _(", "));
				strbuf_addf(&doc, _("valid until %s"), day);
			}
			strbuf_adds(&b, " ");
			strbuf_addf(&b, _("(%s)"), doc.s);
			strbuf_free(&doc);
		}
	}
	field(v, _("Where:"), b.s);
	strbuf_free(&b);
}

static void add_facts(struct member_view *v)
{
	const struct member *m = &v->d.m;
	char *roles = role_labels(m->roles);

	field(v, _("Status:"), member_status_label(m->status));
	field(v, _("Branch:"), m->org_name);
	field(v, _("Group:"), m->group_name);
	field(v, _("Roles:"), roles);
	add_where(v);
	day_field(v, _("Joined:"), m->joined);
	day_field(v, _("Probation ends:"), member_probation_end(m));
	day_field(v, _("Full member since:"), m->admitted == MEMBER_PROBATIONARY ? m->confirmed : -1);
	field(v, _("Leading cadre:"), m->cadre ? _("yes") : NULL);
	field(v, _("Phone:"), m->phone);
	field(v, _("Gender:"), m->gender);
	field(v, _("Ethnicity:"), m->ethnicity);
	day_field(v, _("Born:"), m->born);
	free(roles);
}

static void add_history(struct member_view *v)
{
	struct member_attendance c;
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];

	add(v, DOC_BLANK, NULL, NULL, -1);
	add(v, DOC_HEADING, NULL, _("Attendance history"), -1);
	member_detail_count(&v->d, &c);
	strbuf_addf(&b, _("expected %d  attending %d  excused %d  absent %d  unmarked %d"), c.expected, c.attending,
		    c.excused, c.absent, c.unmarked);
	field(v, _("Attendance:"), b.s);
	strbuf_free(&b);
	v->datew = 0;
	for (int i = 0; i < v->d.nsessions; i++) {
		date_display(v->d.sessions[i].day, day);
		if (text_width(day) > v->datew)
			v->datew = text_width(day);
		add(v, DOC_SESSION, NULL, NULL, i);
	}
	if (!v->d.nsessions)
		add(v, DOC_NOTE, NULL, _("(none yet)"), -1);
}

/* One line per year, or two of six months when twelve do not fit. */
static void add_dues(struct member_view *v, int width)
{
	char month[DATE_DISPLAY_MAX];
	struct period p;
	int per_line;

	add(v, DOC_BLANK, NULL, NULL, -1);
	add(v, DOC_HEADING, NULL, _("Dues"), -1);
	if (v->d.dues.n > 0) {
		period_of(PERIOD_MONTH, date_month_index_first(v->d.dues.v[v->d.dues.n - 1].month), &p);
		period_display(&p, month);
		field(v, _("Last paid for:"), month);
	} else
		add(v, DOC_NOTE, NULL, _("no month paid is recorded"), -1);
	v->nyears = member_dues_years(&v->d, v->years, DUES_YEARS);
	/* A year's name, then three columns a month. */
	per_line = width - 4 - 8 >= 12 * 3 ? 12 : 6;
	for (int i = 0; i < v->nyears; i++)
		for (int m = 0; m < 12; m += per_line) {
			struct doc_line *l = add(v, DOC_DUES, NULL, NULL, i);
			l->first = m;
			l->count = per_line;
		}
}

static void layout(struct member_view *v, int width)
{
	free_lines(v);
	add_facts(v);
	if (v->d.nfacts) {
		add(v, DOC_BLANK, NULL, NULL, -1);
		add(v, DOC_HEADING, NULL, _("Changes"), -1);
		for (int i = 0; i < v->d.nfacts; i++)
			add(v, DOC_FACT, NULL, NULL, i);
	}
	add_history(v);
	add_dues(v, width);
	v->labelw = 0;
	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].kind == DOC_FIELD && text_width(v->lines[i].label) > v->labelw)
			v->labelw = text_width(v->lines[i].label);
	v->width = width;
	tui_list_set_rows(&v->list, v->nlines);
}

static int load(struct member_view *v, struct tui *t)
{
	int rc;

	member_detail_free(&v->d);
	if ((rc = member_detail_load(t->db, v->member_id, t->today, &v->d)) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	free(v->base.title);
	v->base.title = xstrdup(v->d.m.name);
	v->base.gen = t->gen;
	v->width = -1;
	return rc;
}

/* ---- drawing ------------------------------------------------------------------- */

/* The widest attendance word, so the days line up. */
static void draw_session(struct member_view *v, struct tui *t, const struct member_attended *a, int y, int x, int w,
			 attr_t base)
{
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];
	attr_t attr = a->expected ? base : base | tui_attr(t, TS_DIM);
	enum tui_style style;
	const char *mark = tui_attend_mark(a->status, &style);
	int cx = x + 2, ww = tui_attend_width(ATTEND_NONE);

	/* Planned and not marked yet: the planned mark. */
	tui_text(y, cx, 1, a->status == ATTEND_NONE && a->state == SESSION_PLANNED ? "~" : mark, attr | tui_attr(t, style),
		 0);
	cx += 2;
	tui_text(y, cx, ww, attend_label(a->status), attr | tui_attr(t, style), 1);
	cx += ww + 2;
	date_display(a->day, day);
	tui_text(y, cx, v->datew, day, attr, 1);
	cx += v->datew + 2;
	if (a->org_id != v->d.m.org_id)
		/* TRANSLATORS: a session's kind, then the party group or branch holding it. */
		strbuf_addf(&b, _("%s (%s)"), session_kind_label(a->kind), a->org_name);
	else
		strbuf_adds(&b, session_kind_label(a->kind));
	if (a->topic && *a->topic)
		strbuf_addf(&b, "  %s", a->topic);
	if (a->reason) {
		strbuf_adds(&b, "  ");
		/* TRANSLATORS: why a member was excused, after the session's line. */
		strbuf_addf(&b, _("(%s)"), a->reason);
	}
	if (!a->expected)
		strbuf_addf(&b, "  %s", _("(not expected: away that day)"));
	if (cx < x + w)
		tui_text(y, cx, x + w - cx, b.s, attr, 0);
	strbuf_free(&b);
}

static void draw_fact(struct tui *t, const struct member_fact *f, int y, int x, int w, attr_t base)
{
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX];

	(void)t;
	date_display(f->day, day);
	strbuf_addf(&b, "%s  %s", day, member_fact_label(f->kind));
	if (f->doc)
		strbuf_addf(&b, "  %s", f->doc);
	if (f->until >= 0) {
		date_display(f->until, day);
		strbuf_adds(&b, "  ");
		strbuf_addf(&b, _("valid until %s"), day);
	}
	tui_text(y, x + 2, w - 2, b.s, base, 0);
	strbuf_free(&b);
}

/* "2026   1  2  3  -  -  6  7": the months paid, "-" for those owed, blank
 * before the record begins and after this month. */
static void draw_dues(struct member_view *v, struct tui *t, const struct doc_line *l, int y, int x, int w,
		      attr_t base)
{
	const struct dues_year *yr = &v->years[l->index];
	char name[DATE_DISPLAY_MAX], num[12];
	struct period p;
	long jan;
	int cx = x + 2 + 8;

	if (l->first == 0) {
		date_from_ymd(yr->year, 1, 1, &jan);
		period_of(PERIOD_YEAR, jan, &p);
		period_display(&p, name);
		tui_text(y, x + 2, 8, name, base | tui_attr(t, TS_HEADING), 0);
	}
	for (int m = l->first; m < l->first + l->count && m < 12 && cx + 3 <= x + w; m++, cx += 3) {
		if (m < yr->from || m >= yr->to)
			continue;
		if (yr->paid & (1u << m)) {
			snprintf(num, sizeof num, "%d", m + 1);
			tui_text_right(y, cx, 2, num, base | tui_attr(t, TS_OK));
		} else
			tui_text_right(y, cx, 2, "-", base | tui_attr(t, TS_DIM));
	}
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct member_view *v = ctx;
	const struct doc_line *l = &v->lines[row];
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : A_NORMAL;

	tui_text(y, x, w, "", base, 1);
	switch (l->kind) {
	case DOC_FIELD:
		tui_text(y, x + 1, v->labelw, l->label, base | tui_attr(t, TS_HEADING), 1);
		tui_text(y, x + v->labelw + 3, w - v->labelw - 3, l->text, base, 0);
		break;
	case DOC_HEADING: tui_text(y, x + 1, w - 1, l->text, base | tui_attr(t, TS_HEADING), 0); break;
	case DOC_NOTE: tui_text(y, x + 2, w - 2, l->text, base | tui_attr(t, TS_DIM), 0); break;
	case DOC_FACT: draw_fact(t, &v->d.facts[l->index], y, x, w, base); break;
	case DOC_SESSION: draw_session(v, t, &v->d.sessions[l->index], y, x, w, base); break;
	case DOC_DUES: draw_dues(v, t, l, y, x, w, base); break;
	default: break;
	}
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row };

static void member_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct member_view *v = (struct member_view *)s;

	if (s->gen != t->gen)
		load(v, t);
	if (v->width != r->w)
		layout(v, r->w);
	tui_list_draw(&v->list, t, r);
}

/* ---- changing a member ------------------------------------------------------------ */

struct edit_call {
	struct member m; /* as the form started */
};

static void free_edit_call(void *ctx)
{
	struct edit_call *c = ctx;

	member_clear(&c->m);
	free(c);
}

static unsigned save_edit(struct tui *t, struct form *f, void *ctx)
{
	struct edit_call *c = ctx;
	struct member_changes ch;
	struct strbuf err = { 0 };
	int changed = member_form_changes(f, &c->m, &ch, &err);

	if (changed < 0) {
		tui_status(t, TS_OVERDUE, "%s", strbuf_str(&err));
		strbuf_free(&err);
		return TUI_REDRAW;
	}
	if (!changed) {
		tui_status(t, TS_NORMAL, "%s", _("nothing was changed"));
		return TUI_POP;
	}
	if (member_edit(t->db, c->m.id, &ch) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	tui_changed(t);
	tui_status(t, TS_OK, _("%s: changes saved"), ch.name ? ch.name : c->m.name);
	return TUI_POP;
}

static unsigned open_edit(struct tui *t, struct member *m)
{
	struct edit_call *c;
	struct members_roster groups;
	struct form f;

	if (members_load_groups(t->db, m->org_id, t->today, &groups) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		member_clear(m);
		return TUI_REDRAW;
	}
	c = xmalloc(sizeof *c);
	c->m = *m;
	member_form_edit(&f, &groups, &c->m);
	members_free(&groups);
	tui_push(t, view_form_new(t, c->m.name, &f, save_edit, c, free_edit_call));
	return TUI_REDRAW;
}

struct change_call {
	long long member_id;
	char *name;
	enum member_change change;
	long day, until; /* as the form gave them, for the question's answer */
	char *doc;
};

static void free_change_call(void *ctx)
{
	struct change_call *c = ctx;

	free(c->name);
	free(c->doc);
	free(c);
}

static unsigned change_answered(struct tui *t, void *ctx, const char *answer)
{
	struct change_call *c = ctx;

	if (!answer) {
		tui_status(t, TS_NORMAL, "%s", _("not recorded"));
		return TUI_REDRAW;
	}
	if (member_change_record(t->db, c->member_id, c->change, c->day, c->until, c->doc) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	tui_changed(t);
	tui_status(t, TS_OK, _("%s: %s, saved"), c->name, member_change_outcome(c->change));
	return TUI_POP;
}

static unsigned save_change(struct tui *t, struct form *f, void *ctx)
{
	struct change_call *c = ctx;
	struct strbuf err = { 0 }, q = { 0 };
	const char *doc;

	if (member_change_read(f, c->change, &c->day, &c->until, &doc, &err) != 0) {
		tui_status(t, TS_OVERDUE, "%s", strbuf_str(&err));
		strbuf_free(&err);
		return TUI_REDRAW;
	}
	free(c->doc);
	c->doc = xstrdup(doc);
	/* The prompt shows the question (and the name in it) harmlessly. */
	member_change_question(c->change, c->name, c->day, &q);
	tui_confirm(t, q.s, change_answered, c);
	strbuf_free(&q);
	return TUI_REDRAW;
}

static unsigned open_change(struct tui *t, const struct member *m, enum member_change change)
{
	struct change_call *c = xmalloc(sizeof *c);
	struct strbuf title = { 0 };
	struct form f;

	memset(c, 0, sizeof *c);
	c->member_id = m->id;
	c->name = xstrdup(m->name);
	c->change = change;
	member_change_form(&f, change, t->today);
	member_change_title(change, m->name, &title);
	tui_push(t, view_form_new(t, title.s, &f, save_change, c, free_change_call));
	strbuf_free(&title);
	return TUI_REDRAW;
}

unsigned view_member_record_key(struct tui *t, long long member_id, enum tui_action a)
{
	static const struct {
		enum tui_action action;
		enum member_change_key key;
	} keys[] = {
		{ ACT_CONFIRM_MEMBER, CHANGE_KEY_CONFIRM },
		{ ACT_FLOW, CHANGE_KEY_FLOW },
		{ ACT_TRANSFER, CHANGE_KEY_TRANSFER },
		{ ACT_LOST, CHANGE_KEY_LOST },
	};
	struct member m;
	struct strbuf why = { 0 };
	enum member_change c;
	unsigned r = TUI_REDRAW;

	if (member_get(t->db, member_id, t->today, &m) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	if (a == ACT_EDIT)
		return open_edit(t, &m); /* takes m */
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (keys[i].action != a)
			continue;
		if (member_change_for(&m, keys[i].key, &c, &why) == 0)
			r = open_change(t, &m, c);
		else
			tui_status(t, TS_DUE, "%s", strbuf_str(&why));
	}
	strbuf_free(&why);
	member_clear(&m);
	return r;
}

/* ---- the screen ------------------------------------------------------------------- */

static unsigned member_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct member_view *v = (struct member_view *)s;
	const struct doc_line *l = v->list.sel >= 0 && v->list.sel < v->nlines ? &v->lines[v->list.sel] : NULL;
	struct screen *next;

	(void)key;
	switch (a) {
	case ACT_IDLE: return TUI_NONE;
	case ACT_OPEN:
		if (!l || l->kind != DOC_SESSION) {
			tui_status(t, TS_NORMAL, "%s",
				   _("Enter opens a session: move to one of the attendance history"));
			return TUI_REDRAW;
		}
		if ((next = view_session_new(t, v->d.sessions[l->index].session_id)))
			tui_push(t, next);
		return TUI_REDRAW;
	case ACT_EDIT:
	case ACT_CONFIRM_MEMBER:
	case ACT_FLOW:
	case ACT_TRANSFER:
	case ACT_LOST: return view_member_record_key(t, v->member_id, a);
	default: return tui_list_key(&v->list, t, a);
	}
}

static void member_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct member_view *)s)->width = -1;
}

static void member_view_free(struct screen *s)
{
	struct member_view *v = (struct member_view *)s;

	free_lines(v);
	free(v->lines);
	member_detail_free(&v->d);
	tui_list_free(&v->list);
	free(v);
}

static const struct screen_ops member_ops = {
	.name = N_("Member"),
	.draw = member_draw,
	.key = member_key,
	.resize = member_resize,
	.free = member_view_free,
};

struct screen *view_member_new(struct tui *t, long long member_id)
{
	struct member_view *v = xmalloc(sizeof *v);

	memset(v, 0, sizeof *v);
	v->base.ops = &member_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_MEMBER | TUI_SCOPE_RECORD;
	v->member_id = member_id;
	tui_list_init(&v->list, &list_ops, v, 0);
	if (load(v, t) != OL_OK) {
		member_view_free(&v->base);
		return NULL;
	}
	return &v->base;
}
