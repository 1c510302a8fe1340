/*
 * tui-list.h - the one list widget every screen shares: rows drawn by the
 * owner, a selection that skips the rows the owner marks (headings), a
 * scroll position that keeps the selection in view, the movement keys of
 * PRODUCT.md §3 (j k, arrows, g G, Home End, Ctrl-D Ctrl-U, PgUp PgDn), and
 * `/` to find a row by its text (live as it is typed; Enter keeps the
 * match, Esc goes back, n finds the next).  In pager mode there is no
 * selection and the keys scroll.
 */
#ifndef ORGLIFE_TUI_LIST_H
#define ORGLIFE_TUI_LIST_H

#include <orglife/tui-screen.h>

struct tui_list;

struct tui_list_ops {
	/* Draws row at (y, x), w columns wide; selected when it is the cursor's. */
	void (*draw_row)(void *ctx, struct tui *t, int row, int y, int x, int w, int selected);
	/* Can the cursor stop on row? NULL: every row. */
	int (*selectable)(void *ctx, int row);
	/* Does row match what `/` typed? NULL: the list cannot be searched. */
	int (*matches)(void *ctx, int row, const char *needle);
};

struct tui_list {
	const struct tui_list_ops *ops;
	void *ctx;
	int pager;    /* no selection: the keys scroll */
	int n;        /* rows */
	int sel;      /* the selected row, -1 for none */
	int top;      /* the first row shown */
	int height;   /* rows shown at the last draw (at least 1) */
	char *query;  /* the last search */
	int sel_before_search;
};

/* Starts an empty list; ctx is handed to ops. */
void tui_list_init(struct tui_list *l, const struct tui_list_ops *ops, void *ctx, int pager);
/* Frees the list's own memory (not ctx). */
void tui_list_free(struct tui_list *l);

/* Sets the number of rows, keeping the selection where it can (clamped,
 * moved off an unselectable row). */
void tui_list_set_rows(struct tui_list *l, int n);
/* Selects row (or the nearest selectable row after it, else before it)
 * and scrolls it into view. */
void tui_list_select(struct tui_list *l, int row);
/* Like tui_list_select, then shows from row `from` (a heading above the
 * selection), as far as the selection stays in view when drawn. */
void tui_list_select_from(struct tui_list *l, int row, int from);

/* Draws the visible rows into r. */
void tui_list_draw(struct tui_list *l, struct tui *t, const struct tui_rect *r);

/* Handles a movement or search action; returns TUI_REDRAW, or TUI_PASS
 * for an action that is not the list's. */
unsigned tui_list_key(struct tui_list *l, struct tui *t, enum tui_action a);

/* The next row from `from` (inclusive) going forward, wrapping, that
 * matches needle; -1 when none. */
int tui_list_find(const struct tui_list *l, const char *needle, int from);

#endif
