// A passport just issued or renewed: its QR code (the service's SVG, shown as an image), its number and dates, the
// printed card, and the phone copy's collection code, shown once: the page keeps none of it after it moves on.

import { downloadUrl } from '../api.ts';
import { categoryWords } from '../issuers.ts';
import type { PassportRow } from '../models/passport-list.ts';

export type Issued = {
  passport: PassportRow;
  qrSvg: string;
  collection?: { code: string; url: string; expires: number };
  email?: { sent: boolean; message?: string };
};

export const dayOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export function cardPdfUrl(iss: string, jti: string): string {
  return downloadUrl(`/admin/api/passports/${encodeURIComponent(iss)}/${encodeURIComponent(jti)}/card.pdf`);
}

export function IssuedPassport({ issued, verb = 'Issued' }: { issued: Issued; verb?: 'Issued' | 'Renewed' }) {
  const { passport, collection } = issued;
  return (
    <div class="notice notice--done issued" role="status">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(issued.qrSvg)}`} alt={`QR code of passport ${passport.jti}`} />
      <div>
        <h3>{verb} passport {passport.jti}</h3>
        <p>
          {passport.name ?? '(name not kept)'}, {categoryWords(passport.cat).toLowerCase()}, valid {dayOf(passport.nbf)} to {dayOf(passport.exp)}.
        </p>
        <p>
          <a href={cardPdfUrl(passport.iss, passport.jti)} download>Card (PDF) for {passport.jti}</a>
        </p>
        {collection && (
          <p>
            Phone copy: collection code <strong class="code">{collection.code}</strong> (once, until {dayOf(collection.expires)}), link <code>{collection.url}</code>.
            {issued.email && (issued.email.sent ? ' Emailed to the carer.' : ` ${issued.email.message ?? ''}`)}
          </p>
        )}
      </div>
    </div>
  );
}
