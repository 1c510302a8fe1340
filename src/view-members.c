/*
 * view-members.c - the Members screen (view.h; PRODUCT.md §3, screen 5):
 * one branch's roster in pinyin order, each member with their status,
 * whereabouts, party group, committee roles and the month they last
 * attended, in the columns that fit; the counts above it.  Enter opens the
 * member, `a` adds one (a form), `i` imports a CSV roster into the branch,
 * `b` goes to another branch; `e`, `C`, `F`, `T` and `L` change the
 * selected member (view-member.c).  The logic is members.c's.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/import.h>
#include <orglife/members.h>
#include <orglife/org.h>
#include <orglife/pinyin.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct branch_pick {
	long long id;
	char *name;
};

struct members_view {
	struct screen base;
	struct tui_list list;
	struct members_roster r;
	long long branch;           /* the branch shown (0: there is none) */
	long long keep;             /* the member to select at the next load; 0: the selected one */
	struct members_layout layout;
	int layout_w;               /* laid out for this width; -1: lay out again */
	struct branch_pick *picks;  /* while `b` is open: every branch */
	int npicks, cappicks;
	long long branch_before;    /* while `b` is open: the branch it started from */
};

/* What to do when there is no branch to show. */
static const char *no_branch(void)
{
	return _("There is no branch yet: add one with 'org add NAME --kind branch' on the : line.");
}

static long long selected_id(const struct members_view *v)
{
	return v->list.sel >= 0 && v->list.sel < v->r.n ? v->r.rows[v->list.sel].id : 0;
}

/* (Re)loads the roster of v->branch, keeping the member selected. */
static int load(struct members_view *v, struct tui *t)
{
	long long keep = v->keep ? v->keep : selected_id(v);
	int rc, row;

	members_free(&v->r);
	if ((rc = members_load(t->db, v->branch, t->today, &v->r)) != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	v->keep = 0;
	tui_list_set_rows(&v->list, v->r.n);
	row = keep ? members_find(&v->r, keep) : -1;
	tui_list_select(&v->list, row >= 0 ? row : 0);
	free(v->base.title);
	v->base.title = v->r.branch_name ? xstrdup(v->r.branch_name) : NULL;
	v->layout_w = -1;
	v->base.gen = t->gen;
	/* Tab carries the branch on to the next screen. */
	if (v->branch)
		t->org_id = v->branch;
	return rc;
}

/* ---- drawing -------------------------------------------------------------------- */

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct members_view *v = ctx;
	const struct members_row *m = &v->r.rows[row];
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : m->where != MEMBER_HERE ? tui_attr(t, TS_DIM) : A_NORMAL;
	struct strbuf b = { 0 };

	tui_text(y, x, w, "", base, 1);
	for (int i = 0; i < v->layout.ncols; i++) {
		enum members_col c = v->layout.col[i];
		attr_t attr = base;
		strbuf_reset(&b);
		members_cell(&v->r, row, c, &b);
		if (c == RC_LAST && m->last_attended < 0)
			attr |= tui_attr(t, TS_DIM);
		tui_text(y, x + 1 + v->layout.x[i], v->layout.w[i], strbuf_str(&b), attr, 0);
	}
	strbuf_free(&b);
}

static int matches(void *ctx, int row, const char *needle)
{
	struct members_view *v = ctx;

	return members_matches(&v->r.rows[row], needle);
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row, .matches = matches };

/* "5 members: 3 full, 1 probationary, 1 away". */
static void draw_counts(struct members_view *v, struct tui *t, int y, int x, int w)
{
	struct members_counts c;
	char buf[256];

	members_count(&v->r, &c);
	snprintf(buf, sizeof buf,
		 ngettext("%d member: %d full, %d probationary, %d away",
			  "%d members: %d full, %d probationary, %d away", c.members),
		 c.members, c.full, c.probationary, c.away);
	tui_text(y, x, w, buf, A_NORMAL, 0);
}

