# OL_CHECK_CFLAG(FLAG, [ACTION-IF-OK], [ACTION-IF-NOT])
# Checks whether the C compiler accepts FLAG (compiling and linking a small
# program with warnings as errors, so an unknown -W option is not ignored).
AC_DEFUN([OL_CHECK_CFLAG], [
  AS_VAR_PUSHDEF([ol_var], [ol_cv_cflag_$1])
  AC_CACHE_CHECK([whether the C compiler accepts $1], [ol_var], [
    ol_save_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $1"
    AC_LINK_IFELSE([AC_LANG_PROGRAM([], [])],
      [AS_VAR_SET([ol_var], [yes])], [AS_VAR_SET([ol_var], [no])])
    CFLAGS=$ol_save_CFLAGS])
  AS_VAR_IF([ol_var], [yes], [$2], [$3])
  AS_VAR_POPDEF([ol_var])
])
