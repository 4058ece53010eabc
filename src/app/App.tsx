// The shell: a top bar with the partner's name and the staff screens, and whichever screen is open. The verdict
// covers everything while it is shown; kiosk mode replaces the whole shell.

import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { lazyComponent, Loading } from './components/lazy.tsx';
import { SyncStatus } from './components/SyncStatus.tsx';
import { CheckFailed } from './components/CheckFailed.tsx';
import { ClockWarning } from './components/ClockWarning.tsx';
import { TrustFreshness } from './components/TrustFreshness.tsx';
import { useModels } from './models/context.ts';
import type { ScreenName } from './models/navigation-model.ts';
import { ScanScreen } from './screens/ScanScreen.tsx';
import { VerdictScreen } from './screens/VerdictScreen.tsx';
import { needWords, useT } from './words.ts';

// loaded on first use, with their words: staff open them rarely, and the first scan should not wait for them
const HistoryScreen = lazyComponent(() => Promise.all([import('./screens/HistoryScreen.tsx'), needWords('staff-later')]).then(([m]) => m.HistoryScreen), Loading);
const SettingsScreen = lazyComponent(
  () => Promise.all([import('./screens/SettingsScreen.tsx'), needWords('staff-later'), needWords('staff-extra')]).then(([m]) => m.SettingsScreen),
  Loading,
);
export const SettingsLock = lazyComponent(() => Promise.all([import('./screens/SettingsLock.tsx'), needWords('staff-extra')]).then(([m]) => m.SettingsLock), Loading);
/** The kiosk's code: main.tsx loads it before the first render on a device that is a kiosk. */
export const KioskScreen = lazyComponent(() => Promise.all([import('./screens/KioskScreen.tsx'), needWords('staff-extra')]).then(([m]) => m.KioskScreen), Loading);

const NAV: { screen: ScreenName; label: 'nav.scan' | 'nav.history' | 'nav.settings' }[] = [
  { screen: 'scan', label: 'nav.scan' },
  { screen: 'history', label: 'nav.history' },
  { screen: 'settings', label: 'nav.settings' },
];

export function App() {
  const { t } = useT();
  const { kiosk, navigation, settings, verdict } = useModels();
  if (kiosk.active.value) return <KioskScreen />;
  const shown = verdict.shown.value;
  const screen = navigation.screen.value;

  return (
    <>
      <header class="topbar">
        <p class="topbar__brand">{t('app.name')}</p>
        <p class="topbar__partner">{settings.settings.value.profile.name}</p>
        <SyncStatus />
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.screen}>
                <button type="button" aria-current={screen === item.screen ? 'page' : undefined} onClick={() => navigation.go(item.screen)}>
                  {t(item.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ClockWarning />
      {screen === 'scan' &&
        (shown ? (
          <VerdictScreen mode="staff" />
        ) : (
          <ScanScreen mode="staff" freshness={<><TrustFreshness /><CheckFailed /></>} />
        ))}
      {screen === 'history' && <HistoryScreen />}
      {screen === 'settings' && (settings.unlocked.value ? <SettingsScreen /> : <SettingsLock />)}
      <UpdatePrompt />
    </>
  );
}
