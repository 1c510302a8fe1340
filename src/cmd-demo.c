#include "config.h"
#include "cmd.h"
CMD_RUN(cmd_demo) { (void)argc; (void)argv; return cli_error(ctx, "not yet"); }
