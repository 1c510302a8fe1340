/*
 * cmd-export.c - `orglife export ics`, the sessions as an iCalendar file
 * (RFC 5545) for calendar programs, and `orglife export csv
 * sessions|attendance`, sessions with their attendance counts or every
 * line of their attendance sheets, for spreadsheets.
 *
 * Each export reads in one transaction, so that it is one consistent
 * picture even while another orglife writes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/ics.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include "cmd.h"

#define NCOLS(cols) ((int)(sizeof cols / sizeof cols[0]))

/* The options of both: which organization (and those under it), which
 * days. */
enum { O_ORG, O_FROM, O_TO };
static const struct cli_opt range_opts[] = {
	[O_ORG] = { .name = "--org", .takes_value = 1 },
	[O_FROM] = { .name = "--from", .takes_value = 1 },
	[O_TO] = { .name = "--to", .takes_value = 1 },
	{ .name = NULL },
};

/*
 * Starts the read of an export: the dates of a (*from and *to hold the
 * defaults), then, inside the read transaction, the organization (0: all).
 * Returns 0 with the read open (the caller ends it with db_read_end), or
 * the exit status of the error it printed, with nothing open.
 */
static int begin_export(struct cli_ctx *ctx, const struct cli_args *a, long long *org, long *from, long *to)
{
	int rc;

	*org = 0;
	if ((rc = cli_range(ctx, a->val[O_FROM], a->val[O_TO], from, to)))
		return rc;
	if ((rc = db_read_begin(ctx->db)) != OL_OK)
		return cli_status(ctx, rc);
	if (a->val[O_ORG] && (rc = cli_org(ctx, a->val[O_ORG], org))) {
		db_read_end(ctx->db);
		return rc;
	}
	return 0;
}

/* ---- export ics ------------------------------------------------------------ */

/*
 * Lines that hold only what orglife writes (property names, ids, dates)
 * are ASCII and well under 75 octets, so they are written as they are;
 * everything from the database goes through ics_prop_text, which escapes
 * and folds.
 */

struct ics_state {
	FILE *f;
	struct strbuf b;
	char stamp[16]; /* DTSTAMP: when the file was written, in UTC (+ "Z") */
};

/* One line of an event's description: a label of `session show`, a value. */
static void describe(struct strbuf *d, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (d->len)
		strbuf_addc(d, '\n');
	strbuf_adds(d, label);
	strbuf_addc(d, ' ');
	strbuf_adds(d, value);
}

