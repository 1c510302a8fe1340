/*
 * db-session.c - sessions, the attendance sheet, minutes and elections
 * (session.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/pack.h>
#include <orglife/pinyin.h>
#include <orglife/session.h>
#include "db-internal.h"

static const struct {
	const char *code, *label, *zh, *zh_short;
} kinds[SK_COUNT] = {
	[SK_ASSEMBLY] = { .code = "assembly", .label = N_("general assembly"), .zh = "支部党员大会", .zh_short = "党员大会" },
	[SK_COMMITTEE] = { .code = "committee", .label = N_("committee meeting"), .zh = "支部委员会", .zh_short = "支委会" },
	[SK_GROUP] = { .code = "group", .label = N_("party group meeting"), .zh = "党小组会", .zh_short = "小组会" },
	[SK_LESSON] = { .code = "lesson", .label = N_("party lesson"), .zh = "党课", .zh_short = "党课" },
	[SK_THEME_DAY] = { .code = "theme-day", .label = N_("theme party day"), .zh = "主题党日", .zh_short = "党日" },
	[SK_ORG_LIFE] = { .code = "org-life", .label = N_("organizational-life meeting"), .zh = "组织生活会", .zh_short = "组织生活会" },
	[SK_APPRAISAL] = { .code = "appraisal", .label = N_("democratic appraisal"), .zh = "民主评议党员", .zh_short = "民主评议" },
	[SK_OTHER] = { .code = "other", .label = N_("other session"), .zh = "其他", .zh_short = "其他" },
};

static const struct {
	const char *code, *label;
} states[] = {
	[SESSION_PLANNED] = { .code = "planned", .label = N_("planned") },
	[SESSION_HELD] = { .code = "held", .label = N_("held") },
	[SESSION_CANCELLED] = { .code = "cancelled", .label = N_("cancelled") },
};

static const struct {
	const char *code, *label, *zh;
} attends[] = {
	[ATTEND_NONE] = { .code = NULL, .label = N_("unmarked"), .zh = "" },
	[ATTEND_PRESENT] = { .code = "present", .label = N_("present"), .zh = "出席" },
	[ATTEND_LATE] = { .code = "late", .label = N_("late"), .zh = "迟到" },
	[ATTEND_EXCUSED] = { .code = "excused", .label = N_("excused"), .zh = "请假" },
	[ATTEND_ABSENT] = { .code = "absent", .label = N_("absent"), .zh = "缺席" },
};

const char *session_kind_code(enum session_kind k)
{
	return (unsigned)k < SK_COUNT ? kinds[k].code : NULL;
}

const char *session_kind_label(enum session_kind k)
{
	return (unsigned)k < SK_COUNT ? _(kinds[k].label) : "";
}

const char *session_kind_zh(enum session_kind k)
{
	return (unsigned)k < SK_COUNT ? kinds[k].zh : "";
}

char *session_kinds_label(const struct session *s)
{
	struct strbuf b = { 0 };

	strbuf_adds(&b, session_kind_label(s->kind));
	if (s->also != SK_NONE) {
		strbuf_adds(&b, " + ");
		strbuf_adds(&b, session_kind_label(s->also));
	}
	return strbuf_detach(&b);
}

int session_kind_parse(const char *s, enum session_kind *k)
{
	int i;

	for (i = 0; i < SK_COUNT; i++) {
		if (strcmp(s, kinds[i].code) == 0 || strcmp(s, kinds[i].zh) == 0 || strcmp(s, kinds[i].zh_short) == 0) {
			*k = (enum session_kind)i;
			return 0;
		}
	}
	return -1;
}

const char *session_state_code(enum session_state s)
{
	return states[s].code;
}

const char *session_state_label(enum session_state s)
{
	return _(states[s].label);
}

const char *attend_code(enum attend_status a)
{
	return attends[a].code;
}

const char *attendee_list_code(enum member_status_flag k)
{
	static const char *const codes[] = {
		[ATTENDEE_EXPECTED] = "expected",
		[ATTENDEE_AWAY] = "away",
		[ATTENDEE_EXTRA] = "other",
	};

	return codes[k];
}

const char *attend_label(enum attend_status a)
{
	return _(attends[a].label);
}

int attend_parse(const char *s, enum attend_status *a)
{
	int i;

	for (i = ATTEND_PRESENT; i <= ATTEND_ABSENT; i++) {
		if (strcmp(s, attends[i].code) == 0 || strcmp(s, attends[i].zh) == 0) {
			*a = (enum attend_status)i;
			return 0;
		}
	}
	return -1;
}

static int kind_from_col(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	enum session_kind k;

	if (!s || session_kind_parse(s, &k) != 0)
		return SK_NONE;
	return (int)k;
}

static enum session_state state_from_col(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	int i;

	for (i = 0; s && i <= SESSION_CANCELLED; i++)
		if (strcmp(s, states[i].code) == 0)
			return (enum session_state)i;
	return SESSION_PLANNED;
}

static int time_from_col(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	int minute;

	if (!s || date_parse_time(s, &minute, NULL) != 0)
		return -1;
	return minute;
}

static void bind_time(sqlite3_stmt *st, int idx, int minute)
{
	char buf[6];

	if (minute < 0) {
		sqlite3_bind_null(st, idx);
		return;
	}
	date_format_time(minute, buf);
	sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

void session_clear(struct session *s)
{
	free(s->org_name);
	free(s->place);
	free(s->topic);
	free(s->host_name);
	free(s->recorder_name);
	free(s->lecturer_name);
	free(s->minutes);
	free(s->resolutions);
	memset(s, 0, sizeof *s);
}

#define SESSION_COLUMNS \
	"s.id, s.org_id, o.name, s.kind, s.also_kind, s.day, s.time, pl.name, s.topic," \
	" s.host_id, h.name, s.recorder_id, r.name, s.lecturer_id, l.name, s.state, s.moved_from," \
	" s.minutes, s.resolutions, s.approved_on" \
	" FROM session s JOIN org o ON o.id = s.org_id LEFT JOIN place pl ON pl.id = s.place_id" \
	" LEFT JOIN member h ON h.id = s.host_id" \
	" LEFT JOIN member r ON r.id = s.recorder_id LEFT JOIN member l ON l.id = s.lecturer_id"

static void session_from_row(sqlite3_stmt *st, struct session *s, int with_text)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->org_id = sqlite3_column_int64(st, 1);
	s->org_name = db_col_strdup(st, 2);
	s->kind = (enum session_kind)kind_from_col(st, 3);
	s->also = (enum session_kind)kind_from_col(st, 4);
	s->day = db_col_day(st, 5);
	s->minute = time_from_col(st, 6);
	s->place = db_col_strdup(st, 7);
	s->topic = db_col_strdup(st, 8);
	s->host_id = sqlite3_column_int64(st, 9);
	s->host_name = db_col_strdup(st, 10);
	s->recorder_id = sqlite3_column_int64(st, 11);
	s->recorder_name = db_col_strdup(st, 12);
	s->lecturer_id = sqlite3_column_int64(st, 13);
	s->lecturer_name = db_col_strdup(st, 14);
	s->state = state_from_col(st, 15);
	s->moved_from = db_col_day(st, 16);
	if (with_text) {
		s->minutes = db_col_strdup(st, 17);
		s->resolutions = db_col_strdup(st, 18);
	}
	s->approved_on = db_col_day(st, 19);
}

int session_get(struct db *db, long long id, struct session *s)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " SESSION_COLUMNS " WHERE s.id = ?1");
	int rc;

	memset(s, 0, sizeof *s);
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		session_from_row(st, s, 1);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return OL_OK;
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading a session");
	return db_fail(db, OL_ENOTFOUND, _("there is no session %lld: see 'orglife session list'"), id);
}

static int list_sessions(struct db *db, sqlite3_stmt *st, long long org_id, long from, long to,
			 int (*fn)(const struct session *s, void *ctx), void *ctx);

int session_list(struct db *db, long long org_id, long from, long to,
		 int (*fn)(const struct session *s, void *ctx), void *ctx)
{
	/* Open ends as extreme dates, and the organizations (all of them
	 * without org_id) given as a list, so that the index by organization
	 * and day serves both: one range per organization instead of a scan
	 * of every session. */
	sqlite3_stmt *st = org_id
		? db_stmt(db, "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT x.id FROM org x JOIN sub ON x.parent_id = sub.id)"
			      " SELECT " SESSION_COLUMNS
			      " WHERE s.org_id IN (SELECT id FROM sub) AND s.day BETWEEN ?2 AND ?3"
			      " ORDER BY s.day, s.time IS NULL, s.time, s.id")
		: db_stmt(db, "SELECT " SESSION_COLUMNS
			      " WHERE s.org_id IN (SELECT id FROM org) AND s.day BETWEEN ?2 AND ?3"
			      " ORDER BY s.day, s.time IS NULL, s.time, s.id");

	return list_sessions(db, st, org_id, from, to, fn, ctx);
}

