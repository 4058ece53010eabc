// The scheme's issuers and the kinds of carer each issues for (GET /admin/api/issuers), and their words on screen.

import { CATEGORY_WORDS } from '../app/messages.ts';
import type { Category } from '../core/categories.ts';
import { getJson } from './api.ts';

export type Issuer = { iss: string; name: string; cats: Category[] };

export function fetchIssuers(): Promise<Issuer[]> {
  return getJson<{ issuers: Issuer[] }>('/admin/api/issuers').then((answer) => answer.issuers);
}

/** "Adult carer". */
export function categoryWords(cat: string): string {
  return CATEGORY_WORDS[cat as Category] ?? cat;
}

export function issuerName(issuers: readonly Issuer[] | undefined, iss: string): string {
  return issuers?.find((i) => i.iss === iss)?.name ?? iss;
}
