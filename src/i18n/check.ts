// What makes a catalogue usable beside English: every English key present (and no others), every message parsing,
// and each translation using the same arguments as English (names, and which are plural or select).

import type { Catalogue } from './catalogue.ts';
import { messageArguments, parseMessage } from './compile.ts';
import { LANGUAGES } from './languages.ts';

const REVIEW_STATES = ['source', 'draft', 'reviewed'];

/** The problems of one catalogue against English, one line each; none when it is usable. */
export function catalogueProblems(catalogue: Catalogue, english: Catalogue, fileLocale: string): string[] {
  const problems: string[] = [];
  const { meta } = catalogue;
  const language = LANGUAGES.find((l) => l.locale === meta?.locale);
  if (!language) problems.push(`meta.locale ${String(meta?.locale)} is not one of the languages in languages.ts`);
  if (meta?.locale !== fileLocale) problems.push(`meta.locale ${String(meta?.locale)} does not match the file name ${fileLocale}.json`);
  if (language && meta.dir !== language.dir) problems.push(`meta.dir ${String(meta.dir)} differs from languages.ts (${language.dir})`);
  if (language && meta.nativeName !== language.nativeName) problems.push(`meta.nativeName ${String(meta.nativeName)} differs from languages.ts (${language.nativeName})`);
  if (!REVIEW_STATES.includes(meta?.review?.state)) problems.push(`meta.review.state must be one of ${REVIEW_STATES.join(', ')}`);
  if (catalogue !== english && meta?.review?.state === 'source') problems.push('only English is the source: a translation is a draft or reviewed');

  const messages = catalogue.messages ?? {};
  for (const key of Object.keys(english.messages)) if (!(key in messages)) problems.push(`${key}: missing`);
  for (const [key, text] of Object.entries(messages)) {
    const source = english.messages[key];
    if (source === undefined) {
      problems.push(`${key}: not an English key`);
      continue;
    }
    if (typeof text !== 'string') {
      problems.push(`${key}: not text`);
      continue;
    }
    let args: string[];
    try {
      parseMessage(text);
      args = messageArguments(text);
    } catch (error) {
      problems.push(`${key}: does not parse (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const want = messageArguments(source);
    if (args.join(' ') !== want.join(' ')) problems.push(`${key}: placeholders {${args.join(', ')}} differ from English {${want.join(', ')}}`);
  }
  return problems;
}
