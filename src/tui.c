/*
 * tui.c - the TUI's entry point and loop (tui.h): starting and restoring
 * the terminal (on exit, SIGINT, SIGTERM and SIGHUP), the screen stack,
 * and turning keys into actions for the top screen.
 *
 * Signals only set a flag that the loop reads between keys: no curses
 * call runs in a handler.  Resizing comes as KEY_RESIZE from ncurses.
 */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <orglife/cli.h>
#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/view.h>
#include "tui-internal.h"

/* Esc must react within 100 ms (PRODUCT.md §3); curses waits this long
 * for the rest of an escape sequence. */
#define TUI_ESCDELAY_MS 25
/* How long the loop waits for a key before it looks at the signal flag. */
#define TUI_TICK_MS 500

static volatile sig_atomic_t got_signal;
static int running;
static SCREEN *term_screen;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key. */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

static void release_signals(void)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
}

/* atexit: whatever way the program leaves, the terminal is restored. */
static void restore_terminal(void)
{
	if (term_screen && !isendwin())
		endwin();
}

int tui_active(void)
{
	return running;
}

static int start_curses(struct tui *t)
{
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen)
		return -1;
	set_term(term_screen);
	atexit(restore_terminal);
	set_escdelay(TUI_ESCDELAY_MS);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	tui_colors_init(t);
	return 0;
}

