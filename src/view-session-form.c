/*
 * view-session-form.c - the session form (view.h, PRODUCT.md §3): When,
 * Kind, Organization, Topic, Place, one field a line.  Typed keys are
 * text (Chinese through an input method too); Tab and Shift-Tab or the
 * arrows move between fields, Enter saves from any field, Esc leaves
 * (asking first when something was typed).  When takes the command line's
 * dates (today, +3d, 周二 14:30) and shows the day it means beside it;
 * Kind and Organization narrow their choices as they are typed (a kind by
 * its code or its name, an organization by characters or pinyin) and list
 * them under the form, the one taken first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/org.h>
#include <orglife/pinyin.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/view.h>

enum field { F_WHEN, F_KIND, F_ORG, F_TOPIC, F_PLACE, F_COUNT };

static const char *const labels[F_COUNT] = {
	[F_WHEN] = N_("When"),
	[F_KIND] = N_("Kind"),
	[F_ORG] = N_("Organization"),
	[F_TOPIC] = N_("Topic"),
	[F_PLACE] = N_("Place"),
};

struct form_org {
	long long id;
	char *name;
};

struct form_view {
	struct screen base;
	long long id;           /* 0: a new session */
	struct strbuf text[F_COUNT];
	enum field field;
	int typed;              /* something was typed */
	struct form_org *orgs;  /* the tree's order */
	int norgs;
};

/* ---- choices -------------------------------------------------------------------- */

static int kind_matches(enum session_kind k, const char *text)
{
	size_t n = strlen(text);

	return !strncasecmp(session_kind_code(k), text, n) || pinyin_match(session_kind_label(k), text) ||
	       pinyin_match(session_kind_zh(k), text);
}

/* The kind typed: one it names exactly, else the first that matches. */
static enum session_kind kind_of(const char *text)
{
	enum session_kind k;

	if (!*text)
		return SK_NONE;
	if (session_kind_parse(text, &k) == 0)
		return k;
	for (int i = 0; i < SK_COUNT; i++)
		if (kind_matches((enum session_kind)i, text))
			return (enum session_kind)i;
	return SK_NONE;
}

/* The organization typed (an index), likewise; -1 none. */
static int org_of(const struct form_view *v, const char *text)
{
	if (!*text)
		return -1;
	for (int i = 0; i < v->norgs; i++)
		if (!strcmp(v->orgs[i].name, text))
			return i;
	for (int i = 0; i < v->norgs; i++)
		if (pinyin_match(v->orgs[i].name, text))
			return i;
	return -1;
}

static int add_org(const struct org *o, void *ctx)
{
	struct form_view *v = ctx;

	v->orgs = xrealloc(v->orgs, (size_t)(v->norgs + 1) * sizeof *v->orgs);
	v->orgs[v->norgs].id = o->id;
	v->orgs[v->norgs].name = xstrdup(o->name ? o->name : "");
	v->norgs++;
	return 0;
}

static const char *org_name(const struct form_view *v, long long id)
{
	for (int i = 0; i < v->norgs; i++)
		if (v->orgs[i].id == id)
			return v->orgs[i].name;
	return "";
}

/* ---- drawing -------------------------------------------------------------------- */

static int label_width(void)
{
	int w = 0;

	for (int f = 0; f < F_COUNT; f++)
		if (text_width(_(labels[f])) + 1 > w)
			w = text_width(_(labels[f])) + 1;
	return w;
}

/* What a field means, beside it: the day, the kind, the organization. */
static void resolved(const struct form_view *v, struct tui *t, enum field f, struct strbuf *b, enum tui_style *style)
{
	const char *text = v->text[f].s, *err;
	char day[DATE_DISPLAY_MAX], tm[6];
	long d;
	int minute, i;
	enum session_kind k;

	*style = TS_DIM;
	if (f == F_WHEN && *text) {
		if (date_parse(text, t->today, DATE_ALLOW_TIME, &d, &minute, &err) != 0) {
			strbuf_adds(b, _(err));
			*style = TS_OVERDUE;
			return;
		}
		date_display(d, day);
		date_format_time(minute, tm);
		strbuf_addf(b, "%s %s", day, minute >= 0 ? tm : _("time to be set"));
	} else if (f == F_KIND && *text) {
		if ((k = kind_of(text)) == SK_NONE) {
			strbuf_adds(b, _("no such kind"));
			*style = TS_OVERDUE;
		} else if (strcmp(text, session_kind_label(k)) != 0)
			strbuf_adds(b, session_kind_label(k));
	} else if (f == F_ORG && *text) {
		if ((i = org_of(v, text)) < 0) {
			strbuf_adds(b, _("no such organization"));
			*style = TS_OVERDUE;
		} else if (strcmp(text, v->orgs[i].name) != 0)
			strbuf_adds(b, v->orgs[i].name);
	}
}