int session_list_own(struct db *db, long long org_id, long from, long to,
		     int (*fn)(const struct session *s, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " SESSION_COLUMNS " WHERE s.org_id = ?1 AND s.day BETWEEN ?2 AND ?3"
					   " ORDER BY s.day, s.time IS NULL, s.time, s.id");

	return list_sessions(db, st, org_id, from, to, fn, ctx);
}

/* Runs one of session_list's statements. */
static int list_sessions(struct db *db, sqlite3_stmt *st, long long org_id, long from, long to,
			 int (*fn)(const struct session *s, void *ctx), void *ctx)
{
	struct session s;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	if (org_id)
		sqlite3_bind_int64(st, 1, org_id);
	db_bind_day(st, 2, from < 0 ? DATE_DAY_MIN : from);
	db_bind_day(st, 3, to < 0 ? DATE_DAY_MAX : to);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		session_from_row(st, &s, 0);
		stop = fn(&s, ctx);
		session_clear(&s);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "listing sessions");
}

static const struct db_resolve_spec session_spec = {
	.what = N_("session"),
	.by_id = "SELECT id FROM session WHERE id = ?1",
	.by_name = "SELECT s.id, s.topic, o.name || ' ' || s.day FROM session s JOIN org o ON o.id = s.org_id"
		   " WHERE s.topic = ?1 ORDER BY s.day, s.id",
	.list_cmd = "orglife session list",
};

int session_resolve(struct db *db, const char *spec, long long *id)
{
	return db_resolve(db, &session_spec, spec, id);
}

/* Is the member within org: in it, in a branch under it, or in its group? */
static int member_inside(struct db *db, long long member_id, long long org_id, int *inside)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE up(id) AS (SELECT org_id FROM member WHERE id = ?1"
		" UNION SELECT o.parent_id FROM org o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)"
		" SELECT ?2 IN (SELECT id FROM up) OR ?2 = (SELECT group_id FROM member WHERE id = ?1)");

	*inside = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	sqlite3_bind_int64(st, 2, org_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*inside = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return OL_OK;
}

/* The member exists and, when org_id is given, belongs to it; what names
 * the role ("--host") for the message. */
static int check_person(struct db *db, long long member_id, long long org_id, const char *what)
{
	struct member m;
	int rc, inside = 1;

	if (!member_id)
		return OL_OK;
	rc = member_get(db, member_id, -1, &m);
	if (rc == OL_OK && org_id)
		rc = member_inside(db, member_id, org_id, &inside);
	if (rc == OL_OK && !inside) {
		rc = db_fail(db, OL_EINVAL, _("%s %s is not a member of the session's organization"), what, m.name);
	}
	member_clear(&m);
	return rc;
}

