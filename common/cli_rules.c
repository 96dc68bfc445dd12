/* cli_rules.c - the rules files of a run: the program's default file and
 * the -r files, in order (apart from cli.c so that a program without rules
 * does not link libyaml). */
#include "buf.h"
#include "cli.h"
#include "msg.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

void rules_load_cli(const struct cli *c, const char *default_name, rules_fn fn, void *ctx)
{
	if (!c->no_default_rules) {
		struct buf path = {0};
		buf_printf(&path, "%s/%s", rules_default_dir(), default_name);
		if (access(path.p, R_OK) < 0)
			die(EXIT_USAGE, "%s: %s: the default rules cannot be read (set COPYDESK_RULES_DIR "
					"to the directory that holds %s, or give --no-default-rules)",
			    path.p, strerror(errno), default_name);
		fn(rules_load(path.p), ctx);
		buf_free(&path);
	}
	for (int i = 0; i < c->nrules; i++)
		fn(rules_load(c->rules[i]), ctx);
}
