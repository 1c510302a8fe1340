/*
 * cli.c - the program's command line: global options, finding the
 * database, dispatching to the command table, --help and --version.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <orglife/cli.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/text.h>
#include <orglife/tui.h>
#include "cmd.h"

int cli_error(struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fputs("orglife: ", ctx->err);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
	return EXIT_ERROR;
}

int cli_usage(struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(ctx->err, "orglife %s: ", ctx->cmd ? ctx->cmd->name : "");
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
	if (ctx->cmd)
		fprintf(ctx->err, _("usage: orglife %s %s\n"), ctx->cmd->name, ctx->cmd->args);
	return EXIT_USAGE;
}

int cli_status(struct cli_ctx *ctx, int status)
{
	if (status == 0)
		return EXIT_OK;
	return cli_error(ctx, "%s", db_errmsg(ctx->db));
}

void cli_help(FILE *f)
{
	int i;

	fputs(_("Usage: orglife [--db FILE] [COMMAND ...]\n"
		"       orglife --help | --version\n"
		"\n"
		"Plan and record a Party branch's organizational life: the three meetings\n"
		"and one lesson, attendance, minutes, elections and dues.\n"
		"\n"
		"Commands:\n"), f);
	for (i = 0; i < cli_ncommands; i++)
		fprintf(f, "  orglife %s %s\n      %s\n", cli_commands[i].name, cli_commands[i].args,
			_(cli_commands[i].summary));
	fputs(_("\n"
		"Options:\n"
		"  --db FILE     the database (default: $ORGLIFE_DB, else\n"
		"                $XDG_DATA_HOME/orglife/orglife.db)\n"
		"  --help        show this help\n"
		"  --version     show the version\n"
		"\n"
		"ORG, MEMBER and SESSION are an id or a name unique in the database.\n"
		"DATE: 2026-07-15, today, tomorrow, +3d, tue, next tue, 周二, 下周二, 今天, 明天, 后天;\n"
		"WHEN is a DATE with an optional time (周二 14:30).  ORGLIFE_NOW pins today;\n"
		"ORGLIFE_SITE (1-999) sets the site number, the last three digits of the ids,\n"
		"of a database created from now on.\n"
		"Exit status: 0 success, 1 error, 2 usage error, 3 check found something overdue.\n"
		"See orglife(1) for everything.\n"), f);
}

/* Finds the command named by the leading words of argv; *used is how many. */
static const struct cli_cmd *find_command(int argc, char **argv, int *used, int *group_known)
{
	const struct cli_cmd *best = NULL;
	int i;

	*used = 0;
	*group_known = 0;
	for (i = 0; i < cli_ncommands; i++) {
		const char *name = cli_commands[i].name;
		const char *sp = strchr(name, ' ');
		size_t first = sp ? (size_t)(sp - name) : strlen(name);

		if (strlen(argv[0]) != first || strncmp(argv[0], name, first) != 0)
			continue;
		*group_known = 1;
		if (!sp) {
			if (!best) {
				best = &cli_commands[i];
				*used = 1;
			}
		} else if (argc > 1 && strcmp(argv[1], sp + 1) == 0) {
			best = &cli_commands[i];
			*used = 2;
		}
	}
	return best;
}

int cli_run(struct db *db, const char *db_path, FILE *out, FILE *err, int argc, char **argv)
{
	struct cli_ctx ctx = { .db = db, .db_path = db_path, .out = out, .err = err, .today = date_today() };
	int used, group;

	if (argc < 1) {
		cli_help(err);
		return EXIT_USAGE;
	}
	ctx.cmd = find_command(argc, argv, &used, &group);
	if (!ctx.cmd) {
		char *w = text_sanitize(argv[0], 0);
		if (group && argc > 1) {
			char *w2 = text_sanitize(argv[1], 0);
			fprintf(err, _("orglife: unknown command '%s %s': see 'orglife --help'\n"), w, w2);
			free(w2);
		} else if (group)
			fprintf(err, _("orglife: '%s' needs a subcommand: see 'orglife --help'\n"), w);
		else
			fprintf(err, _("orglife: unknown command '%s': see 'orglife --help'\n"), w);
		free(w);
		return EXIT_USAGE;
	}
	return ctx.cmd->run(&ctx, argc - used, argv + used);
}

/* mkdir -p for the default location; the last directory is private. */
static int make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/* The default database: $XDG_DATA_HOME/orglife/orglife.db. */
static char *default_db_path(int create_dir)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct strbuf b = { 0 };

	if (xdg && *xdg == '/')
		strbuf_addf(&b, "%s/orglife/orglife.db", xdg);
	else if (home && *home)
		strbuf_addf(&b, "%s/.local/share/orglife/orglife.db", home);
	else
		return NULL;
	if (create_dir && make_dirs(b.s) != 0) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_detach(&b);
}

/* No command on a terminal: the screens, on the database (created if
 * missing, so that a first run is greeted with what to do first). */
static int run_tui(const char *db_arg)
{
	char *path = db_arg ? xstrdup(db_arg) : default_db_path(1);
	char *msg = NULL;
	struct db *db;
	int rc;

	if (!path) {
		fputs(_("orglife: cannot tell where the database lives: set HOME, XDG_DATA_HOME or use --db FILE\n"),
		      stderr);
		return EXIT_ERROR;
	}
	if (db_open(path, DB_OPEN_CREATE, &db, &msg) != 0) {
		fprintf(stderr, "orglife: %s\n", msg);
		free(msg);
		free(path);
		return EXIT_ERROR;
	}
	rc = tui_run(db, path, 0);
	db_close(db);
	free(path);
	return rc;
}

