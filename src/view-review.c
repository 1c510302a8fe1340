/*
 * view-review.c - the Review screen (view.h; PRODUCT.md §3, screen 6):
 * one quarter's review as organizations by rules, the worst first, a
 * mark per cell (✓ met, ~ not held yet, ! due, ✗ overdue, - nothing
 * found) with colour beside it, never instead of it.  `<` and `>` go to
 * the quarter before and after, h and l move the rule in focus (named
 * above the table), `/` filters by name or pinyin, p keeps those with
 * problems, Enter opens one's findings (view-findings.c), and x writes
 * the quarter's review to a file through the very command `orglife
 * review` runs.  The logic is review-grid.c's.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <orglife/cli.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/review-grid.h>
#include <orglife/text.h>
#include <orglife/tui-list.h>
#include <orglife/view.h>

/* Lines above the table: the summary, the rule in focus, the headings. */
#define HEAD_LINES 3
/* The legend under the table needs this many lines in all. */
#define LEGEND_MIN_H 14

struct review_view {
	struct screen base;
	struct tui_list list;    /* over g.shown */
	struct review_grid g;
	struct period quarter;
	int focus;               /* the column in focus: an index into g.columns */
	int first;               /* the first column shown */
	struct review_layout lay; /* as at the last draw */
	char *filter;            /* the name filter, NULL: none */
	char *filter_before;     /* while one is typed: the one before */
	int problems;            /* only the organizations with something due or overdue */
	char *export_path;       /* waiting for "replace it?" */
};

/* The order of the counts: overdue, due, ok findings. */
static const enum severity count_order[] = { SEV_OVERDUE, SEV_DUE, SEV_OK };

enum tui_style view_review_style(enum review_mark m)
{
	switch (m) {
	case REVIEW_OK: return TS_OK;
	case REVIEW_DUE: return TS_DUE;
	case REVIEW_OVERDUE: return TS_OVERDUE;
	case REVIEW_NONE: return TS_DIM;
	default: return TS_NORMAL;
	}
}

static const struct review_row *shown_row(const struct review_view *v, int i)
{
	return i >= 0 && i < v->g.nshown ? &v->g.rows[v->g.shown[i]] : NULL;
}

static void set_title(struct review_view *v)
{
	char qs[DATE_DISPLAY_MAX];

	period_display(&v->quarter, qs);
	free(v->base.title);
	v->base.title = xstrdup(qs);
}

/* Shows the rows the filter lets through, keeping the selected one. */
static void refilter(struct review_view *v, long long keep)
{
	int i;

	review_grid_filter(&v->g, v->filter, v->problems);
	tui_list_set_rows(&v->list, v->g.nshown);
	for (i = 0; i < v->g.nshown && keep; i++)
		if (v->g.rows[v->g.shown[i]].org_id == keep)
			break;
	tui_list_select(&v->list, keep && i < v->g.nshown ? i : 0);
}

/* (Re)loads the quarter, keeping the organization and the rule in focus. */
static int load(struct review_view *v, struct tui *t)
{
	const struct review_row *sel = shown_row(v, v->list.sel);
	long long keep = sel ? sel->org_id : 0;
	int rule = v->focus < v->g.ncolumns ? v->g.columns[v->focus] : -1, rc;

	review_grid_free(&v->g);
	review_grid_init(&v->g, &v->quarter, t->today, 0);
	rc = review_grid_load(t->db, &t->rules, 0, &v->g);
	if (rc != OL_OK)
		tui_status(t, TS_OVERDUE, "%s", db_errmsg(t->db));
	v->focus = 0;
	for (int i = 0; i < v->g.ncolumns; i++)
		if (v->g.columns[i] == rule)
			v->focus = i;
	refilter(v, keep);
	set_title(v);
	v->base.gen = t->gen;
	return rc;
}

/* ---- drawing ---------------------------------------------------------------------- */

/* "✗ 3  ! 4  ~ 2  ✓ 5": how many of the shown rows have each mark, in
 * the rule of column col (-1: their worst). */
