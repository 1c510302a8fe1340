/*
 * tui-list.c - the list widget every screen shares (tui-list.h): selection,
 * scrolling, the movement keys and `/` to find a row.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>

void tui_list_init(struct tui_list *l, const struct tui_list_ops *ops, void *ctx, int pager)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
	l->pager = pager;
	l->sel = -1;
	l->height = 1;
}

void tui_list_free(struct tui_list *l)
{
	free(l->query);
	l->query = NULL;
}

static int selectable(const struct tui_list *l, int row)
{
	return row >= 0 && row < l->n && (!l->ops->selectable || l->ops->selectable(l->ctx, row));
}

/* The selectable row nearest to row going dir (+1, -1), or -1. */
static int nearest(const struct tui_list *l, int row, int dir)
{
	for (; row >= 0 && row < l->n; row += dir)
		if (selectable(l, row))
			return row;
	return -1;
}

/* Scrolls so the selection is in view (pager: keeps top in range). */
static void scroll_into_view(struct tui_list *l)
{
	int max_top = l->n - l->height;

	if (max_top < 0)
		max_top = 0;
	if (!l->pager && l->sel >= 0) {
		if (l->sel < l->top)
			l->top = l->sel;
		else if (l->sel >= l->top + l->height)
			l->top = l->sel - l->height + 1;
		/* Show the headings above the first selectable row. */
		if (l->sel < l->height && nearest(l, l->sel - 1, -1) < 0)
			l->top = 0;
	}
	if (l->top > max_top)
		l->top = max_top;
	if (l->top < 0)
		l->top = 0;
}

void tui_list_select(struct tui_list *l, int row)
{
	int r;

	if (l->pager) {
		l->top = row;
		scroll_into_view(l);
		return;
	}
	if (row >= l->n)
		row = l->n - 1;
	if (row < 0)
		row = 0;
	r = nearest(l, row, +1);
	if (r < 0)
		r = nearest(l, row, -1);
	l->sel = r;
	scroll_into_view(l);
}

void tui_list_select_from(struct tui_list *l, int row, int from)
{
	tui_list_select(l, row);
	/* The next draw scrolls again if the selection would fall below. */
	if (!l->pager && from >= 0 && from <= l->sel)
		l->top = from;
}

void tui_list_set_rows(struct tui_list *l, int n)
{
	l->n = n < 0 ? 0 : n;
	if (l->pager)
		scroll_into_view(l);
	else
		tui_list_select(l, l->sel < 0 ? 0 : l->sel);
}

void tui_list_draw(struct tui_list *l, struct tui *t, const struct tui_rect *r)
{
	l->height = r->h > 0 ? r->h : 1;
	scroll_into_view(l);
	for (int i = 0; i < r->h; i++) {
		int row = l->top + i;
		if (row >= l->n)
			break;
		l->ops->draw_row(l->ctx, t, row, r->y + i, r->x, r->w, !l->pager && row == l->sel);
	}
}

/* Moves by delta rows (a page, half a page, one line). */
static void move_by(struct tui_list *l, int delta)
{
	int target;

	if (l->pager) {
		l->top += delta;
		scroll_into_view(l);
		return;
	}
	if (l->sel < 0)
		return;
	target = l->sel + delta;
	if (target < 0)
		target = 0;
	if (target >= l->n)
		target = l->n - 1;
	/* Past unselectable rows in the direction of travel. */
	if (!selectable(l, target)) {
		int r = nearest(l, target, delta > 0 ? +1 : -1);
		target = r >= 0 ? r : l->sel;
	}
	l->sel = target;
	scroll_into_view(l);
}

int tui_list_find(const struct tui_list *l, const char *needle, int from)
{
	if (!l->ops->matches || l->n == 0)
		return -1;
	if (from < 0 || from >= l->n)
		from = 0;
	for (int k = 0; k < l->n; k++) {
		int row = (from + k) % l->n;
		if (selectable(l, row) && l->ops->matches(l->ctx, row, needle))
			return row;
	}
	return -1;
}

/* Jumps to the first match of text from where the search began. */
static void search_change(struct tui *t, void *ctx, const char *text)
{
	struct tui_list *l = ctx;
	int row;

	(void)t;
	if (!*text) {
		tui_list_select(l, l->sel_before_search);
		return;
	}
	/* No match: the cursor stays; Enter will say so. */
	row = tui_list_find(l, text, l->sel_before_search);
	if (row >= 0)
		tui_list_select(l, row);
}

static unsigned search_done(struct tui *t, void *ctx, const char *text)
{
	struct tui_list *l = ctx;

	if (!text || !*text) {
		tui_list_select(l, l->sel_before_search);
		return TUI_REDRAW;
	}
	free(l->query);
	l->query = xstrdup(text);
	if (tui_list_find(l, text, l->sel_before_search) < 0) {
		char *w = text_sanitize(text, 0);
		tui_status(t, TS_DUE, _("nothing matches '%s'"), w);
		free(w);
	}
	return TUI_REDRAW;
}

static unsigned search_next(struct tui_list *l, struct tui *t)
{
	int row;

	if (!l->query) {
		tui_status(t, TS_NORMAL, _("nothing to find yet: press / first"));
		return TUI_REDRAW;
	}
	row = tui_list_find(l, l->query, l->sel + 1);
	if (row < 0) {
		char *w = text_sanitize(l->query, 0);
		tui_status(t, TS_DUE, _("nothing matches '%s'"), w);
		free(w);
	} else {
		if (row <= l->sel)
			tui_status(t, TS_NORMAL, _("from the top again"));
		tui_list_select(l, row);
	}
	return TUI_REDRAW;
}

unsigned tui_list_key(struct tui_list *l, struct tui *t, enum tui_action a)
{
	int page = l->height > 1 ? l->height - 1 : 1;

	switch (a) {
	case ACT_DOWN: move_by(l, 1); break;
	case ACT_UP: move_by(l, -1); break;
	case ACT_HALF_DOWN: move_by(l, (l->height + 1) / 2); break;
	case ACT_HALF_UP: move_by(l, -(l->height + 1) / 2); break;
	case ACT_PAGE_DOWN: move_by(l, page); break;
	case ACT_PAGE_UP: move_by(l, -page); break;
	case ACT_TOP: tui_list_select(l, 0); break;
	case ACT_BOTTOM:
		if (l->pager)
			tui_list_select(l, l->n);
		else {
			int r = nearest(l, l->n - 1, -1);
			if (r >= 0)
				tui_list_select(l, r);
		}
		break;
	case ACT_SEARCH:
		if (!l->ops->matches || l->pager)
			return TUI_PASS;
		l->sel_before_search = l->sel < 0 ? 0 : l->sel;
		tui_prompt(t, "/", NULL, search_change, search_done, l);
		break;
	case ACT_SEARCH_NEXT:
		if (!l->ops->matches || l->pager)
			return TUI_PASS;
		return search_next(l, t);
	default:
		return TUI_PASS;
	}
	return TUI_REDRAW;
}
