/*
 * cmd-demo.c - `orglife demo [--scale small|district]`: fills an empty
 * database.  The small world (the default; the district is in
 * cmd-demo-district.c) is a believable street committee (城关街道党工委)
 * and seven branches, two years of organizational life up to today and a
 * few planned sessions, with some things deliberately wrong so that every
 * screen has something true to show (lapsed branches, an overdue election,
 * a branch under three full members, dues arrears, a member lost contact,
 * expired 活动证, ...).
 *
 * Everything goes through the model API (no SQL here), in one transaction,
 * and is deterministic: a fixed-seed PRNG and dates relative to today
 * (ORGLIFE_NOW pins it), so the same today gives the same world.  The
 * names, topics and minutes are data of a Chinese demo, not messages of the
 * program, so they are not translated.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/holidays.h>
#include <orglife/db.h>
#include <orglife/i18n.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/session.h>
#include <orglife/text.h>
#include "cmd.h"
#include "demo.h"


/* ---- the branches ---------------------------------------------------------- */

enum { B_JG1, B_JG2, B_SQ, B_TX, B_CJ, B_XX, B_GT, NBRANCH };

/* Members with a story, placed after the role holders of their branch. */
enum special {
	SP_NONE,
	SP_ZHANGWEI,       /* 张伟, the name shared by two branches */
	SP_PROB_CONFIRMED, /* admitted `months` ago, confirmed on time */
	SP_PROB_EXTENDED,  /* admitted `months` ago, probation extended */
	SP_PROB_PENDING,   /* admitted `months`+`days` ago, not (yet) confirmed */
	SP_LOST,           /* lost contact `months` ago */
	SP_FLOW_VALID,     /* flowed out `months` ago, 活动证 still valid */
	SP_FLOW_EXPIRED,   /* flowed out `months` ago, 活动证 expired, stopped paying */
	SP_TRANSFER_OUT,   /* transferred out `months` ago */
	SP_ABSENTEE,       /* absent from every session for `months` */
	SP_DUES_STOPPED,   /* no dues for the `months` months before this one */
	SP_CADRE_AWAY,     /* a leading cadre, away on business since last quarter */
};

struct special_spec {
	enum special kind;
	int months, days;
};

struct bspec {
	const char *name;
	int general;    /* under 机关党总支 */
	int term_years; /* 0: the default */
	int nmembers;
	const char *groups[4];
	int ngroups;
	enum role_kind roles[5];
	int nroles;
	int elected_ago; /* months */
	int retirees;
	int secretary_cadre, cadres;
	struct special_spec sp[6];
	const char *place, *place2;
	/* theme day: week of month and ISO weekday, or week 0 and a day of month */
	int theme_week, theme_wday, theme_min;
	int comm_wday, comm_min;
	int group_wday, group_min;
	int meet_wday, meet_min; /* assemblies and lessons */
};

#define HM(h, m) ((h) * 60 + (m))

static const struct bspec bspecs[NBRANCH] = {
	[B_JG1] = {
		.name = "机关第一党支部", .general = 1, .nmembers = 32,
		.groups = { "综合办党小组", "社会事务党小组", "城市管理党小组" }, .ngroups = 3,
		.roles = { ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_DISCIPLINE }, .nroles = 5,
		.elected_ago = 17, .secretary_cadre = 1, .cadres = 1,
		.sp = { { SP_ZHANGWEI, 0, 0 }, { SP_PROB_CONFIRMED, 16, 0 }, { SP_TRANSFER_OUT, 5, 0 } },
		.place = "街道机关三楼党员活动室", .place2 = "街道办二楼小会议室",
		.theme_week = 3, .theme_wday = 5, .theme_min = HM(14, 30),
		.comm_wday = 1, .comm_min = HM(8, 30), .group_wday = 3, .group_min = HM(16, 0),
		.meet_wday = 4, .meet_min = HM(14, 30),
	},
	[B_JG2] = {
		.name = "机关第二党支部", .general = 1, .nmembers = 22,
		.groups = { "党建办党小组", "经济服务党小组" }, .ngroups = 2,
		.roles = { ROLE_SECRETARY, ROLE_ORGANIZER, ROLE_PROPAGANDA }, .nroles = 3,
		.elected_ago = 38, .cadres = 1,
		.sp = { { SP_PROB_EXTENDED, 15, 0 }, { SP_ABSENTEE, 7, 0 }, { SP_DUES_STOPPED, 4, 0 } },
		.place = "街道机关三楼党员活动室", .place2 = "党建办小会议室",
		.theme_week = 3, .theme_wday = 4, .theme_min = HM(14, 30),
		.comm_wday = 2, .comm_min = HM(8, 30), .group_wday = 2, .group_min = HM(16, 30),
		.meet_wday = 5, .meet_min = HM(15, 0),
	},
	[B_SQ] = {
		.name = "幸福社区党支部", .term_years = 5, .nmembers = 42,
		.groups = { "幸福社区第一网格党小组", "幸福社区第二网格党小组", "幸福社区第三网格党小组",
			    "幸福社区第四网格党小组" }, .ngroups = 4,
		.roles = { ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_COMMITTEE_MEMBER }, .nroles = 5,
		.elected_ago = 55,
		.sp = { { SP_ZHANGWEI, 0, 0 }, { SP_PROB_CONFIRMED, 14, 0 }, { SP_PROB_PENDING, 12, 20 },
			{ SP_LOST, 8, 0 }, { SP_FLOW_VALID, 10, 0 } },
		.place = "幸福社区党群服务中心", .place2 = "社区二楼会议室",
		.theme_week = 0, .theme_wday = 15, .theme_min = HM(9, 30),
		.comm_wday = 1, .comm_min = HM(16, 0), .group_wday = 3, .group_min = HM(9, 30),
		.meet_wday = 4, .meet_min = HM(9, 30),
	},
	[B_TX] = {
		.name = "退休职工党支部", .nmembers = 36,
		.groups = { "退休职工东片党小组", "退休职工西片党小组", "退休职工南片党小组" }, .ngroups = 3,
		.roles = { ROLE_SECRETARY, ROLE_ORGANIZER, ROLE_PROPAGANDA }, .nroles = 3,
		.elected_ago = 20, .retirees = 1,
		.sp = { { SP_DUES_STOPPED, 4, 0 } },
		.place = "老干部活动中心", .place2 = "退休职工之家",
		.theme_week = 0, .theme_wday = 10, .theme_min = HM(9, 0),
		.comm_wday = 2, .comm_min = HM(9, 0), .group_wday = 3, .group_min = HM(9, 30),
		.meet_wday = 4, .meet_min = HM(9, 0),
	},
	[B_CJ] = {
		.name = "城建公司党支部", .nmembers = 26,
		.groups = { "工程部党小组", "综合部党小组" }, .ngroups = 2,
		.roles = { ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_PROPAGANDA }, .nroles = 4,
		.elected_ago = 14,
		.sp = { { SP_PROB_PENDING, 11, 10 }, { SP_FLOW_EXPIRED, 20, 0 }, { SP_CADRE_AWAY, 0, 0 } },
		.place = "公司五楼党员活动室", .place2 = "项目部会议室",
		.theme_week = 4, .theme_wday = 5, .theme_min = HM(16, 0),
		.comm_wday = 1, .comm_min = HM(16, 30), .group_wday = 3, .group_min = HM(17, 0),
		.meet_wday = 4, .meet_min = HM(15, 0),
	},
	[B_XX] = {
		.name = "实验小学党支部", .nmembers = 18,
		.groups = { "教学一线党小组", "行政后勤党小组" }, .ngroups = 2,
		.roles = { ROLE_SECRETARY, ROLE_ORGANIZER, ROLE_PROPAGANDA }, .nroles = 3,
		.elected_ago = 51, .secretary_cadre = 1,
		.sp = { { SP_PROB_PENDING, 8, 0 } },
		.place = "学校党员活动室", .place2 = "学校行政楼会议室",
		.theme_week = 3, .theme_wday = 3, .theme_min = HM(16, 40),
		.comm_wday = 2, .comm_min = HM(16, 40), .group_wday = 4, .group_min = HM(16, 40),
		.meet_wday = 4, .meet_min = HM(16, 40),
	},
	[B_GT] = {
		.name = "个体工商户联合党支部", .nmembers = 3,
		.ngroups = 0,
		.roles = { ROLE_SECRETARY }, .nroles = 1,
		.elected_ago = 12,
		.sp = { { SP_PROB_PENDING, 6, 0 } },
		.place = "城关商会会议室", .place2 = "城关商会会议室",
		.theme_week = 2, .theme_wday = 2, .theme_min = HM(19, 30),
		.comm_wday = 1, .comm_min = HM(19, 30), .group_wday = 3, .group_min = HM(19, 30),
		.meet_wday = 4, .meet_min = HM(19, 30),
	},
};

