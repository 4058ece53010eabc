// `carers-passport admin`: the scheme service's register, partners, devices and reports, straight on its database.

import { EXIT_VALID } from '../errors.ts';
import { oneOf, readArgs } from '../inputs.ts';
import type { Command } from '../io.ts';
import { adminAccount } from './admin-accounts.ts';
import { adminDevice, adminEnrol, adminPartner, adminReport } from './admin-partners.ts';
import { adminPassport } from './admin-passport.ts';
import { adminPassportImport } from './admin-passport-import.ts';
import { openAdminScheme } from './admin-scheme.ts';

const FLAGS = {
  iss: 'value', cat: 'value', name: 'value', jti: 'value', nbf: 'value', exp: 'value', qr: 'value', search: 'value',
  from: 'value', to: 'value', out: 'value', layout: 'value', role: 'value', issuer: 'value', partner: 'value', label: 'value',
  'password-stdin': 'switch',
  csv: 'switch', 'dry-run': 'switch', 'database-url': 'value', 'data-dir': 'value',
} as const;

const usage = `Usage: carers-passport admin <area> <action> [options]

Works on the scheme service's database (the same settings as "npm start": DATABASE_URL, or the embedded
database in DATA_DIR, default .data/pglite; keys from CP_ROOT_KEY_FILE and CP_ISSUERS_FILE, else the demo keys).
The embedded database allows one process at a time: stop the service first, or use its admin page.

  admin passport issue --iss ISSUER --cat CATEGORY --name NAME [--jti NUMBER] [--nbf TIME] [--exp TIME] [--qr FILE.svg]
  admin passport renew ISSUER NUMBER [--name NAME] [--nbf TIME] [--exp TIME] [--qr FILE.svg]
  admin passport revoke|suspend|reinstate ISSUER NUMBER
  admin passport list [--search TEXT]
  admin passport import FILE.csv [--dry-run]   an existing register: name, kind, number, issued, expires, issuer
                                           (number optional); exit 1 when a row is refused
  admin passport cards --from YYYY-MM-DD --to YYYY-MM-DD --out RUN.pdf [--layout id1|a4]
                                           a postal run: the passports issued or renewed on those days (UTC), each
                                           card followed by its letter with a new phone copy code (at most 1,000)
  admin passport card ISSUER NUMBER --out CARD.pdf [--layout id1|a4]
                                           one passport's wallet card
  admin partner save PROFILE.json          a partner and its offers (the app's partner profile shape)
  admin partner list
  admin enrol PARTNER [--qr FILE.svg]      a one-time enrolment code for a new device (valid 24 hours)
  admin device list
  admin device revoke DEVICE
  admin account add --name NAME --role coordinator|issuer|partner [--issuer ISSUER] [--partner PARTNER]
                   [--password-stdin]      an account for the admin page; its password is printed once (or read
                                           from standard input); issuer staff need --issuer, partner managers --partner
  admin account list
  admin account disable NAME               its sessions end and its API tokens stop working
  admin account token NAME --label LABEL   an API token for scripts, acting with the account's rights (shown once)
  admin report NAME [--csv]                redemptions-by-offer, redemptions-by-partner, redemptions-by-week,
                                           carers-reached, passports-by-month

  --database-url URL   a PostgreSQL server instead of DATABASE_URL
  --data-dir DIR       the embedded database folder instead of DATA_DIR
Every change is audited as cli:<your user name>. Output is JSON (CSV for --csv).
`;

export const adminCommand: Command = {
  name: 'admin',
  summary: "run the scheme service's register, partners, devices and reports from the command line",
  usage,
  async run(argv, io) {
    const args = readArgs(argv, FLAGS, usage, io, { maxPositionals: 4 });
    if (!args) return EXIT_VALID;
    const { flags, positionals } = args;
    const area = oneOf(positionals[0] ?? '', 'admin', ['passport', 'partner', 'enrol', 'device', 'report', 'account']);
    const scheme = await openAdminScheme(io, {
      env: process.env,
      ...(flags['database-url'] === undefined ? {} : { databaseUrl: flags['database-url'] }),
      ...(flags['data-dir'] === undefined ? {} : { dataDir: flags['data-dir'] }),
    });
    try {
      const rest = positionals.slice(1);
      if (area === 'passport' && rest[0] === 'import') return await adminPassportImport(scheme, io, rest, flags['dry-run']);
      if (area === 'passport') await adminPassport(scheme, io, rest, flags);
      else if (area === 'partner') await adminPartner(scheme, io, rest);
      else if (area === 'enrol') await adminEnrol(scheme, io, rest, flags.qr);
      else if (area === 'device') await adminDevice(scheme, io, rest);
      else if (area === 'account') {
        await adminAccount(scheme, io, rest, { name: flags.name, role: flags.role, issuer: flags.issuer, partner: flags.partner, label: flags.label, passwordStdin: flags['password-stdin'] });
      }
      else await adminReport(scheme, io, rest, flags.csv);
    } finally {
      await scheme.close();
    }
    return EXIT_VALID;
  },
};
