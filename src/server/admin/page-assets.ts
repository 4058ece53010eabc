// The admin page's small stylesheet and vanilla script (inline: the page works without any build step).

export const ADMIN_STYLE = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#0b0c0c}header{background:#0b0c0c;color:#fff;padding:12px 24px}
h1{margin:0;font-size:1.4rem}.demo{margin:4px 0 0;color:#ffdd00}main{padding:0 24px 48px;max-width:1100px}
section{margin:28px 0}table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border-bottom:1px solid #ccc;padding:4px 6px;text-align:left}
label{margin-right:12px}input,select,button{font:inherit;padding:4px 8px}button{cursor:pointer}
.status-revoked{color:#d4351c;font-weight:bold}.status-suspended{color:#b35900;font-weight:bold}.status-valid{color:#00703c}
.result svg{width:260px;height:260px;display:block}.result{margin-top:8px}.error{color:#d4351c}
figure.chart{margin:16px 0}figcaption{font-weight:bold;margin-bottom:4px}article{border-top:1px solid #ddd;padding:8px 0}
code{font-size:.9em}.empty{color:#505a5f}`;

export const ADMIN_SCRIPT = `
(() => {
  const post = async (path, body) => {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || ('The service answered ' + res.status));
    return data;
  };
  const show = (el, html, isError) => { el.innerHTML = html; el.classList.toggle('error', !!isError); };
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  // issue 9: the phone copy's collection code, to read out or send; it is shown once and never kept by the page
  const collectionWords = (data) => {
    if (!data.collection) return '';
    const c = data.collection;
    const until = new Date(c.expires * 1000).toISOString().slice(0, 10);
    const mailed = data.email ? (data.email.sent ? ' Emailed to the carer.' : ' ' + esc(data.email.message)) : '';
    return '<p>Phone copy: code <strong>' + esc(c.code) + '</strong> (once, until ' + until + '), link <code>' + esc(c.url) + '</code>.' + mailed + '</p>';
  };

  const form = document.getElementById('issue');
  const fillCats = () => {
    const option = form.iss.selectedOptions[0];
    form.cat.innerHTML = (option ? option.dataset.cats.split(' ') : []).map((c) => '<option>' + esc(c) + '</option>').join('');
  };
  // partner managers' pages have no issue form
  if (form) form.iss.addEventListener('change', fillCats);
  if (form) fillCats();
  if (form) form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('issued');
    try {
      const body = { iss: form.iss.value, cat: form.cat.value, name: form.name.value };
      if (form.email && form.email.value) body.email = form.email.value;
      const data = await post('/admin/api/passports', body);
      const key = encodeURIComponent(data.passport.iss) + '/' + encodeURIComponent(data.passport.jti);
      show(out, '<p>Issued passport <code>' + esc(data.passport.jti) + '</code>. Print or show this code, or <a href="/admin/api/passports/' + key + '/card.pdf">download its card (PDF)</a>.</p>' + data.qrSvg + collectionWords(data));
      form.name.value = '';
      if (form.email) form.email.value = '';
    } catch (error) { show(out, esc(error.message), true); }
  });

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.act) {
      const out = document.getElementById('changed');
      if (button.dataset.act === 'revoke' && !confirm('Revoke passport ' + button.dataset.passport + '? This cannot be undone.')) return;
      try {
        const data = await post('/admin/api/passports/' + button.dataset.passport + '/' + button.dataset.act);
        if (data.qrSvg) show(out, '<p>Renewed <code>' + esc(data.passport.jti) + '</code>: the new card.</p>' + data.qrSvg + collectionWords(data));
        else location.reload();
      } catch (error) { show(out, esc(error.message), true); }
    } else if (button.dataset.enrol) {
      const out = document.querySelector('[data-enrol-result="' + button.dataset.enrol + '"]');
      try {
        const data = await post('/admin/api/partners/' + encodeURIComponent(button.dataset.enrol) + '/enrolment-codes');
        show(out, '<p>Scan this with the device to enrol, in Settings. It works once, until ' + esc(data.expiresAt) + '.</p>' + data.qrSvg +
          '<details><summary>Code to paste</summary><textarea readonly rows="4" cols="60">' + esc(data.code) + '</textarea></details>');
      } catch (error) { show(out, esc(error.message), true); }
    } else if (button.dataset.revokeDevice) {
      if (!confirm('Remove this device? It will no longer be able to upload.')) return;
      try { await post('/admin/api/devices/' + encodeURIComponent(button.dataset.revokeDevice) + '/revoke'); location.reload(); }
      catch (error) { alert(error.message); }
    }
  });
})();`;
