/* tag-entities_engine.c - unit tests of the tag-entities engine on rules of
 * its own (written to a temporary file) and on the default rules: folding
 * (accents, quotes, possessives), case per entry, leftmost-longest and
 * priority, runs typed by titles, tails and speech verbs, short forms and
 * their ids (also of a full name typed by guess), an age in an
 * appositive, a stop word that is no hit, the alias table's memory. The
 * names are invented. */
#include "buf.h"
#include "rules.h"
#include "unit.h"
#if defined(__has_include)
#if __has_include("tag-entities/te.h")
#include "tag-entities/te.h"
#else
#include "te.h"
#endif
#else
#include "tag-entities/te.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct te T;
static struct te_tagger G;

/* The mentions of a one-document text (rows split on '|') as
 * "ROW:START-END TYPE id" joined by "; ". */
static const char *tag(const char *text)
{
	static struct buf out, rowsbuf;
	struct te_row rows[16];
	size_t nrows = 0;
	buf_reset(&rowsbuf);
	buf_adds(&rowsbuf, text);
	char *p = rowsbuf.p;
	for (;;) {
		char *bar = strchr(p, '|');
		rows[nrows].s = p;
		rows[nrows].n = bar ? (size_t)(bar - p) : strlen(p);
		nrows++;
		if (!bar || nrows == 16)
			break;
		p = bar + 1;
	}
	te_tag_doc(&G, rows, nrows);
	buf_reset(&out);
	buf_add(&out, "", 0);
	for (size_t k = 0; k < G.nm; k++) {
		const struct te_mention *m = &G.m[k];
		buf_printf(&out, "%s%u:%u-%u %s %s", k ? "; " : "", m->row, m->cb, m->ce, T.types[m->type],
			   te_mention_id(&G, m));
	}
	return buf_str(&out);
}

static void load_rules(const char *yaml)
{
	char path[] = "/tmp/te-unit-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, yaml, strlen(yaml)) != (ssize_t)strlen(yaml)) {
		perror("temporary rules file");
		exit(1);
	}
	close(fd);
	te_load_yaml(rules_load(path), &T);
	unlink(path);
}

static const char own_rules[] =
	"version: 1\n"
	"words:\n"
	"  titles: [Col, Minister, Mayor]\n"
	"  stop: [The, On, Tuesday, He, Then, We]\n"
	"  speech: [said, told]\n"
	"  org_tails: [Union, Co]\n"
	"  loc_tails: [Islands]\n"
	"  first_names: [Marisol, Tomas]\n"
	"  joins: [de, la, van]\n"
	"entries:\n"
	"  - {id: q1, type: PER, names: [Tomás Ferreira]}\n"
	"  - {id: lenwick, type: LOC, names: [Lenwick, Lenwick Port]}\n"
	"  - {id: lhwu, type: ORG, names: [Lenwick Harbour Workers Union]}\n"
	"  - {id: acme, type: ORG, names: [acme ferries], fold_case: true}\n"
	"  - {id: belmar-town, type: LOC, names: [Belmar]}\n"
	"  - {id: belmar-fc, type: ORG, names: [Belmar], priority: 3}\n"
	"  - {id: tuesday-club, type: ORG, names: [Tuesday]}\n";

static void own(void)
{
	te_init(&T);
	load_rules(own_rules);
	te_finish(&T);
	te_tagger_init(&G, &T);

	/* accents, typographic apostrophes and the possessive */
	CHECK_STR(tag("Tomas Ferreira’s plan"), "0:0-14 PER q1");
	CHECK_STR(tag("Tomás Ferreira's plan"), "0:0-14 PER q1");
	/* a name in capitals in a row that is not a headline: as Title Case */
	CHECK_STR(tag("We met TOMAS FERREIRA"), "0:7-21 PER q1");
	/* leftmost-longest: Lenwick Port, not Lenwick then a run */
	CHECK_STR(tag("ships in Lenwick Port today"), "0:9-21 LOC lenwick");
	CHECK_STR(tag("ships of the Lenwick Harbour Workers Union"), "0:13-42 ORG lhwu");
	/* case per entry */
	CHECK_STR(tag("with ACME FERRIES and acme ferries"), "0:5-17 ORG acme; 0:22-34 ORG acme");
	CHECK_STR(tag("the lenwick port"), "");
	/* priority, then the later definition */
	CHECK_STR(tag("fans of Belmar"), "0:8-14 ORG belmar-fc");
	/* a stop word is no hit, whatever a list says */
	CHECK_STR(tag("It rained on Tuesday in Belmar"), "0:24-30 ORG belmar-fc");
	/* titles, tails, speech verbs, first names */
	CHECK_STR(tag("talks with Col. Idris Okonkwo went on"), "0:16-29 PER idris-okonkwo");
	CHECK_STR(tag("members of the Saltmere Dockers Union voted"), "0:15-37 ORG saltmere-dockers-union");
	CHECK_STR(tag("boats to the Saltmere Islands left"), "0:13-29 LOC saltmere-islands");
	CHECK_STR(tag("the deal, Okonkwo said, was close"), "0:10-17 PER okonkwo");
	CHECK_STR(tag("we met Marisol Quintero there"), "0:7-23 PER marisol-quintero");
	/* a name joined across de / van */
	CHECK_STR(tag("we met Marisol de la Vega"), "0:7-25 PER marisol-de-la-vega");
	CHECK_STR(tag("we met Pieter van Dijk there"), "0:7-22 PER pieter-van-dijk");
	/* short forms take the full form's id, in any row after it */
	CHECK_STR(tag("Mayor Idris Okonkwo spoke.|Then Okonkwo left."),
		  "0:6-19 PER idris-okonkwo; 1:5-12 PER idris-okonkwo");
	/* ... and so do short forms of a full name typed by guess only */
	CHECK_STR(tag("Dario Velkov arrived.|They waited, said Velkov, for days."),
		  "0:0-12 PER dario-velkov; 1:18-24 PER dario-velkov");
	CHECK_STR(tag("Dario Velkov arrived.|Velkov left."),
		  "0:0-12 PER dario-velkov; 1:0-6 PER dario-velkov");
	/* a capital at a sentence start with nothing to back it is no name */
	CHECK_STR(tag("Harbours were quiet."), "");
	/* ... but one the document names elsewhere is */
	CHECK_STR(tag("Quintero left.|Marisol Quintero said so."),
		  "0:0-8 PER marisol-quintero; 1:0-16 PER marisol-quintero");

	te_tagger_free(&G);
	te_free(&T);
}

