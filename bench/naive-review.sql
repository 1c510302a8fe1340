-- bench/naive-review.sql - the quarterly review as a naive set of indexed
-- SQL queries, the yardstick of PRODUCT §6 ("naive indexed SQL: ~0.4 s")
-- that bench/run.sh times next to `orglife review`, in one hyperfine run:
--
--   sqlite3 -readonly -cmd ".parameter set @today '2026-07-15'" DB < bench/naive-review.sql
--
-- @today is the as-of day (unset: today's local date); the quarter is the
-- one it falls in, as for `orglife review` without --quarter.  It reads
-- only the base tables (org, member, member_event, role, session,
-- election, ledger) through their own indexes (member_event_member,
-- role_org, session_org_day, election_org, ledger_org, the primary keys),
-- never the summaries the program keeps (summary_org, summary_member),
-- and creates no index: the file is opened read-only.  The rules have
-- their built-in values (no local rules file), copied from src/rules.c.
--
-- What it covers, as the engine (src/rules-eval.c) decides it, with the
-- engine's clamped month arithmetic (31 Aug + 6 months = 28/29 Feb):
--   branches: R-ASSEMBLY-Q, R-COMMITTEE-M (when the branch has a committee
--     of 3 on the month's last day or the as-of day), R-LESSON,
--     R-THEME-DAY-M; in the fourth quarter also R-SECRETARY-LESSON,
--     R-ORGLIFE-Y and R-APPRAISAL-Y.  Sessions count by kind or also-kind,
--     held when held on or before the as-of day, planned otherwise,
--     cancelled never.
--   branches on the as-of day: R-SIZE-MIN, R-SIZE-MAX, R-COMMITTEE-REQ,
--     R-SECRETARY (members present then, by their dated events).
--   groups: R-GROUP-M.  Every organization but a group: R-TERM,
--     R-TERM-EXTEND (its latest election).  Every organization:
--     R-LEDGER-DUE.
--   members of a branch: R-MOBILE-CERT, R-TRANSFER, R-LOST, R-PROBATION.
-- What SQL cannot see, so what it leaves out:
--   R-ABSENT-6, R-CADRE and the quorums (R-QUORUM-ASSEMBLY, -ELECTION,
--     -COMMITTEE) need the attendance marks, packed per session into
--     session.marks (LEB128 varints, src/pack.h): not decodable in plain SQL.
--   R-DUES-6 needs each member's latest paid month, packed the same way
--     into dues.payments.
--   R-APPRAISAL-REDO is not evaluated by the program either.
-- So it does less than the program (no attendance, no dues: the heaviest
-- facts), which makes its time a lower bound for the same review in SQL.
-- The findings come out as CSV like `orglife review --format csv`: the
-- same rule, organization, member, period and severity; the message is
-- the counts behind the finding, not the program's sentence.  For the
-- rules it covers they are the program's, finding for finding (bench/run.sh
-- compares them at each run and warns when they differ).

.bail on
.mode csv
.headers on

BEGIN;

-- The as-of day, its quarter, and its year when the quarter is the fourth.
-- A day that is not YYYY-MM-DD stops here (CHECK constraint failed): the
-- shell evaluates a bare 2026-07-15 to 2004, so quote it twice, as above.
CREATE TEMP TABLE q (as_of TEXT NOT NULL CHECK (date(as_of) IS as_of), q_first, q_last, q_label, fourth, y_first,
		     y_last);
INSERT INTO q
WITH d(as_of) AS (SELECT coalesce(@today, date('now', 'localtime')))
SELECT as_of,
	date(as_of, 'start of month', printf('-%d months', (CAST(strftime('%m', as_of) AS INTEGER) - 1) % 3)),
	date(as_of, 'start of month', printf('-%d months', (CAST(strftime('%m', as_of) AS INTEGER) - 1) % 3),
		'+3 months', '-1 day'),
	strftime('%Y', as_of) || 'Q' || ((CAST(strftime('%m', as_of) AS INTEGER) - 1) / 3 + 1),
	(CAST(strftime('%m', as_of) AS INTEGER) - 1) / 3 + 1 = 4,
	date(as_of, 'start of year'),
	date(as_of, 'start of year', '+1 year', '-1 day')
FROM d;

-- The periods the review covers: the quarter's months that have begun,
-- the quarter, the year in the fourth quarter; `opens` is the day the
-- warning window opens (10 days before a month's end, a month before a
-- quarter's, three months before a year's).
CREATE TEMP TABLE period AS
SELECT 'month' AS kind, date(q_first, printf('+%d months', i)) AS first,
	date(q_first, printf('+%d months', i + 1), '-1 day') AS last,
	strftime('%Y-%m', date(q_first, printf('+%d months', i))) AS label,
	date(q_first, printf('+%d months', i + 1), '-10 days') AS opens
FROM q, (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2)
WHERE date(q_first, printf('+%d months', i)) <= as_of
UNION ALL
SELECT 'quarter', q_first, q_last, q_label, date(q_last, '+1 day', '-1 month') FROM q
UNION ALL
SELECT 'year', y_first, y_last, strftime('%Y', y_first), date(y_last, '+1 day', '-3 months') FROM q WHERE fourth;

-- Sessions per organization, kind (a session counts for its kind and its
-- also-kind) and month, from the first day a period needs: one range of
-- session_org_day per branch and group (CROSS JOIN keeps that join order:
-- left to itself, without statistics, SQLite scans every session per kind).  sec_*: lessons given by whoever
-- was the branch's secretary that day (R-SECRETARY-LESSON, fourth quarter).
CREATE TEMP TABLE tally AS
WITH kinds(kind) AS (VALUES ('assembly'), ('committee'), ('group'), ('lesson'), ('theme-day'), ('org-life'),
			    ('appraisal')),
s AS (
	SELECT o.id AS org_id, k.kind, strftime('%Y-%m', s.day) AS month,
		s.state = 'held' AND s.day <= q.as_of AS held,
		k.kind = 'lesson' AND q.fourth AND s.lecturer_id = (
			SELECT r.member_id FROM role r
			WHERE r.org_id = o.id AND r.role = 'secretary' AND r.from_date <= s.day
				AND (r.to_date IS NULL OR r.to_date >= s.day)
			ORDER BY r.from_date DESC, r.id DESC LIMIT 1) AS by_secretary
	FROM q CROSS JOIN org o
	CROSS JOIN session s ON s.org_id = o.id
		AND s.day BETWEEN (CASE WHEN q.fourth THEN q.y_first ELSE q.q_first END) AND q.q_last
		AND s.state <> 'cancelled'
	CROSS JOIN kinds k ON k.kind = s.kind OR k.kind = s.also_kind
	WHERE o.kind IN ('branch', 'group'))
SELECT org_id, kind, month, sum(held) AS held, sum(NOT held) AS planned,
	sum(by_secretary AND held) AS sec_held, sum(by_secretary AND NOT held) AS sec_planned
FROM s GROUP BY org_id, kind, month;

-- The same per period.
CREATE TEMP TABLE ptally AS
SELECT t.org_id, t.kind, p.label, sum(t.held) AS held, sum(t.planned) AS planned, sum(t.sec_held) AS sec_held,
	sum(t.sec_planned) AS sec_planned
FROM tally t JOIN period p ON t.month BETWEEN substr(p.first, 1, 7) AND substr(p.last, 1, 7)
GROUP BY t.org_id, t.kind, p.label;
CREATE INDEX temp.ptally_key ON ptally(org_id, kind, label);

-- Members where they are on the as-of day, by their latest dated event
-- (src/facts-query.c facts_where_on), and full members then.
CREATE TEMP TABLE ms AS
SELECT m.id, m.org_id, m.status, m.joined, m.confirmed, m.probation_until,
	m.status = 'full' OR (m.confirmed IS NOT NULL AND m.confirmed <= q.as_of) AS full,
	(SELECT e.id FROM member_event e WHERE e.member_id = m.id AND e.on_date <= q.as_of
	 ORDER BY e.on_date DESC, e.id DESC LIMIT 1) AS ev_id,
	EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.on_date > q.as_of
		AND e.kind = 'transfer-in') AS later_in
