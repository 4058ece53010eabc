// The admin page's printed cards (issue 9): each passport's "Card (PDF)" link and phone copy state, and the
// "Cards for a postal run" form, which posts JSON (as every admin change does) and saves the PDF it gets back.

import { escapeHtml as e } from './charts.ts';

export function cardLink(iss: string, jti: string): string {
  return `<a href="/admin/api/passports/${e(encodeURIComponent(iss))}/${e(encodeURIComponent(jti))}/card.pdf" download>Card (PDF)</a>`;
}

/** Only that a copy was collected and when: never anything about the phone (issue 9, point 5). */
export function phoneCopyWords(collectedOn: string | undefined): string {
  return collectedOn ? `phone copy collected ${e(collectedOn)}` : '';
}

export function postalRunSection(today: string): string {
  return `<section><h2>Cards for a postal run</h2>
<p>The passports issued or renewed on these days, each card followed by its letter with a new phone copy code.
Cancelled, suspended and expired passports are left out.</p>
<form id="postal-run"><label>From <input type="date" name="from" required value="${e(today)}"></label>
<label>To <input type="date" name="to" required value="${e(today)}"></label>
<label>Layout <select name="layout"><option value="id1">one card a page (card printer)</option><option value="a4">A4 sheets of 10</option></select></label>
<button>Download the PDF</button></form><div id="postal-run-result" class="result" aria-live="polite"></div></section>`;
}

export const POSTAL_RUN_SCRIPT = `
(() => {
  const form = document.getElementById('postal-run');
  if (!form) return;
  const out = document.getElementById('postal-run-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    out.textContent = 'Making the PDF (about a second for every 100 cards)...';
    out.classList.remove('error');
    try {
      const res = await fetch('/admin/api/cards/postal-run', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: form.from.value, to: form.to.value, layout: form.layout.value }) });
      if (!res.ok) {
        const data = await res.json().catch(() => ({}));
        throw new Error(data.message || ('The service answered ' + res.status));
      }
      const blob = await res.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'carers-passports-' + form.from.value + '-to-' + form.to.value + '.pdf';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      const skipped = Number(res.headers.get('x-cards-skipped') || 0);
      out.textContent = res.headers.get('x-cards') + ' cards saved.' + (skipped ? ' ' + skipped + ' left out (cancelled, suspended or expired).' : '');
    } catch (error) { out.textContent = error.message; out.classList.add('error'); }
  });
})();`;