static int ics_event(const struct session *s, void *p)
{
	struct ics_state *st = p;
	struct strbuf *b = &st->b;
	struct strbuf text = { 0 };
	char day[11], date[9], id[24];
	char *kinds = session_kinds_label(s);

	strbuf_reset(b);
	strbuf_adds(b, "BEGIN:VEVENT\r\n");
	/* The id never changes and is unique across the databases that
	 * exchange changes, so importing the file again updates the event. */
	strbuf_addf(b, "UID:session-%lld@orglife\r\n", s->id);
	strbuf_addf(b, "DTSTAMP:%sZ\r\n", st->stamp);
	if (s->minute >= 0) {
		char when[16];

		/* Floating local time: 14:30 wherever the calendar is. */
		ics_date_time(s->day, s->minute * 60L, when);
		strbuf_addf(b, "DTSTART:%s\r\n", when);
	} else {
		/* The time is still to be set: an all-day event (a DATE
		 * without DTEND lasts that one day). */
		ics_date(s->day, date);
		strbuf_addf(b, "DTSTART;VALUE=DATE:%s\r\n", date);
	}
	if (s->topic && *s->topic) {
		/* TRANSLATORS: a calendar event's title: the session's kinds
		 * ("party lesson"), then its topic. */
		strbuf_addf(&text, _("%s: %s"), kinds, s->topic);
	} else {
		strbuf_adds(&text, kinds);
	}
	ics_prop_text(b, "SUMMARY", text.s);
	if (s->place && *s->place)
		ics_prop_text(b, "LOCATION", s->place);

	strbuf_reset(&text);
	describe(&text, _("Organization:"), s->org_name);
	if (s->minute < 0) {
		struct strbuf when = { 0 };

		date_format(s->day, day);
		strbuf_addf(&when, _("%s, time to be set"), day);
		describe(&text, _("When:"), when.s);
		strbuf_free(&when);
	}
	if (s->moved_from >= 0) {
		date_format(s->moved_from, day);
		describe(&text, _("Moved from:"), day);
	}
	describe(&text, _("Host:"), s->host_name);
	describe(&text, _("Lecturer:"), s->lecturer_name);
	describe(&text, _("Recorder:"), s->recorder_name);
	snprintf(id, sizeof id, "%lld", s->id);
	describe(&text, _("Session:"), id);
	ics_prop_text(b, "DESCRIPTION", text.s);

	/* A calendar that imported the session before marks it cancelled. */
	strbuf_adds(b, s->state == SESSION_CANCELLED ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n");
	strbuf_adds(b, "END:VEVENT\r\n");
	fputs(b->s, st->f);
	strbuf_free(&text);
	free(kinds);
	return 0;
}

CMD_RUN(cmd_export_ics)
{
	struct ics_state st = { .f = ctx->out };
	struct cli_args a;
	long long org;
	long from = ctx->today, to = -1, stamp_day, stamp_second;
	int rc;

	if ((rc = cli_parse(ctx, range_opts, 0, 0, argc, argv, &a)) || (rc = begin_export(ctx, &a, &org, &from, &to)))
		return rc;
	date_clock_utc(&stamp_day, &stamp_second);
	ics_date_time(stamp_day, stamp_second, st.stamp);
	fputs("BEGIN:VCALENDAR\r\n"
	      "VERSION:2.0\r\n"
	      "PRODID:-//orglife//orglife " PACKAGE_VERSION "//EN\r\n",
	      ctx->out);
	rc = session_list(ctx->db, org, from, to, ics_event, &st);
	if (rc == OL_OK)
		fputs("END:VCALENDAR\r\n", ctx->out);
	db_read_end(ctx->db);
	strbuf_free(&st.b);
	return cli_status(ctx, rc);
}

/* ---- export csv ------------------------------------------------------------ */

/* CSV only, so the columns need no titles. */
static const struct out_col session_cols[] = {
	{ .key = "id", .type = OUT_INT },
	{ .key = "org_id", .type = OUT_INT },
	{ .key = "org", .type = OUT_STR },
	{ .key = "kind", .type = OUT_STR },
	{ .key = "also", .type = OUT_STR },
	{ .key = "date", .type = OUT_STR },
	{ .key = "time", .type = OUT_STR },
	{ .key = "state", .type = OUT_STR },
	{ .key = "topic", .type = OUT_STR },
	{ .key = "place", .type = OUT_STR },
	{ .key = "host_id", .type = OUT_INT },
	{ .key = "host", .type = OUT_STR },
	{ .key = "recorder_id", .type = OUT_INT },
	{ .key = "recorder", .type = OUT_STR },
	{ .key = "lecturer_id", .type = OUT_INT },
	{ .key = "lecturer", .type = OUT_STR },
	{ .key = "moved_from", .type = OUT_STR },
	{ .key = "minutes_approved", .type = OUT_STR },
	{ .key = "expected", .type = OUT_INT },
	{ .key = "present", .type = OUT_INT },
	{ .key = "late", .type = OUT_INT },
	{ .key = "excused", .type = OUT_INT },
	{ .key = "absent", .type = OUT_INT },
	{ .key = "unmarked", .type = OUT_INT },
};

static const struct out_col attendance_cols[] = {
	{ .key = "session_id", .type = OUT_INT },
	{ .key = "date", .type = OUT_STR },
	{ .key = "org_id", .type = OUT_INT },
	{ .key = "org", .type = OUT_STR },
	{ .key = "kind", .type = OUT_STR },
	{ .key = "also", .type = OUT_STR },
	{ .key = "state", .type = OUT_STR },
	{ .key = "topic", .type = OUT_STR },
	{ .key = "member_id", .type = OUT_INT },
	{ .key = "member", .type = OUT_STR },
	{ .key = "list", .type = OUT_STR },
	{ .key = "status", .type = OUT_STR },
	{ .key = "reason", .type = OUT_STR },
	{ .key = "votes", .type = OUT_BOOL },
};

struct csv_state {
	struct db *db;
	struct out *out;
	const struct session *s;      /* the session whose sheet is being read */
	int expected;
	int count[ATTEND_ABSENT + 1]; /* the expected people, by status */
};

static int count_person(const struct attendee *at, void *p)
{
	struct csv_state *st = p;

	if (at->kind == ATTENDEE_EXPECTED) {
		st->expected++;
		st->count[at->status]++;
	}
	return 0;
}

static int session_row(const struct session *s, void *p)
{
	struct csv_state *st = p;
	struct out *o = st->out;
	char tbuf[6];
	int rc;

	st->expected = 0;
	memset(st->count, 0, sizeof st->count);
	if ((rc = session_attendees(st->db, s->id, count_person, st)) != OL_OK)
		return rc;
	date_format_time(s->minute, tbuf);
	out_row(o);
	out_int(o, s->id);
	out_int(o, s->org_id);
	out_str(o, s->org_name);
	out_str(o, session_kind_code(s->kind));
	out_str(o, session_kind_code(s->also));
	out_day(o, s->day);
	out_str(o, s->minute >= 0 ? tbuf : NULL);
	out_str(o, session_state_code(s->state));
	out_str(o, s->topic);
	out_str(o, s->place);
	out_id(o, s->host_id);
	out_str(o, s->host_name);
	out_id(o, s->recorder_id);
	out_str(o, s->recorder_name);
	out_id(o, s->lecturer_id);
	out_str(o, s->lecturer_name);
	out_day(o, s->moved_from);
	out_day(o, s->approved_on);
	out_int(o, st->expected);
	out_int(o, st->count[ATTEND_PRESENT]);
	out_int(o, st->count[ATTEND_LATE]);
	out_int(o, st->count[ATTEND_EXCUSED]);
	out_int(o, st->count[ATTEND_ABSENT]);
	out_int(o, st->count[ATTEND_NONE]);
	return 0;
}

static int person_row(const struct attendee *at, void *p)
{
	struct csv_state *st = p;
	const struct session *s = st->s;
	struct out *o = st->out;

	out_row(o);
	out_int(o, s->id);
	out_day(o, s->day);
	out_int(o, s->org_id);
	out_str(o, s->org_name);
	out_str(o, session_kind_code(s->kind));
	out_str(o, session_kind_code(s->also));
	out_str(o, session_state_code(s->state));
	out_str(o, s->topic);
	out_int(o, at->member_id);
	out_str(o, at->name);
	out_str(o, attendee_list_code(at->kind));
	out_str(o, attend_code(at->status));
	out_str(o, at->reason);
	out_bool(o, at->votes);
	return 0;
}

static int session_sheet(const struct session *s, void *p)
{
	struct csv_state *st = p;

	st->s = s;
	return session_attendees(st->db, s->id, person_row, st);
}

CMD_RUN(cmd_export_csv)
{
	struct csv_state st = { .db = ctx->db };
	struct cli_args a;
	long long org;
	long from = -1, to = -1;
	int attendance, rc;

	if ((rc = cli_parse(ctx, range_opts, 1, 1, argc, argv, &a)))
		return rc;
	if (strcmp(a.pos[0], "sessions") == 0)
		attendance = 0;
	else if (strcmp(a.pos[0], "attendance") == 0)
		attendance = 1;
	else
		return cli_bad_value(ctx, "export csv", a.pos[0],
				     _("give sessions (one line per session, with its attendance counts)"
				       " or attendance (one line per person on each session's sheet)"));
	if ((rc = begin_export(ctx, &a, &org, &from, &to)))
		return rc;
	if (attendance) {
		st.out = out_begin(OUT_CSV, ctx->out, attendance_cols, NCOLS(attendance_cols));
		rc = session_list(ctx->db, org, from, to, session_sheet, &st);
	} else {
		st.out = out_begin(OUT_CSV, ctx->out, session_cols, NCOLS(session_cols));
		rc = session_list(ctx->db, org, from, to, session_row, &st);
	}
	out_end(st.out);
	db_read_end(ctx->db);
	return cli_status(ctx, rc);
}
