// Page content compressed as each page is finished: Node's zlib (native) is several times faster than the pako that
// pdf-lib runs at save, and the page's operator objects can be collected at once instead of living until the save.

import { deflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFPage } from 'pdf-lib';

/** A stream of PDF content, compressed now (FlateDecode). */
export function deflatedStream(context: PDFContext, content: string | Uint8Array, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' } as never);
}

/** Call once nothing more is drawn on the page: later drawing on it would be lost. */
export function sealPage(page: PDFPage): void {
  const { context } = page.doc;
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  for (const ref of refs) {
    if (!(ref instanceof PDFRef)) continue;
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFContentStream)) continue;
    const dict = stream.dict.clone(context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    context.assign(ref, PDFRawStream.of(dict, deflateSync(stream.getUnencodedContents())));
  }
}