static int set_state(struct db *db, long long id, enum session_state to)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE session SET state = ?2 WHERE id = ?1");

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, session_state_code(to), -1, SQLITE_STATIC);
	return db_step_done(db, st, "changing a session");
}

static int state_error(struct db *db, const struct session *s, const char *want)
{
	return db_fail(db, OL_ESTATE, _("session %lld is %s: %s"), s->id, session_state_label(s->state), want);
}

/* The kind fits the organization: a group meeting belongs to a party
 * group, and a group holds nothing but its meetings, lessons and others. */
static int check_kind_org(struct db *db, enum session_kind kind, long long org_id)
{
	struct org o;
	int rc = org_get(db, org_id, &o);

	if (rc == OL_OK) {
		if (kind == SK_GROUP && o.kind != ORG_GROUP)
			rc = db_fail(db, OL_EINVAL, _("a party group meeting belongs to a party group, and %s is a %s: give --org GROUP"),
				     o.name, org_kind_label(o.kind));
		else if (o.kind == ORG_GROUP && kind != SK_GROUP && kind != SK_LESSON && kind != SK_OTHER)
			rc = db_fail(db, OL_EINVAL, _("%s is a party group: a %s is held by its branch; give --org BRANCH"),
				     o.name, session_kind_label(kind));
		org_clear(&o);
	}
	return rc;
}

int session_add(struct db *db, const struct session *s, long long *id)
{
	long long place = 0;
	sqlite3_stmt *st;
	int rc;

	if ((unsigned)s->kind >= SK_COUNT)
		return db_fail(db, OL_EINVAL, _("a session needs a kind"));
	if (s->also == s->kind)
		return db_fail(db, OL_EINVAL, _("--also repeats the session's own kind: give another kind or leave it out"));
	if (s->day < 0)
		return db_fail(db, OL_EINVAL, _("a session needs a date (--at)"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = check_kind_org(db, s->kind, s->org_id);
	if (rc == OL_OK)
		rc = check_person(db, s->host_id, s->org_id, "--host");
	if (rc == OL_OK)
		rc = check_person(db, s->recorder_id, s->org_id, "--recorder");
	/* A lesson is often given by someone from outside: a committee
	 * secretary, a teacher. */
	if (rc == OL_OK)
		rc = check_person(db, s->lecturer_id, 0, "--lecturer");
	if (rc == OL_OK)
		rc = db_next_id(db, "session", id);
	if (rc == OL_OK)
		rc = db_place_id(db, s->place, &place);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO session(id, org_id, kind, also_kind, day, time, place_id, topic,"
				 " host_id, recorder_id, lecturer_id, state)"
				 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'planned')");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, *id);
			sqlite3_bind_int64(st, 2, s->org_id);
			sqlite3_bind_text(st, 3, session_kind_code(s->kind), -1, SQLITE_STATIC);
			db_bind_text(st, 4, session_kind_code(s->also));
			db_bind_day(st, 5, s->day);
			bind_time(st, 6, s->minute);
			db_bind_id(st, 7, place);
			db_bind_text(st, 8, s->topic);
			db_bind_id(st, 9, s->host_id);
			db_bind_id(st, 10, s->recorder_id);
			db_bind_id(st, 11, s->lecturer_id);
			rc = db_step_done(db, st, "adding a session");
		}
	}
	if (rc == OL_OK)
		db_summary_touch(db, s->org_id, 0, s->day, s->day, SUM_ORGS);
	return db_tx_end(db, rc);
}

int session_add_all(struct db *db, const struct session *s, int n, long long *ids)
{
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	for (int i = 0; i < n && rc == OL_OK; i++)
		rc = session_add(db, &s[i], &ids[i]);
	return db_tx_end(db, rc);
}

/* Has the session a roll-call (any mark)? */
static int has_marks(struct db *db, long long id, int *yes)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT marks IS NOT NULL AND length(marks) > 0 FROM session WHERE id = ?1");

	*yes = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return OL_OK;
}

int session_edit(struct db *db, long long id, const struct session *s)
{
	struct session old;
	long long place = 0;
	sqlite3_stmt *st;
	int rc, marked = 0;

	if ((unsigned)s->kind >= SK_COUNT)
		return db_fail(db, OL_EINVAL, _("a session needs a kind"));
	if (s->day < 0)
		return db_fail(db, OL_EINVAL, _("a session needs a date (--at)"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, id, &old);
	if (rc == OL_OK && old.state != SESSION_PLANNED)
		rc = state_error(db, &old, _("only a planned session can be changed"));
	if (rc == OL_OK && s->org_id != old.org_id && (rc = has_marks(db, id, &marked)) == OL_OK && marked)
		rc = db_fail(db, OL_ESTATE, _("session %lld already has a roll-call: it stays with its organization"), id);
	if (rc == OL_OK)
		rc = check_kind_org(db, s->kind, s->org_id);
	if (rc == OL_OK && s->org_id != old.org_id)
		rc = check_person(db, old.host_id, s->org_id, "--host");
	if (rc == OL_OK && s->org_id != old.org_id)
		rc = check_person(db, old.recorder_id, s->org_id, "--recorder");
	if (rc == OL_OK)
		rc = db_place_id(db, s->place, &place);
	if (rc == OL_OK) {
		/* A second kind the session now is anyway goes. */
		st = db_stmt(db, "UPDATE session SET org_id = ?2, kind = ?3,"
				 " also_kind = CASE WHEN also_kind = ?3 THEN NULL ELSE also_kind END,"
				 " place_id = ?4, topic = ?5 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, s->org_id);
			sqlite3_bind_text(st, 3, session_kind_code(s->kind), -1, SQLITE_STATIC);
			db_bind_id(st, 4, place);
			db_bind_text(st, 5, s->topic);
			rc = db_step_done(db, st, "changing a session");
		}
	}
	if (rc == OL_OK && (s->day != old.day || s->minute != old.minute))
		rc = session_move(db, id, s->day, s->minute);
	if (rc == OL_OK) {
		db_summary_touch(db, old.org_id, 0, old.day, old.day, SUM_ORGS);
		db_summary_touch(db, s->org_id, 0, s->day, s->day, SUM_ORGS);
	}
	session_clear(&old);
	return db_tx_end(db, rc);
}

int session_mark_held(struct db *db, long long id, long today)
{
	struct session s;
	int rc;
	char buf[11];

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, id, &s);
	if (rc == OL_OK && s.state != SESSION_PLANNED)
		rc = state_error(db, &s, _("only a planned session can be marked held"));
	else if (rc == OL_OK && s.day > today) {
		date_format(s.day, buf);
		rc = db_fail(db, OL_ESTATE, _("session %lld is planned for %s: it can be marked held on or after that day"),
			     id, buf);
	}
	if (rc == OL_OK)
		rc = set_state(db, id, SESSION_HELD);
	/* Held, its roll-call counts for everyone expected. */
	if (rc == OL_OK)
		db_summary_touch(db, s.org_id, 0, s.day, s.day, SUM_ORGS | SUM_LIFE);
	session_clear(&s);
	return db_tx_end(db, rc);
}

