// The admin page's "Import the register" and "Renewals" sections and their small script (issue 10). Both call the
// admin JSON API (register/register-routes.ts), so the page and scripts change the register the same way.

export const REGISTER_SECTION = `
<section><h2>Import the register</h2>
<p>A CSV file with a header row: name, kind, number, issued, expires, issuer (and email). Check it first: nothing changes.</p>
<form id="import"><label>Register file <input type="file" name="file" accept=".csv,text/csv" required></label>
<button type="button" data-import="dry">Check (dry run)</button> <button type="button" data-import="real">Import</button></form>
<div id="imported" class="result" aria-live="polite"></div></section>

<section><h2>Renewals</h2>
<form id="renewals"><label>Expiring in the next <input name="within" type="number" min="0" max="3650" value="60" size="4"> days</label>
<label>or expired in the last <input name="expiredWithin" type="number" min="0" max="3650" value="30" size="4"> days</label>
<button>Show</button> <a id="renewals-csv" href="/admin/api/renewals?within=60&amp;expiredWithin=30&amp;format=csv">CSV for a mail-merge</a></form>
<div id="due" class="result" aria-live="polite"></div></section>`;

export const REGISTER_SCRIPT = `
(() => {
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const call = async (method, path, body) => {
    const res = await fetch(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || ('The service answered ' + res.status));
    return data;
  };
  const out = document.getElementById('imported');
  document.getElementById('import').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-import]');
    if (!button) return;
    const file = document.querySelector('#import input[type=file]').files[0];
    if (!file) { out.innerHTML = '<p class="error">Choose a CSV file first.</p>'; return; }
    const dry = button.dataset.import === 'dry';
    out.textContent = dry ? 'Checking...' : 'Importing...';
    try {
      const data = await call('POST', '/admin/api/passports/import' + (dry ? '?dryRun=1' : ''), { csv: await file.text() });
      out.innerHTML = '<p><strong>' + (dry ? 'Would import ' : 'Imported ') + data.imported + '</strong>, already present ' + data.alreadyPresent +
        ', refused ' + data.refused.length + (dry ? ' (dry run: nothing changed)' : '') + '.</p>' +
        (data.emailsIgnored ? '<p>The email column was ignored: this scheme keeps no emails.</p>' : '') +
        (data.refused.length ? '<table><thead><tr><th>Line</th><th>Why it was refused</th></tr></thead><tbody>' +
          data.refused.map((r) => '<tr><td>' + r.line + '</td><td>' + esc(r.reason) + '</td></tr>').join('') + '</tbody></table>' : '');
    } catch (error) { out.innerHTML = '<p class="error">' + esc(error.message) + '</p>'; }
  });

  const form = document.getElementById('renewals');
  const due = document.getElementById('due');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = 'within=' + encodeURIComponent(form.within.value) + '&expiredWithin=' + encodeURIComponent(form.expiredWithin.value);
    document.getElementById('renewals-csv').href = '/admin/api/renewals?' + query + '&format=csv';
    try {
      const data = await call('GET', '/admin/api/renewals?' + query);
      if (!data.passports.length) { due.innerHTML = '<p>None due.</p>'; return; }
      due.innerHTML = '<table><thead><tr><th><input type="checkbox" id="due-all" aria-label="Choose all"></th><th>Number</th><th>Name</th><th>Issuer</th><th>Expiry</th><th>Status</th></tr></thead><tbody>' +
        data.passports.map((p) => '<tr><td><input type="checkbox" data-due="' + esc(p.iss) + '/' + esc(p.jti) + '" aria-label="Renew ' + esc(p.jti) + '"></td><td><code>' + esc(p.jti) + '</code></td><td>' +
          esc(p.name || '(not kept)') + '</td><td>' + esc(p.issuerName) + '</td><td>' + esc(p.expiry) + '</td><td>' + esc(p.due) + (p.status === 'suspended' ? ', suspended' : '') + '</td></tr>').join('') +
        '</tbody></table><button type="button" id="renew-chosen">Renew the chosen for 3 years</button><div id="renewed" aria-live="polite"></div>';
    } catch (error) { due.innerHTML = '<p class="error">' + esc(error.message) + '</p>'; }
  });
  due.addEventListener('click', async (event) => {
    if (event.target.id === 'due-all') { due.querySelectorAll('[data-due]').forEach((box) => { box.checked = event.target.checked; }); return; }
    if (event.target.id !== 'renew-chosen') return;
    const passports = [...due.querySelectorAll('[data-due]:checked')].map((box) => { const [iss, jti] = box.dataset.due.split('/'); return { iss, jti }; });
    if (!passports.length) return;
    try {
      const data = await call('POST', '/admin/api/renewals/renew', { passports });
      document.getElementById('renewed').innerHTML = '<p>Renewed ' + data.renewed.length + '.</p>' +
        data.refused.map((r) => '<p class="error">' + esc(r.jti) + ': ' + esc(r.reason) + '</p>').join('');
    } catch (error) { document.getElementById('renewed').innerHTML = '<p class="error">' + esc(error.message) + '</p>'; }
  });
})();`;
