/* test-tui-keys.c - cmocka tests of the TUI's key table (tui-keys.h):
 * full-width keys from an input method act as ASCII, the frequent actions
 * have keys an input method lets through, keys find their actions only on
 * the screens that offer them, no key means two things on one screen,
 * every action has a key and a line of help, and the man page's KEYS
 * section lists exactly the table's keys, scope by scope, in its order
 * (PRODUCT.md §3: the ? screen and the man page come from one table). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include <orglife/tui-keys.h>

#define ROLLCALL_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_ROLLCALL)
#define OVERVIEW_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_OVERVIEW)
#define SESSION_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_SESSION)
#define WELCOME_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_WELCOME)
#define PLAIN_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST) /* help, command output */
#define REVIEW_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_REVIEW)
#define FINDINGS_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FINDINGS)
#define AGENDA_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_AGENDA)
#define PROPOSE_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_PROPOSE)
#define FORM_MASK TUI_SCOPE_FORM
#define MEMBERS_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_FIND | TUI_SCOPE_MEMBERS | TUI_SCOPE_RECORD)
#define MEMBER_MASK (TUI_SCOPE_GLOBAL | TUI_SCOPE_LIST | TUI_SCOPE_MEMBER | TUI_SCOPE_RECORD)

/* Every screen's mask, as the view-*.c files set them. */
static const unsigned screen_masks[] = {
	ROLLCALL_MASK, OVERVIEW_MASK, SESSION_MASK, WELCOME_MASK, PLAIN_MASK,
	REVIEW_MASK,   FINDINGS_MASK, AGENDA_MASK,  PROPOSE_MASK, FORM_MASK,
	MEMBERS_MASK,  MEMBER_MASK,
};

/* ---- normalizing ---------------------------------------------------------------- */

static void test_fullwidth_keys_are_ascii(void **state)
{
	(void)state;
	assert_int_equal(tui_key_normalize(0, 0xFF1F), '?'); /* ？ */
	assert_int_equal(tui_key_normalize(0, 0xFF1A), ':'); /* ： */
	assert_int_equal(tui_key_normalize(0, 0xFF0F), '/'); /* ／ */
	assert_int_equal(tui_key_normalize(0, 0xFF0C), ','); /* ， */
	assert_int_equal(tui_key_normalize(0, 0x300A), '<'); /* 《 */
	assert_int_equal(tui_key_normalize(0, 0x300B), '>'); /* 》 */
	assert_int_equal(tui_key_normalize(0, 0xFF1C), '<'); /* ＜ */
	assert_int_equal(tui_key_normalize(0, 0xFF1E), '>'); /* ＞ */
	for (unsigned d = 0; d <= 9; d++)
		assert_int_equal(tui_key_normalize(0, 0xFF10 + d), '0' + (int)d);
	assert_int_equal(tui_key_normalize(0, 0x3000), ' ');
	/* Their neighbours are not keys of ours and stay what they are. */
	assert_int_equal(tui_key_normalize(0, 0xFF0B), 0xFF0B); /* ＋ */
	assert_int_equal(tui_key_normalize(0, 0xFF0E), 0xFF0E); /* ． */
	assert_int_equal(tui_key_normalize(0, 0xFF1B), 0xFF1B); /* ； */
	assert_int_equal(tui_key_normalize(0, 0x3001), 0x3001); /* 、 */
	/* Other full-width letters stay what they are. */
	assert_int_equal(tui_key_normalize(0, 0xFF41), 0xFF41);
	assert_int_equal(tui_key_normalize(0, 0x5F20), 0x5F20); /* 张 */
}

static void test_special_keys(void **state)
{
	(void)state;
	assert_int_equal(tui_key_normalize(0, '\n'), TUI_KEY_ENTER);
	assert_int_equal(tui_key_normalize(0, '\r'), TUI_KEY_ENTER);
	assert_int_equal(tui_key_normalize(1, KEY_ENTER), TUI_KEY_ENTER);
	assert_int_equal(tui_key_normalize(1, KEY_BACKSPACE), TUI_KEY_BACKSPACE);
	assert_int_equal(tui_key_normalize(0, 8), TUI_KEY_BACKSPACE);
	assert_int_equal(tui_key_normalize(0, 127), TUI_KEY_BACKSPACE);
	assert_int_equal(tui_key_normalize(1, KEY_DOWN), TUI_KEYCODE(KEY_DOWN));
	/* A key code never looks like a character. */
	assert_int_not_equal(tui_key_normalize(1, KEY_DOWN), KEY_DOWN);
}

/* ---- actions ------------------------------------------------------------------- */

