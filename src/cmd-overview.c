#include "config.h"
#include "cmd.h"
CMD_RUN(cmd_overview) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
CMD_RUN(cmd_backup) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
