/*
 * view-help.c - the `?` screen (view.h): the keys of the screen it was
 * opened from, generated from the key table (tui-keys.c), one section per
 * scope the screen offers, its own first.  Long descriptions wrap under
 * themselves.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

struct help_row {
	char *keys;  /* NULL: a continuation or a heading */
	char *text;
	int heading;
};

struct help_view {
	struct screen base;
	struct tui_list list;
	unsigned mask;    /* the scopes of the screen it explains */
	struct help_row *rows;
	int nrows, caprows;
	int width, keycol;
};

static void add_row(struct help_view *v, const char *keys, const char *text, int heading)
{
	if (v->nrows == v->caprows) {
		v->caprows = v->caprows ? v->caprows * 2 : 64;
		v->rows = xrealloc(v->rows, (size_t)v->caprows * sizeof *v->rows);
	}
	v->rows[v->nrows].keys = keys ? xstrdup(keys) : NULL;
	v->rows[v->nrows].text = xstrdup(text);
	v->rows[v->nrows].heading = heading;
	v->nrows++;
}

static void free_rows(struct help_view *v)
{
	for (int i = 0; i < v->nrows; i++) {
		free(v->rows[i].keys);
		free(v->rows[i].text);
	}
	v->nrows = 0;
}

/* "j, Down": a binding's keys as the man page writes them. */
static void keys_of(const struct tui_binding *b, struct strbuf *out)
{
	char name[32];

	for (int k = 0; k < TUI_MAX_KEYS && b->keys[k]; k++) {
		tui_key_name(b->keys[k], name, sizeof name);
		if (k)
			strbuf_adds(out, ", ");
		strbuf_adds(out, name);
	}
}

struct wrap_ctx {
	struct help_view *v;
	const char *keys; /* for the first line only */
};

static void add_wrapped(void *p, const char *line)
{
	struct wrap_ctx *c = p;

	add_row(c->v, c->keys ? c->keys : "", line, 0);
	c->keys = NULL;
}

/* The widest key column of the scopes shown. */
static int key_column(const struct help_view *v)
{
	struct strbuf b = { 0 };
	int w = 0;

	for (int i = 0; i < tui_nbindings; i++) {
		if (!(tui_bindings[i].scope & v->mask))
			continue;
		strbuf_reset(&b);
		keys_of(&tui_bindings[i], &b);
		if (text_width(b.s) > w)
			w = text_width(b.s);
	}
	strbuf_free(&b);
	return w;
}

static void build_scope(struct help_view *v, const struct tui_scope_info *sc, int width)
{
	struct strbuf keys = { 0 };

	if (v->nrows)
		add_row(v, NULL, "", 0);
	add_row(v, NULL, _(sc->title), 1);
	for (int i = 0; i < tui_nbindings; i++) {
		struct wrap_ctx c = { .v = v };
		if (tui_bindings[i].scope != sc->scope)
			continue;
		strbuf_reset(&keys);
		keys_of(&tui_bindings[i], &keys);
		c.keys = keys.s;
		tui_wrap(_(tui_bindings[i].help), width - v->keycol - 4, add_wrapped, &c);
	}
	strbuf_free(&keys);
}

static void build(struct help_view *v, int width)
{
	free_rows(v);
	v->keycol = key_column(v);
	if (v->keycol > width / 3)
		v->keycol = width / 3;
	for (int s = 0; s < tui_nscopes; s++)
		if (tui_scopes[s].scope & v->mask)
			build_scope(v, &tui_scopes[s], width);
	v->width = width;
	tui_list_set_rows(&v->list, v->nrows);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct help_view *v = ctx;
	const struct help_row *r = &v->rows[row];

	(void)selected;
	if (r->heading) {
		tui_text(y, x, w, r->text, tui_attr(t, TS_HEADING), 0);
		return;
	}
	tui_text(y, x + 2, v->keycol, r->keys ? r->keys : "", tui_attr(t, TS_KEY), 1);
	tui_text(y, x + 2 + v->keycol + 2, w - v->keycol - 4, r->text, A_NORMAL, 0);
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row };

static void help_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct help_view *v = (struct help_view *)s;

	if (v->width != r->w - 1)
		build(v, r->w - 1);
	tui_list_draw(&v->list, t, &(struct tui_rect){ .y = r->y, .x = r->x + 1, .h = r->h, .w = r->w - 1 });
}

static unsigned help_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct help_view *v = (struct help_view *)s;

	(void)key;
	if (a == ACT_IDLE || a == ACT_HELP)
		return TUI_NONE;
	return tui_list_key(&v->list, t, a);
}

static void help_free(struct screen *s)
{
	struct help_view *v = (struct help_view *)s;

	free_rows(v);
	free(v->rows);
	tui_list_free(&v->list);
	free(v);
}

/* The lines are laid out for a width: lay them out again at the next draw. */
static void help_resize(struct screen *s, struct tui *t)
{
	(void)t;
	((struct help_view *)s)->width = -1;
}

static const struct screen_ops help_ops = {
	.name = N_("Keys"),
	.draw = help_draw,
	.key = help_key,
	.resize = help_resize,
	.free = help_free,
};

struct screen *view_help_new(struct tui *t, const struct screen *of)
{
	struct help_view *v = xmalloc(sizeof *v);

	(void)t;
	memset(v, 0, sizeof *v);
	v->base.ops = &help_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST;
	v->base.title = xstrdup(_(of->ops->name));
	v->mask = of->scope;
	tui_list_init(&v->list, &list_ops, v, 1);
	return &v->base;
}
