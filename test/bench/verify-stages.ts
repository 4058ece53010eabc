// "Where the time goes" for the verify benchmark: each stage of verifyPassport (spec section 5) timed alone over the
// same passports, beside the floor, so that what sits on top of the signature check shows by name.

import {
  KeyCache,
  numericToJwsBytes,
  parseClaims,
  parseCompactJwsBytes,
  readPassportClaims,
  readQrText,
  statusAt,
  verifyPassport,
  type VerificationContext,
} from '../../src/core/index.ts';
import type { Figure } from './report.ts';
import { ISSUER, type BenchScheme } from './scheme.ts';
import { microsPerCall, type Work } from './timing.ts';

const PARSE_OPTIONS = { typ: 'cp+jwt', maxPayloadBytes: 2048 };

export async function timeStages(scheme: BenchScheme, texts: readonly string[], context: VerificationContext, floorWork: Work): Promise<Figure[]> {
  const n = texts.length;
  // the JWS's characters as bytes, as verifyPassport holds them
  const jwsBytes = texts.map((t) => {
    const shape = readQrText(t);
    return shape.kind === 'numeric' ? numericToJwsBytes(shape.digits)! : new Uint8Array(0);
  });
  const parsed = jwsBytes.map((c) => {
    const p = parseCompactJwsBytes(c, PARSE_OPTIONS);
    if (!p.ok) throw new Error('a bench passport did not parse');
    return p.jws;
  });
  const claims = parsed.map((p) => readPassportClaims(parseClaims(p.payload)!)!);
  const keyCache = context.keyCache!;
  const key = scheme.bundle.keysByKid.get(scheme.issuer.publicJwk.kid)!.key;

  const qrToJws = (i: number) => {
    const shape = readQrText(texts[i]!);
    return shape.kind === 'numeric' ? numericToJwsBytes(shape.digits) : undefined;
  };
  const signature = (i: number) => keyCache.verifySignature(parsed[i]!.header.alg, key, parsed[i]!.signingInput, parsed[i]!.signature);
  // every signature taken as good at once: what verifyPassport costs on top of the check, promise hops included
  const stubbed: VerificationContext = { ...context, keyCache: new SignatureTakenAsGood() };
  const statusLookup = (i: number) => {
    const list = context.statusLists.find(claims[i]!.status.uri, ISSUER);
    return list && statusAt(list, claims[i]!.status.idx);
  };
  return [
    { figure: 'rows 1-2: QR text shape, numeric form -> JWS bytes', value: await microsPerCall(n, qrToJws), unit: 'us' },
    { figure: 'row 2: parse JWS (base64url, header JSON, rules)', value: await microsPerCall(n, (i) => parseCompactJwsBytes(jwsBytes[i]!, PARSE_OPTIONS)), unit: 'us' },
    { figure: 'row 4: KeyCache.verifySignature (the signature)', value: await microsPerCall(n, signature), unit: 'us' },
    { figure: 'row 5: claims (UTF-8, JSON, section 2 checks)', value: await microsPerCall(n, (i) => readPassportClaims(parseClaims(parsed[i]!.payload)!)), unit: 'us' },
    { figure: 'rows 9-10: status lookup (find + statusAt)', value: await microsPerCall(n, statusLookup), unit: 'us' },
    { figure: 'whole verifyPassport, signature taken as good', value: await microsPerCall(n, (i) => verifyPassport(texts[i]!, stubbed)), unit: 'us, its own overhead' },
    { figure: 'whole verifyPassport', value: await microsPerCall(n, (i) => verifyPassport(texts[i]!, context)), unit: 'us' },
    { figure: 'floor: bare crypto.subtle.verify', value: await microsPerCall(n, floorWork), unit: 'us' },
  ];
}

class SignatureTakenAsGood extends KeyCache {
  override verifySignature(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
