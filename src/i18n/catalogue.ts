// What a catalogue file holds (catalogues/<locale>.json) and the shape it takes once compiled for the runtime.
// English (en-GB) is the source: its keys are the keys of every other catalogue.

import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type english from './catalogues/en-GB.json';
import type { Locale, TextDirection } from './languages.ts';

/** Every message key, as English has it: a key missing from en-GB.json fails the type check where it is used. */
export type MessageKey = keyof (typeof english)['messages'];

/** source: English itself; draft: a translation not yet checked by the scheme's interpreters; reviewed: checked. */
export type ReviewState = 'source' | 'draft' | 'reviewed';

export type CatalogueMeta = {
  locale: Locale;
  name: string;
  nativeName: string;
  dir: TextDirection;
  review: { state: ReviewState; note: string };
};

/** A catalogue as written: ICU MessageFormat text by key. */
export type Catalogue = { meta: CatalogueMeta; messages: Record<string, string> };

/**
 * A catalogue as the runtime takes it: each message parsed at build time (so the page ships no parser), a message
 * with no argument kept as its plain text.
 */
export type CompiledMessages = Readonly<Record<string, string | MessageFormatElement[]>>;

export type CompiledCatalogue = { meta: CatalogueMeta; messages: CompiledMessages };
