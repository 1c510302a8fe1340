/* text.h - allocation helpers, a growable string buffer, terminal-safe
 * sanitizing, display-width aware fitting, UTF-8 checks, reading a whole
 * file, JSON/CSV output encoders and a simple aligned-table printer for
 * orglife's text output. */
#ifndef ORGLIFE_TEXT_H
#define ORGLIFE_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__) || defined(__clang__)
#define ORGLIFE_PRINTF(fmt_idx, arg_idx) __attribute__((format(printf, fmt_idx, arg_idx)))
#else
#define ORGLIFE_PRINTF(fmt_idx, arg_idx)
#endif

/* ---- allocation ------------------------------------------------------- */

/* Allocates n bytes (n == 0 is treated as 1, so the result is never NULL).
 * Errors: on allocation failure prints "orglife: out of memory" to stderr
 * and calls abort(); never returns NULL. Caller owns the memory (free()). */
void *xmalloc(size_t n);

/* Resizes p (may be NULL) to n bytes (n == 0 treated as 1). Errors: as
 * xmalloc. Caller owns the returned memory; p must no longer be used. */
void *xrealloc(void *p, size_t n);

/* Returns a newly allocated copy of s; returns NULL only when s is NULL.
 * Errors: as xmalloc. Caller owns the result (free()). */
char *xstrdup(const char *s);

/* ---- growable string buffer ------------------------------------------ */

/* A zero-initialised struct is a valid empty buffer. After any strbuf_add*
 * call s is non-NULL and NUL-terminated; len excludes the NUL. The struct
 * owns s; release it with strbuf_free (or take it with strbuf_detach). */
struct strbuf {
	char *s;
	size_t len, cap;
};

/* Appends n bytes from s (may contain NUL bytes; s may be NULL if n == 0).
 * Errors: aborts on out of memory (see xmalloc). */
void strbuf_add(struct strbuf *b, const char *s, size_t n);

/* Appends the NUL-terminated string s; NULL appends nothing.
 * Errors: aborts on out of memory. */
void strbuf_adds(struct strbuf *b, const char *s);

/* Appends printf-style formatted text. Errors: aborts on out of memory;
 * an encoding error from vsnprintf appends nothing. */
void strbuf_addf(struct strbuf *b, const char *fmt, ...) ORGLIFE_PRINTF(2, 3);
/* The same with a va_list (which it uses up). */
void strbuf_vaddf(struct strbuf *b, const char *fmt, va_list ap) ORGLIFE_PRINTF(2, 0);

/* Appends one byte. Errors: aborts on out of memory. */
void strbuf_addc(struct strbuf *b, char c);

/* Empties the buffer (len = 0, string ""), keeping its memory. No errors. */
void strbuf_reset(struct strbuf *b);

/* Frees the memory and returns b to the zero-initialised state. No errors. */
void strbuf_free(struct strbuf *b);

/* Returns the contents, "" when nothing was appended. The pointer is owned
 * by b and valid until the next modification of b. No errors. */
const char *strbuf_str(const struct strbuf *b);

/* Returns the contents as a newly allocated string ("" when empty) and
 * resets b to the zero-initialised state. Caller owns the result (free()).
 * Errors: aborts on out of memory. */
char *strbuf_detach(struct strbuf *b);

/* ---- terminal sanitizing ---------------------------------------------- */

/* Makes arbitrary bytes harmless for a terminal:
 *   C0 controls (incl. ESC, CR, LF, TAB, BS) -> caret notation "^[", "^M",...
 *   DEL                                      -> "^?"
 *   C1 controls U+0080..U+009F, bidi controls U+061C, U+200E, U+200F,
 *   U+202A..U+202E, U+2066..U+2069           -> "<U+XXXX>"
 *   each invalid UTF-8 byte                  -> "\xFF" (4 ASCII characters)
 * With TEXT_KEEP_NEWLINES, LF is kept as is and TAB becomes one space. */
enum text_flags { TEXT_KEEP_NEWLINES = 1 };

/* Returns a newly allocated sanitized copy of s (NULL is treated as "").
 * Caller owns the result (free()). Errors: aborts on out of memory. */
char *text_sanitize(const char *s, unsigned flags);

/* Appends the sanitized form of s to out (NULL appends nothing).
 * Errors: aborts on out of memory. */
void text_sanitize_into(struct strbuf *out, const char *s, unsigned flags);

/* ---- blanks ------------------------------------------------------------ */

/* Whether s (NULL: yes) holds nothing but blanks: ASCII white space, the
 * no-break space U+00A0 and the ideographic space U+3000. No errors. */
int text_is_blank(const char *s);
/* Cuts those blanks off both ends of s, in place. No errors. */
void text_trim(char *s);

/* ---- display width ---------------------------------------------------- */

/* Returns the display width in terminal columns of UTF-8 string s (NULL ->
 * 0), summing wcwidth() per character, decoded as mbrtowc() would; the
 * current LC_CTYPE locale must be UTF-8. Characters wcwidth reports as -1 and
 * undecodable bytes count as 1 column each (sanitize first). No errors. */
int text_width(const char *s);

