/*
 * minutes.c - the minutes in the user's editor (minutes.h): the template
 * per kind of session, the draft, the editor run through /bin/sh, and the
 * round trip through a temporary file that is kept when saving fails.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/minutes.h>
#include <orglife/rollcall.h>
#include <orglife/rules.h>
#include <orglife/session.h>
#include <orglife/text.h>

/* Larger than any record a secretary writes; a file beyond it is kept
 * rather than loaded. */
#define MINUTES_MAX_BYTES (8u << 20)

/* ---- the template -------------------------------------------------------------- */

/* The sections a kind of session leaves to fill in, in this order. */
enum section {
	SEC_PROCEEDINGS,
	SEC_DISCUSSED,
	SEC_DECIDED,
	SEC_LESSON,
	SEC_ACTIVITIES,
	SEC_CRITICISM,
	SEC_RECTIFY,
	SEC_APPRAISAL,
	SEC_APPRAISAL_RESULT,
	SEC_VOTED,
	SEC_RESOLUTIONS,
	SEC_COUNT
};

#define SEC(s) (1u << (s))

/* TRANSLATORS: sections of the minutes template (会议记录), each on a line
 * of its own with the text to write below it. */
static const char *const section_titles[SEC_COUNT] = {
	[SEC_PROCEEDINGS] = NC_("minutes template", "Proceedings"),
	[SEC_DISCUSSED] = NC_("minutes template", "Matters discussed"),
	[SEC_DECIDED] = NC_("minutes template", "Decisions"),
	[SEC_LESSON] = NC_("minutes template", "Main content"),
	[SEC_ACTIVITIES] = NC_("minutes template", "Activities"),
	[SEC_CRITICISM] = NC_("minutes template", "Criticism and self-criticism"),
	[SEC_RECTIFY] = NC_("minutes template", "Rectification measures"),
	[SEC_APPRAISAL] = NC_("minutes template", "The appraisal"),
	[SEC_APPRAISAL_RESULT] = NC_("minutes template", "Results of the appraisal"),
	[SEC_VOTED] = NC_("minutes template", "Matters put to the vote"),
	[SEC_RESOLUTIONS] = NC_("minutes template", "Resolutions"),
};

static const unsigned kind_sections[SK_COUNT] = {
	[SK_ASSEMBLY] = SEC(SEC_PROCEEDINGS) | SEC(SEC_VOTED) | SEC(SEC_RESOLUTIONS),
	[SK_COMMITTEE] = SEC(SEC_DISCUSSED) | SEC(SEC_DECIDED),
	[SK_GROUP] = SEC(SEC_PROCEEDINGS),
	[SK_LESSON] = SEC(SEC_LESSON),
	[SK_THEME_DAY] = SEC(SEC_ACTIVITIES),
	[SK_ORG_LIFE] = SEC(SEC_PROCEEDINGS) | SEC(SEC_CRITICISM) | SEC(SEC_RECTIFY),
	[SK_APPRAISAL] = SEC(SEC_APPRAISAL) | SEC(SEC_APPRAISAL_RESULT),
	[SK_OTHER] = SEC(SEC_PROCEEDINGS),
};

static unsigned sections_of(enum session_kind k)
{
	return (unsigned)k < SK_COUNT ? kind_sections[k] : 0;
}

static int is_kind(const struct session *s, enum session_kind k)
{
	return s->kind == k || s->also == k;
}

/*
 * The punctuation of the template is translated with it, so that Chinese
 * minutes read 地点：党员活动室 and 请假：1人（王五：出差）.  The pieces are
 * plain strings, never formats.
 */
static const char *sep(void)
{
	/* TRANSLATORS: between a heading of the minutes template and its value,
	 * and between a name and a reason (Chinese: "："). */
	return C_("minutes template", ": ");
}

/* "HEADING: value" on a line of its own (value may be NULL or empty). */
static void field(struct strbuf *b, const char *heading, const char *value)
{
	strbuf_adds(b, i18n_pgettext_expr("minutes template", heading));
	strbuf_adds(b, sep());
	if (value && *value)
		strbuf_adds(b, value);
	strbuf_addc(b, '\n');
}

