// Parses ICU MessageFormat text into the ASTs the runtime formats (at build time for the pages, at start for the
// CLI and the server). Also names each message's arguments, so a test can hold every translation to English's.

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalogue, CompiledCatalogue, CompiledMessages } from './catalogue.ts';

// tags stay text: no message holds markup, and "<" in a translation must not change its meaning
const PARSE_OPTIONS = { ignoreTag: true, requiresOtherClause: true } as const;

export function parseMessage(text: string): MessageFormatElement[] {
  return parse(text, PARSE_OPTIONS);
}

/** Every message parsed; one with only text becomes that text (unescaped), the common case and the smallest. */
export function compileMessages(messages: Readonly<Record<string, string>>): CompiledMessages {
  const out: Record<string, string | MessageFormatElement[]> = {};
  for (const [key, text] of Object.entries(messages)) {
    const ast = parseMessage(text);
    const only = ast[0];
    out[key] = ast.length === 0 ? '' : ast.length === 1 && only?.type === TYPE.literal ? only.value : ast;
  }
  return out;
}

export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  return { meta: catalogue.meta, messages: compileMessages(catalogue.messages) };
}

/**
 * A message's arguments with how each is used, sorted: "count:plural", "period:select", "title:text". Plural and
 * select options are not compared (Polish has more plural forms than English), only the arguments they switch on.
 */
export function messageArguments(text: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          found.add(`${el.value}:text`);
          break;
        case TYPE.number:
          found.add(`${el.value}:number`);
          break;
        case TYPE.date:
        case TYPE.time:
          found.add(`${el.value}:date`);
          break;
        case TYPE.plural:
          found.add(`${el.value}:plural`);
          for (const option of Object.values(el.options)) visit(option.value);
          break;
        case TYPE.select:
          found.add(`${el.value}:select`);
          for (const option of Object.values(el.options)) visit(option.value);
          break;
        case TYPE.tag:
          visit(el.children);
          break;
        default:
          break;
      }
    }
  };
  visit(parseMessage(text));
  return [...found].sort();
}
