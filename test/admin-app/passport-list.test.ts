// The Passports screen's list model: the query it sends, pages and sorting, a slow answer overtaken by a newer one,
// and a service that answers without paging.

import { describe, expect, it } from 'vitest';
import { FIRST_QUERY, listPath, PassportListModel, readPage, type PassportRow } from '../../src/admin-app/models/passport-list.ts';

const row = (i: number): PassportRow => ({ iss: 'uk.llr.vasl', jti: `VASL-${i}`, cat: 'adult', name: `Carer ${i}`, nbf: 0, exp: 1, status: 'valid' });

/** A register of `total` passports answering as GET /admin/api/passports does (counting up to `countCap`). */
function fakeService(total: number, countCap = Infinity) {
  const asked: string[] = [];
  const fetchJson = async (path: string) => {
    asked.push(path);
    const query = new URL(path, 'http://x').searchParams;
    const offset = Number(query.get('offset'));
    const limit = Number(query.get('limit'));
    const count = Math.max(0, Math.min(limit, total - offset));
    return { passports: Array.from({ length: count }, (_, k) => row(offset + k)), total: Math.min(total, countCap), totalExact: total <= countCap, offset, limit };
  };
  return { asked, fetchJson };
}

describe('the passport list', () => {
  it('asks for newest first, 50 at a time, with only the filters given', () => {
    expect(listPath(FIRST_QUERY)).toBe('/admin/api/passports?sort=issued&dir=desc&offset=0&limit=50');
    expect(listPath({ ...FIRST_QUERY, q: '  Amara ', cat: 'parent', status: 'expired' })).toBe('/admin/api/passports?q=Amara&cat=parent&status=expired&sort=issued&dir=desc&offset=0&limit=50');
  });

  it('pages through 100,000 passports and says where it is', async () => {
    const service = fakeService(100_000);
    const list = new PassportListModel({ fetchJson: service.fetchJson, wordsFor: String });
    await list.load();
    expect(list.range.value).toBe('Passports 1 to 50 of 100,000');
    expect([list.hasPrevious.value, list.hasNext.value]).toEqual([false, true]);
    await list.next();
    await list.next();
    expect(list.range.value).toBe('Passports 101 to 150 of 100,000');
    await list.previous();
    expect(list.range.value).toBe('Passports 51 to 100 of 100,000');
    expect(service.asked.at(-1)).toContain('offset=50&limit=50');
  });

  it('says "more than" past the service\'s count, and still pages on beyond it', async () => {
    const service = fakeService(100_000, 10_000);
    const list = new PassportListModel({ fetchJson: service.fetchJson, wordsFor: String });
    await list.load();
    expect(list.range.value).toBe('Passports 1 to 50 of more than 10,000');
    list.query.value = { ...list.query.value, offset: 9_950 };
    await list.load();
    await list.next();
    expect(list.range.value).toBe('Passports 10,001 to 10,050 of more than 10,000');
    expect(list.hasNext.value).toBe(true);
  });

  it('stops at the last page, and a new search or sort starts again at the first', async () => {
    const service = fakeService(120);
    const list = new PassportListModel({ fetchJson: service.fetchJson, wordsFor: String });
    await list.load();
    await list.next();
    await list.next();
    expect(list.range.value).toBe('Passports 101 to 120 of 120');
    expect(list.hasNext.value).toBe(false);
    await list.next();
    expect(service.asked).toHaveLength(3);
    await list.sortBy('name');
    expect(list.query.value).toMatchObject({ sort: 'name', dir: 'asc', offset: 0 });
    await list.sortBy('name');
    expect(list.query.value).toMatchObject({ sort: 'name', dir: 'desc' });
    await list.sortBy('expires');
    expect(list.query.value).toMatchObject({ sort: 'expires', dir: 'asc' });
    await list.next();
    await list.search({ q: 'x' });
    expect(list.query.value.offset).toBe(0);
  });

  it('shows the answer to the newest search when an older one answers last', async () => {
    const answers: ((value: unknown) => void)[] = [];
    const list = new PassportListModel({ fetchJson: () => new Promise((resolve) => answers.push(resolve)), wordsFor: String });
    const first = list.search({ q: 'old' });
    const second = list.search({ q: 'new' });
    answers[1]!({ passports: [row(2)], total: 1, offset: 0, limit: 50 });
    await second;
    answers[0]!({ passports: [row(1), row(3)], total: 2, offset: 0, limit: 50 });
    await first;
    expect(list.page.value?.passports.map((p) => p.jti)).toEqual(['VASL-2']);
    expect(list.loading.value).toBe(false);
  });

  it("keeps the last page and shows the service's words when a load fails", async () => {
    let fail = false;
    const service = fakeService(10);
    const list = new PassportListModel({
      fetchJson: (path) => (fail ? Promise.reject(new Error('The scheme service cannot be reached.')) : service.fetchJson(path)),
      wordsFor: (e) => (e as Error).message,
    });
    await list.load();
    fail = true;
    await list.search({ q: 'x' });
    expect(list.problem.value).toBe('The scheme service cannot be reached.');
    expect(list.page.value?.total).toBe(10);
  });

  it('reads an answer without paging as one page', () => {
    expect(readPage({ passports: [row(1), row(2)] }, FIRST_QUERY)).toMatchObject({ total: 2, totalExact: true, offset: 0 });
    expect(readPage('nonsense', FIRST_QUERY)).toMatchObject({ passports: [], total: 0 });
  });
});
