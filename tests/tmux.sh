# tests/tmux.sh - helpers for the tests that drive the real screens in
# tmux (tests/tui.test, tests/tui-agenda.test, tests/tui-members.test,
# tests/tui-review.test, tests/tui-width.test), sourced after lib.sh.
#
# Skips the test (exit 77) when tmux is missing.  Each test gets its own
# tmux server, its socket in the test's directory, killed at the end.  The
# screen is polled with a deadline (wait_for), never by sleeping a fixed
# time.  A test defines its own start(), which opens a session and sets
# PANE.

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed, so the screens are not tested"
	exit 77
fi

SOCK=orglife-test-$$
TMUX_TMPDIR=$T
export TMUX_TMPDIR
unset TMUX
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# wait_for TEXT: polls the pane for TEXT for up to about 5 seconds;
# leaves the last screen in $T/screen.
wait_for() {
	i=0
	while [ "$i" -lt 100 ]; do
		tm capture-pane -p -t "$PANE" >"$T/screen" 2>/dev/null
		grep -F -q -- "$1" "$T/screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# shows NAME TEXT: the screen comes to show TEXT.
shows() {
	if wait_for "$2"; then pass; else fail "$1: '$2' is not on the screen" "$(cat "$T/screen")"; fi
}

# gone NAME: the session ends (orglife quit) within the deadline.
gone() {
	i=0
	while [ "$i" -lt 100 ] && tm has-session -t "$1" 2>/dev/null; do
		sleep 0.05
		i=$((i + 1))
	done
	if tm has-session -t "$1" 2>/dev/null; then fail "$1: orglife did not quit"; else pass; fi
}

keys() { tm send-keys -t "$PANE" "$@"; }

# hides NAME TEXT: the screen comes to show TEXT no more.
hides() {
	i=0
	while [ "$i" -lt 100 ]; do
		tm capture-pane -p -t "$PANE" >"$T/screen" 2>/dev/null
		grep -F -q -- "$2" "$T/screen" || { pass; return; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "$1: '$2' stays on the screen" "$(cat "$T/screen")"
}

# holds NAME TEST: the screen comes to pass TEST, a shell command that
# reads $T/screen (a frame's rows can follow its status line).
holds() {
	i=0
	while [ "$i" -lt 100 ]; do
		tm capture-pane -p -t "$PANE" >"$T/screen" 2>/dev/null
		if eval "$2"; then
			pass
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "$1" "$(cat "$T/screen")"
}
