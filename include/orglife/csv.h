/*
 * csv.h - a reader for CSV as spreadsheets export it (RFC 4180): quoted
 * fields, doubled quotes, CRLF or LF line ends, newlines inside quotes;
 * UTF-8 with or without a byte order mark, or GB18030/GBK (what Excel and
 * WPS save on Chinese Windows), decoded to UTF-8 with the C library's iconv.
 *
 * csv_parse is a pure function of the bytes it is given (no files, no
 * SQLite, no global state), so that it can be fuzzed (fuzz/fuzz-csv.c).
 */
#ifndef ORGLIFE_CSV_H
#define ORGLIFE_CSV_H

#include <stddef.h>

/* Limits: a field holds at most CSV_FIELD_MAX bytes of UTF-8, a record at
 * most CSV_FIELDS_MAX fields.  Anything longer is refused, not cut. */
#define CSV_FIELD_MAX 4096
#define CSV_FIELDS_MAX 64

enum csv_encoding {
	CSV_UTF8,     /* UTF-8 without a byte order mark (or plain ASCII) */
	CSV_UTF8_BOM, /* UTF-8 after a byte order mark EF BB BF */
	CSV_GB18030,  /* not UTF-8: decoded as GB18030 (a superset of GBK) */
};

struct csv_record {
	long line;     /* the physical line (1-based) where the record starts */
	int nfields;   /* 1..CSV_FIELDS_MAX, the same in every record */
	char **fields; /* nfields NUL-terminated, valid UTF-8 strings */
};

/* A parsed file: records[0] is the header when the file has one.  A
 * zero-initialized struct is empty; release it with csv_doc_free. */
struct csv_doc {
	enum csv_encoding encoding;
	size_t nrecords;
	struct csv_record *records;
};

/* Where and why a file was refused.  msg is translated (gettext) and does
 * not repeat the line or the field: the caller prints them. */
struct csv_error {
	long line; /* the physical line (1-based) where the bad record starts */
	int field; /* the field (1-based) in that record, 0 when not one field */
	char msg[512];
};

/*
 * Parses the n bytes at data (data may be NULL when n is 0) into *doc.
 * Every record, the header included, has the same number of fields; empty
 * lines between records are skipped; a last line without a line end is a
 * record.  Fields are kept exactly as written (no trimming), quotes
 * removed, CRLF inside quotes kept.
 *
 * The encoding: after a UTF-8 byte order mark the file must be UTF-8;
 * without one, a file that is valid UTF-8 is UTF-8, and any other file is
 * decoded as GB18030.  A NUL byte anywhere is refused (a UTF-16 file is
 * named as such).
 *
 * Returns 0 and fills *doc (the caller frees it with csv_doc_free), or -1
 * with *doc empty and *err filled: an unterminated quote, a quote inside
 * an unquoted field, text after a closing quote, a carriage return without
 * a line feed, a ragged row (a field count other than the header's), a
 * field over CSV_FIELD_MAX bytes or a record over CSV_FIELDS_MAX fields,
 * or bytes that do not decode.  Errors: aborts on out of memory.
 */
int csv_parse(const char *data, size_t n, struct csv_doc *doc, struct csv_error *err);

/* Frees everything *doc owns and empties it.  No errors. */
void csv_doc_free(struct csv_doc *doc);

#endif
