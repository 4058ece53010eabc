import { describe, expect, it } from 'vitest';
import {
  collectionCodeFromFragment, formatCollectionCode, makeCollectionCode, normalizeCollectionCode,
  readCollectAnswer, readRefreshAnswer,
} from '../../src/core/index.ts';

const passport = { qrText: 'CP1:/a.b.c', name: 'Dev Begum', cat: 'adult', iss: 'https://x.example', issuerName: 'X', jti: 'A-1', nbf: 1, exp: 2, status: 'valid' };

describe('collection codes', () => {
  it('are 12 Crockford characters in three groups', () => {
    const code = makeCollectionCode(new Uint8Array(12).map((_, i) => i * 7));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
  it('are read case-insensitively, without dashes or spaces, with O as 0 and I or L as 1', () => {
    expect(normalizeCollectionCode('abcd efgh-jkmo')).toBe('ABCDEFGHJKM0');
    expect(normalizeCollectionCode('IiLl-0000-0000')).toBe('111100000000');
    expect(formatCollectionCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCollectionCode('ABCD-EFGH-JKMU')).toBeUndefined(); // U is not Crockford
    expect(normalizeCollectionCode('ABCD-EFGH')).toBeUndefined();
  });
  it('come from the fragment of the card page url', () => {
    expect(collectionCodeFromFragment('#code=ABCD-EFGH-JKMN')).toBe('ABCDEFGHJKMN');
    expect(collectionCodeFromFragment('#other=1')).toBeUndefined();
  });
});

describe('phone copy answers', () => {
  it('a collect answer carries a valid passport with its QR and a refresh token', () => {
    const answer = readCollectAnswer({ passport, schemeName: 'S', refreshToken: 't', contact: { phone: '0116 000', web: 'http://no' } });
    expect(answer?.passport.qrText).toBe('CP1:/a.b.c');
    expect(answer?.contact).toBeUndefined(); // a malformed contact is ignored
    expect(readCollectAnswer({ passport, schemeName: 'S' })).toBeUndefined();
  });
  it('a refresh answer for a cancelled passport offers no QR', () => {
    const answer = readRefreshAnswer({ passport: { ...passport, status: 'revoked' }, schemeName: 'S', contact: { phone: '0116' } });
    expect(answer?.passport.status).toBe('revoked');
    expect(answer?.passport.qrText).toBeUndefined();
    expect(answer?.contact).toEqual({ phone: '0116' });
    expect(readRefreshAnswer({ passport: { ...passport, qrText: undefined }, schemeName: 'S' })).toBeUndefined();
  });
});
