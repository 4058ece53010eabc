import type { Plugin } from 'vite';

/** Serves (dev) and emits (build) the demo trust data, signed fresh at start. Filled in by the app work. */
export function demoDataPlugin(): Plugin[] {
  return [];
}
