/*
 * pinyin.h - finding names by their pinyin and ordering them as Chinese
 * rosters are ordered.  Pure functions over UTF-8 text, no curses and no
 * SQL: `/` in the screens' lists calls pinyin_match, and the store orders
 * rosters by pinyin_key (registered as the SQL function pinyin_key).  A name
 * may hold any bytes (control characters, invalid UTF-8): each invalid byte
 * counts as a character of its own.
 *
 * Readings are toneless, ü written v, and come from the Unicode Han
 * database (src/pinyin-table.c, tools/gen-pinyin): a character has all of
 * its readings (单: dan, chan, shan), the first of them the customary one.
 * Letters and digits are folded: case, and full-width forms (ｚｓ as zs).
 */
#ifndef ORGLIFE_PINYIN_H
#define ORGLIFE_PINYIN_H

/*
 * Does query occur in name, read as pinyin?  Each character of the name
 * takes, in turn, a piece of the query: itself (张; a letter or a digit
 * in any case), or a prefix of one of its readings, from one letter up to
 * the whole syllable (z, zh, zhang).  So zs, zhangsan, zhangs, zhsan, 张s
 * and 张三 all find 张三, and san finds it too.  A u in the query also
 * stands for ü (lu, lv: 吕).  Spaces, ideographic spaces and middle dots
 * (· in 阿依古丽·买买提) are left out of both.  An empty query (or NULL, or
 * one of spaces alone) matches every name; a NULL name is "".  Returns 1 or
 * 0.  No errors; aborts only when out of memory.
 */
int pinyin_match(const char *name, const char *query);

/*
 * The sort key of name (NULL: ""): a string of bytes, not text, that
 * strcmp orders as a Chinese roster orders names.  Character by character,
 * by pinyin (a Han character by its customary reading; the first character
 * of a name by its reading as a surname: 曾 zeng, 单 shan, 尉迟 yuchi),
 * then by the character itself, so that a surname's people stay together
 * (张 before 章, both zhang).  A run of Latin letters and digits is one
 * word among the syllables (Anna sorts between 安 an and 奥 ao), capitals
 * before small letters; characters without a reading come after every
 * letter, in code point order; spaces and middle dots are left out.  The key
 * holds no NUL byte; the caller frees it.  Aborts only when out of memory.
 */
char *pinyin_key(const char *name);

#endif
