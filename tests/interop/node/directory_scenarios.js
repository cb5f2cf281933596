'use strict';
// Every DirectoryService RPC against the seeded data.
const { check, unary, collect, deadline } = require('./support');

const asOf = (date) => ({ seconds: String(Date.parse(`${date}T00:00:00Z`) / 1000), nanos: 0 });
const ids = (records) => records.map((r) => r.id);

async function getOffice(c) {
  const { response: office } = await unary(c.directory, 'GetOffice', { id: 'ro-cairo' });
  check(office.id === 'ro-cairo' && office.city === 'Cairo', `unexpected office: ${JSON.stringify(office)}`);
  check(office.type === 'OFFICE_TYPE_REGIONAL_OFFICE', `type ${office.type}`);
  check(office.provenance && office.provenance.source_document !== '', `no provenance: ${JSON.stringify(office.provenance)}`);
}

async function listOfficesPaged(c) {
  const seen = [];
  let token = '';
  let pages = 0;
  let total = 0;
  do {
    const { response: page } = await unary(c.directory, 'ListOffices', { type: 'OFFICE_TYPE_REGIONAL_OFFICE', page_size: 3, page_token: token });
    check(page.offices.every((o) => o.type === 'OFFICE_TYPE_REGIONAL_OFFICE'), `type filter ignored: ${ids(page.offices)}`);
    seen.push(...ids(page.offices));
    pages += 1;
    token = page.next_page_token;
    total = page.total_size;
  } while (token);
  check(pages > 1, `expected several pages of 3, got ${pages}`);
  check(new Set(seen).size === seen.length && seen.length === total, `pages ${seen} vs total_size ${total}`);
  check(seen.includes('ro-cairo'), `ro-cairo missing from ${seen}`);
}

async function getUnit(c) {
  const { response: unit } = await unary(c.directory, 'GetUnit', { id: 'dhrr' });
  check(unit.id === 'dhrr' && unit.acronym === 'DHRR' && unit.child_count > 0, `unexpected unit: ${JSON.stringify(unit)}`);
}

async function listUnits(c) {
  const { response: page } = await unary(c.directory, 'ListUnits', { parent_id: 'dhrr' });
  check(page.units.length > 0 && page.units.every((u) => u.parent_unit_id === 'dhrr'),
    `children of dhrr: ${JSON.stringify(page.units.map((u) => [u.id, u.parent_unit_id]))}`);
}

async function getUnitPath(c) {
  const { response } = await unary(c.directory, 'GetUnitPath', { id: 'cbi-unit' });
  const path = response.path;
  check(path.length >= 2 && path[path.length - 1].id === 'cbi-unit' && path[0].parent_unit_id === '', `path not root-first: ${ids(path)}`);
  check(path.every((u, i) => i === 0 || u.parent_unit_id === path[i - 1].id), `broken path: ${ids(path)}`);
}

async function getSubtree(c) {
  const nodes = await collect(c.directory.GetSubtree({ id: 'dhrr' }, { deadline: deadline() }));
  check(nodes.length > 1 && nodes[0].unit.id === 'dhrr' && nodes[0].depth === 0, `first node: ${JSON.stringify(nodes[0])}`);
  check(nodes.slice(1).every((n) => n.depth >= 1), 'only the root has depth 0');
}

async function listMailboxes(c) {
  const { response: page } = await unary(c.directory, 'ListMailboxes', {});
  const addresses = page.mailboxes.map((m) => m.address);
  check(addresses.length === 5 && addresses.every((a) => a.includes('@iom.int')), `mailboxes: ${addresses}`);
}

async function listFocalPoints(c) {
  const { response: page } = await unary(c.directory, 'ListFocalPoints', { unit_id: 'dhrr' });
  const titles = page.focal_points.map((f) => f.role_title);
  check(titles.length === 6 && titles.every((t) => t.includes('RTS')), `focal points: ${titles}`);
}

async function listCommittees(c) {
  const { response } = await unary(c.directory, 'ListCommittees', {});
  check(response.committees.length > 0 && response.committees.every((m) => m.id && m.name), `committees: ${JSON.stringify(response.committees)}`);
}

async function resolveCountry(c) {
  for (const query of ['Soudan', 'SD']) {
    const { response } = await unary(c.directory, 'ResolveCountry', { country: query });
    check(response.country.code === 'SD', `'${query}' resolved to ${JSON.stringify(response.country)}`);
    check(response.regional_office.city === 'Cairo', `'${query}': regional office ${response.regional_office.id}`);
  }
}

async function resolveCountryAsOf(c) {
  const { response } = await unary(c.directory, 'ResolveCountry', { country: 'Argentina', as_of: asOf('2023-01-01') });
  check(response.regional_office.city === 'Buenos Aires', `Argentina in 2023: ${response.regional_office.id}`);
}

async function searchAccents(c) {
  const results = [];
  for (const query of ['trésorerie', 'tresorerie']) {
    const { response } = await unary(c.directory, 'SearchDirectory', { query });
    results.push(ids(response.hits));
  }
  check(results[0].length > 0, "no hits for 'trésorerie'");
  check(results[0].join() === results[1].join(), `accents change the hits: ${results[0]} vs ${results[1]}`);
}

module.exports = {
  'get-office': getOffice, 'list-offices-paged': listOfficesPaged, 'get-unit': getUnit, 'list-units': listUnits,
  'get-unit-path': getUnitPath, 'get-subtree': getSubtree, 'list-mailboxes': listMailboxes, 'list-focal-points': listFocalPoints,
  'list-committees': listCommittees, 'resolve-country': resolveCountry, 'resolve-country-as-of': resolveCountryAsOf,
  'search-accents': searchAccents,
};
