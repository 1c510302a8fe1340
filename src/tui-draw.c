/*
 * tui-draw.c - drawing for every screen (tui-screen.h): colours with a meaning,
 * text made harmless and fitted by display width, wrapping, and the frame
 * around the top screen: the title bar, the status line (or the open
 * prompt) and the hint bar generated from the key table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/text.h>
#include "tui-internal.h"

enum { PAIR_OK = 1, PAIR_DUE, PAIR_OVERDUE, PAIR_DIM };

void tui_colors_init(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	short bg = -1;

	t->colors = 0;
	if ((no_color && *no_color) || !has_colors() || start_color() != OK)
		return;
	if (use_default_colors() != OK)
		bg = COLOR_BLACK;
	init_pair(PAIR_OK, COLOR_GREEN, bg);
	/* Amber where the terminal has it, else yellow. */
	init_pair(PAIR_DUE, COLORS >= 256 ? 172 : COLOR_YELLOW, bg);
	init_pair(PAIR_OVERDUE, COLOR_RED, bg);
	init_pair(PAIR_DIM, COLORS >= 16 ? 8 : COLOR_WHITE, bg);
	t->colors = 1;
}

attr_t tui_attr(const struct tui *t, enum tui_style style)
{
	switch (style) {
	case TS_OK: return t->colors ? COLOR_PAIR(PAIR_OK) : A_NORMAL;
	case TS_DUE: return t->colors ? COLOR_PAIR(PAIR_DUE) | A_BOLD : A_BOLD;
	case TS_OVERDUE: return t->colors ? COLOR_PAIR(PAIR_OVERDUE) | A_BOLD : A_BOLD;
	case TS_DIM: return t->colors && COLORS >= 16 ? COLOR_PAIR(PAIR_DIM) : A_DIM;
	case TS_HEADING: return A_BOLD;
	case TS_TITLE: return A_REVERSE;
	case TS_SELECTED: return A_REVERSE;
	case TS_KEY: return A_BOLD;
	default: return A_NORMAL;
	}
}

enum tui_style tui_severity_style(enum severity s)
{
	return s == SEV_OVERDUE ? TS_OVERDUE : s == SEV_DUE ? TS_DUE : TS_OK;
}

const char *tui_attend_mark(enum attend_status a, enum tui_style *style)
{
	switch (a) {
	case ATTEND_PRESENT: *style = TS_OK; return "✓";
	case ATTEND_LATE: *style = TS_DUE; return "✓";
	case ATTEND_EXCUSED: *style = TS_NORMAL; return "-";
	case ATTEND_ABSENT: *style = TS_OVERDUE; return "✗";
	default: *style = TS_NORMAL; return " ";
	}
}

int tui_attend_width(enum attend_status from)
{
	int w = 0;

	for (int a = from; a <= ATTEND_ABSENT; a++)
		if (text_width(attend_label((enum attend_status)a)) > w)
			w = text_width(attend_label((enum attend_status)a));
	return w;
}

static void put(int y, int x, const char *s, attr_t attr)
{
	attrset(attr);
	mvaddstr(y, x, s);
	attrset(A_NORMAL);
}

int tui_text(int y, int x, int cols, const char *s, attr_t attr, int pad)
{
	struct strbuf b = { 0 };
	char *clean;
	int w;

	if (cols <= 0)
		return 0;
	clean = text_sanitize(s, 0);
	w = text_fit(&b, clean, cols, pad);
	if (b.s)
		put(y, x, b.s, attr);
	free(clean);
	strbuf_free(&b);
	return w;
}

int tui_text_right(int y, int x, int cols, const char *s, attr_t attr)
{
	struct strbuf b = { 0 };
	char *clean;
	int w;

	if (cols <= 0)
		return 0;
	clean = text_sanitize(s, 0);
	w = text_fit_right(&b, clean, cols);
	if (b.s)
		put(y, x, b.s, attr);
	free(clean);
	strbuf_free(&b);
	return w;
}

/* The display width of the one character at s (len bytes). */
static int char_width(const char *s, size_t len)
{
	char buf[8];

	if (len >= sizeof buf)
		return 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return text_width(buf);
}

/* Emits the line up to its last space when it has one (words stay whole;
 * Chinese, without spaces, breaks between characters), keeping the rest. */
static void wrap_emit(struct strbuf *line, int *used, void (*fn)(void *ctx, const char *line), void *ctx)
{
	char *sp = strrchr(line->s, ' ');
	char *rest;

	if (!sp || sp == line->s) {
		fn(ctx, line->s);
		strbuf_reset(line);
		*used = 0;
		return;
	}
	*sp = '\0';
	fn(ctx, line->s);
	rest = xstrdup(sp + 1);
	strbuf_reset(line);
	strbuf_adds(line, rest);
	*used = text_width(rest);
	free(rest);
}

/* Wraps one paragraph (no newline in it). */
static void wrap_paragraph(const char *s, size_t n, int cols, void (*fn)(void *ctx, const char *line), void *ctx)
{
	struct strbuf line = { 0 };
	size_t i = 0;
	int used = 0;

	strbuf_adds(&line, "");
	while (i < n) {
		unsigned cp;
		size_t len = text_utf8_decode(s + i, n - i, &cp);
		int w = char_width(s + i, len);
		if (used + w > cols && used > 0)
			wrap_emit(&line, &used, fn, ctx);
		if (used + w > cols && used > 0) /* a word longer than the line */
			wrap_emit(&line, &used, fn, ctx);
		strbuf_add(&line, s + i, len);
		used += w;
		i += len;
	}
	fn(ctx, strbuf_str(&line));
	strbuf_free(&line);
}

