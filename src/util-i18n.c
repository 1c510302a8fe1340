/*
 * util-i18n.c - binding the message catalogue, and translations in context.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/i18n.h>

const char *i18n_pgettext_expr(const char *ctx, const char *id)
{
	char buf[128], *key = buf;
	size_t nc = strlen(ctx), ni = strlen(id);
	const char *t;
	int found;

	if (nc + 1 + ni + 1 > sizeof buf && !(key = malloc(nc + 1 + ni + 1)))
		return id;
	memcpy(key, ctx, nc);
	key[nc] = '\004';
	memcpy(key + nc + 1, id, ni + 1);
	t = gettext(key);
	found = t != key;
	if (key != buf)
		free(key);
	return found ? t : id;
}

void i18n_init(void)
{
	const char *dir = getenv("ORGLIFE_LOCALEDIR");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}
