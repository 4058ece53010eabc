import { describe, expect, test } from 'vitest';
import { DecoderBridge, type WorkerLike } from '../../src/app/adapters/decoder-bridge.ts';
import type { DecodeRequest, DecoderReply } from '../../src/app/workers/decoder-protocol.ts';

/** A worker that answers each decode with the text its handler chooses. */
function fakeWorker(answer: (request: DecodeRequest) => DecoderReply | undefined) {
  const listeners: ((event: MessageEvent<DecoderReply>) => void)[] = [];
  const sent: { message: DecodeRequest; transfer: Transferable[] }[] = [];
  const emit = (data: DecoderReply) => listeners.forEach((l) => l(new MessageEvent('message', { data })));
  const worker: WorkerLike = {
    postMessage(message: DecodeRequest, transfer?: Transferable[] | StructuredSerializeOptions) {
      sent.push({ message, transfer: Array.isArray(transfer) ? transfer : [] });
      const reply = answer(message);
      if (reply) queueMicrotask(() => emit(reply));
    },
    terminate() {},
    addEventListener(type, listener) {
      if (type === 'message') listeners.push(listener);
    },
  };
  return { worker, sent, emit };
}

const image = () => ({ width: 2, height: 2, data: new Uint8ClampedArray(16) }) as unknown as ImageData;

describe('the decoder bridge', () => {
  test('matches each answer to its frame and hands the pixel buffer over instead of copying it', async () => {
    const { worker, sent, emit } = fakeWorker((r) => ({ type: 'decoded', id: r.id, texts: r.id === 2 ? ['CP1:/0102'] : [], ms: 4, luma: 120 }));
    const bridge = new DecoderBridge(worker);
    emit({ type: 'ready', engine: 'zxing-wasm' });
    await expect(bridge.ready).resolves.toBe('zxing-wasm');
    const [first, second] = await Promise.all([bridge.decode(image()), bridge.decode(image())]);
    expect(first).toEqual({ text: undefined, texts: [], ms: 4, luma: 120 });
    expect(second).toEqual({ text: 'CP1:/0102', texts: ['CP1:/0102'], ms: 4, luma: 120 });
    expect(sent[0]!.transfer).toEqual([sent[0]!.message.image.data.buffer]);
  });

  test('of several codes in one picture, the passport is the one to check, whatever the order', async () => {
    const shop = 'https://shop.example/offers';
    const { worker, emit, sent } = fakeWorker((r) => ({ type: 'decoded', id: r.id, texts: [shop, 'cp1:/0102'], ms: 5, luma: 90 }));
    const bridge = new DecoderBridge(worker);
    emit({ type: 'ready', engine: 'zxing-wasm' });
    const result = await bridge.decode(image(), { binarizer: 'GlobalHistogram' });
    expect(result.text).toBe('cp1:/0102');
    expect(sent[0]!.message.tweaks).toEqual({ binarizer: 'GlobalHistogram' });
  });

  test('a worker that cannot load any engine resolves pending and later decodes with no text', async () => {
    const { worker, emit } = fakeWorker(() => undefined);
    const bridge = new DecoderBridge(worker);
    const pending = bridge.decode(image());
    emit({ type: 'broken', detail: 'wasm failed' });
    await expect(bridge.ready).resolves.toBeUndefined();
    await expect(pending).resolves.toEqual({ text: undefined, ms: 0 });
    await expect(bridge.decode(image())).resolves.toEqual({ text: undefined, ms: 0 });
  });

  test('a file that is not an image is "no code found", not an error', async () => {
    const { worker } = fakeWorker(() => undefined);
    const bridge = new DecoderBridge(worker);
    await expect(bridge.decodeFile(new Blob(['not a picture'], { type: 'text/plain' }))).resolves.toEqual({ text: undefined, ms: 0 });
  });
});
