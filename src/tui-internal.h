/*
 * tui-internal.h - what the tui*.c files share and the screens do not
 * need: the prompt's state, the frame (title, status and hint bars) and
 * the `:` command line.
 */
#ifndef ORGLIFE_TUI_INTERNAL_H
#define ORGLIFE_TUI_INTERNAL_H

#include <orglife/text.h>
#include <orglife/tui-screen.h>

struct tui_prompt {
	char *label;        /* translated; may hold names from the database */
	struct strbuf text; /* what was typed, UTF-8 */
	int confirm;        /* a yes/no question */
	tui_prompt_change_fn *change;
	tui_prompt_done_fn *done;
	void *ctx;
};

/* tui-prompt.c: a key for the open prompt (key normalized, raw as curses
 * gave it, is_code for a key code); returns reaction bits. */
unsigned tui_prompt_key(struct tui *t, int key, unsigned long raw, int is_code);
/* Draws the open prompt on row y, w columns, and puts the cursor after it. */
void tui_prompt_draw(struct tui *t, int y, int w);
/* Closes the open prompt as cancelled (done gets NULL). */
unsigned tui_prompt_cancel(struct tui *t);

/* tui-draw.c: sets up the colours (only when the terminal has them and
 * NO_COLOR is unset or empty). */
void tui_colors_init(struct tui *t);
/* Draws the whole frame: title bar, the top screen, status line, hints;
 * or "terminal too small". */
void tui_draw_frame(struct tui *t);

#endif
