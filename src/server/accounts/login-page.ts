// GET /admin/login: the admin's login form, server-rendered, no script; the same look as the admin page.

import { escapeHtml as e } from '../admin/charts.ts';
import { ADMIN_STYLE } from '../admin/page-assets.ts';

export type LoginPageState = { name?: string; error?: string; notice?: string; demo?: boolean };

export function renderLoginPage(state: LoginPageState = {}): string {
  const message = state.error
    ? `<div class="problem" role="alert" id="login-problem"><h2>You are not logged in</h2><p>${e(state.error)}</p></div>`
    : state.notice
      ? `<p class="notice" role="status">${e(state.notice)}</p>`
      : '';
  const describedBy = state.error ? ' aria-describedby="login-problem"' : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${state.error ? 'Error: ' : ''}Log in: Carers Passport scheme admin</title><style>${ADMIN_STYLE}
.login{max-width:28rem}.login label{display:block;margin:16px 0 4px;font-weight:bold}.login input{width:100%;box-sizing:border-box}
.login button{margin-top:20px}.problem{border:4px solid #d4351c;padding:8px 16px;margin:16px 0}.problem h2{margin:0;font-size:1.1rem}
.notice{border-left:6px solid #00703c;padding:8px 16px}.login h1{margin:24px 0 8px}.title{margin:0;font-size:1.4rem;font-weight:bold}</style></head>
<body><header><p class="title">Carers Passport: scheme admin</p>${state.demo ? '<p class="demo">Demo scheme: the accounts and passwords are printed when the service starts.</p>' : ''}</header>
<main class="login"><h1>Log in</h1>
${message}
<form method="post" action="/admin/login">
<label for="name">Account name</label>
<input id="name" name="name" required maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false" value="${e(state.name ?? '')}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" required maxlength="256" autocomplete="current-password"${describedBy}>
<button>Log in</button>
</form>
<p>You will be logged out after 30 minutes without using the page. Forgotten your password? Ask the scheme coordinator.</p>
</main></body></html>`;
}
