/*
 * tui-keys.c - the one table of the TUI's actions and their keys
 * (tui-keys.h): the loop looks keys up here, the hint bar and the `?`
 * screen list it, and tests/test-tui-keys.c holds the man page's KEYS
 * section to it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include <orglife/i18n.h>
#include <orglife/tui-keys.h>

#define K(k) TUI_KEYCODE(k)

const struct tui_scope_info tui_scopes[] = {
	{ .scope = TUI_SCOPE_FORM, .title = N_("Forms") },
	{ .scope = TUI_SCOPE_PROPOSE, .title = N_("Proposals") },
	{ .scope = TUI_SCOPE_AGENDA, .title = N_("Agenda") },
	{ .scope = TUI_SCOPE_ROLLCALL, .title = N_("Roll-call") },
	{ .scope = TUI_SCOPE_SESSION, .title = N_("Session") },
	{ .scope = TUI_SCOPE_OVERVIEW, .title = N_("Overview") },
	{ .scope = TUI_SCOPE_REVIEW, .title = N_("Review") },
	{ .scope = TUI_SCOPE_FINDINGS, .title = N_("Findings") },
	{ .scope = TUI_SCOPE_MEMBERS, .title = N_("Members") },
	{ .scope = TUI_SCOPE_MEMBER, .title = N_("Member") },
	{ .scope = TUI_SCOPE_RECORD, .title = N_("A member's record") },
	{ .scope = TUI_SCOPE_WELCOME, .title = N_("Empty database") },
	{ .scope = TUI_SCOPE_FIND, .title = N_("Search") },
	{ .scope = TUI_SCOPE_LIST, .title = N_("Moving") },
	{ .scope = TUI_SCOPE_GLOBAL, .title = N_("Everywhere") },
};
const int tui_nscopes = (int)(sizeof tui_scopes / sizeof tui_scopes[0]);

/* In the order of tui_scopes; within a scope, as the ? screen lists them. */
const struct tui_binding tui_bindings[] = {
	/* forms: letters, digits and signs are text there, so only keys that
	 * type nothing act; Esc is the form's own (q is a letter) */
	{ .action = ACT_SAVE, .scope = TUI_SCOPE_FORM, .keys = { TUI_KEY_ENTER }, .hint = N_("save"),
	  .help = N_("save, from any field") },
	{ .action = ACT_FIELD_NEXT, .scope = TUI_SCOPE_FORM, .keys = { '\t', K(KEY_DOWN) }, .hint = N_("next field"),
	  .help = N_("the next field") },
	{ .action = ACT_FIELD_PREV, .scope = TUI_SCOPE_FORM, .keys = { K(KEY_BTAB), K(KEY_UP) },
	  .help = N_("the field before") },
	{ .action = ACT_CHOICE_NEXT, .scope = TUI_SCOPE_FORM, .keys = { K(KEY_RIGHT) },
	  .help = N_("in a field of choices listed beside it: the next one that matches what was typed") },
	{ .action = ACT_CHOICE_PREV, .scope = TUI_SCOPE_FORM, .keys = { K(KEY_LEFT) },
	  .help = N_("in a field of choices listed beside it: the one before that matches") },
	{ .action = ACT_BACK, .scope = TUI_SCOPE_FORM, .keys = { TUI_KEY_ESC }, .hint = N_("leave"),
	  .help = N_("leave without saving (asks first when something was typed)") },
	{ .action = ACT_HELP, .scope = TUI_SCOPE_FORM, .keys = { K(KEY_F(1)) }, .help = N_("the keys of this form") },
	/* proposals: Enter survives an input method */
	{ .action = ACT_ACCEPT, .scope = TUI_SCOPE_PROPOSE, .keys = { TUI_KEY_ENTER }, .hint = N_("accept"),
	  .help = N_("accept the selected proposal: it becomes a planned session") },
	{ .action = ACT_DROP, .scope = TUI_SCOPE_PROPOSE, .keys = { 'x', K(KEY_DC) }, .hint = N_("drop"),
	  .help = N_("drop the selected proposal") },
	{ .action = ACT_ACCEPT_ALL, .scope = TUI_SCOPE_PROPOSE, .keys = { 'A' }, .hint = N_("accept all"),
	  .help = N_("accept every proposal, in one transaction") },
	/* agenda */
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_AGENDA, .keys = { TUI_KEY_ENTER }, .hint = NULL,
	  .help = N_("open the selected session; on a line of what is still to plan, the form to plan it; on a day, "
		     "the form for a session that day") },
	{ .action = ACT_ADD, .scope = TUI_SCOPE_AGENDA, .keys = { 'a' }, .hint = N_("add"),
	  .help = N_("add a session: the form (When, Kind, Organization, Topic, Place)") },
	{ .action = ACT_EDIT, .scope = TUI_SCOPE_AGENDA, .keys = { 'e' }, .hint = N_("edit"),
	  .help = N_("edit the selected planned session in the form") },
	{ .action = ACT_MOVE, .scope = TUI_SCOPE_AGENDA, .keys = { 'm' }, .hint = NULL,
	  .help = N_("move the selected planned session: asks the new date and time") },
	{ .action = ACT_CANCEL, .scope = TUI_SCOPE_AGENDA, .keys = { 'c' }, .hint = N_("cancel"),
	  .help = N_("cancel the selected planned session (asks first)") },
	{ .action = ACT_PROPOSE, .scope = TUI_SCOPE_AGENDA, .keys = { 'p' }, .hint = N_("propose"),
	  .help = N_("propose sessions for what the rules still need this quarter") },
	{ .action = ACT_VIEW, .scope = TUI_SCOPE_AGENDA, .keys = { 'v' }, .hint = N_("view"),
	  .help = N_("the next view: day, week, month, quarter") },
	{ .action = ACT_PREV_PERIOD, .scope = TUI_SCOPE_AGENDA, .keys = { 'h', K(KEY_LEFT) },
	  .help = N_("the day, week, month or quarter before") },
	{ .action = ACT_NEXT_PERIOD, .scope = TUI_SCOPE_AGENDA, .keys = { 'l', K(KEY_RIGHT) },
	  .help = N_("the next day, week, month or quarter") },
	{ .action = ACT_TODAY, .scope = TUI_SCOPE_AGENDA, .keys = { 't' }, .help = N_("back to today") },
	/* roll-call: digits, Space and arrows survive an input method left on */
	{ .action = ACT_PRESENT, .scope = TUI_SCOPE_ROLLCALL, .keys = { '1' }, .hint = N_("present"),
	  .help = N_("present, then the next person") },
	{ .action = ACT_LATE, .scope = TUI_SCOPE_ROLLCALL, .keys = { '2' }, .hint = N_("late"),
	  .help = N_("late, then the next person") },
	{ .action = ACT_EXCUSED, .scope = TUI_SCOPE_ROLLCALL, .keys = { '3' }, .hint = N_("excused"),
	  .help = N_("excused: asks the reason, then the next person") },
	{ .action = ACT_ABSENT, .scope = TUI_SCOPE_ROLLCALL, .keys = { '4' }, .hint = N_("absent"),
	  .help = N_("absent, then the next person") },
	{ .action = ACT_PRESENT_NEXT, .scope = TUI_SCOPE_ROLLCALL, .keys = { ' ' }, .hint = NULL,
	  .help = N_("present, then the next person (one key per member)") },
	{ .action = ACT_CLEAR, .scope = TUI_SCOPE_ROLLCALL, .keys = { '0' }, .hint = N_("clear"),
	  .help = N_("clear the mark") },
	/* session: Enter opens the roll-call with an input method left on */
	{ .action = ACT_ROLLCALL, .scope = TUI_SCOPE_SESSION, .keys = { 'r', TUI_KEY_ENTER }, .hint = N_("roll-call"),
	  .help = N_("take the roll-call") },
	{ .action = ACT_HELD, .scope = TUI_SCOPE_SESSION, .keys = { 'H' }, .hint = N_("mark held"),
	  .help = N_("mark the session held (asks first)") },
	{ .action = ACT_MINUTES, .scope = TUI_SCOPE_SESSION, .keys = { 'm' }, .hint = N_("minutes"),
	  .help = N_("write the minutes in $VISUAL or $EDITOR (vi without them); saved when the editor quits") },
	/* overview */
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_OVERVIEW, .keys = { TUI_KEY_ENTER }, .hint = N_("show"),
	  .help = N_("open the selected line: a session, or a rule's finding on the status line") },
	{ .action = ACT_RIGHT, .scope = TUI_SCOPE_OVERVIEW, .keys = { 'l', K(KEY_RIGHT) }, .hint = NULL,
	  .help = N_("into the selected organization's quarter: its rules and sessions") },
	{ .action = ACT_LEFT, .scope = TUI_SCOPE_OVERVIEW, .keys = { 'h', K(KEY_LEFT) }, .hint = NULL,
	  .help = N_("back to the organization tree") },
	{ .action = ACT_REVIEW, .scope = TUI_SCOPE_OVERVIEW, .keys = { 'r' }, .hint = N_("review"),
	  .help = N_("the quarterly review: every organization by rule") },
	/* review */
	{ .action = ACT_PREV_QUARTER, .scope = TUI_SCOPE_REVIEW, .keys = { '<' }, .hint = N_("earlier"),
	  .help = N_("the quarter before") },
	{ .action = ACT_NEXT_QUARTER, .scope = TUI_SCOPE_REVIEW, .keys = { '>' }, .hint = N_("later"),
	  .help = N_("the quarter after") },
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_REVIEW, .keys = { TUI_KEY_ENTER }, .hint = NULL,
	  .help = N_("the selected organization's findings, from the rule in focus") },
	{ .action = ACT_LEFT, .scope = TUI_SCOPE_REVIEW, .keys = { 'h', K(KEY_LEFT) }, .hint = NULL,
	  .help = N_("the rule to the left") },
	{ .action = ACT_RIGHT, .scope = TUI_SCOPE_REVIEW, .keys = { 'l', K(KEY_RIGHT) }, .hint = NULL,
	  .help = N_("the rule to the right") },
	{ .action = ACT_FILTER, .scope = TUI_SCOPE_REVIEW, .keys = { '/' }, .hint = N_("filter"),
	  .help = N_("show only the organizations whose name holds what you type, as characters or pinyin (jg "
		     "finds 机关), live (Enter keeps it, Esc goes back, empty shows all)") },
	{ .action = ACT_PROBLEMS, .scope = TUI_SCOPE_REVIEW, .keys = { 'p' }, .hint = N_("problems"),
	  .help = N_("show only the organizations with something due or overdue; again to show all") },
	{ .action = ACT_EXPORT, .scope = TUI_SCOPE_REVIEW, .keys = { 'x' }, .hint = N_("export"),
	  .help = N_("write the quarter's review to a file, as 'orglife review' does: HTML, CSV or JSON by the "
		     "name's ending") },
	/* one organization's findings */
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_FINDINGS, .keys = { TUI_KEY_ENTER }, .hint = N_("session"),
	  .help = N_("open the session behind the selected finding") },
	/* a branch's roster */
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_MEMBERS, .keys = { TUI_KEY_ENTER }, .hint = N_("show"),
	  .help = N_("the selected member: details, attendance history and dues") },
	{ .action = ACT_ADD, .scope = TUI_SCOPE_MEMBERS, .keys = { 'a' }, .hint = N_("add"),
	  .help = N_("add a member to this branch (a form)") },
	{ .action = ACT_IMPORT, .scope = TUI_SCOPE_MEMBERS, .keys = { 'i' }, .hint = N_("import"),
	  .help = N_("import members into this branch from a CSV file, as 'member import' does: asks for the file") },
	{ .action = ACT_BRANCH, .scope = TUI_SCOPE_MEMBERS, .keys = { 'b' }, .hint = N_("branch"),
	  .help = N_("another branch: type some of its name or its pinyin, live (Enter keeps it, Esc goes back)") },
	/* one member */
	{ .action = ACT_OPEN, .scope = TUI_SCOPE_MEMBER, .keys = { TUI_KEY_ENTER }, .hint = N_("session"),
	  .help = N_("open the selected session of the attendance history") },
	/* changing a member, on the roster and on the member's screen */
	{ .action = ACT_EDIT, .scope = TUI_SCOPE_RECORD, .keys = { 'e' }, .hint = N_("edit"),
	  .help = N_("edit the member: name, day joined, group, cadre, phone (a form)") },
	{ .action = ACT_CONFIRM_MEMBER, .scope = TUI_SCOPE_RECORD, .keys = { 'C' }, .hint = NULL,
	  .help = N_("转正: a probationary member becomes a full member (asks the day, then to confirm)") },
	{ .action = ACT_FLOW, .scope = TUI_SCOPE_RECORD, .keys = { 'F' }, .hint = NULL,
	  .help = N_("flowed out (流动党员), or back when flowed out (asks the day and the 活动证, then to confirm)") },
	{ .action = ACT_TRANSFER, .scope = TUI_SCOPE_RECORD, .keys = { 'T' }, .hint = NULL,
	  .help = N_("membership transferred out (组织关系转出), or in when out (asks the day and the letter, then to "
		     "confirm)") },
	{ .action = ACT_LOST, .scope = TUI_SCOPE_RECORD, .keys = { 'L' }, .hint = NULL,
	  .help = N_("lost contact (失联), or back when lost (asks the day, then to confirm)") },
	/* an empty database */
	{ .action = ACT_ADD_BRANCH, .scope = TUI_SCOPE_WELCOME, .keys = { 'a' }, .hint = N_("add a branch"),
	  .help = N_("add your branch: the command 'org add' on the : line") },
	{ .action = ACT_IMPORT, .scope = TUI_SCOPE_WELCOME, .keys = { 'i' }, .hint = N_("import members"),
	  .help = N_("import members from a CSV file: 'member import' on the : line") },
	/* search */
	{ .action = ACT_SEARCH, .scope = TUI_SCOPE_FIND, .keys = { '/' }, .hint = N_("find"),
	  .help = N_("find a name by some of its characters or their pinyin (zs or zhangs finds 张三), live as you "
		     "type (Enter keeps it, Esc goes back)") },
	{ .action = ACT_SEARCH_NEXT, .scope = TUI_SCOPE_FIND, .keys = { 'n' }, .help = N_("the next match") },
	/* moving */
	{ .action = ACT_DOWN, .scope = TUI_SCOPE_LIST, .keys = { 'j', K(KEY_DOWN) }, .help = N_("down one line") },
	{ .action = ACT_UP, .scope = TUI_SCOPE_LIST, .keys = { 'k', K(KEY_UP) }, .help = N_("up one line") },
	{ .action = ACT_HALF_DOWN, .scope = TUI_SCOPE_LIST, .keys = { TUI_CTRL('d') }, .help = N_("down half a page") },
	{ .action = ACT_HALF_UP, .scope = TUI_SCOPE_LIST, .keys = { TUI_CTRL('u') }, .help = N_("up half a page") },
	{ .action = ACT_PAGE_DOWN, .scope = TUI_SCOPE_LIST, .keys = { K(KEY_NPAGE) }, .help = N_("down a page") },
	{ .action = ACT_PAGE_UP, .scope = TUI_SCOPE_LIST, .keys = { K(KEY_PPAGE) }, .help = N_("up a page") },
	{ .action = ACT_TOP, .scope = TUI_SCOPE_LIST, .keys = { 'g', K(KEY_HOME) }, .help = N_("the first line") },
	{ .action = ACT_BOTTOM, .scope = TUI_SCOPE_LIST, .keys = { 'G', K(KEY_END) }, .help = N_("the last line") },
	/* everywhere */
	{ .action = ACT_HELP, .scope = TUI_SCOPE_GLOBAL, .keys = { '?', K(KEY_F(1)) }, .hint = N_("help"),
	  .help = N_("the keys of this screen") },
	{ .action = ACT_COMMAND, .scope = TUI_SCOPE_GLOBAL, .keys = { ':' }, .hint = NULL,
	  .help = N_("run a command, as on the command line (org list, session show 1427, ...)") },
	{ .action = ACT_NEXT_SCREEN, .scope = TUI_SCOPE_GLOBAL, .keys = { '\t' },
	  .help = N_("the next screen") },
	{ .action = ACT_PREV_SCREEN, .scope = TUI_SCOPE_GLOBAL, .keys = { K(KEY_BTAB) },
	  .help = N_("the previous screen") },
	{ .action = ACT_REDRAW, .scope = TUI_SCOPE_GLOBAL, .keys = { TUI_CTRL('l') }, .help = N_("redraw the screen") },
	{ .action = ACT_BACK, .scope = TUI_SCOPE_GLOBAL, .keys = { 'q', TUI_KEY_ESC }, .hint = N_("back"),
	  .help = N_("back to the screen before; on the first screen, quit") },
	{ .action = ACT_QUIT, .scope = TUI_SCOPE_GLOBAL, .keys = { 'Q' }, .help = N_("quit orglife") },
};
const int tui_nbindings = (int)(sizeof tui_bindings / sizeof tui_bindings[0]);

