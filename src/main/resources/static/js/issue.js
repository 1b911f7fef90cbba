// Checks the issue form against the KP rules as the authority types, by asking the server's
// rule engine (the same one that decides at issue), and shows each rule broken next to its field.
(function () {
  const form = document.getElementById('issue-form');
  if (!form) return;
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  const summary = document.getElementById('rule-summary');
  let timer = null;

  function show(result) {
    form.querySelectorAll('small.error, small.flag').forEach(function (el) { el.textContent = ''; });
    (result.violations || []).forEach(function (v) {
      const el = form.querySelector('small.error[data-field="' + v.field + '"]')
        || form.querySelector('small.error[data-field="' + v.field.split('.')[0] + '"]');
      if (el) el.textContent = (el.textContent ? el.textContent + '; ' : '') + v.rule + ': ' + v.message;
    });
    (result.flags || []).forEach(function (f) {
      const el = form.querySelector('small.flag[data-flag="' + f.field + '"]');
      if (el) el.textContent = f.rule + ' (flag): ' + f.message;
    });
    summary.textContent = result.valid
      ? (summary.dataset.met || 'All KP rules are met')
        + ((result.flags || []).length ? (summary.dataset.flags || ', with flags to review.') : '.')
      : (result.violations || []).length + ' ' + (summary.dataset.unmet || 'rule(s) not met yet.');
  }

  function check() {
    const body = new URLSearchParams(new FormData(form));
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
    if (token && header) headers[header.content] = token.content;
    fetch(form.action + '/validation', { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) { if (result) show(result); })
      .catch(function () { /* the server decides at submit anyway */ });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
  form.addEventListener('change', check);
})();
