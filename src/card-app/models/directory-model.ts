// Where the passport can be used: the page's last copy of /offers.json, kept for offline use, and the carer's filters.

import { computed, createModel, signal } from '@preact/signals';
import { directoryAreas, filterDirectory, type DirectoryFilter } from '../../core/offers-directory.ts';
import type { Category } from '../../core/categories.ts';
import type { CardClient } from '../adapters/card-client.ts';
import type { CardStorage, HeldDirectory } from '../adapters/card-storage.ts';

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
    /** Fetches /offers.json when it changed (ETag); offline, the last copy stays. */
    async refresh() {
      const before = held.peek();
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
