/*
 * rules.c - the obligations engine (rules.h): the rule table, local values
 * from the rules file, and the evaluation of facts into findings.
 *
 * Each rule's logic carries its id.  The evaluation is pure: it reads the
 * facts (facts.h) and the query, and touches nothing else.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/rules.h>
#include <orglife/text.h>

#define P(k, v, l, h, w) { .key = (k), .value = (v), .lo = (l), .hi = (h), .what = (w) }
#define ENABLED P("enabled", 1, 0, 1, N_("1 to apply the rule, 0 to leave it out"))

static const struct rule builtin[R_COUNT] = {
	[R_ASSEMBLY_Q] = { .id = "R-ASSEMBLY-Q", .scope = RULE_PER_QUARTER,
		.summary = N_("a general assembly is held each quarter"),
		.source = "《中国共产党支部工作条例（试行）》2018, art. 11",
		.params = { P("min", 1, 1, 12, N_("sessions per quarter")),
			    P("window", 1, 0, 3, N_("months before the quarter's end when it becomes due")) } },
	[R_COMMITTEE_M] = { .id = "R-COMMITTEE-M", .scope = RULE_PER_MONTH,
		.summary = N_("a committee meeting each month (branches that have a committee)"),
		.source = "条例 art. 12",
		.params = { P("min", 1, 1, 10, N_("sessions per month")),
			    P("window", 10, 0, 28, N_("days before the month's end when it becomes due")) } },
	[R_GROUP_M] = { .id = "R-GROUP-M", .scope = RULE_PER_MONTH,
		.summary = N_("each party group meets each month"),
		.source = "条例 art. 13",
		.params = { P("min", 1, 1, 10, N_("sessions per month")),
			    P("window", 10, 0, 28, N_("days before the month's end when it becomes due")) } },
	[R_LESSON] = { .id = "R-LESSON", .scope = RULE_PER_QUARTER, .local = 1,
		.summary = N_("a party lesson each quarter"),
		.source = "local practice; nationally 条例 art. 16: 党委（党组）书记每年至少讲1次党课",
		.params = { P("min", 1, 1, 12, N_("lessons per quarter")),
			    P("window", 1, 0, 3, N_("months before the quarter's end when it becomes due")), ENABLED } },
	[R_SECRETARY_LESSON] = { .id = "R-SECRETARY-LESSON", .scope = RULE_PER_YEAR, .local = 1,
		.summary = N_("the branch secretary gives a party lesson each year"),
		.source = "local practice",
		.params = { P("min", 1, 1, 12, N_("lessons per year")),
			    P("window", 3, 0, 12, N_("months before the year's end when it becomes due")), ENABLED } },
	[R_THEME_DAY_M] = { .id = "R-THEME-DAY-M", .scope = RULE_PER_MONTH,
		.summary = N_("a theme party day each month"),
		.source = "条例 art. 16",
		.params = { P("min", 1, 1, 10, N_("sessions per month")),
			    P("window", 10, 0, 28, N_("days before the month's end when it becomes due")) } },
	[R_ORGLIFE_Y] = { .id = "R-ORGLIFE-Y", .scope = RULE_PER_YEAR,
		.summary = N_("an organizational-life meeting each year, normally in the fourth quarter"),
		.source = "条例 art. 17",
		.params = { P("min", 1, 1, 4, N_("sessions per year")),
			    P("window", 3, 0, 12, N_("months before the year's end when it becomes due")) } },
	[R_APPRAISAL_Y] = { .id = "R-APPRAISAL-Y", .scope = RULE_PER_YEAR,
		.summary = N_("a democratic appraisal of members each year"),
		.source = "条例 art. 19",
		.params = { P("min", 1, 1, 4, N_("sessions per year")),
			    P("window", 3, 0, 12, N_("months before the year's end when it becomes due")) } },
	[R_QUORUM_ASSEMBLY] = { .id = "R-QUORUM-ASSEMBLY", .scope = RULE_PER_SESSION,
		.summary = N_("an assembly needs more than half of the voting members present"),
		.source = "条例",
		.params = { P("percent", 50, 1, 99, N_("share of voting members that must be exceeded, in percent")) } },
	[R_QUORUM_ELECTION] = { .id = "R-QUORUM-ELECTION", .scope = RULE_PER_SESSION,
		.summary = N_("an election needs more than four fifths of the voting members present"),
		.source = "《基层组织选举工作条例》2020",
		.params = { P("percent", 80, 1, 99, N_("share of voting members that must be exceeded, in percent")) } },
	[R_QUORUM_COMMITTEE] = { .id = "R-QUORUM-COMMITTEE", .scope = RULE_PER_SESSION,
		.summary = N_("a committee meeting needs more than half of its members"),
		.source = "条例 art. 12",
		.params = { P("percent", 50, 1, 99, N_("share of committee members that must be exceeded, in percent")) } },
	[R_TERM] = { .id = "R-TERM", .scope = RULE_STATE,
		.summary = N_("the elected leadership's term ends: a new election is due"),
		.source = "2021 central adjustment",
		.params = { P("years", 3, 1, 10, N_("term in years when the organization sets none")),
			    P("window", 6, 0, 24, N_("months before the term's end when the election becomes due")) } },
	[R_TERM_EXTEND] = { .id = "R-TERM-EXTEND", .scope = RULE_STATE,
		.summary = N_("an approved extension of a term may not exceed one year"),
		.source = "《基层组织选举工作条例》2020 art. 3",
		.params = { P("months", 12, 1, 60, N_("longest extension, in months")) } },
	[R_SIZE_MIN] = { .id = "R-SIZE-MIN", .scope = RULE_STATE,
		.summary = N_("a branch has at least three full members"),
		.source = "条例 art. 4; seed checklist",
		.params = { P("min", 3, 1, 50, N_("fewest full members")) } },
	[R_SIZE_MAX] = { .id = "R-SIZE-MAX", .scope = RULE_STATE,
		.summary = N_("a branch normally has no more than fifty members"),
		.source = "条例 art. 4",
		.params = { P("max", 50, 3, 1000, N_("most members")) } },
	[R_COMMITTEE_REQ] = { .id = "R-COMMITTEE-REQ", .scope = RULE_STATE,
		.summary = N_("a branch of seven or more full members has a committee of three to seven"),
		.source = "条例",
		.params = { P("members", 7, 3, 100, N_("full members from which a committee is required")),
			    P("min", 3, 1, 20, N_("fewest committee members")),
			    P("max", 7, 1, 20, N_("most committee members")) } },
	[R_SECRETARY] = { .id = "R-SECRETARY", .scope = RULE_STATE,
		.summary = N_("the branch secretary post is filled"),
		.source = "条例 art. 21; seed checklist" },
	[R_DUES_6] = { .id = "R-DUES-6", .scope = RULE_STATE,
		.summary = N_("no dues for six consecutive months"),
		.source = "党章 art. 9; 2008 党费 rules",
		.params = { P("due", 3, 1, 24, N_("unpaid months from which it is due")),
			    P("overdue", 6, 1, 24, N_("unpaid months from which it is overdue")) } },
	[R_ABSENT_6] = { .id = "R-ABSENT-6", .scope = RULE_STATE,
		.summary = N_("no organizational life for six consecutive months"),
		.source = "党章 art. 9",
		.params = { P("due", 3, 1, 12, N_("months without organizational life from which it is due")),
			    P("overdue", 6, 1, 12, N_("months without organizational life from which it is overdue")) } },
	[R_CADRE] = { .id = "R-CADRE", .scope = RULE_PER_QUARTER,
		.summary = N_("a leading cadre takes part in their branch's organizational life each quarter"),
		.source = "条例 art. 20 (frequency: local practice); seed checklist",
		.params = { P("min", 1, 1, 12, N_("sessions attended per quarter")),
			    P("window", 1, 0, 3, N_("months before the quarter's end when it becomes due")) } },
	[R_TRANSFER] = { .id = "R-TRANSFER", .scope = RULE_STATE,
		.summary = N_("a member away for six months or more moves their membership"),
		.source = "2019 党员教育管理工作条例; 中组发〔2004〕10号",
		.params = { P("months", 6, 1, 24, N_("months away after which the membership should move")) } },
	[R_MOBILE_CERT] = { .id = "R-MOBILE-CERT", .scope = RULE_STATE,
		.summary = N_("a member who flowed out holds a valid 流动党员活动证"),
		.source = "seed checklist",
		.params = { P("window", 1, 0, 12, N_("months before expiry when renewal becomes due")) } },
	[R_LOST] = { .id = "R-LOST", .scope = RULE_STATE,
		.summary = N_("contact lost for six months: the 停止党籍 procedure is due"),
		.source = "2019 党员教育管理工作条例",
		.params = { P("due", 3, 1, 24, N_("months out of contact from which it is due")),
			    P("months", 6, 1, 24, N_("months out of contact after which it is overdue")) } },
	[R_PROBATION] = { .id = "R-PROBATION", .scope = RULE_STATE,
		.summary = N_("probation ends a year after admission: confirmation is due"),
		.source = "党章 art. 7",
		.params = { P("window", 1, 0, 6, N_("months before the end of probation when it becomes due")) } },
	[R_APPRAISAL_REDO] = { .id = "R-APPRAISAL-REDO", .scope = RULE_STATE, .local = 1,
		.summary = N_("an appraisal with too many 'unqualified' votes needs a new rectification list"),
		.source = "seed (Changsha, local)",
		.params = { ENABLED } },
	[R_LEDGER_DUE] = { .id = "R-LEDGER-DUE", .scope = RULE_STATE, .local = 1,
		.summary = N_("a rectification item past its deadline and not closed"),
		.source = "seed checklist",
		.params = { P("window", 10, 0, 90, N_("days before the deadline when it becomes due")), ENABLED } },
};

void rules_defaults(struct rules_config *cfg)
{
	int i;

	for (i = 0; i < R_COUNT; i++) {
		cfg->rules[i] = builtin[i];
		cfg->rules[i].enabled = 1;
	}
}

const char *rules_id(enum rule_id r)
{
	return (unsigned)r < R_COUNT ? builtin[r].id : "";
}

int rules_find(const char *id)
{
	int i;

	for (i = 0; i < R_COUNT; i++)
		if (strcmp(builtin[i].id, id) == 0)
			return i;
	return -1;
}

int rules_param(const struct rules_config *cfg, enum rule_id id, const char *key)
{
	int i;

	for (i = 0; i < RULE_MAX_PARAMS && cfg->rules[id].params[i].key; i++)
		if (strcmp(cfg->rules[id].params[i].key, key) == 0)
			return cfg->rules[id].params[i].value;
	return 0;
}

static const struct {
	const char *code, *label, *mark;
} severities[] = {
	[SEV_OK] = { .code = "ok", .label = N_("ok"), .mark = "\xE2\x9C\x93" },      /* ✓ */
	[SEV_DUE] = { .code = "due", .label = N_("due"), .mark = "!" },
	[SEV_OVERDUE] = { .code = "overdue", .label = N_("overdue"), .mark = "\xE2\x9C\x97" }, /* ✗ */
};

