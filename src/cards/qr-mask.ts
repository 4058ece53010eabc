// A QR symbol's mask chosen as the qrcode package chooses it (ISO/IEC 18004 section 7.8.3: the lowest penalty of
// the eight, with the package's own penalty rules), so the symbol is the same module for module, but on typed arrays:
// the package's search, module by module through method calls, was half the time of a postal run.

import QRCode from 'qrcode';

const PENALTY = { N1: 3, N2: 3, N3: 40, N4: 10 };

/** The symbol's modules, dark = 1, row by row, masked with the best mask and with its format information. */
export type MaskedSymbol = { version: number; size: number; data: Uint8Array; mask: number };

export function createMaskedSymbol(segments: QRCode.QRCodeSegment[], errorCorrectionLevel: QRCode.QRCodeErrorCorrectionLevel): MaskedSymbol {
  // mask 0 given, so the package skips its search; its modules and which are reserved are what the search needs
  const code = QRCode.create(segments, { errorCorrectionLevel, maskPattern: 0 });
  const { size } = code.modules;
  const modules = code.modules as unknown as { data: Uint8Array; reservedBit: Uint8Array };
  const level = (code.errorCorrectionLevel as unknown as { bit: number }).bit;
  const masks = maskTables(size);
  const unmasked = new Uint8Array(size * size);
  for (let i = 0; i < unmasked.length; i++) unmasked[i] = modules.reservedBit[i] ? modules.data[i]! : modules.data[i]! ^ masks[0]![i]!;
  let best = 0;
  let lowest = Infinity;
  let chosen = unmasked;
  const work = new Uint8Array(size * size);
  for (let mask = 0; mask < 8; mask++) {
    const table = masks[mask]!;
    for (let i = 0; i < work.length; i++) work[i] = modules.reservedBit[i] ? unmasked[i]! : unmasked[i]! ^ table[i]!;
    writeFormatInfo(work, size, level, mask);
    const penalty = penaltyN1(work, size) + penaltyN2(work, size) + penaltyN3(work, size) + penaltyN4(work);
    if (penalty < lowest) {
      lowest = penalty;
      best = mask;
      chosen = work.slice();
    }
  }
  return { version: code.version, size, data: chosen, mask: best };
}

/** The eight masks of a symbol size, module by module, made once a size. */
const tables = new Map<number, Uint8Array[]>();
function maskTables(size: number): Uint8Array[] {
  let made = tables.get(size);
  if (!made) {
    made = Array.from({ length: 8 }, (_, mask) => {
      const table = new Uint8Array(size * size);
      for (let row = 0, i = 0; row < size; row++) for (let col = 0; col < size; col++, i++) table[i] = maskAt(mask, row, col);
      return table;
    });
    tables.set(size, made);
  }
  return made;
}

function maskAt(mask: number, i: number, j: number): number {
  switch (mask) {
    case 0: return (i + j) % 2 === 0 ? 1 : 0;
    case 1: return i % 2 === 0 ? 1 : 0;
    case 2: return j % 3 === 0 ? 1 : 0;
    case 3: return (i + j) % 3 === 0 ? 1 : 0;
    case 4: return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0 ? 1 : 0;
    case 5: return ((i * j) % 2) + ((i * j) % 3) === 0 ? 1 : 0;
    case 6: return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0 ? 1 : 0;
    default: return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0 ? 1 : 0;
  }
}

const G15 = 0b10100110111;
const G15_MASK = 0b101010000010010;

function bchDigits(value: number): number {
  let digits = 0;
  while (value !== 0) {
    digits++;
    value >>>= 1;
  }
  return digits;
}

/** The 15 format bits (level and mask, BCH(15,5), masked) in their two places, and the dark module. */
function writeFormatInfo(data: Uint8Array, size: number, level: number, mask: number): void {
  const payload = (level << 3) | mask;
  let d = payload << 10;
  while (bchDigits(d) - bchDigits(G15) >= 0) d ^= G15 << (bchDigits(d) - bchDigits(G15));
  const bits = ((payload << 10) | d) ^ G15_MASK;
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const vertical = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    data[vertical * size + 8] = bit;
    const horizontal = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    data[8 * size + horizontal] = bit;
  }
  data[(size - 8) * size + 8] = 1;
}

function penaltyN1(data: Uint8Array, size: number): number {
  let points = 0;
  for (let row = 0; row < size; row++) {
    let sameInRow = 0;
    let sameInCol = 0;
    let lastInRow = -1;
    let lastInCol = -1;
    for (let col = 0; col < size; col++) {
      const a = data[row * size + col]!;
      if (a === lastInRow) sameInRow++;
      else {
        if (sameInRow >= 5) points += PENALTY.N1 + (sameInRow - 5);
        lastInRow = a;
        sameInRow = 1;
      }
      const b = data[col * size + row]!;
      if (b === lastInCol) sameInCol++;
      else {
        if (sameInCol >= 5) points += PENALTY.N1 + (sameInCol - 5);
        lastInCol = b;
        sameInCol = 1;
      }
    }
    if (sameInRow >= 5) points += PENALTY.N1 + (sameInRow - 5);
    if (sameInCol >= 5) points += PENALTY.N1 + (sameInCol - 5);
  }
  return points;
}

function penaltyN2(data: Uint8Array, size: number): number {
  let blocks = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const i = row * size + col;
      const sum = data[i]! + data[i + 1]! + data[i + size]! + data[i + size + 1]!;
      if (sum === 4 || sum === 0) blocks++;
    }
  }
  return blocks * PENALTY.N2;
}

function penaltyN3(data: Uint8Array, size: number): number {
  let found = 0;
  for (let row = 0; row < size; row++) {
    let inRow = 0;
    let inCol = 0;
    for (let col = 0; col < size; col++) {
      inRow = ((inRow << 1) & 0x7ff) | data[row * size + col]!;
      if (col >= 10 && (inRow === 0x5d0 || inRow === 0x05d)) found++;
      inCol = ((inCol << 1) & 0x7ff) | data[col * size + row]!;
      if (col >= 10 && (inCol === 0x5d0 || inCol === 0x05d)) found++;
    }
  }
  return found * PENALTY.N3;
}

function penaltyN4(data: Uint8Array): number {
  let dark = 0;
  for (let i = 0; i < data.length; i++) dark += data[i]!;
  return Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10) * PENALTY.N4;
}