int session_cancel(struct db *db, long long id)
{
	struct session s;
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, id, &s);
	if (rc == OL_OK && s.state != SESSION_PLANNED)
		rc = state_error(db, &s, _("only a planned session can be cancelled"));
	if (rc == OL_OK)
		rc = set_state(db, id, SESSION_CANCELLED);
	if (rc == OL_OK)
		db_summary_touch(db, s.org_id, 0, s.day, s.day, SUM_ORGS);
	session_clear(&s);
	return db_tx_end(db, rc);
}

int session_move(struct db *db, long long id, long day, int minute)
{
	struct session s;
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, id, &s);
	if (rc == OL_OK && s.state != SESSION_PLANNED)
		rc = state_error(db, &s, _("only a planned session can be moved"));
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE session SET day = ?2, time = ?3,"
				 " moved_from = CASE WHEN ?2 = day THEN moved_from WHEN ?2 = moved_from THEN NULL"
				 " ELSE coalesce(moved_from, day) END WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_day(st, 2, day);
			bind_time(st, 3, minute);
			rc = db_step_done(db, st, "moving a session");
		}
	}
	if (rc == OL_OK) {
		db_summary_touch(db, s.org_id, 0, s.day, s.day, SUM_ORGS);
		db_summary_touch(db, s.org_id, 0, day, day, SUM_ORGS);
	}
	session_clear(&s);
	return db_tx_end(db, rc);
}

/*
 * Who is on the sheet, in one query.  cand: who is expected by the kind
 * (committee role holders on the day; the group; or everyone under the
 * session's organization).  Each row: member, name, 0 expected or 1 away
 * that day, full member that day.
 */
static const char sheet_sql[] =
	"WITH RECURSIVE sub(id) AS (SELECT ?3 UNION ALL SELECT x.id FROM org x JOIN sub ON x.parent_id = sub.id),"
	" cand(mid) AS ("
	"  SELECT r.member_id FROM role r WHERE ?4 = 'committee' AND r.org_id = ?3"
	"   AND r.from_date <= ?2 AND (r.to_date IS NULL OR r.to_date >= ?2)"
	"  UNION SELECT m.id FROM member m WHERE ?4 <> 'committee' AND m.group_id = ?3"
	"  UNION SELECT m.id FROM member m WHERE ?4 NOT IN ('committee', 'group') AND m.org_id IN (SELECT id FROM sub)),"
	" rows AS (SELECT m.id AS id, m.name AS name,"
	"  CASE WHEN m.joined > ?2 THEN 'not-yet' ELSE coalesce("
	"   (SELECT e.kind FROM member_event e WHERE e.member_id = m.id AND e.on_date <= ?2"
	"    ORDER BY e.on_date DESC, e.id DESC LIMIT 1),"
	"   CASE WHEN EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.kind = 'transfer-in')"
	"    THEN 'not-yet' ELSE 'here' END) END AS wh,"
	"  (m.status = 'full' OR m.confirmed <= ?2) AS isfull"
	"  FROM member m WHERE m.id IN (SELECT mid FROM cand))"
	" SELECT id, name, CASE WHEN wh IN ('here', 'transfer-in', 'back') THEN 0"
	"   WHEN wh IN ('flow-out', 'transfer-out', 'lost') THEN 1 ELSE 2 END AS grp, isfull"
	" FROM rows WHERE grp < 2 ORDER BY grp, pinyin_key(name), id";

/* A session's marks, decoded; OL_EDB for a damaged value. */
static int load_marks(struct db *db, long long session_id, struct marks *m)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT marks FROM session WHERE id = ?1");
	int rc = OL_OK;

	m->n = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, session_id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    marks_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), m) != 0)
		rc = db_fail(db, OL_EDB, _("the attendance of session %lld is damaged: restore it from a backup"),
			     session_id);
	sqlite3_reset(st);
	return rc;
}

struct reason {
	long long member_id;
	char *text;
};

/* The reasons given for the session's marks, by member id. */
static int load_reasons(struct db *db, long long session_id, struct reason **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, reason FROM attendance_reason WHERE session_id = ?1"
				       " ORDER BY member_id");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, session_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[*n].member_id = sqlite3_column_int64(st, 0);
		(*out)[(*n)++].text = db_col_strdup(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading attendance reasons");
}

