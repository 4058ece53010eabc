// The words and checks of the Import screen and the issue form: summaries a coordinator reads, the refused rows as a
// CSV that Excel cannot run, files refused before they are sent, and a refusal from the service put on its field.

import { describe, expect, it } from 'vitest';
import catalogue from '../../src/i18n/catalogues/en-GB.json' with { type: 'json' };
import { CATEGORIES } from '../../src/core/categories.ts';
import { ApiError } from '../../src/admin-app/api.ts';
import { checkIssue, fieldOfRefusal } from '../../src/admin-app/components/IssueForm.tsx';
import { categoryWords } from '../../src/admin-app/issuers.ts';
import { fileProblem, refusedCsv, summaryWords } from '../../src/admin-app/models/register-import.ts';

describe('import words', () => {
  it('says what a dry run would do and what an import did', () => {
    const refused = Array.from({ length: 20 }, (_, i) => ({ line: i + 2, code: 'BAD_DATE', reason: 'bad date' }));
    expect(summaryWords({ dryRun: true, imported: 9980, alreadyPresent: 0, refused, emailsIgnored: false })).toBe(
      'Dry run: 9,980 would be imported, 0 already in the register, 20 refused. Nothing has changed yet.',
    );
    expect(summaryWords({ dryRun: false, imported: 0, alreadyPresent: 9980, refused, emailsIgnored: false })).toBe('Imported 0, already present 9,980, refused 20.');
  });

  it('writes the refused rows as CSV with formulas kept as text', () => {
    expect(refusedCsv([{ line: 7, code: 'BAD_NAME', reason: '=HYPERLINK("x"), not a name' }])).toBe('line,code,reason\r\n7,BAD_NAME,"\'=HYPERLINK(""x""), not a name"\r\n');
  });

  it('refuses an empty file, one too large, and one that is not CSV, naming the file', () => {
    expect(fileProblem({ name: 'register.csv', size: 0 })).toBe('register.csv is empty.');
    expect(fileProblem({ name: 'register.csv', size: 21 * 1024 * 1024 })).toMatch(/larger than 20 MB/);
    expect(fileProblem({ name: 'register.xlsx', size: 100 })).toMatch(/not a CSV file.*CSV UTF-8/);
    expect(fileProblem({ name: 'REGISTER.CSV', size: 100 })).toBeUndefined();
  });
});

describe('the issue form', () => {
  const issuers = [{ iss: 'uk.llr.vasl', name: 'VASL', cats: ['adult' as const, 'parent' as const] }];

  it('names each field that is wrong', () => {
    expect(checkIssue({ iss: 'uk.llr.vasl', cat: 'adult', name: 'Ann Lee', jti: '', email: '' }, issuers)).toEqual({});
    expect(checkIssue({ iss: 'uk.other', cat: '', name: '  ', jti: 'bad number', email: 'ann at home' }, issuers)).toEqual({
      iss: 'Choose the issuer.',
      cat: 'Choose the kind of carer.',
      name: 'Enter the name to print on the card.',
      jti: expect.stringMatching(/capital letters, digits and dashes/),
      email: 'Enter the email address like name@example.org, or leave it empty.',
    });
    expect(checkIssue({ iss: 'uk.llr.vasl', cat: 'young', name: 'x'.repeat(65), jti: '', email: 'ann@example.org' }, issuers)).toEqual({
      cat: 'VASL does not issue passports for this kind of carer.',
      name: 'The name is too long for the card: at most 64 characters.',
    });
  });

  it("puts the service's refusal on the field it is about", () => {
    expect(fieldOfRefusal(new ApiError(400, 'bad-request', 'In the body, "name" is missing.', 'body.name'))).toBe('name');
    expect(fieldOfRefusal(new ApiError(400, 'refused', 'passport VASL-1 is already in the register'))).toBe('jti');
    expect(fieldOfRefusal(new ApiError(400, 'refused', 'Support for Carers does not issue the category young'))).toBe('cat');
    expect(fieldOfRefusal(new ApiError(400, 'no-email', 'This service does not send email.', 'email'))).toBe('email');
    expect(fieldOfRefusal(new ApiError(500, 'internal', 'Something went wrong on the scheme service.'))).toBeUndefined();
  });

  it("uses the staff app's words (the English catalogue) for each kind of carer", () => {
    for (const cat of CATEGORIES) expect(categoryWords(cat)).toBe((catalogue.messages as Record<string, string>)[`category.${cat}`]);
  });
});
