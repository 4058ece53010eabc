// Demo passports signed at test time with the committed demo-only keys, so nothing the app e2e tests scan ages.

import { jwsToQrText, signPassport } from '../../../src/core/index.ts';
import { DEMO_ISSUERS, makeDemoTrustData } from '../../../src/demo/demo-scheme.ts';

export type AppPassports = { valid: string; validName: string; validJti: string; revoked: string; noList: string; young: string };

export async function signAppPassports(): Promise<AppPassports> {
  const now = Math.floor(Date.now() / 1000);
  const data = await makeDemoTrustData(now);
  const valid = data.passports.find((p) => p.state === 'valid' && p.cat === 'adult')!;
  const revoked = data.passports.find((p) => p.state === 'revoked')!;
  const young = data.passports.find((p) => p.state === 'valid' && p.cat === 'young')!;
  const issuer = DEMO_ISSUERS[0]!;
  // a status list this device does not hold: genuine, but the verdict is "Check" (STATUS_UNKNOWN)
  const noList = jwsToQrText(
    await signPassport(
      { iss: issuer.iss, jti: 'LLR-9001', name: 'Test Warning', cat: 'adult', nbf: now - 86_400, exp: now + 365 * 86_400, iat: now - 86_400, statusUri: 'https://status.carers-passport.example/uk.llr.vasl/999', statusIdx: 5 },
      issuer.key,
    ),
  );
  return { valid: valid.qrText, validName: valid.name, validJti: valid.jti, revoked: revoked.qrText, noList, young: young.qrText };
}