/* Under the form: the choices of the field being typed, the one taken
 * first and marked. */
static void draw_choices(struct form_view *v, struct tui *t, int y, int x, int w, int h)
{
	const char *text = v->text[v->field].s;
	int taken, row = 0;

	if (v->field == F_KIND) {
		taken = kind_of(text);
		for (int k = 0; k < SK_COUNT && row < h; k++) {
			char line[160];
			if (!kind_matches((enum session_kind)k, text))
				continue;
			snprintf(line, sizeof line, "%s %-10s %s", k == taken ? ">" : " ", session_kind_code((enum session_kind)k),
				 session_kind_label((enum session_kind)k));
			tui_text(y + row++, x, w, line, k == taken ? A_BOLD : tui_attr(t, TS_DIM), 0);
		}
	} else if (v->field == F_ORG) {
		taken = org_of(v, text);
		for (int i = 0; i < v->norgs && row < h; i++) {
			if (*text && !pinyin_match(v->orgs[i].name, text))
				continue;
			tui_text(y + row, x, 2, i == taken ? ">" : " ", A_BOLD, 0);
			tui_text(y + row++, x + 2, w - 2, v->orgs[i].name, i == taken ? A_BOLD : tui_attr(t, TS_DIM), 0);
		}
	}
}

static void form_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct form_view *v = (struct form_view *)s;
	int lw = label_width(), x = r->x + 1, vx = x + lw + 1, vw = r->w - (vx - r->x) - 1;
	struct strbuf b = { 0 };

	for (int f = 0; f < F_COUNT && f < r->h; f++) {
		int y = r->y + f, used;
		enum tui_style style;
		attr_t focus = f == (int)v->field ? tui_attr(t, TS_SELECTED) : A_NORMAL;

		tui_text(y, x, lw, _(labels[f]), f == (int)v->field ? A_BOLD : A_NORMAL, 0);
		tui_text(y, x + text_width(_(labels[f])), 1, ":", A_NORMAL, 0);
		used = tui_text(y, vx, vw, v->text[f].s, focus, 0);
		/* The end of the text being typed. */
		if (f == (int)v->field && used < vw)
			tui_text(y, vx + used, 1, " ", A_REVERSE, 1);
		strbuf_reset(&b);
		resolved(v, t, (enum field)f, &b, &style);
		if (b.len && used + 3 < vw)
			tui_text(y, vx + used + 3, vw - used - 3, b.s, tui_attr(t, style), 0);
	}
	strbuf_free(&b);
	if (r->h > F_COUNT + 1)
		draw_choices(v, t, r->y + F_COUNT + 1, vx, vw, r->h - F_COUNT - 1);
}

/* ---- keys ---------------------------------------------------------------------- */

/* The fields as a session; a message for the first that cannot be. */
static int read_fields(struct form_view *v, struct tui *t, struct session *s)
{
	const char *err;
	int i;

	memset(s, 0, sizeof *s);
	s->also = SK_NONE;
	if (date_parse(v->text[F_WHEN].s, t->today, DATE_ALLOW_TIME, &s->day, &s->minute, &err) != 0) {
		tui_status(t, TS_OVERDUE, "%s: %s", _(labels[F_WHEN]), _(err));
		v->field = F_WHEN;
		return -1;
	}
	if ((s->kind = kind_of(v->text[F_KIND].s)) == SK_NONE) {
		tui_status(t, TS_OVERDUE, "%s: %s", _(labels[F_KIND]),
			   _("type a kind by its code or its name (assembly, 党员大会, theme-day, ...)"));
		v->field = F_KIND;
		return -1;
	}
	if ((i = org_of(v, v->text[F_ORG].s)) < 0) {
		tui_status(t, TS_OVERDUE, "%s: %s", _(labels[F_ORG]),
			   _("type an organization's name, some of its characters or their pinyin"));
		v->field = F_ORG;
		return -1;
	}
	s->org_id = v->orgs[i].id;
	s->topic = *v->text[F_TOPIC].s ? v->text[F_TOPIC].s : NULL;
	s->place = *v->text[F_PLACE].s ? v->text[F_PLACE].s : NULL;
	return 0;
}

