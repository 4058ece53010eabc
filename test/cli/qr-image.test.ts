// The QR image `issue` writes (spec section 2): decoded back to the same text, and made of a byte segment for
// `CP1:/` plus a numeric segment for the digits, error correction M, which makes it smaller than byte mode alone.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { passportSegments } from '../../src/cli/qr-image.ts';
import { generateSigningKey } from '../../src/core/index.ts';
import { runCli } from './run-cli.ts';
import { rasteriseQrSvg } from './svg-raster.ts';
import { decodeQr, pngPixels } from './zxing-node.ts';

let dir: string;
let fromPng: string;
let fromSvg: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cp-cli-qr-'));
  const issuer = await generateSigningKey('ES256');
  await writeFile(join(dir, 'issuer.private.jwk'), JSON.stringify(issuer.privateJwk));
  // the longest name the spec allows, in four-byte characters, makes the largest passport
  const args = (jti: string) => ['issue', '--key', 'issuer.private.jwk', '--iss', 'uk.llr.vasl', '--name', 'Zoë 🌻 Ó Briain-Smythe', '--cat', 'young-adult',
    '--jti', jti, '--years', '3', '--status-uri', 'https://vasl.example/status/2026-1', '--status-idx', '131071', '--nbf', '2026-05-01'];
  const [png, svg] = await Promise.all([
    runCli([...args('VASL-2026-000123'), '--png', 'cards/123.png'], { cwd: dir }),
    runCli([...args('VASL-2026-000124'), '--svg', 'cards/124.svg'], { cwd: dir }),
  ]);
  expect([png.code, png.stderr, svg.code, svg.stderr]).toEqual([0, '', 0, '']);
  fromPng = png.stdout.trim();
  fromSvg = svg.stdout.trim();
}, 60_000);

describe('the QR image issue writes', () => {
  it('PNG: zxing decodes it to exactly the QR text issue printed, at error correction M', async () => {
    const pixels = pngPixels(await readFile(join(dir, 'cards/123.png')));
    const [found, ...others] = await decodeQr(pixels);
    expect(others).toHaveLength(0);
    expect(found?.text).toBe(fromPng);
    expect(found?.ecLevel).toBe('M');
  });

  it('PNG: its version is the two-segment one, smaller than the same text in byte mode alone', async () => {
    const pixels = pngPixels(await readFile(join(dir, 'cards/123.png')));
    const twoSegments = QRCode.create(passportSegments(fromPng), { errorCorrectionLevel: 'M' });
    const byteOnly = QRCode.create([{ data: new TextEncoder().encode(fromPng), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    expect(twoSegments.segments.map((s) => s.mode.id)).toEqual(['Byte', 'Numeric']);
    expect(twoSegments.version).toBeLessThan(byteOnly.version);
    // 8 pixels a module, 4 modules of quiet zone each side: the image's width gives its version back
    const modules = pixels.width / 8 - 8;
    expect(pixels.width).toBe(pixels.height);
    expect((modules - 17) / 4).toBe(twoSegments.version);
    const [found] = await decodeQr(pixels);
    expect(Number(found?.version)).toBe(twoSegments.version);
  });

  it('SVG: a well-formed SVG document whose drawing decodes to the printed QR text', async () => {
    const svg = await readFile(join(dir, 'cards/124.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*>/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/\/>/g)).toHaveLength(2);
    const [found] = await decodeQr(rasteriseQrSvg(svg));
    expect(found?.text).toBe(fromSvg);
    expect(fromSvg).not.toBe(fromPng);
  });
});
