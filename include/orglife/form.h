/*
 * form.h - a form's fields and what typing does to them, apart from drawing
 * (PRODUCT.md §3, Forms): one field per line; text typed into the field in
 * focus; choices that narrow as one types (a choice is found by its name,
 * its code or the pinyin of its name: pinyin_match), the first that matches
 * taken; dates in the command line's grammar (date_parse), resolved against
 * today; read-only fields that the focus skips.  No curses here: the form
 * screen (view-form.c) draws a form, and the unit tests check this without
 * a terminal.
 */
#ifndef ORGLIFE_FORM_H
#define ORGLIFE_FORM_H

#include <orglife/text.h>

enum form_kind { FORM_TEXT, FORM_DATE, FORM_CHOICE };

struct form_choice {
	char *label;     /* shown (a name may come from the database) */
	char *code;      /* matched too ("full", "yes"); NULL: none */
	long long value; /* the caller's */
};

struct form_field {
	char *label;         /* translated */
	enum form_kind kind;
	int readonly;        /* shown, never in focus */
	struct strbuf text;  /* as typed (a choice field: what narrows it) */
	char *initial;       /* the text it started with */
	struct form_choice *choices;
	int nchoices, capchoices;
	int sel;             /* the choice taken; -1: none matches the text */
	int sel_initial;
};

struct form {
	struct form_field *fields;
	int n, cap;
	int cur;    /* the field in focus, -1 when every field is read-only */
	long today; /* what relative dates count from */
};

/* Starts an empty form; dates count from today.  Free with form_free. */
void form_init(struct form *f, long today);
/* Frees what f owns; f may then be initialised again. */
void form_free(struct form *f);

/*
 * Adds a field and returns its index.  A text field starts as initial
 * (NULL: empty); a date field as day in ISO form (-1: empty); a choice
 * field with no choice taken, until form_choice_add and form_choice_take.
 * The first field added that is not read-only takes the focus.
 */
int form_add_text(struct form *f, const char *label, const char *initial);
int form_add_date(struct form *f, const char *label, long day);
int form_add_choice(struct form *f, const char *label);
/* Adds a choice to a choice field; the first one added is taken. */
void form_choice_add(struct form *f, int field, const char *label, const char *code, long long value);
/* Takes the choice with that value (and starts from it); no change when
 * there is none. */
void form_choice_take(struct form *f, int field, long long value);
/* Makes a field read-only, moving the focus on if it was there. */
void form_set_readonly(struct form *f, int field);

/* ---- typing, into the field in focus ------------------------------------------- */

/* The text of the field in focus, to be edited in place (the TUI edits it
 * as its prompt's text, tui_edit_key); NULL when every field is
 * read-only.  Call form_edited after changing it. */
struct strbuf *form_text_in_focus(struct form *f);
/* After the text in focus changed: a choice field keeps its choice if
 * that still matches, else takes the first that does (or none). */
void form_edited(struct form *f);
/* Moves the focus to the next (dir +1) or previous (-1) field that is not
 * read-only, going round. */
void form_move(struct form *f, int dir);
/* In a choice field: takes the next (dir +1) or previous (-1) choice that
 * matches the text, going round. */
void form_choice_step(struct form *f, int dir);

/* ---- reading ------------------------------------------------------------------------ */

/* Does choice i of the field match its text (an empty text matches all)? */
int form_choice_matches(const struct form_field *fl, int i);
/* Has anything been typed or chosen since the form was filled in? */
int form_changed(const struct form *f);
/* The text of a field, as typed ("" when empty). */
const char *form_text(const struct form *f, int field);
/*
 * A date field's day: 0 with *day (-1 when the field is empty), or -1 when
 * the text is not a date, *err then the reason (untranslated, N_()).
 */
int form_date(const struct form *f, int field, long *day, const char **err);
/* The choice taken in a choice field, NULL when nothing matches its text. */
const struct form_choice *form_chosen(const struct form *f, int field);

#endif