void tui_wrap(const char *s, int cols, void (*fn)(void *ctx, const char *line), void *ctx)
{
	char *clean = text_sanitize(s, TEXT_KEEP_NEWLINES);
	const char *p = clean, *nl;

	if (cols < 1)
		cols = 1;
	for (;;) {
		nl = strchr(p, '\n');
		wrap_paragraph(p, nl ? (size_t)(nl - p) : strlen(p), cols, fn, ctx);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(clean);
}

/* ---- the frame ------------------------------------------------------------------ */

static void draw_too_small(void)
{
	char need[64];
	int y = LINES / 2 - 1;

	snprintf(need, sizeof need, _("at least %dx%d"), TUI_MIN_COLS, TUI_MIN_LINES);
	if (y < 0)
		y = 0;
	tui_text(y, 0, COLS, _("terminal too small"), A_BOLD, 0);
	if (y + 1 < LINES)
		tui_text(y + 1, 0, COLS, need, A_NORMAL, 0);
}

static void draw_title(struct tui *t)
{
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX], right[2 * DATE_DISPLAY_MAX];
	int rw;

	date_display(t->today, day);
	/* A narrow terminal keeps the room for the title. */
	if (COLS < 60)
		snprintf(right, sizeof right, " %s ", day);
	else
		snprintf(right, sizeof right, " %s %s ", day, date_quarter_name(date_quarter(t->today)));
	rw = text_width(right);
	strbuf_addc(&b, ' ');
	/* "Session: 第一支部": the colon as the language writes it. */
	if (t->top->title)
		strbuf_addf(&b, _("%s: %s"), _(t->top->ops->name), t->top->title);
	else
		strbuf_adds(&b, _(t->top->ops->name));
	attrset(tui_attr(t, TS_TITLE));
	mvhline(0, 0, ' ', COLS);
	attrset(A_NORMAL);
	tui_text(0, 0, COLS - rw - 1, b.s, tui_attr(t, TS_TITLE), 1);
	tui_text(0, COLS - rw, rw, right, tui_attr(t, TS_TITLE), 0);
	strbuf_free(&b);
}

/* One "KEY word" of the hint bar at x if it fits before limit; returns the new x. */
static int draw_hint(struct tui *t, const struct tui_binding *b, int y, int x, int limit)
{
	char key[32];
	int kw, hw;

	tui_key_name(b->keys[0], key, sizeof key);
	kw = text_width(key);
	hw = text_width(_(b->hint));
	if (x + kw + 1 + hw > limit)
		return -1;
	tui_text(y, x, kw, key, tui_attr(t, TS_KEY), 0);
	tui_text(y, x + kw + 1, hw, _(b->hint), A_NORMAL, 0);
	return x + kw + 1 + hw + 2;
}

/* The width "KEY word  " of a hint. */
static int hint_width(const struct tui_binding *b)
{
	char key[32];

	tui_key_name(b->keys[0], key, sizeof key);
	return text_width(key) + 1 + text_width(_(b->hint)) + 2;
}

/* The screen's own hints from the left; the global ones (help, back) at
 * the right end, so they stay when the bar is narrow. */
static void draw_hints(struct tui *t, int y)
{
	unsigned mask = t->top->scope;
	int x = 1, gx, gw = 0, i;

	for (i = 0; i < tui_nbindings; i++)
		if ((tui_bindings[i].scope & mask & TUI_SCOPE_GLOBAL) && tui_bindings[i].hint)
			gw += hint_width(&tui_bindings[i]);
	gx = COLS - gw + 1;
	if (gx < 1)
		gx = 1;
	for (i = 0; i < tui_nbindings && x >= 0; i++)
		if ((tui_bindings[i].scope & mask & ~(unsigned)TUI_SCOPE_GLOBAL) && tui_bindings[i].hint)
			x = draw_hint(t, &tui_bindings[i], y, x, gx - 1);
	for (i = 0; i < tui_nbindings && gx >= 0; i++)
		if ((tui_bindings[i].scope & mask & TUI_SCOPE_GLOBAL) && tui_bindings[i].hint)
			gx = draw_hint(t, &tui_bindings[i], y, gx, COLS);
}

void tui_draw_frame(struct tui *t)
{
	struct tui_rect body;

	erase();
	curs_set(0);
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		draw_too_small();
		refresh();
		return;
	}
	body.y = 1;
	body.x = 0;
	body.h = LINES - 3;
	body.w = COLS;
	t->cursor_y = t->cursor_x = -1;
	t->top->ops->draw(t->top, t, &body);
	draw_title(t);
	draw_hints(t, LINES - 1);
	if (t->prompt)
		tui_prompt_draw(t, LINES - 2, COLS);
	else if (t->status)
		tui_text(LINES - 2, 0, COLS, t->status, tui_attr(t, t->status_style), 0);
	/* The prompt keeps the cursor; else where the screen asked for it. */
	if (!t->prompt && t->cursor_y >= 0) {
		move(t->cursor_y, t->cursor_x);
		curs_set(1);
	}
	refresh();
}