static void mark_counts(const struct review_view *v, int col, struct strbuf *b)
{
	int n[REVIEW_MARKS] = { 0 };

	for (int i = 0; i < v->g.nshown; i++) {
		const struct review_row *r = &v->g.rows[v->g.shown[i]];
		n[col < 0 ? r->worst : r->marks[v->g.columns[col]]]++;
	}
	for (int m = REVIEW_OVERDUE; m >= REVIEW_OK; m--)
		if (n[m])
			strbuf_addf(b, "%s%s %d", b->len ? "  " : "", review_mark_symbol((enum review_mark)m), n[m]);
}

static void draw_summary(struct review_view *v, struct tui *t, int y, int x, int w)
{
	struct strbuf head = { 0 }, b = { 0 };
	char qs[DATE_DISPLAY_MAX], day[DATE_DISPLAY_MAX];

	/* The quarter names the year. */
	period_display(&v->quarter, qs);
	date_display_short(v->g.as_of, day);
	mark_counts(v, -1, &b);
	strbuf_addf(&head, _("%s as of %s"), qs, day);
	/* Narrow, the counts keep their room: the quarter is in the title. */
	if (1 + text_width(head.s) + 3 + text_width(b.s) > w) {
		strbuf_reset(&head);
		strbuf_addf(&head, _("as of %s"), day);
	}
	x += 1;
	x += tui_text(y, x, w - x, head.s, tui_attr(t, TS_HEADING), 0) + 3;
	strbuf_free(&head);
	if (v->filter || v->problems) {
		strbuf_adds(&b, "   ");
		strbuf_addf(&b, _("%d of %d shown"), v->g.nshown, v->g.nrows);
		if (v->filter)
			strbuf_addf(&b, " /%s", v->filter);
		if (v->problems)
			strbuf_addf(&b, " %s", _("problems only"));
	}
	tui_text(y, x, w - x, strbuf_str(&b), A_NORMAL, 0);
	strbuf_free(&b);
}

/* The rule in focus: its id and what it asks, and how the shown rows stand. */
static void draw_focus(struct review_view *v, struct tui *t, int y, int x, int w)
{
	struct strbuf b = { 0 };
	int rule, cw;

	if (!v->g.ncolumns)
		return;
	rule = v->g.columns[v->focus];
	mark_counts(v, v->focus, &b);
	cw = text_width(b.s);
	if (cw > w / 3)
		cw = 0;
	x += 1;
	x += tui_text(y, x, w - x - cw - 1, rules_id((enum rule_id)rule), tui_attr(t, TS_HEADING), 0) + 2;
	tui_text(y, x, w - x - cw - 2, _(t->rules.rules[rule].summary), A_NORMAL, 0);
	if (cw)
		tui_text_right(y, w - cw - 1, cw, b.s, A_NORMAL);
	strbuf_free(&b);
}

/* The headings, a "v" over the column in focus, "<" and ">" where columns
 * are scrolled out of sight. */
static void draw_headings(struct review_view *v, struct tui *t, int y)
{
	const struct review_layout *l = &v->lay;
	attr_t dim = tui_attr(t, TS_DIM);

	tui_text(y, l->name_x, l->name_w, _("Organization"), dim, 0);
	for (int i = 0; l->counts_x >= 0 && i < 3; i++)
		tui_text_right(y, l->counts_x + i * REVIEW_COUNT_W, REVIEW_COUNT_W, severity_mark(count_order[i]), dim);
	if (l->first > 0)
		tui_text(y, l->cells_x - 1, 1, "<", dim, 0);
	if (l->first + l->ncols < v->g.ncolumns)
		tui_text(y, l->cells_x + l->ncols * REVIEW_CELL_W - 1, 1, ">", dim, 0);
	if (v->focus >= l->first && v->focus < l->first + l->ncols)
		tui_text(y, l->cells_x + (v->focus - l->first) * REVIEW_CELL_W, 1, "v", tui_attr(t, TS_HEADING), 0);
}

