/*
 * main.c - the program: locale, catalogue, clock, then the command line.
 */
#include "config.h"

#include <locale.h>

#include <orglife/cli.h>
#include <orglife/i18n.h>

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	i18n_init();
	return cli_main(argc, argv);
}
