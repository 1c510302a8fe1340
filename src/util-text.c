/* util-text.c - allocation helpers (xmalloc & co.), struct strbuf, terminal
 * sanitizing, display-width fitting, UTF-8 decoding/validation, reading a
 * whole file, JSON and CSV field encoders and the aligned table printer
 * declared in orglife/text.h. */
#include "config.h"

#include <orglife/text.h>

#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- allocation ------------------------------------------------------- */

static void text_die_oom(void)
{
	fputs("orglife: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		text_die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		text_die_oom();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s);
	d = xmalloc(n + 1);
	memcpy(d, s, n + 1);
	return d;
}

/* ---- strbuf ----------------------------------------------------------- */

/* Makes room for extra more bytes plus the terminating NUL. */
static void strbuf_grow(struct strbuf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - 1 - b->len)
		text_die_oom();
	need = b->len + extra + 1;
	if (b->s && need <= b->cap)
		return;
	cap = b->cap ? b->cap : 32;
	while (cap < need) {
		if (cap > SIZE_MAX / 2) {
			cap = need;
			break;
		}
		cap *= 2;
	}
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
	if (b->len == 0)
		b->s[0] = '\0';
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	strbuf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strbuf_adds(struct strbuf *b, const char *s)
{
	if (s)
		strbuf_add(b, s, strlen(s));
}

void strbuf_addc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void strbuf_vaddf(struct strbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	size_t room;
	int n;

	strbuf_grow(b, 64);
	room = b->cap - b->len;
	va_copy(ap2, ap);
	n = vsnprintf(b->s + b->len, room, fmt, ap);
	if (n < 0) {
		b->s[b->len] = '\0';
		va_end(ap2);
		return;
	}
	if ((size_t)n >= room) {
		strbuf_grow(b, (size_t)n);
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap2);
		if (n < 0) {
			b->s[b->len] = '\0';
			va_end(ap2);
			return;
		}
	}
	va_end(ap2);
	b->len += (size_t)n;
}

void strbuf_addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(b, fmt, ap);
	va_end(ap);
}

void strbuf_reset(struct strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void strbuf_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *strbuf_str(const struct strbuf *b)
{
	return b->s ? b->s : "";
}

char *strbuf_detach(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* ---- UTF-8 ------------------------------------------------------------ */

size_t text_utf8_decode(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c, lo = 0x80, hi = 0xBF;
	size_t len, i;

	*cp = TEXT_CP_INVALID;
	if (n == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* no overlongs */
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90; /* no overlongs */
		else if (c == 0xF4)
			hi = 0x8F; /* <= U+10FFFF */
		c &= 0x07;
	} else {
		return 1;
	}
	if (n < len)
		return 1;
	if (u[1] < lo || u[1] > hi)
		return 1;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	*cp = c;
	return len;
}

int text_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;

	while (i < n) {
		i += text_utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_CP_INVALID)
			return 0;
	}
	return 1;
}

/* ---- files -------------------------------------------------------------- */

int text_read_file(const char *path, size_t max, struct strbuf *out)
{
	char buf[65536];
	size_t got, start = out->len;
	FILE *f = fopen(path, "rb");
	int err = 0;

	if (!f)
		return errno ? errno : EIO;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		if (out->len - start + got > max) {
			err = EFBIG;
			break;
		}
		strbuf_add(out, buf, got);
	}
	if (!err && ferror(f))
		err = errno ? errno : EIO;
	fclose(f);
	return err;
}

/* ---- sanitizing ------------------------------------------------------- */

