/*
 * util-i18n.c - binding the message catalogue.
 */
#include "config.h"

#include <stdlib.h>

#include <orglife/i18n.h>

void i18n_init(void)
{
	const char *dir = getenv("ORGLIFE_LOCALEDIR");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}
