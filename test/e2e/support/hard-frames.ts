// The hard camera set (issue 14): one 640x480 luma frame per physically motivated condition that a till camera
// meets, made from the passport's QR text by a seeded script, so the set is test data anyone can regenerate.
// Each frame is rendered by inverse mapping: for every camera pixel, where on the card (in QR modules) it looks.

import { qrModules } from './y4m.ts';

export const HARD_KINDS = ['steep-tilt', 'glare', 'dim-noisy', 'moire', 'barrel-edge', 'small-rotated-noisy', 'second-code'] as const;
export type HardKind = (typeof HARD_KINDS)[number];

export type LumaFrame = { width: number; height: number; luma: Uint8Array };

/** The shop's promotion printed beside the passport in the `second-code` frame. */
export const OTHER_CODE_TEXT = 'https://shop.example/offers?week=48&utm_source=counter-card';

const WIDTH = 640;
const HEIGHT = 480;
const QUIET = 4;
const INK = 25;
const PAPER = 230;
const BACKGROUND = 110;

/** A small deterministic PRNG (mulberry32), so every run draws the same noise. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Reflectance (0 ink .. 1 paper) at (u, v) in modules from the top-left of the quiet zone; undefined off the card. */
type Card = (u: number, v: number) => number | undefined;

function qrCard(text: string, margin = 0): { card: Card; side: number } {
  const modules = qrModules(text);
  const side = modules.size + 2 * QUIET;
  const card: Card = (u, v) => {
    if (u < -margin || v < -margin || u >= side + margin || v >= side + margin) return undefined;
    const row = Math.floor(v) - QUIET;
    const col = Math.floor(u) - QUIET;
    const inCode = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
    return inCode && modules.dark(row, col) ? 0 : 1;
  };
  return { card, side };
}

/** Renders with `samples`² sub-pixel samples: `scene` maps camera coordinates to luma (0..255, may exceed). */
function render(scene: (x: number, y: number) => number, samples = 3): Float32Array {
  const out = new Float32Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let sum = 0;
      for (let j = 0; j < samples; j++) for (let i = 0; i < samples; i++) sum += scene(x + (i + 0.5) / samples, y + (j + 0.5) / samples);
      out[y * WIDTH + x] = sum / (samples * samples);
    }
  }
  return out;
}

function shade(reflectance: number | undefined, ink = INK, paper = PAPER): number {
  return reflectance === undefined ? BACKGROUND : ink + (paper - ink) * reflectance;
}

/** Sensor: gain, Gaussian noise, clipping to 8 bits. */
function sensor(linear: Float32Array, { gain = 1, noise = 3, seed = 1 } = {}): LumaFrame {
  const random = seeded(seed);
  const luma = new Uint8Array(linear.length);
  for (let i = 0; i < linear.length; i++) luma[i] = Math.max(0, Math.min(255, Math.round(linear[i]! * gain + noise * gaussian(random))));
  return { width: WIDTH, height: HEIGHT, luma };
}

/** A card lying on the counter seen at `degrees` from face-on (rotation about the horizontal axis), pinhole camera. */
function steepTilt(text: string): LumaFrame {
  const { card, side } = qrCard(text, 6);
  const theta = (60 * Math.PI) / 180;
  const focal = 620;
  const distance = focal / 4.3; // about 4 pixels a module across the middle of the card
  const [cos, sin] = [Math.cos(theta), Math.sin(theta)];
  const scene = (x: number, y: number) => {
    const dx = (x - WIDTH / 2) / focal;
    const dy = (y - HEIGHT / 2) / focal;
    const denominator = cos - dy * sin;
    if (denominator <= 0) return BACKGROUND;
    const planeY = (dy * distance) / denominator;
    const planeX = (distance + planeY * sin) * dx;
    return shade(card(planeX + side / 2, planeY + side / 2));
  };
  return sensor(render(scene), { noise: 4, seed: 11 });
}

/** A lamp's reflection saturating about a tenth of a laminated card, away from the finder patterns. */
function glare(text: string): LumaFrame {
  const moduleSize = 4;
  const { card, side } = qrCard(text, 8);
  const left = WIDTH / 2 - (side * moduleSize) / 2;
  const top = HEIGHT / 2 - (side * moduleSize) / 2;
  const cardArea = (side + 16) * (side + 16) * moduleSize * moduleSize;
  const radius = Math.sqrt((0.1 * cardArea) / Math.PI / 1.3); // an ellipse, 1.3 times as wide as tall // the saturated disc: a tenth of the card
  const [gx, gy] = [left + side * moduleSize * 0.62, top + side * moduleSize * 0.85];
  const scene = (x: number, y: number) => {
    const base = shade(card((x - left) / moduleSize, (y - top) / moduleSize));
    const r = Math.hypot(x - gx, (y - gy) * 1.3) / radius;
    // saturated core, then a soft halo that washes out the contrast around it
    return base + (r < 1 ? 400 : 260 * Math.exp(-((r - 1) ** 2) / 0.05));
  };
  return sensor(render(scene, 2), { noise: 3, seed: 12 });
}