/* Appends " (TEXT)". */
static void bracketed(struct strbuf *b, const char *text)
{
	/* TRANSLATORS: opens a remark in the minutes template (Chinese: "（"). */
	strbuf_adds(b, C_("minutes template", " ("));
	strbuf_adds(b, text);
	/* TRANSLATORS: closes a remark in the minutes template (Chinese: "）"). */
	strbuf_adds(b, C_("minutes template", ")"));
}

/* The expected people of the sheet marked st, each "name" or, with
 * with_reason, "name: reason", joined by the list separator. */
static void names_with(struct strbuf *b, const struct rollcall *rc, enum attend_status st, int with_reason)
{
	int n = 0;

	for (int i = 0; rc && i < rc->npeople; i++) {
		const struct rollcall_person *p = &rc->people[i];
		if (p->kind != ATTENDEE_EXPECTED || p->status != st)
			continue;
		if (n++)
			/* TRANSLATORS: between names in the minutes template (Chinese: "、"). */
			strbuf_adds(b, C_("minutes template", ", "));
		strbuf_adds(b, p->name);
		if (with_reason && p->reason && *p->reason) {
			strbuf_adds(b, sep());
			strbuf_adds(b, p->reason);
		}
	}
}

static void people(struct strbuf *b, int n)
{
	/* TRANSLATORS: a count in the minutes template (Chinese: "%d人"). */
	strbuf_addf(b, ngettext("%d person", "%d people", (unsigned long)n), n);
}

/* "N people", then who, with their reasons, in brackets. */
static void count_line(struct strbuf *b, const char *heading, int count, const struct rollcall *rc,
		       enum attend_status st)
{
	struct strbuf names = { 0 }, value = { 0 };

	people(&value, count);
	names_with(&names, rc, st, 1);
	if (names.len)
		bracketed(&value, names.s);
	field(b, heading, value.s);
	strbuf_free(&names);
	strbuf_free(&value);
}

/* The number attending, naming only the latecomers (the present are the
 * rest), and how many are still unmarked. */
static void attending_line(struct strbuf *b, const struct rollcall_counts *c, const struct rollcall *rc)
{
	struct strbuf late = { 0 }, v = { 0 }, note = { 0 };

	people(&v, c->attending);
	names_with(&note, rc, ATTEND_LATE, 1);
	if (note.len) {
		/* TRANSLATORS: before the names of latecomers in the minutes template. */
		strbuf_adds(&late, C_("minutes template", "late"));
		strbuf_adds(&late, sep());
		strbuf_adds(&late, note.s);
		bracketed(&v, late.s);
	}
	if (c->unmarked) {
		strbuf_reset(&note);
		/* TRANSLATORS: after the number attending in the minutes template,
		 * when the roll-call is not finished. */
		strbuf_addf(&note, ngettext("%d not marked yet", "%d not marked yet", (unsigned long)c->unmarked),
			    c->unmarked);
		bracketed(&v, note.s);
	}
	field(b, NC_("minutes template", "Attending"), v.s);
	strbuf_free(&late);
	strbuf_free(&note);
	strbuf_free(&v);
}

