/*
 * tui-screen.h - what the TUI's screens share (the entry point is tui.h):
 * the screen stack and the small vtable every screen implements, the
 * one-line prompt and the drawing helpers.  Only tui*.c and view-*.c
 * include it, and so curses; everything drawn from the database goes through
 * tui_text, which makes it harmless (text_sanitize) and measures it in
 * display columns (text_fit), so wide characters are never cut in half.
 *
 * The loop is single-threaded: it draws once per turn when something asked
 * for it, then waits for a key.  Key handlers return reaction bits.
 */
#ifndef ORGLIFE_TUI_SCREEN_H
#define ORGLIFE_TUI_SCREEN_H

#include <curses.h>

#include <orglife/rules.h>
#include <orglife/session.h>
#include <orglife/tui-keys.h>
#include <orglife/tui.h>

struct db;
struct tui;
struct screen;

/* The smallest terminal the screens lay out in (PRODUCT.md §3). */
#define TUI_MIN_COLS 40
#define TUI_MIN_LINES 12

/* What a key handler asks of the loop. */
enum tui_reaction {
	TUI_NONE = 0,
	TUI_REDRAW = 1, /* draw again */
	TUI_POP = 2,    /* close this screen */
	TUI_QUIT = 4,   /* leave the program */
	TUI_PASS = 8,   /* not this screen's key: the loop's global handling */
};

/* The rectangle a screen draws in (between the title and the status line). */
struct tui_rect {
	int y, x, h, w;
};

struct screen_ops {
	const char *name; /* N_(): the screen's name in the title bar and on the ? screen */
	/* Draws the screen's body into r; may call tui_want_idle. */
	void (*draw)(struct screen *s, struct tui *t, const struct tui_rect *r);
	/* Handles an action (the key that produced it in key); returns reaction bits. */
	unsigned (*key)(struct screen *s, struct tui *t, enum tui_action a, int key);
	/* The terminal changed size (NULL: nothing to recompute). */
	void (*resize)(struct screen *s, struct tui *t);
	/* A form's text: gets every key first (key normalized, raw as curses
	 * gave it, is_code for a key code) and returns TUI_PASS for a key that
	 * types nothing, which then goes through the key table.  NULL: the
	 * screen takes no text. */
	unsigned (*input)(struct screen *s, struct tui *t, int key, unsigned long raw, int is_code);
	/* Frees the screen. */
	void (*free)(struct screen *s);
};

/* The part every screen starts with. */
struct screen {
	const struct screen_ops *ops;
	unsigned scope;      /* the scopes of its keys (enum tui_scope bits) */
	char *title;         /* owned; the title bar's text after the screen's name */
	int toplevel;        /* 1 + its place in the Tab order; 0: opened from another */
	unsigned long gen;   /* the data generation it last loaded */
	struct screen *below;
};

/* Styles: each means something; tui_attr says how it looks here. */
enum tui_style {
	TS_NORMAL,
	TS_OK,       /* green: met, present */
	TS_DUE,      /* amber: due soon, late, an open quorum */
	TS_OVERDUE,  /* red: overdue, absent, errors */
	TS_DIM,      /* grey: away, not applicable */
	TS_HEADING,
	TS_TITLE,
	TS_SELECTED,
	TS_KEY,      /* a key in the hint bar */
	TS_COUNT
};

struct tui {
	struct db *db;
	const char *db_path;
	long today;
	struct rules_config rules;
	struct screen *top;     /* the stack, top first */
	int colors;             /* colour is on */
	int want_idle;          /* a screen has deferred work for the idle turn */
	int dirty;
	int quit;
	unsigned long gen;      /* bumped after every change to the data */
	char *status;           /* the status line's message, NULL none */
	enum tui_style status_style;
	struct tui_prompt *prompt; /* an open prompt, NULL none */
	long long org_id;       /* the organization the screens are about: the
				 * overview's selection (0: all) */
	int cursor_y, cursor_x; /* where the top screen's draw put the cursor
				 * (an input method's window goes there); -1: hidden */
};

