// Code loaded on first use, so the JavaScript before the first verdict stays small (issues 12 and 13): screens and
// panels staff open rarely, or that only some partners show. Once loaded a part renders at once, with no flash;
// `preload` fetches it ahead when the device is known to need it (a kiosk that restarts, a ward's stay panel).

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../words.ts';

export type LazyComponent<P extends object> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, Waiting: ComponentType = Nothing): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next render tries again (a chunk the browser could not fetch this time)
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [, setLoaded] = useState(loaded !== undefined);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setLoaded(true),
        (error: unknown) => console.warn('a part of the app did not load', (error as Error)?.name),
      );
      return () => {
        live = false;
      };
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : <Waiting />;
  }
  return Object.assign(Lazy, { preload });
}

function Nothing() {
  return null;
}

/** Said while a screen's code loads (a moment, from the service worker's cache). */
export function Loading() {
  const { t } = useT();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
