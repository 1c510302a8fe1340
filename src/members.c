/*
 * members.c - the Members screens' logic (members.h): a branch's roster and
 * its columns, one member's history and dues, and the forms that add, edit
 * and record a member's changes.  Plain functions over the model; the
 * screens in view-members.c and view-member.c draw the result.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/members.h>
#include <orglife/org.h>
#include <orglife/pinyin.h>

/* ---- which branch ---------------------------------------------------------------- */

struct branch_search {
	long long org;     /* the organization asked about */
	int org_depth;     /* its depth once met, -1 before */
	int done;          /* the walk is past its subtree */
	long long under;   /* the first branch under it */
	long long first;   /* the first branch of all */
};

static int branch_walk(const struct org *o, void *p)
{
	struct branch_search *s = p;

	if (s->org_depth >= 0 && !s->done && o->depth <= s->org_depth)
		s->done = 1;
	if (o->id == s->org)
		s->org_depth = o->depth;
	if (o->kind != ORG_BRANCH)
		return 0;
	if (!s->first)
		s->first = o->id;
	if (s->org_depth >= 0 && !s->done && !s->under)
		s->under = o->id;
	return s->under ? 1 : 0;
}

int members_branch_for(struct db *db, long long org, long long *branch)
{
	struct branch_search s = { .org = org, .org_depth = -1 };
	struct org o;
	int rc;

	*branch = 0;
	if (org && org_get(db, org, &o) == OL_OK) {
		long long b = o.kind == ORG_BRANCH ? o.id : o.kind == ORG_GROUP ? o.parent_id : 0;
		org_clear(&o);
		if (b) {
			*branch = b;
			return OL_OK;
		}
	}
	rc = org_list(db, branch_walk, &s);
	if (rc < 0)
		return rc;
	*branch = s.under ? s.under : s.first;
	return OL_OK;
}

/* ---- the roster ----------------------------------------------------------------- */

static int add_group(const struct org *o, void *p)
{
	struct members_roster *r = p;

	if (o->kind != ORG_GROUP)
		return 0;
	if (r->ngroups == r->capgroups) {
		r->capgroups = r->capgroups ? r->capgroups * 2 : 8;
		r->groups = xrealloc(r->groups, (size_t)r->capgroups * sizeof *r->groups);
	}
	r->groups[r->ngroups].id = o->id;
	r->groups[r->ngroups].name = xstrdup(o->name);
	r->ngroups++;
	return 0;
}

static int add_row(const struct member *m, void *p)
{
	struct members_roster *r = p;
	struct members_row *row;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->rows = xrealloc(r->rows, (size_t)r->cap * sizeof *r->rows);
	}
	row = &r->rows[r->n++];
	row->id = m->id;
	row->name = xstrdup(m->name ? m->name : "");
	row->status = m->status;
	row->where = m->where;
	row->group = xstrdup(m->group_name);
	row->roles = xstrdup(m->roles);
	row->last_attended = -1;
	return 0;
}

static int set_last(long long member_id, long day, void *p)
{
	struct members_roster *r = p;
	int i = members_find(r, member_id);

	if (i >= 0)
		r->rows[i].last_attended = day;
	return 0;
}

/* The branch's name and party groups. */
static int load_branch(struct db *db, long long branch_id, struct members_roster *r)
{
	struct org o;
	int rc;

	if ((rc = org_get(db, branch_id, &o)) != OL_OK)
		return rc;
	r->branch_id = o.id;
	r->branch_name = xstrdup(o.name);
	org_clear(&o);
	return org_children(db, branch_id, add_group, r);
}

int members_load(struct db *db, long long branch_id, long today, struct members_roster *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	r->today = today;
	if (!branch_id)
		return OL_OK;
	/* One snapshot: the roster and its attendance agree. */
	if ((rc = db_read_begin(db)) != OL_OK)
		return rc;
	rc = load_branch(db, branch_id, r);
	if (rc == OL_OK)
		rc = member_list(db, branch_id, today, add_row, r);
	if (rc == OL_OK)
		rc = member_last_attended(db, branch_id, today, set_last, r);
	db_read_end(db);
	if (rc != OL_OK) {
		members_free(r);
		r->today = today;
	}
	return rc;
}

int members_load_groups(struct db *db, long long branch_id, long today, struct members_roster *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	r->today = today;
	if ((rc = load_branch(db, branch_id, r)) != OL_OK) {
		members_free(r);
		r->today = today;
	}
	return rc;
}

