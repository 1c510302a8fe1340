/* test-minutes.c - cmocka tests of the minutes in the editor (minutes.h)
 * and of unlocking approved minutes (session.h): the template per kind,
 * filled from the session and its attendance sheet; existing minutes
 * edited as they are; the editor chosen from VISUAL, EDITOR, vi and run
 * through /bin/sh with the file as "$1"; the temporary file private and
 * removed, or kept when the text could not be saved; unchanged text saves
 * nothing; approved minutes refused until unlocked, the unlock in the
 * audit log with its reason.
 *
 * The "editor" is a shell script each test writes into its own directory,
 * which is also TMPDIR.  Messages are the C locale's.
 *
 * Every test gets a fresh in-memory database, the clock at 2026-07-15:
 *   党委 > 第一支部: Anna (host), Bo (recorder), Chen, Dai, Eve.
 * An assembly on 2026-07-15 14:30 in 党员活动室 on 学习党章, held, with
 * Anna present, Bo late (堵车), Chen excused (出差), Dai absent, Eve unmarked. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/member.h>
#include <orglife/minutes.h>
#include <orglife/org.h>
#include <orglife/rollcall.h>
#include <orglife/rules.h>
#include <orglife/session.h>
#include <orglife/text.h>

enum { ANNA, BO, CHEN, DAI, EVE, NPEOPLE };

struct world {
	struct db *db;
	char dir[64];      /* the test's directory, and TMPDIR */
	char tmp[128];     /* where the temporary files go: dir/tmp */
	long long branch;
	long long m[NPEOPLE];
	long long assembly;
};

static long long add_member(struct world *w, const char *name)
{
	struct member_new m = { .name = name, .org_id = w->branch, .status = MEMBER_FULL, .joined = D("2010-01-01"),
				.born = -1 };
	long long id = 0;

	if (member_add(w->db, &m, &id) != OL_OK)
		fail_msg("member_add(%s): %s", name, db_errmsg(w->db));
	return id;
}

static long long add_session(struct world *w, enum session_kind kind, enum session_kind also, const char *topic)
{
	struct session s = { .org_id = w->branch, .kind = kind, .also = also, .day = D("2026-07-15"), .minute = -1,
			     .topic = (char *)topic };
	long long id = 0;

	if (session_add(w->db, &s, &id) != OL_OK)
		fail_msg("session_add: %s", db_errmsg(w->db));
	return id;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct session s = { 0 };
	long long committee;

	date_clock_pin(D("2026-07-15"), -1);
	snprintf(w->dir, sizeof w->dir, "/tmp/orglife-test-minutes.XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	snprintf(w->tmp, sizeof w->tmp, "%s/tmp", w->dir);
	assert_int_equal(mkdir(w->tmp, 0700), 0);
	setenv("TMPDIR", w->tmp, 1);
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &committee), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, committee, 0, &w->branch), OL_OK);
	w->m[ANNA] = add_member(w, "Anna");
	w->m[BO] = add_member(w, "Bo");
	w->m[CHEN] = add_member(w, "Chen");
	w->m[DAI] = add_member(w, "Dai");
	w->m[EVE] = add_member(w, "Eve");
	s.org_id = w->branch;
	s.kind = SK_ASSEMBLY;
	s.also = SK_NONE;
	s.day = D("2026-07-15");
	s.minute = 14 * 60 + 30;
	s.place = (char *)"党员活动室";
	s.topic = (char *)"学习党章";
	s.host_id = w->m[ANNA];
	s.recorder_id = w->m[BO];
	assert_int_equal(session_add(w->db, &s, &w->assembly), OL_OK);
	assert_int_equal(attend_set(w->db, w->assembly, w->m[ANNA], ATTEND_PRESENT, NULL), OL_OK);
	assert_int_equal(attend_set(w->db, w->assembly, w->m[BO], ATTEND_LATE, "堵车"), OL_OK);
	assert_int_equal(attend_set(w->db, w->assembly, w->m[CHEN], ATTEND_EXCUSED, "出差"), OL_OK);
	assert_int_equal(attend_set(w->db, w->assembly, w->m[DAI], ATTEND_ABSENT, NULL), OL_OK);
	assert_int_equal(session_mark_held(w->db, w->assembly, D("2026-07-15")), OL_OK);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	char cmd[160];

	db_close(w->db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", w->dir);
	assert_int_equal(system(cmd), 0);
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	unsetenv("TMPDIR");
	free(w);
	date_clock_unpin();
	return 0;
}