static void test_keys_find_their_actions(void **state)
{
	(void)state;
	assert_int_equal(tui_key_action('1', ROLLCALL_MASK), ACT_PRESENT);
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF11), ROLLCALL_MASK), ACT_PRESENT); /* １ */
	assert_int_equal(tui_key_action('3', ROLLCALL_MASK), ACT_EXCUSED);
	assert_int_equal(tui_key_action(' ', ROLLCALL_MASK), ACT_PRESENT_NEXT);
	assert_int_equal(tui_key_action('0', ROLLCALL_MASK), ACT_CLEAR);
	assert_int_equal(tui_key_action('j', ROLLCALL_MASK), ACT_DOWN);
	assert_int_equal(tui_key_action(TUI_KEYCODE(KEY_DOWN), ROLLCALL_MASK), ACT_DOWN);
	assert_int_equal(tui_key_action('/', ROLLCALL_MASK), ACT_SEARCH);
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF0F), ROLLCALL_MASK), ACT_SEARCH); /* ／ */
	assert_int_equal(tui_key_action('q', ROLLCALL_MASK), ACT_BACK);
	assert_int_equal(tui_key_action(TUI_KEY_ESC, ROLLCALL_MASK), ACT_BACK);
	assert_int_equal(tui_key_action('Q', SESSION_MASK), ACT_QUIT);
	assert_int_equal(tui_key_action('H', SESSION_MASK), ACT_HELD);
	assert_int_equal(tui_key_action('r', SESSION_MASK), ACT_ROLLCALL);
	assert_int_equal(tui_key_action('m', SESSION_MASK), ACT_MINUTES);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, OVERVIEW_MASK), ACT_OPEN);
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF1F), OVERVIEW_MASK), ACT_HELP); /* ？ */
	assert_int_equal(tui_key_action(TUI_CTRL('l'), OVERVIEW_MASK), ACT_REDRAW);
	assert_int_equal(tui_key_action(TUI_CTRL('d'), OVERVIEW_MASK), ACT_HALF_DOWN);
	assert_int_equal(tui_key_action('r', OVERVIEW_MASK), ACT_REVIEW);
	assert_int_equal(tui_key_action('<', REVIEW_MASK), ACT_PREV_QUARTER);
	assert_int_equal(tui_key_action('>', REVIEW_MASK), ACT_NEXT_QUARTER);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, REVIEW_MASK), ACT_OPEN);
	assert_int_equal(tui_key_action('l', REVIEW_MASK), ACT_RIGHT);
	assert_int_equal(tui_key_action(TUI_KEYCODE(KEY_LEFT), REVIEW_MASK), ACT_LEFT);
	assert_int_equal(tui_key_action('p', REVIEW_MASK), ACT_PROBLEMS);
	assert_int_equal(tui_key_action('x', REVIEW_MASK), ACT_EXPORT);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, FINDINGS_MASK), ACT_OPEN);
	assert_int_equal(tui_key_action('j', FINDINGS_MASK), ACT_DOWN);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, MEMBERS_MASK), ACT_OPEN);
	assert_int_equal(tui_key_action('a', MEMBERS_MASK), ACT_ADD);
	assert_int_equal(tui_key_action('i', MEMBERS_MASK), ACT_IMPORT);
	assert_int_equal(tui_key_action('b', MEMBERS_MASK), ACT_BRANCH);
	assert_int_equal(tui_key_action('/', MEMBERS_MASK), ACT_SEARCH);
	assert_int_equal(tui_key_action('e', MEMBER_MASK), ACT_EDIT);
	assert_int_equal(tui_key_action('C', MEMBERS_MASK), ACT_CONFIRM_MEMBER);
	assert_int_equal(tui_key_action('F', MEMBER_MASK), ACT_FLOW);
	assert_int_equal(tui_key_action('T', MEMBERS_MASK), ACT_TRANSFER);
	assert_int_equal(tui_key_action('L', MEMBER_MASK), ACT_LOST);
}

/* What a Chinese input method left on lets through: key codes (arrows,
 * pages), Enter, Esc, Tab, Space, and what it turns full-width. */
static int survives_input_method(int key)
{
	return TUI_IS_KEYCODE(key) || key == TUI_KEY_ENTER || key == TUI_KEY_ESC || key == '\t' || key == ' ' ||
	       (key >= '0' && key <= '9') || key == '?' || key == ':' || key == '/' || key == ',';
}

static int has_safe_key(enum tui_action action, unsigned mask)
{
	const struct tui_binding *b = tui_key_binding(action, mask);

	for (int k = 0; b && k < TUI_MAX_KEYS && b->keys[k]; k++)
		if (survives_input_method(b->keys[k]))
			return 1;
	return 0;
}