void members_free(struct members_roster *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->rows[i].name);
		free(r->rows[i].group);
		free(r->rows[i].roles);
	}
	free(r->rows);
	for (int i = 0; i < r->ngroups; i++)
		free(r->groups[i].name);
	free(r->groups);
	free(r->branch_name);
	memset(r, 0, sizeof *r);
}

int members_find(const struct members_roster *r, long long member_id)
{
	for (int i = 0; i < r->n; i++)
		if (r->rows[i].id == member_id)
			return i;
	return -1;
}

int members_matches(const struct members_row *row, const char *needle)
{
	return pinyin_match(row->name, needle);
}

void members_count(const struct members_roster *r, struct members_counts *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < r->n; i++) {
		c->members++;
		if (r->rows[i].where != MEMBER_HERE)
			c->away++;
		else if (r->rows[i].status == MEMBER_FULL)
			c->full++;
		else
			c->probationary++;
	}
}

/* ---- columns -------------------------------------------------------------------- */

const char *members_col_title(enum members_col c)
{
	switch (c) {
	case RC_NAME: return C_("roster", "Name");
	case RC_STATUS: return C_("roster", "Status");
	case RC_WHERE: return C_("roster", "Where");
	case RC_ROLE: return C_("roster", "Role");
	case RC_GROUP: return C_("roster", "Group");
	case RC_LAST: return C_("roster", "Last attended");
	default: return "";
	}
}

void members_cell(const struct members_roster *r, int row, enum members_col c, struct strbuf *b)
{
	const struct members_row *m = &r->rows[row];
	char buf[DATE_DISPLAY_MAX], *roles;
	struct period p;

	switch (c) {
	case RC_NAME: strbuf_adds(b, m->name); break;
	case RC_STATUS:
		/* TRANSLATORS: the roster's short words for 正式党员 and 预备党员. */
		strbuf_adds(b, m->status == MEMBER_FULL ? C_("member status", "full")
						       : C_("member status", "probationary"));
		break;
	case RC_WHERE:
		if (m->where != MEMBER_HERE)
			strbuf_adds(b, member_where_label(m->where));
		break;
	case RC_ROLE:
		roles = role_labels(m->roles);
		strbuf_adds(b, roles);
		free(roles);
		break;
	case RC_GROUP: strbuf_adds(b, m->group); break;
	case RC_LAST:
		if (m->last_attended < 0) {
			strbuf_adds(b, "-");
			break;
		}
		period_of(PERIOD_MONTH, m->last_attended, &p);
		period_display(&p, buf);
		strbuf_adds(b, buf);
		break;
	default: break;
	}
	if (!b->s)
		strbuf_adds(b, "");
}

#define ROSTER_GAP 2

/* The narrowest a column is cut to before columns are left out. */
static int min_width(enum members_col c)
{
	return c == RC_NAME ? 6 : 8;
}

/* Tries the columns in `use` (a mask) at their natural widths, cutting
 * the wider of the group and role columns a column at a time, then the
 * name, as far as their minimum; 1 when they fit, l filled. */
static int try_layout(const int *natural, unsigned use, int width, struct members_layout *l)
{
	int w[RC_COUNT], total = 0, n = 0, x = 0;

	for (int c = 0; c < RC_COUNT; c++)
		if (use & (1u << c)) {
			w[c] = natural[c];
			total += w[c] + (n++ ? ROSTER_GAP : 0);
		}
	while (total > width) {
		int cut = -1;
		if ((use & (1u << RC_GROUP)) && w[RC_GROUP] > min_width(RC_GROUP))
			cut = RC_GROUP;
		if ((use & (1u << RC_ROLE)) && w[RC_ROLE] > min_width(RC_ROLE) && (cut < 0 || w[RC_ROLE] > w[cut]))
			cut = RC_ROLE;
		if (cut < 0 && w[RC_NAME] > min_width(RC_NAME))
			cut = RC_NAME;
		if (cut < 0)
			return 0;
		w[cut]--;
		total--;
	}
	l->ncols = 0;
	for (int c = 0; c < RC_COUNT; c++)
		if (use & (1u << c)) {
			l->col[l->ncols] = (enum members_col)c;
			l->x[l->ncols] = x;
			l->w[l->ncols] = w[c];
			x += w[c] + ROSTER_GAP;
			l->ncols++;
		}
	return 1;
}