static const char *reason_of(const struct reason *r, size_t n, long long member_id)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].member_id == member_id)
			return r[i].text;
	return NULL;
}

static void free_reasons(struct reason *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].text);
	free(r);
}

struct extra {
	long long member_id;
	char *name;
	char *key; /* pinyin_key of the name */
	int status;
};

static int cmp_extra(const void *a, const void *b)
{
	const struct extra *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->member_id > y->member_id) - (x->member_id < y->member_id);
}

/* Marked members who are not on the sheet, in the order of names. */
static int collect_extras(struct db *db, const struct marks *m, const char *seen, struct extra **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM member WHERE id = ?1");
	size_t i;

	*out = NULL;
	*n = 0;
	if (!st)
		return OL_EDB;
	for (i = 0; i < m->n; i++) {
		if (seen[i])
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n].member_id = m->v[i].member_id;
		(*out)[*n].status = m->v[i].status;
		sqlite3_bind_int64(st, 1, m->v[i].member_id);
		(*out)[*n].name = sqlite3_step(st) == SQLITE_ROW ? db_col_strdup(st, 0) : NULL;
		(*out)[*n].key = pinyin_key((*out)[*n].name);
		sqlite3_reset(st);
		(*n)++;
	}
	if (*n > 1) /* qsort of NULL, even of no elements, is undefined */
		qsort(*out, *n, sizeof **out, cmp_extra);
	return OL_OK;
}

int session_attendees(struct db *db, long long session_id, int (*fn)(const struct attendee *a, void *ctx),
		      void *ctx)
{
	struct session s;
	struct marks m = { 0 };
	struct reason *reasons = NULL;
	struct extra *extras = NULL;
	size_t nreasons = 0, nextras = 0, i;
	sqlite3_stmt *st;
	struct attendee a;
	char *seen = NULL;
	int rc, stop = 0;

	if ((rc = session_get(db, session_id, &s)) != OL_OK)
		return rc;
	rc = load_marks(db, session_id, &m);
	if (rc == OL_OK)
		rc = load_reasons(db, session_id, &reasons, &nreasons);
	st = rc == OL_OK ? db_stmt(db, sheet_sql) : NULL;
	if (!st) {
		rc = rc == OL_OK ? OL_EDB : rc;
		goto out;
	}
	seen = xmalloc(m.n + 1);
	memset(seen, 0, m.n + 1);
	db_bind_day(st, 2, s.day);
	sqlite3_bind_int64(st, 3, s.org_id);
	sqlite3_bind_text(st, 4, session_kind_code(s.kind), -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.member_id = sqlite3_column_int64(st, 0);
		a.name = (const char *)sqlite3_column_text(st, 1);
		a.kind = (enum member_status_flag)sqlite3_column_int(st, 2);
		a.votes = a.kind == ATTENDEE_EXPECTED && sqlite3_column_int(st, 3);
		a.status = (enum attend_status)marks_get(&m, a.member_id);
		a.reason = reason_of(reasons, nreasons, a.member_id);
		for (i = 0; i < m.n; i++)
			if (m.v[i].member_id == a.member_id)
				seen[i] = 1;
		stop = fn(&a, ctx);
	}
	sqlite3_reset(st);
	if (stop) {
		rc = stop;
		goto out;
	}
	if (rc != SQLITE_DONE) {
		rc = db_fail_sqlite(db, "reading the attendance sheet");
		goto out;
	}
	rc = collect_extras(db, &m, seen, &extras, &nextras);
	for (i = 0; rc == OL_OK && !stop && i < nextras; i++) {
		memset(&a, 0, sizeof a);
		a.member_id = extras[i].member_id;
		a.name = extras[i].name;
		a.kind = ATTENDEE_EXTRA;
		a.status = (enum attend_status)extras[i].status;
		a.reason = reason_of(reasons, nreasons, a.member_id);
		stop = fn(&a, ctx);
	}
	if (stop)
		rc = stop;
out:
	for (i = 0; i < nextras; i++) {
		free(extras[i].name);
		free(extras[i].key);
	}
	free(extras);
	free(seen);
	free_reasons(reasons, nreasons);
	marks_free(&m);
	session_clear(&s);
	return rc;
}

/*
 * A member's sessions: of the branch and of the member's group, each with
 * whether the member was expected there that day (facts_expected_at's
 * judgement: where they were from joining and the latest event, the
 * committee's roles on the day for a committee meeting).
 */
static const char member_sessions_sql[] =
	"SELECT s.id, s.org_id, o.name, s.kind, s.also_kind, s.state, s.day, s.time, s.topic, s.marks,"
	" (SELECT a.reason FROM attendance_reason a WHERE a.session_id = s.id AND a.member_id = m.id),"
	" CASE WHEN s.kind = 'committee' THEN EXISTS (SELECT 1 FROM role r WHERE r.member_id = m.id"
	"   AND r.org_id = s.org_id AND r.from_date <= s.day AND (r.to_date IS NULL OR r.to_date >= s.day))"
	"  WHEN s.kind = 'group' OR s.org_id IS m.group_id THEN s.org_id IS m.group_id"
	"  ELSE s.org_id = m.org_id END"
	" AND coalesce(m.joined <= s.day, 1)"
	" AND coalesce((SELECT e.kind IN ('transfer-in', 'back') FROM member_event e"
	"   WHERE e.member_id = m.id AND e.on_date <= s.day ORDER BY e.on_date DESC, e.id DESC LIMIT 1),"
	"  NOT EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.kind = 'transfer-in'))"
	" FROM member m JOIN session s ON s.org_id IN (m.org_id, m.group_id) JOIN org o ON o.id = s.org_id"
	" WHERE m.id = ?1 AND s.state <> 'cancelled' AND s.day <= ?2"
	" ORDER BY s.day DESC, s.time DESC, s.id DESC";

