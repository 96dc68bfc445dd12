#include "dd_run.h"
#include "msg.h"
int dd_run_state(struct dd_run *r) { die(2, "wip"); }
int dd_run_keys(struct dd_run *r) { die(2, "wip"); }
int dd_run_clusters(struct dd_run *r) { die(2, "wip"); }
int dd_run_apply(struct dd_run *r) { die(2, "wip"); }
