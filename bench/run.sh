#!/bin/bash
# bench/run.sh - the district benchmark (`make bench`; PRODUCT §6).
#
# Builds the district world (`orglife demo --scale district`: 2,000
# branches, 100,000 members, ten years of sessions with attendance) once
# into BENCH_DIR, reusing it while it is newer than the orglife binary, then
# prints the median of each measurement:
#
#   demo generation             orglife demo --scale district, BENCH_DEMO_RUNS
#                               runs into a fresh file (and its peak memory)
#   open + one screenful        bench-open open40: open the file and read the
#                               first 40 branches in tree order (org_list),
#                               on the district and on an empty database
#   terminal start              bench-tui start: orglife on a pseudo-terminal
#                               (80x24), from fork to the first frame (the
#                               hint bar's "q back" received) and to the
#                               overview's badges, the district and an empty
#                               database taken in turn in one process, and
#                               the peak memory by then (VmHWM)
#   a branch's quarter          bench-open quarter: session_list of one branch
#                               of ~50 members for the last full quarter
#   one attendance write        bench-open attend: attend_set, committed with
#                               synchronous=FULL (on a copy of the world)
#   roll-call key to repaint    bench-tui rollcall: `orglife rollcall` on a
#                               planned session of the largest branch (on the
#                               same copy), key 1 down the sheet, from the
#                               key's write to the repaint's first and last byte
#   review, naive SQL, check    orglife review and bench/naive-review.sql in
#                               the sqlite3 shell (one hyperfine run: the
#                               same quarter from the base tables, without
#                               the rules SQL cannot see), orglife check;
#                               whole processes; and the peak memory of
#                               review and check (GNU time)
#   size without minutes        page_count * page_size minus the minutes, and
#                               the bytes per table and index (dbstat)
#
# Whole processes are timed with hyperfine when it is installed, otherwise
# by repeated runs whose median this script computes; in-process timings
# come from bench/bench-open (clock_gettime, median of its runs), terminal
# timings from bench/bench-tui (the same, around a pseudo-terminal).
#
# Environment: ORGLIFE, BENCH_OPEN, BENCH_TUI (the programs; default: the
# build tree beside this script), BENCH_DIR (default:
# $TMPDIR/orglife-bench-UID), BENCH_NOW (the pinned today, default
# 2026-07-15), BENCH_DEMO_RUNS (3; 0 skips it), BENCH_RUNS (10: review, the
# naive SQL, check), BENCH_OPEN_RUNS (20), BENCH_QUERY_RUNS (200),
# BENCH_WRITES (200), BENCH_TUI_RUNS (20 starts per database), BENCH_KEYS
# (40 roll-call keys; at most the people expected); BENCH_HYPERFINE=no times
# without hyperfine even when it is installed.  Needs sqlite3 (the shell)
# for the naive SQL.

set -u -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
ORGLIFE=${ORGLIFE:-$top/orglife}
BENCH_OPEN=${BENCH_OPEN:-$top/bench/bench-open}
BENCH_TUI=${BENCH_TUI:-$top/bench/bench-tui}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/orglife-bench-$(id -u)}
NOW=${BENCH_NOW:-2026-07-15}
DEMO_RUNS=${BENCH_DEMO_RUNS:-3}
RUNS=${BENCH_RUNS:-10}
OPEN_RUNS=${BENCH_OPEN_RUNS:-20}
QUERY_RUNS=${BENCH_QUERY_RUNS:-200}
WRITES=${BENCH_WRITES:-200}
TUI_RUNS=${BENCH_TUI_RUNS:-20}
KEYS=${BENCH_KEYS:-40}

# The same world and ids every time.
export ORGLIFE_NOW=$NOW ORGLIFE_SITE=1 LC_ALL=C.UTF-8
unset ORGLIFE_DB

die() { echo "bench: $*" >&2; exit 1; }

for p in "$ORGLIFE" "$BENCH_OPEN" "$BENCH_TUI"; do
	[ -x "$p" ] || die "$p is missing: run 'make bench' (or 'make orglife bench/bench-open bench/bench-tui')"
done
command -v sqlite3 >/dev/null 2>&1 ||
	die "the sqlite3 shell is missing (for bench/naive-review.sql): 'apt-get install -y sqlite3'"
mkdir -p "$BENCH_DIR" || die "cannot create $BENCH_DIR"