/* ---- helpers ------------------------------------------------------------------- */

static void write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/* The whole file, or NULL when it cannot be read; the caller frees. */
static char *read_file(const char *path)
{
	struct strbuf b = { 0 };
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&b, buf, n);
	fclose(f);
	return strbuf_detach(&b);
}

/* Writes dir/NAME, a shell script, and sets EDITOR to its path. */
static void editor_script(struct world *w, const char *name, const char *body)
{
	char path[192];
	struct strbuf s = { 0 };

	snprintf(path, sizeof path, "%s/%s", w->dir, name);
	strbuf_addf(&s, "#!/bin/sh\n%s\n", body);
	write_file(path, s.s, 0755);
	strbuf_free(&s);
	setenv("EDITOR", path, 1);
}

static int files_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* The stored minutes (NULL: none); the caller frees. */
static char *stored(struct world *w, long long id)
{
	struct session s;
	char *m;

	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	m = s.minutes ? xstrdup(s.minutes) : NULL;
	session_clear(&s);
	return m;
}

static long approved_on(struct world *w, long long id)
{
	struct session s;
	long d;

	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	d = s.approved_on;
	session_clear(&s);
	return d;
}

static char *template_of(struct world *w, long long id)
{
	char *t = NULL;

	assert_int_equal(minutes_draft(w->db, id, &t), OL_OK);
	assert_non_null(t);
	return t;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' is not in:\n%s", needle, hay);
}

static void assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle))
		fail_msg("'%s' should not be in:\n%s", needle, hay);
}

/* ---- the template ------------------------------------------------------------- */

static void test_template_of_an_assembly(void **state)
{
	struct world *w = *state;
	char *t = template_of(w, w->assembly);

	assert_string_equal(t, "Meeting: 第一支部 general assembly\n"
			       "Time: Wed 15 Jul 2026 14:30\n"
			       "Place: 党员活动室\n"
			       "Host: Anna\n"
			       "Recorder: Bo\n"
			       "Topic: 学习党章\n"
			       "Expected: 5 people\n"
			       "Attending: 2 people (late: Bo: 堵车) (1 not marked yet)\n"
			       "Excused: 1 person (Chen: 出差)\n"
			       "Absent: 1 person (Dai)\n"
			       "\n"
			       "Proceedings:\n"
			       "\n"
			       "\n"
			       "Matters put to the vote:\n"
			       "\n"
			       "\n"
			       "Resolutions:\n"
			       "\n");
	free(t);
}

static void test_template_differs_by_kind(void **state)
{
	struct world *w = *state;
	long long lesson = add_session(w, SK_LESSON, SK_NONE, "党课");
	long long committee = add_session(w, SK_COMMITTEE, SK_NONE, "支委会");
	long long day = add_session(w, SK_THEME_DAY, SK_LESSON, "党日");
	char *t;

	t = template_of(w, lesson);
	assert_contains(t, "Meeting: 第一支部 party lesson\n");
	assert_contains(t, "Time: Wed 15 Jul 2026\n"); /* no time yet */
	assert_contains(t, "Lecturer: \n");
	assert_contains(t, "\nMain content:\n");
	assert_lacks(t, "Resolutions:");
	assert_lacks(t, "Matters put to the vote:");
	/* Nobody marked: everyone expected is still to be marked. */
	assert_contains(t, "Attending: 0 people (5 not marked yet)\n");
	assert_contains(t, "Excused: 0 people\n");
	free(t);

	t = template_of(w, committee);
	assert_contains(t, "\nMatters discussed:\n");
	assert_contains(t, "\nDecisions:\n");
	assert_lacks(t, "Lecturer:");
	assert_lacks(t, "Resolutions:");
	/* A branch without a committee expects nobody at a committee meeting. */
	assert_contains(t, "Expected: 0 people\n");
	free(t);

	/* A theme day that includes a lesson gets the sections of both. */
	t = template_of(w, day);
	assert_contains(t, "Meeting: 第一支部 theme party day (also party lesson)\n");
	assert_contains(t, "Lecturer: \n");
	assert_contains(t, "\nMain content:\n");
	assert_contains(t, "\nActivities:\n");
	free(t);
}

