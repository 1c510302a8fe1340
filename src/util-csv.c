/*
 * util-csv.c - the CSV reader declared in orglife/csv.h: RFC 4180 records
 * from UTF-8 (with or without a byte order mark) or GB18030 bytes.
 *
 * The structure (quotes, commas, line ends) is read from the raw bytes,
 * then each field is decoded.  That is sound for GB18030 too: its
 * multi-byte sequences never use a byte below 0x30, so a comma, a quote,
 * CR or LF is always itself.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/csv.h>
#include <orglife/i18n.h>
#include <orglife/text.h>

enum decode { DECODE_UTF8, DECODE_GB18030 };

/* Why a parse stopped: the encoding errors are compared between the two
 * readings of a file that is not UTF-8 (see csv_parse). */
enum fault { FAULT_NONE, FAULT_SYNTAX, FAULT_ENCODING };

struct parser {
	const unsigned char *p;
	size_t n, pos;
	long line;           /* the current physical line */
	enum decode decode;
	int bom;             /* the file began with a UTF-8 byte order mark */
	iconv_t cd;          /* GB18030 -> UTF-8, when decoding GB18030 */
	struct strbuf raw;   /* the current field's bytes, quotes removed */
	struct csv_doc *doc;
	size_t cap;          /* records allocated in doc */
	struct csv_error *err;
	enum fault fault;
};

