// The shared half of the two peer directories the keystroke benchmark types into
// (tests/bench/keystrokes.mjs): the catalog the app reads, a search box, the first 50
// results, and counts by region, sector and platform over every match. Only the search
// engine differs between the pages, so the benchmark compares the engines and one plain,
// careful DOM rendering against the app.
//
//   /peers/minisearch.html?catalog=/site/synth/data/catalog.json&region=42
//
// `catalog` is a same-origin path (the demo catalog, /data/catalog.json, unless told);
// `region`, `sector` and `platform` are comma-separated filters, as in the app's address.

/** How many results are on screen at once, as many as the app's widest window. */
const SHOWN = 50;

/**
 * Loads the catalog, indexes it with `engine` and runs the page. `engine(texts)` gets
 * every organisation's searchable text, by position, and answers a function from a
 * non-empty query to the matching positions, best first.
 */
export async function start(engine, label) {
  const params = new URLSearchParams(location.search);
  const source = params.get('catalog') ?? '/data/catalog.json';
  // Same origin only: a path from the root, never `//host/…` or a full URL.
  if (!/^\/(?![/\\])/.test(source)) throw new Error(`catalog must be a path on this site: ${source}`);
  const status = document.querySelector('[data-testid="result-count"]');
  status.textContent = 'Загружаем каталог…';

  const catalog = await (await fetch(source)).json();
  const orgs = catalog.organizations;
  const started = performance.now();
  const search = engine(orgs.map(searchable), label);
  performance.measure('peer:index', { start: started });
  document.querySelector('[data-testid="catalog-size"]').textContent = `${orgs.length} организаций, ${label}`;

  const facets = {
    region: facet('region', 'Регион', catalog.regions.map((r) => [r.code, r.name])),
    sector: facet('sector', 'Сфера', catalog.sectors.map((s) => [s.id, s.name])),
    platform: facet('platform', 'Площадка', catalog.platforms.map((p) => [p.id, p.name])),
  };
  for (const [name, f] of Object.entries(facets)) {
    for (const value of (params.get(name) ?? '').split(',').filter(Boolean)) f.chosen.add(value);
  }
  // Each organisation's facet values as small numbers, so counting is array increments.
  const regionOf = orgs.map((o) => facets.region.index.get(o.region) ?? -1);
  const sectorOf = orgs.map((o) => facets.sector.index.get(o.sector) ?? -1);
  const platformsOf = orgs.map((o) => [...new Set(o.channels.map((c) => facets.platform.index.get(c.platform) ?? -1))]);
  const regionName = new Map(catalog.regions.map((r) => [r.code, r.name]));
  const sectorName = new Map(catalog.sectors.map((s) => [s.id, s.name]));
  const platformName = new Map(catalog.platforms.map((p) => [p.id, p.name]));
  const everyone = orgs.map((_, i) => i);

  const box = document.querySelector('input[name="q"]');
  const list = document.querySelector('.results');
  const render = () => {
    const query = box.value.trim();
    const matches = query ? search(query) : everyone;
    const chosen = (f) => (f.chosen.size ? [...f.chosen].map((v) => f.index.get(v)) : null);
    const [wantRegion, wantSector, wantPlatform] = [chosen(facets.region), chosen(facets.sector), chosen(facets.platform)];
    const counts = { region: facets.region.zero(), sector: facets.sector.zero(), platform: facets.platform.zero() };
    const shown = [];
    let total = 0;
    for (const m of matches) {
      // Each filter's counts are taken with the other filters applied, so a chosen value's
      // neighbours still say how many a wider choice would find.
      const r = !wantRegion || wantRegion.includes(regionOf[m]);
      const s = !wantSector || wantSector.includes(sectorOf[m]);
      const p = !wantPlatform || platformsOf[m].some((x) => wantPlatform.includes(x));
      if (s && p && regionOf[m] >= 0) counts.region[regionOf[m]] += 1;
      if (r && p && sectorOf[m] >= 0) counts.sector[sectorOf[m]] += 1;
      if (r && s) for (const x of platformsOf[m]) if (x >= 0) counts.platform[x] += 1;
      if (r && s && p) {
        total += 1;
        if (shown.length < SHOWN) shown.push(m);
      }
    }
    status.textContent = total ? `Найдено: ${total}` : 'Ничего не найдено';
    list.replaceChildren(...shown.map((m) => row(orgs[m])));
    for (const name of Object.keys(facets)) facets[name].show(counts[name]);
  };
  const row = (org) => {
    const li = element('li', { class: 'org', 'data-org-id': org.id });
    li.append(element('h3', { class: 'org__name' }, org.name));
    if (org.short_name) li.append(element('p', { class: 'org__short' }, org.short_name));
    const place = [org.municipality, regionName.get(org.region), sectorName.get(org.sector)].filter(Boolean).join(' · ');
    li.append(element('p', { class: 'org__place' }, place));
    const channels = element('ul', { class: 'org__channels' });
    for (const c of org.channels) {
      const item = element('li');
      item.append(element('a', { href: c.url, rel: 'noopener noreferrer' }, platformName.get(c.platform) ?? c.platform));
      channels.append(item);
    }
    li.append(channels);
    return li;
  };

  box.addEventListener('input', render);
  for (const f of Object.values(facets)) f.onChange = render;
  render();
  document.body.dataset.ready = 'true';
}

/** The text a peer searches: the fields the app's own search reads most. */
function searchable(org) {
  return [org.name, org.short_name ?? '', org.municipality ?? '', ...org.channels.map((c) => c.url)].join(' ');
}

/** One filter group: a checkbox per value, made once; a search only updates counts. */
function facet(name, title, values) {
  const group = element('fieldset', { class: 'facet', 'data-facet': name });
  group.append(element('legend', {}, title));
  const f = { chosen: new Set(), index: new Map(values.map(([value], i) => [value, i])), onChange: () => {} };
  const rows = values.map(([value, label]) => {
    const box = element('input', { type: 'checkbox', name, value });
    box.addEventListener('change', () => {
      if (box.checked) f.chosen.add(value);
      else f.chosen.delete(value);
      f.onChange();
    });
    const count = element('span', { class: 'facet__count' });
    const line = element('label', { class: 'facet__row' });
    line.append(box, ` ${label} `, count);
    group.append(line);
    return { value, line, box, count, shown: null };
  });
  document.querySelector('.filters').append(group);
  f.zero = () => new Array(values.length).fill(0);
  f.show = (counts) => {
    rows.forEach((r, i) => {
      r.box.checked = f.chosen.has(r.value);
      const text = String(counts[i]);
      if (r.count.textContent !== text) r.count.textContent = text;
      const hidden = counts[i] === 0 && !r.box.checked;
      if (r.line.hidden !== hidden) r.line.hidden = hidden;
    });
  };
  return f;
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
