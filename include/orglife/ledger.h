/*
 * ledger.h - the rectification ledger (整改台账, PRODUCT.md §2): problems
 * found in a branch or in one of its members, filed under a category of
 * the seed checklist, each with a measure, the person responsible and a
 * deadline, and its state: open (整改中) -> done (已整改) -> closed
 * (已销号: verified, with who verified it and when).  An item past its
 * deadline and not closed is overdue (R-LEDGER-DUE).
 */
#ifndef ORGLIFE_LEDGER_H
#define ORGLIFE_LEDGER_H

struct db;

/* The problem categories of the seed checklist (its list for 基层党支部,
 * with the problems of 党员 filed under the nearest one). */
enum ledger_category {
	LEDGER_POLITICAL,   /* 政治意识不强; 理想信念模糊动摇 */
	LEDGER_LEADERSHIP,  /* 班子不健全、不团结 */
	LEDGER_MEMBERSHIP,  /* 组织关系管理不规范 (流动党员, 失联党员, 转接) */
	LEDGER_ELECTION,    /* 不按期换届 */
	LEDGER_DUES,        /* 党费收缴不及时、不足额 */
	LEDGER_ORG_LIFE,    /* 组织生活不严肃、不认真、不经常; 党的意识淡化 */
	LEDGER_RECRUITMENT, /* 发展党员不规范 */
	LEDGER_SERVICE,     /* 联系服务群众不到位; 宗旨观念淡薄 */
	LEDGER_OPENNESS,    /* 党务事务不公开、不透明 */
	LEDGER_RIGHTS,      /* 党员权利保障不落实 */
	LEDGER_DISCIPLINE,  /* 不守规矩: 精神不振, 道德行为不端 */
	LEDGER_OTHER,       /* 其他 */
	LEDGER_CATEGORY_COUNT,
	LEDGER_NO_CATEGORY = -1
};

enum ledger_state { LEDGER_OPEN, LEDGER_DONE, LEDGER_CLOSED };

/* "political", "org-life", ...; NULL for LEDGER_NO_CATEGORY or out of range. */
const char *ledger_category_code(enum ledger_category c);
/* The translated name; "" for LEDGER_NO_CATEGORY. */
const char *ledger_category_label(enum ledger_category c);
/* The checklist's Chinese name (政治意识不强, ...); "" for none. */
const char *ledger_category_zh(enum ledger_category c);
/* Accepts a code or the Chinese name; 0 on success, -1 otherwise. */
int ledger_category_parse(const char *s, enum ledger_category *c);

const char *ledger_state_code(enum ledger_state s);  /* "open", "done", "closed" */
const char *ledger_state_label(enum ledger_state s); /* 整改中, 已整改, 已销号 */

struct ledger_item {
	long long id;
	long long org_id;
	char *org_name;
	long long member_id; /* 0: an item of the organization itself */
	char *member_name;   /* NULL when member_id is 0 */
	enum ledger_category category;
	char *problem, *measure, *owner;
	long due;
	enum ledger_state state;
	long done_on;        /* -1: not done */
	char *done_by;       /* NULL: not said */
	char *verified_by;   /* NULL: not said */
	long verified_on;    /* -1: not verified */
};
/* Frees the item's strings and zeroes it. */
void ledger_item_clear(struct ledger_item *it);

/* R-LEDGER-DUE: nonzero when the item is not closed and its deadline lies
 * before today. */
int ledger_overdue(const struct ledger_item *it, long today);

struct ledger_new {
	long long org_id;
	long long member_id; /* 0: none */
	enum ledger_category category; /* LEDGER_NO_CATEGORY: none */
	const char *problem, *measure, *owner;
	long due;
};
/*
 * Adds an open item.  The organization must exist; a member, if given, must
 * belong to it or to an organization under it (for a party group: be in
 * the group).  problem, measure and owner must hold more than blanks, and
 * due is required.  Returns OL_OK and the new id in *id, or OL_EINVAL /
 * OL_ENOTFOUND with a message; nothing is written on failure.
 */
int ledger_add(struct db *db, const struct ledger_new *n, long long *id);

/* open -> done on day, which may not lie after today (the clock).  An item
 * already done or closed is refused (OL_ESTATE). */
int ledger_done(struct db *db, long long id, const char *by, long day);

/* done -> closed (销号): by names who verified (more than blanks), day the
 * verification, neither before the day the item was done nor after today.
 * An open item must be done first and a closed one stays closed
 * (OL_ESTATE). */
int ledger_verify(struct db *db, long long id, const char *by, long day);

/* Fills *it (free with ledger_item_clear); OL_ENOTFOUND with a message
 * when there is no such item. */
int ledger_get(struct db *db, long long id, struct ledger_item *it);

/* Calls fn for every item of org and the organizations under it (0: every
 * item), by deadline then id; stops early and returns fn's value if it is
 * nonzero.  The item passed to fn is valid during the call only. */
int ledger_list(struct db *db, long long org_id,
		int (*fn)(const struct ledger_item *it, void *ctx), void *ctx);

/* An ITEM as typed: its numeric id (items have no name).  OL_ENOTFOUND with
 * a message for anything else or an id that names no item. */
int ledger_resolve(struct db *db, const char *spec, long long *id);

#endif
