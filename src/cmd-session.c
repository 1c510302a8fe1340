/*
 * cmd-session.c - `orglife session add|held|cancel|move|list|show`,
 * `attend`, `minutes show|edit|approve|unlock` and `election add|extend`.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/agenda.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/holidays.h>
#include <orglife/i18n.h>
#include <orglife/minutes.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include <orglife/tui.h>
#include "cmd.h"

#define NCOLS(cols) ((int)(sizeof cols / sizeof cols[0]))

/* A free text option: NULL when absent or empty. */
static const char *opt_text(const char *s)
{
	return s && *s ? s : NULL;
}

static int parse_kind(struct cli_ctx *ctx, const char *opt, const char *s, enum session_kind *k)
{
	if (session_kind_parse(s, k) == 0)
		return 0;
	return cli_bad_value(ctx, opt, s,
			     _("give assembly, committee, group, lesson, theme-day, org-life, appraisal or other"
			       " (or the Chinese name, e.g. 党课)"));
}

static int parse_attend(struct cli_ctx *ctx, const char *s, enum attend_status *st)
{
	if (attend_parse(s, st) == 0)
		return 0;
	return cli_bad_value(ctx, "STATUS", s, _("give present, late, excused or absent (出席, 迟到, 请假 or 缺席)"));
}

/*
 * The commands on one SESSION: parses argv against opts with exactly one
 * positional argument, checks the options in `required` (a cli_need() mask),
 * then resolves the session.
 */
static int session_args(struct cli_ctx *ctx, const struct cli_opt *opts, unsigned required, int argc, char **argv,
			struct cli_args *a, long long *id)
{
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, a)) || (rc = cli_need(ctx, opts, a, required)))
		return rc;
	return cli_session(ctx, a->pos[0], id);
}

/* `SESSION` and nothing else. */
static int only_session(struct cli_ctx *ctx, int argc, char **argv, long long *id)
{
	static const struct cli_opt none[] = { { .name = NULL } };
	struct cli_args a;

	return session_args(ctx, none, 0, argc, argv, &a, id);
}

/* "14:30" in buf, or NULL when the time is still to be set. */
static const char *time_or_null(int minute, char buf[static 6])
{
	if (minute < 0)
		return NULL;
	date_format_time(minute, buf);
	return buf;
}

/* The most sessions one --repeat adds: ten years of months. */
#define SERIES_MAX 120

/* --repeat: the session and the days of its series, added in one
 * transaction, their ids printed one a line.  A day moved off a holiday is
 * said on stderr. */
static int add_series(struct cli_ctx *ctx, const struct session *s, const char *repeat, const char *count_s,
		      const char *until_s)
{
	enum agenda_repeat r;
	long days[SERIES_MAX], moved[SERIES_MAX], until = -1;
	int count = 0, n, rc;
	struct session *all;
	long long ids[SERIES_MAX];

	if (!strcmp(repeat, "monthly"))
		r = AGENDA_MONTHLY;
	else if (!strcmp(repeat, "quarterly"))
		r = AGENDA_QUARTERLY;
	else
		return cli_bad_value(ctx, "--repeat", repeat, _("give monthly or quarterly"));
	if (count_s && (rc = cli_int(ctx, "--count", count_s, 1, SERIES_MAX, &count)))
		return rc;
	if (until_s && (rc = cli_date(ctx, "--until", until_s, &until)))
		return rc;
	if (!count && !until_s) {
		/* Neither: to the end of the first day's year. */
		int y;
		date_to_ymd(s->day, &y, NULL, NULL);
		date_from_ymd(y, 12, 31, &until);
	}
	if (until_s && until < s->day)
		return cli_error(ctx, _("--until %s is before the first session: give a later day"), until_s);
	n = agenda_series(s->day, r, count, until, days, moved, SERIES_MAX);
	all = xmalloc((size_t)n * sizeof *all);
	for (int i = 0; i < n; i++) {
		all[i] = *s;
		all[i].day = days[i];
	}
	rc = session_add_all(ctx->db, all, n, ids);
	free(all);
	if (rc != OL_OK)
		return cli_status(ctx, rc);
	for (int i = 0; i < n; i++) {
		char off[DATE_DISPLAY_MAX], day[DATE_DISPLAY_MAX];
		const char *name;
		if (moved[i] < 0)
			continue;
		date_display(moved[i], off);
		date_display(days[i], day);
		holiday_of(moved[i], &name);
		fprintf(ctx->err, _("orglife: %s is a statutory holiday (%s): that session is on %s\n"), off,
			name ? name : "", day);
	}
	for (int i = 0; i < n; i++)
		cli_print_id(ctx, ids[i]);
	return EXIT_OK;
}