# --- tools ---------------------------------------------------------------------
if [ "${BENCH_HYPERFINE:-}" != no ] && command -v hyperfine >/dev/null 2>&1; then
	HYPERFINE=hyperfine
	echo "Timing whole processes with $(hyperfine --version)."
else
	HYPERFINE=
	if [ "${BENCH_HYPERFINE:-}" = no ]; then
		echo "Not using hyperfine (BENCH_HYPERFINE=no)."
	else
		echo "hyperfine is not installed: install it with 'apt-get install -y hyperfine'" \
			"(Debian 12 and later) or 'cargo install hyperfine'."
	fi
	echo "Falling back to repeated runs timed here, with their median."
fi
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	GNU_TIME=/usr/bin/time
else
	GNU_TIME=
	echo "GNU time is not installed ('apt-get install -y time'): no peak memory for the demo, review and check."
fi

# median: the median of the numbers on standard input, one per line.
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) printf "%.6f\n", v[(NR + 1) / 2]
		else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# timed RUNS PREPARE CMD...: the median wall time of CMD in seconds,
# PREPARE (a shell command, or "") before each run.  Exit statuses are
# ignored (check exits 3 when it finds something overdue).
timed() {
	local runs=$1 prepare=$2 json i s e
	shift 2
	if [ -n "$HYPERFINE" ]; then
		json=$BENCH_DIR/hyperfine.json
		local cmd
		cmd=$(printf '%q ' "$@")
		# Its warning about the exit statuses ignored goes to the log.
		if [ -n "$prepare" ]; then
			hyperfine --style none -i --runs "$runs" --prepare "$prepare" --export-json "$json" "$cmd" \
				>/dev/null 2>"$BENCH_DIR/hyperfine.log"
		else
			hyperfine --style none -i --warmup 1 --runs "$runs" --export-json "$json" "$cmd" \
				>/dev/null 2>"$BENCH_DIR/hyperfine.log"
		fi || { cat "$BENCH_DIR/hyperfine.log" >&2; die "hyperfine failed on: $cmd"; }
		awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); print $2; exit }' "$json"
	else
		[ -n "$prepare" ] || "$@" >/dev/null 2>&1 # one warm-up run
		for ((i = 0; i < runs; i++)); do
			[ -z "$prepare" ] || bash -c "$prepare"
			s=$(date +%s%N)
			"$@" >/dev/null 2>&1
			e=$(date +%s%N)
			echo "$(( (e - s) / 1000 ))" | awk '{ printf "%.6f\n", $1 / 1e6 }'
		done | median
	fi
}

