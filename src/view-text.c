/*
 * view-text.c - a pager over text (view.h): the output of a `:` command,
 * wrapped at the screen's width (made harmless first), scrolled with the
 * list keys.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct text_view {
	struct screen base;
	struct tui_list list;
	char *text;
	char **lines;
	int nlines, caplines;
	int width; /* the lines are wrapped for this width */
};

static void add_line(void *ctx, const char *line)
{
	struct text_view *v = ctx;

	if (v->nlines == v->caplines) {
		v->caplines = v->caplines ? v->caplines * 2 : 64;
		v->lines = xrealloc(v->lines, (size_t)v->caplines * sizeof *v->lines);
	}
	v->lines[v->nlines++] = xstrdup(line);
}

static void free_lines(struct text_view *v)
{
	for (int i = 0; i < v->nlines; i++)
		free(v->lines[i]);
	v->nlines = 0;
}

static void wrap_for(struct text_view *v, int width)
{
	size_t len = strlen(v->text);
	char *text = xstrdup(v->text);

	/* No empty last line for the final newline. */
	if (len > 0 && text[len - 1] == '\n')
		text[len - 1] = '\0';
	free_lines(v);
	tui_wrap(text, width, add_line, v);
	free(text);
	v->width = width;
	tui_list_set_rows(&v->list, v->nlines);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct text_view *v = ctx;

	(void)t;
	(void)selected;
	tui_text(y, x, w, v->lines[row], A_NORMAL, 0);
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row };

static void text_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct text_view *v = (struct text_view *)s;

	if (v->width != r->w - 1)
		wrap_for(v, r->w - 1);
	tui_list_draw(&v->list, t, &(struct tui_rect){ .y = r->y, .x = r->x + 1, .h = r->h, .w = r->w - 1 });
}

static unsigned text_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct text_view *v = (struct text_view *)s;

	(void)key;
	if (a == ACT_IDLE)
		return TUI_NONE;
	return tui_list_key(&v->list, t, a);
}

static void text_free(struct screen *s)
{
	struct text_view *v = (struct text_view *)s;

	free_lines(v);
	free(v->lines);
	free(v->text);
	tui_list_free(&v->list);
	free(v);
}

/* The lines are laid out for a width: lay them out again at the next draw. */
static void text_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct text_view *)s)->width = -1;
}

static const struct screen_ops text_ops = {
	.name = N_("Output"),
	.draw = text_draw,
	.key = text_key,
	.resize = text_resize,
	.free = text_free,
};

struct screen *view_text_new(struct tui *t, const char *title, const char *text)
{
	struct text_view *v = xmalloc(sizeof *v);

	(void)t;
	memset(v, 0, sizeof *v);
	v->base.ops = &text_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST;
	v->base.title = xstrdup(title);
	v->text = xstrdup(text ? text : "");
	tui_list_init(&v->list, &list_ops, v, 1);
	return &v->base;
}