CMD_RUN(cmd_session_add)
{
	enum { O_ORG, O_KIND, O_AT, O_TOPIC, O_PLACE, O_ALSO, O_LECTURER, O_HOST, O_RECORDER, O_REPEAT, O_COUNT,
	       O_UNTIL };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_KIND] = { .name = "--kind", .takes_value = 1 },
		[O_AT] = { .name = "--at", .takes_value = 1 },
		[O_TOPIC] = { .name = "--topic", .takes_value = 1 },
		[O_PLACE] = { .name = "--place", .takes_value = 1 },
		[O_ALSO] = { .name = "--also", .takes_value = 1 },
		[O_LECTURER] = { .name = "--lecturer", .takes_value = 1 },
		[O_HOST] = { .name = "--host", .takes_value = 1 },
		[O_RECORDER] = { .name = "--recorder", .takes_value = 1 },
		[O_REPEAT] = { .name = "--repeat", .takes_value = 1 },
		[O_COUNT] = { .name = "--count", .takes_value = 1 },
		[O_UNTIL] = { .name = "--until", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct session s = { .also = SK_NONE };
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)) ||
	    (rc = cli_need(ctx, opts, &a, 1u << O_ORG | 1u << O_KIND | 1u << O_AT)))
		return rc;
	if ((rc = parse_kind(ctx, "--kind", a.val[O_KIND], &s.kind)))
		return rc;
	if (a.val[O_ALSO] && (rc = parse_kind(ctx, "--also", a.val[O_ALSO], &s.also)))
		return rc;
	if (a.val[O_LECTURER] && s.kind != SK_LESSON && s.also != SK_LESSON)
		return cli_error(ctx, _("--lecturer goes with a party lesson: give --kind lesson or --also lesson"));
	if ((rc = cli_when(ctx, "--at", a.val[O_AT], &s.day, &s.minute)))
		return rc;
	if ((rc = cli_org(ctx, a.val[O_ORG], &s.org_id)))
		return rc;
	if (a.val[O_LECTURER] && (rc = cli_member(ctx, a.val[O_LECTURER], &s.lecturer_id)))
		return rc;
	if (a.val[O_HOST] && (rc = cli_member(ctx, a.val[O_HOST], &s.host_id)))
		return rc;
	if (a.val[O_RECORDER] && (rc = cli_member(ctx, a.val[O_RECORDER], &s.recorder_id)))
		return rc;
	/* The model copies what it keeps; s owns nothing. */
	s.topic = (char *)opt_text(a.val[O_TOPIC]);
	s.place = (char *)opt_text(a.val[O_PLACE]);
	if (a.val[O_REPEAT])
		return add_series(ctx, &s, a.val[O_REPEAT], a.val[O_COUNT], a.val[O_UNTIL]);
	if (a.val[O_COUNT] || a.val[O_UNTIL])
		return cli_usage(ctx, _("--count and --until go with --repeat"));
	if ((rc = session_add(ctx->db, &s, &id)) != OL_OK)
		return cli_status(ctx, rc);
	cli_print_id(ctx, id);
	return EXIT_OK;
}

CMD_RUN(cmd_session_held)
{
	long long id;
	int rc;

	if ((rc = only_session(ctx, argc, argv, &id)))
		return rc;
	return cli_status(ctx, session_mark_held(ctx->db, id, ctx->today));
}

CMD_RUN(cmd_session_cancel)
{
	long long id;
	int rc;

	if ((rc = only_session(ctx, argc, argv, &id)))
		return rc;
	return cli_status(ctx, session_cancel(ctx->db, id));
}

