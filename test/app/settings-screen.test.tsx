// Settings (already unlocked): choosing a profile, editing an offer, the result screen options, trust data ages.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../src/app/screens/SettingsScreen.tsx';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Math.floor(Date.now() / 1000));
});
afterEach(cleanup);

describe('settings', () => {
  it('shows the trust data with its age in words', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    expect(screen.getByText(/^Trust list signed 1 hour ago\./)).toBeTruthy();
    expect(screen.getByText('Cancellation list for Test Carers Service updated 1 hour ago')).toBeTruthy();
  });

  it('switches the partner profile among the three demo profiles and keeps the choice', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'demo-ward' } });
    });
    await waitFor(() => expect(harness.settings.settings.value.profile.id).toBe('demo-ward'));
    expect(screen.getByText('Kind: Hospital ward')).toBeTruthy();
    expect(await harness.storage.loadSetting('app')).toMatchObject({ profile: { id: 'demo-ward' } });
  });

  it('edits an offer: a new title and a limit of 2 a week are saved; an empty title is refused plainly', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    const form = screen.getByRole('form', { name: 'Edit offer: 10% off' });
    const inForm = <T extends Element>(selector: string) => form.querySelector<T & HTMLElement>(selector)!;
    await act(async () => {
      fireEvent.input(inForm<HTMLInputElement>('input[id$="-title"]'), { target: { value: '' } });
    });
    await act(async () => {
      fireEvent.click(inForm('button[type=submit]'));
    });
    await waitFor(() => expect(form.textContent).toContain('Not saved: offer ten-percent-off needs a title.'));
    await act(async () => {
      fireEvent.input(inForm<HTMLInputElement>('input[id$="-title"]'), { target: { value: '15% off' } });
    });
    await act(async () => {
      fireEvent.input(inForm<HTMLInputElement>('input[id$="-count"]'), { target: { value: '2' } });
    });
    await act(async () => {
      fireEvent.change(inForm<HTMLSelectElement>('select[id$="-period"]'), { target: { value: 'week' } });
    });
    await act(async () => {
      fireEvent.click(inForm('button[type=submit]'));
    });
    await waitFor(() => expect(form.textContent).toContain('Offer saved.'));
    const offer = harness.settings.settings.value.profile.offers[0]!;
    expect(offer).toMatchObject({ title: '15% off', limit: { kind: 'per-period', count: 2, period: 'week' } });
  });

  it('turns the protected hours off for an offer', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    const form = screen.getByRole('form', { name: 'Edit offer: Protected shopping hour' });
    await act(async () => {
      fireEvent.click(form.querySelector('fieldset:last-of-type input[type=checkbox]')!);
    });
    await act(async () => {
      fireEvent.click(form.querySelector('button[type=submit]')!);
    });
    await waitFor(() => expect(harness.settings.settings.value.profile.offers[1]!.hours).toBeUndefined());
  });

  it('saves the clear-after time, sound and vibration', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Clear the result after (seconds)'), { target: { value: '45' } });
      fireEvent.click(screen.getByLabelText('Play a sound on a result'));
    });
    await waitFor(() => expect(harness.settings.settings.value).toMatchObject({ clearAfterSeconds: 45, sound: true, vibration: false }));
  });

  it('asks for persistent storage and says whether it was granted', async () => {
    const harness = await makeHarness(scheme);
    harness.wrap(<SettingsScreen />);
    await waitFor(() => expect(screen.getByText('The browser may clear records when space runs low.')).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ask to keep records' }));
    });
    await waitFor(() => expect(screen.getByText('Records are kept safe: the browser will not clear them on its own.')).toBeTruthy());
  });
});
