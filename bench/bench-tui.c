/*
 * bench-tui.c - the terminal measurements of `make bench` (bench/run.sh):
 * the real orglife run under a pseudo-terminal (forkpty, 80x24,
 * TERM=xterm-256color, LC_ALL=C.UTF-8, ORGLIFE_NOW passed on), its output
 * read as a terminal receives it and timed with clock_gettime
 * (CLOCK_MONOTONIC).  Each prints the median, min and max of its runs.
 *
 *   bench-tui [--runs N] start LABEL=DB...
 *       N starts of `orglife --db DB` per database, the databases taken
 *       in turn (A B, B A, A B, ...) so that each sees the same machine.
 *       first frame: from just before forkpty to the read that brings
 *       the hint bar's last words, "q back": the bottom line, which
 *       curses sends last in the first frame of every screen.
 *       complete: the same, or when that first frame said "checking the
 *       rules" (the overview paints its tree first and the badges on its
 *       first idle turn), to the read that brings the first badge
 *       ("✓ ok", "! due", "✗ overdue").  peak: the program's peak
 *       resident memory then (VmHWM).  Then q, and the exit is waited
 *       for (not timed).
 *   bench-tui [--keys N] rollcall DB SESSION
 *       `orglife --db DB rollcall SESSION`: after the first frame and
 *       QUIET ms of silence, N times: write "1" (present: the mark is
 *       committed, the cursor moves to the next person) and time to the
 *       first byte of output that follows (the commit is done by then:
 *       the program marks, then draws), and to the last byte of that
 *       repaint (the last before QUIET ms of silence; the silence itself
 *       is not counted).  Writes to DB, so give it a copy, with at least
 *       N people expected at the session.
 *
 * The text watched for is the output with escape sequences and control
 * characters left out, as curses writes it (a frame after a clear writes
 * every character it shows).  Every wait has a deadline (--timeout, 30 s);
 * a program that does not quit after q is sent SIGTERM, then SIGKILL.
 * The program is ORGLIFE (--orglife PATH or $ORGLIFE).  Output is for the
 * script: one line "KEY VALUE UNIT DETAIL...".  A developer's tool: not
 * translated.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#if defined(__APPLE__) || defined(__OpenBSD__) || defined(__NetBSD__)
#include <util.h>
#elif defined(__FreeBSD__) || defined(__DragonFly__)
#include <libutil.h>
#else
#include <pty.h>
#endif

#define READY_MARK   "q back"
#define PENDING_MARK "checking the rules"
#define BADGE_MARKS  "✓ ok|! due|✗ overdue"

static const char *orglife;
static double timeout_ms = 30000;
static double quiet_ms = 200;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sorts v: the median, min and max are then at hand. */
static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the program on a pseudo-terminal ---------------------------------------- */

enum parse { P_TEXT, P_ESC, P_ESC_INTER, P_CSI, P_STRING, P_STRING_ESC };

struct term {
	pid_t pid;
	int fd;     /* the master side; -1 once closed */
	int eof;    /* the program closed the terminal */
	char *text; /* what it wrote, escapes and controls left out */
	size_t n, cap;
	enum parse state;
	size_t bytes;     /* raw bytes read */
	double last_read; /* when the latest bytes arrived */
	char what[512];   /* "orglife --db DB ...", for messages */
};

static struct term *current; /* killed by die() */

static void term_kill(struct term *t);

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("bench-tui: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (current) {
		struct term *t = current;
		current = NULL; /* once: killing it reads, which may fail too */
		term_kill(t);
	}
	exit(1);
}

static void add_text(struct term *t, char c)
{
	if (t->n + 1 >= t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8192;
		if (!(t->text = realloc(t->text, t->cap)))
			die("out of memory");
	}
	t->text[t->n++] = c;
	t->text[t->n] = '\0';
}

/* Feeds raw output through a small parser of ECMA-48 sequences (CSI,
 * ESC with intermediates, OSC/DCS strings), keeping printable text; a
 * control character becomes a space, so words on different lines do
 * not run together. */
static void feed(struct term *t, const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];
		switch (t->state) {
		case P_TEXT:
			if (c == 0x1b)
				t->state = P_ESC;
			else if (c < 0x20 || c == 0x7f)
				add_text(t, ' ');
			else
				add_text(t, (char)c);
			break;
		case P_ESC:
			if (c == '[')
				t->state = P_CSI;
			else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')
				t->state = P_STRING;
			else if (c >= 0x20 && c <= 0x2f)
				t->state = P_ESC_INTER;
			else
				t->state = P_TEXT;
			break;
		case P_ESC_INTER:
			if (c < 0x20 || c > 0x2f)
				t->state = P_TEXT;
			break;
		case P_CSI:
			if (c >= 0x40 && c <= 0x7e)
				t->state = P_TEXT;
			break;
		case P_STRING:
			if (c == 0x07)
				t->state = P_TEXT;
			else if (c == 0x1b)
				t->state = P_STRING_ESC;
			break;
		case P_STRING_ESC:
			t->state = c == '\\' ? P_TEXT : P_STRING;
			break;
		}
	}
}

