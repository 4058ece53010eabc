// English (UK), the source catalogue, for the CLI and the server (Node): read and compiled when first imported.
// The pages never import this file: they load their one language through src/build/i18n-plugin.ts.

import catalogue from './catalogues/en-GB.json' with { type: 'json' };
import type { Catalogue } from './catalogue.ts';
import { compileCatalogue } from './compile.ts';
import { createTranslator, type Translator } from './translator.ts';

export const english: Translator = createTranslator(compileCatalogue(catalogue as Catalogue));