/** A dim ward at night: little light on the card, the sensor's gain turned up, heavy noise. */
function dimNoisy(text: string): LumaFrame {
  const moduleSize = 4;
  const { card, side } = qrCard(text, 8);
  const left = WIDTH / 2 - (side * moduleSize) / 2;
  const top = HEIGHT / 2 - (side * moduleSize) / 2;
  const scene = (x: number, y: number) => {
    const r = card((x - left) / moduleSize, (y - top) / moduleSize);
    return r === undefined ? 8 : 4 + 14 * r;
  };
  return sensor(render(scene, 2), { gain: 3, noise: 15, seed: 13 });
}

/** A phone screen filmed by the camera: the screen's pixel grid (dark gaps) beats against the sensor's grid. */
function moire(text: string): LumaFrame {
  const { card, side } = qrCard(text, 3);
  const pitch = 1.07; // camera pixels per screen pixel: close to 1, so the grid aliases into a slow beat
  const screenPerModule = 4.5; // screen pixels a module, as the app on the phone draws it
  const angle = (3 * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const half = (side * screenPerModule * pitch) / 2;
  const scene = (x: number, y: number) => {
    const rx = x - WIDTH / 2;
    const ry = y - HEIGHT / 2;
    const sx = (cos * rx + sin * ry + half) / pitch; // in screen pixels
    const sy = (-sin * rx + cos * ry + half) / pitch;
    const reflectance = card(sx / screenPerModule, sy / screenPerModule);
    if (reflectance === undefined) return 30; // the phone's black bezel
    const fx = sx - Math.floor(sx);
    const fy = sy - Math.floor(sy);
    const lit = fx > 0.15 && fx < 0.85 && fy > 0.12 && fy < 0.88 ? 1 : 0.6; // each pixel lights its middle only
    return 20 + 220 * reflectance * lit;
  };
  // one sample a pixel: the sensor samples the grid without smoothing it away (no optical low-pass filter)
  return sensor(render(scene, 1), { noise: 4, seed: 14 });
}

/** A wide-angle lens: strong barrel distortion, the code near the picture's corner, outside the scan frame. */
function barrelEdge(text: string): LumaFrame {
  const moduleSize = 3;
  const { card, side } = qrCard(text, 6);
  const [cx, cy] = [WIDTH / 2, HEIGHT / 2];
  const norm = Math.hypot(cx, cy);
  const k = 0.35;
  // where the code would sit through a perfect lens; the lens pulls it towards the middle and bends it
  const codeCentre: [number, number] = [WIDTH * 0.2, HEIGHT * 0.3];
  const scene = (x: number, y: number) => {
    const r2 = ((x - cx) ** 2 + (y - cy) ** 2) / (norm * norm);
    const ux = cx + (x - cx) * (1 + k * r2);
    const uy = cy + (y - cy) * (1 + k * r2);
    return shade(card((ux - codeCentre[0]) / moduleSize + side / 2, (uy - codeCentre[1]) / moduleSize + side / 2));
  };
  return sensor(render(scene), { noise: 4, seed: 15 });
}

/** A small code, rotated and noisy: about 2 pixels a module, 27 degrees, soft focus. */
function smallRotatedNoisy(text: string): LumaFrame {
  const moduleSize = 1.95;
  const { card, side } = qrCard(text, 6);
  const angle = (27 * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const scene = (x: number, y: number) => {
    const rx = x - WIDTH / 2;
    const ry = y - HEIGHT / 2;
    return shade(card((cos * rx + sin * ry) / moduleSize + side / 2, (-sin * rx + cos * ry) / moduleSize + side / 2), 60, 190);
  };
  return sensor(render(scene, 4), { noise: 18, seed: 16 });
}

/** A shop's promotion QR beside the passport, bigger and nearer the middle of the picture. */
function secondCode(text: string): LumaFrame {
  const passport = qrCard(text, 4);
  const other = qrCard(OTHER_CODE_TEXT, 3);
  const [pSize, oSize] = [3.2, 5];
  const pLeft = WIDTH * 0.7 - (passport.side * pSize) / 2;
  const pTop = HEIGHT / 2 - (passport.side * pSize) / 2;
  const oLeft = WIDTH * 0.3 - (other.side * oSize) / 2;
  const oTop = HEIGHT * 0.45 - (other.side * oSize) / 2;
  const scene = (x: number, y: number) => {
    const p = passport.card((x - pLeft) / pSize, (y - pTop) / pSize);
    if (p !== undefined) return shade(p);
    return shade(other.card((x - oLeft) / oSize, (y - oTop) / oSize));
  };
  return sensor(render(scene, 2), { noise: 4, seed: 17 });
}

const MAKERS: Record<HardKind, (text: string) => LumaFrame> = {
  'steep-tilt': steepTilt,
  glare,
  'dim-noisy': dimNoisy,
  moire,
  'barrel-edge': barrelEdge,
  'small-rotated-noisy': smallRotatedNoisy,
  'second-code': secondCode,
};

export function hardFrame(kind: HardKind, qrText: string): LumaFrame {
  return MAKERS[kind](qrText);
}
