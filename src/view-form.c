/*
 * view-form.c - a form on a screen of its own (view.h; PRODUCT.md §3,
 * Forms): a label and a field per line, what is typed going to the field in
 * focus, and beside each field what it comes to: the day a date resolves to
 * (or why it is not one), the choices that match what was typed with the
 * one taken shown reversed.  Enter saves from any field, Esc leaves (asking
 * first when something was typed).  The fields' logic is form.c's; what
 * saving does is the caller's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/form.h>
#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/view.h>

struct form_view {
	struct screen base;
	struct form form;
	view_form_save_fn *save;
	void *ctx;
	void (*free_ctx)(void *ctx);
};

/* The end of s (made harmless) that fits in cols columns, so the cursor
 * stays after what is being typed. */
static const char *tail(const char *s, int cols)
{
	while (*s && text_width(s) > cols) {
		unsigned cp;
		s += text_utf8_decode(s, strlen(s), &cp);
	}
	return s;
}

/* The choices that match, the one taken first, as many as fit in w. */
static void draw_choices(struct tui *t, const struct form_field *fl, int y, int x, int w)
{
	int at = fl->sel, cx = x;

	if (at < 0) {
		tui_text(y, x, w, _("no choice matches it: erase some of what was typed"), tui_attr(t, TS_OVERDUE), 0);
		return;
	}
	for (int k = 0; k < fl->nchoices && cx < x + w; k++) {
		int i = (at + k) % fl->nchoices;
		if (!form_choice_matches(fl, i))
			continue;
		cx += tui_text(y, cx, x + w - cx, fl->choices[i].label,
			       i == fl->sel ? tui_attr(t, TS_SELECTED) : tui_attr(t, TS_DIM), 0) + 2;
	}
}

/* What the field comes to, beside it. */
static void draw_beside(struct form_view *v, struct tui *t, int i, int y, int x, int w)
{
	const struct form_field *fl = &v->form.fields[i];
	char day[DATE_DISPLAY_MAX];
	const char *err;
	long d;

	if (w <= 0)
		return;
	if (fl->kind == FORM_DATE) {
		if (!fl->text.len) {
			if (i == v->form.cur)
				tui_text(y, x, w, _("a date: 2026-07-15, today, +3d, next tue, 下周二"),
					 tui_attr(t, TS_DIM), 0);
		} else if (form_date(&v->form, i, &d, &err) != 0) {
			tui_text(y, x, w, _(err), tui_attr(t, TS_OVERDUE), 0);
		} else if (d >= 0) {
			int y1, y2;
			date_display(d, day);
			date_to_ymd(d, &y1, NULL, NULL);
			date_to_ymd(v->form.today, &y2, NULL, NULL);
			/* Narrow: this year's days without their year. */
			if (text_width(day) > w && y1 == y2)
				date_display_short(d, day);
			tui_text(y, x, w, day, A_NORMAL, 0);
		}
	} else if (fl->kind == FORM_CHOICE && !fl->readonly) {
		if (i == v->form.cur)
			draw_choices(t, fl, y, x, w);
		else if (fl->text.len)
			tui_text(y, x, w, fl->sel >= 0 ? fl->choices[fl->sel].label : "?", A_NORMAL, 0);
	}
}

static void form_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct form_view *v = (struct form_view *)s;
	struct form *f = &v->form;
	int labelw = 0, vx, vw, avail, top = 0, rows = r->h - 1;

	for (int i = 0; i < f->n; i++)
		if (text_width(f->fields[i].label) > labelw)
			labelw = text_width(f->fields[i].label);
	if (labelw > r->w / 3)
		labelw = r->w / 3;
	vx = r->x + 2 + labelw + 2;
	avail = r->x + r->w - vx - 1;
	/* Room for a typed date; the rest for what it comes to. */
	vw = avail * 2 / 5;
	if (vw < 10)
		vw = avail < 10 ? avail : 10;
	if (vw > 28)
		vw = 28;
	if (f->cur >= rows)
		top = f->cur - rows + 1;
	for (int i = top; i < f->n && i - top < rows; i++) {
		const struct form_field *fl = &f->fields[i];
		int y = r->y + 1 + i - top, focus = i == f->cur;
		const char *shown = fl->text.len || fl->kind != FORM_CHOICE ? strbuf_str(&fl->text)
					: fl->sel >= 0 ? fl->choices[fl->sel].label : "";
		char *clean = text_sanitize(shown, 0);
		attr_t attr = fl->readonly ? tui_attr(t, TS_DIM) : A_UNDERLINE;
		int used;

		tui_text(y, r->x + 2, labelw, fl->label, focus ? tui_attr(t, TS_SELECTED) : tui_attr(t, TS_HEADING), 0);
		tui_text(y, vx, vw, "", attr, 1);
		used = tui_text(y, vx, vw - 1, tail(clean, vw - 1), attr, 0);
		if (focus) {
			t->cursor_y = y;
			t->cursor_x = fl->text.len || fl->kind != FORM_CHOICE ? vx + used : vx;
		}
		draw_beside(v, t, i, y, vx + vw + 2, r->x + r->w - vx - vw - 3);
		free(clean);
	}
}

static unsigned leave_done(struct tui *t, void *ctx, const char *answer)
{
	(void)t;
	(void)ctx;
	return answer ? TUI_POP : TUI_REDRAW;
}

static unsigned form_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct form_view *v = (struct form_view *)s;

	(void)key;
	switch (a) {
	case ACT_SAVE: return v->save(t, &v->form, v->ctx);
	case ACT_FIELD_NEXT: form_move(&v->form, +1); break;
	case ACT_FIELD_PREV: form_move(&v->form, -1); break;
	case ACT_CHOICE_NEXT: form_choice_step(&v->form, +1); break;
	case ACT_CHOICE_PREV: form_choice_step(&v->form, -1); break;
	case ACT_BACK:
		if (!form_changed(&v->form))
			return TUI_POP;
		tui_confirm(t, _("Leave the form without saving?"), leave_done, v);
		break;
	case ACT_IDLE: return TUI_NONE;
	default: return TUI_PASS; /* help */
	}
	return TUI_REDRAW;
}

/* What is typed goes to the field in focus, edited as the prompt's text is. */
static unsigned form_input(struct screen *s, struct tui *t, int key, unsigned long raw, int is_code)
{
	struct form_view *v = (struct form_view *)s;
	struct strbuf *text = form_text_in_focus(&v->form);
	unsigned r;

	(void)t;
	if (!text)
		return TUI_PASS;
	if ((r = tui_edit_key(text, raw, key, is_code)) != TUI_PASS)
		form_edited(&v->form);
	return r;
}

static void form_view_free(struct screen *s)
{
	struct form_view *v = (struct form_view *)s;

	form_free(&v->form);
	if (v->free_ctx)
		v->free_ctx(v->ctx);
	free(v);
}

static const struct screen_ops form_ops = {
	.name = N_("Form"),
	.draw = form_draw,
	.key = form_key,
	.input = form_input,
	.free = form_view_free,
};

struct screen *view_form_new(struct tui *t, const char *title, struct form *f, view_form_save_fn *save, void *ctx,
			     void (*free_ctx)(void *ctx))
{
	struct form_view *v = xmalloc(sizeof *v);

	(void)t;
	memset(v, 0, sizeof *v);
	v->base.ops = &form_ops;
	v->base.scope = TUI_SCOPE_FORM;
	v->base.title = xstrdup(title);
	v->form = *f;
	memset(f, 0, sizeof *f);
	v->save = save;
	v->ctx = ctx;
	v->free_ctx = free_ctx;
	return &v->base;
}