CMD_RUN(cmd_session_move)
{
	enum { O_AT };
	static const struct cli_opt opts[] = {
		[O_AT] = { .name = "--at", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long id;
	long day;
	int minute, rc;

	if ((rc = session_args(ctx, opts, 1u << O_AT, argc, argv, &a, &id)) ||
	    (rc = cli_when(ctx, "--at", a.val[O_AT], &day, &minute)))
		return rc;
	return cli_status(ctx, session_move(ctx->db, id, day, minute));
}

/* ---- session list ------------------------------------------------------- */

struct list_state {
	struct out *out;
	enum out_format fmt;
};

/* Text: translated labels and the columns a person reads, in 80 columns. */
static void list_text(struct out *o, const struct session *s)
{
	char tbuf[6];
	const char *t = time_or_null(s->minute, tbuf);
	char *kind = session_kinds_label(s);

	out_int(o, s->id);
	out_day(o, s->day);
	out_str(o, t ? t : _("time to be set"));
	out_str(o, s->org_name);
	out_str(o, kind);
	out_str(o, session_state_label(s->state));
	out_str(o, s->topic);
	free(kind);
}

static void list_data(struct out *o, const struct session *s)
{
	char tbuf[6];

	out_int(o, s->id);
	out_int(o, s->org_id);
	out_str(o, s->org_name);
	out_str(o, session_kind_code(s->kind));
	out_str(o, session_kind_code(s->also));
	out_day(o, s->day);
	out_str(o, time_or_null(s->minute, tbuf));
	out_str(o, session_state_code(s->state));
	out_str(o, s->topic);
	out_str(o, s->place);
	out_day(o, s->moved_from);
}

static int list_one(const struct session *s, void *p)
{
	struct list_state *ls = p;

	out_row(ls->out);
	if (ls->fmt == OUT_TEXT)
		list_text(ls->out, s);
	else
		list_data(ls->out, s);
	return 0;
}

CMD_RUN(cmd_session_list)
{
	enum { O_ORG, O_FROM, O_TO, O_FORMAT };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_FROM] = { .name = "--from", .takes_value = 1 },
		[O_TO] = { .name = "--to", .takes_value = 1 },
		[O_FORMAT] = { .name = "--format", .takes_value = 1 },
		{ .name = NULL },
	};
	static const struct out_col text_cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "date", .title = N_("DATE"), .type = OUT_STR },
		{ .key = "time", .title = N_("TIME"), .type = OUT_STR },
		{ .key = "org", .title = N_("ORG"), .type = OUT_STR },
		{ .key = "kind", .title = N_("KIND"), .type = OUT_STR },
		{ .key = "state", .title = N_("STATE"), .type = OUT_STR },
		{ .key = "topic", .title = N_("TOPIC"), .type = OUT_STR },
	};
	static const struct out_col cols[] = {
		{ .key = "id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "org_id", .title = N_("ORGANIZATION ID"), .type = OUT_INT },
		{ .key = "org", .title = N_("ORGANIZATION"), .type = OUT_STR },
		{ .key = "kind", .title = N_("KIND"), .type = OUT_STR },
		{ .key = "also", .title = N_("ALSO"), .type = OUT_STR },
		{ .key = "date", .title = N_("DATE"), .type = OUT_STR },
		{ .key = "time", .title = N_("TIME"), .type = OUT_STR },
		{ .key = "state", .title = N_("STATE"), .type = OUT_STR },
		{ .key = "topic", .title = N_("TOPIC"), .type = OUT_STR },
		{ .key = "place", .title = N_("PLACE"), .type = OUT_STR },
		{ .key = "moved_from", .title = N_("MOVED FROM"), .type = OUT_STR },
	};
	struct cli_args a;
	struct list_state ls;
	long long org = 0;
	long from = -1, to = -1;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)))
		return rc;
	if ((rc = cli_format(ctx, a.val[O_FORMAT], &ls.fmt)))
		return rc;
	if ((rc = cli_range(ctx, a.val[O_FROM], a.val[O_TO], &from, &to)))
		return rc;
	if (a.val[O_ORG] && (rc = cli_org(ctx, a.val[O_ORG], &org)))
		return rc;
	if (ls.fmt == OUT_TEXT)
		ls.out = out_begin(ls.fmt, ctx->out, text_cols, NCOLS(text_cols));
	else
		ls.out = out_begin(ls.fmt, ctx->out, cols, NCOLS(cols));
	rc = session_list(ctx->db, org, from, to, list_one, &ls);
	out_end(ls.out);
	return cli_status(ctx, rc);
}

/* ---- session show ------------------------------------------------------- */

/* One line of the sheet, copied out of the model's callback. */
struct sheet_line {
	long long member_id;
	char *name, *reason;
	enum member_status_flag kind;
	int votes;
	enum attend_status status;
};