static void test_frequent_actions_survive_an_input_method(void **state)
{
	static const struct {
		enum tui_action action;
		unsigned mask;
	} frequent[] = {
		{ ACT_DOWN, ROLLCALL_MASK },     { ACT_UP, ROLLCALL_MASK },      { ACT_PAGE_DOWN, ROLLCALL_MASK },
		{ ACT_PAGE_UP, ROLLCALL_MASK },  { ACT_TOP, ROLLCALL_MASK },     { ACT_BOTTOM, ROLLCALL_MASK },
		{ ACT_PRESENT, ROLLCALL_MASK },  { ACT_LATE, ROLLCALL_MASK },    { ACT_EXCUSED, ROLLCALL_MASK },
		{ ACT_ABSENT, ROLLCALL_MASK },   { ACT_CLEAR, ROLLCALL_MASK },   { ACT_PRESENT_NEXT, ROLLCALL_MASK },
		{ ACT_SEARCH, ROLLCALL_MASK },   { ACT_OPEN, OVERVIEW_MASK },    { ACT_LEFT, OVERVIEW_MASK },
		{ ACT_RIGHT, OVERVIEW_MASK },    { ACT_ROLLCALL, SESSION_MASK }, { ACT_BACK, SESSION_MASK },
		{ ACT_HELP, SESSION_MASK },      { ACT_COMMAND, SESSION_MASK },  { ACT_NEXT_SCREEN, OVERVIEW_MASK },
		{ ACT_OPEN, REVIEW_MASK },       { ACT_LEFT, REVIEW_MASK },      { ACT_RIGHT, REVIEW_MASK },
		{ ACT_OPEN, FINDINGS_MASK },
		{ ACT_OPEN, AGENDA_MASK },       { ACT_NEXT_PERIOD, AGENDA_MASK }, { ACT_PREV_PERIOD, AGENDA_MASK },
		{ ACT_NEXT_SCREEN, AGENDA_MASK }, { ACT_ACCEPT, PROPOSE_MASK },  { ACT_DOWN, PROPOSE_MASK },
		{ ACT_OPEN, MEMBERS_MASK },      { ACT_SEARCH, MEMBERS_MASK },   { ACT_NEXT_SCREEN, MEMBERS_MASK },
		{ ACT_OPEN, MEMBER_MASK },
		{ ACT_SAVE, FORM_MASK },         { ACT_FIELD_NEXT, FORM_MASK },  { ACT_FIELD_PREV, FORM_MASK },
		{ ACT_BACK, FORM_MASK },         { ACT_HELP, FORM_MASK },        { ACT_CHOICE_NEXT, FORM_MASK },
		{ ACT_CHOICE_PREV, FORM_MASK },
	};

	(void)state;
	for (size_t i = 0; i < sizeof frequent / sizeof frequent[0]; i++)
		if (!has_safe_key(frequent[i].action, frequent[i].mask))
			fail_msg("action %d has no key that an input method lets through", frequent[i].action);
	/* Enter opens what the screen shows next: a session, its roll-call. */
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, OVERVIEW_MASK), ACT_OPEN);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, SESSION_MASK), ACT_ROLLCALL);
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0x3000), ROLLCALL_MASK), ACT_PRESENT_NEXT); /* 　 */
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF14), ROLLCALL_MASK), ACT_ABSENT);       /* ４ */
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF10), ROLLCALL_MASK), ACT_CLEAR);        /* ０ */
	assert_int_equal(tui_key_action(tui_key_normalize(0, 0xFF1A), SESSION_MASK), ACT_COMMAND);       /* ： */
}