int text_is_bidi_control(unsigned cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* The bytes of the blank at s: ASCII white space, the no-break space, or
 * the ideographic space (U+3000, which a Chinese input method types); 0
 * when s does not start with one. */
static size_t text_blank_len(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if (strncmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (strncmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

int text_is_blank(const char *s)
{
	size_t k;

	while (s && *s)
		if ((k = text_blank_len(s)) > 0)
			s += k;
		else
			return 0;
	return 1;
}

void text_trim(char *s)
{
	size_t n = strlen(s), b = 0, k, end = 0;

	while ((k = text_blank_len(s + b)) > 0)
		b += k;
	/* After the last byte that is not part of a blank (a blank never
	 * starts inside a character). */
	for (size_t i = b; i < n; i += k ? k : 1)
		if ((k = text_blank_len(s + i)) == 0)
			end = i + 1;
	if (end < b)
		end = b;
	memmove(s, s + b, end - b);
	s[end - b] = '\0';
}

/* The length of the text at s (n bytes) that sanitizing keeps as it is. */
static size_t text_clean_run(const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80)
			break;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_CP_INVALID || cp <= 0x9F || text_is_bidi_control(cp))
			break;
		i += k;
	}
	return i;
}

void text_sanitize_into(struct strbuf *out, const char *s, unsigned flags)
{
	size_t i = 0, n, k;
	unsigned cp;

	if (!s)
		return;
	n = strlen(s);
	while (i < n) {
		unsigned char c;

		/* what needs no change, at once */
		k = text_clean_run(s + i, n - i);
		strbuf_add(out, s + i, k);
		if ((i += k) == n)
			break;
		c = (unsigned char)s[i];
		if (c < 0x20) {
			if (c == '\n' && (flags & TEXT_KEEP_NEWLINES))
				strbuf_addc(out, '\n');
			else if (c == '\t' && (flags & TEXT_KEEP_NEWLINES))
				strbuf_addc(out, ' ');
			else {
				strbuf_addc(out, '^');
				strbuf_addc(out, (char)(c + 0x40));
			}
			i++;
			continue;
		}
		if (c == 0x7F) {
			strbuf_add(out, "^?", 2);
			i++;
			continue;
		}
		k = text_utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_CP_INVALID)
			strbuf_addf(out, "\\x%02X", (unsigned)c);
		else /* a C1 or bidi control */
			strbuf_addf(out, "<U+%04X>", cp);
		i += k;
	}
}

char *text_sanitize(const char *s, unsigned flags)
{
	struct strbuf b = { 0 };

	text_sanitize_into(&b, s, flags);
	return strbuf_detach(&b);
}

/* ---- display width ---------------------------------------------------- */

/* Whether the characters of LC_CTYPE are UTF-8: then they are decoded
 * here, as mbrtowc() would decode them, only faster. */
static int text_ctype_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/* Width of the character at s (n bytes available, n >= 1); stores its byte
 * length in *len. Undecodable bytes are one byte, one column. *utf8 is
 * text_ctype_utf8(), or -1 until it is needed. */
static int text_char_width(const char *s, size_t n, size_t *len, int *utf8)
{
	mbstate_t st;
	wchar_t wc;
	unsigned cp;
	size_t r;
	int w;

	if ((unsigned char)*s < 0x80) {
		*len = 1;
		return 1; /* ASCII controls count 1, like wcwidth() == -1 */
	}
	if (*utf8 < 0)
		*utf8 = text_ctype_utf8();
	if (*utf8) {
		*len = text_utf8_decode(s, n, &cp);
		if (cp == TEXT_CP_INVALID)
			return 1;
		wc = (wchar_t)cp;
	} else {
		memset(&st, 0, sizeof st);
		r = mbrtowc(&wc, s, n, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			*len = 1;
			return 1;
		}
		*len = r;
	}
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

/* The width of the n bytes at s. */
static int text_width_n(const char *s, size_t n)
{
	size_t i = 0, len;
	long total = 0;
	int utf8 = -1;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			total++;
			i++;
		} else {
			total += text_char_width(s + i, n - i, &len, &utf8);
			i += len;
		}
		if (total > 0x3FFFFFFF)
			return 0x3FFFFFFF; /* absurd; avoid int overflow */
	}
	return (int)total;
}

int text_width(const char *s)
{
	return s ? text_width_n(s, strlen(s)) : 0;
}

