// The staff PIN is never stored: only a salted PBKDF2-SHA-256 hash of it (WebCrypto), compared in constant time.
// Loaded by the staff PIN model when a PIN is first tried or chosen (staff-pin-model.ts).

export type PinHash = { salt: string; hash: string; iterations: number };

export const DEMO_PIN = '1234';
const ITERATIONS = 150_000;

export async function hashPin(pin: string, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)), iterations = ITERATIONS): Promise<PinHash> {
  const bits = await derive(pin, salt, iterations);
  return { salt: toHex(salt), hash: toHex(bits), iterations };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const bits = await derive(pin, fromHex(stored.salt), stored.iterations);
  const expected = fromHex(stored.hash);
  if (bits.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < bits.length; i++) difference |= bits[i]! ^ expected[i]!;
  return difference === 0;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
