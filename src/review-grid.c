/*
 * review-grid.c - the Review screen's logic (review-grid.h): one
 * quarter's findings as organizations by rules, worst first, filtered,
 * laid out for a width; and one organization's findings for the
 * drill-down.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/db.h>
#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/pinyin.h>
#include <orglife/review-grid.h>
#include <orglife/text.h>

/* The narrowest a name gets, and how narrow it gets before the counts go. */
#define NAME_MIN_W 8
#define NAME_KEEP_W 14

static const char *const symbols[REVIEW_MARKS] = {
	[REVIEW_NONE] = "-", [REVIEW_OK] = "✓", [REVIEW_PENDING] = "~", [REVIEW_DUE] = "!", [REVIEW_OVERDUE] = "✗",
};

const char *review_mark_symbol(enum review_mark m)
{
	return (unsigned)m < REVIEW_MARKS ? symbols[m] : "?";
}

const char *review_mark_label(enum review_mark m)
{
	static const char *const labels[REVIEW_MARKS] = {
		[REVIEW_NONE] = N_("nothing found"), [REVIEW_OK] = N_("met"), [REVIEW_PENDING] = N_("not held yet"),
		[REVIEW_DUE] = N_("due"), [REVIEW_OVERDUE] = N_("overdue"),
	};

	return (unsigned)m < REVIEW_MARKS ? _(labels[m]) : "?";
}

enum review_mark review_mark_of(const struct finding *fd)
{
	if (fd->severity == SEV_OVERDUE)
		return REVIEW_OVERDUE;
	if (fd->severity == SEV_DUE)
		return REVIEW_DUE;
	return fd->pending ? REVIEW_PENDING : REVIEW_OK;
}

void review_grid_init(struct review_grid *g, const struct period *quarter, long today, int keep_items)
{
	memset(g, 0, sizeof *g);
	g->quarter = *quarter;
	g->as_of = quarter->last < today ? quarter->last : today;
	g->keep_items = keep_items;
}

