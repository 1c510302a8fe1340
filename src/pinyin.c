/*
 * pinyin.c - names found by their pinyin and ordered as Chinese rosters are
 * (pinyin.h): pinyin_match and pinyin_key, over the readings of the
 * generated table (pinyin-table.c) and a table of surnames read otherwise.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/pinyin.h>
#include <orglife/text.h>

#include "pinyin-table.h"

/* A byte of invalid UTF-8, b, is the character RAW + b: beyond Unicode, so
 * it equals only the same byte. */
#define RAW 0x110000u

/* In a sort key: what ends a reading (below every letter and digit), and the
 * reading of a character without one (above them). */
#define KEY_END        0x01
#define KEY_NO_READING 0x7F

/*
 * Surnames whose reading as a surname is not their characters' customary
 * one (kMandarin, in the comment), for sorting: 曾 is zeng in 曾国藩, not
 * ceng.  Every reading here is also among the character's readings in the
 * table, so searching needs no surnames.  Two-character surnames come first,
 * so that 尉迟 is not read as 尉 and then 迟.  Sources: the surname readings
 * of 通用规范汉字字典 (kTGHZ2013) and 现代汉语词典 (kXHC1983).
 */
static const struct surname {
	const char *name;       /* one or two characters, UTF-8 */
	const char *reading[2]; /* one per character */
} surnames[] = {
	{ .name = "尉迟", .reading = { "yu", "chi" } },  /* wei chi */
	{ .name = "万俟", .reading = { "mo", "qi" } },   /* wan qi */
	{ .name = "单于", .reading = { "chan", "yu" } }, /* dan yu */
	{ .name = "澹台", .reading = { "tan", "tai" } }, /* dan tai */
	{ .name = "曾", .reading = { "zeng" } },         /* ceng */
	{ .name = "单", .reading = { "shan" } },         /* dan */
	{ .name = "解", .reading = { "xie" } },          /* jie */
	{ .name = "覃", .reading = { "qin" } },          /* tan */
	{ .name = "仇", .reading = { "qiu" } },          /* chou */
	{ .name = "区", .reading = { "ou" } },           /* qu */
	{ .name = "朴", .reading = { "piao" } },         /* pu */
	{ .name = "查", .reading = { "zha" } },          /* cha */
	{ .name = "盖", .reading = { "ge" } },           /* gai */
	{ .name = "缪", .reading = { "miao" } },         /* mou */
	{ .name = "翟", .reading = { "zhai" } },         /* di */
	{ .name = "卜", .reading = { "bu" } },           /* bo */
	{ .name = "秘", .reading = { "bi" } },           /* mi */
	{ .name = "种", .reading = { "chong" } },        /* zhong */
	{ .name = "重", .reading = { "chong" } },        /* zhong */
	{ .name = "召", .reading = { "shao" } },         /* zhao */
	{ .name = "句", .reading = { "gou" } },          /* ju */
	{ .name = "繁", .reading = { "po" } },           /* fan */
	{ .name = "员", .reading = { "yun" } },          /* yuan */
	{ .name = "折", .reading = { "she" } },          /* zhe */
	{ .name = "祭", .reading = { "zhai" } },         /* ji */
	{ .name = "隗", .reading = { "wei" } },          /* kui */
	{ .name = "宓", .reading = { "fu" } },           /* mi */
	{ .name = "藏", .reading = { "zang" } },         /* cang */
	{ .name = "都", .reading = { "du" } },           /* dou */
	{ .name = "薄", .reading = { "bo" } },           /* bao */
	{ .name = "阚", .reading = { "kan" } },          /* han */
	{ .name = "炅", .reading = { "gui" } },          /* jiong */
	{ .name = "洗", .reading = { "xian" } },         /* xi */
};

/* The character at s (n > 0 bytes left) into *c; returns its length. */
static size_t decode(const char *s, size_t n, uint32_t *c)
{
	unsigned cp;
	size_t k = text_utf8_decode(s, n, &cp);

	*c = cp == TEXT_CP_INVALID ? RAW + (unsigned char)*s : cp;
	return k;
}

/* Small letters for capitals, ASCII for full-width letters and digits. */
static uint32_t fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 'a';
	if (c >= 0xFF21 && c <= 0xFF3A)
		return c - 0xFF21 + 'a';
	if (c >= 0xFF41 && c <= 0xFF5A)
		return c - 0xFF41 + 'a';
	if (c >= 0xFF10 && c <= 0xFF19)
		return c - 0xFF10 + '0';
	return c;
}

/* Left out of names and queries: spaces, the ideographic space, middle dots. */
static int separator(uint32_t c)
{
	return c == ' ' || c == 0x3000 || c == 0xB7 || c == 0x30FB;
}

static int letter(uint32_t c)
{
	return c >= 'a' && c <= 'z';
}

static int alnum(uint32_t c)
{
	return letter(c) || (c >= '0' && c <= '9');
}

/* The readings of a character, as the first of its set, or NULL. */
static const uint16_t *readings_of(uint32_t c)
{
	size_t lo = 0, hi = pinyin_nruns;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pinyin_run *r = &pinyin_runs[mid];
		if (c < r->first)
			hi = mid;
		else if (c - r->first >= r->count)
			lo = mid + 1;
		else {
			uint16_t at = pinyin_chars[r->base + (c - r->first)];
			return at == PINYIN_NONE ? NULL : &pinyin_sets[at];
		}
	}
	return NULL;
}