int tui_key_normalize(int is_code, unsigned long ch)
{
	if (is_code) {
		if (ch == KEY_ENTER)
			return TUI_KEY_ENTER;
		if (ch == KEY_BACKSPACE)
			return TUI_KEY_BACKSPACE;
		return TUI_KEYCODE((int)ch);
	}
	if (ch == '\n')
		return TUI_KEY_ENTER;
	if (ch == 8)
		return TUI_KEY_BACKSPACE;
	if (ch == 0x3000) /* full-width space */
		return ' ';
	if (ch == 0xFF1F || ch == 0xFF1A || ch == 0xFF0F || ch == 0xFF0C || ch == 0xFF1C || ch == 0xFF1E ||
	    (ch >= 0xFF10 && ch <= 0xFF19))
		return (int)(ch - 0xFEE0); /* ？：／，＜＞ and ０-９ */
	/* A Chinese input method types < and > as 《 and 》. */
	if (ch == 0x300A || ch == 0x300B)
		return ch == 0x300A ? '<' : '>';
	if (ch > 0x10FFFF)
		return 0;
	return (int)ch;
}

static int binding_has_key(const struct tui_binding *b, int key)
{
	for (int i = 0; i < TUI_MAX_KEYS && b->keys[i]; i++)
		if (b->keys[i] == key)
			return 1;
	return 0;
}

