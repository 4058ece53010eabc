// The offers directory's words (the card page, /offers and the window sticker), from the English catalogue.

import { describe, expect, it } from 'vitest';
import { directoryAllHours, directoryCategories, directoryDates, directoryHours, directoryToday } from '../../src/i18n/directory-words.ts';
import { english } from '../../src/i18n/english.ts';

describe('directory words', () => {
  it('hours: the days in order, every day as one word, and "Any day" for an offer without hours', () => {
    expect(directoryHours(english, { days: [4, 2], from: '08:00', to: '09:00' })).toBe('Tuesday and Thursday, 08:00 to 09:00');
    expect(directoryHours(english, { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '09:00' })).toBe('Every day, 08:00 to 09:00');
    expect(directoryAllHours(english, undefined)).toBe('Any day');
    expect(directoryToday(english, [{ days: [1], from: '08:00', to: '09:00' }, { days: [1], from: '17:00', to: '18:00' }])).toBe('Today, 08:00 to 09:00 and 17:00 to 18:00.');
  });

  it('who an offer is for, and its dates', () => {
    expect(directoryCategories(english, ['adult', 'parent'])).toBe('For adult carers and parent carers');
    expect(directoryCategories(english, ['adult', 'young', 'young-adult', 'parent'])).toBe('For every carer');
    expect(directoryDates(english, { startDate: '2027-05-01', endDate: '2027-05-31' })).toBe('From 1 May 2027 to 31 May 2027');
    expect(directoryDates(english, { endDate: '2027-03-31' })).toBe('Until 31 March 2027');
    expect(directoryDates(english, {})).toBeUndefined();
  });
});
