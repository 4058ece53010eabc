// ZLIB (RFC 1950) inflate through the platform's DecompressionStream, with a cap that stops a decompression bomb early.

/** Chromium inflates a whole input chunk before a reader can stop it, so input goes in small slices. */
const SLICE_BYTES = 1024;

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too-large' | 'not-one-zlib-stream' };

/** Inflates exactly one complete ZLIB stream: nothing missing, nothing after its end, at most `maxBytes` out. */
export async function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Inflated> {
  const inflated = await inflateOnce(data, maxBytes, true);
  if (!inflated.ok) return inflated;
  // Node's DecompressionStream ignores bytes after the end of the stream; Chromium's rejects them.
  // Where they are ignored, the stream must need its last byte: without it, inflating has to fail.
  if (!(await platformRejectsTrailingBytes()) && data.length > 0) {
    // the probe keeps none of its output: collecting it only to throw it away made decoding about half as slow again
    const withoutLastByte = await inflateOnce(data.subarray(0, data.length - 1), maxBytes, false);
    if (withoutLastByte.ok) return { ok: false, problem: 'not-one-zlib-stream' };
  }
  return inflated;
}

/** With `keep` false, only counts what comes out (and returns no bytes): enough to learn whether the data inflates. */
async function inflateOnce(data: Uint8Array, maxBytes: number, keep: boolean): Promise<Inflated> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;

  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > maxBytes) {
        tooLarge = true;
        throw new RangeError('inflated past the cap');
      }
      if (keep) chunks.push(value);
    }
  })();
  const writing = (async () => {
    for (let offset = 0; offset < data.length && !tooLarge; offset += SLICE_BYTES) {
      await writer.write(data.subarray(offset, offset + SLICE_BYTES) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  writing.catch(() => {}); // its failure shows on the reading side too

  try {
    await reading;
    await writing;
  } catch {
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    return { ok: false, problem: tooLarge ? 'too-large' : 'not-one-zlib-stream' };
  }
  return { ok: true, bytes: keep ? concat(chunks, total) : new Uint8Array(0) };
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// The ZLIB stream of zero bytes, followed by one byte too many.
const EMPTY_STREAM_WITH_TRAILING_BYTE = new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00]);
let trailingProbe: Promise<boolean> | undefined;

function platformRejectsTrailingBytes(): Promise<boolean> {
  trailingProbe ??= inflateOnce(EMPTY_STREAM_WITH_TRAILING_BYTE, 16, false).then((result) => !result.ok);
  return trailingProbe;
}