char *minutes_template(const struct session *s, const struct rollcall *rc)
{
	struct strbuf b = { 0 }, v = { 0 };
	struct rollcall_counts c;
	char day[DATE_DISPLAY_MAX], tm[6];
	unsigned sections;

	memset(&c, 0, sizeof c);
	if (rc)
		rollcall_count(rc, &c);
	strbuf_addf(&v, "%s %s", s->org_name ? s->org_name : "", session_kind_label(s->kind));
	if (s->also != SK_NONE)
		strbuf_addf(&v, _(" (also %s)"), session_kind_label(s->also));
	/* TRANSLATORS: the headings of the minutes template (会议名称, 时间, ...). */
	field(&b, NC_("minutes template", "Meeting"), v.s);
	strbuf_reset(&v);
	date_display(s->day, day);
	strbuf_adds(&v, day);
	if (s->minute >= 0) {
		date_format_time(s->minute, tm);
		strbuf_addf(&v, " %s", tm);
	}
	field(&b, NC_("minutes template", "Time"), v.s);
	field(&b, NC_("minutes template", "Place"), s->place);
	field(&b, NC_("minutes template", "Host"), s->host_name);
	field(&b, NC_("minutes template", "Recorder"), s->recorder_name);
	if (is_kind(s, SK_LESSON))
		field(&b, NC_("minutes template", "Lecturer"), s->lecturer_name);
	field(&b, NC_("minutes template", "Topic"), s->topic);
	strbuf_reset(&v);
	people(&v, c.expected);
	field(&b, NC_("minutes template", "Expected"), v.s);
	attending_line(&b, &c, rc);
	count_line(&b, NC_("minutes template", "Excused"), c.excused, rc, ATTEND_EXCUSED);
	count_line(&b, NC_("minutes template", "Absent"), c.absent, rc, ATTEND_ABSENT);

	sections = sections_of(s->kind) | sections_of(s->also);
	for (int i = 0; i < SEC_COUNT; i++) {
		if (!(sections & SEC(i)))
			continue;
		strbuf_addc(&b, '\n');
		strbuf_adds(&b, i18n_pgettext_expr("minutes template", section_titles[i]));
		/* TRANSLATORS: ends a section heading of the minutes template, the
		 * text to be written below it (Chinese: "："). */
		strbuf_adds(&b, C_("minutes template", ":"));
		strbuf_adds(&b, "\n\n");
	}
	strbuf_free(&v);
	return strbuf_detach(&b);
}

int minutes_draft(struct db *db, long long session_id, char **text)
{
	struct session s;
	struct rollcall rc;
	struct rules_config cfg;
	struct strbuf b = { 0 };
	int st;

	*text = NULL;
	if ((st = session_get(db, session_id, &s)) != OL_OK)
		return st;
	if (s.minutes && *s.minutes) {
		strbuf_adds(&b, s.minutes);
		if (b.s[b.len - 1] != '\n')
			strbuf_addc(&b, '\n');
		*text = strbuf_detach(&b);
	} else {
		rules_defaults(&cfg);
		if ((st = rollcall_load(db, session_id, &cfg, &rc)) == OL_OK) {
			*text = minutes_template(&s, &rc);
			rollcall_free(&rc);
		}
	}
	session_clear(&s);
	return st;
}

/* ---- the editor ---------------------------------------------------------------- */

const char *minutes_editor(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	if (!e || !*e)
		e = "vi";
	return e;
}

static char *msgf(const char *fmt, ...) ORGLIFE_PRINTF(1, 2);
static char *msgf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	s[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	return s;
}

