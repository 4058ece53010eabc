// Issue 12, point 3: staff choose the app's language in Settings, each language named in itself; the choice is kept,
// and the page's `lang` and `dir` follow the language whose words are on screen.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../src/app/screens/SettingsScreen.tsx';
import { followLanguage, loadLanguage } from '../../src/app/words.ts';
import { LANGUAGES, type Locale } from '../../src/i18n/languages.ts';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Math.floor(Date.now() / 1000));
});
afterEach(async () => {
  cleanup();
  await loadLanguage('en-GB');
});

describe('the language setting', () => {
  it('starts as English and offers the six languages, each named in itself and marked with its language', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    const picker = screen.getByLabelText<HTMLSelectElement>('Language of this app');
    expect(picker.value).toBe('en-GB');
    const options = [...picker.options].map((o) => [o.textContent, o.lang, o.dir]);
    expect(options).toEqual([
      ['English', 'en-GB', 'ltr'],
      ['ગુજરાતી', 'gu', 'ltr'],
      ['ਪੰਜਾਬੀ', 'pa', 'ltr'],
      ['اردو', 'ur', 'rtl'],
      ['Polski', 'pl', 'ltr'],
      ['Soomaali', 'so', 'ltr'],
    ]);
    expect(LANGUAGES).toHaveLength(6);
  });

  it('keeps the chosen language on the device', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language of this app'), { target: { value: 'pl' } });
    });
    await waitFor(() => expect(harness.settings.settings.value.language).toBe('pl'));
    expect(await harness.storage.loadSetting('app')).toMatchObject({ language: 'pl' });
  });

  it('a stored language that is not one of the six reads as no choice, so English stands', async () => {
    const harness = await makeHarness(scheme);
    await harness.storage.saveSetting('app', { language: 'xx' as Locale });
    await harness.settings.load();
    expect(harness.settings.settings.value.language).toBe('en-GB');
  });

  it("sets the page's lang and dir from the words on screen", async () => {
    const root = document.createElement('html');
    const chosen = signal<Locale>('en-GB');
    const stop = followLanguage(() => chosen.value, root);
    await waitFor(() => expect([root.lang, root.dir]).toEqual(['en-GB', 'ltr']));
    stop();
  });
});