# timed_turns RUNS CMD...: the median wall time in seconds of each shell
# command CMD, one per line in order, the commands measured in one
# hyperfine invocation (which runs all of one command's runs, then the
# next's), or without it taking the commands in turn, run by run.
timed_turns() {
	local runs=$1 json i j s e
	shift
	if [ -n "$HYPERFINE" ]; then
		json=$BENCH_DIR/hyperfine.json
		hyperfine --style none -i --warmup 1 --runs "$runs" --export-json "$json" "$@" \
			>/dev/null 2>"$BENCH_DIR/hyperfine.log" ||
			{ cat "$BENCH_DIR/hyperfine.log" >&2; die "hyperfine failed on: $*"; }
		awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); print $2 }' "$json"
	else
		local -a t=()
		for ((j = 1; j <= $#; j++)); do eval "${!j}" >/dev/null 2>&1; done # warm-up
		for ((i = 0; i < runs; i++)); do
			for ((j = 1; j <= $#; j++)); do
				s=$(date +%s%N)
				eval "${!j}" >/dev/null 2>&1
				e=$(date +%s%N)
				t[j]+="$(( (e - s) / 1000 )) "
			done
		done
		for ((j = 1; j <= $#; j++)); do
			printf '%s\n' ${t[j]} | awk '{ printf "%.6f\n", $1 / 1e6 }' | median
		done
	fi
}

# field KEY FILE: the value after KEY in bench-open's or bench-tui's output.
field() { awk -v k="$1" '$1 == k { print $2; exit }' "$2"; }
# spread KEY FILE: "min A ms, max B ms" from bench-tui's min-A max-B.
spread() {
	local lo hi
	read -r lo hi < <(awk -v k="$1" '$1 == k { sub(/^min-/, "", $4); sub(/^max-/, "", $5); print $4, $5; exit }' "$2")
	echo "min $(ms "${lo:-nan}"), max $(ms "${hi:-nan}")"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "?" }'; }
# csv_tabs: orglife's --format csv with its fields separated by tabs
# (quotes honoured; one line per record, as orglife writes them).
csv_tabs() {
	awk '{ sub(/^\357\273\277/, ""); n = 0; v = ""; q = 0; out = ""
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (q) { if (c == "\"") { if (substr($0, i + 1, 1) == "\"") { v = v c; i++ } else q = 0 } else v = v c }
			else if (c == "\"") q = 1
			else if (c == ",") { out = out v "\t"; v = "" }
			else v = v c
		}
		print out v }'
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
# kib KIB: in MiB; "-" when unknown.
kib() { [ -n "$1" ] && [ "$1" != -1 ] && awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' || echo -; }
# ms MILLISECONDS: three decimals below 10 ms, one above.
ms() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.3f ms" : "%.1f ms"), v }'; }
secs_ms() { ms "$(awk -v s="$1" 'BEGIN { print s * 1000 }')"; }

rows=()
row() { rows+=("$(printf '%-44s %12s  %5s  %s' "$1" "$2" "$3" "${4:-}")"); }

# --- the world ------------------------------------------------------------------
DB=$BENCH_DIR/district-$NOW.db
if [ -s "$DB" ] && [ "$DB" -nt "$ORGLIFE" ]; then
	echo "Reusing $DB (newer than $ORGLIFE)."
else
	echo "Building the district world into $DB ..."
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.tmp" "$DB.tmp-wal" "$DB.tmp-shm"
	"$ORGLIFE" --db "$DB.tmp" demo --scale district >"$BENCH_DIR/demo.out" ||
		die "orglife demo --scale district failed"
	[ ! -e "$DB.tmp-wal" ] || die "$DB.tmp-wal was left behind"
	mv "$DB.tmp" "$DB" || die "cannot move the world into place"
	sed -e '/--db/d' -e 's/^/  /' "$BENCH_DIR/demo.out"
fi

# --- (a) demo generation -----------------------------------------------------------
SCRATCH=$BENCH_DIR/scratch.db
RSS=$BENCH_DIR/rss.txt
rm -f "$RSS"
[ "$DEMO_RUNS" -gt 0 ] && echo "Timing the demo generation ($DEMO_RUNS runs) ..."
if [ "$DEMO_RUNS" -le 0 ]; then
	t= rss="skipped (BENCH_DEMO_RUNS=0)"
elif [ -n "$GNU_TIME" ]; then
	t=$(timed "$DEMO_RUNS" "rm -f '$SCRATCH' '$SCRATCH-wal' '$SCRATCH-shm'" \
		"$GNU_TIME" -f %M -a -o "$RSS" "$ORGLIFE" --db "$SCRATCH" demo --scale district)
	rss=$(median <"$RSS" | awk '{ printf "peak RSS %.1f MiB (median)", $1 / 1024 }')
else
	t=$(timed "$DEMO_RUNS" "rm -f '$SCRATCH' '$SCRATCH-wal' '$SCRATCH-shm'" \
		"$ORGLIFE" --db "$SCRATCH" demo --scale district)
	rss=
fi
rm -f "$SCRATCH" "$SCRATCH-wal" "$SCRATCH-shm"
row "demo --scale district (generation)" "$([ -z "$t" ] && echo - || awk -v s="$t" 'BEGIN { printf "%.2f s", s }')" \
	"$DEMO_RUNS" "$rss"

# --- (b), (c), (d): in-process, through the model API ----------------------------------
echo "Timing open + one screenful, a branch's quarter, attendance writes ..."
out=$BENCH_DIR/bench-open.out
"$BENCH_OPEN" --runs "$OPEN_RUNS" "$DB" open40 >"$out" || die "bench-open open40 failed"
row "open + first 40 branches (tree order)" "$(ms "$(field open40 "$out")")" "$OPEN_RUNS" "open, org_list, close; file in the OS cache"
EMPTY=$BENCH_DIR/empty.db
rm -f "$EMPTY" "$EMPTY-wal" "$EMPTY-shm"
"$BENCH_OPEN" --create "$EMPTY" size >/dev/null || die "cannot create an empty database"
"$BENCH_OPEN" --runs "$OPEN_RUNS" "$EMPTY" open40 >"$out" || die "bench-open open40 (empty) failed"
row "  the same on an empty database" "$(ms "$(field open40 "$out")")" "$OPEN_RUNS"

# --- the terminal: process start to the first frame, the same on an empty database ------
echo "Timing the terminal start ($TUI_RUNS runs on each database, in turn) ..."
tui=$BENCH_DIR/bench-tui.out
"$BENCH_TUI" --orglife "$ORGLIFE" --runs "$TUI_RUNS" start district="$DB" empty="$EMPTY" >"$tui" ||
	die "bench-tui start failed"
d=$(field first-frame-district "$tui") e=$(field first-frame-empty "$tui") c=$(field complete-district "$tui")
row "terminal start to first frame" "$(ms "$d")" "$TUI_RUNS" \
	"$(ratio "$d" "$e") the empty one (goal <= 1.2x); $(spread first-frame-district "$tui")"
row "  the same on an empty database" "$(ms "$e")" "$TUI_RUNS" \
	"the welcome; $(spread first-frame-empty "$tui")"
row "terminal start to the overview's badges" "$(ms "$c")" "$TUI_RUNS" \
	"$(ratio "$c" "$e") the empty first frame; $(spread complete-district "$tui")"
row "  peak memory, badges shown" "$(kib "$(field peak-district "$tui")")" "$TUI_RUNS" \
	"goal < 16 MiB (VmHWM); empty database $(kib "$(field peak-empty "$tui")")"
rm -f "$EMPTY" "$EMPTY-wal" "$EMPTY-shm"

"$BENCH_OPEN" --runs "$QUERY_RUNS" "$DB" quarter >"$out" || die "bench-open quarter failed"
row "one branch's sessions for a quarter" "$(ms "$(field quarter "$out")")" "$QUERY_RUNS" \
	"$(awk '$1 == "quarter" { sub(/-sessions/, " sessions", $4); sub(/-/, " ", $6); print $4 ", " $7 ", " $6 " " $8 }' "$out")"

COPY=$BENCH_DIR/write.db
rm -f "$COPY" "$COPY-wal" "$COPY-shm"
cp "$DB" "$COPY" || die "cannot copy the world for the writes"
"$BENCH_OPEN" --runs "$WRITES" "$COPY" attend >"$out" || die "bench-open attend failed"
row "one attendance write (synchronous=FULL)" "$(ms "$(field attend "$out")")" "$WRITES" \
	"$(awk '$1 == "attend" { sub(/-/, " ", $5); sub(/-/, "=", $7); print "attend_set on " $5 ", " $7 }' "$out")"

# --- the roll-call: key 1 to the repaint, on the same copy -----------------------------------
# The largest branch, its first planned branch-wide session from today on,
# and the people expected there who have no mark yet: all by the CLI.
branch=$("$ORGLIFE" --db "$DB" org list --format csv | csv_tabs |
	awk -F'\t' 'NR > 1 && $3 == "branch" && $5 + 0 > best { best = $5 + 0; id = $1 } END { print id }')
[ -n "$branch" ] || die "no branch in the district world"
session=$("$ORGLIFE" --db "$DB" session list --org "$branch" --from "$NOW" --format csv | csv_tabs |
	awk -F'\t' -v b="$branch" 'NR > 1 && $2 == b && $8 == "planned" && $4 != "committee" && $4 != "group" {
		print $1 "\t" $4 "\t" $6 "\t" $3; exit }')
[ -n "$session" ] || die "no planned session of branch $branch from $NOW on"
IFS=$'\t' read -r sid skind sday sorg <<<"$session"
# marked DB STATUS: how many expected there have that mark ("": none).
marked() {
	"$ORGLIFE" --db "$1" session show "$sid" --format csv | csv_tabs |
		awk -F'\t' -v want="$2" 'NR > 1 && $4 == "expected" && $5 == want { n++ } END { print n + 0 }'
}
expected=$(marked "$COPY" "")
present=$(marked "$COPY" present)
keys=$((KEYS < expected ? KEYS : expected))
[ "$keys" -gt 0 ] || die "nobody unmarked is expected at session $sid"
echo "Timing $keys roll-call keys on session $sid ($skind, $sday, $sorg) ..."
"$BENCH_TUI" --orglife "$ORGLIFE" --keys "$keys" rollcall "$COPY" "$sid" >"$tui" || die "bench-tui rollcall failed"
# Each key marked someone present, committed: the sheet says so.
[ "$(marked "$COPY" present)" -eq $((present + keys)) ] ||
	die "after $keys keys the sheet of session $sid does not have $keys more people present"
row "roll-call key 1 to its repaint" "$(ms "$(field key-repaint "$tui")")" "$keys" \
	"first byte $(ms "$(field key-first-byte "$tui")"); $(spread key-repaint "$tui"); $expected expected, $sorg"
rm -f "$COPY" "$COPY-wal" "$COPY-shm"

# --- (e) review and check, whole processes ------------------------------------------------
echo "Timing orglife review, the naive SQL review and orglife check ($RUNS runs each) ..."
review_cmd=$(printf '%q ' "$ORGLIFE" --db "$DB" review)
naive_cmd="$(printf '%q ' sqlite3 -readonly -cmd ".parameter set @today \"'$NOW'\"" "$DB") < $(printf '%q' "$here/naive-review.sql")"
eval "$naive_cmd" >"$BENCH_DIR/naive.csv" || die "the naive SQL review failed: $naive_cmd"
"$ORGLIFE" --db "$DB" review --format csv >"$BENCH_DIR/review.csv" || die "orglife review --format csv failed"
# The naive SQL's findings are the program's for the rules it covers:
# findings FILE gives the rule, organization, member, period and severity
# of each, but those of the rules that SQL cannot see.
findings() {
	csv_tabs <"$1" | awk -F'\t' 'NR > 1 && $1 !~ /^R-(ABSENT-6|DUES-6|CADRE|QUORUM-)/ {
		print $1 "\t" $3 "\t" $5 "\t" $6 "\t" $7 }' | sort
}
differ=$(comm -3 <(findings "$BENCH_DIR/review.csv") <(findings "$BENCH_DIR/naive.csv") | wc -l)
[ "$differ" -eq 0 ] ||
	echo "bench: warning: the naive SQL and orglife review differ in $differ findings" \
		"(compare $BENCH_DIR/naive.csv and $BENCH_DIR/review.csv)" >&2
{ read -r t_review; read -r t_naive; } < <(timed_turns "$RUNS" "$review_cmd" "$naive_cmd")
[ -n "${t_naive:-}" ] || die "no timing of the naive SQL review"
row "orglife review (this quarter)" "$(secs_ms "$t_review")" "$RUNS" "whole process"
row "  naive SQL review (sqlite3 shell)" "$(secs_ms "$t_naive")" "$RUNS" \
	"$(ratio "$t_naive" "$t_review") review's; $(($(wc -l <"$BENCH_DIR/naive.csv") - 1)) findings $([ "$differ" -eq 0 ] &&
		echo "as the program's" || echo "($differ NOT as the program's)"), no attendance or dues rules"
row "orglife check" "$(secs_ms "$(timed "$RUNS" "" "$ORGLIFE" --db "$DB" check)")" "$RUNS" "whole process"
if [ -n "$GNU_TIME" ]; then
	for what in review check; do
		peak=$("$GNU_TIME" -f %M "$ORGLIFE" --db "$DB" "$what" 2>&1 >/dev/null | tail -n 1)
		row "  peak memory of $what" "$(kib "$peak")" 1 "goal < 16 MiB (maximum resident set)"
	done
fi

# --- (f) size ---------------------------------------------------------------------------------
"$BENCH_OPEN" --sizes "$DB" size >"$out" || die "bench-open size failed"
row "database size without minutes" "$(mib "$(field without-minutes "$out")")" "" \
	"goal < 400 MiB; file $(mib "$(field size "$out")"), minutes $(mib "$(field minutes "$out")")"

# --- the table -----------------------------------------------------------------------------
echo
echo "orglife district benchmark, ORGLIFE_NOW=$NOW, $(nproc 2>/dev/null || echo '?') CPUs ($(uname -m))"
printf '%-44s %12s  %5s  %s\n' "measurement" "median" "runs" "notes"
printf '%s\n' "${rows[@]}"
echo
echo "Size by table and index (dbstat):"
awk '$1 == "table" { printf "  %-24s %10.1f MiB  %5.1f%%\n", $4, $2 / 1048576, 100 * $2 / total }' \
	total="$(field size "$out")" "$out"
