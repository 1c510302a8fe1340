/*
 * tui.h - the terminal UI's entry point (PRODUCT.md §3), for the command
 * line: no curses here.  The screens share tui-screen.h.
 */
#ifndef ORGLIFE_TUI_H
#define ORGLIFE_TUI_H

struct db;

/*
 * Runs the TUI on an open database until the user quits: on the overview,
 * or straight on the roll-call of session_id when it is not 0.  stdin and
 * stdout must be a terminal.  Restores the terminal on every way out,
 * SIGINT, SIGTERM and SIGHUP included.  Returns the exit status: 0, 1 when
 * the screen could not start or the session could not be opened (with a
 * message on stderr), 128 + the signal's number after a signal.
 */
int tui_run(struct db *db, const char *db_path, long long session_id);

/* Is the TUI running (the `:` line must not start another)? */
int tui_active(void);

#endif