static const char *syllable(uint16_t entry)
{
	return pinyin_syllables[entry & ~PINYIN_LAST];
}

/* ---- matching ------------------------------------------------------------------- */

/* A letter of the query against a letter of a reading: u also stands for ü. */
static int same_letter(uint32_t q, char r)
{
	return q == (uint32_t)r || (r == 'v' && q == 'u');
}

/* From query position i, the positions a prefix of one of the readings in
 * set reaches, marked in next. */
static void take_readings(const uint16_t *set, const uint32_t *q, size_t nq, size_t i, unsigned char *next)
{
	uint16_t e;

	do {
		const char *r = syllable(e = *set++);
		for (size_t k = 0; r[k] && i + k < nq && same_letter(q[i + k], r[k]); k++)
			next[i + k + 1] = 1;
	} while (!(e & PINYIN_LAST));
}

/*
 * The query against the name as an automaton: cur[i] says that the
 * characters read so far can have taken the query's first i characters;
 * every character of the name may also begin a match (cur[0]).  Time is
 * the name's length times the query's, whatever the input.
 */
int pinyin_match(const char *name, const char *query)
{
	size_t nq = 0, len, k;
	uint32_t *q, c;
	unsigned char *mem, *cur, *next, *swap;
	const char *p;
	int found = 0;

	if (!name)
		name = "";
	if (!query)
		return 1;
	len = strlen(query);
	q = xmalloc((len + 1) * sizeof *q);
	for (p = query; (k = decode(p, len - (size_t)(p - query), &c)) > 0; p += k)
		if (!separator(c = fold(c)))
			q[nq++] = c;
	if (nq == 0) {
		free(q);
		return 1;
	}
	mem = xmalloc(2 * (nq + 1));
	cur = mem;
	next = mem + nq + 1;
	memset(cur, 0, nq + 1);
	cur[0] = 1;
	len = strlen(name);
	for (p = name; !found && (k = decode(p, len - (size_t)(p - name), &c)) > 0; p += k) {
		const uint16_t *set;
		if (separator(c = fold(c)))
			continue;
		set = readings_of(c);
		memset(next, 0, nq + 1);
		for (size_t i = 0; i < nq; i++) {
			if (!cur[i])
				continue;
			if (q[i] == c)
				next[i + 1] = 1;
			if (set && letter(q[i]))
				take_readings(set, q, nq, i, next);
		}
		found = next[nq];
		next[0] = 1;
		swap = cur;
		cur = next;
		next = swap;
	}
	free(mem);
	free(q);
	return found;
}

/* ---- sort keys ----------------------------------------------------------------------- */

/* The character itself, after its reading: three bytes of seven bits, each
 * with the top bit set, so that no key holds a NUL. */
static void add_identity(struct strbuf *b, uint32_t c)
{
	strbuf_addc(b, (char)(0x80 | ((c >> 14) & 0x7F)));
	strbuf_addc(b, (char)(0x80 | ((c >> 7) & 0x7F)));
	strbuf_addc(b, (char)(0x80 | (c & 0x7F)));
}

static void add_unit(struct strbuf *b, const char *reading, uint32_t c)
{
	strbuf_adds(b, reading);
	strbuf_addc(b, KEY_END);
	add_identity(b, c);
}

/* The surname name begins with, or NULL. */
static const struct surname *surname_of(const char *name)
{
	for (size_t i = 0; i < sizeof surnames / sizeof *surnames; i++)
		if (!strncmp(name, surnames[i].name, strlen(surnames[i].name)))
			return &surnames[i];
	return NULL;
}

/* A run of letters and digits: its folded letters, then its characters. */
static size_t add_word(struct strbuf *b, const char *s, size_t n)
{
	struct strbuf id = { 0 };
	size_t used = 0, k;
	uint32_t c;

	while ((k = decode(s + used, n - used, &c)) > 0 && alnum(fold(c))) {
		strbuf_addc(b, (char)fold(c));
		add_identity(&id, c);
		used += k;
	}
	strbuf_addc(b, KEY_END);
	strbuf_add(b, id.s, id.len);
	strbuf_free(&id);
	return used;
}

char *pinyin_key(const char *name)
{
	static const char no_reading[] = { KEY_NO_READING, 0 };
	struct strbuf b = { 0 };
	const char *p;
	size_t len, k;
	uint32_t c;
	int first = 1;

	if (!name)
		name = "";
	len = strlen(name);
	for (p = name; (k = decode(p, len - (size_t)(p - name), &c)) > 0; p += k) {
		const struct surname *sn;
		const uint16_t *set;
		if (separator(c))
			continue;
		if (first && (sn = surname_of(p))) {
			/* Its characters, each by its surname reading. */
			size_t end = strlen(sn->name);
			for (size_t j = 0; j < end; j += k) {
				k = decode(sn->name + j, end - j, &c);
				add_unit(&b, sn->reading[j ? 1 : 0], c);
			}
			k = end;
		} else if (alnum(fold(c)))
			k = add_word(&b, p, len - (size_t)(p - name));
		else if ((set = readings_of(c)))
			add_unit(&b, syllable(*set), c);
		else
			add_unit(&b, no_reading, c);
		first = 0;
	}
	return strbuf_detach(&b);
}
