// Says plainly whether the PostgreSQL half of the server suites ran. With CI_REQUIRE_POSTGRES=1 a run without
// TEST_DATABASE_URL fails here (decisions: a run where the PostgreSQL tests were skipped fails).

import { describe, expect, it } from 'vitest';
import { POSTGRES_URL } from './support/backends.ts';

describe('PostgreSQL backend', () => {
  if (POSTGRES_URL) {
    it('runs every server suite against PostgreSQL as well (TEST_DATABASE_URL is set)', () => {
      expect(POSTGRES_URL).toMatch(/^postgres(ql)?:\/\//);
    });
  } else if (process.env.CI_REQUIRE_POSTGRES === '1') {
    it('must run, but TEST_DATABASE_URL is not set', () => {
      expect.fail('CI_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is unset: the PostgreSQL suites did not run');
    });
  } else {
    it('NOT RUN: the PostgreSQL suites did not run because TEST_DATABASE_URL is unset (PGlite only)', () => {
      console.warn('\n  PostgreSQL server suites NOT RUN: set TEST_DATABASE_URL=postgres://... to run them.\n');
      expect(POSTGRES_URL).toBeUndefined();
    });
  }
});