/* No command, not on a terminal (a pipe, a script): print the overview. */
static int run_overview(const char *db_arg)
{
	struct cli_ctx ctx = { .out = stdout, .err = stderr, .today = date_today() };
	char *path = db_arg ? xstrdup(db_arg) : default_db_path(0);
	char *msg = NULL;
	int rc;

	if (!path) {
		fputs(_("orglife: cannot tell where the database lives: set HOME, XDG_DATA_HOME or use --db FILE\n"),
		      stderr);
		return EXIT_ERROR;
	}
	if (access(path, F_OK) != 0) {
		char *shown = text_sanitize(path, 0);
		printf(_("There is no database at %s yet.\n"
			 "Start with a demo:        orglife --db demo.db demo\n"
			 "or with your own branch:  orglife org add NAME --kind branch\n"), shown);
		free(shown);
		free(path);
		return EXIT_OK;
	}
	rc = db_open(path, 0, &ctx.db, &msg);
	if (rc != 0) {
		fprintf(stderr, "orglife: %s\n", msg);
		free(msg);
		free(path);
		return EXIT_ERROR;
	}
	ctx.db_path = path;
	rc = cmd_overview(&ctx, 0, NULL);
	db_close(ctx.db);
	free(path);
	return rc;
}

/* A command that failed leaves no database it created behind. */
static void remove_database(const char *path)
{
	static const char *const suffixes[] = { "-wal", "-shm", "" };
	struct strbuf b = { 0 };
	size_t k;

	for (k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
		strbuf_reset(&b);
		strbuf_addf(&b, "%s%s", path, suffixes[k]);
		unlink(b.s);
	}
	strbuf_free(&b);
}

/* ORGLIFE_NOW pins the clock; ORGLIFE_SITE chooses a new database's site. */
static int read_environment(void)
{
	const char *err = NULL;
	const char *site = getenv("ORGLIFE_SITE");

	if (date_clock_init_from_env(&err) != 0) {
		fprintf(stderr, _("orglife: ORGLIFE_NOW: %s\n"), _(err));
		return EXIT_ERROR;
	}
	if (site) {
		char *end;
		long n = strtol(site, &end, 10);
		if (!*site || *end || n < 1 || n > 999) {
			char *w = text_sanitize(site, 0);
			fprintf(stderr, _("orglife: ORGLIFE_SITE '%s': give a whole number from 1 to 999\n"), w);
			free(w);
			return EXIT_ERROR;
		}
		db_choose_site((int)n);
	}
	return EXIT_OK;
}

int cli_main(int argc, char **argv)
{
	/* An empty ORGLIFE_DB is as good as unset. */
	const char *db_arg = getenv("ORGLIFE_DB") && *getenv("ORGLIFE_DB") ? getenv("ORGLIFE_DB") : NULL;
	char *path = NULL, *msg = NULL;
	struct db *db = NULL;
	const struct cli_cmd *cmd;
	int i = 1, used, group, rc, created = 0;

	for (; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_help(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("orglife %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--db") == 0) {
			if (++i == argc) {
				fputs(_("orglife: --db needs a FILE: see 'orglife --help'\n"), stderr);
				return EXIT_USAGE;
			}
			db_arg = argv[i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db_arg = argv[i] + 5;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			char *w = text_sanitize(argv[i], 0);
			fprintf(stderr, _("orglife: unknown option '%s': see 'orglife --help'\n"), w);
			free(w);
			return EXIT_USAGE;
		} else
			break;
	}
	if ((rc = read_environment()) != EXIT_OK)
		return rc;
	if (db_arg && !*db_arg) {
		fputs(_("orglife: --db needs a FILE: see 'orglife --help'\n"), stderr);
		return EXIT_USAGE;
	}
	if (i == argc)
		return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? run_tui(db_arg) : run_overview(db_arg);
	cmd = find_command(argc - i, argv + i, &used, &group);
	if (cmd && (cmd->flags & (CMD_READS | CMD_WRITES))) {
		path = db_arg ? xstrdup(db_arg) : default_db_path((cmd->flags & CMD_WRITES) != 0);
		if (!path) {
			fputs(_("orglife: cannot tell where the database lives: set HOME, XDG_DATA_HOME or use --db FILE\n"),
			      stderr);
			return EXIT_ERROR;
		}
		created = access(path, F_OK) != 0;
		rc = db_open(path, (cmd->flags & CMD_WRITES) ? DB_OPEN_CREATE : 0, &db, &msg);
		if (rc != 0) {
			fprintf(stderr, "orglife: %s\n", msg);
			free(msg);
			free(path);
			return EXIT_ERROR;
		}
	}
	rc = cli_run(db, path, stdout, stderr, argc - i, argv + i);
	db_close(db);
	if (created && rc != EXIT_OK)
		remove_database(path);
	free(path);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		fprintf(stderr, _("orglife: cannot write the output: %s\n"), strerror(errno));
		rc = EXIT_ERROR;
	}
	return rc;
}
