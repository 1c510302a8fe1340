/*
 * i18n.h - gettext glue.  Every user-visible string goes through _() (or
 * N_() where it must be a constant, translated later with _()), and plural
 * counts through ngettext.
 */
#ifndef ORGLIFE_I18N_H
#define ORGLIFE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Binds the message catalogue: LOCALEDIR from the build, or ORGLIFE_LOCALEDIR
 * when set (tests run the uninstalled program against the build tree). */
void i18n_init(void);

#endif
