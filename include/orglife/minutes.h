/*
 * minutes.h - writing a session's minutes in the user's editor (PRODUCT.md
 * §1 and §3: $VISUAL, else $EDITOR, else vi): the template a new record
 * starts from, per kind of session, filled from the session and its
 * attendance sheet; the round trip through a private temporary file; and
 * saving what comes back in one transaction (minutes_set).  Approved
 * minutes are locked: minutes_unlock (session.h) opens them again, with a
 * reason that goes into the audit log.
 *
 * No curses here.  `orglife minutes edit` calls minutes_edit on the
 * terminal as it is; the session screen's `m` leaves curses around it
 * (tui_suspend).
 */
#ifndef ORGLIFE_MINUTES_H
#define ORGLIFE_MINUTES_H

struct db;
struct session;
struct rollcall;

/*
 * The template of a new record for session s, whose attendance sheet is rc
 * (rollcall_load; NULL: no sheet).  Headings are translated: the meeting
 * (organization and kind), time, place, host, recorder, the lecturer of a
 * lesson, the topic, then the attendance (expected, attending, excused and
 * absent, naming who was late, excused with the reason, or absent), then
 * sections for the kind to fill in (an assembly's matters voted on and
 * resolutions, a lesson's content, a committee's matters discussed, ...),
 * those of the second kind (`also`) added.  Texts from the database go in
 * as stored: this is a file for the editor, not the terminal.  The caller
 * frees the result.
 */
char *minutes_template(const struct session *s, const struct rollcall *rc);

/*
 * What the editor opens for a session: its minutes as stored (with a final
 * newline added), or, when it has none, the template.  Returns OL_OK with
 * *text set (the caller frees it), or the store's status (db_errmsg).
 */
int minutes_draft(struct db *db, long long session_id, char **text);

/* The editor: $VISUAL, else $EDITOR (empty values are skipped), else "vi".
 * The value is a shell command ("code -w" works). */
const char *minutes_editor(void);

/*
 * Runs the editor on path: /bin/sh -c 'EDITOR "$1"' with path as $1 (so
 * the path is never parsed by the shell), on the terminal as it is, while
 * SIGINT and SIGQUIT are ignored here (the editor gets them).  Returns 0
 * when it exited with status 0, else -1 with a translated message in
 * *errmsg (the caller frees it).
 */
int minutes_run_editor(const char *path, char **errmsg);

enum minutes_outcome {
	MINUTES_SAVED,     /* the text changed and is in the store */
	MINUTES_UNCHANGED, /* the editor gave back what it was given: nothing written */
	MINUTES_FAILED,    /* nothing saved: see message and kept */
};

struct minutes_result {
	enum minutes_outcome outcome;
	char *message; /* MINUTES_FAILED: one translated line saying why (and where the text is) */
	char *kept;    /* MINUTES_FAILED: the temporary file kept with the text, or NULL */
};

/* Frees what r holds (not the kept file). */
void minutes_result_clear(struct minutes_result *r);

/*
 * The round trip: refuses locked minutes (minutes_editable), writes
 * the draft into a new file in $TMPDIR (when absolute) or /tmp, mode 0600,
 * runs the editor on it, reads it back, and saves it with minutes_set when
 * it changed.  The file is removed, unless saving fails after the text was
 * changed: then it is kept and its path is in r->kept and in r->message.
 * Returns OL_OK (saved or unchanged) or a failure status with r->message
 * set; r is always filled in, and the caller clears it.
 */
int minutes_edit(struct db *db, long long session_id, struct minutes_result *r);

#endif
