/*
 * bulk.h - building a large database fast, for the district demo and the
 * benchmarks: rows go in through prepared statements inside one
 * transaction, ids come from counters, the audit triggers are paused (one
 * audit entry says what was built), and the schema's indexes are dropped
 * for the load and built again, sorted, at its end (db_bulk_tuning in db.h
 * does the rest: journal, syncing, cache).  Only for a new, empty database;
 * the data must already be consistent, since the model's checks are not
 * run.
 */
#ifndef ORGLIFE_BULK_H
#define ORGLIFE_BULK_H

#include <stddef.h>

#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/session.h>

struct db;
struct bulk;

/* Starts the load; refuses a database that holds any organization. */
int bulk_begin(struct db *db, struct bulk **out);
/* Commits (status OL_OK) or rolls everything back; records `what` in the
 * audit log; frees b.  Returns the status. */
int bulk_end(struct bulk *b, int status, const char *what);

int bulk_org(struct bulk *b, const char *name, enum org_kind kind, long long parent, int term_years,
	     long long *id);
/* A member; confirmed < 0 when not (yet) confirmed. */
int bulk_member(struct bulk *b, const struct member_new *m, long confirmed, long long *id);
/* Probation extended to `until` (R-PROBATION), for a member just added. */
int bulk_extend_probation(struct bulk *b, long long member, long until);
int bulk_role(struct bulk *b, long long member, long long org, enum role_kind role, long from, long to);
int bulk_event(struct bulk *b, long long member, enum member_event_kind kind, long day, long until,
	       const char *doc);
/* A session in its final state, with its packed marks (pack.h; NULL for
 * none) and minutes (NULL for none). */
int bulk_session(struct bulk *b, const struct session *s, enum session_state state, const void *marks,
		 size_t marks_len, const char *minutes, long long *id);
int bulk_election(struct bulk *b, long long org, long day, int term_years, long long session, long ext_until,
		  const char *approval);
/* A member's packed payments (pack.h). */
int bulk_dues(struct bulk *b, long long member, const void *payments, size_t len);

#endif
