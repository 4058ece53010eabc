// What the carer reads on the card page (happy-dom): the QR and details while valid, plain words when suspended or
// cancelled (and no QR), how to renew in the last 60 days, the switcher for several passports, storage refused.

import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardClient } from '../../src/card-app/adapters/card-client.ts';
import type { CardCopyPassport } from '../../src/core/card-copy.ts';
import { memoryCardStorage, passportKey, type CardStorage } from '../../src/card-app/adapters/card-storage.ts';
import { CardApp } from '../../src/card-app/CardApp.tsx';
import { qrPath } from '../../src/card-app/components/QrCode.tsx';
import { DirectoryModel } from '../../src/card-app/models/directory-model.ts';
import { CardLanguageModel } from '../../src/card-app/models/language-model.ts';
import { WalletModel } from '../../src/card-app/models/wallet-model.ts';
import { NOW_MS, passportOf } from './support/fake-scheme.ts';

afterEach(cleanup);

const offline: CardClient = {
  collect: async () => ({ ok: false, kind: 'offline' }),
  refresh: async () => ({ ok: false, kind: 'offline' }),
  fetchDirectory: async () => ({ ok: false, kind: 'offline' }),
};
const contact = { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm' };

/** The text as read: without the invisible marks that keep a phone number left to right in a right-to-left sentence. */
const visible = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

/** A phone whose browser keeps data (the memory store stands in for IndexedDB here). */
const keptStorage = (): CardStorage => ({ ...memoryCardStorage(), kept: true });

async function show(passports: CardCopyPassport[], storage: CardStorage = keptStorage()) {
  for (const passport of passports) {
    await storage.putPassport({ key: passportKey(passport), passport, contact, schemeName: 'Test Scheme', refreshToken: 'rt', collectedAt: NOW_MS, checkedAt: NOW_MS });
  }
  const wallet = new WalletModel({ storage, client: offline, now: () => NOW_MS });
  const directory = new DirectoryModel({ storage, client: offline });
  await wallet.load();
  const release = vi.fn();
  const keepAwake = vi.fn(() => release);
  render(<CardApp wallet={wallet} directory={directory} language={new CardLanguageModel(storage)} clock={signal(NOW_MS)} keepAwake={keepAwake} confirm={() => true} />);
  return { wallet, keepAwake, release };
}

describe('the card page', () => {
  it('shows the QR large with the details and the issuer\'s contact, and keeps the screen awake', async () => {
    const { keepAwake } = await show([passportOf('LLR-1001', 'Dev Begum')]);
    expect(screen.getByRole('img', { name: 'QR code of passport LLR-1001' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Dev Begum' })).toBeTruthy();
    expect(document.body.textContent).toContain('Parent carer');
    expect(document.body.textContent).toContain('Test Carers Service');
    expect(document.body.textContent).toContain('LLR-1001');
    expect(document.body.textContent).toMatch(/turn your screen brightness up/);
    expect(screen.getByRole('link', { name: '0116 123 4567' }).getAttribute('href')).toBe('tel:01161234567');
    expect(keepAwake).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).not.toMatch(/not be kept/);
  });

  it('says plainly when a passport was cancelled, with whom to contact, and offers no QR', async () => {
    const { qrText: _none, ...cancelled } = passportOf('LLR-1002', 'Sam Patel', { status: 'revoked' });
    const { keepAwake } = await show([cancelled]);
    expect(screen.getByRole('alert').textContent).toContain('This passport was cancelled.');
    expect(visible(screen.getByRole('alert').textContent)).toContain('Contact Test Carers Service: phone 0116 123 4567 (Monday to Friday, 9am to 5pm).');
    expect(screen.queryByRole('img')).toBeNull();
    expect(keepAwake).not.toHaveBeenCalled();
  });

  it('says a suspended passport is on hold, without a QR', async () => {
    const { qrText: _none, ...held } = passportOf('LLR-1003', 'Kim Ng', { status: 'suspended' });
    await show([held]);
    expect(screen.getByRole('alert').textContent).toMatch(/on hold/);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('tells how to renew in the last 60 days, QR still shown', async () => {
    await show([passportOf('LLR-1004', 'Chris Lee', { exp: NOW_MS / 1000 + 20 * 86_400 })]);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toMatch(/Your passport ends on 4 February 2027 \(in 20 days\)/);
    expect(visible(notice.textContent)).toMatch(/To renew it, contact Test Carers Service: phone 0116 123 4567/);
    expect(screen.getByRole('img', { name: /QR code/ })).toBeTruthy();
  });

  it('lists several passports and switches between them', async () => {
    await show([passportOf('LLR-2001', 'Amira Khan', { cat: 'parent' }), passportOf('LLR-2002', 'Amira Khan', { cat: 'adult' })]);
    const nav = screen.getByRole('navigation', { name: 'Passports on this phone' });
    expect(nav.querySelectorAll('button')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Amira Khan, adult carer' }));
    expect(await screen.findByRole('img', { name: 'QR code of passport LLR-2002' })).toBeTruthy();
  });

  it('says the passport will not be kept when storage is refused', async () => {
    const storage = memoryCardStorage();
    await show([], storage);
    expect(screen.getByRole('alert').textContent).toMatch(/will not be kept after you close this page/);
    expect(document.body.textContent).toMatch(/Open the link in your letter or email/);
  });
});

describe('the QR', () => {
  it('is the printed card\'s symbol: a 4-module quiet zone, and numeric digits keep it small', () => {
    const { size, d } = qrPath(`CP1:/${'1234567890'.repeat(60)}`);
    expect(d.startsWith('M4 4h7')).toBe(true); // the finder pattern's top row, inside the quiet zone
    // 600 digits after the byte-mode prefix fit version 12 at level M (65 modules), plus 8 for the quiet zone
    expect(size).toBe(65 + 8);
  });
});
