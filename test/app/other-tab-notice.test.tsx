// What a tab shows when another tab holds the database at another version: plain words, never a blank page.

import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtherTabNotice } from '../../src/app/components/OtherTabNotice.tsx';

afterEach(cleanup);

describe('OtherTabNotice', () => {
  it('tells staff the app was updated in another tab and reloads when they choose', () => {
    const reload = vi.fn();
    render(<OtherTabNotice kind="updated" reload={reload} />);
    expect(screen.getByRole('status').textContent).toBe('This app was updated in another tab. Reload to continue.');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('tells staff this tab waits for an older tab to close, with no button that could not help', () => {
    render(<OtherTabNotice kind="waiting" />);
    expect(screen.getByRole('status').textContent).toMatch(/open in another tab with an older version/);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