/* Where org_id is in by_id, or would go. */
static int by_id_pos(const struct review_grid *g, long long org_id)
{
	int lo = 0, hi = g->nrows;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (g->rows[g->by_id[mid]].org_id < org_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int review_grid_find(const struct review_grid *g, long long org_id)
{
	int at = by_id_pos(g, org_id);

	return at < g->nrows && g->rows[g->by_id[at]].org_id == org_id ? g->by_id[at] : -1;
}

/* The row of org_id, added when it is new (by_id stays in id order). */
static struct review_row *row_for(struct review_grid *g, long long org_id, const char *name)
{
	int lo = by_id_pos(g, org_id);
	struct review_row *r;

	if (lo < g->nrows && g->rows[g->by_id[lo]].org_id == org_id)
		return &g->rows[g->by_id[lo]];
	if (g->nrows == g->caprows) {
		g->caprows = g->caprows ? g->caprows * 2 : 64;
		g->rows = xrealloc(g->rows, (size_t)g->caprows * sizeof *g->rows);
		g->by_id = xrealloc(g->by_id, (size_t)g->caprows * sizeof *g->by_id);
	}
	/* The engine goes in id order: this is nearly always the end. */
	memmove(g->by_id + lo + 1, g->by_id + lo, (size_t)(g->nrows - lo) * sizeof *g->by_id);
	g->by_id[lo] = g->nrows;
	r = &g->rows[g->nrows++];
	memset(r, 0, sizeof *r);
	r->org_id = org_id;
	r->name = xstrdup(name ? name : "");
	return r;
}

static void keep_item(struct review_grid *g, long long row_id, const struct finding *fd)
{
	struct review_item *it;

	if (g->nitems == g->capitems) {
		g->capitems = g->capitems ? g->capitems * 2 : 64;
		g->items = xrealloc(g->items, (size_t)g->capitems * sizeof *g->items);
	}
	it = &g->items[g->nitems];
	memset(it, 0, sizeof *it);
	it->rule = fd->rule;
	it->severity = fd->severity;
	it->mark = review_mark_of(fd);
	it->row_id = row_id;
	it->org_id = fd->org_id;
	it->member_id = fd->member_id;
	it->session_id = fd->session_id;
	it->has_period = fd->has_period;
	if (fd->has_period)
		it->period = fd->period;
	it->org = xstrdup(fd->org ? fd->org : "");
	it->member = fd->member_id ? xstrdup(fd->member ? fd->member : "") : NULL;
	it->message = xstrdup(fd->message ? fd->message : "");
	it->order = g->nitems++;
}

void review_grid_add(struct review_grid *g, long long row_id, const char *row_name, const struct finding *fd)
{
	struct review_row *r = row_for(g, row_id, row_name);
	enum review_mark m = review_mark_of(fd);

	if (m > r->marks[fd->rule])
		r->marks[fd->rule] = (unsigned char)m;
	if (m > r->worst)
		r->worst = m;
	r->count[fd->severity]++;
	if (g->keep_items)
		keep_item(g, row_id, fd);
}

/* ---- finishing ------------------------------------------------------------------ */

static int cmp_rows(const void *a, const void *b)
{
	const struct review_row *x = a, *y = b;
	int c;

	if (x->worst != y->worst)
		return x->worst > y->worst ? -1 : 1;
	if (x->count[SEV_OVERDUE] != y->count[SEV_OVERDUE])
		return x->count[SEV_OVERDUE] > y->count[SEV_OVERDUE] ? -1 : 1;
	if (x->count[SEV_DUE] != y->count[SEV_DUE])
		return x->count[SEV_DUE] > y->count[SEV_DUE] ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return (x->org_id > y->org_id) - (x->org_id < y->org_id);
}

static int cmp_by_id(const void *a, const void *b, void *g_)
{
	const struct review_grid *g = g_;
	long long x = g->rows[*(const int *)a].org_id, y = g->rows[*(const int *)b].org_id;

	return (x > y) - (x < y);
}

static int cmp_periods(const struct review_item *x, const struct review_item *y)
{
	if (x->has_period != y->has_period)
		return x->has_period ? 1 : -1;
	if (x->has_period && x->period.first != y->period.first)
		return x->period.first < y->period.first ? -1 : 1;
	return 0;
}

/* Row by row; in a row the worst rule first; in a rule the worst finding
 * first, then by period and member; else as the engine gave them. */
static int cmp_items(const void *a, const void *b, void *g_)
{
	const struct review_grid *g = g_;
	const struct review_item *x = a, *y = b;
	int c;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->rule != y->rule) {
		enum review_mark mx = g->rows[x->row].marks[x->rule], my = g->rows[y->row].marks[y->rule];
		if (mx != my)
			return mx > my ? -1 : 1;
		return x->rule < y->rule ? -1 : 1;
	}
	if (x->mark != y->mark)
		return x->mark > y->mark ? -1 : 1;
	if ((c = cmp_periods(x, y)) != 0)
		return c;
	if ((c = strcmp(x->member ? x->member : "", y->member ? y->member : "")) != 0)
		return c;
	return x->order - y->order;
}

void review_grid_finish(struct review_grid *g)
{
	int i, r;

	if (g->nrows) {
		qsort(g->rows, (size_t)g->nrows, sizeof *g->rows, cmp_rows);
		for (i = 0; i < g->nrows; i++)
			g->by_id[i] = i;
		qsort_r(g->by_id, (size_t)g->nrows, sizeof *g->by_id, cmp_by_id, g);
	}
	g->ncolumns = 0;
	for (r = 0; r < R_COUNT; r++)
		for (i = 0; i < g->nrows; i++)
			if (g->rows[i].marks[r] != REVIEW_NONE) {
				g->columns[g->ncolumns++] = r;
				break;
			}
	g->name_w = 0;
	for (i = 0; i < g->nrows; i++) {
		char *clean = text_sanitize(g->rows[i].name, 0);
		int w = text_width(clean);
		if (w > g->name_w)
			g->name_w = w;
		free(clean);
	}
	for (i = 0; i < g->nitems; i++)
		g->items[i].row = review_grid_find(g, g->items[i].row_id);
	if (g->nitems)
		qsort_r(g->items, (size_t)g->nitems, sizeof *g->items, cmp_items, g);
	review_grid_filter(g, NULL, 0);
}

/* ---- loading from the database --------------------------------------------------- */

struct load {
	struct review_grid *g;
	const struct facts *f;
};

/* A party group's finding goes to its branch's row. */
static int on_finding(const struct finding *fd, void *p)
{
	struct load *l = p;
	const struct fact_org *o = facts_org(l->f, fd->org_id), *branch;

	if (o && o->kind == ORG_GROUP && (branch = facts_org(l->f, o->parent_id)))
		review_grid_add(l->g, branch->id, branch->name, fd);
	else
		review_grid_add(l->g, fd->org_id, fd->org, fd);
	return 0;
}

int review_grid_load(struct db *db, const struct rules_config *cfg, long long org_id, struct review_grid *g)
{
	/* The screens show the messages to people. */
	struct rules_query q = { .mode = RULES_REVIEW, .as_of = g->as_of, .quarter = g->quarter, .org_id = org_id,
				 .human_dates = 1 };
	struct facts_window w;
	struct facts f;
	struct load l = { .g = g, .f = &f };
	int rc;

	rules_facts_window(&q, &w);
	rules_facts_narrow(cfg, &q, &w);
	if ((rc = facts_load(db, &w, &f)) != OL_OK)
		return rc;
	rules_evaluate(cfg, &f, &q, on_finding, &l);
	facts_free(&f);
	review_grid_finish(g);
	return OL_OK;
}

void review_grid_free(struct review_grid *g)
{
	for (int i = 0; i < g->nrows; i++)
		free(g->rows[i].name);
	for (int i = 0; i < g->nitems; i++) {
		free(g->items[i].org);
		free(g->items[i].member);
		free(g->items[i].message);
	}
	free(g->rows);
	free(g->by_id);
	free(g->shown);
	free(g->items);
	memset(g, 0, sizeof *g);
}

/* ---- filtering, laying out ------------------------------------------------------- */

void review_grid_filter(struct review_grid *g, const char *needle, int problems)
{
	g->shown = xrealloc(g->shown, (size_t)(g->nrows ? g->nrows : 1) * sizeof *g->shown);
	g->nshown = 0;
	for (int i = 0; i < g->nrows; i++) {
		if (problems && g->rows[i].worst < REVIEW_DUE)
			continue;
		if (!pinyin_match(g->rows[i].name, needle))
			continue;
		g->shown[g->nshown++] = i;
	}
}

int review_grid_items(const struct review_grid *g, long long org_id, int *first)
{
	int i = 0, n = 0;

	while (i < g->nitems && g->items[i].row_id != org_id)
		i++;
	*first = i;
	while (i + n < g->nitems && g->items[i + n].row_id == org_id)
		n++;
	return n;
}

void review_grid_layout(const struct review_grid *g, int width, int heading_w, int focus, int *first,
			struct review_layout *lay)
{
	int counts_w = 3 * REVIEW_COUNT_W, cells_need = g->ncolumns * REVIEW_CELL_W;
	int names = g->name_w < NAME_MIN_W ? NAME_MIN_W : g->name_w;
	/* The heading widens the names only with room nothing else needs. */
	int want = names > heading_w ? names : heading_w;
	int keep = names < NAME_KEEP_W ? names : NAME_KEEP_W;
	int floor_w = width / 3 < keep ? width / 3 : keep;
	int rest, name_w, vis;

	if (floor_w < NAME_MIN_W)
		floor_w = NAME_MIN_W;
	/* A space, the worst mark, a space, the name, a space, then the counts
	 * and a space, then the cells; a cell's space after its mark keeps the
	 * last column free. */
	lay->name_x = 3;
	rest = width - lay->name_x - 1;
	name_w = rest - counts_w - 1 - cells_need;
	if (name_w < keep) {
		/* The counts go before the names are cut below 14 columns;
		 * then the names give way down to their floor, and the cells
		 * scroll. */
		counts_w = 0;
		name_w = rest - cells_need;
		if (name_w < floor_w)
			name_w = floor_w;
	}
	if (name_w > want)
		name_w = want;
	lay->name_w = name_w;
	lay->counts_x = counts_w ? lay->name_x + name_w + 1 : -1;
	lay->cells_x = counts_w ? lay->counts_x + counts_w + 1 : lay->name_x + name_w + 1;
	vis = (width - lay->cells_x) / REVIEW_CELL_W;
	if (vis < 1)
		vis = 1;
	if (g->ncolumns <= vis)
		*first = 0;
	else {
		if (focus < *first)
			*first = focus;
		if (focus >= *first + vis)
			*first = focus - vis + 1;
		if (*first > g->ncolumns - vis)
			*first = g->ncolumns - vis;
		if (*first < 0)
			*first = 0;
	}
	lay->first = *first;
	lay->ncols = g->ncolumns - *first < vis ? g->ncolumns - *first : vis;
}