static void test_existing_minutes_are_the_draft(void **state)
{
	struct world *w = *state;
	char *t;

	assert_int_equal(minutes_set(w->db, w->assembly, "会议由Anna主持。"), OL_OK);
	t = template_of(w, w->assembly);
	/* As stored, no template around them; a final newline for the editor. */
	assert_string_equal(t, "会议由Anna主持。\n");
	free(t);
	assert_int_equal(minutes_draft(w->db, 999999, &t), OL_ENOTFOUND);
	assert_null(t);
}

/* ---- the editor ---------------------------------------------------------------- */

static void test_editor_choice(void **state)
{
	(void)state;
	assert_string_equal(minutes_editor(), "vi");
	setenv("EDITOR", "nano", 1);
	assert_string_equal(minutes_editor(), "nano");
	setenv("VISUAL", "code -w", 1);
	assert_string_equal(minutes_editor(), "code -w");
	setenv("VISUAL", "", 1);
	assert_string_equal(minutes_editor(), "nano");
	setenv("EDITOR", "", 1);
	assert_string_equal(minutes_editor(), "vi");
}

static void test_edit_saves_what_the_editor_wrote(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char seen[192], *got, *draft = template_of(w, w->assembly), *want;
	struct strbuf b = { 0 };

	/* The editor sees the template, and adds a line under it. */
	snprintf(seen, sizeof seen, "%s/seen", w->dir);
	editor_script(w, "ed", "cp \"$1\" \"$(dirname \"$0\")/seen\"\nprintf '会议一致通过。\\n' >>\"$1\"");
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_SAVED);
	assert_null(r.message);
	assert_null(r.kept);
	got = read_file(seen);
	assert_non_null(got);
	assert_string_equal(got, draft);
	free(got);
	strbuf_addf(&b, "%s会议一致通过。\n", draft);
	want = strbuf_detach(&b);
	got = stored(w, w->assembly);
	assert_string_equal(got, want);
	free(got);
	/* The temporary file is gone. */
	assert_int_equal(files_in(w->tmp), 0);
	minutes_result_clear(&r);

	/* The second time, the minutes themselves, without a template. */
	editor_script(w, "ed2", "cp \"$1\" \"$(dirname \"$0\")/seen\"");
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_UNCHANGED);
	got = read_file(seen);
	assert_string_equal(got, want);
	free(got);
	minutes_result_clear(&r);
	free(want);
	free(draft);
}

static void test_unchanged_text_writes_nothing(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char *got;

	setenv("EDITOR", "true", 1);
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_UNCHANGED);
	minutes_result_clear(&r);
	/* The untouched template is not saved as minutes. */
	got = stored(w, w->assembly);
	assert_null(got);
	assert_int_equal(files_in(w->tmp), 0);
}

