/*
 * cmd-demo-district.c - `orglife demo --scale district`: the world the
 * benchmarks measure (PRODUCT §6).  A district committee (临江区委) over
 * twenty street and town committees (党工委, 党委), their general branches
 * and sub-committees, 2,000 branches of every sort (offices, communities,
 * villages, companies, schools, clinics, retirees, joint branches of small
 * businesses) with 100,000 members in party groups, and ten years of
 * organizational life up to today with a month planned ahead: 三会一课,
 * theme days, the yearly 组织生活会 and appraisal, attendance for everyone
 * expected, elections every three years (five for communities and
 * villages), committees, dues every month.
 *
 * Things go wrong in realistic small proportions: probationary members
 * waiting for 转正 or with probation extended, members flowed out (some with
 * an expired 活动证), lost contact, transferred, absent for months or behind
 * with their dues; branches with an overdue or extended term, a vacant
 * secretary post, skipped meetings, cancelled ones, and about one in twenty
 * that let their organizational life lapse in recent months.
 *
 * The world is built branch by branch (never all of it in memory) through
 * the bulk loader (bulk.h) in one transaction, and is deterministic: a
 * fixed-seed PRNG and dates relative to today (ORGLIFE_NOW pins it).
 * Minutes are left out but for one line on the last month's sessions: the
 * size goal is for the database without minutes.  Names, places and topics
 * are data of a Chinese demo and are not translated.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/bulk.h>
#include <orglife/date.h>
#include <orglife/holidays.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/pack.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include "cmd.h"
#include "demo.h"

enum {
	NSTREETS = 20,
	NURBAN = 12, /* the first NURBAN are streets (街道), the others towns (镇) */
	NBRANCHES = 2000,
	NMEMBERS = 100000,
	MIN_SIZE = 10,
	MAX_SIZE = 90,
	YEARS = 10,
	MAX_GROUPS = 5,
	MAX_EVENTS = 4,
	MAX_ROLES = 96,
	MAX_TERMS = 8,
};

#define HM(h, m) ((h) * 60 + (m))

/* ---- the sorts of branches ----------------------------------------------------- */

enum btype { BT_OFFICE, BT_COMMUNITY, BT_VILLAGE, BT_COMPANY, BT_SCHOOL, BT_HEALTH, BT_RETIREE, BT_JOINT, BT_COUNT };

static const char *const g_office[] = { "综合办党小组", "党建办党小组", "社会事务党小组", "城市管理党小组",
					"经济发展党小组", "平安建设党小组", "财政所党小组", "规划建设党小组" };
static const char *const g_grid[] = { "第一网格党小组", "第二网格党小组", "第三网格党小组", "第四网格党小组",
				      "第五网格党小组" };
static const char *const g_village[] = { "第一党小组", "第二党小组", "第三党小组", "第四党小组", "第五党小组" };
static const char *const g_company[] = { "生产一线党小组", "技术研发党小组", "经营管理党小组", "市场营销党小组",
					 "后勤保障党小组", "质量安全党小组" };
static const char *const g_school[] = { "语文教研组党小组", "数学教研组党小组", "综合教研组党小组",
					"毕业年级党小组", "行政后勤党小组" };
static const char *const g_health[] = { "临床党小组", "医技党小组", "公共卫生党小组", "护理党小组",
					"行政后勤党小组" };
static const char *const g_retiree[] = { "东片党小组", "西片党小组", "南片党小组", "北片党小组", "中片党小组" };
static const char *const g_joint[] = { "餐饮党小组", "商贸党小组", "服务业党小组", "物流党小组", "建材党小组" };

struct tspec {
	int lo, hi;          /* members, before the total is made 100,000 */
	int term_years;      /* 0: the default three */
	int old_pct;         /* retirees among the members */
	int fee_lo, fee_hi;  /* monthly dues of the working, in fen */
	int cadre_pm;        /* leading cadres, per thousand */
	int admit_pct;       /* admitted in the ten years, per hundred members */
	int flow_pm;         /* flowing out for work, per thousand */
	int theme_min, comm_min, group_min, meet_min;
	const char *const *groups;
	int ngroupnames;
};

static const struct tspec tspecs[BT_COUNT] = {
	[BT_OFFICE] = { .lo = 15, .hi = 60, .term_years = 0, .old_pct = 0,
		.fee_lo = 2500, .fee_hi = 12000, .cadre_pm = 120, .admit_pct = 18,
		.flow_pm = 5, .theme_min = HM(15, 0), .comm_min = HM(8, 30),
		.group_min = HM(16, 30), .meet_min = HM(14, 30), .groups = g_office,
		.ngroupnames = NELEM(g_office) },
	[BT_COMMUNITY] = { .lo = 25, .hi = 90, .term_years = 5, .old_pct = 65,
		.fee_lo = 600, .fee_hi = 3000, .cadre_pm = 10, .admit_pct = 12,
		.flow_pm = 20, .theme_min = HM(9, 0), .comm_min = HM(16, 0),
		.group_min = HM(9, 30), .meet_min = HM(9, 0), .groups = g_grid,
		.ngroupnames = NELEM(g_grid) },
	[BT_VILLAGE] = { .lo = 20, .hi = 90, .term_years = 5, .old_pct = 45,
		.fee_lo = 20, .fee_hi = 100, .cadre_pm = 5, .admit_pct = 15,
		.flow_pm = 80, .theme_min = HM(9, 0), .comm_min = HM(19, 30),
		.group_min = HM(19, 30), .meet_min = HM(14, 0), .groups = g_village,
		.ngroupnames = NELEM(g_village) },
	[BT_COMPANY] = { .lo = 10, .hi = 60, .term_years = 0, .old_pct = 0,
		.fee_lo = 1000, .fee_hi = 8000, .cadre_pm = 20, .admit_pct = 30,
		.flow_pm = 30, .theme_min = HM(16, 30), .comm_min = HM(17, 30),
		.group_min = HM(17, 30), .meet_min = HM(16, 30), .groups = g_company,
		.ngroupnames = NELEM(g_company) },
	[BT_SCHOOL] = { .lo = 12, .hi = 60, .term_years = 0, .old_pct = 5,
		.fee_lo = 2000, .fee_hi = 8000, .cadre_pm = 40, .admit_pct = 20,
		.flow_pm = 5, .theme_min = HM(16, 40), .comm_min = HM(12, 30),
		.group_min = HM(16, 40), .meet_min = HM(16, 40), .groups = g_school,
		.ngroupnames = NELEM(g_school) },
	[BT_HEALTH] = { .lo = 15, .hi = 60, .term_years = 0, .old_pct = 5,
		.fee_lo = 2000, .fee_hi = 9000, .cadre_pm = 40, .admit_pct = 20,
		.flow_pm = 5, .theme_min = HM(12, 30), .comm_min = HM(17, 30),
		.group_min = HM(12, 30), .meet_min = HM(17, 30), .groups = g_health,
		.ngroupnames = NELEM(g_health) },
	[BT_RETIREE] = { .lo = 30, .hi = 90, .term_years = 0, .old_pct = 100,
		.fee_lo = 0, .fee_hi = 0, .cadre_pm = 0, .admit_pct = 0,
		.flow_pm = 0, .theme_min = HM(9, 0), .comm_min = HM(9, 0),
		.group_min = HM(9, 30), .meet_min = HM(9, 0), .groups = g_retiree,
		.ngroupnames = NELEM(g_retiree) },
	[BT_JOINT] = { .lo = 10, .hi = 40, .term_years = 0, .old_pct = 10,
		.fee_lo = 500, .fee_hi = 3000, .cadre_pm = 5, .admit_pct = 25,
		.flow_pm = 40, .theme_min = HM(19, 0), .comm_min = HM(19, 30),
		.group_min = HM(19, 30), .meet_min = HM(19, 0), .groups = g_joint,
		.ngroupnames = NELEM(g_joint) },
};