static void draw_row(void *ctx, struct tui *t, int row, int y, int x, int w, int selected)
{
	struct review_view *v = ctx;
	const struct review_row *r = shown_row(v, row);
	const struct review_layout *l = &v->lay;
	attr_t base = selected ? tui_attr(t, TS_SELECTED) : A_NORMAL;
	char num[16];

	tui_text(y, x, w, "", base, 1);
	tui_text(y, x + 1, 1, review_mark_symbol(r->worst), base | tui_attr(t, view_review_style(r->worst)), 0);
	tui_text(y, x + l->name_x, l->name_w, r->name, base, 0);
	for (int i = 0; l->counts_x >= 0 && i < 3; i++) {
		int n = r->count[count_order[i]];
		snprintf(num, sizeof num, "%d", n);
		tui_text_right(y, x + l->counts_x + i * REVIEW_COUNT_W, REVIEW_COUNT_W, num,
			       base | tui_attr(t, n ? tui_severity_style(count_order[i]) : TS_DIM));
	}
	for (int i = 0; i < l->ncols; i++) {
		int col = l->first + i;
		enum review_mark m = (enum review_mark)r->marks[v->g.columns[col]];
		attr_t a = base | tui_attr(t, view_review_style(m));
		/* The cell in focus: out of the selection bar, bold in the others. */
		if (col == v->focus)
			a = selected ? (a & ~(attr_t)A_REVERSE) | A_BOLD : a | A_BOLD;
		tui_text(y, x + l->cells_x + i * REVIEW_CELL_W, 1, review_mark_symbol(m), a, 0);
	}
}

static void draw_legend(struct tui *t, int y, int x, int w)
{
	static const enum review_mark order[] = { REVIEW_OK, REVIEW_PENDING, REVIEW_DUE, REVIEW_OVERDUE, REVIEW_NONE };

	x += 1;
	for (size_t i = 0; i < sizeof order / sizeof order[0] && x < w; i++) {
		const char *word = review_mark_label(order[i]);
		if (x + 2 + text_width(word) > w)
			break;
		tui_text(y, x, 1, review_mark_symbol(order[i]), tui_attr(t, view_review_style(order[i])), 0);
		x += 2;
		x += tui_text(y, x, w - x, word, tui_attr(t, TS_DIM), 0) + 2;
	}
}

static const struct tui_list_ops list_ops = { .draw_row = draw_row };

static void review_draw(struct screen *s, struct tui *t, const struct tui_rect *r)
{
	struct review_view *v = (struct review_view *)s;
	struct tui_rect table = *r;

	if (s->gen != t->gen)
		load(v, t);
	review_grid_layout(&v->g, r->w, text_width(_("Organization")), v->focus, &v->first, &v->lay);
	draw_summary(v, t, r->y, r->x, r->w);
	draw_focus(v, t, r->y + 1, r->x, r->w);
	table.y = r->y + HEAD_LINES;
	table.h = r->h - HEAD_LINES;
	if (r->h >= LEGEND_MIN_H) {
		table.h -= 2;
		draw_legend(t, r->y + r->h - 1, r->x, r->w);
	}
	if (v->g.nshown == 0) {
		if (v->g.nrows == 0)
			tui_text(table.y, r->x + 3, r->w - 4, _("Nothing to review for this quarter."), A_NORMAL, 0);
		else {
			tui_text(table.y, r->x + 3, r->w - 4, _("No organization is left by the filter."), A_NORMAL, 0);
			tui_text(table.y + 1, r->x + 3, r->w - 4, _("/ and Enter on an empty line, or p, show them again."),
				 tui_attr(t, TS_DIM), 0);
		}
		return;
	}
	draw_headings(v, t, r->y + 2);
	tui_list_draw(&v->list, t, &table);
}

/* ---- the filter ------------------------------------------------------------------- */

static void set_filter(struct review_view *v, const char *text)
{
	const struct review_row *sel = shown_row(v, v->list.sel);
	long long keep = sel ? sel->org_id : 0;

	free(v->filter);
	v->filter = text && *text ? xstrdup(text) : NULL;
	refilter(v, keep);
}

