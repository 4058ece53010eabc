// Issue a passport: issuer, kind of carer (those the issuer issues for), the name on the card and, when the register
// numbers are the scheme's own, a number. Each field says what is wrong with it; the service's refusal lands on the
// field it is about. The issued passport shows its QR code, its card and the phone copy's collection code.

import { useState } from 'preact/hooks';
import { ApiError, sendJson } from '../api.ts';
import { categoryWords, type Issuer } from '../issuers.ts';
import type { PassportRow } from '../models/passport-list.ts';
import { Field } from './Field.tsx';
import { IssuedPassport, type Issued } from './IssuedPassport.tsx';
import { Notice, type NoticeState } from './Notice.tsx';

type IssueFields = { iss: string; cat: string; name: string; jti: string; email: string };
type FieldErrors = Partial<Record<keyof IssueFields, string>>;

const NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** The service's own check is the one that counts (src/server/collection/mailer.ts); this catches a slip early. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's own checks, before anything is sent. */
export function checkIssue(fields: IssueFields, issuers: readonly Issuer[]): FieldErrors {
  const errors: FieldErrors = {};
  const issuer = issuers.find((i) => i.iss === fields.iss);
  if (!issuer) errors.iss = 'Choose the issuer.';
  if (!fields.cat) errors.cat = 'Choose the kind of carer.';
  else if (issuer && !issuer.cats.includes(fields.cat as Issuer['cats'][number])) errors.cat = `${issuer.name} does not issue passports for this kind of carer.`;
  const name = fields.name.trim();
  if (name === '') errors.name = 'Enter the name to print on the card.';
  else if (name.length > 64) errors.name = 'The name is too long for the card: at most 64 characters.';
  if (fields.email !== '' && !EMAIL.test(fields.email.trim())) errors.email = 'Enter the email address like name@example.org, or leave it empty.';
  if (fields.jti !== '' && !NUMBER.test(fields.jti)) errors.jti = 'A passport number is capital letters, digits and dashes (at most 32), starting with a letter or digit.';
  return errors;
}

/** Which field a refusal from the service is about, from its field name or its words. */
export function fieldOfRefusal(error: ApiError): keyof IssueFields | undefined {
  const named = error.field?.replace(/^body\./, '');
  if (named === 'iss' || named === 'cat' || named === 'name' || named === 'jti' || named === 'email') return named;
  if (/category|kind of carer/i.test(error.message)) return 'cat';
  if (/passport number|already in the register|\bjti\b/i.test(error.message)) return 'jti';
  if (/issuer/i.test(error.message)) return 'iss';
  if (/name/i.test(error.message)) return 'name';
  return undefined;
}

type IssueFormProps = { issuers: readonly Issuer[]; mail: boolean; onIssued: (passport: PassportRow) => void };

export function IssueForm({ issuers, mail, onIssued }: IssueFormProps) {
  const first = issuers[0];
  const [fields, setFields] = useState<IssueFields>({ iss: first?.iss ?? '', cat: first?.cats[0] ?? '', name: '', jti: '', email: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(undefined);
  const [issued, setIssued] = useState<Issued | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const issuer = issuers.find((i) => i.iss === fields.iss);
  const set = (key: keyof IssueFields, value: string) => {
    const next = { ...fields, [key]: value };
    // a new issuer may not issue the kind chosen: take its first
    if (key === 'iss') next.cat = issuers.find((i) => i.iss === value)?.cats.includes(fields.cat as Issuer['cats'][number]) ? fields.cat : (issuers.find((i) => i.iss === value)?.cats[0] ?? '');
    setFields(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkIssue(fields, issuers);
    setErrors(found);
    setIssued(undefined);
    if (Object.keys(found).length > 0) {
      setNotice({ kind: 'problem', text: 'The passport is not issued: correct the fields marked below.' });
      return;
    }
    setBusy(true);
    try {
      const answer = await sendJson<Issued>('POST', '/admin/api/passports', {
        iss: fields.iss,
        cat: fields.cat,
        name: fields.name.trim(),
        ...(fields.jti ? { jti: fields.jti } : {}),
        ...(mail && fields.email.trim() ? { email: fields.email.trim() } : {}),
      });
      setIssued(answer);
      setNotice(undefined);
      setFields({ ...fields, name: '', jti: '', email: '' });
      onIssued(answer.passport);
    } catch (error) {
      const text = error instanceof ApiError ? error.message : 'Issuing did not work. Try again.';
      const field = error instanceof ApiError ? fieldOfRefusal(error) : undefined;
      setErrors(field ? { [field]: text } : {});
      setNotice({ kind: 'problem', text: `The passport is not issued. ${text}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="issue-heading">
      <h2 id="issue-heading">Issue a passport</h2>
      <Notice notice={notice} />
      <form class="filters" onSubmit={(event) => void submit(event)} noValidate>
        <Field id="issue-iss" label="Issuer" error={errors.iss}>
          <select value={fields.iss} onChange={(e) => set('iss', e.currentTarget.value)}>
            {issuers.map((i) => <option key={i.iss} value={i.iss}>{i.name}</option>)}
          </select>
        </Field>
        <Field id="issue-cat" label="Kind of carer" error={errors.cat}>
          <select value={fields.cat} onChange={(e) => set('cat', e.currentTarget.value)}>
            {(issuer?.cats ?? []).map((cat) => <option key={cat} value={cat}>{categoryWords(cat)}</option>)}
          </select>
        </Field>
        <Field id="issue-name" label="Name on the card" error={errors.name}>
          <input value={fields.name} onInput={(e) => set('name', e.currentTarget.value)} maxLength={80} autoComplete="off" spellcheck={false} />
        </Field>
        <Field id="issue-jti" label="Passport number (optional)" hint="Leave empty to have one made." error={errors.jti}>
          <input value={fields.jti} onInput={(e) => set('jti', e.currentTarget.value.toUpperCase())} maxLength={32} autoComplete="off" spellcheck={false} />
        </Field>
        {mail && (
          <Field id="issue-email" label="Email for the phone copy (optional)" hint="The collection link is sent there once; the address is not kept." error={errors.email}>
            <input type="email" value={fields.email} onInput={(e) => set('email', e.currentTarget.value)} maxLength={254} autoComplete="off" spellcheck={false} />
          </Field>
        )}
        <button class="primary" disabled={busy}>{busy ? 'Issuing…' : 'Issue passport'}</button>
      </form>
      {issued && <IssuedPassport issued={issued} />}
    </section>
  );
}