/* ---- the world being built -------------------------------------------------- */

struct dmember {
	long long id;
	char name[32];
	int b, g;          /* branch, group (-1: none) */
	enum special sp;
	int senior;        /* a (former) committee member: stays put */
	int old;           /* a retiree */
	long joined;
	int probationary;
	int cadre;
	char phone[16];
	int permille;      /* how often present */
	long absent_from;  /* absent from every session from then (-1) */
	long excused_from; /* excused (出差) from then (-1) */
	long gone;         /* transferred out or lost on that day (-1): dues stop */
	int last_paid;     /* last month index with dues (-1: up to now) */
	int fee_fen;
	int pay_day;
};

struct drole {
	int b, m;
	enum role_kind role;
	long from, to; /* to -1: open */
};

struct dbranch {
	long long id;
	long long group_id[4];
	int first, count; /* members w->m[first .. first+count-1] */
	int leader[4], grec[4];
	long elected, prev_elected; /* prev -1: none on record */
};

struct world {
	struct cli_ctx *ctx;
	struct db *db;
	struct rng rng;
	long today, start, horizon;
	long pq_first, pq_last; /* the previous quarter */
	long long committee_id, general_id;
	struct dbranch br[NBRANCH];
	struct dmember *m;
	int nm;
	struct drole roles[64];
	int nroles;
	long long *exp;
	int nexp, capexp;
	int n_orgs, n_members, n_sessions, n_marks, n_dues;
};

/* ---- dates ------------------------------------------------------------------ */

static long months_ago(const struct world *w, int months, int days)
{
	return date_add_months(w->today, -months) - days;
}

/* ---- members ---------------------------------------------------------------- */

static int name_used(const struct world *w, const char *name)
{
	int i;

	if (strcmp(name, "张伟") == 0)
		return 1; /* kept for the deliberate duplicate */
	for (i = 0; i < w->nm; i++)
		if (strcmp(w->m[i].name, name) == 0)
			return 1;
	return 0;
}

static void make_name(struct world *w, int old, char *out, size_t n)
{
	do
		demo_name(&w->rng, old, out, n);
	while (name_used(w, out));
}

