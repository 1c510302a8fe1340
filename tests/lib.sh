# tests/lib.sh - helpers for the shell tests of the real binary.
#
# A test file sources this, calls the check functions, and ends with
# `finish`, which prints "N passed, M failed" and sets the exit status.
# $ORGLIFE is the binary under test; every test gets a private directory
# ($T) with HOME and XDG_DATA_HOME inside it, and a pinned clock.

set -u
: "${ORGLIFE:?ORGLIFE must name the orglife binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/orglife-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
HOME=$T/home
XDG_DATA_HOME=$T/data
ORGLIFE_NOW=${ORGLIFE_NOW:-2026-07-15}
ORGLIFE_SITE=${ORGLIFE_SITE:-1}
export HOME XDG_DATA_HOME ORGLIFE_NOW ORGLIFE_SITE
unset ORGLIFE_DB
mkdir -p "$HOME"
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /'
	return 0
}

# run CMD...: runs orglife, leaving $out, $err and $status.
run() {
	"$ORGLIFE" "$@" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# ok NAME CMD...: orglife exits 0 with nothing on stderr.
ok() {
	name=$1
	shift
	run "$@"
	if [ "$status" -eq 0 ] && [ -z "$err" ]; then pass; else fail "$name (status $status)" "$err"; fi
}

# status_is NAME N CMD...: orglife exits N; a failure (1, 2) says one thing
# on stderr and nothing on stdout.
status_is() {
	name=$1
	want=$2
	shift 2
	run "$@"
	if [ "$status" -ne "$want" ]; then
		fail "$name: status $status, want $want" "$out$err"
	elif [ "$want" -ne 0 ] && { [ -n "$out" ] || [ -z "$err" ]; }; then
		fail "$name: a failure prints its message on stderr only" "out: $out
err: $err"
	else
		pass
	fi
}

# same NAME EXPECTED: the last run's stdout is exactly EXPECTED.
same() {
	if [ "$out" = "$2" ]; then pass; else fail "$1" "got:
$out
want:
$2"; fi
}

# has NAME TEXT WHAT: the last run's WHAT (out or err) contains TEXT.
has() {
	case $3 in
	out) hay=$out ;;
	*) hay=$err ;;
	esac
	case $hay in
	*"$2"*) pass ;;
	*) fail "$1: '$2' not in $3" "$hay" ;;
	esac
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
