/*
 * import.h - members from a roster exported by a spreadsheet or the
 * national system (PRODUCT.md §5): a CSV file with Chinese or English
 * headers, imported into one branch all or nothing.
 */
#ifndef ORGLIFE_IMPORT_H
#define ORGLIFE_IMPORT_H

#include <stddef.h>

struct db;

/* What an import did. */
struct import_result {
	int added;          /* new members */
	int updated;        /* members matched by name whose facts changed */
	int unchanged;      /* members matched by name, nothing to change */
	int groups_created; /* party groups the file named that were missing */
	int columns_ignored;
	char *ignored;      /* the ignored columns' headers, made harmless for
			     * a terminal and separated by ", "; NULL if none */
};

/*
 * Imports the CSV file in the n bytes at data (see csv.h for the format
 * and the encodings) into the branch branch_id, as of the day today.
 *
 * The first line names the columns, in Chinese or English: 姓名/name
 * (required), 性别/gender, 民族/ethnicity, 出生日期/born, 党员类别 or
 * 人员类别/status (正式党员, 预备党员, full, probationary), 入党日期/joined,
 * 转正日期/confirmed, 联系电话 or 手机号码/phone, 所在党小组 or 党小组/group,
 * 是否党员领导干部 or 领导干部/cadre (是/否, yes/no, 1/0); other columns are
 * ignored and listed in the result.  Dates are 2026-07-15, 2026/7/15,
 * 2026.7.15 or 2026年7月15日.  Fields are trimmed; an empty cell changes
 * nothing; rows with every cell empty are skipped.
 *
 * A row is matched to a member of the branch by name.  When the name is
 * shared (the branch or the file has it more than once), 出生日期, else the
 * phone, tells the people apart: a row whose member cannot be told for
 * certain is refused.  A matched member gets the row's values (gender,
 * ethnicity, born, phone, group, cadre; joined when not yet known; 转正
 * through member_confirm); a row that contradicts the member's admission
 * facts (another joined or 转正 day, 预备党员 for a full member) is
 * refused.  Unmatched rows add members; a 转正日期 makes the member one
 * admitted on 入党日期 and confirmed on that day (R-PROBATION's rules
 * apply).  Party groups named in the file are created under the branch.
 *
 * All or nothing, in one transaction: on any bad row nothing is changed,
 * and the status (OL_EINVAL, OL_ESTATE, ...) comes with a one-line message
 * in db_errmsg naming the line and the column ("line 7, 入党日期: ...").
 * On success *res is filled (free it with import_result_clear); on failure
 * it is left empty.
 */
int import_members(struct db *db, long long branch_id, const char *data, size_t n, long today,
		   struct import_result *res);

/* The largest file `member import` and the Members screen read: a roster
 * of a whole district is a few dozen MiB. */
#define IMPORT_MAX_BYTES (256L * 1024 * 1024)

/* Appends what an import did to b, as people read it: "12 added, 3
 * updated, 30 unchanged; 2 party groups created". */
struct strbuf;
void import_result_summary(const struct import_result *res, struct strbuf *b);

/* Frees what *res owns and zeroes it.  No errors. */
void import_result_clear(struct import_result *res);

#endif