static void test_file_is_private_and_passed_as_one_argument(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char odd[256], out[192], pwned[192], cwd[4096], *got;

	/* A TMPDIR with blanks, quotes and a command substitution in its name. */
	snprintf(odd, sizeof odd, "%s/a b'\"$(touch pwned);x", w->dir);
	assert_int_equal(mkdir(odd, 0700), 0);
	setenv("TMPDIR", odd, 1);
	snprintf(out, sizeof out, "%s/out", w->dir);
	snprintf(pwned, sizeof pwned, "%s/pwned", w->dir);
	editor_script(w, "ed", "d=$(dirname \"$0\")\n"
			       "stat -c %a \"$1\" >\"$d/out\"\n"
			       "case $1 in \"$TMPDIR\"/orglife-minutes-*) echo inside >>\"$d/out\" ;; esac\n"
			       "echo changed >>\"$1\"");
	/* Were the name run, pwned would appear here. */
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(w->dir), 0);
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(r.outcome, MINUTES_SAVED);
	minutes_result_clear(&r);
	got = read_file(out);
	assert_non_null(got);
	assert_string_equal(got, "600\ninside\n");
	free(got);
	assert_int_equal(access(pwned, F_OK), -1);
	assert_int_equal(files_in(odd), 0);
	/* A value with arguments is a shell command. */
	setenv("EDITOR", "sh -c 'echo again >>\"$1\"' sh", 1);
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_SAVED);
	minutes_result_clear(&r);
	got = stored(w, w->assembly);
	assert_non_null(strstr(got, "changed\nagain\n"));
	free(got);
}

static void test_visual_before_editor(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char *got;

	setenv("EDITOR", "false", 1);
	setenv("VISUAL", "sh -c 'echo visual >>\"$1\"' sh", 1);
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_SAVED);
	minutes_result_clear(&r);
	got = stored(w, w->assembly);
	assert_non_null(strstr(got, "\nvisual\n"));
	free(got);
}

static void test_failing_editor_keeps_changed_text(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	struct stat st;
	char *got;

	/* Failing without touching the file: nothing to keep. */
	setenv("EDITOR", "false", 1);
	assert_int_not_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_FAILED);
	assert_null(r.kept);
	assert_contains(r.message, "'false' failed (exit status 1)");
	minutes_result_clear(&r);
	assert_int_equal(files_in(w->tmp), 0);

	/* Failing after writing: the text is kept, and the message says where. */
	editor_script(w, "ed", "echo 半截记录 >>\"$1\"\nexit 3");
	assert_int_not_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_FAILED);
	assert_non_null(r.kept);
	assert_contains(r.message, r.kept);
	assert_contains(r.message, "exit status 3");
	assert_int_equal(strncmp(r.kept, w->tmp, strlen(w->tmp)), 0);
	assert_int_equal(stat(r.kept, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	got = read_file(r.kept);
	assert_contains(got, "半截记录\n");
	free(got);
	minutes_result_clear(&r);
	got = stored(w, w->assembly);
	assert_null(got);

	/* An editor that is not there. */
	setenv("EDITOR", "no-such-editor-here", 1);
	assert_int_not_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_contains(r.message, "not found");
	minutes_result_clear(&r);
}

static void test_unreadable_text_is_kept(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char *got;

	editor_script(w, "ed", "printf 'a\\000b' >>\"$1\"");
	assert_int_not_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_FAILED);
	assert_non_null(r.kept);
	assert_contains(r.message, "NUL");
	assert_int_equal(access(r.kept, F_OK), 0);
	minutes_result_clear(&r);
	got = stored(w, w->assembly);
	assert_null(got);
}

/* ---- locked and unlocked --------------------------------------------------------- */

