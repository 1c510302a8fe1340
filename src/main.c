/*
 * main.c - the program: locale, catalogue, clock, then the command line.
 */
#include "config.h"

#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <orglife/cli.h>
#include <orglife/i18n.h>

int main(int argc, char **argv)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD)
	/*
	 * Every write runs the audit triggers, so SQLite allocates and frees a
	 * statement journal for each statement; with glibc's default trim
	 * threshold the freed top of the heap goes back to the kernel each time
	 * and is faulted in again at the next one (two thirds of the demo's run
	 * in brk calls).  Keeping up to 16 MiB of free heap avoids that.
	 */
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
	setlocale(LC_ALL, "");
	i18n_init();
	return cli_main(argc, argv);
}