enum tui_action tui_key_action(int key, unsigned mask)
{
	/* The table lists the narrow scopes first, so the first match wins. */
	for (int i = 0; i < tui_nbindings; i++)
		if ((tui_bindings[i].scope & mask) && binding_has_key(&tui_bindings[i], key))
			return tui_bindings[i].action;
	return ACT_NONE;
}

const struct tui_binding *tui_key_binding(enum tui_action action, unsigned mask)
{
	for (int i = 0; i < tui_nbindings; i++)
		if ((tui_bindings[i].scope & mask) && tui_bindings[i].action == action)
			return &tui_bindings[i];
	return NULL;
}

static const struct {
	int code;
	const char *name;
} code_names[] = {
	{ KEY_UP, "Up" },     { KEY_DOWN, "Down" },    { KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" },
	{ KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" },   { KEY_HOME, "Home" }, { KEY_END, "End" },
	{ KEY_BTAB, "Shift-Tab" }, { KEY_F(1), "F1" }, { KEY_DC, "Delete" },
};

void tui_key_name(int key, char *buf, unsigned size)
{
	if (TUI_IS_KEYCODE(key)) {
		int code = key & ~0x40000000;
		for (size_t i = 0; i < sizeof code_names / sizeof code_names[0]; i++)
			if (code_names[i].code == code) {
				snprintf(buf, size, "%s", code_names[i].name);
				return;
			}
		snprintf(buf, size, "key-%d", code);
	} else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key == '\t')
		snprintf(buf, size, "Tab");
	else if (key == TUI_KEY_ENTER)
		snprintf(buf, size, "Enter");
	else if (key == TUI_KEY_ESC)
		snprintf(buf, size, "Esc");
	else if (key == TUI_KEY_BACKSPACE)
		snprintf(buf, size, "Backspace");
	else if (key > 0 && key < 32)
		snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
	else if (key < 128)
		snprintf(buf, size, "%c", key);
	else if (key >= 0xA0 && key < 0x800)
		snprintf(buf, size, "%c%c", 0xC0 | (key >> 6), 0x80 | (key & 0x3F));
	else if (key >= 0x800 && key < 0x10000 && (key < 0xD800 || key > 0xDFFF))
		snprintf(buf, size, "%c%c%c", 0xE0 | (key >> 12), 0x80 | ((key >> 6) & 0x3F), 0x80 | (key & 0x3F));
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
}
