/* progress.h - a pv-like meter (rows, MB, MB/s) on stderr, shown only
 * when stderr is a terminal. */
#ifndef COPYDESK_PROGRESS_H
#define COPYDESK_PROGRESS_H

void progress_start(void);
/* Called on each buffer fill; redraws at most twice a second. final: the
 * last call, which ends the line. */
void progress_tick(unsigned long long rows, unsigned long long bytes, int final);
double now_seconds(void);

#endif
