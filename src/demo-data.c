/*
 * demo-data.c - what the two demo worlds share (demo.h): the PRNG, names,
 * the calendar and the topics of the sessions.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <orglife/date.h>
#include "demo.h"

/* ---- a small deterministic PRNG (splitmix64) ---------------------------- */

unsigned long long rng_next(struct rng *r)
{
	unsigned long long z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

int rng_int(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (unsigned long long)(hi - lo + 1));
}

int rng_pct(struct rng *r, int pct)
{
	return rng_int(r, 0, 99) < pct;
}

/* ---- names ---------------------------------------------------------------- */

const char *const demo_surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
	"高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田",
	"董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
	"卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白",
	"邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺",
	"顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
};

static const char *const given_modern[] = {
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
	"超", "霞", "平", "刚", "斌", "鑫", "颖", "琳", "志强", "建华", "海燕", "丽娟", "文华", "国强",
	"红梅", "建军", "志刚", "晓明", "春梅", "晓燕", "丽华", "俊杰", "欣怡", "雨婷", "思远", "一鸣",
	"佳琪", "宇航", "晨曦", "浩然", "雅琴", "慧敏", "立新", "永刚", "婷婷", "丹丹", "晓东", "海涛",
	"振宇", "文博", "明轩", "雪梅", "玉洁", "佳怡", "建平", "红霞", "亚楠", "鹏飞", "志远", "晓峰",
	"明辉", "东升", "春华", "梦瑶", "嘉欣", "泽宇", "思琪", "天宇", "秀梅", "丽萍", "国栋", "文杰",
	"金龙", "小燕", "晓丽", "海波", "永强", "少华", "桂林", "红英", "卫华", "德华",
};

static const char *const given_old[] = {
	"建国", "国庆", "秀英", "桂英", "秀兰", "淑珍", "玉珍", "德明", "长生", "凤英", "秀珍", "振华",
	"卫东", "爱华", "援朝", "红旗", "桂兰", "玉兰", "淑英", "福生", "有才", "德福", "金花", "树林",
	"国华", "永福", "志明", "春生", "兰英", "翠兰", "文斌", "桂香", "宝山", "学文", "保国", "建民",
	"玉梅", "素芳", "秀云", "德胜", "凤兰", "金水", "庆华", "跃进", "淑兰", "玉芬",
};

static const char *const phone_prefixes[] = {
	"138", "139", "136", "137", "135", "150", "151", "152", "158", "159", "182", "186", "187", "188",
	"189", "133", "153", "180", "181", "177",
};

static const char *const work_reasons[] = { "出差", "病假", "照顾家人", "单位值班", "外出培训", "事假" };
static const char *const old_reasons[] = { "身体不适", "住院治疗", "照顾老伴", "外出探亲", "行动不便" };


void demo_name(struct rng *r, int old, char *out, size_t n)
{
	/* The smaller of two picks: common surnames come up more often. */
	int a = rng_int(r, 0, NELEM(demo_surnames) - 1), b = rng_int(r, 0, NELEM(demo_surnames) - 1);
	const char *given = old && rng_pct(r, 70) ? PICK(r, given_old) : PICK(r, given_modern);

	snprintf(out, n, "%s%s", demo_surnames[a < b ? a : b], given);
}

const char *demo_reason(struct rng *r, int old)
{
	return old ? PICK(r, old_reasons) : PICK(r, work_reasons);
}

void demo_phone(struct rng *r, char out[16])
{
	snprintf(out, 16, "%s%04d%04d", PICK(r, phone_prefixes), rng_int(r, 0, 9999), rng_int(r, 0, 9999));
}

/* ---- the calendar ------------------------------------------------------------ */

long demo_ymd(int y, int m, int d)
{
	long day = 0;

	if (date_from_ymd(y, m, d, &day) != 0)
		date_from_ymd(y, m, date_days_in_month(y, m), &day);
	return day;
}

