// "Where the time goes" for the verify benchmark: each stage of verifyPassport (spec section 5) timed alone over the
// same passports, beside the floor, so that what sits on top of the signature check shows by name.

import {
  numericToJws,
  parseClaims,
  parseCompactJws,
  readPassportClaims,
  recogniseQrText,
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
  const compacts = texts.map((t) => {
    const shape = recogniseQrText(t);
    return shape.kind === 'numeric' ? numericToJws(shape.digits)! : '';
  });
  const parsed = compacts.map((c) => {
    const p = parseCompactJws(c, PARSE_OPTIONS);
    if (!p.ok) throw new Error('a bench passport did not parse');
    return p.jws;
  });
  const claims = parsed.map((p) => readPassportClaims(parseClaims(p.payload)!)!);
  const keyCache = context.keyCache!;
  const key = scheme.bundle.keysByKid.get(scheme.issuer.publicJwk.kid)!.key;

  const qrToJws = (i: number) => {
    const shape = recogniseQrText(texts[i]!);
    return shape.kind === 'numeric' ? numericToJws(shape.digits) : undefined;
  };
  const signature = (i: number) => keyCache.verify(parsed[i]!.header.alg, key, compacts[i]!, parsed[i]!.signingInput, parsed[i]!.signature);
  const statusLookup = (i: number) => {
    const list = context.statusLists.find(claims[i]!.status.uri, ISSUER);
    return list && statusAt(list, claims[i]!.status.idx);
  };
  return [
    { figure: 'rows 1-2: QR text shape, numeric form -> JWS', value: await microsPerCall(n, qrToJws), unit: 'us' },
    { figure: 'row 2: parse JWS (base64url, header JSON, rules)', value: await microsPerCall(n, (i) => parseCompactJws(compacts[i]!, PARSE_OPTIONS)), unit: 'us' },
    { figure: 'row 4: KeyCache.verify (the signature)', value: await microsPerCall(n, signature), unit: 'us' },
    { figure: 'row 5: claims (UTF-8, JSON, section 2 checks)', value: await microsPerCall(n, (i) => readPassportClaims(parseClaims(parsed[i]!.payload)!)), unit: 'us' },
    { figure: 'rows 9-10: status lookup (find + statusAt)', value: await microsPerCall(n, statusLookup), unit: 'us' },
    { figure: 'whole verifyPassport', value: await microsPerCall(n, (i) => verifyPassport(texts[i]!, context)), unit: 'us' },
    { figure: 'floor: bare crypto.subtle.verify', value: await microsPerCall(n, floorWork), unit: 'us' },
  ];
}
