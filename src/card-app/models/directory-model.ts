// Where the passport can be used: the page's last copy of /offers.json, kept for offline use, and the carer's filters.
// Fetched at most every 6 hours, like the passport's refresh: opening the page at a till is not announced each time.

import { computed, createModel, signal } from '@preact/signals';
import { directoryAreas, filterDirectory, type DirectoryFilter } from '../../core/offers-directory.ts';
import type { Category } from '../../core/categories.ts';
import type { CardClient } from '../adapters/card-client.ts';
import type { CardStorage, HeldDirectory } from '../adapters/card-storage.ts';
import { REFRESH_EVERY_MS } from './wallet-model.ts';

export const DirectoryModel = createModel(({ storage, client, now = () => Date.now() }: { storage: CardStorage; client: CardClient; now?: () => number }) => {
  const held = signal<HeldDirectory | undefined>(undefined);
  const area = signal('');
  const carer = signal<Category | ''>('');
  const areas = computed(() => (held.value ? directoryAreas(held.value.directory) : []));
  const shown = computed(() => {
    if (!held.value) return [];
    const filter: DirectoryFilter = {};
    if (area.value) filter.area = area.value;
    if (carer.value) filter.category = carer.value;
    return filterDirectory(held.value.directory, filter);
  });

  return {
    held,
    area,
    carer,
    areas,
    shown,
    async load() {
      held.value = await storage.loadDirectory();
    },
    /** Fetches /offers.json when the copy is over 6 hours old (or `force`), with its ETag; offline, the copy stays. */
    async refresh(force = false) {
      const before = held.peek();
      if (!force && before && now() - before.fetchedAt < REFRESH_EVERY_MS) return;
      const result = await client.fetchDirectory(before?.etag);
      if (!result.ok) return;
      const next: HeldDirectory = 'unchanged' in result
        ? { ...(held.peek() ?? before!), fetchedAt: now() }
        : { directory: result.directory, ...(result.etag ? { etag: result.etag } : {}), fetchedAt: now() };
      if (!next.directory) return;
      held.value = next;
      await storage.saveDirectory(next);
    },
    setArea(value: string) {
      area.value = value;
    },
    setCarer(value: Category | '') {
      carer.value = value;
    },
  };
});

export type Directory = InstanceType<typeof DirectoryModel>;