const char *severity_code(enum severity s)
{
	return severities[s].code;
}

const char *severity_label(enum severity s)
{
	return _(severities[s].label);
}

const char *severity_mark(enum severity s)
{
	return severities[s].mark;
}

/* ---- the rules file ------------------------------------------------------ */

static int parse_number(const char *s, int *v)
{
	char *end;
	long n;

	if (strcmp(s, "yes") == 0 || strcmp(s, "on") == 0) {
		*v = 1;
		return 0;
	}
	if (strcmp(s, "no") == 0 || strcmp(s, "off") == 0) {
		*v = 0;
		return 0;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (!*s || *end || errno || n < -100000 || n > 100000)
		return -1;
	*v = (int)n;
	return 0;
}

/* One line "RULE-ID KEY VALUE"; NULL when it applied, else what is wrong. */
static const char *apply_line(struct rules_config *cfg, char *line, struct strbuf *why)
{
	char *id = strtok(line, " \t\r"), *key = strtok(NULL, " \t\r"), *val = strtok(NULL, " \t\r");
	int r, i, v;

	if (!id || !key || !val || strtok(NULL, " \t\r"))
		return _("expected RULE-ID KEY VALUE");
	if ((r = rules_find(id)) < 0) {
		strbuf_reset(why);
		strbuf_adds(why, _("unknown rule "));
		text_sanitize_into(why, id, 0);
		return strbuf_str(why);
	}
	for (i = 0; i < RULE_MAX_PARAMS && cfg->rules[r].params[i].key; i++) {
		struct rule_param *p = &cfg->rules[r].params[i];
		if (strcmp(p->key, key) != 0)
			continue;
		if (parse_number(val, &v) != 0 || v < p->lo || v > p->hi) {
			strbuf_reset(why);
			strbuf_addf(why, _("%s %s takes a whole number from %d to %d (%s)"), builtin[r].id, p->key,
				    p->lo, p->hi, _(p->what));
			return strbuf_str(why);
		}
		p->value = v;
		if (strcmp(key, "enabled") == 0)
			cfg->rules[r].enabled = v;
		return NULL;
	}
	strbuf_reset(why);
	strbuf_addf(why, _("%s has no setting '"), builtin[r].id);
	text_sanitize_into(why, key, 0);
	strbuf_adds(why, "'");
	return strbuf_str(why);
}

int rules_load_file(struct rules_config *cfg, const char *path, FILE *warn)
{
	FILE *fp = fopen(path, "r");
	char buf[512], *shown_path;
	struct strbuf why = { 0 };
	int lineno = 0, bad = 0;

	if (!fp)
		return 0;
	shown_path = text_sanitize(path, 0);
	while (fgets(buf, sizeof buf, fp)) {
		char *hash = strchr(buf, '#'), *nl = strchr(buf, '\n'), *p = buf;
		const char *err;

		lineno++;
		if (!nl && !feof(fp)) {
			int c;
			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
			fprintf(warn, _("%s:%d: the line is too long; the built-in values stay\n"), shown_path, lineno);
			bad++;
			continue;
		}
		if (hash)
			*hash = '\0';
		if (nl)
			*nl = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '\r')
			continue;
		if ((err = apply_line(cfg, p, &why))) {
			char *shown = text_sanitize(err, 0);
			fprintf(warn, _("%s:%d: %s; the built-in value stays\n"), shown_path, lineno, shown);
			free(shown);
			bad++;
		}
	}
	fclose(fp);
	strbuf_free(&why);
	/* The ladder must climb. */
	{
		static const enum rule_id ladders[] = { R_DUES_6, R_ABSENT_6, R_LOST };
		for (size_t i = 0; i < sizeof ladders / sizeof ladders[0]; i++) {
			struct rule *r = &cfg->rules[ladders[i]];
			if (r->params[0].value > r->params[1].value) {
				fprintf(warn, _("%s: %s due is above overdue; the built-in values stay\n"), shown_path, r->id);
				r->params[0].value = builtin[ladders[i]].params[0].value;
				r->params[1].value = builtin[ladders[i]].params[1].value;
				bad++;
			}
		}
	}
	free(shown_path);
	return bad;
}