/* ---- names of places ---------------------------------------------------------- */

static const char *const street_names[NSTREETS] = {
	"城关", "东湖", "西城", "南门", "北关", "滨江", "新华", "解放", "人民路", "文化", "朝阳", "鼓楼",
	"青山", "白沙", "石桥", "柳河", "桃源", "马坊", "龙泉", "清水",
};

static const char *const estate_words[] = {
	"和平", "幸福", "朝晖", "建设", "胜利", "光明", "团结", "安康", "文明", "育才", "锦绣", "翠竹",
	"桃李", "梅林", "枫林", "金桥", "银河", "星光", "滨河", "南湖", "北辰", "东方", "长青", "青年",
	"春晖", "阳光", "华庭", "丽景", "康乐", "永安", "太平", "吉祥", "如意", "紫荆", "玉兰", "桂花",
	"荷花", "杏林", "松鹤", "龙腾", "凤鸣", "振兴", "兴华", "繁荣", "新桥", "花园", "书香", "明珠",
};
static const char *const estate_suffixes[] = { "里", "苑", "园", "路", "街", "湾", "坊", "家园" };

static const char *const village_suffixes[] = { "家庄", "家湾", "家坪", "家岭", "家沟", "家店", "家寨", "家桥" };

static const char *const brands[] = {
	"华信", "宏远", "恒通", "鑫源", "瑞丰", "金诚", "天成", "永泰", "中联", "博雅", "同创", "嘉禾",
	"泰和", "盛达", "远航", "宏达", "润华", "锦程", "聚力", "恒信", "联创", "鼎盛", "万和", "安泰",
	"通达", "明远", "德润", "百川", "融通", "长风", "启航", "九州", "星辰", "鸿运", "凯达", "新源",
	"华瑞", "金鼎", "天润", "恒丰", "和信", "广厦", "众诚", "东升", "辰光", "智远", "康泰", "永兴",
	"凯旋", "卓越", "天宇", "华腾", "信达", "中和", "汇智", "金阳", "龙盛", "海纳", "立诚", "方圆",
	"同心", "致远", "益民", "丰源",
};
static const char *const industries[] = {
	"科技有限公司", "物业服务有限公司", "建筑工程有限公司", "商贸有限公司", "物流有限公司",
	"餐饮管理有限公司", "医药连锁有限公司", "机械制造有限公司", "电子有限公司", "食品有限公司",
	"律师事务所", "会计师事务所",
};
static const char *const schools[] = { "中心小学", "实验小学", "初级中学", "中心幼儿园", "第二小学", "职业中学" };
static const char *const joints[] = { "商圈联合党支部", "个体工商户联合党支部", "物业行业联合党支部",
				      "快递物流行业联合党支部", "小微企业联合党支部" };
static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二" };

/* The k-th of n combinations of two lists, in a scattered order that never
 * repeats (stride coprime to n). */
static void combo(int k, int na, int nb, int *a, int *b)
{
	int n = na * nb, stride = 7919 % n, c;

	while (stride == 0 || n % stride == 0 || (stride > 1 && n % 2 == 0 && stride % 2 == 0))
		stride++;
	c = (int)(((long long)k * stride + 13) % n);
	*a = c % na;
	*b = c / na;
}

/* ---- the plan: the tree and the branches' sizes -------------------------------- */

struct container {
	int street;
	enum org_kind kind;
	char name[96];
	long long id;
};

struct bplan {
	int street, container; /* container -1: directly under the street's committee */
	enum btype type;
	int size, ngroups;
	char name[96];
	char place[96], place2[96];
};

struct plan {
	struct container *c;
	int nc, capc;
	struct bplan *b;
	int nb;
	int estates, villages, companies; /* names handed out */
};

static struct container *add_container(struct plan *p, int street, enum org_kind kind, const char *name)
{
	struct container *c;

	if (p->nc == p->capc) {
		p->capc = p->capc ? p->capc * 2 : 64;
		p->c = xrealloc(p->c, (size_t)p->capc * sizeof *p->c);
	}
	c = &p->c[p->nc++];
	memset(c, 0, sizeof *c);
	c->street = street;
	c->kind = kind;
	snprintf(c->name, sizeof c->name, "%s", name);
	return c;
}

static struct bplan *add_branch(struct plan *p, struct rng *r, int street, int container, enum btype type)
{
	const struct tspec *t = &tspecs[type];
	struct bplan *b = &p->b[p->nb++];
	int half = (t->hi - t->lo) / 2;

	memset(b, 0, sizeof *b);
	b->street = street;
	b->container = container;
	b->type = type;
	b->size = t->lo + rng_int(r, 0, half) + rng_int(r, 0, t->hi - t->lo - half);
	return b;
}

static const char *street_suffix(int s)
{
	return s < NURBAN ? "街道" : "镇";
}

