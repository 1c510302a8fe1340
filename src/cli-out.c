/*
 * cli-out.c - listings in the three output formats: an aligned text table
 * (sanitized, fitted to the terminal), CSV (UTF-8 BOM, RFC 4180, CRLF,
 * formula cells neutralized) and JSON (an array of objects, UTF-8 as is).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <orglife/cli.h>
#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/text.h>

struct out {
	enum out_format fmt;
	FILE *f;
	const struct out_col *cols;
	int ncols;
	int col;   /* next column of the current row */
	int nrows;
	struct table *table;
	struct strbuf buf;
	char **json_keys; /* JSON: each column's "key": , encoded once */
	int tty; /* writing to a terminal: machine formats are made harmless too */
};

int out_terminal_width(FILE *f)
{
	struct winsize ws;
	int fd = fileno(f);

	if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

struct out *out_begin(enum out_format fmt, FILE *f, const struct out_col *cols, int ncols)
{
	struct out *o = xmalloc(sizeof *o);
	int i;

	memset(o, 0, sizeof *o);
	o->fmt = fmt;
	o->f = f;
	o->tty = fileno(f) >= 0 && isatty(fileno(f));
	o->cols = cols;
	o->ncols = ncols;
	o->col = ncols;
	if (fmt == OUT_TEXT) {
		o->table = table_new(ncols);
		for (i = 0; i < ncols; i++) {
			table_set_header(o->table, i,
					 cols[i].ctx ? i18n_pgettext_expr(cols[i].ctx, cols[i].title) : _(cols[i].title));
			if (cols[i].type == OUT_INT)
				table_set_right(o->table, i);
		}
	} else if (fmt == OUT_CSV) {
		strbuf_adds(&o->buf, "\xEF\xBB\xBF");
		for (i = 0; i < ncols; i++) {
			if (i)
				strbuf_addc(&o->buf, ',');
			text_csv_field(&o->buf, cols[i].key);
		}
		strbuf_adds(&o->buf, "\r\n");
	} else {
		o->json_keys = xmalloc(sizeof *o->json_keys * (size_t)ncols);
		for (i = 0; i < ncols; i++) {
			struct strbuf k = { 0 };
			text_json_string(&k, cols[i].key);
			strbuf_adds(&k, ": ");
			o->json_keys[i] = strbuf_detach(&k);
		}
		strbuf_addc(&o->buf, '[');
	}
	return o;
}

static void end_row(struct out *o)
{
	while (o->col < o->ncols)
		out_str(o, NULL);
	if (o->nrows == 0)
		return;
	if (o->fmt == OUT_CSV)
		strbuf_adds(&o->buf, "\r\n");
	else if (o->fmt == OUT_JSON)
		strbuf_addc(&o->buf, '}');
	/* Written 64 KiB at a time; out_end writes the rest. */
	if (o->buf.len >= 65536) {
		fwrite(o->buf.s, 1, o->buf.len, o->f);
		strbuf_reset(&o->buf);
	}
}

void out_row(struct out *o)
{
	if (o->nrows > 0)
		end_row(o);
	o->col = 0;
	if (o->fmt == OUT_TEXT)
		table_add_row(o->table);
	else if (o->fmt == OUT_JSON)
		strbuf_adds(&o->buf, o->nrows ? ",\n  {" : "\n  {");
	o->nrows++;
}

/* Appends one value: raw is what JSON writes unquoted (a number, true,
 * false, null) or NULL for a string value s. */
static void put(struct out *o, const char *s, const char *raw)
{
	int c = o->col++;
	char *safe = NULL;

	if (c >= o->ncols)
		return;
	/* CSV and JSON keep text as stored, for programs; a person reading
	 * them on a terminal gets it made harmless, like the text format. */
	if (o->tty && s && o->fmt != OUT_TEXT)
		s = safe = text_sanitize(s, 0);
	switch (o->fmt) {
	case OUT_TEXT:
		table_cell(o->table, c, raw && strcmp(raw, "null") == 0 ? "" : (raw ? raw : s));
		break;
	case OUT_CSV:
		if (c)
			strbuf_addc(&o->buf, ',');
		if (raw && strcmp(raw, "null") != 0)
			strbuf_adds(&o->buf, raw);
		else if (!raw)
			text_csv_field(&o->buf, s);
		break;
	case OUT_JSON:
		if (c)
			strbuf_adds(&o->buf, ", ");
		strbuf_adds(&o->buf, o->json_keys[c]);
		if (raw)
			strbuf_adds(&o->buf, raw);
		else
			text_json_string(&o->buf, s);
		break;
	}
	free(safe);
}

void out_str(struct out *o, const char *s)
{
	put(o, s, s ? NULL : "null");
}

void out_int(struct out *o, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	put(o, NULL, buf);
}

void out_id(struct out *o, long long id)
{
	if (id)
		out_int(o, id);
	else
		put(o, NULL, "null");
}

void out_day(struct out *o, long day)
{
	char buf[DATE_DISPLAY_MAX];

	if (day < 0) {
		put(o, NULL, "null");
		return;
	}
	/* The text table is read by people; CSV and JSON keep ISO. */
	if (o->fmt == OUT_TEXT)
		date_display(day, buf);
	else
		date_format(day, buf);
	put(o, buf, NULL);
}

void out_bool(struct out *o, int v)
{
	if (o->fmt == OUT_TEXT)
		put(o, v ? _("yes") : "", NULL);
	else
		put(o, NULL, v ? "true" : "false");
}

void out_end(struct out *o)
{
	if (o->nrows > 0)
		end_row(o);
	switch (o->fmt) {
	case OUT_TEXT:
		if (o->nrows > 0)
			table_print(o->table, o->f, out_terminal_width(o->f));
		table_free(o->table);
		break;
	case OUT_CSV:
		fputs(strbuf_str(&o->buf), o->f);
		break;
	case OUT_JSON:
		if (o->nrows)
			fputs(strbuf_str(&o->buf), o->f);
		fputs(o->nrows ? "\n]\n" : "[]\n", o->f);
		for (int i = 0; i < o->ncols; i++)
			free(o->json_keys[i]);
		free(o->json_keys);
		break;
	}
	strbuf_free(&o->buf);
	free(o);
}