void members_columns(const struct members_roster *r, int width, struct members_layout *l)
{
	static const enum members_col drop[] = { RC_GROUP, RC_ROLE, RC_WHERE, RC_LAST, RC_STATUS };
	struct strbuf b = { 0 };
	int natural[RC_COUNT];
	unsigned use = (1u << RC_COUNT) - 1;

	for (int c = 0; c < RC_COUNT; c++) {
		natural[c] = text_width(members_col_title((enum members_col)c));
		for (int i = 0; i < r->n; i++) {
			char *clean;
			strbuf_reset(&b);
			members_cell(r, i, (enum members_col)c, &b);
			clean = text_sanitize(strbuf_str(&b), 0);
			if (text_width(clean) > natural[c])
				natural[c] = text_width(clean);
			free(clean);
		}
	}
	strbuf_free(&b);
	for (size_t k = 0; k <= sizeof drop / sizeof drop[0]; k++) {
		if (try_layout(natural, use, width, l))
			return;
		if (k < sizeof drop / sizeof drop[0])
			use &= ~(1u << drop[k]);
	}
	/* Not even the name at its narrowest: the name in what there is. */
	l->ncols = 1;
	l->col[0] = RC_NAME;
	l->x[0] = 0;
	l->w[0] = width > 0 ? width : 0;
}

/* ---- one member ------------------------------------------------------------------ */

static int add_fact(const struct member_event *e, void *p)
{
	struct member_detail *d = p;
	struct member_fact *f;

	if (d->nfacts == d->capfacts) {
		d->capfacts = d->capfacts ? d->capfacts * 2 : 8;
		d->facts = xrealloc(d->facts, (size_t)d->capfacts * sizeof *d->facts);
	}
	f = &d->facts[d->nfacts++];
	f->kind = e->kind;
	f->day = e->day;
	f->until = e->until;
	f->doc = xstrdup(e->doc);
	return 0;
}

static int add_session(const struct member_session *s, void *p)
{
	struct member_detail *d = p;
	struct member_attended *a;

	if (d->nsessions == d->capsessions) {
		d->capsessions = d->capsessions ? d->capsessions * 2 : 32;
		d->sessions = xrealloc(d->sessions, (size_t)d->capsessions * sizeof *d->sessions);
	}
	a = &d->sessions[d->nsessions++];
	a->session_id = s->session_id;
	a->org_id = s->org_id;
	a->org_name = xstrdup(s->org_name ? s->org_name : "");
	a->kind = s->kind;
	a->also = s->also;
	a->state = s->state;
	a->day = s->day;
	a->minute = s->minute;
	a->topic = xstrdup(s->topic);
	a->expected = s->expected;
	a->status = s->status;
	a->reason = xstrdup(s->reason);
	return 0;
}

int member_detail_load(struct db *db, long long id, long today, struct member_detail *d)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->today = today;
	if ((rc = db_read_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, id, today, &d->m);
	if (rc == OL_OK)
		rc = member_events(db, id, add_fact, d);
	if (rc == OL_OK)
		rc = member_sessions(db, id, today, add_session, d);
	if (rc == OL_OK)
		rc = dues_list(db, id, &d->dues);
	db_read_end(db);
	if (rc != OL_OK) {
		member_detail_free(d);
		d->today = today;
	}
	return rc;
}

void member_detail_free(struct member_detail *d)
{
	member_clear(&d->m);
	for (int i = 0; i < d->nfacts; i++)
		free(d->facts[i].doc);
	free(d->facts);
	for (int i = 0; i < d->nsessions; i++) {
		free(d->sessions[i].org_name);
		free(d->sessions[i].topic);
		free(d->sessions[i].reason);
	}
	free(d->sessions);
	payments_free(&d->dues);
	memset(d, 0, sizeof *d);
}

const char *member_fact_label(enum member_event_kind k)
{
	switch (k) {
	case EVENT_FLOW_OUT: return member_where_label(MEMBER_FLOWED_OUT);
	case EVENT_TRANSFER_OUT: return member_where_label(MEMBER_TRANSFERRED_OUT);
	case EVENT_TRANSFER_IN: return _("transferred in");
	case EVENT_LOST: return member_where_label(MEMBER_LOST);
	/* TRANSLATORS: back in the branch: from flowing out, or in contact again. */
	case EVENT_BACK: return C_("member event", "back");
	}
	return "";
}

const struct member_fact *member_detail_latest(const struct member_detail *d)
{
	const struct member_fact *latest = NULL;

	for (int i = 0; i < d->nfacts; i++)
		if (d->facts[i].day <= d->today)
			latest = &d->facts[i];
	return latest;
}

