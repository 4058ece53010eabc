// The demo scheme: two issuers, their status lists and a few dozen passports, signed fresh from the committed
// DEMO-ONLY keys whenever the demo starts or the app is built, so the demo never ages into "expired" or "stale".

import {
  jwsToQrText,
  nextBundleSeq,
  signPassport,
  signStatusList,
  signTrustBundle,
  withoutPrivate,
  type Category,
  type IssuerContact,
  type NumericDate,
  type PrivateJwk,
  type PublicJwk,
} from '../core/index.ts';
import demoKeys from './demo-keys.json' with { type: 'json' };

const keys = demoKeys as unknown as { root: PrivateJwk; issuers: Record<string, PrivateJwk> };

export const DEMO_SCHEME_ID = 'llr-carers-passport-demo';
export const DEMO_SCHEME_NAME = 'Leicester, Leicestershire and Rutland Carers Passport (demo)';
export const DEMO_ROOT_PRIVATE: PrivateJwk = keys.root;
export const DEMO_ROOT_PUBLIC = withoutPrivate(keys.root) as PublicJwk & { kid: string };

export type DemoIssuer = { iss: string; name: string; cats: Category[]; key: PrivateJwk; statusUri: string; contact: IssuerContact };

export const DEMO_ISSUERS: readonly DemoIssuer[] = [
  {
    iss: 'uk.llr.vasl',
    name: 'Support for Carers (VASL)',
    cats: ['adult', 'young-adult', 'parent'],
    key: keys.issuers['uk.llr.vasl']!,
    statusUri: 'https://status.carers-passport.example/uk.llr.vasl/1',
    // demo only: a plausible number in Ofcom's drama range (0116 496 0xxx), not a real line
    contact: { phone: '0116 496 0123', hours: 'Mon-Fri 9am-5pm', web: 'https://www.supportforcarers.example/' },
  },
  {
    iss: 'uk.llr.young-carers',
    name: 'Leicestershire Young Carers',
    cats: ['young', 'young-adult'],
    key: keys.issuers['uk.llr.young-carers']!,
    statusUri: 'https://status.carers-passport.example/uk.llr.young-carers/1',
    contact: { phone: '0116 496 0456', hours: 'Mon-Fri 9am-5pm', web: 'https://www.youngcarers.example/' },
  },
];

/** Each list is allocated at full size (spec section 4: at least 131,072 entries). */
export const DEMO_STATUS_LIST_SIZE = 131_072;

export type DemoPassportState = 'valid' | 'revoked' | 'suspended' | 'expired' | 'not-yet-valid';

export type DemoPassport = {
  iss: string;
  jti: string;
  name: string;
  cat: Category;
  statusIdx: number;
  state: DemoPassportState;
  qrText: string;
};

const FIRST_NAMES = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farhan', 'Grace', 'Harpreet', 'Isla', 'Jamal', 'Kasia', 'Liam', 'Maya', 'Nikhil', 'Olivia', 'Priya', 'Qasim', 'Rosie'];
const LAST_NAMES = ['Patel', 'Okafor', 'Smith', 'Kowalska', 'Mistry', 'Hughes', 'Begum', 'Taylor', 'Nowak'];

/** The demo's passports, described; state decides the status list value or the dates. */
export function demoPassportPlan(): Omit<DemoPassport, 'qrText'>[] {
  const plan: Omit<DemoPassport, 'qrText'>[] = [];
  DEMO_ISSUERS.forEach((issuer, issuerIndex) => {
    for (let i = 0; i < 18; i++) {
      const state: DemoPassportState =
        i === 3 || i === 11 ? 'revoked' : i === 7 ? 'suspended' : i === 14 ? 'expired' : i === 16 ? 'not-yet-valid' : 'valid';
      const prefix = issuerIndex === 0 ? 'LLR' : 'LYC';
      plan.push({
        iss: issuer.iss,
        jti: `${prefix}-${String(1001 + i)}`,
        name: `${FIRST_NAMES[(i + issuerIndex * 5) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 2 + issuerIndex) % LAST_NAMES.length]}`,
        cat: issuer.cats[i % issuer.cats.length]!,
        statusIdx: 100 + i * 37,
        state,
      });
    }
  });
  return plan;
}

export type DemoTrustData = {
  rootPublicJwk: PublicJwk & { kid: string };
  bundle: string;
  statusLists: { uri: string; iss: string; jwt: string }[];
  passports: DemoPassport[];
};

const YEAR = 31_557_600;

/** Signs the whole demo scheme as of `now`. */
export async function makeDemoTrustData(now: NumericDate, seq = nextBundleSeq(undefined, now)): Promise<DemoTrustData> {
  const plan = demoPassportPlan();
  const bundle = await signTrustBundle(
    {
      iss: DEMO_SCHEME_ID,
      iat: now,
      exp: now + 30 * 86_400,
      seq,
      statusMaxAge: 604_800,
      issuers: DEMO_ISSUERS.map(({ iss, name, cats, key, contact }) => ({ iss, name, cats, keys: [withoutPrivate(key) as PublicJwk], contact })),
    },
    DEMO_ROOT_PRIVATE,
  );
  const statusLists = await Promise.all(
    DEMO_ISSUERS.map(async (issuer) => {
      const statuses = new Uint8Array(DEMO_STATUS_LIST_SIZE);
      for (const p of plan) {
        if (p.iss !== issuer.iss) continue;
        if (p.state === 'revoked') statuses[p.statusIdx] = 1;
        if (p.state === 'suspended') statuses[p.statusIdx] = 2;
      }
      const jwt = await signStatusList({ uri: issuer.statusUri, iat: now, exp: now + 30 * 86_400, bits: 2, statuses }, issuer.key);
      return { uri: issuer.statusUri, iss: issuer.iss, jwt };
    }),
  );
  const passports = await Promise.all(
    plan.map(async (p) => {
      const issuer = DEMO_ISSUERS.find((i) => i.iss === p.iss)!;
      const nbf = p.state === 'expired' ? now - 3 * YEAR : p.state === 'not-yet-valid' ? now + 14 * 86_400 : now - 90 * 86_400;
      const exp = p.state === 'expired' ? now - 30 * 86_400 : nbf + 3 * YEAR;
      const jws = await signPassport(
        { iss: p.iss, jti: p.jti, name: p.name, cat: p.cat, nbf, exp, iat: Math.min(now, nbf), statusUri: issuer.statusUri, statusIdx: p.statusIdx },
        issuer.key,
      );
      return { ...p, qrText: jwsToQrText(jws) };
    }),
  );
  return { rootPublicJwk: DEMO_ROOT_PUBLIC, bundle, statusLists, passports };
}
