// The card page's language picker: folded behind the current language's name, each language named in itself; a
// choice switches the page's words, lang and dir, is kept in the page's own storage, and the next visit opens in it.
// In Urdu the issuer's phone number still reads left to right inside the sentence.

import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { followLanguage, loadLanguage } from '../../src/app/words.ts';
import { memoryCardStorage, passportKey } from '../../src/card-app/adapters/card-storage.ts';
import type { CardClient } from '../../src/card-app/adapters/card-client.ts';
import { CardApp } from '../../src/card-app/CardApp.tsx';
import { DirectoryModel } from '../../src/card-app/models/directory-model.ts';
import { CardLanguageModel } from '../../src/card-app/models/language-model.ts';
import { WalletModel } from '../../src/card-app/models/wallet-model.ts';
import { NOW_MS, passportOf } from './support/fake-scheme.ts';

const offline: CardClient = {
  collect: async () => ({ ok: false, kind: 'offline' }),
  refresh: async () => ({ ok: false, kind: 'offline' }),
  fetchDirectory: async () => ({ ok: false, kind: 'offline' }),
};
let stop = () => {};
afterEach(async () => {
  stop();
  cleanup();
  await loadLanguage('en-GB');
});

describe('the card page in the carer’s language', () => {
  it('switches to Urdu from the picker, keeps the choice on the phone, and opens in it next time', async () => {
    const storage = { ...memoryCardStorage(), kept: true };
    const { qrText: _none, ...cancelled } = passportOf('LLR-1002', 'Sam Patel', { status: 'revoked' });
    await storage.putPassport({ key: passportKey(cancelled), passport: cancelled, contact: { phone: '0116 123 4567' }, schemeName: 'Test Scheme', refreshToken: 'rt', collectedAt: NOW_MS, checkedAt: NOW_MS });
    const wallet = new WalletModel({ storage, client: offline, now: () => NOW_MS });
    await wallet.load();
    const language = new CardLanguageModel(storage);
    await language.load();
    stop = followLanguage(() => language.current.value);
    render(<CardApp wallet={wallet} directory={new DirectoryModel({ storage, client: offline })} language={language} clock={signal(NOW_MS)} keepAwake={() => () => {}} confirm={() => true} />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My Carers Passport');
    const options = screen.getAllByRole('button', { hidden: true }).filter((b) => b.classList.contains('language-picker__option'));
    expect(options.map((b) => b.getAttribute('lang'))).toEqual(['en-GB', 'gu', 'pa', 'ur', 'pl', 'so']);
    await act(async () => {
      fireEvent.click(options.find((b) => b.textContent === 'اردو')!);
    });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('میرا کیررز پاسپورٹ'));
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ur', 'rtl']);
    expect(await storage.loadLanguage()).toBe('ur');
    // the number is wrapped in a left-to-right isolate, so its groups of digits never swap places
    expect(screen.getByRole('alert').textContent).toContain('\u20660116 123 4567\u2069');

    const next = new CardLanguageModel(storage);
    await next.load();
    expect(next.current.value).toBe('ur');
  });
});