static void stop_curses(void)
{
	if (!term_screen)
		return;
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

/* ---- the stack -------------------------------------------------------------- */

void tui_push(struct tui *t, struct screen *s)
{
	s->below = t->top;
	t->top = s;
	t->dirty = 1;
}

static void screen_free(struct screen *s)
{
	free(s->title);
	s->ops->free(s);
}

static void pop(struct tui *t)
{
	struct screen *s = t->top;

	if (!s)
		return;
	t->top = s->below;
	screen_free(s);
	if (!t->top)
		t->quit = 1;
	t->dirty = 1;
}

static void pop_all(struct tui *t)
{
	while (t->top) {
		struct screen *s = t->top;
		t->top = s->below;
		screen_free(s);
	}
}

void tui_changed(struct tui *t)
{
	t->gen++;
	t->dirty = 1;
}

void tui_want_idle(struct tui *t)
{
	t->want_idle = 1;
}

void tui_status(struct tui *t, enum tui_style style, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	msg = xmalloc((size_t)n + 1);
	msg[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	free(t->status);
	t->status = msg;
	t->status_style = style;
	t->dirty = 1;
}

/* ---- Tab: the top-level screens, in the order of PRODUCT.md §3 --------------------- */

static struct screen *(*const toplevel[])(struct tui *t) = {
	view_overview_new,
	view_agenda_new,
	view_members_new,
	view_review_new,
};
#define NTOPLEVEL ((int)(sizeof toplevel / sizeof toplevel[0]))

static struct screen *root_of(struct tui *t)
{
	struct screen *s = t->top;

	while (s && s->below)
		s = s->below;
	return s;
}

/* Replaces the stack with the next (dir +1) or previous top-level screen. */
static void cycle_screens(struct tui *t, int dir)
{
	struct screen *root = root_of(t), *next;
	int at = root ? root->toplevel - 1 : -1, to;

	to = at < 0 ? 0 : ((at + dir) % NTOPLEVEL + NTOPLEVEL) % NTOPLEVEL;
	if (to == at) {
		/* Only one such screen: back to it. */
		while (t->top && t->top->below)
			pop(t);
		return;
	}
	next = toplevel[to](t);
	if (!next)
		return;
	next->toplevel = to + 1;
	pop_all(t);
	tui_push(t, next);
}

/* ---- keys --------------------------------------------------------------------- */

static unsigned global_key(struct tui *t, enum tui_action a)
{
	struct screen *help;

	switch (a) {
	case ACT_BACK: return TUI_POP;
	case ACT_QUIT: return TUI_QUIT;
	case ACT_HELP:
		if ((help = view_help_new(t, t->top)))
			tui_push(t, help);
		return TUI_REDRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return TUI_REDRAW;
	case ACT_NEXT_SCREEN: cycle_screens(t, +1); return TUI_REDRAW;
	case ACT_PREV_SCREEN: cycle_screens(t, -1); return TUI_REDRAW;
	case ACT_COMMAND: tui_command_open(t, NULL); return TUI_REDRAW;
	default: return TUI_NONE;
	}
}

static void apply(struct tui *t, unsigned r)
{
	if (r & TUI_REDRAW)
		t->dirty = 1;
	if (r & TUI_POP)
		pop(t);
	if (r & TUI_QUIT)
		t->quit = 1;
}

static void unbound_key(struct tui *t, int key)
{
	char name[32];

	if (key == 0 || key == TUI_KEYCODE(KEY_MOUSE))
		return;
	tui_key_name(key, name, sizeof name);
	tui_status(t, TS_NORMAL, _("%s does nothing here: ? lists the keys"), name);
}

static void dispatch(struct tui *t, int key, unsigned long raw, int is_code)
{
	enum tui_action a;
	unsigned r;

	if (t->prompt) {
		apply(t, tui_prompt_key(t, key, raw, is_code));
		return;
	}
	if (t->status) {
		free(t->status);
		t->status = NULL;
		t->dirty = 1;
	}
	a = tui_key_action(key, t->top->scope);
	/* Nothing is changed blind: a screen too small to show only quits. */
	if ((COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) && a != ACT_QUIT && a != ACT_BACK && a != ACT_REDRAW)
		return;
	/* A form types what it can, before the key table. */
	if (t->top->ops->input && !((r = t->top->ops->input(t->top, t, key, raw, is_code)) & TUI_PASS)) {
		apply(t, r);
		return;
	}
	if (a == ACT_NONE) {
		unbound_key(t, key);
		return;
	}
	r = t->top->ops->key(t->top, t, a, key);
	if (r & TUI_PASS)
		r = (r & ~(unsigned)TUI_PASS) | global_key(t, a);
	apply(t, r);
}

static void resize_all(struct tui *t)
{
	for (struct screen *s = t->top; s; s = s->below)
		if (s->ops->resize)
			s->ops->resize(s, t);
	t->dirty = 1;
}

int tui_suspend(struct tui *t, int (*fn)(void *ctx), void *ctx)
{
	struct winsize ws;
	int rc;

	def_prog_mode();
	endwin();
	rc = fn(ctx);
	reset_prog_mode();
	/* A resize while we were away reaches curses only as a KEY_RESIZE
	 * later: take the size now, so the first frame back fits. */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	resize_all(t);
	return rc;
}

/* One turn: draw if asked, wait for a key or the tick, handle it. */
static void turn(struct tui *t)
{
	wint_t ch;
	int r;

	if (t->dirty) {
		t->dirty = 0;
		tui_draw_frame(t);
	}
	wtimeout(stdscr, t->want_idle ? 0 : TUI_TICK_MS);
	r = wget_wch(stdscr, &ch);
	if (r == ERR) {
		/* Left open past midnight, the screens move to the new day. */
		if (date_today() != t->today) {
			t->today = date_today();
			tui_changed(t);
		}
		if (t->want_idle) {
			t->want_idle = 0;
			apply(t, t->top->ops->key(t->top, t, ACT_IDLE, 0));
		}
		return;
	}
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		resize_all(t);
		return;
	}
	dispatch(t, tui_key_normalize(r == KEY_CODE_YES, (unsigned long)ch), (unsigned long)ch, r == KEY_CODE_YES);
}

static void loop(struct tui *t)
{
	while (!t->quit && !got_signal && t->top)
		turn(t);
	if (t->prompt)
		tui_prompt_cancel(t);
}

/* The rules in force; a problem in the local file goes to the status line. */
static void load_rules(struct tui *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *warn = open_memstream(&buf, &len);
	int n = cli_load_rules(&t->rules, warn);

	if (warn)
		fclose(warn);
	if (n > 0 && buf) {
		buf[strcspn(buf, "\n")] = '\0';
		tui_status(t, TS_DUE, "%s", buf);
	}
	free(buf);
}

static struct screen *first_screen(struct tui *t, long long session_id)
{
	struct screen *s;

	if (session_id)
		return view_rollcall_new(t, session_id);
	s = view_overview_new(t);
	if (s)
		s->toplevel = 1;
	return s;
}

int tui_run(struct db *db, const char *db_path, long long session_id)
{
	struct tui t = { .db = db, .db_path = db_path, .today = date_today(), .dirty = 1 };
	struct screen *s;
	int sig;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(_("orglife: the screens need a terminal (standard input and output)\n"), stderr);
		return EXIT_ERROR;
	}
	load_rules(&t);
	/* Open the first screen before curses, so a bad session is a plain error. */
	if (!(s = first_screen(&t, session_id))) {
		fprintf(stderr, "orglife: %s\n", t.status ? t.status : "?");
		free(t.status);
		return EXIT_ERROR;
	}
	tui_push(&t, s);
	got_signal = 0;
	catch_signals();
	if (start_curses(&t) != 0) {
		release_signals();
		pop_all(&t);
		free(t.status);
		fputs(_("orglife: cannot start the screen: is TERM set to your terminal?\n"), stderr);
		return EXIT_ERROR;
	}
	running = 1;
	loop(&t);
	running = 0;
	pop_all(&t);
	stop_curses();
	release_signals();
	free(t.status);
	sig = got_signal;
	return sig ? 128 + sig : EXIT_OK;
}
