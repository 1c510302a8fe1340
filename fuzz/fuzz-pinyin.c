/*
 * fuzz-pinyin.c - a fuzz target for finding and ordering names by pinyin
 * (src/pinyin.c): any bytes, split at the first NUL into a name and a
 * query (without a NUL, the input is both), and pinyin_match and pinyin_key
 * must neither crash nor leak, and keep pinyin.h's promises: a name
 * contains itself and the empty query; ASCII letters match in any case;
 * spaces are left out, so a leading one changes neither what a name
 * matches nor its key.  A broken promise aborts.
 *
 * `make check` replays the seed corpus in fuzz/corpus/pinyin through this
 * entry point (fuzz/replay.c); `make fuzz` runs libFuzzer on it, as
 * fuzz/fuzz-csv.c tells.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/pinyin.h>
#include <orglife/text.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* " " name NUL query NUL */
	char *spaced = xmalloc(size + 3), *name = spaced + 1, *query, *upper, *k1, *k2;
	size_t n;

	spaced[0] = ' ';
	memcpy(name, data, size);
	name[size] = '\0';
	n = strlen(name);
	query = n < size ? name + n + 1 : name;
	upper = xstrdup(name);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	if (!pinyin_match(name, name) || !pinyin_match(name, "") || !pinyin_match(upper, name))
		abort();
	if (pinyin_match(name, query) != pinyin_match(spaced, query))
		abort();
	k1 = pinyin_key(name);
	k2 = pinyin_key(spaced);
	if (strcmp(k1, k2))
		abort();
	free(k1);
	free(k2);
	free(upper);
	free(spaced);
	return 0;
}
