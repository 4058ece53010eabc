// Which words each page needs when: a catalogue is cut into parts at build time (src/build/i18n-plugin.ts), so the
// staff app fetches before its first verdict only the words its scan and verdict screens use (issue 12: the
// JavaScript before the first verdict stays small), Settings and History fetch theirs when opened, and the card
// page fetches only its own. A test (test/i18n/parts.test.ts) checks that no screen shown before Settings or History
// uses a key of a later part.

export const PARTS = ['staff', 'staff-later', 'staff-extra', 'card'] as const;
export type Part = (typeof PARTS)[number];

// Settings and History (loaded on first use, src/app/App.tsx) and what only they show
const STAFF_LATER = [
  'settings.', 'trustPanel.', 'bundleRejected.', 'listProblem.', 'history.', 'partnerKind.', 'limits.', 'photoId.historyMark', 'photoId.editorLabel',
  'sync.section', 'sync.enrolled', 'sync.notEnrolled', 'sync.enrol.', 'sync.trust.', 'sync.failure.', 'sync.upload.',
];
// what only some devices show, or staff open now and then, with the code that shows it (loaded on first use): the
// PIN forms (Settings, leaving the kiosk), a ward's hospital stays, an emergency service's panel
const STAFF_EXTRA = ['pin.', 'stay.', 'emergency.'];
// the header's upload status is on screen from the start
const STAFF_HEADER = ['sync.upload.waitingShort', 'sync.upload.statusLabel', 'sync.upload.revokedShort', 'sync.upload.uploadingShort', 'sync.upload.retryShort'];
const CARD = ['card.', 'directory.', 'category.', 'time.', 'languagePicker.'];

const startsWithAny = (key: string, prefixes: readonly string[]) => prefixes.some((p) => key === p || key.startsWith(p));

export function partsOf(key: string): Part[] {
  const parts: Part[] = [];
  if (startsWithAny(key, CARD)) parts.push('card');
  if (key.startsWith('card.') || key.startsWith('directory.')) return parts;
  if (startsWithAny(key, STAFF_EXTRA)) parts.push('staff-extra');
  else parts.push(startsWithAny(key, STAFF_LATER) && !STAFF_HEADER.includes(key) ? 'staff-later' : 'staff');
  return parts;
}