static unsigned save(struct form_view *v, struct tui *t)
{
	struct session s;
	char day[DATE_DISPLAY_MAX];
	long long id = v->id;
	int rc;

	if (read_fields(v, t, &s) != 0)
		return TUI_REDRAW;
	rc = v->id ? session_edit(t->db, v->id, &s) : session_add(t->db, &s, &id);
	if (rc != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	date_display(s.day, day);
	tui_status(t, TS_OK, v->id ? _("session %lld changed (%s), saved") : _("session %lld added (%s), saved"), id, day);
	tui_changed(t);
	return TUI_POP | TUI_REDRAW;
}

static unsigned leave_done(struct tui *t, void *ctx, const char *answer)
{
	(void)t;
	(void)ctx;
	return answer ? TUI_POP : TUI_REDRAW;
}

static unsigned form_input(struct screen *s, struct tui *t, int key, unsigned long raw, int is_code)
{
	struct form_view *v = (struct form_view *)s;
	unsigned r = tui_edit_key(&v->text[v->field], raw, key, is_code);

	(void)t;
	if (r != TUI_PASS)
		v->typed = 1;
	return r;
}

static unsigned form_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct form_view *v = (struct form_view *)s;

	(void)key;
	switch (a) {
	case ACT_SAVE: return save(v, t);
	case ACT_FIELD_NEXT: v->field = (enum field)((v->field + 1) % F_COUNT); return TUI_REDRAW;
	case ACT_FIELD_PREV: v->field = (enum field)((v->field + F_COUNT - 1) % F_COUNT); return TUI_REDRAW;
	case ACT_BACK:
		if (!v->typed)
			return TUI_POP;
		tui_confirm(t, _("Leave the form without saving?"), leave_done, v);
		return TUI_REDRAW;
	case ACT_IDLE: return TUI_NONE;
	default: return TUI_PASS;
	}
}

static void form_free(struct screen *s)
{
	struct form_view *v = (struct form_view *)s;

	for (int f = 0; f < F_COUNT; f++)
		strbuf_free(&v->text[f]);
	for (int i = 0; i < v->norgs; i++)
		free(v->orgs[i].name);
	free(v->orgs);
	free(v);
}

static const struct screen_ops form_ops = {
	.name = N_("Session form"),
	.draw = form_draw,
	.key = form_key,
	.input = form_input,
	.free = form_free,
};

/* Fills the fields from s: the day in the form people type it back. */
static void fill(struct form_view *v, const struct session *s)
{
	char iso[11], tm[6];

	if (s->day >= 0) {
		date_format(s->day, iso);
		strbuf_adds(&v->text[F_WHEN], iso);
		if (s->minute >= 0) {
			date_format_time(s->minute, tm);
			strbuf_addf(&v->text[F_WHEN], " %s", tm);
		}
	}
	if (s->kind != SK_NONE)
		strbuf_adds(&v->text[F_KIND], session_kind_label(s->kind));
	if (s->org_id)
		strbuf_adds(&v->text[F_ORG], org_name(v, s->org_id));
	strbuf_adds(&v->text[F_TOPIC], s->topic ? s->topic : "");
	strbuf_adds(&v->text[F_PLACE], s->place ? s->place : "");
}

struct screen *view_session_form_new(struct tui *t, long long session_id, const struct session *init)
{
	struct form_view *v = xmalloc(sizeof *v);
	struct session s;
	char buf[64];

	memset(v, 0, sizeof *v);
	v->base.ops = &form_ops;
	v->base.scope = TUI_SCOPE_FORM;
	v->id = session_id;
	for (int f = 0; f < F_COUNT; f++)
		strbuf_adds(&v->text[f], "");
	if (org_list(t->db, add_org, v) != OL_OK || (session_id && session_get(t->db, session_id, &s) != OL_OK)) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		form_free(&v->base);
		return NULL;
	}
	if (session_id) {
		fill(v, &s);
		session_clear(&s);
		snprintf(buf, sizeof buf, _("session %lld"), session_id);
		v->base.title = xstrdup(buf);
	} else {
		if (init)
			fill(v, init);
		v->base.title = xstrdup(_("a new session"));
	}
	/* A new session starts where something is still to choose. */
	if (!session_id)
		v->field = !*v->text[F_WHEN].s ? F_WHEN : !*v->text[F_KIND].s ? F_KIND : !*v->text[F_ORG].s ? F_ORG : F_TOPIC;
	v->base.gen = t->gen;
	return &v->base;
}
