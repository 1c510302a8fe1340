/*
 * ics.h - writing iCalendar (RFC 5545): TEXT values escaped, content lines
 * folded at 75 octets, dates and date-times in iCalendar's forms.
 *
 * Pure functions over strings, like the JSON and CSV encoders of text.h:
 * no SQLite, no clock, no locale.  What ics_text appends is valid UTF-8
 * without control characters, so a file whose text went through it holds
 * no control character but the CRLF that ends a line, and is as harmless
 * on a terminal as in a file.
 */
#ifndef ORGLIFE_ICS_H
#define ORGLIFE_ICS_H

#include <stddef.h>

struct strbuf;

/* The longest physical line, in octets, without its CRLF (RFC 5545 3.1). */
#define ICS_LINE_MAX 75

/*
 * Appends s as a TEXT value (RFC 5545 3.3.11): a backslash, semicolon and
 * comma get a backslash before them; a line break (CRLF, LF or CR) becomes
 * \n; a tab becomes a space; every other control character (U+0000 to
 * U+001F, U+007F to U+009F) and the bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) are dropped; each
 * byte that is not valid UTF-8 becomes U+FFFD.  NULL appends nothing.
 * Errors: aborts on out of memory.
 */
void ics_text(struct strbuf *out, const char *s);

/*
 * Appends the content line at line (n bytes, without a line end) folded
 * and ended with CRLF: each physical line holds at most ICS_LINE_MAX
 * octets before its CRLF, and each continuation line begins with one
 * space (counted in its octets).  A fold never splits a UTF-8 character,
 * nor a backslash from the character it escapes, so that a reader that
 * unfolds badly still sees whole characters.  Bytes that are not valid
 * UTF-8 count as one character each (ics_text never leaves any).
 * Errors: aborts on out of memory.
 */
void ics_fold(struct strbuf *out, const char *line, size_t n);

/* Appends the property NAME:VALUE with value a TEXT (ics_text), folded and
 * ended with CRLF (ics_fold).  NULL value appends nothing at all.
 * Errors: aborts on out of memory. */
void ics_prop_text(struct strbuf *out, const char *name, const char *value);

/* Writes day (a date.h day number) as a DATE, "20260715", plus NUL. */
void ics_date(long day, char buf[static 9]);

/* Writes day and second of the day (0..86399) as a DATE-TIME without a
 * zone, "20260715T143000", plus NUL: floating local time as it stands, or
 * UTC once the caller appends "Z". */
void ics_date_time(long day, long second, char buf[static 16]);

#endif