static void filter_change(struct tui *t, void *ctx, const char *text)
{
	(void)t;
	set_filter(ctx, text);
}

static unsigned filter_done(struct tui *t, void *ctx, const char *text)
{
	struct review_view *v = ctx;

	(void)t;
	/* Esc: the filter there was before. */
	set_filter(v, text ? text : v->filter_before);
	free(v->filter_before);
	v->filter_before = NULL;
	return TUI_REDRAW;
}

static unsigned open_filter(struct review_view *v, struct tui *t)
{
	free(v->filter_before);
	v->filter_before = v->filter ? xstrdup(v->filter) : NULL;
	tui_prompt(t, "/", NULL, filter_change, filter_done, v);
	return TUI_REDRAW;
}

/* ---- export ------------------------------------------------------------------------ */

/* The --format of a file name by its ending, or NULL. */
static const char *format_of(const char *path)
{
	static const struct {
		const char *ending, *format;
	} endings[] = { { ".html", "html" }, { ".htm", "html" }, { ".csv", "csv" }, { ".json", "json" } };
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		size_t e = strlen(endings[i].ending);
		if (n > e && strcasecmp(path + n - e, endings[i].ending) == 0)
			return endings[i].format;
	}
	return NULL;
}

/* The first line of what the command said on error, or the system's reason. */
static void export_failed(struct tui *t, const char *path, const char *said, int err)
{
	char *line = xstrdup(said && *said ? said : strerror(err ? err : EIO));

	line[strcspn(line, "\n")] = '\0';
	tui_status(t, TS_OVERDUE, _("cannot write %s: %s"), path, line);
	free(line);
}

/*
 * Writes the review of the quarter shown to path as `orglife review
 * --quarter Q --format F` prints it: into a private temporary file beside
 * it, renamed over path once whole, so a failure leaves no half file.
 */
static void export_to(struct review_view *v, struct tui *t, const char *path)
{
	char qs[12], fmt[8], cmd[] = "review", qopt[] = "--quarter", fopt[] = "--format";
	char *argv[] = { cmd, qopt, qs, fopt, fmt, NULL };
	struct strbuf tmp = { 0 };
	char *said = NULL, *full;
	size_t saidlen = 0;
	FILE *f, *err;
	int fd, rc, saved = 0;

	period_format(&v->quarter, qs);
	snprintf(fmt, sizeof fmt, "%s", format_of(path));
	strbuf_addf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp.s)) < 0 || !(f = fdopen(fd, "w"))) {
		export_failed(t, path, NULL, errno);
		if (fd >= 0) {
			close(fd);
			unlink(tmp.s);
		}
		strbuf_free(&tmp);
		return;
	}
	err = open_memstream(&said, &saidlen);
	rc = cli_run(t->db, t->db_path, f, err ? err : stderr, 5, argv);
	if (err)
		fclose(err);
	if (fflush(f) != 0 || ferror(f))
		saved = errno ? errno : EIO;
	if (fclose(f) != 0 && !saved)
		saved = errno;
	if (rc == EXIT_OK && !saved && rename(tmp.s, path) == 0) {
		full = realpath(path, NULL);
		tui_status(t, TS_OK, _("written to %s"), full ? full : path);
		free(full);
	} else {
		export_failed(t, path, rc != EXIT_OK ? said : NULL, saved ? saved : errno);
		unlink(tmp.s);
	}
	free(said);
	strbuf_free(&tmp);
}

static unsigned export_confirmed(struct tui *t, void *ctx, const char *text)
{
	struct review_view *v = ctx;

	if (text)
		export_to(v, t, v->export_path);
	free(v->export_path);
	v->export_path = NULL;
	return TUI_REDRAW;
}