void member_detail_count(const struct member_detail *d, struct member_attendance *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < d->nsessions; i++) {
		const struct member_attended *a = &d->sessions[i];
		if (!a->expected)
			continue;
		c->expected++;
		switch (a->status) {
		case ATTEND_PRESENT:
		case ATTEND_LATE: c->attending++; break;
		case ATTEND_EXCUSED: c->excused++; break;
		case ATTEND_ABSENT: c->absent++; break;
		default: c->unmarked++; break;
		}
	}
}

int member_dues_years(const struct member_detail *d, struct dues_year *out, int max)
{
	int ty, tm, start, n = 0;

	date_to_ymd(d->today, &ty, &tm, NULL);
	/* The first month the record covers, as year * 12 + month - 1. */
	start = d->dues.n > 0 ? d->dues.v[0].month : ty * 12 + tm - 1;
	if (d->m.joined >= 0) {
		int jy, jm;
		date_to_ymd(d->m.joined, &jy, &jm, NULL);
		if (jy * 12 + jm - 1 > start)
			start = jy * 12 + jm - 1;
	}
	for (int y = ty; y >= start / 12 && n < max; y--, n++) {
		out[n].year = y;
		out[n].paid = 0;
		out[n].from = y == start / 12 ? start % 12 : 0;
		out[n].to = y == ty ? tm : 12;
		for (size_t i = 0; i < d->dues.n; i++)
			if (d->dues.v[i].month / 12 == y)
				out[n].paid |= 1u << (d->dues.v[i].month % 12);
	}
	return n;
}

/* ---- the member form ---------------------------------------------------------------- */

static void add_group_field(struct form *f, const struct members_roster *r, long long group_id)
{
	int fl = form_add_choice(f, C_("member form", "Group"));

	/* TRANSLATORS: the party group field when the member is in none. */
	form_choice_add(f, fl, C_("party group", "none"), NULL, 0);
	for (int i = 0; i < r->ngroups; i++)
		form_choice_add(f, fl, r->groups[i].name, NULL, r->groups[i].id);
	form_choice_take(f, fl, group_id);
}

static void add_cadre_field(struct form *f, int cadre)
{
	int fl = form_add_choice(f, C_("member form", "Cadre"));

	form_choice_add(f, fl, _("no"), "no", 0);
	form_choice_add(f, fl, _("yes"), "yes", 1);
	form_choice_take(f, fl, cadre ? 1 : 0);
}

void member_form_add(struct form *f, const struct members_roster *r)
{
	int fl;

	form_init(f, r->today);
	form_add_text(f, C_("member form", "Name"), NULL);
	fl = form_add_choice(f, C_("member form", "Status"));
	form_choice_add(f, fl, member_status_label(MEMBER_FULL), member_status_code(MEMBER_FULL), MEMBER_FULL);
	form_choice_add(f, fl, member_status_label(MEMBER_PROBATIONARY), member_status_code(MEMBER_PROBATIONARY),
			MEMBER_PROBATIONARY);
	form_add_date(f, C_("member form", "Joined"), -1);
	add_group_field(f, r, 0);
	add_cadre_field(f, 0);
	form_add_text(f, C_("member form", "Phone"), NULL);
}

void member_form_edit(struct form *f, const struct members_roster *r, const struct member *m)
{
	int fl;

	form_init(f, r->today);
	form_add_text(f, C_("member form", "Name"), m->name);
	fl = form_add_choice(f, C_("member form", "Status"));
	form_choice_add(f, fl, member_status_label(m->status), member_status_code(m->status), m->status);
	form_set_readonly(f, fl);
	fl = form_add_date(f, C_("member form", "Joined"), m->joined);
	if (m->admitted == MEMBER_PROBATIONARY)
		form_set_readonly(f, fl);
	add_group_field(f, r, m->group_id);
	add_cadre_field(f, m->cadre);
	form_add_text(f, C_("member form", "Phone"), m->phone);
}

/* The reason a field's text is refused: "Joined 'xyz': not a date: ...". */
static void refuse(struct strbuf *err, const struct form *f, int field, const char *why)
{
	char *w = text_sanitize(form_text(f, field), 0);

	/* TRANSLATORS: a field, the value typed, what to give. */
	strbuf_addf(err, _("%s '%s': %s"), f->fields[field].label, w, why);
	free(w);
}

static int read_date(const struct form *f, int field, long *day, struct strbuf *err)
{
	const char *why;

	if (form_date(f, field, day, &why) == 0)
		return 0;
	refuse(err, f, field, _(why));
	return -1;
}