static void members_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct members_view *v = (struct members_view *)s;
	int y = r->y;

	if (s->gen != t->gen)
		load(v, t);
	if (!v->r.branch_id) {
		tui_text(y + 1, r->x + 2, r->w - 3, no_branch(), A_NORMAL, 0);
		return;
	}
	if (v->layout_w != r->w - 2) {
		members_columns(&v->r, r->w - 2, &v->layout);
		v->layout_w = r->w - 2;
	}
	draw_counts(v, t, y++, r->x + 1, r->w - 2);
	for (int i = 0; i < v->layout.ncols; i++)
		tui_text(y, r->x + 1 + v->layout.x[i], v->layout.w[i], members_col_title(v->layout.col[i]),
			 tui_attr(t, TS_HEADING), 0);
	y++;
	if (!v->r.n)
		tui_text(y + 1, r->x + 2, r->w - 3, _("No members yet: a adds one, i imports a roster."),
			 tui_attr(t, TS_DIM), 0);
	tui_list_draw(&v->list, t, &(struct tui_rect){ .y = y, .x = r->x, .h = r->y + r->h - y, .w = r->w });
}

/* ---- adding ---------------------------------------------------------------------- */

struct add_call {
	struct members_view *v; /* below the form on the stack while it is open */
	long long branch;
};

