/*
 * fuzz-csv.c - a fuzz target for the CSV reader (src/util-csv.c): any
 * bytes, and csv_parse must neither crash nor leak, and what it accepts
 * must keep csv.h's promises (every record as wide as the header, every
 * field valid UTF-8 without NUL and at most CSV_FIELD_MAX bytes, lines
 * increasing); a broken promise aborts.
 *
 * `make check` replays the seed corpus in fuzz/corpus/csv through this
 * entry point (fuzz/replay.c).  To fuzz it with libFuzzer (clang):
 *
 *   make fuzz FUZZ_TIME=60
 *
 * or by hand, from the top of the source tree after ./configure:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -I. \
 *     fuzz/fuzz-csv.c src/util-csv.c src/util-text.c -o /tmp/fz &&
 *   mkdir -p /tmp/fz-found && /tmp/fz -max_total_time=60 /tmp/fz-found fuzz/corpus/csv
 *
 * (libFuzzer writes new inputs into its first directory: give it a scratch
 * one, and copy the inputs worth keeping into fuzz/corpus/csv.)
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/csv.h>
#include <orglife/text.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_doc doc;
	struct csv_error err;
	size_t r;
	int k;

	if (csv_parse((const char *)data, size, &doc, &err) != 0) {
		/* A refusal names a line within the file and says why. */
		if (doc.nrecords != 0 || doc.records || err.line < 1 || err.field < 0 || !err.msg[0] ||
		    !memchr(err.msg, '\0', sizeof err.msg))
			abort();
		return 0;
	}
	for (r = 0; r < doc.nrecords; r++) {
		const struct csv_record *rec = &doc.records[r];
		if (rec->nfields < 1 || rec->nfields > CSV_FIELDS_MAX || rec->nfields != doc.records[0].nfields)
			abort();
		if (rec->line < 1 || (r > 0 && rec->line <= doc.records[r - 1].line))
			abort();
		for (k = 0; k < rec->nfields; k++) {
			size_t len = strlen(rec->fields[k]);
			if (len > CSV_FIELD_MAX || !text_utf8_valid(rec->fields[k], len))
				abort();
		}
	}
	csv_doc_free(&doc);
	return 0;
}