static void text_add_spaces(struct strbuf *out, int n)
{
	static const char spaces[] = "                                ";

	for (; n > 0; n -= (int)sizeof spaces - 1)
		strbuf_add(out, spaces, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

/* Appends s cut to cols columns (with "~" if cut), no padding; returns the
 * width appended. */
static int text_fit_plain(struct strbuf *out, const char *s, int cols)
{
	size_t i = 0, n, len;
	int used = 0, w, limit, utf8 = -1;

	if (!s)
		s = "";
	if (cols <= 0)
		return 0;
	w = text_width(s);
	if (w <= cols) {
		strbuf_adds(out, s);
		return w;
	}
	limit = cols - 1; /* room left for the "~" */
	n = strlen(s);
	while (i < n) {
		w = text_char_width(s + i, n - i, &len, &utf8);
		if (used + w > limit)
			break;
		strbuf_add(out, s + i, len);
		used += w;
		i += len;
	}
	strbuf_addc(out, '~');
	return used + 1;
}

int text_fit(struct strbuf *out, const char *s, int cols, int pad)
{
	int w = text_fit_plain(out, s, cols);

	if (pad && w < cols) {
		text_add_spaces(out, cols - w);
		w = cols;
	}
	return w;
}

int text_fit_right(struct strbuf *out, const char *s, int cols)
{
	struct strbuf tmp = { 0 };
	int w;

	if (cols <= 0)
		return 0;
	w = text_fit_plain(&tmp, s, cols);
	text_add_spaces(out, cols - w);
	strbuf_add(out, strbuf_str(&tmp), tmp.len);
	strbuf_free(&tmp);
	return cols;
}

/* ---- JSON ------------------------------------------------------------- */

void text_json_string(struct strbuf *out, const char *s)
{
	size_t i = 0, n, k, run;
	unsigned cp;

	if (!s) {
		strbuf_add(out, "null", 4);
		return;
	}
	n = strlen(s);
	strbuf_addc(out, '"');
	while (i < n) {
		unsigned char c;

		/* what goes as it is, at once */
		for (run = i; run < n; run += k) {
			c = (unsigned char)s[run];
			k = 1;
			if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
				continue;
			if (c < 0x80)
				break;
			k = text_utf8_decode(s + run, n - run, &cp);
			if (cp == TEXT_CP_INVALID || cp == 0x2028 || cp == 0x2029)
				break;
		}
		strbuf_add(out, s + i, run - i);
		if ((i = run) == n)
			break;
		c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': strbuf_add(out, "\\\"", 2); break;
			case '\\': strbuf_add(out, "\\\\", 2); break;
			case '\b': strbuf_add(out, "\\b", 2); break;
			case '\f': strbuf_add(out, "\\f", 2); break;
			case '\n': strbuf_add(out, "\\n", 2); break;
			case '\r': strbuf_add(out, "\\r", 2); break;
			case '\t': strbuf_add(out, "\\t", 2); break;
			default: strbuf_addf(out, "\\u%04x", (unsigned)c);
			}
			i++;
			continue;
		}
		k = text_utf8_decode(s + i, n - i, &cp);
		if (cp == TEXT_CP_INVALID)
			strbuf_add(out, "\xEF\xBF\xBD", 3);
		else /* U+2028, U+2029 */
			strbuf_addf(out, "\\u%04x", cp);
		i += k;
	}
	strbuf_addc(out, '"');
}

/* ---- CSV -------------------------------------------------------------- */

/* 1 if s is -?[0-9]+(\.[0-9]+)? */
static int text_is_plain_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

void text_csv_field(struct strbuf *out, const char *s)
{
	int quote, prefix;
	const char *p, *q;

	if (!s)
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	prefix = s[0] && strchr("=+-@\t\r", s[0]) && !text_is_plain_number(s);
	if (quote)
		strbuf_addc(out, '"');
	if (prefix)
		strbuf_addc(out, '\'');
	if (!quote) {
		strbuf_adds(out, s);
		return;
	}
	/* Each quote doubled: the text up to and with it, then one more. */
	for (p = s; (q = strchr(p, '"')) != NULL; p = q + 1) {
		strbuf_add(out, p, (size_t)(q - p + 1));
		strbuf_addc(out, '"');
	}
	strbuf_adds(out, p);
	strbuf_addc(out, '"');
}

/* ---- string pool -------------------------------------------------------- */

/* Strings end to end in blocks that never move, each after its tag. */
struct text_pool_block {
	struct text_pool_block *next;
	size_t used, cap;
	char data[];
};

struct text_pool {
	struct text_pool_block *blocks; /* the newest first */
	const char **seen;              /* TEXT_POOL_SEEN slots, by hash */
};

#define TEXT_POOL_BLOCK 65536
#define TEXT_POOL_SEEN 4096 /* a power of two */

