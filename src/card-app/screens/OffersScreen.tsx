// Where to use the passport, from the page's last copy of /offers.json: works offline; filters by area and kind of
// carer; today's hours marked in each partner's own time zone.

import { localTime } from '../../core/local-time.ts';
import { offerToday } from '../../core/offers-directory.ts';
import { CATEGORIES, type Category } from '../../core/categories.ts';
import { useT } from '../../app/words.ts';
import { directoryAllHours, directoryCategories, directoryDates, directoryToday } from '../../i18n/directory-words.ts';
import { calendarDate } from '../../i18n/offer-words.ts';
import type { Directory } from '../models/directory-model.ts';

export function OffersScreen({ directory, nowMs }: { directory: Directory; nowMs: number }) {
  const words = useT();
  const { t } = words;
  const held = directory.held.value;
  return (
    <section class="offers" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('card.offers.heading')}</h2>
      {!held ? (
        <p>{t('card.offers.none')}</p>
      ) : (
        <>
          <p>{t('card.offers.asOf', { date: calendarDate(words, held.directory.date) })}</p>
          <div class="filters">
            <label>
              {t('card.offers.area')}
              <select value={directory.area.value} onChange={(e) => directory.setArea(e.currentTarget.value)}>
                <option value="">{t('card.offers.allAreas')}</option>
                {directory.areas.value.map((a) => (
                  <option key={a} value={a}>{a}</option>
                ))}
              </select>
            </label>
            <label>
              {t('card.offers.carerKind')}
              <select value={directory.carer.value} onChange={(e) => directory.setCarer(e.currentTarget.value as Category | '')}>
                <option value="">{t('card.offers.everyCarer')}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>{t(`category.${c}`)}</option>
                ))}
              </select>
            </label>
          </div>
          {directory.shown.value.length === 0 ? <p role="status">{t('card.offers.noMatch')}</p> : null}
          {directory.shown.value.map((partner) => {
            const local = localTime(nowMs, partner.timeZone);
            return (
              <article key={partner.id} class="partner">
                <h3>{partner.name}</h3>
                <p class="partner__place">{[t(`directory.kind.${partner.kind}`), partner.address, partner.area].filter(Boolean).join(', ')}</p>
                <ul>
                  {partner.offers.map((offer) => {
                    const today = offerToday(offer, local);
                    const marked = today.today && today.hours.length > 0;
                    const dates = directoryDates(words, offer);
                    return (
                      <li key={offer.id} class={marked ? 'offer offer--today' : 'offer'}>
                        <h4>{offer.title}</h4>
                        {offer.description ? <p>{offer.description}</p> : null}
                        <p>{directoryCategories(words, offer.categories)}.</p>
                        <p>
                          {marked ? <strong>{directoryToday(words, today.hours)} </strong> : null}
                          {directoryAllHours(words, offer.hours)}.
                        </p>
                        {dates ? <p>{dates}.</p> : null}
                      </li>
                    );
                  })}
                </ul>
              </article>
            );
          })}
        </>
      )}
      <p>
        <a href="/offers">{t('card.offers.fullList')}</a>
      </p>
    </section>
  );
}
