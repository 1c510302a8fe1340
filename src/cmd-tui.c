/*
 * cmd-tui.c - `orglife rollcall SESSION`: the one command that opens the
 * screens (tui.h), straight on a session's roll-call.  `orglife` with no
 * command opens them on the overview (cli.c).
 */
#include "config.h"

#include <unistd.h>

#include <orglife/i18n.h>
#include <orglife/tui.h>
#include "cmd.h"

CMD_RUN(cmd_rollcall)
{
	struct cli_args a;
	long long id;
	int rc;

	if ((rc = cli_parse(ctx, NULL, 1, 1, argc, argv, &a)))
		return rc;
	if ((rc = cli_session(ctx, a.pos[0], &id)))
		return rc;
	if (tui_active())
		return cli_error(ctx, "%s", _("the roll-call is already open on the screens: press q to go back to it"));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_error(ctx, "%s",
				 _("rollcall needs a terminal; to mark attendance from a script, use 'orglife attend'"));
	return tui_run(ctx->db, ctx->db_path, id);
}
