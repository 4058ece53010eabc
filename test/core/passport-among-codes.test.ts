import { describe, expect, test } from 'vitest';
import { choosePassportText, isPassportShaped } from '../../src/core/qr-text.ts';

const shop = 'https://shop.example/offers?week=48';
const website = 'https://carers-passport.example.org';

describe('finding the passport among the codes in view (issue 14)', () => {
  test('the passport is chosen wherever it comes among the codes read', () => {
    expect(choosePassportText([shop, 'CP1:/0102'])).toBe('CP1:/0102');
    expect(choosePassportText(['CP1:/0102', shop])).toBe('CP1:/0102');
    expect(choosePassportText([website, shop, 'eyJh.eyJi.c2ln'])).toBe('eyJh.eyJi.c2ln');
  });

  test('the prefix in any letter case and surrounding white space still count as a passport', () => {
    expect(choosePassportText([shop, ' cp1:/0102\r\n'])).toBe(' cp1:/0102\r\n');
    expect(isPassportShaped('Cp1:/')).toBe(true);
  });

  test('with no passport in view, the first other code is the one reported; with none, nothing', () => {
    expect(choosePassportText([shop, website])).toBe(shop);
    expect(choosePassportText([])).toBeUndefined();
    expect(isPassportShaped(shop)).toBe(false);
  });
});
