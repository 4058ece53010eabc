// The update model (issue 12 point 1), built by createModels with a fake service worker: a waiting version is
// offered when nobody is busy, put off for the session on "Later", and applied only when staff say so.

import { waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});

describe('a new version of the app', () => {
  it('is offered once it waits, and applied only on the go-ahead', async () => {
    const harness = await makeHarness(scheme);
    expect(harness.update.offered.value).toBe(false);
    harness.fakeUpdates.arrive();
    expect(harness.update.offered.value).toBe(true);
    expect(harness.fakeUpdates.applied).toBe(0);
    harness.update.apply();
    expect(harness.fakeUpdates.applied).toBe(1);
    expect(harness.update.offered.value).toBe(false);
    harness.update.apply(); // nothing waits any more
    expect(harness.fakeUpdates.applied).toBe(1);
  });

  it('waits while a verdict is on screen, and is offered once it clears', async () => {
    const harness = await makeHarness(scheme);
    await harness.verdict.scan(await scheme.passport());
    harness.fakeUpdates.arrive();
    expect(harness.update.available.value).toBe(true);
    expect(harness.update.offered.value).toBe(false);
    harness.verdict.clear();
    await waitFor(() => expect(harness.update.offered.value).toBe(true));
  });

  it('"Later" puts it away for this session', async () => {
    const harness = await makeHarness(scheme);
    harness.fakeUpdates.arrive();
    harness.update.putOff();
    expect(harness.update.offered.value).toBe(false);
    expect(harness.update.available.value).toBe(true);
  });
});
