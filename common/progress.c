/* progress.c - the --progress meter. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double t0, tlast;
static int enabled, shown;

double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(void)
{
	enabled = isatty(STDERR_FILENO);
	t0 = tlast = now_seconds();
}

void progress_tick(unsigned long long rows, unsigned long long bytes, int final)
{
	if (!enabled)
		return;
	double t = now_seconds();
	if (!final && t - tlast < 0.5)
		return;
	tlast = t;
	double mb = (double)bytes / 1e6, dt = t - t0 > 1e-9 ? t - t0 : 1e-9;
	fprintf(stderr, "\r%llu rows  %.1f MB  %.1f MB/s ", rows, mb, mb / dt);
	shown = 1;
	if (final && shown)
		fputc('\n', stderr), shown = 0;
}
