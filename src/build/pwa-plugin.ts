import type { PluginOption } from 'vite';

/** The service worker and web manifest. Filled in by the PWA work. */
export function pwaPlugin(): PluginOption[] {
  return [];
}
