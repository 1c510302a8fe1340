#include "config.h"
#include "cmd.h"
CMD_RUN(cmd_session_add) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_session_held) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_session_cancel) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_session_move) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_session_list) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_session_show) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_attend) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_minutes_show) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_minutes_approve) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_election_add) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_election_extend) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
