/*
 * pinyin-table.h - the shape of the generated table of Mandarin readings
 * (pinyin-table.c, written by tools/gen-pinyin from Unihan), for pinyin.c
 * alone.
 *
 * A character's readings: find the run holding its code point; its entry
 * pinyin_chars[run.base + (cp - run.first)] is PINYIN_NONE or the offset in
 * pinyin_sets of its first reading; the readings follow one another there,
 * each a number into pinyin_syllables, the last with PINYIN_LAST set.  The
 * first reading is the customary one (kMandarin).
 */
#ifndef ORGLIFE_PINYIN_TABLE_H
#define ORGLIFE_PINYIN_TABLE_H

#include <stdint.h>

#define PINYIN_NONE 0xFFFF
#define PINYIN_LAST 0x8000

/* Code points first .. first + count - 1, in order and apart. */
struct pinyin_run {
	uint32_t first;
	uint16_t count;
	uint16_t base;
};

extern const char pinyin_syllables[][7]; /* "a" .. "zuo", in strcmp order */
extern const uint16_t pinyin_sets[];
extern const struct pinyin_run pinyin_runs[];
extern const uint16_t pinyin_chars[];
/* The lengths of the arrays above, in the same order. */
extern const unsigned pinyin_nsyllables, pinyin_nsets, pinyin_nruns, pinyin_nchars;

#endif