/* ---- the screen stack ----------------------------------------------------------- */

/* Pushes s on the stack, taking ownership; it is drawn next. */
void tui_push(struct tui *t, struct screen *s);
/* Records that the data changed: screens reload when they are drawn next. */
void tui_changed(struct tui *t);
/* Asks for an idle turn: the top screen gets ACT_IDLE when no key waits. */
void tui_want_idle(struct tui *t);

/*
 * Leaves curses for fn (an editor on the terminal: def_prog_mode, endwin),
 * then comes back (reset_prog_mode): the terminal measured again, in case
 * it was resized meanwhile, every screen laid out again and the whole
 * frame redrawn.  Returns what fn returned.
 */
int tui_suspend(struct tui *t, int (*fn)(void *ctx), void *ctx);

/* ---- messages and prompts ---------------------------------------------------------- */

/* Shows a message on the status line until the next key (printf-style,
 * already translated; made harmless when drawn). */
void tui_status(struct tui *t, enum tui_style style, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Called as the prompt's text changes (live search) and when it closes:
 * text is NULL when it was cancelled (Esc).  done returns reaction bits. */
typedef void tui_prompt_change_fn(struct tui *t, void *ctx, const char *text);
typedef unsigned tui_prompt_done_fn(struct tui *t, void *ctx, const char *text);

/*
 * Opens a one-line prompt on the status line: label (translated) then the
 * text being typed, starting as initial (NULL: empty).  Keys go to it until
 * Enter or Esc; Chinese typed through an input method works.  change may be
 * NULL.  ctx must stay valid until done is called.
 */
void tui_prompt(struct tui *t, const char *label, const char *initial, tui_prompt_change_fn *change,
		tui_prompt_done_fn *done, void *ctx);
/* A yes/no question: done gets "y" for Enter or y, NULL for Esc or n. */
void tui_confirm(struct tui *t, const char *question, tui_prompt_done_fn *done, void *ctx);

/* The prompt's editing keys on a text being typed: a character (raw, as
 * typed: a full-width ？ stays one), Backspace, Ctrl-U to clear.  text
 * must hold a string (strbuf_adds(text, "") to start).  Returns TUI_REDRAW
 * when it took the key, else TUI_PASS. */
struct strbuf;
unsigned tui_edit_key(struct strbuf *text, unsigned long raw, int key, int is_code);

/* Opens the `:` line, the text typed so far being initial (NULL: empty):
 * a command as on the command line, its output shown in a pager. */
void tui_command_open(struct tui *t, const char *initial);

/* ---- drawing ---------------------------------------------------------------------- */

/* The curses attribute of a style (colour only when it is on). */
attr_t tui_attr(const struct tui *t, enum tui_style style);

/*
 * Draws s at (y, x), made harmless and cut to cols display columns (a
 * final "~" shows the cut); with pad, fills the rest of cols with spaces.
 * Returns the columns used.  s may come straight from the database.
 */
int tui_text(int y, int x, int cols, const char *s, attr_t attr, int pad);
/* Like tui_text, right-aligned in cols. */
int tui_text_right(int y, int x, int cols, const char *s, attr_t attr);

/* The status mark of a severity with its colour: "✓", "!", "✗". */
enum tui_style tui_severity_style(enum severity s);
/* An attendance mark ("✓" present or late, "-" excused, "✗" absent, " "
 * none) and its style in *style. */
const char *tui_attend_mark(enum attend_status a, enum tui_style *style);
/* The widest attendance word (attend_label) from `from` to absent, so the
 * names after it line up. */
int tui_attend_width(enum attend_status from);

/* Calls fn for each line of s wrapped at cols display columns (s made
 * harmless first, newlines kept), never splitting a character. */
void tui_wrap(const char *s, int cols, void (*fn)(void *ctx, const char *line), void *ctx);

#endif