static unsigned text_pool_hash(const char *s, size_t len)
{
	unsigned h = 2166136261u; /* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h & (TEXT_POOL_SEEN - 1);
}

struct text_pool *text_pool_new(void)
{
	struct text_pool *p = xmalloc(sizeof *p);

	p->blocks = NULL;
	p->seen = xmalloc(TEXT_POOL_SEEN * sizeof *p->seen);
	memset(p->seen, 0, TEXT_POOL_SEEN * sizeof *p->seen);
	return p;
}

void text_pool_free(struct text_pool *p)
{
	if (!p)
		return;
	while (p->blocks) {
		struct text_pool_block *next = p->blocks->next;

		free(p->blocks);
		p->blocks = next;
	}
	free(p->seen);
	free(p);
}

/* The kept string equal to s, if it was kept lately, else NULL. */
static const char *text_pool_seen(struct text_pool *p, const char *s)
{
	const char *kept = p->seen[text_pool_hash(s, strlen(s))];

	return kept && strcmp(kept, s) == 0 ? kept : NULL;
}

/* A kept copy of the len bytes at s, NUL-terminated, tagged with an int
 * (the table keeps a cell's width there). */
static const char *text_pool_keep(struct text_pool *p, const char *s, size_t len, int tag)
{
	struct text_pool_block *b = p->blocks;
	size_t need = sizeof tag + len + 1;
	char *at;

	if (!b || b->cap - b->used < need) {
		size_t cap = need > TEXT_POOL_BLOCK ? need : TEXT_POOL_BLOCK;

		b = xmalloc(sizeof *b + cap);
		b->next = p->blocks;
		b->used = 0;
		b->cap = cap;
		p->blocks = b;
	}
	at = b->data + b->used;
	memcpy(at, &tag, sizeof tag);
	memcpy(at + sizeof tag, s, len);
	at[sizeof tag + len] = '\0';
	b->used += need;
	return p->seen[text_pool_hash(s, len)] = at + sizeof tag;
}

const char *text_pool_add(struct text_pool *p, const char *s)
{
	const char *kept = text_pool_seen(p, s);

	return kept ? kept : text_pool_keep(p, s, strlen(s), 0);
}

/* The tag of a kept string. */
static int text_pool_tag(const char *kept)
{
	int tag;

	memcpy(&tag, kept - sizeof tag, sizeof tag);
	return tag;
}

/* ---- table ------------------------------------------------------------ */

/* A cell: NULL for "", else its string in the table's pool, tagged with
 * its width in columns. */
typedef const char *table_cell_t;

static int table_cell_width(table_cell_t c)
{
	return c ? text_pool_tag(c) : 0;
}

struct table {
	int ncols;
	char **header;  /* ncols entries, NULL = unset */
	int *right;     /* ncols flags */
	/* Cells, row-major, sanitized when set and measured once: a table of
	 * a review has a quarter of a million of them.  A cell equal to one
	 * seen lately shares its string. */
	table_cell_t *cells;
	size_t nrows, caprows;
	/* The cells' strings, each once among those seen lately: a review
	 * says the same few things about thousands of organizations. */
	struct text_pool *pool;
	struct strbuf clean; /* a cell being sanitized */
};

struct table *table_new(int ncols)
{
	struct table *t;

	if (ncols < 1)
		return NULL;
	t = xmalloc(sizeof *t);
	t->ncols = ncols;
	t->header = xmalloc(sizeof *t->header * (size_t)ncols);
	t->right = xmalloc(sizeof *t->right * (size_t)ncols);
	for (int i = 0; i < ncols; i++) {
		t->header[i] = NULL;
		t->right[i] = 0;
	}
	t->cells = NULL;
	t->nrows = t->caprows = 0;
	t->pool = text_pool_new();
	t->clean = (struct strbuf){ 0 };
	return t;
}

void table_set_header(struct table *t, int col, const char *title)
{
	if (!t || col < 0 || col >= t->ncols)
		return;
	free(t->header[col]);
	t->header[col] = xstrdup(title ? title : "");
}

void table_set_right(struct table *t, int col)
{
	if (!t || col < 0 || col >= t->ncols)
		return;
	t->right[col] = 1;
}

void table_add_row(struct table *t)
{
	table_cell_t *row;

	if (!t)
		return;
	if (t->nrows == t->caprows) {
		size_t cap = t->caprows ? t->caprows * 2 : 16;

		if (cap > SIZE_MAX / sizeof *t->cells / (size_t)t->ncols)
			text_die_oom();
		t->cells = xrealloc(t->cells, cap * (size_t)t->ncols * sizeof *t->cells);
		t->caprows = cap;
	}
	row = t->cells + t->nrows++ * (size_t)t->ncols;
	for (int i = 0; i < t->ncols; i++)
		row[i] = NULL;
}

/* When s needs no sanitizing, its length and width into *len and *w, and
 * 1; else 0.  One pass: most cells are clean. */
static int text_clean_measure(const char *s, size_t *len, int *w)
{
	size_t i = 0, k;
	long total = 0;
	int utf8 = -1;
	unsigned cp;

	for (;;) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7F) {
			total++;
			i++;
			continue;
		}
		if (c == 0)
			break;
		if (c < 0x80)
			return 0;
		k = text_utf8_decode(s + i, 4, &cp); /* stops at the NUL */
		if (cp == TEXT_CP_INVALID || cp <= 0x9F || text_is_bidi_control(cp))
			return 0;
		total += text_char_width(s + i, k, &k, &utf8);
		i += k;
		if (total > 0x3FFFFFFF)
			return 0; /* absurd: measured the long way */
	}
	*len = i;
	*w = (int)total;
	return 1;
}