FROM q, member m;
CREATE TEMP TABLE mw AS
SELECT ms.*, e.on_date AS ev_day, e.until AS ev_until, e.doc IS NOT NULL AS ev_doc,
	CASE WHEN ms.joined IS NOT NULL AND ms.joined > q.as_of THEN 'not-yet'
	     WHEN e.id IS NULL THEN CASE WHEN ms.later_in THEN 'not-yet' ELSE 'here' END
	     WHEN e.kind = 'flow-out' THEN 'flowed-out'
	     WHEN e.kind = 'transfer-out' THEN 'transferred-out'
	     WHEN e.kind = 'lost' THEN 'lost'
	     ELSE 'here' END AS at
FROM q, ms LEFT JOIN member_event e ON e.id = ms.ev_id;
CREATE INDEX temp.mw_org ON mw(org_id, at);

-- ord: the engine's order of the rules within an organization.
CREATE TEMP TABLE finding (org_id INTEGER, member_id INTEGER, ord INTEGER, rule TEXT, period TEXT, severity TEXT,
			   detail TEXT);

-- R-ASSEMBLY-Q, R-LESSON (quarterly), R-THEME-DAY-M (monthly), R-ORGLIFE-Y,
-- R-APPRAISAL-Y (yearly), R-GROUP-M (monthly, groups): at least 1 each.
INSERT INTO finding
SELECT o.id, NULL, r.ord, r.rule, p.label,
	CASE WHEN coalesce(t.held, 0) >= 1 THEN 'ok' WHEN p.last < q.as_of THEN 'overdue'
	     WHEN q.as_of >= p.opens THEN 'due' ELSE 'ok' END,
	printf('%s: %d held, %d planned', r.kind, coalesce(t.held, 0), coalesce(t.planned, 0))