static unsigned export_named(struct tui *t, void *ctx, const char *text)
{
	struct review_view *v = ctx;
	struct strbuf q = { 0 };

	if (!text || !*text)
		return TUI_REDRAW;
	if (!format_of(text)) {
		tui_status(t, TS_OVERDUE, _("'%s': give a file name ending in .html, .csv or .json"), text);
		return TUI_REDRAW;
	}
	if (access(text, F_OK) != 0) {
		export_to(v, t, text);
		return TUI_REDRAW;
	}
	/* Replacing a file is asked first. */
	free(v->export_path);
	v->export_path = xstrdup(text);
	strbuf_addf(&q, _("%s exists: replace it?"), text);
	tui_confirm(t, q.s, export_confirmed, v);
	strbuf_free(&q);
	return TUI_REDRAW;
}

static unsigned open_export(struct review_view *v, struct tui *t)
{
	char qs[12], name[64];

	/* A file name in ISO, as the command line takes quarters. */
	period_format(&v->quarter, qs);
	snprintf(name, sizeof name, "orglife-review-%s.html", qs);
	tui_prompt(t, _("export to: "), name, NULL, export_named, v);
	return TUI_REDRAW;
}

/* ---- keys ---------------------------------------------------------------------------- */

static unsigned to_quarter(struct review_view *v, struct tui *t, int dir)
{
	struct period q;

	period_of(PERIOD_QUARTER, dir < 0 ? v->quarter.first - 1 : v->quarter.last + 1, &q);
	v->quarter = q;
	load(v, t);
	return TUI_REDRAW;
}

static unsigned open_findings(struct review_view *v, struct tui *t)
{
	const struct review_row *r = shown_row(v, v->list.sel);
	struct screen *next;

	if (!r)
		return TUI_NONE;
	next = view_findings_new(t, &v->quarter, r->org_id, v->g.ncolumns ? v->g.columns[v->focus] : -1);
	if (next)
		tui_push(t, next);
	return TUI_REDRAW;
}

static unsigned review_key(struct screen *s, struct tui *t, enum tui_action a, int key)
{
	struct review_view *v = (struct review_view *)s;

	(void)key;
	switch (a) {
	case ACT_IDLE: return TUI_NONE;
	case ACT_PREV_QUARTER: return to_quarter(v, t, -1);
	case ACT_NEXT_QUARTER: return to_quarter(v, t, +1);
	case ACT_LEFT:
		if (v->focus > 0)
			v->focus--;
		return TUI_REDRAW;
	case ACT_RIGHT:
		if (v->focus + 1 < v->g.ncolumns)
			v->focus++;
		return TUI_REDRAW;
	case ACT_OPEN: return open_findings(v, t);
	case ACT_FILTER: return open_filter(v, t);
	case ACT_PROBLEMS: {
		const struct review_row *sel = shown_row(v, v->list.sel);
		v->problems = !v->problems;
		refilter(v, sel ? sel->org_id : 0);
		tui_status(t, TS_NORMAL, "%s",
			   v->problems ? _("only the organizations with something due or overdue")
				       : _("every organization again"));
		return TUI_REDRAW;
	}
	case ACT_EXPORT: return open_export(v, t);
	default: return tui_list_key(&v->list, t, a);
	}
}

static void review_view_free(struct screen *s)
{
	struct review_view *v = (struct review_view *)s;

	review_grid_free(&v->g);
	tui_list_free(&v->list);
	free(v->filter);
	free(v->filter_before);
	free(v->export_path);
	free(v);
}

static const struct screen_ops review_ops = {
	.name = N_("Review"),
	.draw = review_draw,
	.key = review_key,
	.free = review_view_free,
};

struct screen *view_review_new(struct tui *t)
{
	struct review_view *v = xmalloc(sizeof *v);

	memset(v, 0, sizeof *v);
	v->base.ops = &review_ops;
	v->base.scope = TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_REVIEW;
	period_of(PERIOD_QUARTER, t->today, &v->quarter);
	tui_list_init(&v->list, &list_ops, v, 0);
	if (load(v, t) != OL_OK) {
		review_view_free(&v->base);
		return NULL;
	}
	return &v->base;
}