static unsigned save_add(struct tui *t, struct form *f, void *ctx)
{
	struct add_call *c = ctx;
	struct member_new mn;
	struct strbuf err = { 0 };
	long long id;

	if (member_form_new(f, c->branch, &mn, &err) != 0) {
		tui_status(t, TS_OVERDUE, "%s", strbuf_str(&err));
		strbuf_free(&err);
		return TUI_REDRAW;
	}
	if (member_add(t->db, &mn, &id) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	c->v->keep = id;
	tui_changed(t);
	tui_status(t, TS_OK, _("%s added, saved"), mn.name);
	return TUI_POP;
}

static unsigned add_member(struct members_view *v, struct tui *t)
{
	struct add_call *c = xmalloc(sizeof *c);
	struct strbuf title = { 0 };
	struct form f;
	struct screen *s;

	c->v = v;
	c->branch = v->r.branch_id;
	member_form_add(&f, &v->r);
	strbuf_addf(&title, _("New member of %s"), v->r.branch_name);
	s = view_form_new(t, title.s, &f, save_add, c, free);
	tui_push(t, s);
	strbuf_free(&title);
	return TUI_REDRAW;
}

/* ---- importing ------------------------------------------------------------------- */

/* The message on the status line, and in a pager too when it is too long
 * for the line (an import's error names the line and the column first). */
static void show_outcome(struct tui *t, enum tui_style style, const char *title, const char *msg)
{
	struct screen *s;

	tui_status(t, style, "%s", msg);
	if (text_width(msg) > COLS && (s = view_text_new(t, title, msg)))
		tui_push(t, s);
}

static unsigned import_done(struct tui *t, void *ctx, const char *text)
{
	struct members_view *v = ctx;
	struct strbuf path = { 0 }, data = { 0 }, msg = { 0 };
	struct import_result res;
	const char *home = getenv("HOME");
	char *shown;
	int err;

	if (!text || !*text)
		return TUI_REDRAW;
	/* ~/ as the shell would have it. */
	if (strncmp(text, "~/", 2) == 0 && home && *home)
		strbuf_addf(&path, "%s/%s", home, text + 2);
	else
		strbuf_adds(&path, text);
	shown = text_sanitize(path.s, 0);
	if ((err = text_read_file(path.s, IMPORT_MAX_BYTES, &data)) != 0) {
		if (err == EFBIG)
			strbuf_addf(&msg, _("%s is larger than %ld MiB: split it into several files"), shown,
				    IMPORT_MAX_BYTES / (1024 * 1024));
		else
			strbuf_addf(&msg, _("cannot read %s: %s"), shown, strerror(err));
		show_outcome(t, TS_OVERDUE, path.s, msg.s);
	} else if (import_members(t->db, v->r.branch_id, strbuf_str(&data), data.len, t->today, &res) != OL_OK) {
		show_outcome(t, TS_OVERDUE, path.s, db_errmsg(t->db));
	} else {
		import_result_summary(&res, &msg);
		import_result_clear(&res);
		tui_changed(t);
		show_outcome(t, TS_OK, path.s, msg.s);
	}
	free(shown);
	strbuf_free(&path);
	strbuf_free(&data);
	strbuf_free(&msg);
	return TUI_REDRAW;
}

static unsigned ask_import(struct members_view *v, struct tui *t)
{
	struct strbuf label = { 0 };

	strbuf_addf(&label, _("Import into %s the members of the CSV file: "), v->r.branch_name);
	tui_prompt(t, label.s, NULL, NULL, import_done, v);
	strbuf_free(&label);
	return TUI_REDRAW;
}

/* ---- another branch ---------------------------------------------------------------- */

static void free_picks(struct members_view *v)
{
	for (int i = 0; i < v->npicks; i++)
		free(v->picks[i].name);
	free(v->picks);
	v->picks = NULL;
	v->npicks = v->cappicks = 0;
}

static int collect_branch(const struct org *o, void *ctx)
{
	struct members_view *v = ctx;

	if (o->kind != ORG_BRANCH)
		return 0;
	if (v->npicks == v->cappicks) {
		v->cappicks = v->cappicks ? v->cappicks * 2 : 32;
		v->picks = xrealloc(v->picks, (size_t)v->cappicks * sizeof *v->picks);
	}
	v->picks[v->npicks].id = o->id;
	v->picks[v->npicks].name = xstrdup(o->name);
	v->npicks++;
	return 0;
}

/* The first branch, in the tree's order, whose name matches text; 0 none. */
static long long pick(const struct members_view *v, const char *text)
{
	for (int i = 0; i < v->npicks; i++)
		if (pinyin_match(v->picks[i].name, text))
			return v->picks[i].id;
	return 0;
}

static void show_branch(struct members_view *v, struct tui *t, long long branch)
{
	if (branch == v->branch)
		return;
	v->branch = branch;
	load(v, t);
}

/* Live: the roster follows what is typed. */
static void branch_change(struct tui *t, void *ctx, const char *text)
{
	struct members_view *v = ctx;
	long long b = *text ? pick(v, text) : v->branch_before;

	if (b)
		show_branch(v, t, b);
}

static unsigned branch_done(struct tui *t, void *ctx, const char *text)
{
	struct members_view *v = ctx;

	if (!text || !*text) {
		show_branch(v, t, v->branch_before);
	} else if (!pick(v, text)) {
		char *w = text_sanitize(text, 0);
		show_branch(v, t, v->branch_before);
		tui_status(t, TS_DUE, _("nothing matches '%s'"), w);
		free(w);
	}
	free_picks(v);
	return TUI_REDRAW;
}

static unsigned ask_branch(struct members_view *v, struct tui *t)
{
	int rc;

	free_picks(v);
	if ((rc = org_list(t->db, collect_branch, v)) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	v->branch_before = v->branch;
	tui_prompt(t, _("Branch (some of its name, or pinyin): "), NULL, branch_change, branch_done, v);
	return TUI_REDRAW;
}

/* ---- the screen ------------------------------------------------------------------- */

static unsigned members_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct members_view *v = (struct members_view *)s;
	long long id = selected_id(v);
	struct screen *next;

	(void)key;
	switch (a) {
	case ACT_IDLE: return TUI_NONE;
	case ACT_BRANCH: return ask_branch(v, t);
	case ACT_ADD:
	case ACT_IMPORT:
		if (!v->r.branch_id) {
			tui_status(t, TS_DUE, "%s", no_branch());
			return TUI_REDRAW;
		}
		return a == ACT_ADD ? add_member(v, t) : ask_import(v, t);
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_CONFIRM_MEMBER:
	case ACT_FLOW:
	case ACT_TRANSFER:
	case ACT_LOST:
		if (!id) {
			tui_status(t, TS_DUE, "%s", _("No member is selected."));
			return TUI_REDRAW;
		}
		if (a != ACT_OPEN)
			return view_member_record_key(t, id, a);
		if ((next = view_member_new(t, id)))
			tui_push(t, next);
		return TUI_REDRAW;
	default: return tui_list_key(&v->list, t, a);
	}
}

static void members_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct members_view *)s)->layout_w = -1;
}

static void members_view_free(struct screen *s)
{
	struct members_view *v = (struct members_view *)s;

	members_free(&v->r);
	free_picks(v);
	tui_list_free(&v->list);
	free(v);
}

static const struct screen_ops members_ops = {
	.name = N_("Members"),
	.draw = members_draw,
	.key = members_key,
	.resize = members_resize,
	.free = members_view_free,
};

struct screen *view_members_new(struct tui *t)
{
	struct members_view *v = xmalloc(sizeof *v);

	memset(v, 0, sizeof *v);
	v->base.ops = &members_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_MEMBERS | TUI_SCOPE_RECORD;
	tui_list_init(&v->list, &list_ops, v, 0);
	if (members_branch_for(t->db, t->org_id, &v->branch) != OL_OK || load(v, t) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		members_view_free(&v->base);
		return NULL;
	}
	return &v->base;
}