/* The branches of one street or town, count of them. */
static void plan_street(struct plan *p, struct rng *r, int s, int count)
{
	const char *sn = street_names[s];
	char buf[96];
	int end = p->nb + count, n, i, k, ci, urban = s < NURBAN;
	struct bplan *b;

	/* 机关: the offices of the street or town, under 机关党总支. */
	snprintf(buf, sizeof buf, "%s%s机关党总支", sn, street_suffix(s));
	add_container(p, s, ORG_GENERAL_BRANCH, buf);
	ci = p->nc - 1;
	n = urban ? rng_int(r, 6, 10) : rng_int(r, 5, 8);
	for (i = 0; i < n; i++) {
		b = add_branch(p, r, s, ci, BT_OFFICE);
		snprintf(b->name, sizeof b->name, "%s%s机关第%s党支部", sn, street_suffix(s), numerals[i]);
		snprintf(b->place, sizeof b->place, "%s%s三楼党员活动室", sn, urban ? "街道办事处" : "镇政府");
		snprintf(b->place2, sizeof b->place2, "%s%s二楼小会议室", sn, urban ? "街道办事处" : "镇政府");
	}
	/* Schools, a clinic, retirees. */
	n = rng_int(r, 2, 4);
	for (i = 0; i < n; i++) {
		b = add_branch(p, r, s, -1, BT_SCHOOL);
		snprintf(b->name, sizeof b->name, "%s%s党支部", sn, schools[i]);
		snprintf(b->place, sizeof b->place, "%s%s党员活动室", sn, schools[i]);
		snprintf(b->place2, sizeof b->place2, "%s%s行政楼会议室", sn, schools[i]);
	}
	b = add_branch(p, r, s, -1, BT_HEALTH);
	snprintf(b->name, sizeof b->name, "%s%s党支部", sn, urban ? "社区卫生服务中心" : "镇卫生院");
	snprintf(b->place, sizeof b->place, "%s%s会议室", sn, urban ? "社区卫生服务中心" : "镇卫生院");
	snprintf(b->place2, sizeof b->place2, "%s", b->place);
	b = add_branch(p, r, s, -1, BT_RETIREE);
	snprintf(b->name, sizeof b->name, "%s%s退休干部党支部", sn, street_suffix(s));
	snprintf(b->place, sizeof b->place, "%s%s老干部活动中心", sn, street_suffix(s));
	snprintf(b->place2, sizeof b->place2, "%s%s退休职工之家", sn, street_suffix(s));

	/* Companies and joint branches under the non-public sector committee. */
	snprintf(buf, sizeof buf, "%s%s非公有制经济组织党委", sn, street_suffix(s));
	add_container(p, s, ORG_COMMITTEE, buf);
	ci = p->nc - 1;
	n = (end - p->nb) * (urban ? 38 : 25) / 100;
	for (i = 0; i < n; i++) {
		if (i < 3) {
			b = add_branch(p, r, s, ci, BT_JOINT);
			snprintf(b->name, sizeof b->name, "%s%s", sn, joints[i + (urban ? 0 : 2)]);
			snprintf(b->place, sizeof b->place, "%s商会党群服务站", sn);
			snprintf(b->place2, sizeof b->place2, "%s%s党群服务中心", sn, street_suffix(s));
			continue;
		}
		b = add_branch(p, r, s, ci, BT_COMPANY);
		{
			int a, c;
			combo(p->companies++, NELEM(brands), NELEM(industries), &a, &c);
			snprintf(b->name, sizeof b->name, "%s%s党支部", brands[a], industries[c]);
			snprintf(b->place, sizeof b->place, "%s%s党员活动室", brands[a], c >= 10 ? "所" : "公司");
			snprintf(b->place2, sizeof b->place2, "%s%s会议室", brands[a], c >= 10 ? "所" : "公司");
		}
	}

	/* The rest: communities (streets) or villages (towns). */
	while (p->nb < end) {
		int left = end - p->nb, a, c;
		char place[64];

		if (urban) {
			combo(p->estates++, NELEM(estate_words), NELEM(estate_suffixes), &a, &c);
			snprintf(place, sizeof place, "%s%s社区", estate_words[a], estate_suffixes[c]);
			k = rng_int(r, 2, 7);
		} else {
			combo(p->villages++, 60, NELEM(village_suffixes), &a, &c);
			snprintf(place, sizeof place, "%s%s村", demo_surnames[a], village_suffixes[c]);
			k = rng_pct(r, 80) ? 1 : rng_int(r, 2, 3);
		}
		if (k > left)
			k = left;
		ci = -1;
		if (k >= 5) {
			snprintf(buf, sizeof buf, "%s党委", place);
			add_container(p, s, ORG_COMMITTEE, buf);
			ci = p->nc - 1;
		} else if (k >= 2) {
			snprintf(buf, sizeof buf, "%s党总支", place);
			add_container(p, s, ORG_GENERAL_BRANCH, buf);
			ci = p->nc - 1;
		}
		for (i = 0; i < k; i++) {
			int retirees = urban && k >= 4 && i == k - 1;
			b = add_branch(p, r, s, ci, retirees ? BT_RETIREE : urban ? BT_COMMUNITY : BT_VILLAGE);
			if (k == 1)
				snprintf(b->name, sizeof b->name, "%s党支部", place);
			else if (retirees)
				snprintf(b->name, sizeof b->name, "%s离退休党支部", place);
			else
				snprintf(b->name, sizeof b->name, "%s第%s党支部", place, numerals[i]);
			snprintf(b->place, sizeof b->place, "%s党群服务中心", place);
			snprintf(b->place2, sizeof b->place2, "%s%s", place, urban ? "二楼会议室" : "村委会会议室");
		}
	}
}

/* Sizes add up to NMEMBERS, each within MIN_SIZE..MAX_SIZE; groups follow. */
static void plan_sizes(struct plan *p)
{
	long total = 0;
	int i, k = 0;

	for (i = 0; i < p->nb; i++)
		total += p->b[i].size;
	while (total != NMEMBERS) {
		struct bplan *b = &p->b[k];
		k = (k + 7919) % p->nb;
		if (total < NMEMBERS && b->size < MAX_SIZE) {
			b->size++;
			total++;
		} else if (total > NMEMBERS && b->size > MIN_SIZE) {
			b->size--;
			total--;
		}
	}
	for (i = 0; i < p->nb; i++) {
		struct bplan *b = &p->b[i];
		b->ngroups = b->size < 20 ? 3 : b->size < 50 ? 3 + (b->size >= 35) : 4 + (b->size >= 70);
	}
}

static void make_plan(struct plan *p, struct rng *r)
{
	int count[NSTREETS], s, total = 0;

	memset(p, 0, sizeof *p);
	p->b = xmalloc(NBRANCHES * sizeof *p->b);
	for (s = 0; s < NSTREETS; s++)
		total += count[s] = rng_int(r, 85, 115);
	for (s = 0; total != NBRANCHES; s = (s + 1) % NSTREETS) {
		count[s] += total < NBRANCHES ? 1 : -1;
		total += total < NBRANCHES ? 1 : -1;
	}
	for (s = 0; s < NSTREETS; s++)
		plan_street(p, r, s, count[s]);
	plan_sizes(p);
}

/* ---- one branch being built ----------------------------------------------------- */

struct devent {
	long day, until;
	enum member_event_kind kind;
	char doc[40];
};

struct dm {
	long long id;
	char name[32];
	char phone[16];
	int g;            /* party group */
	int old, cadre;
	int admitted;     /* admitted probationary within the ten years */
	long joined;
	long confirmed;   /* -1: not (yet) */
	long prob_until;  /* -1: not extended */
	long full_from;   /* the day they became a full member */
	int transfer_in;  /* has a transfer-in event */
	long arrive;      /* in the branch from (joined, or the transfer-in day) */
	struct devent ev[MAX_EVENTS];
	int nev;
	int story;        /* one thing that happens to them, at most */
	int permille;     /* how often present */
	long absent_from; /* absent from every session from then (-1) */
	int last_paid;    /* the last month with dues (-1: up to now) */
	int fee_fen, pay_day, pay_every;
};

struct drole {
	int m;
	enum role_kind role;
	long from, to;
};

struct branch {
	const struct bplan *bp;
	const struct tspec *t;
	long long id, group_id[MAX_GROUPS];
	int term_years;
	long founded;   /* -1: before the ten years */
	long lapse_from; /* -1: not lapsed */
	int patchy;     /* skips some meetings */
	struct dm m[MAX_SIZE];
	int n;
	struct drole roles[MAX_ROLES];
	int nroles;
	long elections[MAX_TERMS]; /* oldest first */
	int nelections;
	long ext_until;            /* the last term's extension, -1 none */
	/* the usual days: week of month (0: day of month) and weekday */
	int theme_week, theme_wday, comm_wday, group_wday, meet_wday;
	int theme_min, comm_min, group_min, meet_min;
};

struct district {
	struct cli_ctx *ctx;
	struct db *db;
	struct bulk *bulk;
	struct rng rng;
	long today, start, horizon;
	int doc_no;
	struct branch *br;
	struct marks marks;
	struct payments pay;
	struct strbuf sb;
	struct demo_counts *n;
};

enum story {
	ST_NONE,
	ST_TRANSFER_OUT, /* moved away: transfer letter */
	ST_FLOWING,      /* flowed out for work, still away (活动证 valid or expired) */
	ST_FLOWED_BACK,  /* flowed out and came back */
	ST_LOST,         /* lost contact */
	ST_LOST_BACK,    /* lost contact, then found again */
	ST_ABSENTEE,     /* stopped coming to meetings */
	ST_ARREARS,      /* stopped paying dues */
};

static long clamp_day(long day, long lo, long hi)
{
	return day < lo ? lo : day > hi ? hi : day;
}

/* Is member m here (expected at the branch's sessions) on day?  The same
 * reading as the attendance sheet's (session_attendees). */
static int here(const struct dm *m, long day)
{
	int i;

	if (m->joined > day)
		return 0;
	for (i = m->nev - 1; i >= 0; i--)
		if (m->ev[i].day <= day)
			return m->ev[i].kind == EVENT_TRANSFER_IN || m->ev[i].kind == EVENT_BACK;
	return !m->transfer_in;
}