static int fail(struct parser *ps, enum fault fault, long line, int field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(struct parser *ps, enum fault fault, long line, int field, const char *fmt, ...)
{
	va_list ap;

	ps->fault = fault;
	ps->err->line = line;
	ps->err->field = field;
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof ps->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static void record_free(struct csv_record *r)
{
	int i;

	for (i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	memset(r, 0, sizeof *r);
}

void csv_doc_free(struct csv_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nrecords; i++)
		record_free(&doc->records[i]);
	free(doc->records);
	memset(doc, 0, sizeof *doc);
}

/* The field's bytes as a new UTF-8 string in *out, or an encoding error
 * (or an over-long field) at (line, field). */
static int decode_field(struct parser *ps, long line, int field, char **out)
{
	const struct strbuf *raw = &ps->raw;
	char *buf;
	size_t len;

	*out = NULL;
	if (ps->decode == DECODE_UTF8) {
		if (!text_utf8_valid(raw->s, raw->len)) {
			if (ps->bom)
				return fail(ps, FAULT_ENCODING, line, field,
					    _("invalid UTF-8, in a file that begins with a UTF-8 byte order mark:"
					      " save it again as CSV UTF-8"));
			return fail(ps, FAULT_ENCODING, line, field,
				    _("bytes that are neither UTF-8 nor GB18030: save the file as CSV UTF-8 or as CSV"
				      " in the Chinese (GB18030) encoding"));
		}
		len = raw->len;
		buf = xmalloc(len + 1);
		if (len)
			memcpy(buf, raw->s, len);
		buf[len] = '\0';
	} else {
		/* GB18030 takes 1, 2 or 4 bytes for what UTF-8 writes in 1 to 4:
		 * never more than twice as many. */
		size_t cap = raw->len * 2 + 1, inleft = raw->len, outleft = cap - 1;
		char *in = raw->s, *o;

		buf = xmalloc(cap);
		o = buf;
		iconv(ps->cd, NULL, NULL, NULL, NULL);
		if (inleft && iconv(ps->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
			free(buf);
			return fail(ps, FAULT_ENCODING, line, field,
				    _("bytes that are neither UTF-8 nor GB18030: save the file as CSV UTF-8 or as CSV"
				      " in the Chinese (GB18030) encoding"));
		}
		len = (size_t)(o - buf);
		buf[len] = '\0';
		/* iconv's output is UTF-8, but this is the promise made. */
		if (!text_utf8_valid(buf, len)) {
			free(buf);
			return fail(ps, FAULT_ENCODING, line, field,
				    _("bytes that are neither UTF-8 nor GB18030: save the file as CSV UTF-8 or as CSV"
				      " in the Chinese (GB18030) encoding"));
		}
	}
	if (len > CSV_FIELD_MAX) {
		free(buf);
		return fail(ps, FAULT_SYNTAX, line, field, _("a field longer than %d bytes"), CSV_FIELD_MAX);
	}
	*out = buf;
	return 0;
}

/* Reads one field's bytes into ps->raw, leaving pos on the byte after it
 * (a comma, CR, LF, or the end). */
static int read_field(struct parser *ps, long line, int field)
{
	const unsigned char *p = ps->p;
	unsigned char c;

	strbuf_reset(&ps->raw);
	if (ps->pos < ps->n && p[ps->pos] == '"') {
		ps->pos++;
		for (;;) {
			if (ps->pos >= ps->n)
				return fail(ps, FAULT_SYNTAX, line, field,
					    _("a quoted field is not closed: a closing \" is missing"));
			c = p[ps->pos];
			if (c == '"') {
				if (ps->pos + 1 < ps->n && p[ps->pos + 1] == '"') {
					strbuf_addc(&ps->raw, '"');
					ps->pos += 2;
					continue;
				}
				ps->pos++;
				break;
			}
			if (c == '\0')
				return fail(ps, FAULT_ENCODING, line, field,
					    _("a NUL byte: is the file UTF-16? Save it as CSV UTF-8"));
			if (c == '\n')
				ps->line++;
			strbuf_addc(&ps->raw, (char)c);
			ps->pos++;
			/* Bound the work on a runaway quote, long before memory. */
			if (ps->raw.len > (size_t)CSV_FIELD_MAX * 2)
				return fail(ps, FAULT_SYNTAX, line, field, _("a field longer than %d bytes"),
					    CSV_FIELD_MAX);
		}
		if (ps->pos < ps->n && p[ps->pos] != ',' && p[ps->pos] != '\r' && p[ps->pos] != '\n')
			return fail(ps, FAULT_SYNTAX, line, field,
				    _("text after a closing \": a quoted field ends at a comma or at the end of the line"));
		return 0;
	}
	for (; ps->pos < ps->n; ps->pos++) {
		c = p[ps->pos];
		if (c == ',' || c == '\n' || c == '\r')
			break;
		if (c == '"')
			return fail(ps, FAULT_SYNTAX, line, field,
				    _("a \" inside a field that does not begin with one: quote the whole field and"
				      " double the \" inside it"));
		if (c == '\0')
			return fail(ps, FAULT_ENCODING, line, field,
				    _("a NUL byte: is the file UTF-16? Save it as CSV UTF-8"));
		strbuf_addc(&ps->raw, (char)c);
		if (ps->raw.len > (size_t)CSV_FIELD_MAX * 2)
			return fail(ps, FAULT_SYNTAX, line, field, _("a field longer than %d bytes"), CSV_FIELD_MAX);
	}
	return 0;
}

/* Reads the record starting at pos (not a blank line) and appends it. */
static int read_record(struct parser *ps)
{
	const long line = ps->line;
	struct csv_record rec = { .line = line };
	const unsigned char *p = ps->p;
	int cap = 0, want;

	for (;;) {
		int field = rec.nfields + 1;
		char *s;

		if (field > CSV_FIELDS_MAX) {
			record_free(&rec);
			return fail(ps, FAULT_SYNTAX, line, field, _("more than %d fields in one row"),
				    CSV_FIELDS_MAX);
		}
		if (read_field(ps, line, field) != 0 || decode_field(ps, line, field, &s) != 0) {
			record_free(&rec);
			return -1;
		}
		if (rec.nfields == cap) {
			cap = cap ? cap * 2 : 8;
			rec.fields = xrealloc(rec.fields, (size_t)cap * sizeof *rec.fields);
		}
		rec.fields[rec.nfields++] = s;
		if (ps->pos >= ps->n)
			break;
		if (p[ps->pos] == ',') {
			ps->pos++;
			continue;
		}
		if (p[ps->pos] == '\r' && (ps->pos + 1 >= ps->n || p[ps->pos + 1] != '\n')) {
			record_free(&rec);
			return fail(ps, FAULT_SYNTAX, line, field,
				    _("a carriage return without a line feed: save the file with CRLF or LF line ends"));
		}
		ps->pos += p[ps->pos] == '\r' ? 2 : 1;
		ps->line++;
		break;
	}
	want = ps->doc->nrecords ? ps->doc->records[0].nfields : rec.nfields;
	if (rec.nfields != want) {
		int got = rec.nfields, at = (got < want ? got : want) + 1;
		record_free(&rec);
		return fail(ps, FAULT_SYNTAX, line, at,
			    ngettext("%d field where the header has %d: every row needs as many as the header",
				     "%d fields where the header has %d: every row needs as many as the header", got),
			    got, want);
	}
	if (ps->doc->nrecords == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->doc->records = xrealloc(ps->doc->records, ps->cap * sizeof *ps->doc->records);
	}
	ps->doc->records[ps->doc->nrecords++] = rec;
	return 0;
}

/* Reads the n - start bytes from start, decoding fields as told. */
static int parse(const unsigned char *data, size_t n, size_t start, enum decode decode, int bom,
		 struct csv_doc *doc, struct csv_error *err, enum fault *fault)
{
	struct parser ps = {
		.p = data, .n = n, .pos = start, .line = 1, .decode = decode, .bom = bom,
		.cd = (iconv_t)-1, .doc = doc, .err = err,
	};
	int rc = 0;

	memset(doc, 0, sizeof *doc);
	if (decode == DECODE_GB18030) {
		ps.cd = iconv_open("UTF-8", "GB18030");
		if (ps.cd == (iconv_t)-1) {
			*fault = FAULT_ENCODING;
			return fail(&ps, FAULT_ENCODING, 1, 0,
				    _("the file is not UTF-8, and this system cannot decode GB18030 (iconv): save it"
				      " as CSV UTF-8"));
		}
	}
	while (rc == 0 && ps.pos < n) {
		/* Blank lines separate nothing: skip them. */
		if (data[ps.pos] == '\n' || (data[ps.pos] == '\r' && ps.pos + 1 < n && data[ps.pos + 1] == '\n')) {
			ps.pos += data[ps.pos] == '\r' ? 2 : 1;
			ps.line++;
			continue;
		}
		rc = read_record(&ps);
	}
	if (ps.cd != (iconv_t)-1)
		iconv_close(ps.cd);
	strbuf_free(&ps.raw);
	if (rc != 0)
		csv_doc_free(doc);
	*fault = ps.fault;
	return rc;
}

/* Is a later than b in the file? */
static int later(const struct csv_error *a, const struct csv_error *b)
{
	return a->line > b->line || (a->line == b->line && a->field > b->field);
}

int csv_parse(const char *data, size_t n, struct csv_doc *doc, struct csv_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	struct csv_error other;
	struct csv_doc scratch;
	enum fault fault, fault2;
	enum csv_encoding enc;
	int rc;

	memset(doc, 0, sizeof *doc);
	memset(err, 0, sizeof *err);
	if (n == 0)
		return 0;
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
		err->line = 1;
		snprintf(err->msg, sizeof err->msg, "%s",
			 _("the file is UTF-16 (Unicode text): save it as CSV UTF-8 or as CSV in the Chinese"
			   " (GB18030) encoding"));
		return -1;
	}
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		enc = CSV_UTF8_BOM;
		rc = parse(p, n, 3, DECODE_UTF8, 1, doc, err, &fault);
	} else if (text_utf8_valid(data, n)) {
		enc = CSV_UTF8;
		rc = parse(p, n, 0, DECODE_UTF8, 0, doc, err, &fault);
	} else {
		/* GB18030's own byte order mark, U+FEFF, is rare but legal. */
		size_t skip = n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 && p[3] == 0x33 ? 4 : 0;

		enc = CSV_GB18030;
		rc = parse(p, n, skip, DECODE_GB18030, 0, doc, err, &fault);
		/* Bytes that decode as neither: the reading that got further
		 * is most likely the file's real encoding, and its first
		 * failure the place to mend (a UTF-8 file with one stray byte
		 * fails as GB18030 long before that byte). */
		if (rc != 0 && fault == FAULT_ENCODING) {
			memset(&other, 0, sizeof other);
			if (parse(p, n, 0, DECODE_UTF8, 0, &scratch, &other, &fault2) != 0 && later(&other, err))
				*err = other;
			csv_doc_free(&scratch);
		}
	}
	if (rc == 0)
		doc->encoding = enc;
	return rc;
}
