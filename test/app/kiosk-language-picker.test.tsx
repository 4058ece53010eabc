// The kiosk's language picker as a visitor uses it: each language named in itself with its own `lang`, the chosen one
// pressed; choosing Urdu turns the page right to left and is kept on the device; the picker is not behind the verdict,
// and once the verdict clears the next person finds the ward's language.

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { followLanguage, loadLanguage } from '../../src/app/words.ts';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';
import { makeHarness } from './support/harness.tsx';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
let stop = () => {};
afterEach(async () => {
  stop();
  cleanup();
  await loadLanguage('en-GB');
});

describe('the kiosk language picker', () => {
  it('names each language in itself, switches the kiosk to Urdu right to left, and keeps the choice on the device', async () => {
    const harness = await makeHarness(scheme);
    harness.kiosk.enter(false);
    stop = followLanguage(() => (harness.kiosk.active.value ? harness.kioskLanguage.current.value : harness.settings.settings.value.language));
    harness.wrap(<App />);
    const group = screen.getByRole('group', { name: 'Language' });
    const options = within(group).getAllByRole('button');
    expect(options.map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([
      ['English', 'en-GB'],
      ['ગુજરાતી', 'gu'],
      ['ਪੰਜਾਬੀ', 'pa'],
      ['اردو', 'ur'],
      ['Polski', 'pl'],
      ['Soomaali', 'so'],
    ]);
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await act(async () => {
      fireEvent.click(within(group).getByRole('button', { name: 'اردو' }));
    });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ur');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('اپنے پاسپورٹ کا QR کوڈ کیمرے کے سامنے رکھیں');
    expect(screen.getByRole('group', { name: 'زبان' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'اردو' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect(await harness.storage.loadSetting('kiosk-language')).toBe('ur'));
  });

  it('is not shown under a verdict, and the ward language returns when the verdict clears', async () => {
    const harness = await makeHarness(scheme);
    harness.kiosk.enter(false);
    stop = followLanguage(() => (harness.kiosk.active.value ? harness.kioskLanguage.current.value : harness.settings.settings.value.language));
    harness.wrap(<App />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Polski' }));
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('pl'));
    await act(async () => {
      await harness.verdict.scan(await scheme.passport());
    });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ważny'));
    expect(screen.queryByRole('group', { name: 'Język' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Gotowe' }));
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('en-GB'));
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await harness.storage.loadSetting('kiosk-language')).toBe('');
  });
});

describe('the kiosk language across a restart', () => {
  it('a kiosk that restarts mid-visit comes back in the visitor’s language; a staff device does not', async () => {
    const first = await makeHarness(scheme);
    first.kiosk.enter(false);
    first.kioskLanguage.choose('gu');
    await waitFor(async () => expect(await first.storage.loadSetting('kiosk-language')).toBe('gu'));
    await waitFor(async () => expect(await first.storage.loadSetting('app')).toMatchObject({ kiosk: true }));

    // the same device starts again (main.tsx makes the models, then resumes kiosk mode)
    const again = await makeHarness(scheme, { storage: first.storage });
    again.kiosk.enter(false);
    expect(again.kioskLanguage.current.value).toBe('gu');

    // staff leave kiosk mode: the choice is dropped, and a restart as a staff device shows the staff language
    expect(await again.kiosk.leave('1234')).toBe(true);
    const staff = await makeHarness(scheme, { storage: first.storage });
    expect(staff.kioskLanguage.visitor.value).toBeUndefined();
  });
});
