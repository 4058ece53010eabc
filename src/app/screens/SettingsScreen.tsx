// Settings, behind the staff PIN: the app's language, partner profile and offers, the result screen, kiosk mode, the PIN itself,
// trust data and storage.

import { useEffect, useState } from 'preact/hooks';
import { EnrolmentPanel } from '../components/EnrolmentPanel.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { OfferEditor } from '../components/OfferEditor.tsx';
import { TrustPanel } from '../components/TrustPanel.tsx';
import { useModels } from '../models/context.ts';
import { DEMO_PROFILES } from '../partner-profiles.ts';
import { useT } from '../words.ts';

export function SettingsScreen() {
  const { t } = useT();
  const { settings: model, kiosk, navigation, sync } = useModels();
  // enrolled: the profile comes from the scheme service, so the demo choice is not offered (issue 4)
  const enrolled = sync?.enrolment.value !== undefined;
  const settings = model.settings.value;
  const { profile } = settings;

  return (
    <main class="page settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      <button
        type="button"
        onClick={() => {
          model.lock();
          navigation.go('scan');
        }}
      >
        {t('settings.lock')}
      </button>

      <LanguagePicker />

      <section class="settings__section" aria-labelledby="partner-heading">
        <h2 id="partner-heading">{t('settings.partner.section')}</h2>
        {enrolled ? (
          <p>{profile.name}</p>
        ) : (
          <>
            <label for="partner-profile">{t('settings.partner.choose')}</label>
            <select id="partner-profile" value={profile.id} onChange={(e) => void model.chooseProfile(e.currentTarget.value)}>
              {DEMO_PROFILES.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </>
        )}
        <p>
          {t('settings.partner.kind')}: {t(`partnerKind.${profile.kind}`)}
        </p>
        {profile.offers.map((offer) => (
          <details key={`${profile.id}/${offer.id}`} class="settings__offer">
            <summary>
              {t('settings.offer.edit')}: {offer.title}
            </summary>
            <OfferEditor offer={offer} onSave={model.saveOffer} />
          </details>
        ))}
      </section>

      <section class="settings__section" aria-labelledby="result-heading">
        <h2 id="result-heading">{t('settings.result.section')}</h2>
        <label for="clear-after">{t('settings.result.clearAfter')}</label>
        <input
          id="clear-after"
          type="number"
          min={5}
          max={300}
          value={settings.clearAfterSeconds}
          onChange={(e) => {
            const seconds = Number(e.currentTarget.value);
            if (Number.isFinite(seconds) && seconds >= 5 && seconds <= 300) void model.update({ clearAfterSeconds: Math.round(seconds) });
          }}
        />
        <label class="check">
          <input type="checkbox" checked={settings.sound} onChange={(e) => void model.update({ sound: e.currentTarget.checked })} />
          {t('settings.result.sound')}
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.vibration} onChange={(e) => void model.update({ vibration: e.currentTarget.checked })} />
          {t('settings.result.vibration')}
        </label>
      </section>

      <section class="settings__section" aria-labelledby="kiosk-heading">
        <h2 id="kiosk-heading">{t('settings.kiosk.section')}</h2>
        <p>{t('settings.kiosk.hint')}</p>
        <button
          type="button"
          onClick={() => {
            model.lock();
            navigation.go('scan');
            kiosk.enter();
          }}
        >
          {t('settings.kiosk.enter')}
        </button>
      </section>

      <PinChange />
      <EnrolmentPanel />
      <TrustPanel />
      <StoragePanel retentionDays={settings.retentionDays} />
    </main>
  );
}

function PinChange() {
  const { t } = useT();
  const { settings } = useModels();
  const [pin, setPin] = useState('');
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const change = async (event: Event) => {
    event.preventDefault();
    const ok = await settings.changePin(pin);
    setPin('');
    setOutcome(ok ? t('settings.pin.changed') : t('pin.tooShort'));
  };
  return (
    <section class="settings__section" aria-labelledby="pin-section-heading">
      <h2 id="pin-section-heading">{t('settings.pin.section')}</h2>
      <form onSubmit={change}>
        <label for="new-pin">{t('pin.new')}</label>
        <input id="new-pin" type="password" inputMode="numeric" autocomplete="new-password" value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
        <button type="submit">{t('settings.pin.change')}</button>
        {outcome && <p role="status">{outcome}</p>}
      </form>
    </section>
  );
}

function StoragePanel({ retentionDays }: { retentionDays: number }) {
  const { t } = useT();
  const { persistence } = useModels();
  const [state, setState] = useState<'granted' | 'not-granted' | 'unsupported' | undefined>(undefined);
  useEffect(() => void persistence.state().then(setState), [persistence]);
  const words = state === 'granted' ? t('settings.storage.persisted') : state === 'not-granted' ? t('settings.storage.notPersisted') : state === 'unsupported' ? t('settings.storage.unknown') : t('app.loading');
  return (
    <section class="settings__section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('settings.storage.section')}</h2>
      <p role="status">{words}</p>
      {state === 'not-granted' && (
        <button type="button" onClick={() => void persistence.request().then(setState)}>
          {t('settings.storage.ask')}
        </button>
      )}
      <p>{t('settings.retention', { days: retentionDays })}</p>
    </section>
  );
}
