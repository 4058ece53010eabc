// The message catalogues for the pages (issue 12, point 2): each src/i18n/catalogues/<locale>.json becomes its own
// chunk of precompiled messages, loaded only when that language is chosen; and intl-messageformat's import of the
// ICU parser is pointed at the parser's no-parser build, since every message arrives parsed (formatjs documents
// this alias for bundle size). The CLI and the server read the JSON themselves (src/i18n/english.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Catalogue, RuntimeCatalogue } from '../i18n/catalogue.ts';
import { compileCatalogue } from '../i18n/compile.ts';
import { PARTS, partsOf, type Part } from '../i18n/parts.ts';

export const CATALOGUE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../i18n/catalogues');
const INDEX_ID = 'virtual:carers-passport/catalogues';
const ONE_ID = 'virtual:carers-passport/catalogue/';
const PARSER = '@formatjs/icu-messageformat-parser';

export function cataloguesPresent(): string[] {
  return readdirSync(CATALOGUE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * `parts`: the parts of the catalogue a page's build may load (the staff app never loads the card page's, and the
 * reverse); the dev server and the tests, which serve every page from one config, get them all.
 */
export function i18nPlugin(parts: readonly Part[] = PARTS): Plugin {
  const require = createRequire(import.meta.url);
  let noParser: string | undefined;
  let shipped = parts;
  return {
    name: 'carers-passport-i18n',
    enforce: 'pre',
    configResolved(config) {
      if (config.command !== 'build') shipped = PARTS;
    },
    resolveId(source, importer) {
      if (source === INDEX_ID) return `\0${INDEX_ID}`;
      if (source.startsWith(ONE_ID)) return `\0${source}`;
      // only intl-messageformat's own import: compile.ts (build time, Node) keeps the real parser
      if (source === PARSER && importer && /[\\/]intl-messageformat[\\/]/.test(importer)) {
        noParser ??= join(dirname(require.resolve(PARSER)), 'no-parser.js');
        return noParser;
      }
      return undefined;
    },
    load(id) {
      if (id === `\0${INDEX_ID}`) {
        // one dynamic import a language and part, so each is its own chunk and only what is needed is fetched
        const entries = cataloguesPresent().map((locale) => {
          const loaders = shipped.map((part) => `${JSON.stringify(part)}: () => import(${JSON.stringify(`${ONE_ID}${locale}/${part}`)}).then((m) => m.default)`);
          return `${JSON.stringify(locale)}: { ${loaders.join(', ')} }`;
        });
        return `export default {\n${entries.join(',\n')}\n};\n`;
      }
      if (id.startsWith(`\0${ONE_ID}`)) {
        const [locale, part] = id.slice(`\0${ONE_ID}`.length).split('/') as [string, Part];
        const file = join(CATALOGUE_DIR, `${locale}.json`);
        this.addWatchFile(file);
        const { meta, messages } = compileCatalogue(JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
        const inPart = Object.fromEntries(Object.entries(messages).filter(([key]) => partsOf(key).includes(part)));
        // the page needs only the language and its direction of the meta block (no locations in the ASTs either)
        const shipped: RuntimeCatalogue = { meta: { locale: meta.locale, dir: meta.dir }, messages: inPart };
        return `export default ${JSON.stringify(shipped)};\n`;
      }
      return undefined;
    },
  };
}