static void term_start(struct term *t, char *const argv[])
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	size_t off = 0;

	memset(t, 0, sizeof *t);
	for (int i = 0; argv[i] && off < sizeof t->what; i++)
		off += (size_t)snprintf(t->what + off, sizeof t->what - off, "%s%s", i ? " " : "", argv[i]);
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0)
		die("forkpty: %s", strerror(errno));
	if (t->pid == 0) {
		/* What a user's terminal would say; nothing that overrides the
		 * size the terminal reports. */
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("NO_COLOR");
		unsetenv("ORGLIFE_DB");
		execv(argv[0], argv);
		fprintf(stderr, "bench-tui: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	current = t;
}

/* Reads what is there, waiting until the absolute time `until` at most:
 * 1 when something came, 0 at the deadline, -1 when the program closed
 * the terminal. */
static int term_read(struct term *t, double until)
{
	unsigned char buf[16384];
	struct pollfd pfd = { .fd = t->fd, .events = POLLIN };
	double left = until - now_ms();
	ssize_t got;
	int r;

	if (t->eof)
		return -1;
	r = poll(&pfd, 1, left > 0 ? (int)(left + 0.999) : 0);
	if (r < 0 && errno == EINTR)
		return 0;
	if (r < 0)
		die("poll: %s", strerror(errno));
	if (r == 0)
		return 0;
	got = read(t->fd, buf, sizeof buf);
	if (got < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (got <= 0) {
		/* EIO: every descriptor of the slave side is closed. */
		t->eof = 1;
		return -1;
	}
	t->last_read = now_ms();
	t->bytes += (size_t)got;
	feed(t, buf, (size_t)got);
	return 1;
}

/* The end of the first of the |-separated marks found in the text from
 * offset `from`, or 0. */
static size_t find_mark(const struct term *t, size_t from, const char *marks)
{
	const char *m = marks;

	if (!t->text || from > t->n)
		return 0;
	while (*m) {
		size_t len = strcspn(m, "|");
		char one[256];
		const char *hit;

		snprintf(one, sizeof one, "%.*s", (int)len, m);
		if (len && (hit = strstr(t->text + from, one)))
			return (size_t)(hit - t->text) + len;
		m += len + (m[len] == '|');
	}
	return 0;
}

/* The last lines of the text, for a message. */
static const char *tail(const struct term *t)
{
	static char buf[400];
	size_t start = t->n > 300 ? t->n - 300 : 0;
	char *o = buf;

	for (size_t i = start; i < t->n && o < buf + sizeof buf - 1; i++) {
		/* Runs of blanks are the screen's empty space. */
		if (t->text[i] == ' ' && o > buf && o[-1] == ' ')
			continue;
		*o++ = t->text[i];
	}
	*o = '\0';
	return t->n ? buf : "(nothing)";
}

/* Waits for one of marks in the text from `from`: the time its read came,
 * and the offset after it in *end. */
static double wait_mark(struct term *t, size_t from, const char *marks, size_t *end)
{
	double until = now_ms() + timeout_ms;
	size_t at;

	while (!(at = find_mark(t, from, marks))) {
		int r = term_read(t, until);
		if (r < 0)
			die("%s ended before it showed \"%s\"; it wrote: %s", t->what, marks, tail(t));
		if (r == 0 && now_ms() >= until)
			die("%s did not show \"%s\" within %.0f s; it wrote: %s", t->what, marks, timeout_ms / 1000,
			    tail(t));
	}
	if (end)
		*end = at;
	return t->last_read;
}

/* Reads until nothing has come for quiet_ms; 0 when it went quiet, -1 when
 * the program ended. */
static int wait_quiet(struct term *t)
{
	double until = now_ms() + timeout_ms;

	for (;;) {
		double quiet_until = (t->last_read > 0 ? t->last_read : now_ms()) + quiet_ms;
		int r;
		if (now_ms() >= quiet_until)
			return 0;
		if (now_ms() >= until)
			die("%s kept writing for %.0f s", t->what, timeout_ms / 1000);
		r = term_read(t, quiet_until < until ? quiet_until : until);
		if (r < 0)
			return -1;
	}
}

static int reap(struct term *t, double until, int *status)
{
	for (;;) {
		pid_t r = waitpid(t->pid, status, WNOHANG);
		if (r == t->pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return 1;
		if (now_ms() >= until)
			return 0;
		/* Drain, so the program never blocks on a full terminal. */
		if (term_read(t, now_ms() + 10) < 0)
			usleep(2000);
	}
}

static void term_close(struct term *t)
{
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	free(t->text);
	t->text = NULL;
	t->n = t->cap = 0;
	if (current == t)
		current = NULL;
}

static void term_kill(struct term *t)
{
	int status;

	if (t->pid > 0) {
		kill(t->pid, SIGTERM);
		if (!reap(t, now_ms() + 1000, &status)) {
			kill(t->pid, SIGKILL);
			waitpid(t->pid, &status, 0);
		}
		t->pid = 0;
	}
	term_close(t);
}

/* Sends keys; a terminal that takes no more input is a failure. */
static void term_write(struct term *t, const char *keys)
{
	size_t len = strlen(keys);

	while (len) {
		ssize_t w = write(t->fd, keys, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die("cannot write to %s: %s", t->what, strerror(errno));
		keys += w;
		len -= (size_t)w;
	}
}

/* q, then the exit: a program that stays is killed, and that is an error. */
static void term_quit(struct term *t)
{
	int status = 0;

	term_write(t, "q");
	if (!reap(t, now_ms() + timeout_ms, &status)) {
		pid_t pid = t->pid;
		term_kill(t);
		die("%s (pid %ld) did not quit within %.0f s of q: killed", t->what, (long)pid, timeout_ms / 1000);
	}
	t->pid = 0;
	if (WIFSIGNALED(status))
		die("%s was killed by signal %d", t->what, WTERMSIG(status));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		die("%s exited with status %d; it wrote: %s", t->what, WEXITSTATUS(status), tail(t));
	term_close(t);
}

/* ---- process start to the first frame ------------------------------------------------ */

struct target {
	const char *label, *path;
	double *first, *complete;
	double *peak; /* KiB: the program's VmHWM once the run is complete */
	int pending;  /* runs whose first frame said PENDING_MARK */
};

/* The peak resident memory of a running process in KiB (Linux: VmHWM in
 * /proc), or -1 when it cannot be read. */
static double peak_kib(pid_t pid)
{
	char path[64], line[256];
	double kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %lf kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

static void one_start(struct target *g, int run)
{
	char *argv[] = { (char *)orglife, (char *)"--db", (char *)g->path, NULL };
	struct term t;
	double t0 = now_ms(), first, done;
	size_t ready_end, pending;

	term_start(&t, argv);
	first = wait_mark(&t, 0, READY_MARK, &ready_end) - t0;
	done = first;
	pending = find_mark(&t, 0, PENDING_MARK);
	if (pending && pending <= ready_end) {
		done = wait_mark(&t, ready_end, BADGE_MARKS, NULL) - t0;
		if (run >= 0)
			g->pending++;
	}
	if (run >= 0)
		g->peak[run] = peak_kib(t.pid);
	term_quit(&t);
	if (run >= 0) {
		g->first[run] = first;
		g->complete[run] = done;
	}
}

/* "KEY MEDIAN ms min-MIN max-MAX N-UNIT DETAIL" */
static void print_times(const char *key, double *v, int n, const char *unit, const char *detail)
{
	double m = median(v, n);

	printf("%s %.3f ms min-%.3f max-%.3f %d-%s%s%s\n", key, m, v[0], v[n - 1], n, unit, *detail ? " " : "", detail);
}

static void bench_start(struct target *g, int ng, int runs)
{
	char key[128], detail[128];

	for (int i = 0; i < ng; i++) {
		g[i].first = calloc((size_t)runs, sizeof(double));
		g[i].complete = calloc((size_t)runs, sizeof(double));
		g[i].peak = calloc((size_t)runs, sizeof(double));
		if (!g[i].first || !g[i].complete || !g[i].peak)
			die("out of memory");
		one_start(&g[i], -1); /* warm-up: the file and the program in the OS cache */
	}
	for (int r = 0; r < runs; r++)
		for (int k = 0; k < ng; k++)
			one_start(&g[r % 2 ? ng - 1 - k : k], r);
	for (int i = 0; i < ng; i++) {
		snprintf(key, sizeof key, "first-frame-%s", g[i].label);
		print_times(key, g[i].first, runs, "runs", g[i].path);
		snprintf(key, sizeof key, "complete-%s", g[i].label);
		snprintf(detail, sizeof detail, "pending-in-%d-runs", g[i].pending);
		print_times(key, g[i].complete, runs, "runs", detail);
		/* median() sorts: the max is then the last */
		printf("peak-%s %.0f KiB max-%.0f %d-runs\n", g[i].label, median(g[i].peak, runs), g[i].peak[runs - 1],
		       runs);
		free(g[i].first);
		free(g[i].complete);
		free(g[i].peak);
	}
}

/* ---- a roll-call mark ---------------------------------------------------------------- */

static void bench_rollcall(const char *db, const char *session, int keys)
{
	char *argv[] = { (char *)orglife, (char *)"--db", (char *)db, (char *)"rollcall", (char *)session, NULL };
	double *first = calloc((size_t)keys, sizeof(double)), *whole = calloc((size_t)keys, sizeof(double));
	double *bytes = calloc((size_t)keys, sizeof(double));
	struct term t;
	double t0 = now_ms(), start;
	char detail[256];

	if (!first || !whole || !bytes)
		die("out of memory");
	term_start(&t, argv);
	start = wait_mark(&t, 0, READY_MARK, NULL) - t0;
	if (wait_quiet(&t) < 0)
		die("%s ended after its first frame; it wrote: %s", t.what, tail(&t));
	for (int i = 0; i < keys; i++) {
		size_t before = t.bytes;
		double sent, until;
		int r;

		sent = now_ms();
		term_write(&t, "1");
		until = sent + timeout_ms;
		while ((r = term_read(&t, until)) == 0 && now_ms() < until)
			;
		if (r < 0)
			die("%s ended after key %d; it wrote: %s", t.what, i + 1, tail(&t));
		if (r == 0)
			die("%s did not repaint within %.0f s of key %d", t.what, timeout_ms / 1000, i + 1);
		first[i] = t.last_read - sent;
		if (wait_quiet(&t) < 0)
			die("%s ended after key %d; it wrote: %s", t.what, i + 1, tail(&t));
		whole[i] = t.last_read - sent;
		bytes[i] = (double)(t.bytes - before);
	}
	term_quit(&t);
	printf("rollcall-first-frame %.3f ms session-%s\n", start, session);
	snprintf(detail, sizeof detail, "session-%s", session);
	print_times("key-first-byte", first, keys, "keys", detail);
	snprintf(detail, sizeof detail, "%.0f-bytes-median", median(bytes, keys));
	print_times("key-repaint", whole, keys, "keys", detail);
	free(first);
	free(whole);
	free(bytes);
}

/* ---- main ------------------------------------------------------------------------------ */

static void usage(void)
{
	fputs("usage: bench-tui [--orglife PATH] [--runs N] [--timeout S] start LABEL=DB...\n"
	      "       bench-tui [--orglife PATH] [--keys N] [--quiet MS] [--timeout S] rollcall DB SESSION\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int runs = 10, keys = 40, i;

	orglife = getenv("ORGLIFE");
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--orglife") == 0)
			orglife = argv[++i];
		else if (strcmp(argv[i], "--runs") == 0)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--keys") == 0)
			keys = atoi(argv[++i]);
		else if (strcmp(argv[i], "--quiet") == 0)
			quiet_ms = atof(argv[++i]);
		else if (strcmp(argv[i], "--timeout") == 0)
			timeout_ms = atof(argv[++i]) * 1000;
		else
			usage();
	}
	if (i >= argc || runs < 1 || keys < 1 || quiet_ms <= 0 || timeout_ms <= 0)
		usage();
	if (!orglife || !*orglife)
		die("which orglife? give --orglife PATH or set ORGLIFE");
	if (access(orglife, X_OK) != 0)
		die("%s: %s", orglife, strerror(errno));
	if (!getenv("ORGLIFE_NOW"))
		die("ORGLIFE_NOW is not set: pin the day the database was built for");
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(argv[i], "start") == 0) {
		int ng = argc - i - 1;
		struct target *g = calloc((size_t)(ng > 0 ? ng : 1), sizeof *g);

		if (ng < 1 || !g)
			usage();
		for (int k = 0; k < ng; k++) {
			char *eq = strchr(argv[i + 1 + k], '=');
			if (!eq || eq == argv[i + 1 + k] || !eq[1])
				die("%s: give LABEL=DB", argv[i + 1 + k]);
			*eq = '\0';
			g[k].label = argv[i + 1 + k];
			g[k].path = eq + 1;
			if (access(g[k].path, R_OK) != 0)
				die("%s: %s", g[k].path, strerror(errno));
		}
		bench_start(g, ng, runs);
		free(g);
	} else if (strcmp(argv[i], "rollcall") == 0 && argc - i == 3) {
		if (access(argv[i + 1], W_OK) != 0)
			die("%s: %s", argv[i + 1], strerror(errno));
		bench_rollcall(argv[i + 1], argv[i + 2], keys);
	} else {
		usage();
	}
	return 0;
}
