// Loads a screen's code on first use, so the JavaScript before the first scan stays small.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { M } from '../messages.ts';

export function LazyScreen({ load }: { load: () => Promise<ComponentType> }) {
  const [Screen, setScreen] = useState<ComponentType | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void load().then((component) => live && setScreen(() => component));
    return () => {
      live = false;
    };
  }, [load]);
  return Screen ? <Screen /> : <p class="loading" role="status">{M.loading}</p>;
}