struct sheet {
	struct sheet_line *v;
	size_t n, cap;
	int expected;
	int count[ATTEND_ABSENT + 1]; /* the expected people, by status */
};

static int sheet_add(const struct attendee *at, void *p)
{
	struct sheet *sh = p;
	struct sheet_line *l;

	if (sh->n == sh->cap) {
		sh->cap = sh->cap ? sh->cap * 2 : 32;
		sh->v = xrealloc(sh->v, sh->cap * sizeof *sh->v);
	}
	l = &sh->v[sh->n++];
	l->member_id = at->member_id;
	l->name = xstrdup(at->name);
	l->reason = xstrdup(at->reason);
	l->kind = at->kind;
	l->votes = at->votes;
	l->status = at->status;
	if (at->kind == ATTENDEE_EXPECTED) {
		sh->expected++;
		sh->count[at->status]++;
	}
	return 0;
}

static void sheet_free(struct sheet *sh)
{
	size_t i;

	for (i = 0; i < sh->n; i++) {
		free(sh->v[i].name);
		free(sh->v[i].reason);
	}
	free(sh->v);
}

/* The sheet's lists: json keys and text labels, by enum member_status_flag
 * (csv has attendee_list_code). */
static const struct {
	const char *json, *label;
} lists[] = {
	[ATTENDEE_EXPECTED] = { .json = "attendance", .label = NULL },
	[ATTENDEE_AWAY] = { .json = "away", .label = N_("away") },
	[ATTENDEE_EXTRA] = { .json = "others", .label = N_("not expected") },
};

/* JSON, one object: the members of an object follow `lead` ("\n  " for the
 * session, " " for a line of the sheet). */
struct jobj {
	struct strbuf *b;
	const char *lead;
	int n;
};

static void j_key(struct jobj *o, const char *key)
{
	if (o->n++)
		strbuf_addc(o->b, ',');
	strbuf_adds(o->b, o->lead);
	text_json_string(o->b, key);
	strbuf_adds(o->b, ": ");
}

static void j_str(struct jobj *o, const char *key, const char *s)
{
	j_key(o, key);
	text_json_string(o->b, s);
}

static void j_int(struct jobj *o, const char *key, long long v)
{
	j_key(o, key);
	strbuf_addf(o->b, "%lld", v);
}

static void j_id(struct jobj *o, const char *key, long long id)
{
	if (id)
		j_int(o, key, id);
	else
		j_str(o, key, NULL);
}

static void j_day(struct jobj *o, const char *key, long day)
{
	char buf[11];

	if (day < 0) {
		j_str(o, key, NULL);
		return;
	}
	date_format(day, buf);
	j_str(o, key, buf);
}

static void j_sheet(struct jobj *o, const struct sheet *sh, enum member_status_flag kind)
{
	size_t i;
	int n = 0;

	j_key(o, lists[kind].json);
	strbuf_addc(o->b, '[');
	for (i = 0; i < sh->n; i++) {
		const struct sheet_line *l = &sh->v[i];
		struct jobj line = { .b = o->b, .lead = " " };

		if (l->kind != kind)
			continue;
		strbuf_adds(o->b, n++ ? ",\n    {" : "\n    {");
		j_int(&line, "member_id", l->member_id);
		j_str(&line, "member", l->name);
		j_str(&line, "status", attend_code(l->status));
		j_str(&line, "reason", l->reason);
		j_key(&line, "votes");
		strbuf_adds(o->b, l->votes ? "true" : "false");
		strbuf_adds(o->b, " }");
	}
	strbuf_adds(o->b, n ? "\n  ]" : "]");
}

