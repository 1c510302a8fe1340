/*
 * cli.h - the command line (PRODUCT.md §4): global options, the command
 * table, option parsing and the output formats shared by every command.
 *
 * A command is one entry of cli_commands[] and one run function in a
 * cmd-*.c file.  It prints results to ctx->out, errors through cli_error(),
 * and returns the exit status: 0 success, 1 an error (a bad value, a name
 * that matches nothing or several), 2 a usage error, 3 for `check` when it
 * reports an overdue finding.
 */
#ifndef ORGLIFE_CLI_H
#define ORGLIFE_CLI_H

#include <stdio.h>

struct db;
struct strbuf;

enum cli_exit { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_OVERDUE = 3 };

enum cli_cmd_flags {
	CMD_READS = 1,  /* opens an existing database */
	CMD_WRITES = 2, /* opens the database, creating it if missing */
};

struct cli_ctx;

struct cli_cmd {
	const char *name;    /* "member add" */
	const char *args;    /* "NAME --org BRANCH [--status full|probationary] ..." */
	const char *summary; /* N_() */
	unsigned flags;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
};

extern const struct cli_cmd cli_commands[];
extern const int cli_ncommands;

struct cli_ctx {
	const struct cli_cmd *cmd;
	const char *db_path;
	struct db *db; /* opened before run for CMD_READS / CMD_WRITES */
	FILE *out;
	FILE *err;
	long today;    /* the clock (ORGLIFE_NOW pins it) */
};

/* Runs the program's command line; returns the exit status. */
int cli_main(int argc, char **argv);
/* Runs argv (without the program name) against an open database: the same
 * commands for the TUI's `:` line and for tests.  db may be NULL for
 * commands that need none. */
int cli_run(struct db *db, const char *db_path, FILE *out, FILE *err, int argc, char **argv);

/* The rules in force (for check, review and the TUI): the built-in table,
 * then $XDG_CONFIG_HOME/orglife/rules (~/.config/orglife/rules), whose
 * wrong lines are reported on warn.  Returns the number reported. */
struct rules_config;
int cli_load_rules(struct rules_config *cfg, FILE *warn);

/* Prints "orglife: MESSAGE" on ctx->err; returns EXIT_ERROR. */
int cli_error(struct cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "orglife COMMAND: MESSAGE" and the command's usage; returns EXIT_USAGE. */
int cli_usage(struct cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The exit status for a model status, printing the database's message. */
int cli_status(struct cli_ctx *ctx, int status);
/* Prints the full --help text. */
void cli_help(FILE *f);

/* ---- options ---------------------------------------------------------- */

#define CLI_MAX_OPTS 16
#define CLI_MAX_POS 8

struct cli_opt {
	const char *name; /* "--org" */
	int takes_value;
};

struct cli_args {
	const char *val[CLI_MAX_OPTS]; /* value, or "" for a flag that is set; NULL when absent */
	char *pos[CLI_MAX_POS];
	int npos;
};

/*
 * Parses argv against opts (terminated by a NULL name) and between min_pos
 * and max_pos positional arguments.  Options may come anywhere, as
 * `--name value` or `--name=value`; `--` ends them.  Returns 0, or the
 * usage status after printing what is wrong.
 */
int cli_parse(struct cli_ctx *ctx, const struct cli_opt *opts, int min_pos, int max_pos, int argc, char **argv,
	      struct cli_args *a);

/* The options of mask (bit i: opts[i]) must be given: the usage error
 * "--org is required" for the first one missing, else 0. */
int cli_need(struct cli_ctx *ctx, const struct cli_opt *opts, const struct cli_args *a, unsigned mask);

/* Prints "WHAT 'VALUE': ACCEPTED" (the value made harmless) as the error
 * for a value that is not accepted; returns EXIT_ERROR. */
int cli_bad_value(struct cli_ctx *ctx, const char *what, const char *value, const char *accepted);

/* Value parsers: each prints a one-line error naming the option and what it
 * accepts, and returns EXIT_ERROR; 0 on success. */
int cli_date(struct cli_ctx *ctx, const char *opt, const char *s, long *day);
int cli_when(struct cli_ctx *ctx, const char *opt, const char *s, long *day, int *minute);
/* --from and --to (each NULL when not given, leaving *from or *to as the
 * caller's default; -1 is an open end): EXIT_ERROR for a date that cannot
 * be read or a --from after --to, else 0. */
int cli_range(struct cli_ctx *ctx, const char *from_s, const char *to_s, long *from, long *to);
int cli_int(struct cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out);
int cli_org(struct cli_ctx *ctx, const char *s, long long *id);
int cli_member(struct cli_ctx *ctx, const char *s, long long *id);
int cli_session(struct cli_ctx *ctx, const char *s, long long *id);
/* Prints a new id alone on a line. */
void cli_print_id(struct cli_ctx *ctx, long long id);

/* ---- output formats ----------------------------------------------------- */

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };
enum out_type { OUT_STR, OUT_INT, OUT_BOOL };

struct out_col {
	const char *key;   /* csv header and json key */
	const char *title; /* N_(): the text header */
	const char *ctx;   /* its msgctxt when the title is NC_(ctx, ...), or NULL */
	enum out_type type;
};

struct out;

/* The --format option's value (NULL: text); prints an error and returns
 * EXIT_ERROR for anything else. */
int cli_format(struct cli_ctx *ctx, const char *s, enum out_format *fmt);

/* A listing: columns in order, one value per column per row.  Text is an
 * aligned table fitted to the terminal; CSV has a UTF-8 BOM, a header of
 * keys and CRLF line ends; JSON is an array of objects. */
struct out *out_begin(enum out_format fmt, FILE *f, const struct out_col *cols, int ncols);
void out_row(struct out *o);
void out_str(struct out *o, const char *s);   /* NULL: null */
void out_int(struct out *o, long long v);
void out_id(struct out *o, long long id);     /* 0: null */
void out_day(struct out *o, long day);        /* < 0: null; text: date_display, else ISO */
void out_bool(struct out *o, int v);
void out_end(struct out *o);                  /* prints and frees */

/* The width of the terminal on f, or 0 when f is not a terminal. */
int out_terminal_width(FILE *f);

#endif
