/*
 * util-ics.c - iCalendar (RFC 5545) output: TEXT escaping, folding of
 * content lines at 75 octets, DATE and DATE-TIME values (orglife/ics.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/ics.h>
#include <orglife/text.h>

void ics_text(struct strbuf *out, const char *s)
{
	size_t i = 0, n, k;
	unsigned cp;

	if (!s)
		return;
	n = strlen(s);
	while (i < n) {
		k = text_utf8_decode(s + i, n - i, &cp);
		if (cp == '\\' || cp == ';' || cp == ',') {
			strbuf_addc(out, '\\');
			strbuf_addc(out, (char)cp);
		} else if (cp == '\r' || cp == '\n') {
			strbuf_add(out, "\\n", 2);
			if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
				k++;
		} else if (cp == '\t') {
			strbuf_addc(out, ' ');
		} else if (cp == TEXT_CP_INVALID) {
			strbuf_adds(out, "\xEF\xBF\xBD");
		} else if (cp >= 0x20 && (cp < 0x7F || cp > 0x9F) && !text_is_bidi_control(cp)) {
			strbuf_add(out, s + i, k);
		}
		i += k;
	}
}

/* The bytes that stay together on one physical line: a UTF-8 character,
 * or a backslash with the character it escapes. */
static size_t unit_len(const char *s, size_t n)
{
	unsigned cp;
	size_t k = text_utf8_decode(s, n, &cp);

	if (cp == '\\' && n > 1)
		k += text_utf8_decode(s + 1, n - 1, &cp);
	return k;
}

void ics_fold(struct strbuf *out, const char *line, size_t n)
{
	size_t i = 0, used = 0, k;

	while (i < n) {
		k = unit_len(line + i, n - i);
		if (used + k > ICS_LINE_MAX) {
			strbuf_add(out, "\r\n ", 3);
			used = 1;
		}
		strbuf_add(out, line + i, k);
		used += k;
		i += k;
	}
	strbuf_add(out, "\r\n", 2);
}

void ics_prop_text(struct strbuf *out, const char *name, const char *value)
{
	struct strbuf line = { 0 };

	if (!value)
		return;
	strbuf_adds(&line, name);
	strbuf_addc(&line, ':');
	ics_text(&line, value);
	ics_fold(out, line.s, line.len);
	strbuf_free(&line);
}

void ics_date(long day, char buf[static 9])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, 9, "%04d%02d%02d", y, m, d);
}

void ics_date_time(long day, long second, char buf[static 16])
{
	unsigned long s = (unsigned long)second % 86400;
	char date[9];

	ics_date(day, date);
	snprintf(buf, 16, "%sT%02lu%02lu%02lu", date, s / 3600, s / 60 % 60, s % 60);
}
