/*
 * i18n.h - gettext glue.  Every user-visible string goes through _() (or
 * N_() where it must be a constant, translated later with _()), and plural
 * counts through ngettext.
 *
 * An English word with two meanings gets a context, so each meaning gets its
 * own translation: C_("ledger state", "done") translates at once; where the
 * string must be a constant, NC_("ledger state", "done") marks it and
 * i18n_pgettext_expr("ledger state", s) translates it later.  A context is
 * the catalogue's msgctxt: the key looked up is msgctxt "\004" msgid, as in
 * gettext.h's pgettext.
 */
#ifndef ORGLIFE_I18N_H
#define ORGLIFE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
#define NC_(ctx, s) (s)

/* The translation of ctx_and_id, msgctxt "\004" msgid, or id when the
 * catalogue has none (gettext then returns its argument itself). */
static inline const char *i18n_pgettext(const char *ctx_and_id, const char *id)
{
	const char *t = gettext(ctx_and_id);

	return t == ctx_and_id ? id : t;
}

/* The same for a context and a msgid known only at run time (NC_()). */
const char *i18n_pgettext_expr(const char *ctx, const char *id);

/* Binds the message catalogue: LOCALEDIR from the build, or ORGLIFE_LOCALEDIR
 * when set (tests run the uninstalled program against the build tree). */
void i18n_init(void);

#endif
