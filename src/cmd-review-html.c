/*
 * cmd-review-html.c - the quarterly review as one printable HTML page:
 * A4 landscape, fonts by name only, an inline SVG bar per organization,
 * nothing loaded from elsewhere, every string escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>
#include <orglife/rules.h>
#include <orglife/text.h>
#include "cmd-review.h"

/* Appends s made harmless for HTML text and attribute values. */
static void html_escape(struct strbuf *out, const char *s)
{
	char *safe = text_sanitize(s ? s : "", 0);
	const char *p;

	for (p = safe; *p; p++) {
		switch (*p) {
		case '&':
			strbuf_adds(out, "&amp;");
			break;
		case '<':
			strbuf_adds(out, "&lt;");
			break;
		case '>':
			strbuf_adds(out, "&gt;");
			break;
		case '"':
			strbuf_adds(out, "&quot;");
			break;
		case '\'':
			strbuf_adds(out, "&#39;");
			break;
		default:
			strbuf_addc(out, *p);
		}
	}
	free(safe);
}

static const char style[] =
	"@page { size: A4 landscape; margin: 12mm; }\n"
	"body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\","
	" sans-serif; font-size: 10pt; color: #111; }\n"
	"h1 { font-size: 16pt; margin: 0 0 4pt; } p.meta { margin: 0 0 10pt; color: #444; }\n"
	"table { border-collapse: collapse; width: 100%; margin-bottom: 12pt; }\n"
	"th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
	"th { background: #eee; } td.n { text-align: right; }\n"
	".overdue { color: #b00000; font-weight: bold; } .due { color: #8a5a00; } .ok { color: #106010; }\n"
	"tr { page-break-inside: avoid; }\n";

/* One organization's bar: green met, amber due, red overdue. */
static void svg_bar(struct strbuf *b, const struct review_org *o)
{
	int total = o->count[SEV_OK] + o->count[SEV_DUE] + o->count[SEV_OVERDUE], x = 0, i, last = -1;
	static const char *const fill[] = { "#3a8a3a", "#d99a00", "#c00000" };

	for (i = 0; i < 3; i++)
		if (o->count[i])
			last = i;
	strbuf_adds(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"10\" role=\"img\">");
	for (i = 0; i <= last; i++) {
		/* The last segment takes what rounding left over. */
		int w = i == last ? 120 - x : o->count[i] * 120 / total;
		if (w > 0)
			strbuf_addf(b, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"10\" fill=\"%s\"/>", x, w, fill[i]);
		x += w;
	}
	strbuf_adds(b, "</svg>");
}

void review_html(FILE *f, const struct review *r)
{
	struct strbuf b = { 0 };
	size_t i;

	strbuf_adds(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
	html_escape(&b, r->title);
	strbuf_adds(&b, "</title>\n<style>\n");
	strbuf_adds(&b, style);
	strbuf_adds(&b, "</style></head><body>\n<h1>");
	html_escape(&b, r->title);
	strbuf_adds(&b, "</h1>\n<p class=\"meta\">");
	html_escape(&b, r->subtitle);
	strbuf_adds(&b, "</p>\n<table><thead><tr><th>");
	html_escape(&b, _("Organization"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Met"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Due"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Overdue"));
	strbuf_adds(&b, "</th><th></th></tr></thead><tbody>\n");
	for (i = 0; i < r->norgs; i++) {
		const struct review_org *o = &r->orgs[i];
		strbuf_adds(&b, "<tr><td>");
		html_escape(&b, o->name);
		strbuf_addf(&b, "</td><td class=\"n ok\">%d</td><td class=\"n due\">%d</td><td class=\"n overdue\">%d</td><td>",
			    o->count[SEV_OK], o->count[SEV_DUE], o->count[SEV_OVERDUE]);
		svg_bar(&b, o);
		strbuf_adds(&b, "</td></tr>\n");
	}
	strbuf_adds(&b, "</tbody></table>\n<table><thead><tr><th>");
	html_escape(&b, _("Status"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Rule"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Organization"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Member"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Period"));
	strbuf_adds(&b, "</th><th>");
	html_escape(&b, _("Finding"));
	strbuf_adds(&b, "</th></tr></thead><tbody>\n");
	for (i = 0; i < r->nfindings; i++) {
		const struct review_finding *fd = &r->findings[i];
		strbuf_addf(&b, "<tr><td class=\"%s\">%s ", severity_code(fd->severity), severity_mark(fd->severity));
		html_escape(&b, severity_label(fd->severity));
		strbuf_adds(&b, "</td><td>");
		html_escape(&b, rules_id(fd->rule));
		strbuf_adds(&b, "</td><td>");
		html_escape(&b, fd->org);
		strbuf_adds(&b, "</td><td>");
		html_escape(&b, fd->member);
		strbuf_adds(&b, "</td><td>");
		html_escape(&b, fd->period);
		strbuf_adds(&b, "</td><td>");
		html_escape(&b, fd->message);
		strbuf_adds(&b, "</td></tr>\n");
	}
	strbuf_adds(&b, "</tbody></table>\n</body></html>\n");
	fputs(b.s, f);
	strbuf_free(&b);
}