int member_sessions(struct db *db, long long member_id, long to,
		    int (*fn)(const struct member_session *s, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, member_sessions_sql);
	struct member_session ms;
	struct marks m = { 0 };
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	db_bind_day(st, 2, to < 0 ? DATE_DAY_MAX : to);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&ms, 0, sizeof ms);
		ms.session_id = sqlite3_column_int64(st, 0);
		if (marks_decode(sqlite3_column_blob(st, 9), (size_t)sqlite3_column_bytes(st, 9), &m) != 0) {
			stop = db_fail(db, OL_EDB, _("the attendance of session %lld is damaged: restore it from a backup"),
				       ms.session_id);
			break;
		}
		ms.status = (enum attend_status)marks_get(&m, member_id);
		ms.expected = sqlite3_column_int(st, 11);
		if (!ms.expected && ms.status == ATTEND_NONE)
			continue;
		ms.org_id = sqlite3_column_int64(st, 1);
		ms.org_name = (const char *)sqlite3_column_text(st, 2);
		ms.kind = (enum session_kind)kind_from_col(st, 3);
		ms.also = (enum session_kind)kind_from_col(st, 4);
		ms.state = state_from_col(st, 5);
		ms.day = db_col_day(st, 6);
		ms.minute = time_from_col(st, 7);
		ms.topic = (const char *)sqlite3_column_text(st, 8);
		ms.reason = (const char *)sqlite3_column_text(st, 10);
		stop = fn(&ms, ctx);
	}
	sqlite3_reset(st);
	marks_free(&m);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading a member's sessions");
}

struct last_seen {
	long long member_id;
	long day;
};

/* The slot of member in the sorted array l[0..n), inserting it (day -1)
 * when it is not there. */
static struct last_seen *last_slot(struct last_seen **l, int *n, int *cap, long long member_id)
{
	int lo = 0, hi = *n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if ((*l)[mid].member_id < member_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < *n && (*l)[lo].member_id == member_id)
		return &(*l)[lo];
	db_grow(l, n, cap, sizeof **l);
	memmove(&(*l)[lo + 1], &(*l)[lo], (size_t)(*n - 1 - lo) * sizeof **l);
	(*l)[lo].member_id = member_id;
	(*l)[lo].day = -1;
	return &(*l)[lo];
}

int member_last_attended(struct db *db, long long branch_id, long to,
			 int (*fn)(long long member_id, long day, void *ctx), void *ctx)
{
	/* The most recent first, so each member's first attendance is the
	 * latest. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.id, s.day, s.marks FROM session s"
		" WHERE s.org_id IN (SELECT ?1 UNION ALL SELECT id FROM org WHERE parent_id = ?1)"
		" AND s.state <> 'cancelled' AND s.day <= ?2 AND s.marks IS NOT NULL ORDER BY s.day DESC");
	struct last_seen *seen = NULL;
	struct marks m = { 0 };
	int rc, n = 0, cap = 0, stop = 0;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, branch_id);
	db_bind_day(st, 2, to < 0 ? DATE_DAY_MAX : to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long day = db_col_day(st, 1);
		if (marks_decode(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2), &m) != 0) {
			stop = db_fail(db, OL_EDB, _("the attendance of session %lld is damaged: restore it from a backup"),
				       (long long)sqlite3_column_int64(st, 0));
			break;
		}
		for (size_t i = 0; i < m.n; i++) {
			struct last_seen *l;
			if (m.v[i].status != ATTEND_PRESENT && m.v[i].status != ATTEND_LATE)
				continue;
			l = last_slot(&seen, &n, &cap, m.v[i].member_id);
			if (l->day < 0)
				l->day = day;
		}
	}
	sqlite3_reset(st);
	marks_free(&m);
	if (!stop && rc != SQLITE_DONE)
		stop = db_fail_sqlite(db, "reading the branch's attendance");
	for (int i = 0; !stop && i < n; i++)
		stop = fn(seen[i].member_id, seen[i].day, ctx);
	free(seen);
	return stop;
}

/* The JSON of one mark for the audit log, or NULL for none. */
static char *mark_json(enum attend_status status, const char *reason)
{
	struct strbuf b = { 0 };

	if (status == ATTEND_NONE)
		return NULL;
	strbuf_adds(&b, "{\"status\":");
	text_json_string(&b, attend_code(status));
	strbuf_adds(&b, ",\"reason\":");
	text_json_string(&b, reason);
	strbuf_adds(&b, "}");
	return strbuf_detach(&b);
}

/* Writes the marks back, the reason, and an audit entry for the change. */
static int store_mark(struct db *db, long long session_id, long long member_id, struct marks *m,
		      enum attend_status old, const char *old_reason, enum attend_status status, const char *reason)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE session SET marks = ?2 WHERE id = ?1");
	unsigned char *blob;
	char target[64], *before, *after;
	size_t len;
	int rc;

	if (!st)
		return OL_EDB;
	marks_set(m, member_id, status);
	blob = marks_encode(m, &len);
	sqlite3_bind_int64(st, 1, session_id);
	if (blob)
		sqlite3_bind_blob(st, 2, blob, (int)len, free);
	rc = db_step_done(db, st, "marking attendance");
	if (rc == OL_OK) {
		st = status != ATTEND_NONE && reason
			     ? db_stmt(db, "INSERT INTO attendance_reason(session_id, member_id, reason) VALUES (?1, ?2, ?3)"
					   " ON CONFLICT(session_id, member_id) DO UPDATE SET reason = excluded.reason")
			     : db_stmt(db, "DELETE FROM attendance_reason WHERE session_id = ?1 AND member_id = ?2");
		if (!st)
			return OL_EDB;
		sqlite3_bind_int64(st, 1, session_id);
		sqlite3_bind_int64(st, 2, member_id);
		if (status != ATTEND_NONE && reason)
			sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
		rc = db_step_done(db, st, "recording the reason");
	}
	if (rc != OL_OK)
		return rc;
	before = mark_json(old, old_reason);
	after = mark_json(status, reason);
	snprintf(target, sizeof target, "attendance:%lld:%lld", session_id, member_id);
	rc = db_audit(db, !before ? "insert" : !after ? "delete" : "update", target, before, after);
	free(before);
	free(after);
	return rc;
}

