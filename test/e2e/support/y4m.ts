// Writes a .y4m video (YUV4MPEG2, 4:2:0) of a passport QR code for Chromium's fake camera
// (--use-file-for-fake-video-capture). The file loops, so a few identical frames are enough.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

export type QrFrameOptions = {
  width?: number;
  height?: number;
  /** Pixels per QR module. */
  moduleSize?: number;
  /** Light modules on a dark screen, as a phone in dark mode shows it. */
  dark?: boolean;
  /** Where the code's centre sits, as a share of the picture (0.5, 0.5 is the middle). */
  centre?: [number, number];
  frames?: number;
  /** Frames a second the fake camera plays (10 unless set: Chromium's first frame then comes about 100 ms after the camera opens). */
  fps?: number;
};

/** The QR code's modules: true is a dark module. */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** The luma (Y) plane of one frame: a mid-grey "counter top" with the code and its quiet zone on it. */
export function qrLuma(text: string, options: QrFrameOptions = {}): { width: number; height: number; luma: Uint8Array } {
  const { width = 640, height = 480, moduleSize = 4, dark = false, centre = [0.5, 0.5] } = options;
  if (moduleSize === 0) return { width, height, luma: new Uint8Array(width * height).fill(128) }; // no code at all
  const modules = qrModules(text);
  const quiet = 4; // modules of quiet zone around the code (ISO/IEC 18004)
  const side = (modules.size + 2 * quiet) * moduleSize;
  const left = Math.round(centre[0] * width - side / 2);
  const top = Math.round(centre[1] * height - side / 2);
  const [ink, paper] = dark ? [225, 30] : [20, 235];
  const luma = new Uint8Array(width * height).fill(128);
  for (let y = Math.max(0, top); y < Math.min(height, top + side); y++) {
    for (let x = Math.max(0, left); x < Math.min(width, left + side); x++) {
      const row = Math.floor((y - top) / moduleSize) - quiet;
      const col = Math.floor((x - left) / moduleSize) - quiet;
      const inCode = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      luma[y * width + x] = inCode && modules.dark(row, col) ? ink : paper;
    }
  }
  return { width, height, luma };
}

/** The bytes of a YUV4MPEG2 file: grey chroma (128), the QR in luma. */
export function qrY4m(text: string, options: QrFrameOptions = {}): Buffer {
  return lumaY4m(qrLuma(text, options), options.frames, options.fps);
}

/** Any grey picture as a YUV4MPEG2 file of `frames` identical frames (the hard set of hard-frames.ts). */
export function lumaY4m({ width, height, luma }: { width: number; height: number; luma: Uint8Array }, frames = 3, fps = 10): Buffer {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), Buffer.from(luma), chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

/** Writes the video into a fresh temporary folder and returns its absolute path. */
export function writeQrY4m(text: string, options: QrFrameOptions = {}, name = 'passport.y4m'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cp-camera-')), name);
  writeFileSync(path, qrY4m(text, options));
  return path;
}

/** The same picture as a greyscale PNG: a screenshot or photo to choose from the file picker. */
export function qrPng(text: string, options: QrFrameOptions = {}): Buffer {
  const { width, height, luma } = qrLuma(text, options);
  const png = new PNG({ width, height });
  for (let i = 0; i < luma.length; i++) png.data.set([luma[i]!, luma[i]!, luma[i]!, 255], i * 4);
  return PNG.sync.write(png);
}