long demo_nth_wday(int y, int m, int n, int wday)
{
	long first = demo_ymd(y, m, 1), day;

	day = first + (wday - date_weekday(first) + 7) % 7 + 7L * (n - 1);
	while (day > date_month_last(first))
		day -= 7;
	return day;
}

/* ---- topics ---------------------------------------------------------------- */

struct campaign {
	const char *theme, *lesson, *group;
};

/* The central study campaigns of the ten years up to now. */
static const struct campaign *campaign_of(int y, int m)
{
	static const struct campaign c[] = {
		{ "主题教育：读原著学原文悟原理", "主题教育专题党课：以学铸魂、以学增智、以学正风、以学促干",
		  "主题教育专题学习：交流学习体会" },
		{ "党纪学习教育：集中学习《中国共产党纪律处分条例》", "党纪学习教育专题党课：学纪、知纪、明纪、守纪",
		  "党纪学习教育：逐章学习《中国共产党纪律处分条例》" },
		{ "学习贯彻党的二十届三中全会精神", "学习贯彻党的二十届三中全会精神专题党课",
		  "学习《中共中央关于进一步全面深化改革、推进中国式现代化的决定》" },
		{ "深入贯彻中央八项规定精神学习教育：观看警示教育片", "深入贯彻中央八项规定精神专题党课",
		  "学习中央八项规定及其实施细则精神" },
		{ "学习贯彻党的二十届四中全会精神", "学习贯彻党的二十届四中全会精神专题党课",
		  "学习「十五五」规划建议" },
		/* Earlier years, for the district's ten years. */
		{ "「两学一做」学习教育：学党章党规、学系列讲话", "「两学一做」专题党课：做讲政治、有信念的合格党员",
		  "「两学一做」：对照党章党规找差距" },
		{ "学习宣传贯彻党的十九大精神", "学习贯彻党的十九大精神专题党课", "学习党的十九大报告，交流学习体会" },
		{ "「不忘初心、牢记使命」主题教育：重温入党初心", "「不忘初心、牢记使命」主题教育专题党课",
		  "「不忘初心、牢记使命」主题教育：检视问题、交流体会" },
		{ "党史学习教育：学党史、悟思想、办实事、开新局", "党史学习教育专题党课：学史明理、学史增信、学史崇德、学史力行",
		  "党史学习教育：学习《中国共产党简史》" },
		{ "学习宣传贯彻党的二十大精神", "学习贯彻党的二十大精神专题党课", "学习党的二十大报告，交流学习体会" },
	};
	int k = y * 12 + m - 1;

	if (k >= 2023 * 12 + 3 && k <= 2024 * 12 + 0)
		return &c[0];
	if (k >= 2024 * 12 + 3 && k <= 2024 * 12 + 6)
		return &c[1];
	if (k >= 2024 * 12 + 7 && k <= 2025 * 12 + 1)
		return &c[2];
	if (k >= 2025 * 12 + 2 && k <= 2025 * 12 + 6)
		return &c[3];
	if (k >= 2025 * 12 + 10 && k <= 2026 * 12 + 5)
		return &c[4];
	if (k >= 2016 * 12 + 3 && k <= 2017 * 12 + 9)
		return &c[5];
	if (k >= 2017 * 12 + 10 && k <= 2018 * 12 + 5)
		return &c[6];
	if (k >= 2019 * 12 + 5 && k <= 2020 * 12 + 0)
		return &c[7];
	if (k >= 2021 * 12 + 1 && k <= 2021 * 12 + 11)
		return &c[8];
	if (k >= 2022 * 12 + 9 && k <= 2023 * 12 + 2)
		return &c[9];
	return NULL;
}