static int read_choice(const struct form *f, int field, long long *value, struct strbuf *err)
{
	const struct form_choice *c = form_chosen(f, field);

	if (c) {
		*value = c->value;
		return 0;
	}
	refuse(err, f, field, _("no choice matches it: erase some of what was typed"));
	return -1;
}

int member_form_new(const struct form *f, long long branch_id, struct member_new *mn, struct strbuf *err)
{
	long long status, group, cadre;

	memset(mn, 0, sizeof *mn);
	mn->born = -1;
	if (read_choice(f, MF_STATUS, &status, err) || read_date(f, MF_JOINED, &mn->joined, err) ||
	    read_choice(f, MF_GROUP, &group, err) || read_choice(f, MF_CADRE, &cadre, err))
		return -1;
	mn->name = form_text(f, MF_NAME);
	mn->org_id = branch_id;
	mn->status = (enum member_status)status;
	mn->group_id = group;
	mn->cadre = (int)cadre;
	mn->phone = *form_text(f, MF_PHONE) ? form_text(f, MF_PHONE) : NULL;
	return 0;
}

int member_form_changes(const struct form *f, const struct member *m, struct member_changes *c,
			struct strbuf *err)
{
	long long group, cadre;
	long joined = m->joined;
	const char *name = form_text(f, MF_NAME), *phone = form_text(f, MF_PHONE);
	int changed = 0;

	memset(c, 0, sizeof *c);
	c->cadre = -1;
	if ((!f->fields[MF_JOINED].readonly && read_date(f, MF_JOINED, &joined, err)) ||
	    read_choice(f, MF_GROUP, &group, err) || read_choice(f, MF_CADRE, &cadre, err))
		return -1;
	if (strcmp(name, m->name ? m->name : "") != 0) {
		c->name = name;
		changed = 1;
	}
	if (joined != m->joined) {
		c->set_joined = 1;
		c->joined = joined;
		changed = 1;
	}
	if (group != m->group_id) {
		c->set_group = 1;
		c->group_id = group;
		changed = 1;
	}
	if (cadre != m->cadre) {
		c->cadre = (int)cadre;
		changed = 1;
	}
	if (strcmp(phone, m->phone ? m->phone : "") != 0) {
		c->phone = phone;
		changed = 1;
	}
	return changed;
}

/* ---- a member's changes ------------------------------------------------------------- */

static const struct {
	enum member_event_kind event; /* CHANGE_CONFIRM: none */
	const char *day_label;        /* N_() */
	const char *doc_label;        /* N_(); NULL: no document */
	int until;                    /* the 活动证's validity too */
} changes[CHANGE_COUNT] = {
	[CHANGE_CONFIRM] = { .day_label = N_("On") },
	[CHANGE_FLOW_OUT] = { .event = EVENT_FLOW_OUT, .day_label = N_("On"), .doc_label = N_("Certificate"),
			      .until = 1 },
	[CHANGE_TRANSFER_OUT] = { .event = EVENT_TRANSFER_OUT, .day_label = N_("On"), .doc_label = N_("Letter") },
	[CHANGE_TRANSFER_IN] = { .event = EVENT_TRANSFER_IN, .day_label = N_("On"), .doc_label = N_("Letter") },
	[CHANGE_LOST] = { .event = EVENT_LOST, .day_label = N_("Since") },
	[CHANGE_BACK] = { .event = EVENT_BACK, .day_label = N_("On") },
};

enum { CF_DAY, CF_DOC, CF_UNTIL };

int member_change_for(const struct member *m, enum member_change_key key, enum member_change *c,
		      struct strbuf *why)
{
	enum member_where w = m->where;
	char *name = text_sanitize(m->name, 0);
	int rc = 0;

