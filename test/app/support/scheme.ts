// A small scheme for app tests, signed with keys made in the test: one issuer, one status list, passports on demand.

import {
  generateSigningKey,
  jwsToQrText,
  mergeFetchedTrust,
  pinRoot,
  signPassport,
  signStatusList,
  signTrustBundle,
  type Category,
  type KeyPair,
  type PinnedRoot,
  type TrustState,
} from '../../../src/core/index.ts';

export const DAY = 86_400;
export const ISS = 'uk.test.carers';
export const ISSUER_NAME = 'Test Carers Service';
export const LIST_URI = 'https://status.test.example/uk.test.carers/1';
export const REVOKED_IDX = 7;

export type AppScheme = {
  now: number;
  root: KeyPair;
  issuer: KeyPair;
  roots: PinnedRoot[];
  bundleJwt: string;
  listJwt: string;
  trust: TrustState;
  /** Signs a passport QR text; `listUri` other than LIST_URI gives a "Check" (no list held). */
  passport(options?: { jti?: string; name?: string; cat?: Category; idx?: number; listUri?: string; exp?: number }): Promise<string>;
  signBundle(options: { seq: number; iat?: number; root?: KeyPair }): Promise<string>;
};

export async function makeAppScheme(now: number): Promise<AppScheme> {
  const root = await generateSigningKey('ES256');
  const issuer = await generateSigningKey('ES256');
  const signBundle = ({ seq, iat = now - 3600, root: signer = root }: { seq: number; iat?: number; root?: KeyPair }) =>
    signTrustBundle(
      { iss: 'test-scheme', iat, exp: iat + 30 * DAY, seq, issuers: [{ iss: ISS, name: ISSUER_NAME, cats: ['adult', 'young', 'young-adult', 'parent'], keys: [issuer.publicJwk] }] },
      signer.privateJwk,
    );
  const bundleJwt = await signBundle({ seq: 1 });
  const statuses = new Uint8Array(1024);
  statuses[REVOKED_IDX] = 1;
  const listJwt = await signStatusList({ uri: LIST_URI, iat: now - 3600, bits: 2, statuses }, issuer.privateJwk);
  const roots = [(await pinRoot(root.publicJwk))!];
  const adopted = await mergeFetchedTrust(undefined, { bundleJwt, listJwts: [listJwt] }, roots);
  if (!adopted.next) throw new Error(adopted.bundleProblem ?? 'the test scheme does not verify');
  return {
    now,
    root,
    issuer,
    roots,
    bundleJwt,
    listJwt,
    trust: adopted.next,
    signBundle,
    async passport({ jti = 'TST-1001', name = 'Amara Testcarer', cat = 'adult', idx = 1, listUri = LIST_URI, exp = now + 365 * DAY } = {}) {
      const jws = await signPassport({ iss: ISS, jti, name, cat, nbf: now - DAY, exp, iat: now - DAY, statusUri: listUri, statusIdx: idx }, issuer.privateJwk);
      return jwsToQrText(jws);
    },
  };
}
