// The card page's shell: the notice of the latest collection, the switcher when the phone holds several passports,
// the chosen card, and where to use it.

import { useSignal, type ReadonlySignal } from '@preact/signals';
import { PassportCard } from './components/PassportCard.tsx';
import { useT } from '../app/words.ts';
import type { Translator } from '../i18n/translator.ts';
import { dateWords } from './card-words.ts';
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
  const { t } = useT();
  const tab = useSignal<'card' | 'offers'>('card');
  const held = wallet.selected.value;
  const all = wallet.passports.value;
  return (
    <>
      <header class="top">
        <h1>{t('card.appName')}</h1>
        <nav aria-label="Sections">
          <button type="button" aria-pressed={tab.value === 'card'} onClick={() => (tab.value = 'card')}>{t('card.tab.card')}</button>
          <button type="button" aria-pressed={tab.value === 'offers'} onClick={() => (tab.value = 'offers')}>{t('card.tab.offers')}</button>
        </nav>
      </header>
      <main>
        {!wallet.kept.value ? <p class="notice notice--warning" role="alert">{t('card.notKept')}</p> : null}
        <Notice notice={wallet.notice.value} onDismiss={() => wallet.dismissNotice()} />
        {tab.value === 'offers' ? (
          <OffersScreen directory={directory} nowMs={clock.value} />
        ) : (
          <>
            {all.length > 1 ? (
              <nav class="switcher" aria-label={t('card.choose')}>
                <ul>
                  {all.map((p) => (
                    <li key={p.key}>
                      <button type="button" aria-current={p.key === held?.key ? 'true' : undefined} onClick={() => wallet.select(p.key)}>
                        {t('card.passportFor', { name: p.passport.name, kind: t(`category.lower.${p.passport.cat}`) })}
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
                  if (confirm(t('card.removeConfirm'))) void wallet.remove(held.key);
                }}
              />
            ) : wallet.notice.value?.kind === 'collecting' ? null : (
              <p class="empty">{t('card.empty')}</p>
            )}
          </>
        )}
      </main>
    </>
  );
}

function Notice({ notice, onDismiss }: { notice: WalletNotice | undefined; onDismiss: () => void }) {
  if (!notice) return null;
  const words = useT();
  const [text, tone] = noticeWords(words, notice);
  return (
    <div class={`notice notice--${tone}`} role={tone === 'stop' ? 'alert' : 'status'}>
      <p>{text}</p>
      {notice.kind !== 'collecting' ? (
        <button type="button" class="link-button" onClick={onDismiss}>
          {words.t('card.ok')}
        </button>
      ) : null}
    </div>
  );
}

function noticeWords(words: Translator, notice: WalletNotice): [string, 'info' | 'warning' | 'stop'] {
  const { t } = words;
  switch (notice.kind) {
    case 'collecting':
      return [t('card.collecting'), 'info'];
    case 'collected':
      return [t('card.collected'), 'info'];
    case 'already-held':
      return [t('card.alreadyHeld'), 'info'];
    case 'refused':
      // the service's own words: "This link has already been used..."
      return [notice.message, 'stop'];
    case 'offline':
      return [t('card.offline'), 'warning'];
    case 'broken':
      return [t('card.broken'), 'stop'];
    case 'renewed':
      return [t('card.renewed', { date: dateWords(words, notice.exp) }), 'info'];
  }
}
