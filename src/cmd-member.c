#include "config.h"
#include "cmd.h"
CMD_RUN(cmd_member_add) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_list) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_edit) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_confirm) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_extend_probation) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_flow_out) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_transfer_out) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_transfer_in) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_lost) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_member_back) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_role_set) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_role_end) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_dues_pay) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