static void show_json(struct cli_ctx *ctx, const struct session *s, const struct sheet *sh)
{
	struct strbuf b = { 0 };
	struct jobj o = { .b = &b, .lead = "\n  " };
	struct jobj c = { .b = &b, .lead = " " };
	char tbuf[6];

	strbuf_addc(&b, '{');
	j_int(&o, "id", s->id);
	j_int(&o, "org_id", s->org_id);
	j_str(&o, "org", s->org_name);
	j_str(&o, "kind", session_kind_code(s->kind));
	j_str(&o, "also", session_kind_code(s->also));
	j_day(&o, "date", s->day);
	j_str(&o, "time", time_or_null(s->minute, tbuf));
	j_str(&o, "state", session_state_code(s->state));
	j_str(&o, "topic", s->topic);
	j_str(&o, "place", s->place);
	j_str(&o, "host", s->host_name);
	j_id(&o, "host_id", s->host_id);
	j_str(&o, "recorder", s->recorder_name);
	j_id(&o, "recorder_id", s->recorder_id);
	j_str(&o, "lecturer", s->lecturer_name);
	j_id(&o, "lecturer_id", s->lecturer_id);
	j_day(&o, "moved_from", s->moved_from);
	j_day(&o, "minutes_approved", s->approved_on);
	j_key(&o, "counts");
	strbuf_addc(&b, '{');
	j_int(&c, "expected", sh->expected);
	j_int(&c, "present", sh->count[ATTEND_PRESENT]);
	j_int(&c, "late", sh->count[ATTEND_LATE]);
	j_int(&c, "excused", sh->count[ATTEND_EXCUSED]);
	j_int(&c, "absent", sh->count[ATTEND_ABSENT]);
	j_int(&c, "unmarked", sh->count[ATTEND_NONE]);
	strbuf_adds(&b, " }");
	j_sheet(&o, sh, ATTENDEE_EXPECTED);
	j_sheet(&o, sh, ATTENDEE_AWAY);
	j_sheet(&o, sh, ATTENDEE_EXTRA);
	strbuf_adds(&b, "\n}\n");
	fputs(strbuf_str(&b), ctx->out);
	strbuf_free(&b);
}