void table_cell(struct table *t, int col, const char *text)
{
	table_cell_t *cell;
	size_t len;
	int w;

	if (!t || col < 0 || col >= t->ncols)
		return;
	if (t->nrows == 0)
		table_add_row(t);
	cell = &t->cells[(t->nrows - 1) * (size_t)t->ncols + (size_t)col];
	/* Set again: the old text stays unused in the pool. */
	if (!text || !*text) {
		*cell = NULL;
		return;
	}
	/* What sanitizing left as it was comes out the same again. */
	if ((*cell = text_pool_seen(t->pool, text)) != NULL)
		return;
	if (text_clean_measure(text, &len, &w)) {
		*cell = text_pool_keep(t->pool, text, len, w);
		return;
	}
	strbuf_reset(&t->clean);
	text_sanitize_into(&t->clean, text, 0);
	len = t->clean.len;
	*cell = text_pool_keep(t->pool, t->clean.s, len, text_width_n(t->clean.s, len));
}

/* Appends one cell of width w (its text s, len bytes) to line in a column
 * of width width. */
static void table_put(struct strbuf *line, const char *s, size_t len, int w, int width, int right)
{
	if (w > width && right) /* too wide: cut at a character */
		text_fit_right(line, s, width);
	else if (w > width)
		text_fit(line, s, width, 1);
	else if (right) {
		text_add_spaces(line, width - w);
		strbuf_add(line, s, len);
	} else {
		strbuf_add(line, s, len);
		text_add_spaces(line, width - w);
	}
}

/* Ends the line at the end of out: trailing spaces trimmed, a newline.
 * The lines go to f 64 KiB at a time; table_print writes the rest. */
static void table_end_line(struct strbuf *out, FILE *f)
{
	while (out->len > 0 && out->s[out->len - 1] == ' ')
		out->len--;
	strbuf_addc(out, '\n');
	if (out->len >= 65536) {
		fwrite(out->s, 1, out->len, f);
		strbuf_reset(out);
	}
}

void table_print(struct table *t, FILE *f, int max_width)
{
	struct strbuf line = { 0 };
	char **hdr;
	int *widths, *hdrw;
	int has_header = 0;
	long total;
	size_t r;
	int c;

	if (!t || !f)
		return;
	widths = xmalloc(sizeof *widths * (size_t)t->ncols);
	hdrw = xmalloc(sizeof *hdrw * (size_t)t->ncols);
	hdr = xmalloc(sizeof *hdr * (size_t)t->ncols);
	for (c = 0; c < t->ncols; c++) {
		if (t->header[c])
			has_header = 1;
		hdr[c] = text_sanitize(t->header[c], 0);
		widths[c] = hdrw[c] = text_width(hdr[c]); /* unset header: "" */
	}
	if (!has_header && t->nrows == 0)
		goto out;
	for (r = 0; r < t->nrows * (size_t)t->ncols; r++) {
		int w = table_cell_width(t->cells[r]);

		c = (int)(r % (size_t)t->ncols);
		if (w > widths[c])
			widths[c] = w;
	}
	total = 2L * (t->ncols - 1);
	for (c = 0; c < t->ncols; c++)
		total += widths[c];
	while (max_width > 0 && total > max_width) {
		int widest = -1;

		for (c = 0; c < t->ncols; c++)
			if (widths[c] > 4 && (widest < 0 || widths[c] >= widths[widest]))
				widest = c;
		if (widest < 0)
			break;
		widths[widest]--;
		total--;
	}
	if (has_header) {
		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				strbuf_add(&line, "  ", 2);
			table_put(&line, hdr[c], strlen(hdr[c]), hdrw[c], widths[c], t->right[c]);
		}
		table_end_line(&line, f);
	}
	for (r = 0; r < t->nrows; r++) {
		const table_cell_t *row = t->cells + r * (size_t)t->ncols;

		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				strbuf_add(&line, "  ", 2);
			table_put(&line, row[c] ? row[c] : "", row[c] ? strlen(row[c]) : 0, table_cell_width(row[c]),
				  widths[c], t->right[c]);
		}
		table_end_line(&line, f);
	}
	if (line.len)
		fwrite(line.s, 1, line.len, f);
out:
	for (c = 0; c < t->ncols; c++)
		free(hdr[c]);
	free(hdr);
	free(hdrw);
	free(widths);
	strbuf_free(&line);
}

void table_free(struct table *t)
{
	if (!t)
		return;
	free(t->cells);
	text_pool_free(t->pool);
	strbuf_free(&t->clean);
	for (int c = 0; c < t->ncols; c++)
		free(t->header[c]);
	free(t->header);
	free(t->right);
	free(t);
}
