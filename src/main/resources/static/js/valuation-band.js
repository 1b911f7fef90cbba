// KP-11 hint on the certificate form: the plausibility band of USD per carat for the chosen
// origin and exporter (GET /console/valuation/bands), and for each line whether its declared value
// per carat lies in it. The words come from the page (message bundles) in data attributes.
(function () {
  const hint = document.getElementById('kp11-band');
  const form = document.getElementById('issue-form');
  if (!hint || !form) return;
  let band = null;
  let timer = null;

  function fill(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (m, i) { return values[+i] == null ? '' : values[+i]; });
  }
  function value(name) {
    const el = form.querySelector('[name="' + name + '"]');
    return el ? el.value.trim() : '';
  }
  function exporterParticipant() {
    const select = form.querySelector('select[name="exporter"]');
    const option = select && select.selectedOptions[0];
    return option ? (option.getAttribute('data-participant') || '') : '';
  }
  function query() {
    const exporter = exporterParticipant();
    const kind = value('originKind');
    const countries = value('originCountries').toUpperCase().split(/[\s,]+/).filter(Boolean);
    const single = kind === 'single' && countries.length === 1;
    const origin = single ? countries[0] : 'mixed';
    const flow = single && origin === exporter ? 'producer' : 'trading';
    const params = new URLSearchParams({ origin: origin, flow: flow, on: value('issuedOn') });
    if (exporter) params.set('exporter', exporter);
    return (single || kind !== 'single') && value('issuedOn') ? params : null;
  }
  function lines() {
    const rows = form.querySelectorAll('table.lines tbody tr');
    rows.forEach(function (row, i) {
      const out = form.querySelector('small.band[data-band-line="' + i + '"]');
      if (!out) return;
      const carats = parseFloat((row.querySelector('[name="carats"]') || {}).value);
      const usd = parseFloat((row.querySelector('[name="valueUsd"]') || {}).value);
      if (!band || !band.found || !(carats > 0) || !(usd >= 0)) { out.textContent = ''; return; }
      const perCarat = Math.round((usd / carats) * 100) / 100;
      const inside = perCarat >= parseFloat(band.lowUsdPerCarat) && perCarat <= parseFloat(band.highUsdPerCarat);
      out.textContent = fill(hint.dataset[inside ? 'within' : 'outside'], [perCarat.toFixed(2)]);
    });
  }
  function lookUp() {
    const params = query();
    if (!params) { band = null; hint.textContent = ''; lines(); return; }
    hint.textContent = hint.dataset.label + ': ' + hint.dataset.loading;
    fetch(hint.dataset.url + '?' + params.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (b) {
        band = b;
        if (!b) { hint.textContent = ''; }
        else if (b.found) {
          hint.textContent = hint.dataset.label + ': ' + fill(hint.dataset.range,
            [b.lowUsdPerCarat, b.highUsdPerCarat, b.centreUsdPerCarat, b.explanation]);
        } else {
          hint.textContent = hint.dataset.label + ': ' + fill(hint.dataset.none, [b.reason]);
        }
        lines();
      })
      .catch(function () { band = null; hint.textContent = ''; lines(); });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 300);
  }
  ['exporter', 'originKind', 'originCountries', 'issuedOn'].forEach(function (name) {
    const el = form.querySelector('[name="' + name + '"]');
    if (el) { el.addEventListener('change', later); el.addEventListener('input', later); }
  });
  form.querySelectorAll('[name="carats"], [name="valueUsd"]').forEach(function (el) {
    el.addEventListener('input', lines);
  });
  lookUp();
})();
