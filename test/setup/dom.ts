import 'fake-indexeddb/auto';
import { loadLanguage } from '../../src/app/words.ts';
import { PARTS } from '../../src/i18n/parts.ts';

// components read their words from the chosen catalogue: English, every part (main.tsx loads the first part before
// the first render, and Settings and History load theirs when opened)
await loadLanguage('en-GB', PARTS);