int attend_set(struct db *db, long long session_id, long long member_id, enum attend_status status,
	       const char *reason)
{
	struct session s;
	struct marks m = { 0 };
	struct reason *reasons = NULL;
	size_t nreasons = 0;
	enum attend_status old;
	const char *old_reason;
	int rc, inside = 0;

	if (reason && status != ATTEND_EXCUSED && status != ATTEND_ABSENT && status != ATTEND_LATE)
		return db_fail(db, OL_EINVAL, _("--reason goes with late, excused or absent"));
	if (reason && !*reason)
		reason = NULL;
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, session_id, &s);
	if (rc == OL_OK && s.state == SESSION_CANCELLED)
		rc = state_error(db, &s, _("attendance is not taken for a cancelled session"));
	if (rc == OL_OK)
		rc = member_inside(db, member_id, s.org_id, &inside);
	if (rc == OL_OK && !inside) {
		struct member mb;
		if ((rc = member_get(db, member_id, -1, &mb)) == OL_OK) {
			rc = db_fail(db, OL_EINVAL, _("%s is not a member of %s, which holds session %lld"), mb.name, s.org_name,
				     session_id);
		}
		member_clear(&mb);
	}
	if (rc == OL_OK)
		rc = load_marks(db, session_id, &m);
	if (rc == OL_OK)
		rc = load_reasons(db, session_id, &reasons, &nreasons);
	if (rc == OL_OK) {
		old = (enum attend_status)marks_get(&m, member_id);
		old_reason = reason_of(reasons, nreasons, member_id);
		/* Pressing the same key twice changes nothing and records nothing. */
		if (old != status || (status != ATTEND_NONE && (reason ? !old_reason || strcmp(reason, old_reason)
								       : old_reason != NULL)))
			rc = store_mark(db, session_id, member_id, &m, old, old_reason, status, reason);
		/* A held session's marks count in the summaries: the member's
		 * month, and everyone's when this began or ended its roll-call;
		 * the quorum numbers. */
		if (rc == OL_OK && old != status && s.state == SESSION_HELD) {
			int everyone = m.n == 0 || (m.n == 1 && old == ATTEND_NONE);
			db_summary_touch(db, s.org_id, everyone ? 0 : member_id, s.day, s.day, SUM_LIFE);
			db_summary_touch(db, s.org_id, 0, s.day, s.day, SUM_ORGS);
		}
	}
	free_reasons(reasons, nreasons);
	marks_free(&m);
	session_clear(&s);
	return db_tx_end(db, rc);
}

/* The refusal to change approved minutes, saying how to unlock them. */
static int locked_error(struct db *db, const struct session *s)
{
	char buf[11];

	date_format(s->approved_on, buf);
	return db_fail(db, OL_ESTATE,
		       _("the minutes of session %lld were approved on %s and are locked:"
			 " to change them, first run 'orglife minutes unlock %lld --reason TEXT'"),
		       s->id, buf, s->id);
}

int minutes_editable(struct db *db, long long session_id)
{
	struct session s;
	int rc = session_get(db, session_id, &s);

	if (rc == OL_OK && s.approved_on >= 0)
		rc = locked_error(db, &s);
	session_clear(&s);
	return rc;
}

int minutes_set(struct db *db, long long session_id, const char *minutes)
{
	struct session s;
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, session_id, &s);
	if (rc == OL_OK && s.approved_on >= 0)
		rc = locked_error(db, &s);
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE session SET minutes = ?2 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, session_id);
			db_bind_text(st, 2, minutes && *minutes ? minutes : NULL);
			rc = db_step_done(db, st, "saving the minutes");
		}
	}
	session_clear(&s);
	return db_tx_end(db, rc);
}

int minutes_approve(struct db *db, long long session_id, long day)
{
	struct session s;
	sqlite3_stmt *st;
	int rc;
	char buf[11];

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, session_id, &s);
	if (rc == OL_OK && s.approved_on >= 0) {
		date_format(s.approved_on, buf);
		rc = db_fail(db, OL_ESTATE, _("the minutes of session %lld were already approved on %s"), session_id, buf);
	} else if (rc == OL_OK && s.state != SESSION_HELD)
		rc = state_error(db, &s, _("minutes are approved after the session is held ('orglife session held')"));
	else if (rc == OL_OK && (!s.minutes || !*s.minutes))
		rc = db_fail(db, OL_ESTATE, _("session %lld has no minutes to approve: write them first"), session_id);
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE session SET approved_on = ?2 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, session_id);
			db_bind_day(st, 2, day);
			rc = db_step_done(db, st, "approving the minutes");
		}
	}
	session_clear(&s);
	return db_tx_end(db, rc);
}