/* Here on every day from..to. */
static int here_throughout(const struct dm *m, long from, long to)
{
	int i;

	if (!here(m, from))
		return 0;
	for (i = 0; i < m->nev; i++)
		if (m->ev[i].day > from && m->ev[i].day <= to && m->ev[i].kind != EVENT_TRANSFER_IN &&
		    m->ev[i].kind != EVENT_BACK)
			return 0;
	return 1;
}

static void add_event(struct district *d, struct dm *m, enum member_event_kind kind, long day, long until,
		      const char *prefix)
{
	struct devent *e = &m->ev[m->nev++];
	int y;

	e->day = day;
	e->until = until;
	e->kind = kind;
	e->doc[0] = 0;
	date_to_ymd(day, &y, NULL, NULL);
	if (prefix)
		snprintf(e->doc, sizeof e->doc, "%s%04d%05d", prefix, y, ++d->doc_no % 100000);
}

static int name_taken(const struct branch *br, int n, const char *name)
{
	int j;

	for (j = 0; j < n; j++)
		if (strcmp(br->m[j].name, name) == 0)
			return 1;
	return 0;
}

static void make_member(struct district *d, struct branch *br, int i)
{
	struct rng *r = &d->rng;
	const struct tspec *t = br->t;
	struct dm *m = &br->m[i];
	long today = d->today, first = br->founded >= 0 ? br->founded : d->start, day;
	long last_admission = (br->lapse_from >= 0 ? br->lapse_from : today) - 20;
	int tries = 0;

	memset(m, 0, sizeof *m);
	m->confirmed = m->prob_until = m->absent_from = m->arrive = -1;
	m->last_paid = -1;
	m->g = i * br->bp->ngroups / br->n;
	m->old = rng_pct(r, t->old_pct);
	/* Names repeat across a district, but rarely inside a branch. */
	do
		demo_name(r, m->old, m->name, sizeof m->name);
	while (++tries < 20 && name_taken(br, i, m->name));
	if (!m->old || rng_pct(r, 70))
		demo_phone(r, m->phone);

	/* Joined: retirees long ago; some admitted here within the ten years. */
	m->admitted = !m->old && last_admission - first > 400 && rng_pct(r, t->admit_pct);
	if (m->admitted) {
		m->joined = holiday_next_workday(first + 30 + rng_int(r, 0, (int)(last_admission - first - 60)));
		m->confirmed = -1;
		day = date_add_years(m->joined, 1);
		if (rng_pct(r, 4)) {
			m->prob_until = date_add_months(day, rng_int(r, 6, 12));
			day = m->prob_until;
		}
		/* 转正 on the first assembly after probation; a few still waiting. */
		if (day + 60 < today || (day < today && rng_pct(r, 85)))
			m->confirmed = holiday_next_workday(day + rng_int(r, 0, 25));
		if (m->confirmed >= today)
			m->confirmed = -1;
		m->full_from = m->confirmed >= 0 ? m->confirmed : -1;
	} else {
		int years = m->old ? rng_int(r, 25, 55) : rng_int(r, 3, 30);
		m->joined = date_add_years(today, -years) - rng_int(r, 0, 364);
		if (m->joined >= first)
			m->joined = first - rng_int(r, 30, 400);
		/* A new branch's members came by transfer letter; elsewhere a few. */
		m->transfer_in = br->founded >= 0 || rng_pct(r, 6);
		m->full_from = date_add_years(m->joined, 1);
	}
	m->arrive = m->joined;
	if (m->transfer_in) {
		long arrive = br->founded >= 0 && m->joined < br->founded
				      ? br->founded
				      : holiday_next_workday(first + rng_int(r, 0, (int)(last_admission - first)));
		add_event(d, m, EVENT_TRANSFER_IN, arrive, -1, "转入");
		m->arrive = arrive;
	}

	/* At most one story each, in small proportions. */
	{
		int x = rng_int(r, 0, 999), young = !m->old;
		long from = m->arrive + 90, span;

		/* Nothing happens to a probationary member before 转正. */
		if (m->admitted)
			from = (m->confirmed >= 0 ? m->confirmed : today) + 30;
		span = today - 30 - from;

		if (span < 200)
			x = 999;
		if (x < 50) {
			m->story = ST_TRANSFER_OUT;
			day = holiday_next_workday(from + rng_int(r, 0, (int)span));
			add_event(d, m, EVENT_TRANSFER_OUT, day, -1, "转出");
		} else if (young && x < 50 + t->flow_pm / 3) {
			/* Away for work now: a 活动证 for a year, not always renewed. */
			long until;
			m->story = ST_FLOWING;
			day = clamp_day(today - rng_int(r, 30, 900), from, today - 30);
			/* Most renew the certificate each year (its validity is
			 * then the next anniversary); some let it lapse. */
			until = date_add_years(day, 1) - 1;
			while (until < today && rng_pct(r, 75))
				until = date_add_years(until + 1, 1) - 1;
			add_event(d, m, EVENT_FLOW_OUT, day, until, "LD");
		} else if (young && x < 50 + t->flow_pm) {
			long back;
			m->story = ST_FLOWED_BACK;
			day = from + rng_int(r, 0, (int)span);
			back = day + rng_int(r, 90, 700);
			if (back >= today - 10)
				back = today - 10;
			if (back > day + 30) {
				add_event(d, m, EVENT_FLOW_OUT, day, date_add_years(day, 1) - 1, "LD");
				add_event(d, m, EVENT_BACK, back, -1, NULL);
			} else
				m->story = ST_NONE;
		} else if (x >= 900 && x < 904) {
			m->story = ST_LOST;
			day = clamp_day(today - rng_int(r, 120, 1500), from, today - 30);
			add_event(d, m, EVENT_LOST, day, -1, NULL);
		} else if (x >= 904 && x < 906) {
			long back;
			m->story = ST_LOST_BACK;
			day = from + rng_int(r, 0, (int)span);
			back = day + rng_int(r, 60, 400);
			if (back < today - 10) {
				add_event(d, m, EVENT_LOST, day, -1, NULL);
				add_event(d, m, EVENT_BACK, back, -1, NULL);
			} else
				m->story = ST_NONE;
		} else if (x >= 910 && x < 915) {
			m->story = ST_ABSENTEE;
			m->absent_from = today - rng_int(r, 100, 330);
		} else if (x >= 920 && x < 932) {
			m->story = ST_ARREARS;
			m->last_paid = date_month_index(today) - rng_int(r, 2, 11);
		}
	}
	m->permille = m->old ? rng_int(r, 820, 950) : rng_int(r, 880, 985);
	if (m->story == ST_ABSENTEE)
		m->permille = 650;
	m->cadre = !m->old && rng_int(r, 0, 999) < t->cadre_pm;
	if (m->old)
		m->fee_fen = rng_int(r, 1, 40) * 50;
	else if (br->bp->type == BT_VILLAGE)
		m->fee_fen = rng_int(r, 1, 5) * 20;
	else
		m->fee_fen = rng_int(r, t->fee_lo / 10, t->fee_hi / 10) * 10;
	m->pay_day = rng_int(r, 1, 20);
	/* Most pay every month; the elderly and villagers often a quarter or a
	 * year at a time. */
	if (m->old || br->bp->type == BT_VILLAGE)
		m->pay_every = rng_pct(r, 40) ? 1 : rng_pct(r, 60) ? 3 : 12;
	else
		m->pay_every = rng_pct(r, 85) ? 1 : 3;
}