static void test_keys_only_where_offered(void **state)
{
	(void)state;
	/* Marking is the roll-call's, marking held the session's. */
	assert_int_equal(tui_key_action('1', OVERVIEW_MASK), ACT_NONE);
	assert_int_equal(tui_key_action(' ', SESSION_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('H', ROLLCALL_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('m', ROLLCALL_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('m', OVERVIEW_MASK), ACT_NONE);
	/* The session screen scrolls but has no names to find. */
	assert_int_equal(tui_key_action('/', SESSION_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('x', ROLLCALL_MASK), ACT_NONE);
	/* The same key means what the screen at hand says: r is the review
	 * on the overview, the roll-call on a session; / filters the review. */
	assert_int_equal(tui_key_action('r', SESSION_MASK), ACT_ROLLCALL);
	assert_int_equal(tui_key_action('/', REVIEW_MASK), ACT_FILTER);
	assert_int_equal(tui_key_action('<', OVERVIEW_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('n', REVIEW_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('x', FINDINGS_MASK), ACT_NONE);
	/* The agenda's keys are the agenda's; in a form a letter is text. */
	assert_int_equal(tui_key_action('a', AGENDA_MASK), ACT_ADD);
	assert_int_equal(tui_key_action('a', OVERVIEW_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('p', SESSION_MASK), ACT_NONE);
	assert_int_equal(tui_key_action(TUI_KEY_ENTER, PROPOSE_MASK), ACT_ACCEPT);
	assert_int_equal(tui_key_action('x', AGENDA_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('q', FORM_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('j', FORM_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('?', FORM_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('\t', FORM_MASK), ACT_FIELD_NEXT);
	assert_int_equal(tui_key_action('\t', AGENDA_MASK), ACT_NEXT_SCREEN);
	/* A member's changes are the roster's and the member's, not the overview's. */
	assert_int_equal(tui_key_action('F', OVERVIEW_MASK), ACT_NONE);
	assert_int_equal(tui_key_action('a', MEMBER_MASK), ACT_NONE);
	/* In a form no letter, digit or sign is a key. */
	for (int c = 0x20; c < 0x7F; c++)
		assert_int_equal(tui_key_action(c, FORM_MASK), ACT_NONE);
	assert_int_equal(tui_key_action(TUI_KEYCODE(KEY_RIGHT), FORM_MASK), ACT_CHOICE_NEXT);
	assert_int_equal(tui_key_action(TUI_KEYCODE(KEY_LEFT), FORM_MASK), ACT_CHOICE_PREV);
}

/* A key may serve two screens, never two actions on one screen. */
static void test_no_key_bound_twice_on_a_screen(void **state)
{
	unsigned all = 0;

	(void)state;
	for (size_t m = 0; m < sizeof screen_masks / sizeof screen_masks[0]; m++) {
		unsigned mask = screen_masks[m];
		all |= mask;
		for (int i = 0; i < tui_nbindings; i++)
			for (int k = 0; (tui_bindings[i].scope & mask) && k < TUI_MAX_KEYS && tui_bindings[i].keys[k]; k++)
				for (int j = i; j < tui_nbindings; j++)
					for (int l = j == i ? k + 1 : 0;
					     (tui_bindings[j].scope & mask) && l < TUI_MAX_KEYS && tui_bindings[j].keys[l]; l++)
						if (tui_bindings[i].keys[k] == tui_bindings[j].keys[l])
							fail_msg("key %d is bound in entries %d and %d, both on screens of mask %#x",
								 tui_bindings[i].keys[k], i, j, mask);
	}
	/* The masks above cover every scope, so no binding escapes the check. */
	for (int s = 0; s < tui_nscopes; s++)
		if (!(tui_scopes[s].scope & all))
			fail_msg("no screen mask here offers the scope '%s'", tui_scopes[s].title);
}

static int scope_known(unsigned scope)
{
	for (int s = 0; s < tui_nscopes; s++)
		if (tui_scopes[s].scope == scope)
			return 1;
	return 0;
}

static void test_every_action_has_a_key_and_help(void **state)
{
	(void)state;
	for (int i = 0; i < tui_nbindings; i++) {
		assert_true(tui_bindings[i].keys[0] != 0);
		assert_non_null(tui_bindings[i].help);
		assert_true(strlen(tui_bindings[i].help) > 3);
		assert_true(scope_known(tui_bindings[i].scope));
	}
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		int found = 0;
		if (a == ACT_IDLE)
			continue; /* not a key */
		for (int i = 0; i < tui_nbindings; i++)
			found |= tui_bindings[i].action == (enum tui_action)a;
		if (!found)
			fail_msg("action %d has no key", a);
	}
}

static void test_key_names(void **state)
{
	static const struct {
		int key;
		const char *name;
	} cases[] = {
		{ 'j', "j" },
		{ ' ', "Space" },
		{ TUI_KEY_ENTER, "Enter" },
		{ TUI_KEY_ESC, "Esc" },
		{ '\t', "Tab" },
		{ TUI_CTRL('d'), "Ctrl-D" },
		{ TUI_KEYCODE(KEY_NPAGE), "PgDn" },
		{ TUI_KEYCODE(KEY_BTAB), "Shift-Tab" },
		{ TUI_KEYCODE(KEY_DOWN), "Down" },
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tui_key_name(cases[i].key, buf, sizeof buf);
		assert_string_equal(buf, cases[i].name);
	}
}

/* ---- the man page ------------------------------------------------------------------ */

/* One .It line of the KEYS section, as "j, Down". */
struct man_item {
	char scope[64];
	char keys[128];
};

#define MAX_ITEMS 128

static int is_macro(const char *w)
{
	static const char *const macros[] = { "Ic", "Cm", "No", "Sy", "Li", "Ns", "Xo", "Ar", "Ql", NULL };

	for (int i = 0; macros[i]; i++)
		if (strcmp(w, macros[i]) == 0)
			return 1;
	return 0;
}

/* "Ic j , Down" -> "j, Down"; "\&?" -> "?", "\-" -> "-". */
static void keys_of_item(char *args, char *out, size_t size)
{
	char *save = NULL, *w;

	out[0] = '\0';
	for (w = strtok_r(args, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save)) {
		char clean[64];
		size_t n = 0;
		if (is_macro(w) || strcmp(w, ",") == 0)
			continue;
		for (const char *p = w; *p && n + 1 < sizeof clean; p++) {
			if (p[0] == '\\' && p[1] == '&')
				p++;
			else if (p[0] == '\\' && p[1] == '-')
				clean[n++] = *++p;
			else
				clean[n++] = *p;
		}
		clean[n] = '\0';
		if (out[0])
			strncat(out, ", ", size - strlen(out) - 1);
		strncat(out, clean, size - strlen(out) - 1);
	}
}

/* Copies src into dst of size bytes, cut if need be. */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Reads the .Ss and .It lines of the KEYS section; returns their number. */
static int read_keys_section(const char *path, struct man_item *items)
{
	FILE *f = fopen(path, "r");
	char line[1024], scope[64] = "";
	int in_keys = 0, n = 0;

	if (!f)
		fail_msg("cannot read %s", path);
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_keys = strncmp(line, ".Sh KEYS", 8) == 0;
			continue;
		}
		if (!in_keys)
			continue;
		if (strncmp(line, ".Ss ", 4) == 0) {
			copy(scope, sizeof scope, line + 4);
			scope[strcspn(scope, "\n")] = '\0';
		} else if (strncmp(line, ".It ", 4) == 0 && n < MAX_ITEMS) {
			copy(items[n].scope, sizeof items[n].scope, scope);
			keys_of_item(line + 4, items[n].keys, sizeof items[n].keys);
			n++;
		}
	}
	fclose(f);
	return n;
}

static void table_keys(const struct tui_binding *b, char *out, size_t size)
{
	char name[32];

	out[0] = '\0';
	for (int k = 0; k < TUI_MAX_KEYS && b->keys[k]; k++) {
		tui_key_name(b->keys[k], name, sizeof name);
		if (k)
			strncat(out, ", ", size - strlen(out) - 1);
		strncat(out, name, size - strlen(out) - 1);
	}
}

static void test_man_page_lists_the_table(void **state)
{
	const char *top = getenv("top_srcdir");
	struct man_item *items = calloc(MAX_ITEMS, sizeof *items);
	char path[4096], want[128];
	int n, at = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/man/orglife.1", top && *top ? top : ".");
	n = read_keys_section(path, items);
	assert_true(n > 0);
	/* Scope by scope in the table's order, binding by binding. */
	for (int s = 0; s < tui_nscopes; s++)
		for (int i = 0; i < tui_nbindings; i++) {
			if (tui_bindings[i].scope != tui_scopes[s].scope)
				continue;
			table_keys(&tui_bindings[i], want, sizeof want);
			if (at >= n)
				fail_msg("the man page's KEYS section lacks '%s' (%s)", want, tui_scopes[s].title);
			if (strcmp(items[at].scope, tui_scopes[s].title) != 0)
				fail_msg("'%s' is under '.Ss %s' in the man page, the table has it in '%s'", want,
					 items[at].scope, tui_scopes[s].title);
			if (strcmp(items[at].keys, want) != 0)
				fail_msg("the man page has '.It %s' where the table has '%s' (%s)", items[at].keys, want,
					 tui_scopes[s].title);
			at++;
		}
	if (at != n)
		fail_msg("the man page's KEYS section has '%s' that the table does not", items[at].keys);
	free(items);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullwidth_keys_are_ascii),
		cmocka_unit_test(test_special_keys),
		cmocka_unit_test(test_keys_find_their_actions),
		cmocka_unit_test(test_frequent_actions_survive_an_input_method),
		cmocka_unit_test(test_keys_only_where_offered),
		cmocka_unit_test(test_no_key_bound_twice_on_a_screen),
		cmocka_unit_test(test_every_action_has_a_key_and_help),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_man_page_lists_the_table),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
