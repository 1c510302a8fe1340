/*
 * tui-prompt.c - the one-line prompt on the status line (tui-screen.h): text
 * typed there (Chinese through an input method too), Backspace and Ctrl-U
 * to correct it, Enter to accept, Esc to cancel; and yes/no questions.
 * Modal: while it is open every key comes here, resizing included.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <orglife/i18n.h>
#include "tui-internal.h"

static void open_prompt(struct tui *t, const char *label, const char *initial, int confirm,
			tui_prompt_change_fn *change, tui_prompt_done_fn *done, void *ctx)
{
	struct tui_prompt *p;

	if (t->prompt)
		tui_prompt_cancel(t);
	p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->label = xstrdup(label);
	strbuf_adds(&p->text, initial ? initial : "");
	if (!p->text.s)
		strbuf_adds(&p->text, "");
	p->confirm = confirm;
	p->change = change;
	p->done = done;
	p->ctx = ctx;
	t->prompt = p;
	t->dirty = 1;
}

void tui_prompt(struct tui *t, const char *label, const char *initial, tui_prompt_change_fn *change,
		tui_prompt_done_fn *done, void *ctx)
{
	open_prompt(t, label, initial, 0, change, done, ctx);
}

void tui_confirm(struct tui *t, const char *question, tui_prompt_done_fn *done, void *ctx)
{
	open_prompt(t, question, NULL, 1, NULL, done, ctx);
}

/* Closes the prompt, then tells its owner (text NULL: cancelled). */
static unsigned finish(struct tui *t, const char *text)
{
	struct tui_prompt *p = t->prompt;
	char *copy = text ? xstrdup(text) : NULL;
	unsigned r;

	t->prompt = NULL;
	t->dirty = 1;
	r = p->done(t, p->ctx, copy);
	free(copy);
	free(p->label);
	strbuf_free(&p->text);
	free(p);
	return r | TUI_REDRAW;
}

unsigned tui_prompt_cancel(struct tui *t)
{
	return t->prompt ? finish(t, NULL) : TUI_NONE;
}

/* Removes the last character (UTF-8: back to its lead byte). */
static void delete_last(struct strbuf *b)
{
	while (b->len > 0) {
		unsigned char c = (unsigned char)b->s[--b->len];
		if ((c & 0xC0) != 0x80)
			break;
	}
	b->s[b->len] = '\0';
}

static void add_char(struct strbuf *b, unsigned long wc)
{
	char buf[4];
	size_t n;

	if (wc < 0x80) {
		buf[0] = (char)wc;
		n = 1;
	} else if (wc < 0x800) {
		buf[0] = (char)(0xC0 | (wc >> 6));
		buf[1] = (char)(0x80 | (wc & 0x3F));
		n = 2;
	} else if (wc < 0x10000) {
		buf[0] = (char)(0xE0 | (wc >> 12));
		buf[1] = (char)(0x80 | ((wc >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (wc & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | (wc >> 18));
		buf[1] = (char)(0x80 | ((wc >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((wc >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (wc & 0x3F));
		n = 4;
	}
	strbuf_add(b, buf, n);
}

static unsigned confirm_key(struct tui *t, int key)
{
	if (key == TUI_KEY_ENTER || key == 'y' || key == 'Y')
		return finish(t, "y");
	if (key == TUI_KEY_ESC || key == 'n' || key == 'N' || key == 'q')
		return finish(t, NULL);
	return TUI_NONE;
}

unsigned tui_edit_key(struct strbuf *text, unsigned long raw, int key, int is_code)
{
	if (key == TUI_KEY_BACKSPACE)
		delete_last(text);
	else if (key == TUI_CTRL('u'))
		strbuf_reset(text);
	else if (!is_code && raw >= 0x20 && raw <= 0x10FFFF && iswprint((wint_t)raw))
		add_char(text, raw); /* as typed: a full-width ？ stays one */
	else
		return TUI_PASS;
	return TUI_REDRAW;
}

unsigned tui_prompt_key(struct tui *t, int key, unsigned long raw, int is_code)
{
	struct tui_prompt *p = t->prompt;

	if (p->confirm)
		return confirm_key(t, key);
	if (key == TUI_KEY_ENTER)
		return finish(t, p->text.s);
	if (key == TUI_KEY_ESC)
		return finish(t, NULL);
	if (tui_edit_key(&p->text, raw, key, is_code) == TUI_PASS)
		return TUI_NONE;
	if (p->change)
		p->change(t, p->ctx, p->text.s);
	return TUI_REDRAW;
}

/* The end of s that fits in cols columns (s already harmless). */
static const char *tail_fitting(const char *s, int cols)
{
	while (*s && text_width(s) > cols) {
		unsigned cp;
		s += text_utf8_decode(s, strlen(s), &cp);
	}
	return s;
}

void tui_prompt_draw(struct tui *t, int y, int w)
{
	struct tui_prompt *p = t->prompt;
	char *label = text_sanitize(p->label, 0), *text = text_sanitize(p->text.s, 0);
	int lw = text_width(label), room, x;
	const char *shown;

	/* Keep room to type in, however long the label. */
	if (lw > w - 12)
		lw = w - 12 > 0 ? w - 12 : 0;
	x = tui_text(y, 0, lw, label, tui_attr(t, TS_HEADING), 0);
	if (p->confirm) {
		const char *yn = _(" (Enter: yes, Esc: no)");
		x += tui_text(y, x, w - x, yn, A_NORMAL, 0);
		move(y, x < w ? x : w - 1);
	} else {
		room = w - x - 1;
		shown = tail_fitting(text, room);
		x += tui_text(y, x, room, shown, A_NORMAL, 0);
		move(y, x);
	}
	curs_set(1);
	free(label);
	free(text);
}
