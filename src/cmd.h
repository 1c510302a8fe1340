/*
 * cmd.h - the run functions of the commands, one cmd-*.c file per command
 * group; cli-table.c binds them to names.
 */
#ifndef ORGLIFE_CMD_H
#define ORGLIFE_CMD_H

#include <orglife/cli.h>

#define CMD_RUN(fn) int fn(struct cli_ctx *ctx, int argc, char **argv)

CMD_RUN(cmd_overview);
CMD_RUN(cmd_demo);
CMD_RUN(cmd_backup);
CMD_RUN(cmd_org_add);
CMD_RUN(cmd_org_list);
CMD_RUN(cmd_org_edit);
CMD_RUN(cmd_member_add);
CMD_RUN(cmd_member_import);
CMD_RUN(cmd_member_list);
CMD_RUN(cmd_member_edit);
CMD_RUN(cmd_member_confirm);
CMD_RUN(cmd_member_extend_probation);
CMD_RUN(cmd_member_flow_out);
CMD_RUN(cmd_member_transfer_out);
CMD_RUN(cmd_member_transfer_in);
CMD_RUN(cmd_member_lost);
CMD_RUN(cmd_member_back);
CMD_RUN(cmd_role_set);
CMD_RUN(cmd_role_end);
CMD_RUN(cmd_session_add);
CMD_RUN(cmd_session_held);
CMD_RUN(cmd_session_cancel);
CMD_RUN(cmd_session_move);
CMD_RUN(cmd_session_list);
CMD_RUN(cmd_session_show);
CMD_RUN(cmd_attend);
CMD_RUN(cmd_rollcall);
CMD_RUN(cmd_minutes_show);
CMD_RUN(cmd_minutes_edit);
CMD_RUN(cmd_minutes_approve);
CMD_RUN(cmd_minutes_unlock);
CMD_RUN(cmd_election_add);
CMD_RUN(cmd_election_extend);
CMD_RUN(cmd_dues_pay);
CMD_RUN(cmd_check);
CMD_RUN(cmd_review);
CMD_RUN(cmd_export_ics);
CMD_RUN(cmd_export_csv);
CMD_RUN(cmd_ledger_add);
CMD_RUN(cmd_ledger_done);
CMD_RUN(cmd_ledger_verify);
CMD_RUN(cmd_ledger_list);

#endif