/* The default rules: the cases the issue names, in invented sentences. */
static void defaults(void)
{
	te_init(&T);
	te_load_yaml(rules_load("rules/entities.yaml"), &T);
	te_finish(&T);
	te_tagger_init(&G, &T);
	CHECK_STR(tag("officers of Southern Command met in Caracas"),
		  "0:12-28 ORG southern-command; 0:36-43 LOC caracas-ve");
	CHECK_STR(tag("He spoke to Reuters on Monday."), "0:12-19 ORG reuters");
	CHECK_STR(tag("Vice President Mike Pence flew to Miami."),
		  "0:15-25 PER mike-pence; 0:34-39 LOC miami-us");
	CHECK_STR(tag("prices rose 4.5 percent in Venezuela"),
		  "0:12-23 PERCENT 45-percent; 0:27-36 LOC venezuela");
	CHECK_STR(tag("LENWICK, Norland (Wire) — Dockers struck."),
		  "0:0-7 LOC lenwick; 0:9-16 LOC norland; 0:18-22 ORG wire");
	CHECK_STR(tag("The Northgate Shipping Co. said so."), "0:4-26 ORG northgate-shipping-co");
	/* an organisation by its bare name after its legal form */
	CHECK_STR(tag("Shares of Belwick SA fell.|Belwick sold its plant."),
		  "0:10-20 ORG belwick-sa; 1:0-7 ORG belwick-sa");
	/* an age in an appositive: a person */
	CHECK_STR(tag("Thorsby, a 41-year-old farmer, left."), "0:0-7 PER thorsby");
	/* the title of a work in quotes */
	CHECK_STR(tag("She starred in the film \"The Salt Harbour\" last year."),
		  "0:25-41 MISC the-salt-harbour");
	/* the words around: a stadium, a team's chairman */
	CHECK_STR(tag("They played at the Kelvale stadium on Sunday."), "0:19-26 LOC kelvale");
	/* in a table, a place followed by a score is a team */
	CHECK_STR(tag("Caracas 3 Miami 1"), "0:0-7 ORG caracas-ve; 0:10-15 ORG miami-us");
	te_tagger_free(&G);
	te_free(&T);
}

/* The alias table stays under 150 bytes an alias (the bound) for
 * 100,000 made-up names of two and three words. */
static void memory(void)
{
	te_init(&T);
	uint32_t e = te_entry_add(&T, "x", 1, TE_PER, 0, 0);
	char name[64], id[32];
	const char *why;
	for (int i = 0; i < 100000; i++) {
		snprintf(id, sizeof id, "p%d", i);
		e = te_entry_add(&T, id, strlen(id), TE_PER, 0, 0);
		snprintf(name, sizeof name, i % 3 ? "Name%dx Surname%dy" : "Name%dx Mid%d Surname%dy", i,
			 i * 7, i * 13);
		te_alias_add(&T, e, name, strlen(name), 0, &why);
	}
	te_finish(&T);
	double per = (double)te_bytes(&T) / (double)T.naliases;
	if (per > 150)
		fprintf(stderr, "%.1f bytes an alias\n", per);
	CHECK(T.naliases == 100000);
	CHECK(per <= 150);
	te_free(&T);
}

int main(void)
{
	own();
	defaults();
	memory();
	rules_free_all();
	return unit_done();
}