/* The sheet as a listing: CSV for machines, an aligned table for people. */
static void show_sheet(struct cli_ctx *ctx, enum out_format fmt, const struct session *s, const struct sheet *sh)
{
	static const struct out_col text_cols[] = {
		{ .key = "member_id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
		{ .key = "status", .title = N_("ATTENDANCE"), .type = OUT_STR },
		{ .key = "votes", .title = N_("VOTES"), .type = OUT_BOOL },
		{ .key = "list", .title = N_("NOTE"), .type = OUT_STR },
		{ .key = "reason", .title = N_("REASON"), .type = OUT_STR },
	};
	static const struct out_col cols[] = {
		{ .key = "session_id", .title = N_("SESSION"), .type = OUT_INT },
		{ .key = "member_id", .title = N_("ID"), .type = OUT_INT },
		{ .key = "member", .title = N_("MEMBER"), .type = OUT_STR },
		{ .key = "list", .title = N_("LIST"), .type = OUT_STR },
		{ .key = "status", .title = N_("ATTENDANCE"), .type = OUT_STR },
		{ .key = "reason", .title = N_("REASON"), .type = OUT_STR },
		{ .key = "votes", .title = N_("VOTES"), .type = OUT_BOOL },
	};
	struct out *o;
	size_t i;

	if (fmt == OUT_TEXT)
		o = out_begin(fmt, ctx->out, text_cols, NCOLS(text_cols));
	else
		o = out_begin(fmt, ctx->out, cols, NCOLS(cols));
	for (i = 0; i < sh->n; i++) {
		const struct sheet_line *l = &sh->v[i];

		out_row(o);
		if (fmt == OUT_TEXT) {
			out_int(o, l->member_id);
			out_str(o, l->name);
			out_str(o, attend_label(l->status));
			out_bool(o, l->votes);
			out_str(o, lists[l->kind].label ? _(lists[l->kind].label) : NULL);
			out_str(o, l->reason);
		} else {
			out_int(o, s->id);
			out_int(o, l->member_id);
			out_str(o, l->name);
			out_str(o, attendee_list_code(l->kind));
			out_str(o, attend_code(l->status));
			out_str(o, l->reason);
			out_bool(o, l->votes);
		}
	}
	out_end(o);
}

/* The details block of the text form: translated labels aligned by display
 * width, values sanitized. */
#define MAX_DETAILS 16

struct details {
	const char *label[MAX_DETAILS];
	char *value[MAX_DETAILS];
	int n;
};

/* Adds a line unless value is NULL or empty; the value is sanitized. */
static void detail(struct details *d, const char *label, const char *value)
{
	if (!value || !*value || d->n == MAX_DETAILS)
		return;
	d->label[d->n] = label;
	d->value[d->n++] = text_sanitize(value, 0);
}

static void details_print(struct details *d, FILE *f)
{
	struct strbuf line = { 0 };
	int i, w = 0;

	for (i = 0; i < d->n; i++)
		if (text_width(d->label[i]) > w)
			w = text_width(d->label[i]);
	for (i = 0; i < d->n; i++) {
		strbuf_reset(&line);
		text_fit(&line, d->label[i], w + 1, 1);
		strbuf_adds(&line, d->value[i]);
		strbuf_addc(&line, '\n');
		fputs(line.s, f);
		free(d->value[i]);
	}
	strbuf_free(&line);
}

static void show_text(struct cli_ctx *ctx, const struct session *s, const struct sheet *sh)
{
	struct details d = { .n = 0 };
	struct strbuf b = { 0 };
	char day[DATE_DISPLAY_MAX], tbuf[6];
	char *kind = session_kinds_label(s);

	strbuf_addf(&b, "%lld", s->id);
	detail(&d, _("Session:"), strbuf_str(&b));
	detail(&d, _("Organization:"), s->org_name);
	detail(&d, _("Kind:"), kind);
	strbuf_reset(&b);
	date_display(s->day, day);
	if (s->minute >= 0) {
		date_format_time(s->minute, tbuf);
		strbuf_addf(&b, "%s %s", day, tbuf);
	} else
		strbuf_addf(&b, _("%s, time to be set"), day);
	detail(&d, _("When:"), strbuf_str(&b));
	if (s->moved_from >= 0) {
		date_display(s->moved_from, day);
		detail(&d, _("Moved from:"), day);
	}
	detail(&d, _("State:"), session_state_label(s->state));
	detail(&d, _("Topic:"), s->topic);
	detail(&d, _("Place:"), s->place);
	detail(&d, _("Host:"), s->host_name);
	detail(&d, _("Recorder:"), s->recorder_name);
	detail(&d, _("Lecturer:"), s->lecturer_name);
	strbuf_reset(&b);
	if (s->approved_on >= 0) {
		date_display(s->approved_on, day);
		strbuf_addf(&b, _("approved on %s"), day);
	} else
		strbuf_adds(&b, s->minutes && *s->minutes ? _("written, not approved") : _("none yet"));
	detail(&d, _("Minutes:"), strbuf_str(&b));
	details_print(&d, ctx->out);
	strbuf_free(&b);
	free(kind);

	fputc('\n', ctx->out);
	show_sheet(ctx, OUT_TEXT, s, sh);
	fprintf(ctx->out, _("expected %d, attending %d (present %d, late %d), excused %d, absent %d, unmarked %d\n"),
		sh->expected, sh->count[ATTEND_PRESENT] + sh->count[ATTEND_LATE], sh->count[ATTEND_PRESENT],
		sh->count[ATTEND_LATE], sh->count[ATTEND_EXCUSED], sh->count[ATTEND_ABSENT], sh->count[ATTEND_NONE]);
}

CMD_RUN(cmd_session_show)
{
	enum { O_FORMAT };
	static const struct cli_opt opts[] = {
		[O_FORMAT] = { .name = "--format", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct session s;
	struct sheet sh = { .n = 0 };
	enum out_format fmt;
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, opts, 1, 1, argc, argv, &a)) || (rc = cli_format(ctx, a.val[O_FORMAT], &fmt)))
		return rc;
	if ((rc = cli_session(ctx, a.pos[0], &id)))
		return rc;
	if ((rc = session_get(ctx->db, id, &s)) != OL_OK)
		return cli_status(ctx, rc);
	rc = session_attendees(ctx->db, id, sheet_add, &sh);
	if (rc == OL_OK) {
		if (fmt == OUT_JSON)
			show_json(ctx, &s, &sh);
		else if (fmt == OUT_CSV)
			show_sheet(ctx, fmt, &s, &sh);
		else
			show_text(ctx, &s, &sh);
	}
	sheet_free(&sh);
	session_clear(&s);
	return cli_status(ctx, rc);
}

/* ---- attendance and minutes ------------------------------------------------ */

