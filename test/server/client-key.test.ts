// Login and collection limits count a client: an IPv4 address, or an IPv6 /64 (a phone or a household holds a whole
// /64, so counting each address would give one client billions of tries).

import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/server/http/auth.ts';

describe('clientKey', () => {
  it('counts an IPv4 client as itself, also when seen on an IPv6 socket', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts every address of one IPv6 /64 as one client, however it is written', () => {
    const keys = ['2001:db8::1', '2001:db8::ffff:2', '2001:0db8:0000:0000:1:2:3:4', '2001:DB8:0:0:9::'].map(clientKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:0:0::/64']));
    expect(clientKey('2001:db8:0:1::5')).not.toBe(clientKey('2001:db8::5'));
  });
});
