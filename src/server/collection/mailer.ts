// The collection link by email (issue 9, point 2), when the scheme sets SMTP_URL and MAIL_FROM: plain text and HTML,
// no tracking, no images or anything else fetched from elsewhere. The address is used for this one message and
// neither stored nor logged.

import nodemailer from 'nodemailer';
import type { CollectionOffer, IssuerContact } from '../../core/index.ts';
import { escapeHtml as e } from '../admin/charts.ts';

export type MailSettings = { smtpUrl: string; from: string };

export type CollectionEmail = { to: string; offer: CollectionOffer; schemeName: string; issuerName: string; contact?: IssuerContact };

export type Mailer = { sendCollectionLink(mail: CollectionEmail): Promise<void>; close(): void };

/** A plain address: one @, no spaces or angle brackets (nodemailer would otherwise read "a <b>" as a display name). */
export const EMAIL_PATTERN = '^[^\\s@<>(),;:"\\[\\]]{1,64}@[^\\s@<>(),;:"\\[\\]]{1,190}\\.[^\\s@<>(),;:"\\[\\].]{2,63}$';

export function createMailer(settings: MailSettings): Mailer {
  // no logger and no debug: the SMTP dialogue names the recipient
  // (SMTP_URL's query may carry nodemailer's options, e.g. smtp://host:25/?ignoreTLS=true for a local relay)
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, logger: false, debug: false });
  return {
    async sendCollectionLink(mail) {
      const { text, html } = collectionEmail(mail);
      await transport.sendMail({ from: settings.from, to: mail.to, subject: `Your ${mail.schemeName} on your phone`, text, html });
    },
    close: () => transport.close(),
  };
}

/** The message's words; exported for tests. */
export function collectionEmail(mail: CollectionEmail): { text: string; html: string } {
  const { offer, schemeName, issuerName, contact } = mail;
  const expires = new Date(offer.expires * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const contactLines = [contact?.phone && `Phone: ${contact.phone}`, contact?.hours && `Hours: ${contact.hours}`, contact?.web && `Web: ${contact.web}`].filter((l): l is string => Boolean(l));
  const text = [
    `Your ${schemeName} from ${issuerName} can be kept on your phone.`,
    '',
    'Open this link on your phone to collect it:',
    offer.url,
    '',
    `If the link does not open, go to the address without "#code=..." and type this code: ${offer.code}`,
    `The link and code work once, until ${expires}.`,
    '',
    'After that the passport works on your phone without signal. Show it at a till like the printed card.',
    '',
    ...(contactLines.length ? [`Questions? Contact ${issuerName}:`, ...contactLines] : [`Questions? Contact ${issuerName}.`]),
    '',
    'If you did not expect this email, you can ignore it.',
  ].join('\n');
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${e(schemeName)}</title></head>
<body style="font-family:sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">
<p>Your ${e(schemeName)} from ${e(issuerName)} can be kept on your phone.</p>
<p><a href="${e(offer.url)}">Open your passport on this phone</a></p>
<p>If the link does not open, type this code on the page: <strong style="font-size:20px;letter-spacing:2px">${e(offer.code)}</strong></p>
<p>The link and code work once, until ${e(expires)}.</p>
<p>After that the passport works on your phone without signal. Show it at a till like the printed card.</p>
<p>Questions? Contact ${e(issuerName)}${contactLines.length ? `:<br>${contactLines.map(e).join('<br>')}` : '.'}</p>
<p>If you did not expect this email, you can ignore it.</p>
</body></html>`;
  return { text, html };
}
