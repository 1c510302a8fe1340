/*
 * tui-keys.h - the TUI's actions and the one table that binds keys to
 * them (src/tui-keys.c).  The `?` screen, the hint bar and the man page's
 * KEYS section (checked by tests/test-tui-keys.c) all come from this table.
 *
 * A key is an int: a Unicode character, or a curses key code offset by
 * TUI_KEYCODE so the two never collide.  Keys an input method turns
 * full-width (？：／， the digits ０-９ and the full-width space) arrive
 * here as their ASCII selves (tui_key_normalize), so that a Chinese input
 * method left on does not stop the frequent actions; each of those (moving,
 * opening, going back, the roll-call's marks, answering a question) also
 * has a key the input method lets through: an arrow, Enter, Esc, a digit
 * or Space.  One key may serve two screens that never share a scope mask
 * (Enter opens a session on the overview and its roll-call on the
 * session screen); within one screen's mask a key has one action.
 */
#ifndef ORGLIFE_TUI_KEYS_H
#define ORGLIFE_TUI_KEYS_H

#define TUI_KEYCODE(k) (0x40000000 | (k))
#define TUI_IS_KEYCODE(k) (((k) & 0x40000000) != 0)
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_KEY_ENTER '\r'
#define TUI_KEY_ESC 27
#define TUI_KEY_BACKSPACE 127

/* Where a binding works: each screen says which scopes it offers. */
enum tui_scope {
	TUI_SCOPE_GLOBAL = 1,     /* every screen */
	TUI_SCOPE_LIST = 2,       /* screens that scroll: moving */
	TUI_SCOPE_OVERVIEW = 4,
	TUI_SCOPE_SESSION = 8,
	TUI_SCOPE_ROLLCALL = 16,
	TUI_SCOPE_WELCOME = 32,   /* the overview of an empty database */
	TUI_SCOPE_FIND = 64,      /* lists of names: / and n */
	TUI_SCOPE_REVIEW = 128,   /* the quarterly review's table */
	TUI_SCOPE_FINDINGS = 256, /* one organization's findings in the review */
	TUI_SCOPE_AGENDA = 512,
	TUI_SCOPE_PROPOSE = 1024, /* the agenda's proposals */
	TUI_SCOPE_FORM = 2048,    /* a form: typed keys are text, these are not */
	TUI_SCOPE_MEMBERS = 4096, /* a branch's roster */
	TUI_SCOPE_MEMBER = 8192,  /* one member: details and history */
	TUI_SCOPE_RECORD = 16384, /* changing a member: on the roster and the member */
};

enum tui_action {
	ACT_NONE,
	/* everywhere */
	ACT_QUIT,
	ACT_BACK,
	ACT_NEXT_SCREEN,
	ACT_PREV_SCREEN,
	ACT_HELP,
	ACT_COMMAND,
	ACT_REDRAW,
	/* lists */
	ACT_DOWN,
	ACT_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_OPEN,
	/* overview */
	ACT_LEFT,
	ACT_RIGHT,
	ACT_REVIEW,
	/* review */
	ACT_PREV_QUARTER,
	ACT_NEXT_QUARTER,
	ACT_FILTER,
	ACT_PROBLEMS,
	ACT_EXPORT,
	/* welcome */
	ACT_ADD_BRANCH,
	ACT_IMPORT,
	/* session */
	ACT_HELD,
	ACT_ROLLCALL,
	ACT_MINUTES,
	/* roll-call */
	ACT_PRESENT,
	ACT_LATE,
	ACT_EXCUSED,
	ACT_ABSENT,
	ACT_PRESENT_NEXT,
	ACT_CLEAR,
	/* agenda */
	ACT_ADD,
	ACT_EDIT,
	ACT_MOVE,
	ACT_CANCEL,
	ACT_PROPOSE,
	ACT_VIEW,
	ACT_PREV_PERIOD,
	ACT_NEXT_PERIOD,
	ACT_TODAY,
	/* proposals */
	ACT_ACCEPT,
	ACT_DROP,
	ACT_ACCEPT_ALL,
	/* members (and ACT_ADD, ACT_EDIT, ACT_IMPORT) */
	ACT_BRANCH,
	ACT_CONFIRM_MEMBER,
	ACT_FLOW,
	ACT_TRANSFER,
	ACT_LOST,
	/* forms */
	ACT_FIELD_NEXT,
	ACT_FIELD_PREV,
	ACT_SAVE,
	ACT_CHOICE_NEXT,
	ACT_CHOICE_PREV,
	/* not a key: the loop's idle turn (a screen's deferred work) */
	ACT_IDLE,
	ACT_COUNT
};

#define TUI_MAX_KEYS 4

struct tui_binding {
	enum tui_action action;
	unsigned scope;          /* one enum tui_scope */
	int keys[TUI_MAX_KEYS];  /* 0-terminated when fewer */
	const char *hint;        /* N_(): a word for the hint bar, NULL: not there */
	const char *help;        /* N_(): the line of the ? screen */
};

extern const struct tui_binding tui_bindings[];
extern const int tui_nbindings;

/* The scopes in the order the ? screen and the man page list them, with
 * their headings (N_()). */
struct tui_scope_info {
	unsigned scope;
	const char *title;
};
extern const struct tui_scope_info tui_scopes[];
extern const int tui_nscopes;

/*
 * The key for what curses' wget_wch returned: is_code nonzero for a
 * KEY_CODE_YES value.  Full-width ？：／， and digits become ASCII,
 * full-width space a space, '\n' and KEY_ENTER become TUI_KEY_ENTER, the backspace
 * variants TUI_KEY_BACKSPACE; other key codes are TUI_KEYCODE(code).
 */
int tui_key_normalize(int is_code, unsigned long ch);

/*
 * The action of key on a screen offering the scopes in mask (a screen's
 * own scope before the list's before the global one), or ACT_NONE.
 */
enum tui_action tui_key_action(int key, unsigned mask);

/* Writes the key's name ("j", "Ctrl-D", "PgDn", "Space", "Enter") into buf
 * (at least 16 bytes).  Names are the same in every language. */
void tui_key_name(int key, char *buf, unsigned size);

/* The binding of an action in a scope mask, or NULL. */
const struct tui_binding *tui_key_binding(enum tui_action action, unsigned mask);

#endif
