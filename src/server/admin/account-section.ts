// The admin page's "Your account": who is logged in, log out, change password, and the account's API tokens for
// scripts (made here, shown once). CSRF_SCRIPT runs before the page's other scripts: every change they send to this
// service carries the session's CSRF token from the page's meta tag, and a session that ended goes to the login.

import type { Account } from '../accounts/account-store.ts';
import { escapeHtml as e } from './charts.ts';

const ROLE_WORDS = { coordinator: 'scheme coordinator', issuer: 'issuer staff', partner: 'partner manager' } as const;

export function csrfMeta(csrfToken: string | undefined): string {
  return csrfToken ? `<meta name="csrf-token" content="${e(csrfToken)}">` : '';
}

export function accountSection(account: Account, csrfToken: string | undefined): string {
  const of = account.iss ?? account.partnerId;
  return `<section id="account" aria-labelledby="account-heading"><h2 id="account-heading">Your account</h2>
<p>Logged in as <strong>${e(account.name)}</strong>, ${ROLE_WORDS[account.role]}${of ? ` of <code>${e(of)}</code>` : ''}.</p>
${csrfToken ? `<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${e(csrfToken)}"><button>Log out</button></form>` : ''}
<details><summary>Change password</summary>
<form id="password-form"><label>Current password <input name="current" type="password" required autocomplete="current-password"></label>
<label>New password (at least 12 characters) <input name="password" type="password" required minlength="12" autocomplete="new-password"></label>
<label>New password again <input name="repeat" type="password" required minlength="12" autocomplete="new-password"></label>
<button>Change password</button></form><div id="password-result" class="result" aria-live="polite"></div></details>
<details><summary>API tokens</summary>
<p>A token lets a script use the admin API with this account's rights: HTTP Basic with the token id as user name and
the secret as password, or <code>Authorization: Bearer id.secret</code>. The secret is shown once.</p>
<form id="token-form"><label>What it is for <input name="label" required maxlength="80" autocomplete="off"></label> <button>Create token</button></form>
<div id="token-result" class="result" aria-live="polite"></div>
<table><thead><tr><th>Token</th><th>For</th><th>Created</th><th>Last used</th><th>State</th></tr></thead><tbody id="token-list"></tbody></table></details>
</section>`;
}

export const CSRF_SCRIPT = `
(() => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const token = meta ? meta.content : '';
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const options = init || {};
    const method = (options.method || 'GET').toUpperCase();
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.origin === location.origin && method !== 'GET' && method !== 'HEAD') {
      options.headers = Object.assign({}, options.headers, { 'x-csrf-token': token });
    }
    const res = await send(input, options);
    if (res.status === 401 && url.origin === location.origin) location.assign('/admin/login?out=idle');
    return res;
  };
})();`;

export const ACCOUNT_SCRIPT = `
(() => {
  const esc = (t) => String(t == null ? '' : t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const call = async (method, path, body) => {
    const res = await fetch(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || ('The service answered ' + res.status));
    return data;
  };
  const say = (el, html, isError) => { el.innerHTML = html; el.classList.toggle('error', !!isError); };
  const list = document.getElementById('token-list');
  const load = async () => {
    const data = await call('GET', '/admin/api/tokens');
    list.innerHTML = data.tokens.map((t) => '<tr><td><code>' + esc(t.id) + '</code></td><td>' + esc(t.label) + '</td><td>' + esc(t.createdAt) +
      '</td><td>' + esc(t.lastUsedAt || 'never') + '</td><td>' + (t.revokedAt ? 'revoked ' + esc(t.revokedAt) : '<button data-revoke-token="' + esc(t.id) + '">Revoke</button>') + '</td></tr>').join('') ||
      '<tr><td colspan="5" class="empty">No tokens yet.</td></tr>';
  };
  if (list) load().catch(() => {});
  const tokenForm = document.getElementById('token-form');
  if (tokenForm) tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('token-result');
    try {
      const t = await call('POST', '/admin/api/tokens', { label: tokenForm.label.value });
      say(out, '<p>Token <code>' + esc(t.id) + '</code> created. Copy it now: it is not shown again.</p><p>Bearer: <code>' + esc(t.token) +
        '</code></p><p>HTTP Basic: user name <code>' + esc(t.id) + '</code>, password <code>' + esc(t.secret) + '</code></p>');
      tokenForm.label.value = '';
      await load();
    } catch (error) { say(out, esc(error.message), true); }
  });
  if (list) list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-revoke-token]');
    if (!button || !confirm('Revoke token ' + button.dataset.revokeToken + '? Scripts using it will stop working.')) return;
    try { await call('POST', '/admin/api/tokens/' + encodeURIComponent(button.dataset.revokeToken) + '/revoke'); await load(); }
    catch (error) { say(document.getElementById('token-result'), esc(error.message), true); }
  });
  const passwordForm = document.getElementById('password-form');
  if (passwordForm) passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById('password-result');
    try {
      await call('POST', '/admin/api/account/password', { current: passwordForm.current.value, password: passwordForm.password.value, repeat: passwordForm.repeat.value });
      passwordForm.reset();
      say(out, '<p>Your password is changed. Your other logins have ended.</p>');
    } catch (error) { say(out, esc(error.message), true); }
  });
})();`;
