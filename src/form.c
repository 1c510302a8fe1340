/*
 * form.c - a form's fields and typing into them (form.h): text, dates
 * resolved as the command line resolves them, and choices that narrow as
 * one types.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/form.h>
#include <orglife/pinyin.h>

void form_init(struct form *f, long today)
{
	memset(f, 0, sizeof *f);
	f->cur = -1;
	f->today = today;
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		struct form_field *fl = &f->fields[i];
		free(fl->label);
		free(fl->initial);
		strbuf_free(&fl->text);
		for (int c = 0; c < fl->nchoices; c++) {
			free(fl->choices[c].label);
			free(fl->choices[c].code);
		}
		free(fl->choices);
	}
	free(f->fields);
	memset(f, 0, sizeof *f);
	f->cur = -1;
}

static int add_field(struct form *f, enum form_kind kind, const char *label, const char *initial)
{
	struct form_field *fl;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->fields = xrealloc(f->fields, (size_t)f->cap * sizeof *f->fields);
	}
	fl = &f->fields[f->n];
	memset(fl, 0, sizeof *fl);
	fl->label = xstrdup(label);
	fl->kind = kind;
	fl->sel = fl->sel_initial = -1;
	strbuf_adds(&fl->text, initial ? initial : "");
	fl->initial = xstrdup(strbuf_str(&fl->text));
	if (f->cur < 0)
		f->cur = f->n;
	return f->n++;
}

int form_add_text(struct form *f, const char *label, const char *initial)
{
	return add_field(f, FORM_TEXT, label, initial);
}

int form_add_date(struct form *f, const char *label, long day)
{
	char iso[11] = "";

	if (day >= 0)
		date_format(day, iso);
	return add_field(f, FORM_DATE, label, iso);
}

int form_add_choice(struct form *f, const char *label)
{
	return add_field(f, FORM_CHOICE, label, NULL);
}

void form_choice_add(struct form *f, int field, const char *label, const char *code, long long value)
{
	struct form_field *fl = &f->fields[field];
	struct form_choice *c;

	if (fl->nchoices == fl->capchoices) {
		fl->capchoices = fl->capchoices ? fl->capchoices * 2 : 8;
		fl->choices = xrealloc(fl->choices, (size_t)fl->capchoices * sizeof *fl->choices);
	}
	c = &fl->choices[fl->nchoices++];
	c->label = xstrdup(label ? label : "");
	c->code = xstrdup(code);
	c->value = value;
	if (fl->sel < 0 && fl->text.len == 0)
		fl->sel = fl->sel_initial = 0;
}

void form_choice_take(struct form *f, int field, long long value)
{
	struct form_field *fl = &f->fields[field];

	for (int i = 0; i < fl->nchoices; i++)
		if (fl->choices[i].value == value) {
			fl->sel = fl->sel_initial = i;
			return;
		}
}

void form_set_readonly(struct form *f, int field)
{
	f->fields[field].readonly = 1;
	if (f->cur == field)
		form_move(f, +1);
}

int form_choice_matches(const struct form_field *fl, int i)
{
	const struct form_choice *c = &fl->choices[i];
	const char *t = strbuf_str(&fl->text);

	return pinyin_match(c->label, t) || (c->code && pinyin_match(c->code, t));
}

/* After the text changed: the choice stays if it still matches, else the
 * first that does. */
static void narrow(struct form_field *fl)
{
	if (fl->kind != FORM_CHOICE || (fl->sel >= 0 && form_choice_matches(fl, fl->sel)))
		return;
	fl->sel = -1;
	for (int i = 0; i < fl->nchoices && fl->sel < 0; i++)
		if (form_choice_matches(fl, i))
			fl->sel = i;
}

static struct form_field *focused(struct form *f)
{
	return f->cur >= 0 && f->cur < f->n ? &f->fields[f->cur] : NULL;
}

struct strbuf *form_text_in_focus(struct form *f)
{
	struct form_field *fl = focused(f);

	return fl ? &fl->text : NULL;
}

void form_edited(struct form *f)
{
	struct form_field *fl = focused(f);

	if (fl)
		narrow(fl);
}

void form_move(struct form *f, int dir)
{
	int at = f->cur < 0 ? (dir > 0 ? -1 : 0) : f->cur;

	for (int k = 0; k < f->n; k++) {
		at = ((at + dir) % f->n + f->n) % f->n;
		if (!f->fields[at].readonly) {
			f->cur = at;
			return;
		}
	}
	f->cur = -1;
}

void form_choice_step(struct form *f, int dir)
{
	struct form_field *fl = focused(f);
	int at;

	if (!fl || fl->kind != FORM_CHOICE || fl->nchoices == 0)
		return;
	at = fl->sel < 0 ? (dir > 0 ? -1 : 0) : fl->sel;
	for (int k = 0; k < fl->nchoices; k++) {
		at = ((at + dir) % fl->nchoices + fl->nchoices) % fl->nchoices;
		if (form_choice_matches(fl, at)) {
			fl->sel = at;
			return;
		}
	}
}

int form_changed(const struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		const struct form_field *fl = &f->fields[i];
		if (strcmp(strbuf_str(&fl->text), fl->initial) != 0 || fl->sel != fl->sel_initial)
			return 1;
	}
	return 0;
}

const char *form_text(const struct form *f, int field)
{
	return strbuf_str(&f->fields[field].text);
}

int form_date(const struct form *f, int field, long *day, const char **err)
{
	const char *t = form_text(f, field);

	if (strspn(t, " \t") == strlen(t)) {
		*day = -1;
		return 0;
	}
	return date_parse(t, f->today, 0, day, NULL, err);
}

const struct form_choice *form_chosen(const struct form *f, int field)
{
	const struct form_field *fl = &f->fields[field];

	return fl->sel >= 0 ? &fl->choices[fl->sel] : NULL;
}