/* Appends s (NULL -> "") to out, cut to at most cols columns without ever
 * splitting a character. If cut, the text is shortened so that a final "~"
 * fits and the result is <= cols wide (a double-width character that would
 * straddle the limit is dropped). If pad is nonzero, spaces are then added
 * up to exactly cols. cols <= 0 appends nothing. Returns the number of
 * columns appended (including padding). Does not sanitize.
 * Errors: aborts on out of memory. */
int text_fit(struct strbuf *out, const char *s, int cols, int pad);

/* Like text_fit(out, s, cols, 1) but right-aligned: padding goes on the
 * left. Returns the columns appended (cols, or 0 when cols <= 0).
 * Errors: aborts on out of memory. */
int text_fit_right(struct strbuf *out, const char *s, int cols);

/* ---- UTF-8 ------------------------------------------------------------ */

/* Returns 1 if the n bytes at s are valid UTF-8 (shortest form, no
 * surrogates, <= U+10FFFF; NUL bytes are allowed), else 0. s may be NULL
 * when n == 0. No errors. */
int text_utf8_valid(const char *s, size_t n);

/* What text_utf8_decode gives for bytes that are not a character. */
#define TEXT_CP_INVALID 0xFFFFFFFFu

/* Decodes one code point from the n bytes at s into *cp and returns the
 * number of bytes consumed (>= 1). On an invalid or truncated sequence sets
 * *cp = TEXT_CP_INVALID and returns 1 (skip one byte). n == 0 sets *cp to
 * TEXT_CP_INVALID and returns 0. No errors. */
size_t text_utf8_decode(const char *s, size_t n, unsigned *cp);

/* Returns 1 for the bidirectional controls that can reorder what follows
 * them on display (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069), else 0. No errors. */
int text_is_bidi_control(unsigned cp);

/* ---- files -------------------------------------------------------------- */
/* Appends the whole file at path to out, refusing one of more than max
 * bytes. Returns 0, or an errno value: why it could not be read, EFBIG
 * when it is larger than max (out then holds what was read so far).
 * Errors: aborts on out of memory. */
int text_read_file(const char *path, size_t max, struct strbuf *out);
/* ---- machine formats -------------------------------------------------- */

/* Appends s as a JSON string literal with quotes: \" \\ \b \f \n \r \t,
 * other controls < 0x20 as \u00xx, U+2028/U+2029 as \u2028/\u2029, all
 * other valid UTF-8 raw (no \u escapes for CJK); each invalid UTF-8 byte
 * becomes U+FFFD. NULL appends the literal null.
 * Errors: aborts on out of memory. */
void text_json_string(struct strbuf *out, const char *s);

/* Appends s as one RFC 4180 CSV field (no separator): quoted when it
 * contains , " CR or LF, with quotes doubled. Formula injection is
 * neutralised: a field starting with = + - @ TAB or CR gets a leading '
 * (inside the quotes, if quoted) unless the whole field is a plain number
 * (optional '-', digits, optional '.' and digits). NULL appends nothing.
 * Errors: aborts on out of memory. */
void text_csv_field(struct strbuf *out, const char *s);

/* ---- string pool ------------------------------------------------------ */

/*
 * Strings kept for as long as the pool; a string equal to one kept lately
 * (among the last few thousand distinct ones) is kept once.  For the many
 * repeated strings of a listing or a review.  Errors: aborts on out of
 * memory.
 */
struct text_pool;
struct text_pool *text_pool_new(void);
void text_pool_free(struct text_pool *p); /* NULL is ignored */
/* The pool's copy of s. */
const char *text_pool_add(struct text_pool *p, const char *s);

/* ---- aligned table ---------------------------------------------------- */

struct table; /* opaque */

/* Returns a new empty table with ncols columns, or NULL if ncols < 1. All
 * table functions accept NULL t and then do nothing. Caller owns the
 * table (table_free). Errors: aborts on out of memory. */
struct table *table_new(int ncols);

/* Sets the (already translated) title of column col; the text is copied.
 * Out-of-range col is ignored. Errors: aborts on out of memory. */
void table_set_header(struct table *t, int col, const char *title);

/* Makes column col right-aligned (header included). Out-of-range col is
 * ignored. No errors. */
void table_set_right(struct table *t, int col);

/* Starts a new row whose cells are all "". Errors: aborts on OOM. */
void table_add_row(struct table *t);

/* Sets cell col of the current row to a copy of text (NULL -> ""),
 * replacing any previous value. Starts a row first if none exists.
 * Out-of-range col is ignored. Text is sanitized (newlines included)
 * and measured here. Errors: aborts on out of memory. */
void table_cell(struct table *t, int col, const char *text);

/* Prints the header row (only if some header was set) then all rows to f:
 * columns aligned by display width, two spaces between columns, no
 * trailing spaces, each line ending in "\n". If max_width > 0 and the table
 * is wider, the widest columns are shrunk one column at a time (cells cut
 * with "~") until it fits, but no column is shrunk below 4; max_width 0 means
 * unlimited. Errors: aborts on out of memory; stdio errors are left in f's
 * error indicator. */
void table_print(struct table *t, FILE *f, int max_width);

/* Frees t and everything it owns; NULL is ignored. No errors. */
void table_free(struct table *t);

#endif /* ORGLIFE_TEXT_H */
