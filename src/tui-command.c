/*
 * tui-command.c - the `:` line: a command typed as on the command line
 * (without "orglife"), run through cli_run on the open database, its
 * output shown in a pager.  `rollcall SESSION` opens the roll-call screen
 * instead of starting a second TUI.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/cli.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/session.h>
#include <orglife/view.h>
#include "tui-internal.h"

#define MAX_ARGS 64

/* Splits a line into words: blanks separate, '...' and "..." quote, a
 * backslash outside single quotes takes the next character as it is.
 * Returns the number of words (at most MAX_ARGS - 1); words point into
 * *store, which the caller frees. */
static int split_words(const char *line, char **argv, char **store)
{
	char *out = xmalloc(strlen(line) + 1), *w = out;
	const char *p = line;
	int argc = 0;

	*store = out;
	while (*p && argc < MAX_ARGS - 1) {
		char quote = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		argv[argc++] = w;
		for (; *p && (quote || (*p != ' ' && *p != '\t')); p++) {
			if (quote && *p == quote)
				quote = 0;
			else if (!quote && (*p == '\'' || *p == '"'))
				quote = *p;
			else if (*p == '\\' && quote != '\'' && p[1])
				*w++ = *++p;
			else
				*w++ = *p;
		}
		*w++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/* `rollcall SESSION` opens the screen rather than a second TUI. */
static unsigned open_rollcall(struct tui *t, int argc, char **argv)
{
	long long id;
	struct screen *s;

	if (argc != 2) {
		tui_status(t, TS_OVERDUE, _("usage: rollcall SESSION"));
		return TUI_REDRAW;
	}
	if (session_resolve(t->db, argv[1], &id) != OL_OK) {
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
		return TUI_REDRAW;
	}
	if ((s = view_rollcall_new(t, id)))
		tui_push(t, s);
	return TUI_REDRAW;
}

/* Runs the words through the command table; output in a pager. */
static unsigned run_words(struct tui *t, const char *line, int argc, char **argv)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct screen *s;
	int rc;

	if (!f) {
		tui_status(t, TS_OVERDUE, _("cannot run the command: out of memory"));
		return TUI_REDRAW;
	}
	rc = cli_run(t->db, t->db_path, f, f, argc, argv);
	fclose(f);
	tui_changed(t);
	if (len > 0 && (s = view_text_new(t, line, out)))
		tui_push(t, s);
	/* Exit 3 is check's answer "something is overdue", not a failure. */
	if (rc == EXIT_OVERDUE)
		tui_status(t, TS_OVERDUE, _("something is overdue"));
	else if (rc)
		tui_status(t, TS_OVERDUE, _("the command failed (exit status %d)"), rc);
	else if (len == 0)
		/* TRANSLATORS: the status line after a : command that printed nothing. */
		tui_status(t, TS_OK, "%s", C_("command finished", "done"));
	free(out);
	return TUI_REDRAW;
}

static unsigned command_done(struct tui *t, void *ctx, const char *text)
{
	char *argv[MAX_ARGS], *store;
	int argc;
	unsigned r = TUI_REDRAW;

	(void)ctx;
	if (!text)
		return TUI_REDRAW;
	argc = split_words(text, argv, &store);
	/* "orglife session list" works as well as "session list". */
	if (argc > 0 && strcmp(argv[0], "orglife") == 0) {
		memmove(argv, argv + 1, (size_t)argc * sizeof *argv);
		argc--;
	}
	if (argc > 0 && strcmp(argv[0], "rollcall") == 0)
		r = open_rollcall(t, argc, argv);
	else if (argc > 0)
		r = run_words(t, text, argc, argv);
	free(store);
	return r;
}

void tui_command_open(struct tui *t, const char *initial)
{
	tui_prompt(t, ":", initial, NULL, command_done, NULL);
}
