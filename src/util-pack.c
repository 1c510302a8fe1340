/*
 * util-pack.c - the compact codecs of pack.h: attendance marks and dues
 * payments as varint blobs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/pack.h>
#include <orglife/text.h>

int pack_get_varint(const unsigned char **p, const unsigned char *end, unsigned long long *v)
{
	int shift = 0;

	*v = 0;
	for (;;) {
		if (*p == end || shift > 56)
			return -1;
		*v |= (unsigned long long)(**p & 0x7f) << shift;
		shift += 7;
		if (!(*(*p)++ & 0x80))
			return 0;
	}
}

unsigned char *pack_put_varint(unsigned char *p, unsigned long long v)
{
	do {
		*p = v & 0x7f;
		v >>= 7;
		*p++ |= v ? 0x80 : 0;
	} while (v);
	return p;
}

static size_t find(const struct marks *m, long long member_id, int *found)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->v[mid].member_id < member_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < m->n && m->v[lo].member_id == member_id;
	return lo;
}

static void push(struct marks *m, long long id, int status)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	m->v[m->n].member_id = id;
	m->v[m->n].status = status;
	m->n++;
}

int marks_decode(const void *blob, size_t len, struct marks *m)
{
	const unsigned char *p = blob, *end = p + len;
	long long id = 0;

	m->n = 0;
	while (p < end) {
		unsigned long long delta;

		if (pack_get_varint(&p, end, &delta) != 0)
			goto bad;
		/* Ids increase strictly and stay positive. */
		if (delta == 0 || delta > (unsigned long long)(0x7fffffffffffffffLL - id) || p == end)
			goto bad;
		id += (long long)delta;
		if (*p < 1 || *p > 4)
			goto bad;
		push(m, id, *p++);
	}
	return 0;
bad:
	m->n = 0;
	return -1;
}

unsigned char *marks_encode(const struct marks *m, size_t *len)
{
	unsigned char *buf, *p;
	long long prev = 0;
	size_t i;

	*len = 0;
	if (m->n == 0)
		return NULL;
	buf = p = xmalloc(m->n * 11);
	for (i = 0; i < m->n; i++) {
		p = pack_put_varint(p, (unsigned long long)(m->v[i].member_id - prev));
		prev = m->v[i].member_id;
		*p++ = (unsigned char)m->v[i].status;
	}
	*len = (size_t)(p - buf);
	return buf;
}

int marks_get(const struct marks *m, long long member_id)
{
	int found;
	size_t i = find(m, member_id, &found);

	return found ? m->v[i].status : 0;
}

void marks_set(struct marks *m, long long member_id, int status)
{
	int found;
	size_t i = find(m, member_id, &found);

	if (found && status) {
		m->v[i].status = status;
	} else if (found) {
		memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof *m->v);
		m->n--;
	} else if (status) {
		push(m, 0, 0);
		memmove(&m->v[i + 1], &m->v[i], (m->n - 1 - i) * sizeof *m->v);
		m->v[i].member_id = member_id;
		m->v[i].status = status;
	}
}

void marks_free(struct marks *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* ---- dues ---------------------------------------------------------------- */

unsigned long long pack_zigzag(long long v)
{
	return v < 0 ? ((unsigned long long)(-(v + 1)) << 1) | 1 : (unsigned long long)v << 1;
}

long long pack_unzigzag(unsigned long long v)
{
	return v & 1 ? -(long long)(v >> 1) - 1 : (long long)(v >> 1);
}

int payments_decode(const void *blob, size_t len, struct payments *p)
{
	const unsigned char *q = blob, *end = q + len;
	int month = 0;

	p->n = 0;
	while (q < end) {
		unsigned long long dm, amount, paid;
		struct payment pay;

		if (pack_get_varint(&q, end, &dm) || pack_get_varint(&q, end, &amount) || pack_get_varint(&q, end, &paid))
			goto bad;
		/* Months increase strictly and stay in the years dates allow. */
		if (dm == 0 || dm > (unsigned long long)(DATE_YEAR_MAX * 12 + 11 - month) || amount > (unsigned long long)PAYMENT_MAX_FEN + 1 ||
		    paid > 2 * (unsigned long long)DATE_DAY_MAX)
			goto bad;
		month += (int)dm;
		if (month < DATE_YEAR_MIN * 12)
			goto bad;
		pay.month = month;
		pay.amount_fen = (long long)amount - 1;
		pay.paid_on = date_month_index_first(month) + (long)pack_unzigzag(paid);
		if (pay.paid_on < DATE_DAY_MIN || pay.paid_on > DATE_DAY_MAX)
			goto bad;
		payments_add(p, &pay);
	}
	return 0;
bad:
	p->n = 0;
	return -1;
}

unsigned char *payments_encode(const struct payments *p, size_t *len)
{
	unsigned char *buf, *q;
	int prev = 0;
	size_t i;

	*len = 0;
	if (p->n == 0)
		return NULL;
	buf = q = xmalloc(p->n * 30);
	for (i = 0; i < p->n; i++) {
		q = pack_put_varint(q, (unsigned long long)(p->v[i].month - prev));
		q = pack_put_varint(q, (unsigned long long)(p->v[i].amount_fen + 1));
		q = pack_put_varint(q, pack_zigzag(p->v[i].paid_on - date_month_index_first(p->v[i].month)));
		prev = p->v[i].month;
	}
	*len = (size_t)(q - buf);
	return buf;
}

int payments_latest(const void *blob, size_t len, int until, int *month)
{
	const unsigned char *q = blob, *end = q + len;
	unsigned long long dm, skip;
	int m = 0;

	*month = -1;
	while (q < end) {
		if (pack_get_varint(&q, end, &dm) || pack_get_varint(&q, end, &skip) || pack_get_varint(&q, end, &skip))
			return -1;
		if (dm == 0 || dm > (unsigned long long)(DATE_YEAR_MAX * 12 + 11 - m))
			return -1;
		m += (int)dm;
		if (m > until)
			break;
		*month = m;
	}
	return 0;
}

const struct payment *payments_get(const struct payments *p, int month)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->v[mid].month == month)
			return &p->v[mid];
		if (p->v[mid].month < month)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void payments_add(struct payments *p, const struct payment *pay)
{
	size_t i = p->n;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	while (i > 0 && p->v[i - 1].month > pay->month) {
		p->v[i] = p->v[i - 1];
		i--;
	}
	p->v[i] = *pay;
	p->n++;
}

void payments_free(struct payments *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}