FROM q, org o
JOIN (SELECT 1 AS ord, 'R-ASSEMBLY-Q' AS rule, 'assembly' AS kind, 'quarter' AS pkind, 'branch' AS okind
      UNION ALL SELECT 3, 'R-LESSON', 'lesson', 'quarter', 'branch'
      UNION ALL SELECT 5, 'R-THEME-DAY-M', 'theme-day', 'month', 'branch'
      UNION ALL SELECT 6, 'R-ORGLIFE-Y', 'org-life', 'year', 'branch'
      UNION ALL SELECT 7, 'R-APPRAISAL-Y', 'appraisal', 'year', 'branch'
      UNION ALL SELECT 12, 'R-GROUP-M', 'group', 'month', 'group') AS r ON r.okind = o.kind
JOIN period p ON p.kind = r.pkind
LEFT JOIN ptally t ON t.org_id = o.id AND t.kind = r.kind AND t.label = p.label;

-- R-SECRETARY-LESSON (yearly): a lesson given by the secretary of the day.
INSERT INTO finding
SELECT o.id, NULL, 4, 'R-SECRETARY-LESSON', p.label,
	CASE WHEN coalesce(t.sec_held, 0) >= 1 THEN 'ok' WHEN p.last < q.as_of THEN 'overdue'
	     WHEN q.as_of >= p.opens THEN 'due' ELSE 'ok' END,
	printf('by the secretary: %d held, %d planned', coalesce(t.sec_held, 0), coalesce(t.sec_planned, 0))
FROM q, org o JOIN period p ON p.kind = 'year'
LEFT JOIN ptally t ON t.org_id = o.id AND t.kind = 'lesson' AND t.label = p.label
WHERE o.kind = 'branch';

-- R-COMMITTEE-M: branches with a committee (3 or more role holders) on the
-- month's last day, or on the as-of day if sooner.
INSERT INTO finding
SELECT c.org_id, NULL, 2, 'R-COMMITTEE-M', c.label,
	CASE WHEN coalesce(t.held, 0) >= 1 THEN 'ok' WHEN c.last < q.as_of THEN 'overdue'
	     WHEN q.as_of >= c.opens THEN 'due' ELSE 'ok' END,
	printf('committee: %d held, %d planned; a committee of %d', coalesce(t.held, 0), coalesce(t.planned, 0),
	       c.committee)
FROM q, (
	SELECT o.id AS org_id, p.label, p.last, p.opens,
		(SELECT count(DISTINCT r.member_id) FROM role r
		 WHERE r.org_id = o.id AND r.from_date <= min(p.last, q.as_of)
			AND (r.to_date IS NULL OR r.to_date >= min(p.last, q.as_of))) AS committee
	FROM q, org o JOIN period p ON p.kind = 'month'
	WHERE o.kind = 'branch') AS c
LEFT JOIN ptally t ON t.org_id = c.org_id AND t.kind = 'committee' AND t.label = c.label
WHERE c.committee >= 3;

-- R-SIZE-MIN, R-SIZE-MAX, R-COMMITTEE-REQ, R-SECRETARY on the as-of day.
CREATE TEMP TABLE struct AS
SELECT o.id AS org_id,
	(SELECT count(*) FROM mw WHERE mw.org_id = o.id AND mw.at = 'here') AS members,
	(SELECT count(*) FROM mw WHERE mw.org_id = o.id AND mw.at = 'here' AND mw.full) AS full,
	(SELECT count(DISTINCT r.member_id) FROM role r
	 WHERE r.org_id = o.id AND r.from_date <= q.as_of AND (r.to_date IS NULL OR r.to_date >= q.as_of)) AS committee,
	(SELECT r.member_id FROM role r
	 WHERE r.org_id = o.id AND r.role = 'secretary' AND r.from_date <= q.as_of
		AND (r.to_date IS NULL OR r.to_date >= q.as_of)
	 ORDER BY r.from_date DESC, r.id DESC LIMIT 1) AS secretary