/* Members leave, flow out and come back: the dues stop with them. */
static int gone_month(const struct dm *m)
{
	int i;

	for (i = 0; i < m->nev; i++) {
		if (m->ev[i].kind == EVENT_TRANSFER_OUT)
			return date_month_index(m->ev[i].day);
		if (m->ev[i].kind == EVENT_LOST && (i + 1 == m->nev))
			return date_month_index(m->ev[i].day) - 1;
	}
	return -1;
}

/* ---- committees and elections ------------------------------------------------------ */

static int full_on(const struct dm *m, long day)
{
	return m->full_from >= 0 && m->full_from <= day;
}

static int holds_role(const struct branch *br, int mi, long from, long to)
{
	int i;

	for (i = 0; i < br->nroles; i++) {
		const struct drole *r = &br->roles[i];
		if (r->m == mi && r->from <= (to < 0 ? 0x7fffffffL : to) && (r->to < 0 || r->to >= from))
			return 1;
	}
	return 0;
}

/* Can mi serve on the committee from..to (to -1: up to today)? */
static int eligible(const struct district *d, const struct branch *br, int mi, long from, long to)
{
	const struct dm *m = &br->m[mi];

	return full_on(m, from) && m->story != ST_ABSENTEE &&
	       here_throughout(m, from, to < 0 ? d->today : to) && !holds_role(br, mi, from, to);
}

static const enum role_kind seats[] = {
	ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_DISCIPLINE, ROLE_COMMITTEE_MEMBER,
	ROLE_COMMITTEE_MEMBER,
};

/* The committee elected on from, serving to `to` (-1: still): most keep
 * their seat, some faces change. */
static void elect(struct district *d, struct branch *br, long from, long to, const int prev[7], int now[7])
{
	static const enum role_kind three[] = { ROLE_SECRETARY, ROLE_ORGANIZER, ROLE_PROPAGANDA };
	const enum role_kind *roles = seats;
	int fulls = 0, size, i, k;

	for (i = 0; i < br->n; i++)
		fulls += full_on(&br->m[i], from) && here(&br->m[i], from);
	if (fulls >= 7)
		size = fulls < 20 ? 3 : fulls < 70 || rng_pct(&d->rng, 50) ? 5 : 7;
	else
		size = rng_pct(&d->rng, 50) ? 2 : 1; /* a secretary, perhaps a deputy */
	if (size == 3)
		roles = three;
	for (k = 0; k < 7; k++)
		now[k] = -1;
	for (k = 0; k < size && br->nroles < MAX_ROLES; k++) {
		int mi = -1, tries;

		if (prev[k] >= 0 && eligible(d, br, prev[k], from, to) && rng_pct(&d->rng, 75))
			mi = prev[k];
		for (tries = 0; mi < 0 && tries < 3 * br->n; tries++) {
			int c = rng_int(&d->rng, 0, br->n - 1);
			if (eligible(d, br, c, from, to))
				mi = c;
		}
		if (mi < 0)
			continue;
		now[k] = mi;
		br->roles[br->nroles].m = mi;
		br->roles[br->nroles].role = roles[k];
		br->roles[br->nroles].from = from;
		br->roles[br->nroles].to = to;
		br->nroles++;
	}
}

/* Elections every term back to before the ten years (or the branch's
 * founding), and the committees they elected.  Most terms are current;
 * some overdue, some extended with approval. */
static void plan_elections(struct district *d, struct branch *br)
{
	struct rng *r = &d->rng;
	long days[MAX_TERMS], last, term_days = 365L * br->term_years, limit;
	int n = 0, i, x = rng_int(r, 0, 999), prev[7], now[7];

	br->ext_until = -1;
	limit = br->lapse_from >= 0 ? br->lapse_from - 30 : d->today - 7;
	if (x < 30) /* overdue, nothing approved */
		last = date_add_years(d->today, -br->term_years) - rng_int(r, 15, 300);
	else if (x < 55) { /* extended, within a year */
		last = date_add_years(d->today, -br->term_years) - rng_int(r, 15, 200);
		br->ext_until = date_add_months(date_add_years(last, br->term_years), rng_int(r, 6, 12));
	} else if (x < 60) { /* extended beyond the year allowed */
		last = date_add_years(d->today, -br->term_years) - rng_int(r, 15, 120);
		br->ext_until = date_add_months(date_add_years(last, br->term_years), 15);
	} else
		last = d->today - rng_int(r, 20, (int)term_days - 20);
	last = holiday_next_workday(last > limit ? limit : last);
	if (br->founded >= 0 && last < br->founded) {
		last = br->founded;
		br->ext_until = -1;
	}
	days[n++] = last;
	while (n < MAX_TERMS) {
		long e = days[n - 1];
		long p = holiday_next_workday(date_add_years(e, -br->term_years) - rng_int(r, -20, 40));
		if (br->founded >= 0 && p <= br->founded) {
			if (e != br->founded)
				days[n++] = br->founded;
			break;
		}
		days[n++] = p;
		if (p <= d->start)
			break;
	}
	br->nelections = n;
	for (i = 0; i < n; i++)
		br->elections[i] = days[n - 1 - i];
	for (i = 0; i < 7; i++)
		prev[i] = -1;
	for (i = 0; i < n; i++) {
		elect(d, br, br->elections[i], i + 1 < n ? br->elections[i + 1] - 1 : -1, prev, now);
		memcpy(prev, now, sizeof prev);
	}
}

/* A secretary who left mid-term: the post is vacant (R-SECRETARY). */
static void vacate_secretary(struct district *d, struct branch *br)
{
	int i;
	long left = holiday_next_workday(d->today - rng_int(&d->rng, 60, 200));

	for (i = 0; i < br->nroles; i++) {
		struct drole *r = &br->roles[i];
		struct dm *m = &br->m[r->m];
		if (r->role != ROLE_SECRETARY || r->to >= 0 || r->from >= left - 30 || m->story != ST_NONE)
			continue;
		r->to = left - 1;
		m->story = ST_TRANSFER_OUT;
		add_event(d, m, EVENT_TRANSFER_OUT, left, -1, "转出");
		return;
	}
}

static int role_holder(const struct branch *br, enum role_kind role, long day)
{
	int i;

	for (i = 0; i < br->nroles; i++) {
		const struct drole *r = &br->roles[i];
		if (r->role == role && r->from <= day && (r->to < 0 || r->to >= day))
			return r->m;
	}
	return -1;
}

static int committee_size(const struct branch *br, long day)
{
	int i, n = 0;

	for (i = 0; i < br->nroles; i++)
		n += br->roles[i].from <= day && (br->roles[i].to < 0 || br->roles[i].to >= day);
	return n;
}

static int first_here(const struct branch *br, long day, const enum role_kind *roles, int n)
{
	int i, m;

	for (i = 0; i < n; i++)
		if ((m = role_holder(br, roles[i], day)) >= 0 && here(&br->m[m], day))
			return m;
	return -1;
}

/* Someone here that day, from member `from` on, other than `not`. */
static int anyone_here(const struct branch *br, long day, int from, int group, int not)
{
	int i, k;

	for (k = 0; k < br->n; k++) {
		i = (from + k) % br->n;
		if (i != not && (group < 0 || br->m[i].g == group) && here(&br->m[i], day) && full_on(&br->m[i], day))
			return i;
	}
	return -1;
}

static int host_of(const struct branch *br, long day)
{
	static const enum role_kind order[] = { ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER };
	int m = first_here(br, day, order, NELEM(order));

	return m >= 0 ? m : anyone_here(br, day, 0, -1, -1);
}

static int recorder_of(const struct branch *br, long day, int host)
{
	static const enum role_kind order[] = { ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_COMMITTEE_MEMBER, ROLE_DEPUTY };
	int m = first_here(br, day, order, NELEM(order));

	return m >= 0 && m != host ? m : anyone_here(br, day, host + 1, -1, host);
}