int minutes_unlock(struct db *db, long long session_id, const char *reason)
{
	struct session s;
	struct strbuf before = { 0 }, after = { 0 };
	sqlite3_stmt *st;
	char target[64], day[11];
	int rc;

	if (text_is_blank(reason))
		return db_fail(db, OL_EINVAL, _("say why the approved minutes are opened again (--reason TEXT)"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = session_get(db, session_id, &s);
	if (rc == OL_OK && s.approved_on < 0)
		rc = db_fail(db, OL_ESTATE, _("the minutes of session %lld are not approved, so there is nothing to unlock"),
			     session_id);
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE session SET approved_on = NULL WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, session_id);
			rc = db_step_done(db, st, "unlocking the minutes");
		}
	}
	if (rc == OL_OK) {
		/* The trigger records the cleared approval; this entry says why. */
		date_format(s.approved_on, day);
		strbuf_adds(&before, "{\"approved_on\":");
		text_json_string(&before, day);
		strbuf_adds(&before, "}");
		strbuf_adds(&after, "{\"approved_on\":null,\"reason\":");
		text_json_string(&after, reason);
		strbuf_adds(&after, "}");
		snprintf(target, sizeof target, "minutes:%lld", session_id);
		rc = db_audit(db, "unlock", target, before.s, after.s);
	}
	strbuf_free(&before);
	strbuf_free(&after);
	session_clear(&s);
	return db_tx_end(db, rc);
}

int session_activity(struct db *db, long from, long to, long today,
		     int (*fn)(const struct org_activity *a, void *ctx), void *ctx)
{
	/* Per organization, each through its (org_id, day) index: the
	 * quarter's sessions, and from today back to the last held and on to
	 * the next planned, stopping at the first found. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT o.id,"
		" (SELECT count(*) FROM session s WHERE s.org_id = o.id AND s.day BETWEEN ?1 AND ?2 AND s.state = 'held'),"
		" (SELECT s.day FROM session s WHERE s.org_id = o.id AND s.day <= ?3 AND s.state = 'held'"
		"  ORDER BY s.day DESC LIMIT 1),"
		" (SELECT s.day FROM session s WHERE s.org_id = o.id AND s.day >= ?3 AND s.state = 'planned'"
		"  ORDER BY s.day LIMIT 1)"
		" FROM org o ORDER BY o.id");
	struct org_activity a;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	db_bind_day(st, 1, from);
	db_bind_day(st, 2, to);
	db_bind_day(st, 3, today);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		a.org_id = sqlite3_column_int64(st, 0);
		a.held = sqlite3_column_int(st, 1);
		a.last_held = db_col_day(st, 2);
		a.next_planned = db_col_day(st, 3);
		stop = fn(&a, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "summing up sessions");
}

/* R-TERM: 3 years unless the organization says otherwise (5 for 村/社区). */
#define DEFAULT_TERM_YEARS 3

int election_add(struct db *db, long long org_id, long day, int term_years, long long session_id, long long *id)
{
	struct org o;
	struct session s;
	sqlite3_stmt *st;
	long held_on = -1;
	int rc;

	if (term_years < 0 || term_years > 10)
		return db_fail(db, OL_EINVAL, _("a term of %d years is not possible: give 1 to 10 (--term-years)"), term_years);
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = org_get(db, org_id, &o);
	if (rc == OL_OK && o.kind == ORG_GROUP)
		rc = db_fail(db, OL_EINVAL, _("a party group does not elect a committee: give --org BRANCH"));
	if (rc == OL_OK && !term_years)
		term_years = o.term_years ? o.term_years : DEFAULT_TERM_YEARS;
	if (rc == OL_OK && session_id) {
		if ((rc = session_get(db, session_id, &s)) == OL_OK && s.org_id != org_id)
			rc = db_fail(db, OL_EINVAL, _("session %lld belongs to another organization"), session_id);
		held_on = s.day;
		session_clear(&s);
	}
	if (rc == OL_OK)
		rc = db_next_id(db, "election", id);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO election(id, org_id, on_date, term_years, session_id) VALUES (?1, ?2, ?3, ?4, ?5)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, *id);
			sqlite3_bind_int64(st, 2, org_id);
			db_bind_day(st, 3, day);
			sqlite3_bind_int(st, 4, term_years);
			db_bind_id(st, 5, session_id);
			rc = db_step_done(db, st, "recording an election");
		}
	}
	/* Its session's quorum is now an election's. */
	if (rc == OL_OK && session_id)
		db_summary_touch(db, org_id, 0, held_on, held_on, SUM_ORGS);
	if (o.name)
		org_clear(&o);
	return db_tx_end(db, rc);
}

int session_is_election(struct db *db, long long session_id, int *yes)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM election WHERE session_id = ?1 LIMIT 1");
	int rc;

	*yes = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, session_id);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading elections");
}

int election_extend(struct db *db, long long org_id, long until, const char *approval)
{
	sqlite3_stmt *st;
	long long eid = 0;
	long end = -1;
	int rc;
	char buf[11];

	if (!approval || !*approval)
		return db_fail(db, OL_EINVAL, _("an extension needs the approval that granted it (--approval)"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	st = db_stmt(db, "SELECT id, on_date, term_years FROM election WHERE org_id = ?1 ORDER BY on_date DESC, id DESC LIMIT 1");
	if (!st)
		rc = OL_EDB;
	else {
		sqlite3_bind_int64(st, 1, org_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			eid = sqlite3_column_int64(st, 0);
			end = date_add_years(db_col_day(st, 1), sqlite3_column_int(st, 2));
		}
		sqlite3_reset(st);
	}
	if (rc == OL_OK && !eid)
		rc = db_fail(db, OL_ENOTFOUND, _("organization %lld has no election on record: add it first with 'orglife election add'"),
			     org_id);
	if (rc == OL_OK && until <= end) {
		date_format(end, buf);
		rc = db_fail(db, OL_EINVAL, _("the term ends on %s: an extension runs past that day"), buf);
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE election SET ext_until = ?2, ext_approval = ?3 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, eid);
			db_bind_day(st, 2, until);
			sqlite3_bind_text(st, 3, approval, -1, SQLITE_TRANSIENT);
			rc = db_step_done(db, st, "extending a term");
		}
	}
	return db_tx_end(db, rc);
}