FROM q, org o WHERE o.kind = 'branch';
INSERT INTO finding
SELECT org_id, NULL, 8, 'R-SIZE-MIN', '', CASE WHEN full < 3 THEN 'overdue' ELSE 'ok' END,
	printf('%d full members', full) FROM struct;
INSERT INTO finding
SELECT org_id, NULL, 9, 'R-SIZE-MAX', '', CASE WHEN members > 50 THEN 'due' ELSE 'ok' END,
	printf('%d members', members) FROM struct;
INSERT INTO finding
SELECT org_id, NULL, 10, 'R-COMMITTEE-REQ', '',
	CASE WHEN full >= 7 AND committee < 3 THEN 'overdue' WHEN committee > 7 THEN 'due' ELSE 'ok' END,
	printf('%d full members, a committee of %d', full, committee) FROM struct;
INSERT INTO finding
SELECT s.org_id, NULL, 11, 'R-SECRETARY', '', CASE WHEN s.secretary IS NULL THEN 'overdue' ELSE 'ok' END,
	coalesce('the secretary is ' || m.name, 'the secretary post is vacant')
FROM struct s LEFT JOIN member m ON m.id = s.secretary;

-- R-TERM, R-TERM-EXTEND: the latest election on or before the as-of day
-- of every organization but a group; the term ends `years` after it, is
-- due 6 months before, and may be extended by 12 months at most.
CREATE TEMP TABLE term AS
SELECT o.id AS org_id, e.ext_until,
	min(date(e.on_date, 'start of month', printf('%+d months', 12 * coalesce(nullif(e.term_years, 0), o.term_years, 3)), printf('+%d days', CAST(strftime('%d', e.on_date) AS INTEGER) - 1)),
		date(e.on_date, 'start of month', printf('%+d months', (12 * coalesce(nullif(e.term_years, 0), o.term_years, 3)) + 1), '-1 day')) AS end_day
FROM q, org o
JOIN election e ON e.id = (SELECT id FROM election WHERE org_id = o.id AND on_date <= q.as_of
			   ORDER BY on_date DESC, id DESC LIMIT 1)
WHERE o.kind <> 'group';
CREATE TEMP TABLE term2 AS
SELECT org_id, ext_until, end_day,
	min(date(end_day, 'start of month', printf('%+d months', -6), printf('+%d days', CAST(strftime('%d', end_day) AS INTEGER) - 1)),
		date(end_day, 'start of month', printf('%+d months', (-6) + 1), '-1 day')) AS due_from,
	min(date(end_day, 'start of month', printf('%+d months', 12), printf('+%d days', CAST(strftime('%d', end_day) AS INTEGER) - 1)),
		date(end_day, 'start of month', printf('%+d months', (12) + 1), '-1 day')) AS lim
FROM term;
INSERT INTO finding
SELECT org_id, NULL, 13, 'R-TERM-EXTEND', '', CASE WHEN q.as_of >= end_day THEN 'overdue' ELSE 'due' END,
	printf('the term ending on %s was extended to %s', end_day, ext_until)
FROM q, term2 WHERE ext_until IS NOT NULL AND ext_until > lim;
INSERT INTO finding
SELECT org_id, NULL, 14, 'R-TERM', '',
	CASE WHEN ext_until IS NOT NULL AND ext_until <= lim AND q.as_of >= ext_until THEN 'overdue'
	     WHEN ext_until IS NOT NULL AND ext_until <= lim AND q.as_of >= due_from THEN 'due'
	     WHEN ext_until IS NOT NULL AND ext_until <= lim THEN 'ok'
	     WHEN q.as_of >= end_day THEN 'overdue' WHEN q.as_of >= due_from THEN 'due' ELSE 'ok' END,
	printf('the term ends on %s%s', end_day, coalesce(', extended to ' || ext_until, ''))
FROM q, term2;

-- Members of a branch, by where they are on the as-of day; only what is
-- due or overdue.  R-MOBILE-CERT: flowed out, with a valid certificate.
INSERT INTO finding
SELECT mw.org_id, mw.id, 20, 'R-MOBILE-CERT', '',
	CASE WHEN NOT mw.ev_doc OR mw.ev_until IS NULL OR mw.ev_until < q.as_of THEN 'overdue' ELSE 'due' END,
	printf('flowed out on %s; certificate valid until %s', mw.ev_day, coalesce(mw.ev_until, 'none'))