/* ---- sessions ---------------------------------------------------------------------- */

struct dsession {
	int g; /* a group's meeting, else -1 */
	enum session_kind kind, also;
	long day;
	int minute;
	const char *place;
	char topic[256];
	int host, recorder, lecturer; /* member indexes, -1: none */
	int vote;                     /* admission, 转正, election: hard to miss */
};

static void ds_init(struct dsession *s, const struct branch *br, enum session_kind kind, long day, int minute)
{
	memset(s, 0, sizeof *s);
	s->g = -1;
	s->kind = kind;
	s->also = SK_NONE;
	s->day = day;
	s->minute = minute;
	s->place = br->bp->place;
	s->host = host_of(br, day);
	s->recorder = recorder_of(br, day, s->host);
	s->lecturer = -1;
}

static int expected(const struct branch *br, const struct dsession *s, int mi)
{
	const struct dm *m = &br->m[mi];
	int i;

	if (!here(m, s->day))
		return 0;
	if (s->kind == SK_GROUP)
		return m->g == s->g;
	if (s->kind != SK_COMMITTEE)
		return 1;
	for (i = 0; i < br->nroles; i++) {
		const struct drole *r = &br->roles[i];
		if (r->m == mi && r->from <= s->day && (r->to < 0 || r->to >= s->day))
			return 1;
	}
	return 0;
}

static enum attend_status decide(struct district *d, const struct dsession *s, const struct dm *m, int mi)
{
	int r;

	if (mi == s->host || mi == s->recorder || mi == s->lecturer)
		return ATTEND_PRESENT;
	if (m->absent_from >= 0 && s->day >= m->absent_from)
		return ATTEND_ABSENT;
	if (rng_int(&d->rng, 0, 999) < m->permille)
		return ATTEND_PRESENT;
	if (s->vote && rng_pct(&d->rng, 70))
		return ATTEND_PRESENT;
	r = rng_int(&d->rng, 0, 99);
	return r < 25 ? ATTEND_LATE : r < 90 ? ATTEND_EXCUSED : ATTEND_ABSENT;
}

/* Writes the session: held with its marks when it lies before today,
 * planned from today on, or cancelled. */
static int emit(struct district *d, struct branch *br, struct dsession *s, int cancel, long long *id_out)
{
	struct session row;
	enum session_state state = cancel ? SESSION_CANCELLED : s->day < d->today ? SESSION_HELD : SESSION_PLANNED;
	unsigned char *blob = NULL;
	size_t len = 0;
	const char *minutes = NULL;
	long long id;
	int i, rc, attended = 0, nexp = 0;

	memset(&row, 0, sizeof row);
	row.org_id = s->g >= 0 ? br->group_id[s->g] : br->id;
	row.kind = s->kind;
	row.also = s->also;
	row.day = s->day;
	row.minute = state == SESSION_PLANNED && rng_pct(&d->rng, 40) ? -1 : s->minute;
	row.place = (char *)s->place;
	row.topic = s->topic;
	row.host_id = s->host >= 0 ? br->m[s->host].id : 0;
	row.recorder_id = s->recorder >= 0 ? br->m[s->recorder].id : 0;
	row.lecturer_id = s->lecturer >= 0 ? br->m[s->lecturer].id : 0;
	if (state == SESSION_HELD) {
		d->marks.n = 0;
		for (i = 0; i < br->n; i++) {
			enum attend_status st;
			if (!expected(br, s, i))
				continue;
			st = decide(d, s, &br->m[i], i);
			marks_set(&d->marks, br->m[i].id, (int)st);
			nexp++;
			attended += st == ATTEND_PRESENT || st == ATTEND_LATE;
		}
		blob = marks_encode(&d->marks, &len);
		d->n->marks += nexp;
		/* One line of minutes for the last month's sessions. */
		if (s->day >= d->today - 30 && s->host >= 0) {
			strbuf_reset(&d->sb);
			strbuf_addf(&d->sb, "会议由%s同志主持，应到%d人，实到%d人。", br->m[s->host].name, nexp, attended);
			minutes = strbuf_str(&d->sb);
		}
	}
	rc = bulk_session(d->bulk, &row, state, blob, len, minutes, &id);
	free(blob);
	if (rc == OL_OK)
		d->n->sessions++;
	if (id_out)
		*id_out = rc == OL_OK ? id : 0;
	return rc;
}

/* Held, skipped or cancelled (and then sometimes held a week later). */
static int add(struct district *d, struct branch *br, struct dsession *s, int skip_pct)
{
	int y, m, rc;
	long first = br->founded >= 0 ? br->founded : d->start;

	if (s->day < first || s->day > d->horizon || (br->lapse_from >= 0 && s->day >= br->lapse_from))
		return OL_OK;
	date_to_ymd(s->day, &y, &m, NULL);
	/* Early 2020: gatherings were called off. */
	if (y == 2020 && ((m == 2 && rng_pct(&d->rng, 80)) || (m == 3 && rng_pct(&d->rng, 40))))
		return OL_OK;
	if (skip_pct && rng_int(&d->rng, 0, 999) < skip_pct)
		return OL_OK;
	if (!s->vote && rng_int(&d->rng, 0, 999) < 8) {
		if ((rc = emit(d, br, s, 1, NULL)) != OL_OK || rng_pct(&d->rng, 50))
			return rc;
		s->day = holiday_next_workday(s->day + 7);
		if (s->day > d->horizon || (br->lapse_from >= 0 && s->day >= br->lapse_from))
			return OL_OK;
	}
	return emit(d, br, s, 0, NULL);
}

static const char *theme_place(const struct branch *br, int m, char *buf, size_t n)
{
	const struct bplan *bp = br->bp;

	if (m == 4)
		return "临江区革命烈士陵园";
	if (m == 9)
		return "临江区革命纪念馆";
	if (m == 3 || m == 11) {
		snprintf(buf, n, "%s%s新时代文明实践所", street_names[bp->street], street_suffix(bp->street));
		return buf;
	}
	return bp->place;
}

static int lecturer_for(const struct branch *br, int q, long day)
{
	static const enum role_kind q1[] = { ROLE_PROPAGANDA, ROLE_ORGANIZER, ROLE_DEPUTY, ROLE_SECRETARY };
	static const enum role_kind q3[] = { ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_SECRETARY };
	int m;

	if (q == 2 || q == 4)
		return host_of(br, day); /* the secretary, as long as there is one */
	m = first_here(br, day, q == 1 ? q1 : q3, 4);
	return m >= 0 ? m : host_of(br, day);
}

/* Skips, per thousand, by how diligent the branch is. */
static int skip(const struct branch *br, enum session_kind kind)
{
	if (!br->patchy)
		return 4;
	switch (kind) {
	case SK_GROUP:
		return 120;
	case SK_COMMITTEE:
		return 90;
	case SK_LESSON:
		return 100;
	default:
		return 50;
	}
}