int minutes_run_editor(const char *path, char **errmsg)
{
	const char *editor = minutes_editor();
	struct sigaction ign, old_int, old_quit;
	struct strbuf cmd = { 0 };
	pid_t pid;
	int status = 0, err = 0;

	*errmsg = NULL;
	/* The editor is a shell command; the path is its argument "$1". */
	strbuf_addf(&cmd, "%s \"$1\"", editor);
	fflush(NULL);
	/* As system(3) does: the editor gets ^C and ^\, not us. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd.s, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		err = errno;
	else
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				err = errno;
				break;
			}
		}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	strbuf_free(&cmd);
	if (err)
		*errmsg = msgf(_("cannot start the editor '%s': %s"), editor, strerror(err));
	else if (WIFSIGNALED(status))
		*errmsg = msgf(_("the editor '%s' was stopped by signal %d"), editor, WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		*errmsg = msgf(_("the editor '%s' was not found: set VISUAL or EDITOR to one that is installed"),
			       editor);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		*errmsg = msgf(_("the editor '%s' failed (exit status %d)"), editor,
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return *errmsg ? -1 : 0;
}

/* ---- the round trip ------------------------------------------------------------- */

void minutes_result_clear(struct minutes_result *r)
{
	free(r->message);
	free(r->kept);
	memset(r, 0, sizeof *r);
}

/* A new private file holding text; its path in *path.  0, or errno. */
static int write_temp(long long session_id, const char *text, char **path)
{
	const char *dir = getenv("TMPDIR");
	struct strbuf p = { 0 };
	size_t len = strlen(text), off = 0;
	int fd, err = 0;

	if (!dir || dir[0] != '/')
		dir = "/tmp";
	strbuf_addf(&p, "%s%sorglife-minutes-%lld-XXXXXX", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", session_id);
	if ((fd = mkstemp(p.s)) < 0) {
		err = errno;
		strbuf_free(&p);
		return err;
	}
	if (fchmod(fd, 0600) != 0)
		err = errno;
	while (!err && off < len) {
		ssize_t n = write(fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			err = n < 0 ? errno : EIO;
		else
			off += (size_t)n;
	}
	if (close(fd) != 0 && !err)
		err = errno;
	if (err) {
		unlink(p.s);
		strbuf_free(&p);
		return err;
	}
	*path = strbuf_detach(&p);
	return 0;
}

/* Reads the file the editor wrote (by its name: editors often replace the
 * file rather than write into it).  0 with *text, or errno (EFBIG when it
 * is too large, EILSEQ when it holds a NUL byte). */
static int read_back(const char *path, char **text)
{
	struct strbuf b = { 0 };
	int err = text_read_file(path, MINUTES_MAX_BYTES, &b);

	*text = NULL;
	if (!err && b.len && memchr(b.s, '\0', b.len))
		err = EILSEQ;
	if (err) {
		strbuf_free(&b);
		return err;
	}
	*text = strbuf_detach(&b);
	return 0;
}

static const char *read_error(int err)
{
	if (err == EFBIG)
		return _("the file is too large");
	if (err == EILSEQ)
		return _("the file holds a NUL byte");
	return strerror(err);
}

static int failed(struct minutes_result *r, int status, char *message)
{
	r->outcome = MINUTES_FAILED;
	r->message = message;
	return status;
}

/* Saving failed after the text changed: keep the file, say where first
 * (a status line may cut what follows). */
static int failed_keep(struct minutes_result *r, int status, const char *why, char *path)
{
	r->kept = path;
	return failed(r, status, msgf(_("minutes not saved: your text is kept in %s (%s)"), path, why));
}

int minutes_edit(struct db *db, long long session_id, struct minutes_result *r)
{
	char *draft = NULL, *text = NULL, *path = NULL, *why = NULL;
	int st, err;

	memset(r, 0, sizeof *r);
	if ((st = minutes_editable(db, session_id)) != OL_OK || (st = minutes_draft(db, session_id, &draft)) != OL_OK)
		return failed(r, st, xstrdup(db_errmsg(db)));
	if ((err = write_temp(session_id, draft, &path)) != 0) {
		free(draft);
		return failed(r, OL_EDB, msgf(_("cannot write a temporary file for the editor: %s"), strerror(err)));
	}
	if (minutes_run_editor(path, &why) != 0) {
		/* Whatever the editor left may be the only copy of the text. */
		err = read_back(path, &text);
		if (err == 0 && strcmp(text, draft) != 0)
			st = failed_keep(r, OL_EINVAL, why, path);
		else {
			unlink(path);
			free(path);
			st = failed(r, OL_EINVAL, msgf(_("%s; nothing was changed"), why));
		}
	} else if ((err = read_back(path, &text)) != 0) {
		st = failed_keep(r, OL_EINVAL, read_error(err), path);
	} else if (strcmp(text, draft) == 0) {
		unlink(path);
		free(path);
		r->outcome = MINUTES_UNCHANGED;
		st = OL_OK;
	} else if ((st = minutes_set(db, session_id, text)) != OL_OK) {
		st = failed_keep(r, st, db_errmsg(db), path);
	} else {
		unlink(path);
		free(path);
		r->outcome = MINUTES_SAVED;
	}
	free(why);
	free(text);
	free(draft);
	return st;
}
