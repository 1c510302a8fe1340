/*
 * screen-cols.c - measures a screen captured from tmux in display columns,
 * as a terminal lays it out (wcwidth), for tests/tui-width.test, whose
 * shell cannot count the columns of Chinese text.  Run it in a UTF-8
 * locale.  Columns count from 0; END is the column after the text.
 *
 *   screen-cols width FILE
 *	"LINE WIDTH" for each line of FILE.
 *   screen-cols fields FILE
 *	"LINE START END TEXT" for each run of characters other than spaces.
 *   screen-cols find FILE NAME...
 *	"LINE START END FORM NEXT NAME" for each place a NAME is shown: FORM
 *	is "whole", or "cut" for the first characters of NAME followed by
 *	"~" (how the screens mark a text cut to fit its column); NEXT is the
 *	width of the first character the cut left out (0 when whole).
 *
 * Exits 1 on a line that is not UTF-8, or that holds a character wcwidth
 * cannot measure (a control, or half of one cut apart), with its number on
 * stderr; 2 on a usage error.  Not linked with orglife: it measures with
 * the C library's wcwidth, not with the code under test.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct text {
	wchar_t *c;   /* the characters */
	int *col;     /* col[i]: where character i starts; col[n]: the width */
	size_t *byte; /* byte[i]: its offset in the line; byte[n]: the length */
	size_t n;
};

/* Decodes s into t; 0, or -1 when s is not UTF-8 or holds a character of
 * no width (wcwidth -1). */
static int decode(const char *s, struct text *t)
{
	size_t len = strlen(s), i = 0, r;
	mbstate_t st;
	wchar_t wc;
	int w;

	t->c = malloc((len + 1) * sizeof *t->c);
	t->col = malloc((len + 1) * sizeof *t->col);
	t->byte = malloc((len + 1) * sizeof *t->byte);
	if (!t->c || !t->col || !t->byte) {
		fputs("screen-cols: out of memory\n", stderr);
		exit(2);
	}
	memset(&st, 0, sizeof st);
	t->n = 0;
	t->col[0] = 0;
	while (i < len) {
		r = mbrtowc(&wc, s + i, len - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0 || (w = wcwidth(wc)) < 0)
			return -1;
		t->c[t->n] = wc;
		t->byte[t->n] = i;
		t->col[t->n + 1] = t->col[t->n] + w;
		t->n++;
		i += r;
	}
	t->byte[t->n] = len;
	return 0;
}

static void release(struct text *t)
{
	free(t->c);
	free(t->col);
	free(t->byte);
}

static void fields(long line, const char *s, const struct text *t)
{
	size_t i = 0, j;

	while (i < t->n) {
		if (t->c[i] == L' ') {
			i++;
			continue;
		}
		for (j = i; j < t->n && t->c[j] != L' '; j++)
			;
		printf("%ld %d %d %.*s\n", line, t->col[i], t->col[j], (int)(t->byte[j] - t->byte[i]), s + t->byte[i]);
		i = j;
	}
}

/* Every place the screen line t shows the name nm (as text), whole or cut. */
static void find(long line, const struct text *t, const struct text *nm, const char *name)
{
	size_t i = 0, k;

	while (i < t->n) {
		for (k = 0; k < nm->n && i + k < t->n && t->c[i + k] == nm->c[k]; k++)
			;
		if (k == nm->n) {
			printf("%ld %d %d whole 0 %s\n", line, t->col[i], t->col[i + k], name);
			i += k;
		} else if (k > 0 && i + k < t->n && t->c[i + k] == L'~') {
			printf("%ld %d %d cut %d %s\n", line, t->col[i], t->col[i + k + 1], wcwidth(nm->c[k]), name);
			i += k + 1;
		} else {
			i++;
		}
	}
}

int main(int argc, char **argv)
{
	struct text t, *names = NULL;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	long line = 0;
	FILE *f;
	int mode, bad = 0;

	setlocale(LC_ALL, "");
	mode = argc < 3                     ? -1
	       : !strcmp(argv[1], "width")  ? 0
	       : !strcmp(argv[1], "fields") ? 1
	       : !strcmp(argv[1], "find")   ? 2
					    : -1;
	if (mode < 0 || (mode == 2) != (argc > 3)) {
		fputs("usage: screen-cols width|fields FILE | screen-cols find FILE NAME...\n", stderr);
		return 2;
	}
	if (!(f = fopen(argv[2], "r"))) {
		perror(argv[2]);
		return 2;
	}
	if (mode == 2) {
		names = calloc((size_t)argc, sizeof *names);
		for (int a = 3; a < argc; a++)
			if (!names || decode(argv[a], &names[a]) < 0) {
				fprintf(stderr, "screen-cols: the name '%s' is not printable UTF-8 here\n", argv[a]);
				return 2;
			}
	}
	while ((got = getline(&buf, &cap, f)) >= 0) {
		line++;
		if (got > 0 && buf[got - 1] == '\n')
			buf[got - 1] = '\0';
		if (decode(buf, &t) < 0) {
			fprintf(stderr, "screen-cols: line %ld is not printable UTF-8\n", line);
			bad = 1;
		} else if (mode == 0) {
			printf("%ld %d\n", line, t.col[t.n]);
		} else if (mode == 1) {
			fields(line, buf, &t);
		} else {
			for (int a = 3; a < argc; a++)
				find(line, &t, &names[a], argv[a]);
		}
		release(&t);
	}
	free(buf);
	fclose(f);
	for (int a = 3; names && a < argc; a++)
		release(&names[a]);
	free(names);
	return bad;
}