FROM q, org o JOIN mw ON mw.org_id = o.id AND mw.at = 'flowed-out'
WHERE o.kind = 'branch' AND (NOT mw.ev_doc OR mw.ev_until IS NULL OR mw.ev_until < q.as_of
	OR q.as_of >= min(date(mw.ev_until, 'start of month', printf('%+d months', -1), printf('+%d days', CAST(strftime('%d', mw.ev_until) AS INTEGER) - 1)),
		date(mw.ev_until, 'start of month', printf('%+d months', (-1) + 1), '-1 day')));
-- R-TRANSFER: flowed out 6 months ago or more.
INSERT INTO finding
SELECT mw.org_id, mw.id, 21, 'R-TRANSFER', '', 'due', printf('away since %s', mw.ev_day)
FROM q, org o JOIN mw ON mw.org_id = o.id AND mw.at = 'flowed-out'
WHERE o.kind = 'branch' AND q.as_of >= min(date(mw.ev_day, 'start of month', printf('%+d months', 6), printf('+%d days', CAST(strftime('%d', mw.ev_day) AS INTEGER) - 1)),
		date(mw.ev_day, 'start of month', printf('%+d months', (6) + 1), '-1 day'));
-- R-LOST: out of contact 3 months (due) or 6 (overdue).
INSERT INTO finding
SELECT org_id, id, 22, 'R-LOST', '', CASE WHEN as_of >= six THEN 'overdue' ELSE 'due' END,
	printf('out of contact since %s', ev_day)
FROM (SELECT mw.org_id, mw.id, mw.ev_day, q.as_of,
		min(date(mw.ev_day, 'start of month', printf('%+d months', 3), printf('+%d days', CAST(strftime('%d', mw.ev_day) AS INTEGER) - 1)),
		date(mw.ev_day, 'start of month', printf('%+d months', (3) + 1), '-1 day')) AS three,
		min(date(mw.ev_day, 'start of month', printf('%+d months', 6), printf('+%d days', CAST(strftime('%d', mw.ev_day) AS INTEGER) - 1)),
		date(mw.ev_day, 'start of month', printf('%+d months', (6) + 1), '-1 day')) AS six
	FROM q, org o JOIN mw ON mw.org_id = o.id AND mw.at = 'lost' WHERE o.kind = 'branch')
WHERE as_of >= three;
-- R-PROBATION: probation ends a year after joining (or when extended to);
-- due a month before.
INSERT INTO finding
SELECT org_id, id, 24, 'R-PROBATION', '', CASE WHEN as_of > end_day THEN 'overdue' ELSE 'due' END,
	printf('probation ends on %s', end_day)
FROM (SELECT org_id, id, as_of, end_day, min(date(end_day, 'start of month', printf('%+d months', -1), printf('+%d days', CAST(strftime('%d', end_day) AS INTEGER) - 1)),
		date(end_day, 'start of month', printf('%+d months', (-1) + 1), '-1 day')) AS opens
	FROM (SELECT mw.org_id, mw.id, q.as_of,
			coalesce(mw.probation_until, min(date(mw.joined, 'start of month', printf('%+d months', 12), printf('+%d days', CAST(strftime('%d', mw.joined) AS INTEGER) - 1)),
		date(mw.joined, 'start of month', printf('%+d months', (12) + 1), '-1 day'))) AS end_day
		FROM q, org o JOIN mw ON mw.org_id = o.id AND mw.at IN ('here', 'flowed-out')
		WHERE o.kind = 'branch' AND mw.status = 'probationary' AND mw.joined IS NOT NULL
			AND NOT (mw.confirmed IS NOT NULL AND mw.confirmed <= q.as_of)))
WHERE as_of >= opens;

-- R-LEDGER-DUE: items not closed, past their deadline or within 10 days of it.
INSERT INTO finding
SELECT l.org_id, l.member_id, 30, 'R-LEDGER-DUE', '', CASE WHEN l.due < q.as_of THEN 'overdue' ELSE 'due' END,
	printf('rectification item %d was due on %s and is not closed: %s', l.id, l.due, l.problem)
FROM q, org o JOIN ledger l ON l.org_id = o.id
WHERE l.state <> 'closed' AND (l.due < q.as_of OR q.as_of >= date(l.due, '-10 days'));

SELECT f.rule, o.name AS org, f.org_id, m.name AS member, f.member_id, f.period, f.severity, f.detail AS message
FROM finding f JOIN org o ON o.id = f.org_id LEFT JOIN member m ON m.id = f.member_id
ORDER BY f.org_id, f.member_id IS NOT NULL, f.member_id, f.ord;

COMMIT;