static char *last_audit(struct world *w, const char *target)
{
	sqlite3_stmt *st;
	char *s = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_handle(w->db),
					    "SELECT action || '|' || coalesce(before, '') || '|' || coalesce(after, '')"
					    " FROM audit WHERE target = ?1 ORDER BY id DESC LIMIT 1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, target, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static void test_approved_minutes_are_refused_before_the_editor(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char ran[192], *got;

	assert_int_equal(minutes_set(w->db, w->assembly, "定稿"), OL_OK);
	assert_int_equal(minutes_approve(w->db, w->assembly, D("2026-07-16")), OL_OK);
	snprintf(ran, sizeof ran, "%s/ran", w->dir);
	editor_script(w, "ed", "touch \"$(dirname \"$0\")/ran\"\necho 改动 >>\"$1\"");
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_ESTATE);
	assert_int_equal(r.outcome, MINUTES_FAILED);
	assert_null(r.kept);
	assert_contains(r.message, "approved on 2026-07-16");
	assert_contains(r.message, "orglife minutes unlock");
	minutes_result_clear(&r);
	assert_int_equal(access(ran, F_OK), -1);
	assert_int_equal(files_in(w->tmp), 0);
	assert_int_equal(minutes_editable(w->db, w->assembly), OL_ESTATE);
	assert_contains(db_errmsg(w->db), "orglife minutes unlock");
	assert_int_equal(minutes_set(w->db, w->assembly, "x"), OL_ESTATE);
	assert_contains(db_errmsg(w->db), "orglife minutes unlock");
	got = stored(w, w->assembly);
	assert_string_equal(got, "定稿");
	free(got);
}

static void test_unlock_is_audited_then_edit_works(void **state)
{
	struct world *w = *state;
	struct minutes_result r;
	char target[64], *got;

	snprintf(target, sizeof target, "minutes:%lld", w->assembly);
	/* Nothing to unlock yet. */
	assert_int_equal(minutes_unlock(w->db, w->assembly, "补充"), OL_ESTATE);
	assert_int_equal(minutes_set(w->db, w->assembly, "定稿\n"), OL_OK);
	assert_int_equal(minutes_approve(w->db, w->assembly, D("2026-07-16")), OL_OK);
	/* A reason is required. */
	assert_int_equal(minutes_unlock(w->db, w->assembly, NULL), OL_EINVAL);
	assert_int_equal(minutes_unlock(w->db, w->assembly, " \t"), OL_EINVAL);
	assert_int_equal(minutes_unlock(w->db, w->assembly, "\xE3\x80\x80 "), OL_EINVAL); /* ideographic space */
	assert_int_equal(minutes_unlock(w->db, 999999, "补充"), OL_ENOTFOUND);
	assert_null(last_audit(w, target));
	assert_int_equal(approved_on(w, w->assembly), D("2026-07-16"));

	assert_int_equal(minutes_unlock(w->db, w->assembly, "补充\"王五\"的发言"), OL_OK);
	assert_int_equal(approved_on(w, w->assembly), -1);
	got = last_audit(w, target);
	assert_non_null(got);
	assert_string_equal(got, "unlock|{\"approved_on\":\"2026-07-16\"}|"
				 "{\"approved_on\":null,\"reason\":\"补充\\\"王五\\\"的发言\"}");
	free(got);

	editor_script(w, "ed", "echo 补充发言 >>\"$1\"");
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_OK);
	assert_int_equal(r.outcome, MINUTES_SAVED);
	minutes_result_clear(&r);
	got = stored(w, w->assembly);
	assert_string_equal(got, "定稿\n补充发言\n");
	free(got);
	/* Approved again, locked again. */
	assert_int_equal(minutes_approve(w->db, w->assembly, D("2026-07-17")), OL_OK);
	assert_int_equal(minutes_edit(w->db, w->assembly, &r), OL_ESTATE);
	minutes_result_clear(&r);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_template_of_an_assembly),
		T(test_template_differs_by_kind),
		T(test_existing_minutes_are_the_draft),
		T(test_editor_choice),
		T(test_edit_saves_what_the_editor_wrote),
		T(test_unchanged_text_writes_nothing),
		T(test_file_is_private_and_passed_as_one_argument),
		T(test_visual_before_editor),
		T(test_failing_editor_keeps_changed_text),
		T(test_unreadable_text_is_kept),
		T(test_approved_minutes_are_refused_before_the_editor),
		T(test_unlock_is_audited_then_edit_works),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
