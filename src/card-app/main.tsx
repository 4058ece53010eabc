// Wires the browser adapters into the card page's models and renders it. The only file that knows the real browser.

import { signal } from '@preact/signals';
import { render } from 'preact';
import { requestPersistence } from '../app/adapters/device.ts';
import { keepAwake } from '../app/adapters/kiosk-screen.ts';
import { followLanguage, loadLanguage } from '../app/words.ts';
import { createCardClient } from './adapters/card-client.ts';
import { openCardStorage } from './adapters/card-storage.ts';
import { CardApp } from './CardApp.tsx';
import { codeFromHash } from './collection-link.ts';
import { DirectoryModel } from './models/directory-model.ts';
import { CardLanguageModel } from './models/language-model.ts';
import { WalletModel } from './models/wallet-model.ts';
import '../app/lang.css';
import './card.css';

const CHECK_EVERY_MS = 15 * 60_000;

async function start(): Promise<void> {
  // ask the browser not to clear the passport under storage pressure (granted to installed pages); a browser that
  // refuses IndexedDB altogether (some private modes) gets a memory store, and the page tells the carer
  void requestPersistence();
  const storage = await openCardStorage();
  const client = createCardClient();
  const wallet = new WalletModel({ storage, client });
  const directory = new DirectoryModel({ storage, client });
  const language = new CardLanguageModel(storage);
  // the card page's words only (src/i18n/parts.ts), in the carer's language (kept on this phone), beside the wallet
  await Promise.all([wallet.load(), directory.load(), language.load().then(() => loadLanguage(language.current.peek(), ['card']))]);
  // a carer's choice in the picker: its words, and the root's lang and dir, follow
  followLanguage(() => language.current.value);

  const clock = signal(Date.now());
  setInterval(() => (clock.value = Date.now()), 60_000);
  render(<CardApp wallet={wallet} directory={directory} language={language} clock={clock} keepAwake={keepAwake} />, document.getElementById('card')!);

  const openLink = async () => {
    const code = codeFromHash(location.hash);
    if (!code) return;
    const outcome = await wallet.openCode(code);
    // the code leaves the address bar (and the history) once it has done its work; offline, it stays to try again
    if (outcome.kind !== 'offline') history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  };
  await openLink();
  window.addEventListener('hashchange', () => void openLink());

  const check = (force = false) => {
    if (!navigator.onLine) return;
    void wallet.refreshDue(force);
    void directory.refresh();
  };
  check();
  window.addEventListener('online', () => check());
  setInterval(() => check(), CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());

  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('/card/sw.js', { scope: '/card/' }).catch(() => undefined);
  }
}

void start();
