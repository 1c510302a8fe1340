/*
 * cli-opt.c - parsing a command's options and turning values (dates,
 * numbers, names) into what the model takes, with one-line errors.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/cli.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/session.h>
#include <orglife/text.h>

static int find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	int i;

	for (i = 0; opts && opts[i].name; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return i;
	return -1;
}

int cli_parse(struct cli_ctx *ctx, const struct cli_opt *opts, int min_pos, int max_pos, int argc, char **argv,
	      struct cli_args *a)
{
	int i, only_pos = 0;

	memset(a, 0, sizeof *a);
	for (i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (!only_pos && strcmp(arg, "--") == 0) {
			only_pos = 1;
		} else if (!only_pos && arg[0] == '-' && arg[1] == '-') {
			const char *eq = strchr(arg, '=');
			size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
			int k = find_opt(opts, arg, len);
			if (k < 0) {
				/* The option's own name, without any =value, made harmless. */
				char *name = xstrdup(arg), *w;
				int rc;
				name[len] = '\0';
				w = text_sanitize(name, 0);
				rc = cli_usage(ctx, _("unknown option '%s'"), w);
				free(w);
				free(name);
				return rc;
			}
			if (opts[k].takes_value) {
				if (eq)
					a->val[k] = eq + 1;
				else if (i + 1 < argc)
					a->val[k] = argv[++i];
				else
					return cli_usage(ctx, _("%s needs a value"), opts[k].name);
			} else if (eq) {
				return cli_usage(ctx, _("%s takes no value"), opts[k].name);
			} else
				a->val[k] = "";
		} else {
			if (a->npos == max_pos || a->npos == CLI_MAX_POS) {
				char *w = text_sanitize(arg, 0);
				int rc = cli_usage(ctx, _("unexpected argument '%s'"), w);
				free(w);
				return rc;
			}
			a->pos[a->npos++] = arg;
		}
	}
	if (a->npos < min_pos)
		return cli_usage(ctx, _("missing argument"));
	return 0;
}

int cli_need(struct cli_ctx *ctx, const struct cli_opt *opts, const struct cli_args *a, unsigned mask)
{
	int i;

	for (i = 0; opts[i].name; i++)
		if ((mask & 1u << i) && !a->val[i])
			return cli_usage(ctx, _("%s is required"), opts[i].name);
	return 0;
}

int cli_bad_value(struct cli_ctx *ctx, const char *what, const char *value, const char *accepted)
{
	char *w = text_sanitize(value, 0);

	/* TRANSLATORS: an option or argument, the value given, what to give. */
	cli_error(ctx, _("%s '%s': %s"), what, w, accepted);
	free(w);
	return EXIT_ERROR;
}

int cli_date(struct cli_ctx *ctx, const char *opt, const char *s, long *day)
{
	const char *err;
	int minute;

	if (date_parse(s, ctx->today, 0, day, &minute, &err) == 0)
		return 0;
	return cli_bad_value(ctx, opt, s, _(err));
}

int cli_when(struct cli_ctx *ctx, const char *opt, const char *s, long *day, int *minute)
{
	const char *err;

	if (date_parse(s, ctx->today, DATE_ALLOW_TIME, day, minute, &err) == 0)
		return 0;
	return cli_bad_value(ctx, opt, s, _(err));
}

int cli_range(struct cli_ctx *ctx, const char *from_s, const char *to_s, long *from, long *to)
{
	char f[11], t[11];
	int rc;

	if ((from_s && (rc = cli_date(ctx, "--from", from_s, from))) || (to_s && (rc = cli_date(ctx, "--to", to_s, to))))
		return rc;
	if (*from < 0 || *to < 0 || *from <= *to)
		return 0;
	date_format(*from, f);
	date_format(*to, t);
	return cli_error(ctx, _("--from %s is after --to %s: give a --from on or before --to"), f, t);
}

int cli_int(struct cli_ctx *ctx, const char *opt, const char *s, int lo, int hi, int *out)
{
	char *end, range[128];
	long v = strtol(s, &end, 10);

	if (*s && *end == '\0' && v >= lo && v <= hi && s[0] != ' ') {
		*out = (int)v;
		return 0;
	}
	snprintf(range, sizeof range, _("give a whole number from %d to %d"), lo, hi);
	return cli_bad_value(ctx, opt, s, range);
}

int cli_org(struct cli_ctx *ctx, const char *s, long long *id)
{
	return org_resolve(ctx->db, s, id) == OL_OK ? 0 : cli_status(ctx, OL_EINVAL);
}

int cli_member(struct cli_ctx *ctx, const char *s, long long *id)
{
	return member_resolve(ctx->db, s, id) == OL_OK ? 0 : cli_status(ctx, OL_EINVAL);
}

int cli_session(struct cli_ctx *ctx, const char *s, long long *id)
{
	return session_resolve(ctx->db, s, id) == OL_OK ? 0 : cli_status(ctx, OL_EINVAL);
}

void cli_print_id(struct cli_ctx *ctx, long long id)
{
	fprintf(ctx->out, "%lld\n", id);
}

int cli_format(struct cli_ctx *ctx, const char *s, enum out_format *fmt)
{
	if (!s || strcmp(s, "text") == 0)
		*fmt = OUT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*fmt = OUT_CSV;
	else if (strcmp(s, "json") == 0)
		*fmt = OUT_JSON;
	else
		return cli_bad_value(ctx, "--format", s, _("give text, csv or json"));
	return 0;
}