CMD_RUN(cmd_attend)
{
	enum { O_REASON };
	static const struct cli_opt opts[] = {
		[O_REASON] = { .name = "--reason", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	enum attend_status st;
	long long sid, mid;
	int rc;

	if ((rc = cli_parse(ctx, opts, 3, 3, argc, argv, &a)) || (rc = parse_attend(ctx, a.pos[2], &st)))
		return rc;
	if ((rc = cli_session(ctx, a.pos[0], &sid)) || (rc = cli_member(ctx, a.pos[1], &mid)))
		return rc;
	return cli_status(ctx, attend_set(ctx->db, sid, mid, st, opt_text(a.val[O_REASON])));
}

CMD_RUN(cmd_minutes_show)
{
	struct session s;
	long long id;
	char *text;
	size_t len;
	int rc;

	if ((rc = only_session(ctx, argc, argv, &id)))
		return rc;
	if ((rc = session_get(ctx->db, id, &s)) != OL_OK)
		return cli_status(ctx, rc);
	if (!s.minutes || !*s.minutes) {
		fprintf(ctx->err, _("orglife: session %lld has no minutes yet\n"), id);
	} else {
		text = text_sanitize(s.minutes, TEXT_KEEP_NEWLINES);
		len = strlen(text);
		fputs(text, ctx->out);
		if (len && text[len - 1] != '\n')
			fputc('\n', ctx->out);
		free(text);
	}
	session_clear(&s);
	return EXIT_OK;
}

CMD_RUN(cmd_minutes_edit)
{
	struct minutes_result r;
	long long id;
	int rc;

	if ((rc = only_session(ctx, argc, argv, &id)))
		return rc;
	/* The screens leave curses around the editor themselves. */
	if (tui_active())
		return cli_error(ctx, "%s", _("the screens are open: press m on the session's screen to edit its minutes"));
	rc = minutes_edit(ctx->db, id, &r);
	if (rc != OL_OK)
		rc = cli_error(ctx, "%s", r.message);
	else if (r.outcome == MINUTES_UNCHANGED)
		fprintf(ctx->err, _("orglife: the minutes of session %lld are unchanged; nothing was saved\n"), id);
	minutes_result_clear(&r);
	return rc;
}

CMD_RUN(cmd_minutes_unlock)
{
	enum { O_REASON };
	static const struct cli_opt opts[] = {
		[O_REASON] = { .name = "--reason", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long id;
	int rc;

	if ((rc = session_args(ctx, opts, 1u << O_REASON, argc, argv, &a, &id)))
		return rc;
	return cli_status(ctx, minutes_unlock(ctx->db, id, a.val[O_REASON]));
}

CMD_RUN(cmd_minutes_approve)
{
	long long id;
	int rc;

	if ((rc = only_session(ctx, argc, argv, &id)))
		return rc;
	return cli_status(ctx, minutes_approve(ctx->db, id, ctx->today));
}

/* ---- elections ------------------------------------------------------------- */

CMD_RUN(cmd_election_add)
{
	enum { O_ORG, O_ON, O_TERM, O_SESSION };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_ON] = { .name = "--on", .takes_value = 1 },
		[O_TERM] = { .name = "--term-years", .takes_value = 1 },
		[O_SESSION] = { .name = "--session", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long org, session = 0, id;
	long day;
	int term = 0, rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)) || (rc = cli_need(ctx, opts, &a, 1u << O_ORG | 1u << O_ON)))
		return rc;
	if ((rc = cli_date(ctx, "--on", a.val[O_ON], &day)))
		return rc;
	if (a.val[O_TERM] && (rc = cli_int(ctx, "--term-years", a.val[O_TERM], 1, 10, &term)))
		return rc;
	if ((rc = cli_org(ctx, a.val[O_ORG], &org)))
		return rc;
	if (a.val[O_SESSION] && (rc = cli_session(ctx, a.val[O_SESSION], &session)))
		return rc;
	if ((rc = election_add(ctx->db, org, day, term, session, &id)) != OL_OK)
		return cli_status(ctx, rc);
	cli_print_id(ctx, id);
	return EXIT_OK;
}

CMD_RUN(cmd_election_extend)
{
	enum { O_ORG, O_UNTIL, O_APPROVAL };
	static const struct cli_opt opts[] = {
		[O_ORG] = { .name = "--org", .takes_value = 1 },
		[O_UNTIL] = { .name = "--until", .takes_value = 1 },
		[O_APPROVAL] = { .name = "--approval", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	long long org;
	long until;
	int rc;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)) ||
	    (rc = cli_need(ctx, opts, &a, 1u << O_ORG | 1u << O_UNTIL | 1u << O_APPROVAL)))
		return rc;
	if ((rc = cli_date(ctx, "--until", a.val[O_UNTIL], &until)) || (rc = cli_org(ctx, a.val[O_ORG], &org)))
		return rc;
	return cli_status(ctx, election_extend(ctx->db, org, until, a.val[O_APPROVAL]));
}