static int branch_month(struct district *d, struct branch *br, int y, int m)
{
	struct dsession s;
	char place[96];
	int q = (m - 1) / 3 + 1, mq = (m - 1) % 3 + 1, g, rc;
	long day;

	/* 主题党日: monthly; in the first month of a quarter it includes a lesson. */
	day = holiday_next_workday(br->theme_week ? demo_nth_wday(y, m, br->theme_week, br->theme_wday)
					  : demo_ymd(y, m, br->theme_wday));
	ds_init(&s, br, SK_THEME_DAY, day, br->theme_min);
	demo_theme_topic(&d->rng, br->bp->type == BT_RETIREE, y, m, s.topic, sizeof s.topic);
	s.place = theme_place(br, m, place, sizeof place);
	if (mq == 1) {
		s.also = SK_LESSON;
		s.lecturer = lecturer_for(br, 1, day);
	}
	if ((rc = add(d, br, &s, skip(br, SK_THEME_DAY))) != OL_OK)
		return rc;

	/* 支部委员会: monthly, for a branch with a committee. */
	day = holiday_next_workday(demo_nth_wday(y, m, 1, br->comm_wday));
	if (committee_size(br, day) >= 3) {
		ds_init(&s, br, SK_COMMITTEE, day, br->comm_min);
		demo_committee_topic(&d->rng, y, m, s.topic, sizeof s.topic);
		s.place = br->bp->place2;
		if ((rc = add(d, br, &s, skip(br, SK_COMMITTEE))) != OL_OK)
			return rc;
	}

	/* 党小组会: monthly, each group, led by one of its settled members. */
	for (g = 0; g < br->bp->ngroups; g++) {
		day = holiday_next_workday(demo_nth_wday(y, m, 2, (br->group_wday + g - 1) % 5 + 1));
		ds_init(&s, br, SK_GROUP, day, br->group_min);
		s.g = g;
		s.host = anyone_here(br, day, g * br->n / br->bp->ngroups, g, -1);
		s.recorder = s.host >= 0 ? anyone_here(br, day, s.host + 1, g, s.host) : -1;
		demo_group_topic(&d->rng, y, m, s.topic, sizeof s.topic);
		s.place = g % 2 ? br->bp->place2 : br->bp->place;
		if ((rc = add(d, br, &s, skip(br, SK_GROUP))) != OL_OK)
			return rc;
	}

	/* 支部党员大会: the middle month of each quarter. */
	if (mq == 2) {
		day = holiday_next_workday(demo_nth_wday(y, m, 3, br->meet_wday));
		ds_init(&s, br, SK_ASSEMBLY, day, br->meet_min);
		demo_assembly_topic(y, q, s.topic, sizeof s.topic);
		if ((rc = add(d, br, &s, skip(br, SK_ASSEMBLY))) != OL_OK)
			return rc;
	}

	/* 党课: the last month of each quarter; the secretary in Q2 and Q4. */
	if (mq == 3) {
		day = holiday_next_workday(demo_nth_wday(y, m, 2, br->meet_wday));
		ds_init(&s, br, SK_LESSON, day, br->meet_min);
		s.lecturer = lecturer_for(br, q, day);
		demo_lesson_topic(&d->rng, y, m,
				  (q == 2 || q == 4) && s.lecturer >= 0 && s.lecturer == role_holder(br, ROLE_SECRETARY, day),
				  s.topic, sizeof s.topic);
		if (s.recorder == s.lecturer)
			s.recorder = -1;
		if ((rc = add(d, br, &s, skip(br, SK_LESSON))) != OL_OK)
			return rc;
	}

	/* December: 组织生活会 in the morning, 民主评议党员 in the afternoon. */
	if (m == 12) {
		day = holiday_next_workday(demo_nth_wday(y, 12, rng_int(&d->rng, 2, 4), br->meet_wday));
		ds_init(&s, br, SK_ORG_LIFE, day, HM(9, 0));
		snprintf(s.topic, sizeof s.topic, "%d年度组织生活会", y);
		if ((rc = add(d, br, &s, br->patchy ? 60 : 0)) != OL_OK)
			return rc;
		ds_init(&s, br, SK_APPRAISAL, day, HM(14, 30));
		snprintf(s.topic, sizeof s.topic, "%d年度民主评议党员", y);
		if ((rc = add(d, br, &s, br->patchy ? 60 : 0)) != OL_OK)
			return rc;
	}
	return OL_OK;
}

/* Assemblies that vote: admissions, 转正, elections; then the elections. */
static int branch_votes(struct district *d, struct branch *br)
{
	struct dsession s;
	long long sid;
	int i, rc = OL_OK;
	long first = br->founded >= 0 ? br->founded : d->start;

	for (i = 0; i < br->n && rc == OL_OK; i++) {
		const struct dm *m = &br->m[i];
		if (!m->admitted)
			continue;
		ds_init(&s, br, SK_ASSEMBLY, m->joined, br->meet_min);
		snprintf(s.topic, sizeof s.topic, "发展党员票决：接收%s同志为预备党员", m->name);
		s.vote = 1;
		rc = add(d, br, &s, 0);
		if (rc == OL_OK && m->confirmed >= 0) {
			ds_init(&s, br, SK_ASSEMBLY, m->confirmed, br->meet_min);
			snprintf(s.topic, sizeof s.topic, "预备党员转正讨论：%s同志", m->name);
			s.vote = 1;
			rc = add(d, br, &s, 0);
		}
	}
	for (i = 0; i < br->nelections && rc == OL_OK; i++) {
		long day = br->elections[i];
		char approval[96];
		int last = i == br->nelections - 1, y;

		sid = 0;
		if (day >= first && day < d->today && (br->lapse_from < 0 || day < br->lapse_from)) {
			ds_init(&s, br, SK_ASSEMBLY, day, br->meet_min);
			/* The outgoing committee runs the election. */
			s.host = host_of(br, day - 1);
			s.recorder = recorder_of(br, day - 1, s.host);
			if (day == br->founded)
				snprintf(s.topic, sizeof s.topic, "支部成立大会：选举产生第一届支部委员会");
			else
				snprintf(s.topic, sizeof s.topic, "换届选举大会：选举产生新一届支部委员会");
			s.vote = 1;
			if ((rc = emit(d, br, &s, 0, &sid)) != OL_OK)
				break;
		}
		approval[0] = 0;
		if (last && br->ext_until >= 0) {
			date_to_ymd(date_add_years(day, br->term_years) - 20, &y, NULL, NULL);
			snprintf(approval, sizeof approval, "%s%s%s〔%d〕%d号", street_names[br->bp->street],
				 street_suffix(br->bp->street), br->bp->street < NURBAN ? "党工委" : "党委", y,
				 rng_int(&d->rng, 3, 60));
		}
		rc = bulk_election(d->bulk, br->id, day, br->term_years, sid, last ? br->ext_until : -1,
				   approval[0] ? approval : NULL);
	}
	return rc;
}

/* ---- dues -------------------------------------------------------------------------- */

static int add_dues(struct district *d, struct branch *br, struct dm *m)
{
	struct rng *r = &d->rng;
	int now = date_month_index(d->today), from, to, k, gone = gone_month(m), fee = m->fee_fen;
	unsigned char *blob;
	size_t len;
	int rc = OL_OK;

	from = date_month_index(m->arrive);
	if (from < date_month_index(br->founded >= 0 ? br->founded : d->start))
		from = date_month_index(br->founded >= 0 ? br->founded : d->start);
	to = now;
	if (m->last_paid >= 0 && m->last_paid < to)
		to = m->last_paid;
	if (gone >= 0 && gone < to)
		to = gone;
	/* Some who flowed out stop paying where nobody asks them. */
	if (m->story == ST_FLOWING && m->permille % 3 == 0) {
		int fm = date_month_index(m->ev[m->nev - 1].day) + 2;
		if (fm < to)
			to = fm;
	}
	d->pay.n = 0;
	for (k = from; k <= to; k++) {
		struct payment p;
		int mo = k % 12 + 1;
		/* Paid with the first month of the batch (a quarter, a year). */
		int batch = m->pay_every == 12 ? (k / 12) * 12 : m->pay_every == 3 ? k - (k % 3) : k;

		if (batch < from)
			batch = from;
		if (mo == 1 && rng_pct(r, 30))
			fee = fee + fee * rng_int(r, -10, 15) / 100; /* the base is reassessed each year */
		if (fee < 10)
			fee = 10;
		/* Now and then a month forgotten. */
		if (m->pay_every == 1 && rng_int(r, 0, 999) < 15)
			continue;
		p.month = k;
		p.amount_fen = fee;
		p.paid_on = demo_ymd(batch / 12, batch % 12 + 1, m->pay_day) + (m->pay_every == 1 ? rng_int(r, 0, 6) : 0);
		if (p.paid_on < m->arrive)
			p.paid_on = m->arrive;
		if (p.paid_on > d->today)
			break;
		payments_add(&d->pay, &p);
	}
	if (d->pay.n == 0)
		return OL_OK;
	blob = payments_encode(&d->pay, &len);
	rc = bulk_dues(d->bulk, m->id, blob, len);
	free(blob);
	d->n->dues += (int)d->pay.n;
	return rc;
}

