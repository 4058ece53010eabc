import 'fake-indexeddb/auto';
import { loadLanguage } from '../../src/app/words.ts';

// components read their words from the chosen catalogue: English, as main.tsx loads it before the first render
await loadLanguage('en-GB');
