// A part of the app loaded on first use (components/lazy.tsx): it says it is loading, then renders; a chunk the
// browser could not fetch (offline before the service worker had it) leaves the waiting words, and the next time the
// part is shown it is fetched again rather than failing for good.

import { render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { lazyComponent, Loading } from '../../src/app/components/lazy.tsx';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('a part loaded on first use', () => {
  test('says it is loading, then renders with its props; once loaded it renders at once', async () => {
    const Lazy = lazyComponent(async () => Greeting, Loading);
    const first = render(<Lazy name="Amara" />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByText('Hello Amara')).toBeTruthy();
    first.unmount();
    render(<Lazy name="Ben" />);
    expect(screen.getByText('Hello Ben')).toBeTruthy(); // no waiting the second time
  });

  test('a load that fails is tried again the next time the part is shown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn<() => Promise<typeof Greeting>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(Greeting);
    const Lazy = lazyComponent(load, Loading);
    const first = render(<Lazy name="Amara" />);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('a part of the app did not load', 'TypeError'));
    expect(screen.getByRole('status')).toBeTruthy(); // still waiting, no crash
    first.unmount();
    render(<Lazy name="Amara" />);
    expect(await screen.findByText('Hello Amara')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  test('preload fetches it ahead, so its first render needs no waiting', async () => {
    const Lazy = lazyComponent(async () => Greeting, Loading);
    await Lazy.preload();
    render(<Lazy name="Chen" />);
    expect(screen.getByText('Hello Chen')).toBeTruthy();
  });
});
