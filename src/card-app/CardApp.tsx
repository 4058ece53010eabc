// The card page's shell: the notice of the latest collection, the switcher when the phone holds several passports,
// the chosen card, and where to use it.

import { useSignal, type ReadonlySignal } from '@preact/signals';
import { PassportCard } from './components/PassportCard.tsx';
import { CATEGORY_WORDS, WORDS, dateWords } from './messages.ts';
import type { Directory } from './models/directory-model.ts';
import type { Wallet, WalletNotice } from './models/wallet-model.ts';
import { OffersScreen } from './screens/OffersScreen.tsx';

export type CardAppProps = {
  wallet: Wallet;
  directory: Directory;
  clock: ReadonlySignal<number>;
  keepAwake: () => () => void;
  confirm?: (question: string) => boolean;
};

export function CardApp({ wallet, directory, clock, keepAwake, confirm = (q) => window.confirm(q) }: CardAppProps) {
  const tab = useSignal<'card' | 'offers'>('card');
  const held = wallet.selected.value;
  const all = wallet.passports.value;
  return (
    <>
      <header class="top">
        <h1>{WORDS.appName}</h1>
        <nav aria-label="Sections">
          <button type="button" aria-pressed={tab.value === 'card'} onClick={() => (tab.value = 'card')}>{WORDS.tabCard}</button>
          <button type="button" aria-pressed={tab.value === 'offers'} onClick={() => (tab.value = 'offers')}>{WORDS.tabOffers}</button>
        </nav>
      </header>
      <main>
        {!wallet.kept.value ? <p class="notice notice--warning" role="alert">{WORDS.notKept}</p> : null}
        <Notice notice={wallet.notice.value} onDismiss={() => wallet.dismissNotice()} />
        {tab.value === 'offers' ? (
          <OffersScreen directory={directory} nowMs={clock.value} />
        ) : (
          <>
            {all.length > 1 ? (
              <nav class="switcher" aria-label={WORDS.choose}>
                <ul>
                  {all.map((p) => (
                    <li key={p.key}>
                      <button type="button" aria-current={p.key === held?.key ? 'true' : undefined} onClick={() => wallet.select(p.key)}>
                        {WORDS.passportFor(p.passport.name, CATEGORY_WORDS[p.passport.cat])}
                      </button>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {held ? (
              <PassportCard
                key={held.key}
                held={held}
                nowMs={clock.value}
                keepAwake={keepAwake}
                onRemove={() => {
                  if (confirm(WORDS.removeConfirm)) void wallet.remove(held.key);
                }}
              />
            ) : wallet.notice.value?.kind === 'collecting' ? null : (
              <p class="empty">{WORDS.empty}</p>
            )}
          </>
        )}
      </main>
    </>
  );
}

function Notice({ notice, onDismiss }: { notice: WalletNotice | undefined; onDismiss: () => void }) {
  if (!notice) return null;
  const [text, tone] = noticeWords(notice);
  return (
    <div class={`notice notice--${tone}`} role={tone === 'stop' ? 'alert' : 'status'}>
      <p>{text}</p>
      {notice.kind !== 'collecting' ? (
        <button type="button" class="link-button" onClick={onDismiss}>
          OK
        </button>
      ) : null}
    </div>
  );
}

function noticeWords(notice: WalletNotice): [string, 'info' | 'warning' | 'stop'] {
  switch (notice.kind) {
    case 'collecting':
      return [WORDS.collecting, 'info'];
    case 'collected':
      return [WORDS.collected, 'info'];
    case 'already-held':
      return [WORDS.alreadyHeld, 'info'];
    case 'refused':
      // the service's own words: "This link has already been used..."
      return [notice.message, 'stop'];
    case 'offline':
      return [WORDS.offline, 'warning'];
    case 'broken':
      return [WORDS.broken, 'stop'];
    case 'renewed':
      return [WORDS.renewed(dateWords(notice.exp)), 'info'];
  }
}
