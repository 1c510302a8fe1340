/*
 * replay.c - runs a fuzz target (LLVMFuzzerTestOneInput) over files
 * without libFuzzer, so that `make check` replays the seed corpus with the
 * program's own compiler and flags (sanitizers included when configured).
 *
 * Usage: replay FILE|DIRECTORY...  Each file (or every file in each
 * directory, in name order) is fed to the target in a child process, so
 * that one crash is counted and reported by name and the rest still run.
 * Prints "N passed, M failed" and exits 1 when any failed.
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <orglife/text.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int passed, failed;

/* Reads the file whole; NULL (and a message) when it cannot. */
static char *slurp(const char *path, size_t *n)
{
	struct strbuf b = { 0 };
	char buf[65536];
	size_t got;
	FILE *f = fopen(path, "rb");

	if (!f) {
		perror(path);
		return NULL;
	}
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&b, buf, got);
	if (ferror(f)) {
		perror(path);
		fclose(f);
		strbuf_free(&b);
		return NULL;
	}
	fclose(f);
	*n = b.len;
	return strbuf_detach(&b);
}

static void run_one(const char *path)
{
	size_t n = 0;
	char *data = slurp(path, &n);
	pid_t pid;
	int st;

	if (!data) {
		failed++;
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		LLVMFuzzerTestOneInput((const uint8_t *)data, n);
		free(data);
		exit(0);
	}
	free(data);
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		printf("FAIL: %s\n", path);
		failed++;
	} else
		passed++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (!d) {
		perror(dir);
		failed++;
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n] = xmalloc(strlen(dir) + strlen(e->d_name) + 2);
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		run_one(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	struct stat sb;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIRECTORY...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			run_dir(argv[i]);
		else
			run_one(argv[i]);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
