// Loads a screen's code on first use, so the JavaScript before the first scan stays small.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../words.ts';

export function LazyScreen({ load }: { load: () => Promise<ComponentType> }) {
  const { t } = useT();
  const [Screen, setScreen] = useState<ComponentType | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void load().then((component) => live && setScreen(() => component));
    return () => {
      live = false;
    };
  }, [load]);
  return Screen ? <Screen /> : <p class="loading" role="status">{t('app.loading')}</p>;
}
