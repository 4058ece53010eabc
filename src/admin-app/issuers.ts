// The scheme's issuers and the kinds of carer each issues for (GET /admin/api/issuers), and their words on screen.

import type { Category } from '../core/categories.ts';
import { getJson } from './api.ts';

export type Issuer = { iss: string; name: string; cats: Category[] };

export function fetchIssuers(): Promise<Issuer[]> {
  return getJson<{ issuers: Issuer[] }>('/admin/api/issuers').then((answer) => answer.issuers);
}

// the staff app's English words (category.* in src/i18n/catalogues/en-GB.json; a test keeps them equal), not loaded
// from the catalogue: the admin page is English only and never loads the staff app's words
const CATEGORY_WORDS: Record<Category, string> = { adult: 'Adult carer', young: 'Young carer', 'young-adult': 'Young adult carer', parent: 'Parent carer' };

/** "Adult carer". */
export function categoryWords(cat: string): string {
  return CATEGORY_WORDS[cat as Category] ?? cat;
}

export function issuerName(issuers: readonly Issuer[] | undefined, iss: string): string {
  return issuers?.find((i) => i.iss === iss)?.name ?? iss;
}