void demo_theme_topic(struct rng *r, int retirees, int y, int m, char *out, size_t n)
{
	static const char *const by_month[12] = {
		"新春走访慰问困难党员和老党员", "元宵节邻里互助志愿服务", "学雷锋志愿服务活动",
		"清明祭英烈 传承红色基因", "学习全国两会精神", "安全生产月 党员示范岗亮身份", "",
		"八一走访慰问退役军人", "全民国防教育日 参观县革命纪念馆", "喜迎国庆 「我和我的祖国」主题诵读",
		"消防安全宣传党员志愿服务", "国家宪法日 学习宪法和党章",
	};
	static const char *const retiree_topics[] = {
		"老党员讲传统 红色故事分享会", "银龄志愿服务 社区文明劝导", "重阳敬老 老党员座谈会",
	};
	const struct campaign *c = campaign_of(y, m);

	if (m == 7)
		snprintf(out, n, "庆祝中国共产党成立%d周年 重温入党誓词", y - 1921);
	else if (c && m % 2 == 0)
		snprintf(out, n, "%s", c->theme);
	else if (retirees && rng_pct(r, 30))
		snprintf(out, n, "%s", PICK(r, retiree_topics));
	else
		snprintf(out, n, "%s", by_month[m - 1]);
}

void demo_lesson_topic(struct rng *r, int y, int m, int by_secretary, char *out, size_t n)
{
	static const char *const generic[] = {
		"传承红色基因 赓续红色血脉", "以案为鉴 警钟长鸣：警示教育专题党课", "学习《中国共产党章程》",
		"牢记初心使命 争做合格党员", "弘扬伟大建党精神", "学习《中国共产党支部工作条例（试行）》",
		"践行全过程人民民主", "加强作风建设 密切联系群众",
	};
	const struct campaign *c = campaign_of(y, m);
	const char *t = c && rng_pct(r, 75) ? c->lesson : PICK(r, generic);

	snprintf(out, n, "%s%s", by_secretary ? "书记讲党课：" : "", t);
}

void demo_committee_topic(struct rng *r, int y, int m, char *out, size_t n)
{
	static const char *const generic[] = {
		"研究本月主题党日活动安排", "研究发展党员工作，确定入党积极分子培养联系人", "分析党员思想状况，安排谈心谈话",
		"研究党费收缴和困难党员帮扶", "研究党员教育培训安排", "研究党员志愿服务安排",
	};

	if (m == 1)
		snprintf(out, n, "研究制定%d年支部工作计划和党员学习计划", y);
	else if (m == 6)
		snprintf(out, n, "研究「七一」走访慰问和表彰推荐工作");
	else if (m == 12)
		snprintf(out, n, "研究%d年度组织生活会和民主评议党员工作方案", y);
	else if (m % 3 == 2)
		snprintf(out, n, "研究本季度支部党员大会议题");
	else
		snprintf(out, n, "%s", PICK(r, generic));
}

void demo_group_topic(struct rng *r, int y, int m, char *out, size_t n)
{
	static const char *const generic[] = {
		"学习《中国共产党章程》", "传达支部委员会会议精神，交流学习体会", "集体学习《求是》杂志最新文章",
		"学习《中国共产党支部工作条例（试行）》", "围绕岗位职责开展批评和自我批评", "讨论本小组党员发挥作用情况",
		"学习习近平总书记重要讲话精神", "读原著学原文悟原理",
	};
	const struct campaign *c = campaign_of(y, m);

	snprintf(out, n, "%s", c && rng_pct(r, 50) ? c->group : PICK(r, generic));
}

void demo_assembly_topic(int y, int q, char *out, size_t n)
{
	switch (q) {
	case 1:
		snprintf(out, n, "通报%d年支部工作，部署%d年工作计划", y - 1, y);
		break;
	case 2:
		snprintf(out, n, "学习传达上级会议精神，通报党费收缴情况");
		break;
	case 3:
		snprintf(out, n, "通报上半年支部工作，学习传达上级文件精神");
		break;
	default:
		snprintf(out, n, "讨论%d年度组织生活会和民主评议党员方案", y);
		break;
	}
}