	switch (key) {
	case CHANGE_KEY_CONFIRM:
		if (m->admitted == MEMBER_PROBATIONARY && m->confirmed < 0) {
			*c = CHANGE_CONFIRM;
		} else if (m->admitted == MEMBER_PROBATIONARY) {
			char day[DATE_DISPLAY_MAX];
			date_display(m->confirmed, day);
			strbuf_addf(why, _("%s was already confirmed on %s"), name, day);
			rc = -1;
		} else {
			strbuf_addf(why, _("%s was admitted as a full member: there is nothing to confirm"), name);
			rc = -1;
		}
		break;
	case CHANGE_KEY_FLOW:
		if (w == MEMBER_HERE)
			*c = CHANGE_FLOW_OUT;
		else if (w == MEMBER_FLOWED_OUT)
			*c = CHANGE_BACK;
		else
			rc = -1;
		break;
	case CHANGE_KEY_TRANSFER:
		*c = w == MEMBER_TRANSFERRED_OUT || w == MEMBER_NOT_YET ? CHANGE_TRANSFER_IN : CHANGE_TRANSFER_OUT;
		break;
	case CHANGE_KEY_LOST:
		if (w == MEMBER_HERE || w == MEMBER_FLOWED_OUT)
			*c = CHANGE_LOST;
		else if (w == MEMBER_LOST)
			*c = CHANGE_BACK;
		else
			rc = -1;
		break;
	}
	/* The dated facts that do not apply: where the member is says why. */
	if (rc && key != CHANGE_KEY_CONFIRM)
		strbuf_addf(why, _("%s is %s: that does not apply"), name, member_where_label(w));
	free(name);
	return rc;
}

void member_change_form(struct form *f, enum member_change c, long today)
{
	form_init(f, today);
	form_add_date(f, _(changes[c].day_label), f->today);
	if (changes[c].doc_label)
		form_add_text(f, _(changes[c].doc_label), NULL);
	if (changes[c].until)
		form_add_date(f, _("Valid until"), -1);
}

int member_change_read(const struct form *f, enum member_change c, long *day, long *until, const char **doc,
		       struct strbuf *err)
{
	*until = -1;
	*doc = NULL;
	if (read_date(f, CF_DAY, day, err))
		return -1;
	if (*day < 0) {
		refuse(err, f, CF_DAY, _("give the day it happened"));
		return -1;
	}
	if (changes[c].doc_label && *form_text(f, CF_DOC))
		*doc = form_text(f, CF_DOC);
	if (changes[c].until) {
		if (read_date(f, CF_UNTIL, until, err))
			return -1;
		if (!*doc != (*until < 0)) {
			strbuf_adds(err,
				    _("the certificate's number and its validity go together: give both or neither"));
			return -1;
		}
	}
	return 0;
}

void member_change_title(enum member_change c, const char *name, struct strbuf *b)
{
	switch (c) {
	case CHANGE_CONFIRM: strbuf_addf(b, _("Full membership (转正): %s"), name); break;
	case CHANGE_FLOW_OUT: strbuf_addf(b, _("Flowing out: %s"), name); break;
	case CHANGE_TRANSFER_OUT: strbuf_addf(b, _("Transfer out: %s"), name); break;
	case CHANGE_TRANSFER_IN: strbuf_addf(b, _("Transfer in: %s"), name); break;
	case CHANGE_LOST: strbuf_addf(b, _("Lost contact: %s"), name); break;
	case CHANGE_BACK: strbuf_addf(b, _("Back: %s"), name); break;
	default: break;
	}
}

void member_change_question(enum member_change c, const char *name, long day, struct strbuf *b)
{
	char d[DATE_DISPLAY_MAX];

	date_display(day, d);
	switch (c) {
	case CHANGE_CONFIRM: strbuf_addf(b, _("Record that %s became a full member (转正) on %s?"), name, d); break;
	case CHANGE_FLOW_OUT: strbuf_addf(b, _("Record that %s flowed out on %s?"), name, d); break;
	case CHANGE_TRANSFER_OUT:
		strbuf_addf(b, _("Record that %s's membership was transferred out on %s?"), name, d);
		break;
	case CHANGE_TRANSFER_IN:
		strbuf_addf(b, _("Record that %s's membership was transferred in on %s?"), name, d);
		break;
	case CHANGE_LOST: strbuf_addf(b, _("Record that %s lost contact on %s?"), name, d); break;
	case CHANGE_BACK: strbuf_addf(b, _("Record that %s was back on %s?"), name, d); break;
	default: break;
	}
}

const char *member_change_outcome(enum member_change c)
{
	switch (c) {
	case CHANGE_CONFIRM: return member_status_label(MEMBER_FULL);
	case CHANGE_FLOW_OUT: return member_where_label(MEMBER_FLOWED_OUT);
	case CHANGE_TRANSFER_OUT: return member_where_label(MEMBER_TRANSFERRED_OUT);
	case CHANGE_LOST: return member_where_label(MEMBER_LOST);
	default: return member_where_label(MEMBER_HERE);
	}
}

int member_change_record(struct db *db, long long member_id, enum member_change c, long day, long until,
			 const char *doc)
{
	if (c == CHANGE_CONFIRM)
		return member_confirm(db, member_id, day);
	return member_event_add(db, member_id, changes[c].event, day, until, doc);
}