static int find_member(const struct world *w, long long id)
{
	int lo = 0, hi = w->nm - 1;

	/* Ids grow with each member added. */
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (w->m[mid].id == id)
			return mid;
		if (w->m[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Who holds a role in branch b on day (-1: nobody). */
static int holder(const struct world *w, int b, enum role_kind role, long day)
{
	int i;

	for (i = 0; i < w->nroles; i++) {
		const struct drole *r = &w->roles[i];
		if (r->b == b && r->role == role && r->from <= day && (r->to < 0 || r->to >= day))
			return r->m;
	}
	return -1;
}

static int committee_size(const struct world *w, int b, long day)
{
	int i, n = 0;

	for (i = 0; i < w->nroles; i++) {
		const struct drole *r = &w->roles[i];
		if (r->b == b && r->from <= day && (r->to < 0 || r->to >= day))
			n++;
	}
	return n;
}

/* The first holder of the roles listed, in order (-1: none of them). */
static int first_holder(const struct world *w, int b, long day, const enum role_kind *roles, int n)
{
	int i, m;

	for (i = 0; i < n; i++)
		if ((m = holder(w, b, roles[i], day)) >= 0)
			return m;
	return -1;
}

static int branch_host(const struct world *w, int b, long day)
{
	static const enum role_kind order[] = { ROLE_SECRETARY, ROLE_DEPUTY, ROLE_ORGANIZER };
	int m = first_holder(w, b, day, order, NELEM(order));

	return m >= 0 ? m : w->br[b].first;
}

static int branch_recorder(const struct world *w, int b, long day)
{
	static const enum role_kind order[] = { ROLE_ORGANIZER, ROLE_PROPAGANDA, ROLE_COMMITTEE_MEMBER };
	int m = first_holder(w, b, day, order, NELEM(order)), i;

	if (m >= 0)
		return m;
	/* A branch with only a secretary: another senior member keeps the record. */
	for (i = w->br[b].first; i < w->br[b].first + w->br[b].count; i++)
		if (i != branch_host(w, b, day) && !w->m[i].probationary)
			return i;
	return branch_host(w, b, day);
}

static int add_members(struct world *w, int b)
{
	const struct bspec *bs = &bspecs[b];
	struct dbranch *br = &w->br[b];
	int i, nsp = 0, rc = OL_OK, cadres = bs->cadres;
	int seniors = bs->nroles + (bs->nroles >= 3 ? 1 : 0);

	for (i = 0; i < NELEM(bs->sp) && bs->sp[i].kind != SP_NONE; i++)
		nsp++;
	br->first = w->nm;
	br->count = bs->nmembers;
	for (i = 0; i < bs->nmembers && rc == OL_OK; i++) {
		struct dmember *m = &w->m[w->nm];
		struct member_new mn = { 0 };
		const struct special_spec *sp = NULL;
		long long gid = 0;

		memset(m, 0, sizeof *m);
		m->b = b;
		m->g = bs->ngroups ? i % bs->ngroups : -1;
		m->old = bs->retirees;
		m->absent_from = m->excused_from = m->gone = -1;
		m->last_paid = -1;
		m->senior = i < seniors;
		if (i >= seniors && i < seniors + nsp) {
			sp = &bs->sp[i - seniors];
			m->sp = sp->kind;
		}
		if (m->sp == SP_ZHANGWEI)
			snprintf(m->name, sizeof m->name, "%s", "张伟");
		else
			make_name(w, m->old, m->name, sizeof m->name);
		/* Joined: committee members long ago, the others spread over decades. */
		if (m->old)
			m->joined = date_add_years(w->today, -(m->senior ? rng_int(&w->rng, 38, 52) : rng_int(&w->rng, 28, 54)));
		else if (m->senior)
			m->joined = date_add_years(w->today, -rng_int(&w->rng, 8, 30));
		else
			m->joined = date_add_years(w->today, -rng_int(&w->rng, 2, 35));
		m->joined -= rng_int(&w->rng, 0, 300);
		if (m->joined < 1)
			m->joined = 1 + rng_int(&w->rng, 0, 300); /* see the report: no dates before 1970 */
		if (m->sp == SP_PROB_CONFIRMED || m->sp == SP_PROB_EXTENDED || m->sp == SP_PROB_PENDING) {
			m->probationary = 1;
			m->joined = holiday_next_workday(months_ago(w, sp->months, sp->days));
		}
		m->permille = m->old ? rng_int(&w->rng, 840, 950) : rng_int(&w->rng, 890, 975);
		m->cadre = (i == 0 && bs->secretary_cadre) || m->sp == SP_CADRE_AWAY;
		if (!m->cadre && !m->senior && !m->sp && cadres > 0) {
			m->cadre = 1;
			cadres--;
		}
		if (!m->old || rng_pct(&w->rng, 70))
			demo_phone(&w->rng, m->phone);
		m->fee_fen = m->old ? rng_int(&w->rng, 4, 20) * 50 : rng_int(&w->rng, 10, 50) * 100;
		if (m->probationary)
			m->fee_fen = rng_int(&w->rng, 10, 20) * 100;
		m->pay_day = rng_int(&w->rng, 1, 15);
		if (m->sp == SP_ABSENTEE) {
			m->absent_from = months_ago(w, sp->months, 0);
			m->permille = 700;
		} else if (m->sp == SP_DUES_STOPPED)
			m->last_paid = date_month_index(w->today) - sp->months - 1;
		else if (m->sp == SP_CADRE_AWAY)
			m->excused_from = w->pq_first;
		else if (m->sp == SP_LOST)
			m->permille = 600;
		if (m->g >= 0)
			gid = br->group_id[m->g];
		mn.name = m->name;
		mn.org_id = br->id;
		mn.status = m->probationary ? MEMBER_PROBATIONARY : MEMBER_FULL;
		mn.joined = m->joined;
		mn.group_id = gid;
		mn.cadre = m->cadre;
		mn.phone = m->phone[0] ? m->phone : NULL;
		rc = member_add(w->db, &mn, &m->id);
		if (rc == OL_OK) {
			w->nm++;
			w->n_members++;
		}
	}
	/* Group leaders and recorders: settled members of each group. */
	for (i = 0; i < bs->ngroups; i++) {
		int j, k = 0;
		br->leader[i] = br->grec[i] = -1;
		for (j = br->first; j < br->first + br->count && k < 2; j++) {
			if (w->m[j].g != i || w->m[j].sp != SP_NONE || (j == br->first && bs->nroles > 1))
				continue;
			if (k++ == 0)
				br->leader[i] = j;
			else
				br->grec[i] = j;
		}
	}
	return rc;
}

/* Committee roles: the current term from the election, and for a branch
 * elected within the two years the previous term before it. */
static int add_roles(struct world *w, int b)
{
	const struct bspec *bs = &bspecs[b];
	struct dbranch *br = &w->br[b];
	int i, rc = OL_OK;

	for (i = 0; i < bs->nroles && rc == OL_OK; i++) {
		struct drole *r = &w->roles[w->nroles];
		r->b = b;
		r->m = br->first + i;
		r->role = bs->roles[i];
		r->from = br->elected;
		r->to = -1;
		if (b == B_CJ && r->role == ROLE_SECRETARY)
			r->to = months_ago(w, 0, 101); /* left: the post is vacant */
		rc = role_set(w->db, w->m[r->m].id, r->role, r->from, r->to);
		if (rc == OL_OK)
			w->nroles++;
		if (rc == OL_OK && br->prev_elected >= 0) {
			r = &w->roles[w->nroles];
			r->b = b;
			/* One face changed at the election. */
			r->m = br->first + (bs->nroles >= 3 && i == bs->nroles - 1 ? bs->nroles : i);
			r->role = bs->roles[i];
			r->from = br->prev_elected;
			r->to = br->elected - 1;
			rc = role_set(w->db, w->m[r->m].id, r->role, r->from, r->to);
			if (rc == OL_OK)
				w->nroles++;
		}
	}
	return rc;
}

/* Confirmations, extensions and the dated events of the special members. */
static int add_member_facts(struct world *w)
{
	int i, rc = OL_OK, doc_no = 11;
	char doc[64];

	for (i = 0; i < w->nm && rc == OL_OK; i++) {
		struct dmember *m = &w->m[i];
		const struct bspec *bs = &bspecs[m->b];
		const struct special_spec *sp = NULL;
		long day;
		int y, k;

		for (k = 0; k < NELEM(bs->sp); k++)
			if (bs->sp[k].kind == m->sp && m->sp != SP_NONE)
				sp = &bs->sp[k];
		switch (m->sp) {
		case SP_PROB_CONFIRMED:
			rc = member_confirm(w->db, m->id, holiday_next_workday(date_add_years(m->joined, 1)));
			break;
		case SP_PROB_EXTENDED:
			rc = member_extend_probation(w->db, m->id, date_add_months(date_add_years(m->joined, 1), 9));
			break;
		case SP_LOST:
			m->gone = months_ago(w, sp->months, 0);
			m->last_paid = date_month_index(m->gone) - 1;
			rc = member_event_add(w->db, m->id, EVENT_LOST, m->gone, -1, NULL);
			break;
		case SP_FLOW_VALID:
		case SP_FLOW_EXPIRED:
			day = months_ago(w, sp->months, 0);
			date_to_ymd(day, &y, NULL, NULL);
			snprintf(doc, sizeof doc, "LD%04d%04d", y, 37 + doc_no++ * 13);
			if (m->sp == SP_FLOW_EXPIRED)
				m->last_paid = date_month_index(w->today) - 8;
			rc = member_event_add(w->db, m->id, EVENT_FLOW_OUT, day,
					      date_add_months(day, m->sp == SP_FLOW_VALID ? 12 : 18) - 1, doc);
			break;
		case SP_TRANSFER_OUT:
			m->gone = holiday_next_workday(months_ago(w, sp->months, 0));
			break;
		default:
			break;
		}
		/* The secretary of 城建公司 moved to another company: the post is vacant. */
		if (m->b == B_CJ && i == w->br[B_CJ].first)
			m->gone = months_ago(w, 0, 100);
		if (rc == OL_OK && m->gone >= 0 && m->sp != SP_LOST) {
			date_to_ymd(m->gone, &y, NULL, NULL);
			snprintf(doc, sizeof doc, "城关组字〔%d〕第%03d号", y, doc_no++ * 7);
			m->last_paid = date_month_index(m->gone);
			rc = member_event_add(w->db, m->id, EVENT_TRANSFER_OUT, m->gone, -1, doc);
		}
	}
	return rc;
}

/* ---- places ------------------------------------------------------------------ */

static const char *theme_place(int b, int m)
{
	if (m == 4)
		return "县革命烈士陵园";
	if (m == 9)
		return "县革命纪念馆";
	if (m == 3 || m == 11)
		return b == B_SQ ? "幸福社区文化广场" : "城关街道新时代文明实践所";
	return bspecs[b].place;
}

/* ---- sessions ---------------------------------------------------------------- */

struct plan {
	int b, g; /* g: a group's meeting, else -1 */
	enum session_kind kind, also;
	long day;
	int minute;
	const char *place;
	char topic[256];
	int host, recorder, lecturer; /* member indexes, -1: none */
	int cancel;
	long move_to;            /* -1: stays */
	/* NULL: the usual ones for the kind */
	const char *agenda2, *content, *resolution;
};

static void plan_init(struct plan *p, int b, enum session_kind kind, long day, int minute)
{
	memset(p, 0, sizeof *p);
	p->b = b;
	p->g = -1;
	p->kind = kind;
	p->also = SK_NONE;
	p->day = day;
	p->minute = minute;
	p->place = bspecs[b].place;
	p->host = p->recorder = p->lecturer = -1;
	p->move_to = -1;
}

static int collect_expected(const struct attendee *a, void *p)
{
	struct world *w = p;

	if (a->kind != ATTENDEE_EXPECTED)
		return 0;
	if (w->nexp == w->capexp) {
		w->capexp = w->capexp ? w->capexp * 2 : 64;
		w->exp = xrealloc(w->exp, (size_t)w->capexp * sizeof *w->exp);
	}
	w->exp[w->nexp++] = a->member_id;
	return 0;
}

static enum attend_status decide(struct world *w, const struct plan *p, int mi, long day, const char **reason)
{
	const struct dmember *m = &w->m[mi];
	int r;

	*reason = NULL;
	if (mi == p->host || mi == p->recorder || mi == p->lecturer)
		return ATTEND_PRESENT;
	if (m->absent_from >= 0 && day >= m->absent_from)
		return ATTEND_ABSENT;
	if (m->excused_from >= 0 && day >= m->excused_from) {
		*reason = "出差";
		return ATTEND_EXCUSED;
	}
	if (rng_int(&w->rng, 0, 999) < m->permille)
		return ATTEND_PRESENT;
	/* A vote (admission, 转正, election) is hard to miss: quorum matters. */
	if (p->resolution && rng_pct(&w->rng, 70))
		return ATTEND_PRESENT;
	r = rng_int(&w->rng, 0, 99);
	if (r < 25)
		return ATTEND_LATE;
	if (r < 90) {
		*reason = demo_reason(&w->rng, m->old);
		return ATTEND_EXCUSED;
	}
	return ATTEND_ABSENT;
}

static void write_minutes(struct world *w, struct strbuf *sb, const struct plan *p, int expected, int attended,
			  int excused, int absent)
{
	const char *agenda2, *content, *resolution;
	const char *host = p->host >= 0 ? w->m[p->host].name : "";

	switch (p->kind) {
	case SK_ASSEMBLY:
		agenda2 = "讨论支部下阶段工作安排";
		content = "全体党员集中学习了上级有关文件精神，支部书记通报了本季度支部工作开展情况，与会党员结合实际进行了讨论。";
		resolution = "一致同意支部下阶段工作安排，会后按分工抓好落实。";
		break;
	case SK_COMMITTEE:
		agenda2 = "研究下月主题党日和党小组学习安排";
		content = "支委逐项研究了会议议题，对近期重点工作进行了分工。";
		resolution = "由组织委员牵头落实，下次支委会通报进展。";
		break;
	case SK_GROUP:
		agenda2 = "小组成员交流学习体会";
		content = "小组成员围绕学习内容逐一发言，结合岗位实际谈认识、找差距。";
		resolution = "每名党员撰写一篇学习心得，月底前交党小组长。";
		break;
	case SK_LESSON:
		agenda2 = "党员交流学习体会";
		content = "主讲人围绕专题作了辅导，党员认真听讲并做好笔记。";
		resolution = "各党小组结合党课内容开展一次专题讨论。";
		break;
	case SK_THEME_DAY:
		agenda2 = "重温入党誓词";
		content = "党员集体重温入党誓词，开展主题学习和志愿服务。";
		resolution = "持续开展党员志愿服务，每季度不少于一次。";
		break;
	case SK_ORG_LIFE:
		agenda2 = "支部班子和党员个人对照检查，开展批评和自我批评";
		content = "支部书记代表支委会作对照检查，党员逐一发言，开展批评和自我批评，气氛严肃认真。";
		resolution = "对查摆出的问题建立整改清单，明确责任人和整改时限。";
		break;
	case SK_APPRAISAL:
		agenda2 = "党员个人总结，民主测评";
		content = "党员进行个人总结，与会党员填写民主测评表，当场收回。";
		resolution = "评议结果报街道党工委审核后在支部内公示。";
		break;
	default:
		agenda2 = "其他事项";
		content = "与会党员进行了讨论。";
		resolution = "按会议讨论意见办理。";
		break;
	}
	if (p->agenda2)
		agenda2 = p->agenda2;
	if (p->content)
		content = p->content;
	if (p->resolution)
		resolution = p->resolution;
	strbuf_reset(sb);
	strbuf_addf(sb, "会议议程：\n1. %s\n2. %s\n", p->topic, agenda2);
	strbuf_addf(sb, "主要内容：会议由%s同志主持，应到%d人，实到%d人", host, expected, attended);
	if (excused)
		strbuf_addf(sb, "，请假%d人", excused);
	if (absent)
		strbuf_addf(sb, "，缺席%d人", absent);
	strbuf_adds(sb, "。");
	if (p->lecturer >= 0)
		strbuf_addf(sb, "%s同志主讲。", w->m[p->lecturer].name);
	strbuf_addf(sb, "%s\n决议：%s\n", content, resolution);
}

/* Adds the session of p and, when it lies in the past, holds it: attendance
 * for every expected member, minutes, approval for the recent ones.  A
 * session beyond the horizon or before the two years is skipped (*id 0). */
static int make_session(struct world *w, struct plan *p, long long *id_out)
{
	struct session s;
	struct strbuf sb = { 0 };
	long long id = 0;
	long day = p->move_to >= 0 ? p->move_to : p->day;
	int rc, i, expected = 0, attended = 0, excused = 0, absent = 0;

	if (id_out)
		*id_out = 0;
	if (p->day < w->start || day > w->horizon)
		return OL_OK;
	memset(&s, 0, sizeof s);
	s.org_id = p->g >= 0 ? w->br[p->b].group_id[p->g] : w->br[p->b].id;
	s.kind = p->kind;
	s.also = p->also;
	s.day = p->day;
	s.minute = p->day > w->today && rng_pct(&w->rng, 40) ? -1 : p->minute;
	s.place = (char *)p->place;
	s.topic = p->topic;
	s.host_id = p->host >= 0 ? w->m[p->host].id : 0;
	s.recorder_id = p->recorder >= 0 ? w->m[p->recorder].id : 0;
	s.lecturer_id = p->lecturer >= 0 ? w->m[p->lecturer].id : 0;
	if ((rc = session_add(w->db, &s, &id)) != OL_OK)
		return rc;
	w->n_sessions++;
	if (id_out)
		*id_out = id;
	if (p->cancel)
		return session_cancel(w->db, id);
	if (p->move_to >= 0 && (rc = session_move(w->db, id, p->move_to, s.minute)) != OL_OK)
		return rc;
	if (day >= w->today)
		return OL_OK; /* planned */
	if ((rc = session_mark_held(w->db, id, w->today)) != OL_OK)
		return rc;
	w->nexp = 0;
	if ((rc = session_attendees(w->db, id, collect_expected, w)) != OL_OK)
		return rc;
	for (i = 0; i < w->nexp && rc == OL_OK; i++) {
		int mi = find_member(w, w->exp[i]);
		const char *reason = NULL;
		enum attend_status st = ATTEND_PRESENT;

		if (mi >= 0)
			st = decide(w, p, mi, day, &reason);
		rc = attend_set(w->db, id, w->exp[i], st, reason);
		w->n_marks++;
		expected++;
		attended += st == ATTEND_PRESENT || st == ATTEND_LATE;
		excused += st == ATTEND_EXCUSED;
		absent += st == ATTEND_ABSENT;
	}
	if (rc == OL_OK && (p->resolution || rng_pct(&w->rng, p->kind == SK_GROUP ? 80 : 92))) {
		write_minutes(w, &sb, p, expected, attended, excused, absent);
		rc = minutes_set(w->db, id, strbuf_str(&sb));
		if (rc == OL_OK && day >= w->today - 365 && day <= w->today - 7) {
			long on = day + rng_int(&w->rng, 1, 6);
			rc = minutes_approve(w->db, id, on < w->today ? on : w->today);
		}
	}
	strbuf_free(&sb);
	return rc;
}

/* Is this session one the branch let lapse? */
static int lapsed(const struct world *w, int b, enum session_kind kind, long day)
{
	/* The retirees' branch held nothing for four and a half months. */
	if (b == B_TX && day > w->today - 135)
		return 1;
	/* 城建公司 skipped last quarter's assembly and committee meetings. */
	if (b == B_CJ && (kind == SK_ASSEMBLY || kind == SK_COMMITTEE) && day >= w->pq_first && day <= w->pq_last)
		return 1;
	return 0;
}

static int add_plan(struct world *w, struct plan *p)
{
	if (lapsed(w, p->b, p->kind, p->move_to >= 0 ? p->move_to : p->day))
		return OL_OK;
	return make_session(w, p, NULL);
}

/* A cancelled session, and its replacement a week later. */
static int add_cancelled(struct world *w, struct plan *p, int replace)
{
	int rc;

	p->cancel = 1;
	if ((rc = add_plan(w, p)) != OL_OK || !replace)
		return rc;
	p->cancel = 0;
	p->day = holiday_next_workday(p->day + 7);
	return add_plan(w, p);
}

static int lecturer_for(const struct world *w, int b, int q, long day)
{
	static const enum role_kind q1[] = { ROLE_PROPAGANDA, ROLE_ORGANIZER, ROLE_SECRETARY, ROLE_DEPUTY };
	static const enum role_kind q3[] = { ROLE_DEPUTY, ROLE_ORGANIZER, ROLE_SECRETARY, ROLE_PROPAGANDA };
	int m;

	if (q == 2 || q == 4)
		return branch_host(w, b, day); /* the secretary, as long as there is one */
	m = first_holder(w, b, day, q == 1 ? q1 : q3, 4);
	return m >= 0 ? m : branch_host(w, b, day);
}

static int branch_month(struct world *w, int b, int y, int m)
{
	const struct bspec *bs = &bspecs[b];
	const struct dbranch *br = &w->br[b];
	int q = (m - 1) / 3 + 1, mq = (m - 1) % 3 + 1, g, rc = OL_OK;
	int mi = y * 12 + m - 1, now = date_month_index(w->today);
	struct plan p;
	long day;

	/* 主题党日: monthly; in the first month of a quarter it includes a lesson. */
	day = holiday_next_workday(bs->theme_week ? demo_nth_wday(y, m, bs->theme_week, bs->theme_wday) : demo_ymd(y, m, bs->theme_wday));
	plan_init(&p, b, SK_THEME_DAY, day, bs->theme_min);
	demo_theme_topic(&w->rng, bspecs[b].retirees, y, m, p.topic, sizeof p.topic);
	p.place = theme_place(b, m);
	p.host = branch_host(w, b, day);
	p.recorder = branch_recorder(w, b, day);
	if (mq == 1) {
		p.also = SK_LESSON;
		p.lecturer = lecturer_for(w, b, 1, day);
	}
	if (b == B_SQ && mi == now - 9) {
		rc = add_cancelled(w, &p, 1);
	} else
		rc = add_plan(w, &p);

	/* 支部委员会: monthly, for a branch with a committee. */
	day = holiday_next_workday(demo_nth_wday(y, m, 1, bs->comm_wday));
	if (rc == OL_OK && committee_size(w, b, day) >= 3) {
		plan_init(&p, b, SK_COMMITTEE, day, bs->comm_min);
		demo_committee_topic(&w->rng, y, m, p.topic, sizeof p.topic);
		p.place = bs->place2;
		p.host = branch_host(w, b, day);
		p.recorder = branch_recorder(w, b, day);
		if (b == B_XX && mi == now - 11)
			rc = add_cancelled(w, &p, 0);
		else
			rc = add_plan(w, &p);
	}

	/* 党小组会: monthly, each group. */
	for (g = 0; g < bs->ngroups && rc == OL_OK; g++) {
		day = holiday_next_workday(demo_nth_wday(y, m, 2, (bs->group_wday + g - 1) % 5 + 1));
		plan_init(&p, b, SK_GROUP, day, bs->group_min);
		p.g = g;
		demo_group_topic(&w->rng, y, m, p.topic, sizeof p.topic);
		p.place = g % 2 ? bs->place2 : bs->place;
		p.host = br->leader[g];
		p.recorder = br->grec[g];
		if ((b == B_JG1 && g == 1 && mi == now - 5) || (b == B_JG2 && g == 0 && mi == now - 3))
			rc = add_cancelled(w, &p, b == B_JG2);
		else
			rc = add_plan(w, &p);
	}

	/* 支部党员大会: the middle month of each quarter. */
	if (rc == OL_OK && mq == 2) {
		day = holiday_next_workday(demo_nth_wday(y, m, 3, bs->meet_wday));
		plan_init(&p, b, SK_ASSEMBLY, day, bs->meet_min);
		demo_assembly_topic(y, q, p.topic, sizeof p.topic);
		p.host = branch_host(w, b, day);
		p.recorder = branch_recorder(w, b, day);
		/* One was put off a week: the district called a meeting that day. */
		if (b == B_JG1 && day >= w->pq_first && day <= w->pq_last)
			p.move_to = holiday_next_workday(day + 7);
		rc = add_plan(w, &p);
	}

	/* 党课: the last month of each quarter; the secretary in Q2 and Q4. */
	if (rc == OL_OK && mq == 3) {
		day = holiday_next_workday(demo_nth_wday(y, m, 2, bs->meet_wday));
		plan_init(&p, b, SK_LESSON, day, bs->meet_min);
		p.lecturer = lecturer_for(w, b, q, day);
		demo_lesson_topic(&w->rng, y, m, (q == 2 || q == 4) && p.lecturer == holder(w, b, ROLE_SECRETARY, day), p.topic,
			     sizeof p.topic);
		p.host = branch_host(w, b, day);
		p.recorder = branch_recorder(w, b, day);
		if (p.recorder == p.lecturer)
			p.recorder = -1;
		rc = add_plan(w, &p);
	}

	/* December: 组织生活会 in the morning, 民主评议党员 in the afternoon. */
	if (rc == OL_OK && m == 12) {
		day = holiday_next_workday(demo_nth_wday(y, 12, 4, 3));
		plan_init(&p, b, SK_ORG_LIFE, day, HM(9, 0));
		snprintf(p.topic, sizeof p.topic, "%d年度组织生活会", y);
		p.host = branch_host(w, b, day);
		p.recorder = branch_recorder(w, b, day);
		rc = add_plan(w, &p);
		if (rc == OL_OK) {
			plan_init(&p, b, SK_APPRAISAL, day, HM(14, 30));
			snprintf(p.topic, sizeof p.topic, "%d年度民主评议党员", y);
			p.host = branch_host(w, b, day);
			p.recorder = branch_recorder(w, b, day);
			rc = add_plan(w, &p);
		}
	}
	return rc;
}

/* Assemblies on the days members were admitted and confirmed, and on
 * election days; then the elections themselves. */
static int branch_specials(struct world *w, int b)
{
	const struct bspec *bs = &bspecs[b];
	struct dbranch *br = &w->br[b];
	struct plan p;
	long long sid = 0, eid;
	int i, rc = OL_OK;

	for (i = br->first; i < br->first + br->count && rc == OL_OK; i++) {
		struct dmember *m = &w->m[i];
		long end;

		if (!m->probationary)
			continue;
		plan_init(&p, b, SK_ASSEMBLY, m->joined, bs->meet_min);
		snprintf(p.topic, sizeof p.topic, "发展党员票决：接收%s同志为预备党员", m->name);
		p.host = branch_host(w, b, m->joined);
		p.recorder = branch_recorder(w, b, m->joined);
		p.agenda2 = "有表决权的正式党员举手表决";
		p.content = "入党介绍人介绍了发展对象的培养考察情况，与会党员充分讨论。";
		p.resolution = "经有表决权的正式党员举手表决，同意接收为中共预备党员，报街道党工委审批。";
		rc = add_plan(w, &p);
		end = date_add_years(m->joined, 1);
		if (rc == OL_OK && (m->sp == SP_PROB_CONFIRMED || m->sp == SP_PROB_EXTENDED)) {
			plan_init(&p, b, SK_ASSEMBLY, holiday_next_workday(end), bs->meet_min);
			snprintf(p.topic, sizeof p.topic, "预备党员转正讨论：%s同志", m->name);
			p.host = branch_host(w, b, p.day);
			p.recorder = branch_recorder(w, b, p.day);
			p.agenda2 = "有表决权的正式党员举手表决";
			p.content = "预备党员汇报了预备期表现，入党介绍人和党小组介绍了考察情况，与会党员充分讨论。";
			p.resolution = m->sp == SP_PROB_CONFIRMED
					       ? "经表决，同意按期转为中共正式党员，报街道党工委审批。"
					       : "经表决，决定延长预备期九个月，继续考察，报街道党工委审批。";
			rc = add_plan(w, &p);
		}
	}
	if (rc != OL_OK)
		return rc;

	if (br->prev_elected >= 0 && (rc = election_add(w->db, br->id, br->prev_elected, 0, 0, &eid)) != OL_OK)
		return rc;
	if (br->elected >= w->start) {
		plan_init(&p, b, SK_ASSEMBLY, br->elected, bs->meet_min);
		snprintf(p.topic, sizeof p.topic, "%s", bs->nroles > 1 ? "换届选举大会：选举产生新一届支部委员会"
									: "换届选举大会：选举支部书记");
		p.host = branch_host(w, b, br->elected - 1);
		p.recorder = branch_recorder(w, b, br->elected - 1);
		p.agenda2 = "无记名投票选举";
		p.content = "会议通过了选举办法和候选人名单，有选举权的党员进行了无记名投票，当场计票。";
		p.resolution = bs->nroles > 1 ? "选举产生新一届支部委员会，报街道党工委审批。"
					       : "选举产生支部书记，报街道党工委审批。";
		if ((rc = make_session(w, &p, &sid)) != OL_OK)
			return rc;
	}
	if ((rc = election_add(w->db, br->id, br->elected, 0, sid, &eid)) != OL_OK)
		return rc;
	if (b == B_JG2) {
		/* The term ended; the committee above approved a six-month extension. */
		long end = date_add_years(br->elected, bs->term_years ? bs->term_years : 3);
		char approval[64];
		int y;

		date_to_ymd(end - 20, &y, NULL, NULL);
		snprintf(approval, sizeof approval, "街道党工委〔%d〕12号", y);
		rc = election_extend(w->db, br->id, date_add_months(end, 6), approval);
	}
	return rc;
}

/* Two sessions planned for the coming days that tell a story: 城建公司
 * catches up on the assembly it skipped (time to be set), 实验小学 prepares
 * its overdue election. */
static int planned_extras(struct world *w)
{
	struct plan p;
	long day;
	int rc;

	day = holiday_next_workday(w->today + 8);
	plan_init(&p, B_CJ, SK_ASSEMBLY, day, -1);
	snprintf(p.topic, sizeof p.topic, "%s", "补开支部党员大会：学习传达上级会议精神，研究补选支部书记事宜");
	p.host = branch_host(w, B_CJ, day);
	p.recorder = branch_recorder(w, B_CJ, day);
	if ((rc = make_session(w, &p, NULL)) != OL_OK)
		return rc;
	day = holiday_next_workday(w->today + 5);
	plan_init(&p, B_XX, SK_COMMITTEE, day, bspecs[B_XX].comm_min);
	snprintf(p.topic, sizeof p.topic, "%s", "研究支部换届选举工作，拟定换届选举工作方案");
	p.place = bspecs[B_XX].place2;
	p.host = branch_host(w, B_XX, day);
	p.recorder = branch_recorder(w, B_XX, day);
	return make_session(w, &p, NULL);
}

/* Dues for the last 24 months, on the member's usual day of the month. */
static int add_dues(struct world *w)
{
	int now = date_month_index(w->today), i, k, rc = OL_OK;

	for (i = 0; i < w->nm && rc == OL_OK; i++) {
		struct dmember *m = &w->m[i];
		int from = date_month_index(m->joined), to = m->last_paid >= 0 ? m->last_paid : now;

		if (from < now - 23)
			from = now - 23;
		for (k = from; k <= to && rc == OL_OK; k++) {
			int y = k / 12, mo = k % 12 + 1;
			long paid = demo_ymd(y, mo, m->pay_day) + rng_int(&w->rng, 0, 5);

			if (paid < m->joined)
				paid = m->joined;
			if (paid > w->today)
				break;
			rc = dues_pay(w->db, m->id, y, mo, m->fee_fen, paid);
			w->n_dues++;
		}
	}
	return rc;
}

/* ---- the whole world ------------------------------------------------------------ */

static int build(struct world *w)
{
	int b, rc, total = 0;

	for (b = 0; b < NBRANCH; b++)
		total += bspecs[b].nmembers;
	w->m = xmalloc((size_t)total * sizeof *w->m);

	rc = org_add(w->db, "城关街道党工委", ORG_COMMITTEE, 0, 0, &w->committee_id);
	if (rc == OL_OK && (rc = org_add(w->db, "机关党总支", ORG_GENERAL_BRANCH, w->committee_id, 0, &w->general_id)) == OL_OK)
		w->n_orgs += 2;
	for (b = 0; b < NBRANCH && rc == OL_OK; b++) {
		const struct bspec *bs = &bspecs[b];
		struct dbranch *br = &w->br[b];
		int g;

		rc = org_add(w->db, bs->name, ORG_BRANCH, bs->general ? w->general_id : w->committee_id, bs->term_years,
			     &br->id);
		w->n_orgs += rc == OL_OK;
		for (g = 0; g < bs->ngroups && rc == OL_OK; g++) {
			rc = org_add(w->db, bs->groups[g], ORG_GROUP, br->id, 0, &br->group_id[g]);
			w->n_orgs += rc == OL_OK;
		}
		br->elected = holiday_next_workday(months_ago(w, bs->elected_ago, 0));
		br->prev_elected = br->elected > w->start ? holiday_next_workday(date_add_years(br->elected, -3) - 10) : -1;
	}
	for (b = 0; b < NBRANCH && rc == OL_OK; b++)
		rc = add_members(w, b);
	for (b = 0; b < NBRANCH && rc == OL_OK; b++)
		rc = add_roles(w, b);
	if (rc == OL_OK)
		rc = add_member_facts(w);
	for (b = 0; b < NBRANCH && rc == OL_OK; b++) {
		int k, first = date_month_index(w->start), last = date_month_index(w->horizon);
		for (k = first; k <= last && rc == OL_OK; k++)
			rc = branch_month(w, b, k / 12, k % 12 + 1);
		if (rc == OL_OK)
			rc = branch_specials(w, b);
	}
	if (rc == OL_OK)
		rc = planned_extras(w);
	if (rc == OL_OK)
		rc = add_dues(w);
	return rc;
}

static int any_org(const struct org *o, void *p)
{
	(void)o;
	(void)p;
	return 1;
}

/* The path as one shell word, for the hint. */
static void shell_word(struct strbuf *out, const char *s)
{
	const char *c;

	for (c = s; *c; c++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:=@%", *c))
			break;
	if (*s && !*c) {
		strbuf_adds(out, s);
		return;
	}
	strbuf_addc(out, '\'');
	for (c = s; *c; c++) {
		if (*c == '\'')
			strbuf_adds(out, "'\\''");
		else
			strbuf_addc(out, *c);
	}
	strbuf_addc(out, '\'');
}

/* The small world: one street committee, two years (the top of this file). */
static int demo_small(struct cli_ctx *ctx, struct demo_counts *n)
{
	struct world w;
	int rc;

	memset(&w, 0, sizeof w);
	w.ctx = ctx;
	w.db = ctx->db;
	w.rng.s = 0x6F72676C69666531ULL; /* "orglife1" */
	w.today = ctx->today;
	w.start = date_add_years(w.today, -2);
	w.horizon = w.today + 21;
	w.pq_first = date_quarter_first(date_quarter_first(w.today) - 1);
	w.pq_last = date_quarter_first(w.today) - 1;

	if ((rc = db_tx_begin(w.db)) != OL_OK)
		return rc;
	rc = db_tx_end(w.db, build(&w));
	free(w.m);
	free(w.exp);
	n->orgs = w.n_orgs;
	n->members = w.n_members;
	n->sessions = w.n_sessions;
	n->marks = w.n_marks;
	n->dues = w.n_dues;
	return rc;
}

CMD_RUN(cmd_demo)
{
	enum { O_SCALE };
	static const struct cli_opt opts[] = {
		[O_SCALE] = { .name = "--scale", .takes_value = 1 },
		{ .name = NULL },
	};
	struct cli_args a;
	struct demo_counts n = { 0 };
	struct strbuf hint = { 0 };
	char *shown, today[DATE_DISPLAY_MAX];
	long min_today = 0;
	int rc, district = 0;

	if ((rc = cli_parse(ctx, opts, 0, 0, argc, argv, &a)))
		return rc;
	if (a.val[O_SCALE] && strcmp(a.val[O_SCALE], "district") == 0)
		district = 1;
	else if (a.val[O_SCALE] && strcmp(a.val[O_SCALE], "small") != 0)
		return cli_bad_value(ctx, "--scale", a.val[O_SCALE], _("give small or district"));
	date_from_ymd(2000, 1, 1, &min_today);
	if (ctx->today < min_today) {
		date_format(ctx->today, today);
		return cli_error(ctx, _("the demo is built around today, and today is %s: give a date from 2000 on in ORGLIFE_NOW"),
				 today);
	}
	rc = org_list(ctx->db, any_org, NULL);
	if (rc < 0)
		return cli_status(ctx, rc);
	if (rc > 0) {
		shown = text_sanitize(ctx->db_path ? ctx->db_path : "", 0);
		cli_error(ctx, _("%s already holds data: give an empty or new file with --db"),
			  ctx->db_path ? shown : _("the database"));
		free(shown);
		return EXIT_ERROR;
	}

	rc = district ? demo_district(ctx, &n) : demo_small(ctx, &n);
	if (rc != OL_OK)
		return cli_status(ctx, rc);

	date_display(ctx->today, today);
	fprintf(ctx->out, _("Demo created as of %s:\n"), today);
	fprintf(ctx->out, "  ");
	fprintf(ctx->out, ngettext("%d organization", "%d organizations", n.orgs), n.orgs);
	fprintf(ctx->out, "\n  ");
	fprintf(ctx->out, ngettext("%d member", "%d members", n.members), n.members);
	fprintf(ctx->out, "\n  ");
	fprintf(ctx->out, ngettext("%d session", "%d sessions", n.sessions), n.sessions);
	fprintf(ctx->out, "\n  ");
	fprintf(ctx->out, ngettext("%d attendance mark", "%d attendance marks", n.marks), n.marks);
	fprintf(ctx->out, "\n  ");
	fprintf(ctx->out, ngettext("%d dues payment", "%d dues payments", n.dues), n.dues);
	fputc('\n', ctx->out);
	if (ctx->db_path) {
		shown = text_sanitize(ctx->db_path, 0);
		shell_word(&hint, shown);
		free(shown);
		fprintf(ctx->out, _("Open it with: orglife --db %s\n"), strbuf_str(&hint));
		strbuf_free(&hint);
	}
	return EXIT_OK;
}
