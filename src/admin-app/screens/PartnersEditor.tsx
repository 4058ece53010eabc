// Adds or edits a partner and its offers, and PUTs the whole profile to /admin/api/partners/:id. The core's
// readPartnerProfile checks the draft before it is sent (and the service checks it again with the same code); its
// one-line problem shows under the field it is about, and focus moves there.

import { useEffect, useRef, useState } from 'preact/hooks';
import { PARTNER_KINDS, PARTNER_KIND_WORDS, type PartnerKind, type PartnerProfile } from '../../core/index.ts';
import { ApiError, sendJson } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { PartnersOfferFields } from './PartnersOfferFields.tsx';
import { BLANK_OFFER, BLANK_PARTNER, removeAt, replaceAt, withOptional } from './partners-draft.ts';
import { placeOf, profileProblem, type ProfileField, type ProfileProblem } from './partners-problem.ts';

type Props = { saved: PartnerProfile | undefined; onSaved(profile: PartnerProfile): void };

export function PartnersEditor({ saved, onSaved }: Props) {
  const [draft, setDraft] = useState<PartnerProfile>(saved ?? BLANK_PARTNER);
  const [problem, setProblem] = useState<ProfileProblem | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const [focusTick, setFocusTick] = useState(0);
  const isNew = saved === undefined;

  useEffect(() => {
    if (focusTick === 0) return;
    // the field the problem is about, or the problem itself when it is about the whole form
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset.field--error .field__error, .notice--problem')?.focus();
  }, [focusTick]);

  const change = (next: PartnerProfile) => {
    setDraft(next);
    setStatus('');
    // once a save was tried, the problem follows the typing, so it goes away when it is mended
    if (tried) setProblem(profileProblem(next));
  };
  const field = (name: ProfileField) => (problem && 'profile' in problem.at && problem.at.profile === name ? problem.message : undefined);
  const text = (name: 'id' | 'name' | 'timeZone' | 'address' | 'area', label: string, hint?: string, max?: number) => (
    <Field id={`partner-${name}`} label={label} {...(hint ? { hint } : {})} error={field(name)}>
      <input
        value={draft[name] ?? ''}
        autoComplete="off"
        {...(max ? { maxLength: max } : {})}
        onInput={(e) => change(name === 'address' || name === 'area' ? withOptional(draft, name, e.currentTarget.value) : { ...draft, [name]: e.currentTarget.value })}
      />
    </Field>
  );

  const save = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const found = profileProblem(draft);
    setProblem(found);
    if (found) {
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await sendJson<{ profile: PartnerProfile }>('PUT', `/admin/api/partners/${encodeURIComponent(draft.id)}`, draft);
      setDraft(answer.profile);
      const n = answer.profile.offers.length;
      setStatus(`Saved ${answer.profile.name} with ${n} ${n === 1 ? 'offer' : 'offers'}. Its devices get the change at their next profile refresh.`);
      onSaved(answer.profile);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProblem({ message, at: error instanceof ApiError ? placeOf(message, draft) : { form: true } });
      setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const offerProblem = (i: number) => (problem && 'offer' in problem.at && problem.at.offer === i ? { field: problem.at.field, message: problem.message } : undefined);

  return (
    <form ref={form} class="partner-editor stack" onSubmit={(event) => void save(event)} noValidate aria-labelledby="partner-editor-heading">
      <h3 id="partner-editor-heading">{isNew ? 'Add a partner' : `Details and offers of ${saved.name}`}</h3>
      {isNew && text('id', 'Partner id', 'Lower-case letters, digits, dots or dashes. It never changes.')}
      {text('name', 'Name', undefined, 120)}
      <Field id="partner-kind" label="Kind of place" error={field('kind')}>
        <select value={draft.kind} onChange={(e) => change({ ...draft, kind: e.currentTarget.value as PartnerKind })}>
          {PARTNER_KINDS.map((k) => <option value={k}>{PARTNER_KIND_WORDS[k]}</option>)}
        </select>
      </Field>
      {text('address', 'Address', 'One line, as the offers directory prints it.', 160)}
      {text('area', 'Area', 'The offers directory groups and filters places by it.', 40)}
      {text('timeZone', 'Time zone', 'Hours, days and limits are counted in it, such as Europe/London.')}

      <h4>Offers</h4>
      {draft.offers.length === 0 && <p>No offers yet: staff can still check passports here.</p>}
      {draft.offers.map((offer, i) => (
        <PartnersOfferFields
          offer={offer}
          index={i}
          problem={offerProblem(i)}
          onChange={(next) => change({ ...draft, offers: replaceAt(draft.offers, i, next) })}
          onRemove={() => change({ ...draft, offers: removeAt(draft.offers, i) })}
        />
      ))}
      <button type="button" onClick={() => change({ ...draft, offers: [...draft.offers, BLANK_OFFER] })}>Add an offer</button>
      <Notice notice={problem ? { kind: 'problem', text: `Not saved: ${problem.message}` } : status ? { kind: 'done', text: status } : undefined} />
      <button class="primary" disabled={busy}>{isNew ? 'Add the partner' : 'Save'}</button>
    </form>
  );
}
