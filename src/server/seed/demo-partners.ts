// The demo's three partners. The app ships the same profiles in src/demo/partners/*.json: when those files exist
// they are used, so the service and the app's demo agree; otherwise these equivalents are.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartnerProfile } from '../../core/index.ts';

const SHARED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo', 'partners');
const SHARED_FILES = ['shop.json', 'pharmacy.json', 'hospital-ward.json'];

const FALLBACK: PartnerProfile[] = [
  {
    id: 'demo-shop',
    name: 'Hinckley Road Food Store',
    kind: 'shop',
    timeZone: 'Europe/London',
    address: '12 Market Street, Melton Mowbray (demo address)',
    area: 'Melton',
    offers: [
      { id: 'ten-percent', title: '10% off your shopping', description: 'On everything except tobacco and lottery.', kind: 'benefit', categories: ['adult', 'young-adult', 'parent'], limit: { kind: 'per-period', count: 1, period: 'day' } },
      { id: 'quiet-hour', title: 'Carers shopping hour', description: 'Shop before we open to everyone.', kind: 'recognition', categories: ['adult', 'young', 'young-adult', 'parent'], limit: { kind: 'unlimited' }, hours: [{ days: [2, 4], from: '08:00', to: '09:00' }] },
    ],
  },
  {
    id: 'demo-pharmacy',
    name: 'Narborough Road Pharmacy',
    kind: 'pharmacy',
    timeZone: 'Europe/London',
    address: '4 High Street, Oakham (demo address)',
    area: 'Rutland',
    offers: [
      { id: 'collect-for', title: 'Collect a prescription for the person you care for', description: 'Show the passport at the counter.', kind: 'recognition', categories: ['adult', 'young-adult', 'parent'], limit: { kind: 'unlimited' }, reference: { label: 'Prescription number', required: false } },
      { id: 'priority-queue', title: 'Priority at the counter', description: '', kind: 'benefit', categories: ['adult', 'young', 'young-adult', 'parent'], limit: { kind: 'per-period', count: 2, period: 'week' } },
    ],
  },
  {
    id: 'demo-ward',
    name: 'Ward 7, Leicester Royal Infirmary',
    kind: 'hospital-ward',
    timeZone: 'Europe/London',
    address: 'Infirmary Square, Leicester (demo address)',
    area: 'Leicester',
    offers: [
      { id: 'open-visiting', title: 'Open visiting outside normal hours', description: 'Recorded so the ward knows who is here.', kind: 'recognition', categories: ['adult', 'young-adult', 'parent'], limit: { kind: 'unlimited' } },
      { id: 'meal-voucher', title: 'Free hot meal voucher', description: 'One a day while the person you care for is on the ward.', kind: 'benefit', categories: ['adult', 'young', 'young-adult', 'parent'], limit: { kind: 'per-period', count: 1, period: 'day' } },
    ],
  },
];

export function demoPartnerProfiles(): unknown[] {
  const paths = SHARED_FILES.map((f) => join(SHARED_DIR, f));
  if (paths.every((p) => existsSync(p))) {
    try {
      return paths.map((p) => JSON.parse(readFileSync(p, 'utf8')) as unknown);
    } catch {
      // a half-written shared file: the equivalents below still make a working demo
    }
  }
  return FALLBACK;
}