/* ---- one branch ------------------------------------------------------------------------ */

static int build_branch(struct district *d, const struct bplan *bp, long long parent)
{
	struct rng *r = &d->rng;
	struct branch *br = d->br;
	int i, rc, k, first_month, last_month;

	memset(br, 0, sizeof *br);
	br->bp = bp;
	br->t = &tspecs[bp->type];
	br->n = bp->size;
	br->term_years = br->t->term_years ? br->t->term_years : 3;
	br->founded = -1;
	br->lapse_from = -1;
	/* Some companies and joint branches are new. */
	if ((bp->type == BT_COMPANY || bp->type == BT_JOINT) && rng_pct(r, 15))
		br->founded = holiday_next_workday(d->start + rng_int(r, 60, 365 * (YEARS - 1)));
	k = rng_int(r, 0, 999);
	br->patchy = k < 150;
	if (k < 50)
		br->lapse_from = d->today - rng_int(r, 95, 250);
	br->theme_week = rng_pct(r, 25) ? 0 : rng_int(r, 1, 4);
	br->theme_wday = br->theme_week ? rng_int(r, 1, 5) : rng_int(r, 5, 25);
	br->comm_wday = rng_int(r, 1, 5);
	br->group_wday = rng_int(r, 1, 5);
	br->meet_wday = rng_int(r, 1, 5);
	br->theme_min = br->t->theme_min + (rng_pct(r, 30) ? 30 : 0);
	br->comm_min = br->t->comm_min;
	br->group_min = br->t->group_min + (rng_pct(r, 30) ? 30 : 0);
	br->meet_min = br->t->meet_min + (rng_pct(r, 20) ? 30 : 0);

	if ((rc = bulk_org(d->bulk, bp->name, ORG_BRANCH, parent, br->t->term_years, &br->id)) != OL_OK)
		return rc;
	d->n->orgs++;
	for (i = 0; i < bp->ngroups; i++) {
		const char *gname = br->t->groups[(i + (bp->type == BT_OFFICE ? rng_int(r, 0, 3) : 0)) %
						 br->t->ngroupnames];
		if ((rc = bulk_org(d->bulk, gname, ORG_GROUP, br->id, 0, &br->group_id[i])) != OL_OK)
			return rc;
		d->n->orgs++;
	}

	for (i = 0; i < br->n; i++)
		make_member(d, br, i);
	plan_elections(d, br);
	if (br->lapse_from < 0 && rng_int(r, 0, 999) < 15)
		vacate_secretary(d, br);
	/* In an office the secretary is a leading cadre too. */
	if (bp->type == BT_OFFICE && (k = role_holder(br, ROLE_SECRETARY, d->today - 1)) >= 0)
		br->m[k].cadre = 1;

	for (i = 0; i < br->n; i++) {
		struct dm *m = &br->m[i];
		struct member_new mn = { 0 };
		int e;

		mn.name = m->name;
		mn.org_id = br->id;
		mn.status = m->admitted ? MEMBER_PROBATIONARY : MEMBER_FULL;
		mn.joined = m->joined;
		mn.group_id = br->group_id[m->g];
		mn.cadre = m->cadre;
		mn.phone = m->phone[0] ? m->phone : NULL;
		if ((rc = bulk_member(d->bulk, &mn, m->confirmed, &m->id)) != OL_OK)
			return rc;
		if (m->prob_until >= 0 && (rc = bulk_extend_probation(d->bulk, m->id, m->prob_until)) != OL_OK)
			return rc;
		d->n->members++;
		for (e = 0; e < m->nev; e++) {
			const struct devent *ev = &m->ev[e];
			if ((rc = bulk_event(d->bulk, m->id, ev->kind, ev->day, ev->until, ev->doc[0] ? ev->doc : NULL)) !=
			    OL_OK)
				return rc;
		}
	}
	for (i = 0; i < br->nroles; i++) {
		const struct drole *ro = &br->roles[i];
		if ((rc = bulk_role(d->bulk, br->m[ro->m].id, br->id, ro->role, ro->from, ro->to)) != OL_OK)
			return rc;
	}

	first_month = date_month_index(br->founded >= 0 ? br->founded : d->start);
	last_month = date_month_index(d->horizon);
	for (k = first_month; k <= last_month; k++)
		if ((rc = branch_month(d, br, k / 12, k % 12 + 1)) != OL_OK)
			return rc;
	if ((rc = branch_votes(d, br)) != OL_OK)
		return rc;
	for (i = 0; i < br->n; i++)
		if ((rc = add_dues(d, br, &br->m[i])) != OL_OK)
			return rc;
	return OL_OK;
}

static int build(struct district *d)
{
	struct plan p;
	long long district, street[NSTREETS];
	char name[96];
	int s, i, rc;

	make_plan(&p, &d->rng);
	rc = bulk_org(d->bulk, "临江区委", ORG_COMMITTEE, 0, 0, &district);
	d->n->orgs += rc == OL_OK;
	for (s = 0; s < NSTREETS && rc == OL_OK; s++) {
		snprintf(name, sizeof name, "%s%s%s", street_names[s], street_suffix(s), s < NURBAN ? "党工委" : "党委");
		if ((rc = bulk_org(d->bulk, name, ORG_COMMITTEE, district, 0, &street[s])) != OL_OK)
			break;
		d->n->orgs++;
		for (i = 0; i < p.nc && rc == OL_OK; i++) {
			if (p.c[i].street != s)
				continue;
			rc = bulk_org(d->bulk, p.c[i].name, p.c[i].kind, street[s], 0, &p.c[i].id);
			d->n->orgs += rc == OL_OK;
		}
		for (i = 0; i < p.nb && rc == OL_OK; i++) {
			if (p.b[i].street != s)
				continue;
			rc = build_branch(d, &p.b[i], p.b[i].container >= 0 ? p.c[p.b[i].container].id : street[s]);
		}
	}
	free(p.c);
	free(p.b);
	return rc;
}

int demo_district(struct cli_ctx *ctx, struct demo_counts *n)
{
	struct district d;
	int rc;

	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.db = ctx->db;
	d.n = n;
	d.rng.s = 0x6F72676C69666532ULL; /* "orglife2" */
	d.today = ctx->today;
	d.start = date_add_years(d.today, -YEARS);
	d.horizon = d.today + 30;
	d.br = xmalloc(sizeof *d.br);

	if ((rc = db_bulk_tuning(d.db, 1)) == OL_OK && (rc = bulk_begin(d.db, &d.bulk)) == OL_OK)
		rc = bulk_end(d.bulk, build(&d), "demo:district");
	if (rc == OL_OK)
		rc = db_bulk_tuning(d.db, 0);
	else
		db_bulk_tuning(d.db, 0);
	free(d.br);
	marks_free(&d.marks);
	payments_free(&d.pay);
	strbuf_free(&d.sb);
	return rc;
}
