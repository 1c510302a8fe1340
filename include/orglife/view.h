/*
 * view.h - the screens of the TUI, one view-*.c file each behind struct
 * screen_ops (tui-screen.h).  Each constructor returns a screen for tui_push, or
 * NULL after putting the reason on the status line.
 */
#ifndef ORGLIFE_VIEW_H
#define ORGLIFE_VIEW_H

#include <orglife/review-grid.h>
#include <orglife/tui-screen.h>

/* The start screen: the organization tree with a badge per organization
 * and this quarter's progress per rule; a welcome on an empty database. */
struct screen *view_overview_new(struct tui *t);

/* The agenda: the sessions of the organization the screens are about (the
 * overview's selection) by day, week, month or quarter, and what the rules
 * still need this quarter (agenda.h). */
struct screen *view_agenda_new(struct tui *t);

/* The sessions proposed for what the rules still need this quarter, for
 * org_id and below (0: all), to accept or drop. */
struct screen *view_propose_new(struct tui *t, long long org_id);

/* The session form (PRODUCT.md §3): When, Kind, Organization, Topic,
 * Place.  session_id 0 adds a session, starting from what init holds
 * (may be NULL; its texts are copied); else edits that planned session. */
struct session;
struct screen *view_session_form_new(struct tui *t, long long session_id, const struct session *init);

/* A branch's roster (the Members screen): the branch of the organization
 * last chosen (t->org_id), or the first; its members in pinyin order. */
struct screen *view_members_new(struct tui *t);

/* One member: their facts, attendance history and dues. */
struct screen *view_member_new(struct tui *t, long long member_id);

/* The keys of a member's record (TUI_SCOPE_RECORD) for member_id, on the
 * roster and on the member's screen: e opens the form that edits the
 * member, C F T L the form of the change that applies to them (or the
 * status line says why none does).  Returns reaction bits. */
unsigned view_member_record_key(struct tui *t, long long member_id, enum tui_action a);

struct form;
/* Called on Enter in a form: returns TUI_POP when the form is done with
 * (saved), else TUI_REDRAW, after putting the reason on the status line. */
typedef unsigned view_form_save_fn(struct tui *t, struct form *f, void *ctx);
/*
 * A form (form.h) on a screen of its own, titled title: one field per
 * line, typing edits the field in focus, Tab and Down, Shift-Tab and Up
 * move, Enter calls save, Esc leaves (asking first when something was
 * typed).  Takes over f (the caller must not free it) and ctx, which
 * free_ctx (NULL: none) frees with the screen.
 */
struct screen *view_form_new(struct tui *t, const char *title, struct form *f, view_form_save_fn *save, void *ctx,
			     void (*free_ctx)(void *ctx));

/* One session: details, state, expected attendees, minutes. */
struct screen *view_session_new(struct tui *t, long long session_id);

/* The roll-call sheet of a session. */
struct screen *view_rollcall_new(struct tui *t, long long session_id);

/* The quarterly review: every organization by rule for this quarter,
 * worst first; the quarter before and after, a filter, the export. */
struct screen *view_review_new(struct tui *t);

/* One organization's findings in the review of quarter (the rows of a
 * branch include its party groups'), the first of rule selected (-1: the
 * first of all); Enter opens the session behind one. */
struct screen *view_findings_new(struct tui *t, const struct period *quarter, long long org_id, int rule);
/* The style of a review mark, on the grid and in the findings. */
enum tui_style view_review_style(enum review_mark m);

/* The keys of the screen `of` (the ? screen), from the key table. */
struct screen *view_help_new(struct tui *t, const struct screen *of);

/* A pager over text (made harmless when drawn): the `:` line's output. */
struct screen *view_text_new(struct tui *t, const char *title, const char *text);

#endif
