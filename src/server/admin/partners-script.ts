// The small script of the admin page's partners section (partners-section.ts): collects an editor into the core's
// PartnerProfile shape, starting from the saved profile so fields it does not show are kept, PUTs it, and shows the
// core's one-line problem beside the form; adds and removes offers and hours; runs the preview.

export const PARTNERS_SCRIPT = `
(() => {
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const copy = (id) => document.getElementById(id).content.firstElementChild.cloneNode(true);
  const named = (form, name) => form.querySelector('[name="' + name + '"]');
  const field = (scope, name) => scope.querySelector('[data-field="' + name + '"]');
  const setOptional = (target, key, value) => { if (value === undefined || value === '') delete target[key]; else target[key] = value; };

  const readOffer = (set) => {
    const offer = JSON.parse(set.dataset.original || '{}');
    offer.id = field(set, 'id').value.trim();
    offer.title = field(set, 'title').value.trim();
    offer.description = field(set, 'description').value.trim();
    offer.kind = field(set, 'kind').value;
    offer.categories = [...set.querySelectorAll('[data-category]:checked')].map((box) => box.dataset.category);
    offer.limit = field(set, 'limit').value === 'unlimited' ? { kind: 'unlimited' }
      : { kind: 'per-period', count: Number(field(set, 'count').value), period: field(set, 'period').value };
    const hours = [...set.querySelectorAll('[data-hours-row]')].map((row) => ({
      days: [...row.querySelectorAll('[data-day]:checked')].map((box) => Number(box.dataset.day)),
      from: row.querySelector('[data-from]').value.trim(),
      to: row.querySelector('[data-to]').value.trim(),
    }));
    setOptional(offer, 'hours', hours.length ? hours : undefined);
    setOptional(offer, 'startDate', field(set, 'startDate').value);
    setOptional(offer, 'endDate', field(set, 'endDate').value);
    const label = field(set, 'referenceLabel').value.trim();
    setOptional(offer, 'reference', label ? { label, required: field(set, 'referenceRequired').checked } : undefined);
    set.querySelectorAll('[data-flag]').forEach((box) => setOptional(offer, box.dataset.flag, box.checked ? true : undefined));
    return offer;
  };

  const readProfile = (form) => {
    const profile = JSON.parse(form.dataset.profile || '{}');
    profile.id = named(form, 'id').value.trim();
    profile.name = named(form, 'name').value.trim();
    profile.kind = named(form, 'kind').value;
    profile.timeZone = named(form, 'timeZone').value.trim();
    setOptional(profile, 'address', named(form, 'address').value.trim());
    setOptional(profile, 'area', named(form, 'area').value.trim());
    profile.offers = [...form.querySelectorAll('[data-offer]')].map(readOffer);
    return profile;
  };

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.hasAttribute('data-add-offer')) {
      const offer = copy('offer-template');
      button.closest('form').querySelector('[data-offers]').append(offer);
      offer.querySelector('input').focus();
    } else if (button.hasAttribute('data-remove-offer')) {
      const form = button.closest('form');
      button.closest('[data-offer]').remove();
      form.querySelector('[data-add-offer]').focus();
    } else if (button.hasAttribute('data-add-hours')) {
      const row = copy('hours-template');
      button.closest('fieldset').querySelector('[data-hours]').append(row);
      row.querySelector('input').focus();
    } else if (button.hasAttribute('data-remove-hours')) {
      const set = button.closest('fieldset');
      button.closest('[data-hours-row]').remove();
      set.querySelector('[data-add-hours]').focus();
    }
  });

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (form.classList.contains('partner-form')) {
      event.preventDefault();
      const problem = form.querySelector('[data-problem]');
      const saved = form.querySelector('[data-saved]');
      problem.textContent = '';
      saved.textContent = '';
      const profile = readProfile(form);
      if (!profile.id) { problem.textContent = 'The partner needs an id.'; return; }
      try {
        const res = await fetch('/admin/api/partners/' + encodeURIComponent(profile.id), {
          method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) });
        const data = await res.json().catch(() => ({}));
        if (!res.ok) { problem.textContent = data.message || ('The service answered ' + res.status); return; }
        form.dataset.profile = JSON.stringify(data.profile);
        saved.textContent = 'Saved ' + data.profile.offers.length + (data.profile.offers.length === 1 ? ' offer' : ' offers') + '. Devices get the change at their next profile refresh.';
        if (named(form, 'id').type !== 'hidden') setTimeout(() => location.reload(), 800);
      } catch (error) { problem.textContent = error.message; }
    } else if (form.dataset.preview) {
      event.preventDefault();
      const out = form.querySelector('[data-preview-result]');
      const at = named(form, 'at').value ? '&at=' + encodeURIComponent(new Date(named(form, 'at').value).toISOString()) : '';
      try {
        const res = await fetch('/admin/api/partners/' + encodeURIComponent(form.dataset.preview) + '/preview?cat=' + encodeURIComponent(named(form, 'cat').value) + at);
        const data = await res.json().catch(() => ({}));
        if (!res.ok) throw new Error(data.message || ('The service answered ' + res.status));
        out.classList.remove('error');
        out.innerHTML = '<p>At ' + esc(data.localTime) + ':</p>' + (data.offers.length ? '<table><thead><tr><th>Offer</th><th>Applies?</th><th>Why not / limit</th></tr></thead><tbody>' +
          data.offers.map((o) => '<tr><td>' + esc(o.title) + '</td><td>' + (o.applies ? 'Yes' : '<strong>No</strong>') + '</td><td>' + esc(o.applies ? o.limit : o.why) + '</td></tr>').join('') +
          '</tbody></table>' : '<p>This partner has no offers.</p>');
      } catch (error) { out.textContent = error.message; out.classList.add('error'); }
    }
  });
})();`;
