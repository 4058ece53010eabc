// Every user-facing string of the app, keyed, in plain English for staff at a till. The verdict words themselves
// come from the core's VERDICT_MESSAGES (the CLI prints the same). One place to translate.

import { type BundleRejection, type Category, type OfferHours, type OfferRefusal, type PartnerKind, type StatusListProblem } from '../core/index.ts';

export const LOCALE = 'en-GB';

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const CATEGORY_WORDS: Record<Category, string> = {
  adult: 'Adult carer',
  young: 'Young carer',
  'young-adult': 'Young adult carer',
  parent: 'Parent carer',
};

export const PARTNER_KIND_WORDS: Record<PartnerKind, string> = {
  shop: 'Shop',
  pharmacy: 'Pharmacy',
  'hospital-ward': 'Hospital ward',
  other: 'Other',
  emergency: 'Emergency service',
};

export const RESULT_WORDS = { valid: 'Valid', warning: 'Check', invalid: 'Not valid' } as const;

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function hoursWords(hours: OfferHours[]): string {
  return hours.map((h) => `${listWords(h.days.map((d) => WEEKDAYS[d] ?? ''))}, ${h.from} to ${h.to}`).join('; ');
}

export function refusalWords(refusal: OfferRefusal): string {
  switch (refusal.code) {
    case 'NOT_REDEEMABLE':
      return 'Not available: the passport is not valid.';
    case 'CATEGORY':
      return `Not for this kind of carer (only ${listWords(refusal.categories.map((c) => CATEGORY_WORDS[c].toLowerCase()))}).`;
    case 'NOT_STARTED':
      return `Not started yet: starts on ${dateWords(refusal.startDate)}.`;
    case 'ENDED':
      return `Ended on ${dateWords(refusal.endDate)}.`;
    case 'OUTSIDE_HOURS':
      return `Not at this time: only ${hoursWords(refusal.hours)}.`;
    case 'USED_TODAY':
      return refusal.count === 1 ? 'Already used today.' : `Already used ${refusal.count} times today (the most allowed).`;
    case 'LIMIT_REACHED':
      return `Already used ${refusal.count === 1 ? 'once' : `${refusal.count} times`} this ${refusal.period} (the most allowed).`;
    case 'NO_STAY':
      return 'Only for a carer on a hospital stay here: start a stay first.';
  }
}

function dateWords(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** An offer's limit in plain words ("Once a day"); the admin page's offer preview shows it beside the till's words. */
export function limitWords(limit: { kind: 'unlimited' } | { kind: 'per-period'; count: number; period: string }): string {
  if (limit.kind === 'unlimited') return 'No limit';
  return `${limit.count === 1 ? 'Once' : `${limit.count} times`} a ${limit.period}`;
}

/** A wait as the countdown shows it: 28 -> "0:28", 900 -> "15:00". */
export function minutesAndSeconds(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "2 hours ago", "3 days ago", "just now". */
export function agoWords(seconds: number): string {
  const rtf = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return 'just now';
  if (s < 3600) return rtf.format(-Math.floor(s / 60), 'minute');
  if (s < 86_400) return rtf.format(-Math.floor(s / 3600), 'hour');
  return rtf.format(-Math.floor(s / 86_400), 'day');
}

export const M = {
  appName: 'Carers Passport Check',
  navScan: 'Scan',
  navHistory: 'History',
  navSettings: 'Settings',
  navMain: 'Main',
  loading: 'Loading…',
  loadingTrust: 'Loading trust data…',
  staleListAge: (days: number) => `The cancellation list is ${days} days old: connect to the internet to update it, or check the passport another way.`,
  skipToContent: 'Skip to content',
  noTrust: 'This device has no trust data yet, so passports cannot be checked. Open Settings to load it.',
  checkFailed: 'This device could not check the passport. Please try again; if it keeps happening, restart the app.',
  checking: 'Checking…',
  scanPrompt: 'Scan a Carers Passport to check it.',
  trustAgeBadge: (ago: string) => `Trust data updated ${ago}`,

  // verdict screen
  carerName: 'Name',
  carerKind: 'Kind of carer',
  issuer: 'Issued by',
  passportNumber: 'Passport number',
  expires: 'Expires',
  whatToDo: 'What to do',
  done: 'Done',
  clearsIn: (seconds: number) => `Clears in ${seconds} s`,
  iconLabel: { valid: 'Tick', warning: 'Warning sign', invalid: 'Cross' },

  // offers
  offersHeading: 'Offers',
  offersNone: 'This partner has no offers set up.',
  offersNotAvailable: 'Not available now',
  redeem: (title: string) => `Give: ${title}`,
  record: (title: string) => `Record: ${title}`,
  recorded: (title: string) => `Recorded: ${title}`,
  recording: 'Recording…',
  remaining: (n: number) => `${n} left in this period`,
  confirmWarning: 'I have checked this passport another way and accept it.',
  confirmWarningFirst: 'Tick the box above to confirm before giving an offer.',
  invalidNoOffers: 'No offers can be given: the passport is not valid.',
  referenceNeeded: (label: string) => `Enter the ${label.toLowerCase()} first.`,
  optional: '(optional)',
  recordFailed: 'Could not save the record on this device. Try again.',

  // history
  historyHeading: 'History',
  historyToday: 'Today',
  historyRecent: 'Recent',
  historyEmpty: 'No redemptions recorded yet.',
  historyCounts: 'Today by offer',
  historyWaiting: (n: number) => (n === 1 ? '1 record waiting for upload' : `${n} records waiting for upload`),
  historyAllUploaded: 'All records uploaded',
  historyExport: 'Export CSV',
  historyExportHint: 'Downloads every record on this device. No names are included.',
  historyPurged: (n: number) => `${n} old uploaded or refused ${n === 1 ? 'record was' : 'records were'} removed.`,
  colTime: 'Time',
  colOffer: 'Offer',
  colPassport: 'Passport number',
  colUploaded: 'Uploaded',
  yes: 'Yes',
  no: 'No',
  refused: 'Refused',

  // PIN
  pinHeading: 'Staff PIN',
  pinLabel: 'Enter the staff PIN',
  pinSubmit: 'Unlock',
  pinCancel: 'Cancel',
  pinWrong: 'That PIN is not right. Try again.',
  pinWait: (seconds: number) => `Too many wrong PINs. Try again in ${minutesAndSeconds(seconds)}.`,
  pinChooseHeading: 'Choose a staff PIN',
  pinChooseHint: 'This device has no staff PIN yet. Choose one: staff need it to open Settings and to leave kiosk mode.',
  pinChooseAgain: 'Type the same PIN again',
  pinChooseSubmit: 'Save PIN and open Settings',
  pinChooseMismatch: 'The two PINs are not the same. Type them again.',

  // settings
  settingsHeading: 'Settings',
  settingsLock: 'Lock settings',
  partnerSection: 'Partner profile',
  partnerChoose: 'Profile',
  partnerKind: 'Kind',
  offerEdit: 'Edit offer',
  offerTitle: 'Title',
  offerDescription: 'Description',
  offerCategories: 'For these carers',
  offerLimit: 'Limit per passport',
  offerLimitCount: 'How many',
  offerLimitPeriod: 'Per',
  offerUnlimited: 'No limit',
  offerHoursOn: 'Only at set hours',
  hoursFrom: 'From',
  hoursTo: 'To',
  weekdayShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  offerHours: (words: string) => `Hours: ${words}`,
  offerSave: 'Save offer',
  offerSaved: 'Offer saved.',
  offerInvalid: (problem: string) => `Not saved: ${problem}.`,
  periodDay: 'day',
  periodWeek: 'week',
  periodMonth: 'month',
  resultSection: 'Result screen',
  clearAfter: 'Clear the result after (seconds)',
  sound: 'Play a sound on a result',
  vibration: 'Vibrate on a result',
  kioskSection: 'Kiosk mode',
  kioskEnter: 'Start kiosk mode',
  kioskHint: 'Self-service: full screen, camera only, no staff controls. Leaving needs the staff PIN.',
  pinSection: 'Staff PIN',
  pinNew: 'New PIN (4 to 12 digits)',
  pinChange: 'Change PIN',
  pinChanged: 'PIN changed.',
  pinTooShort: 'The PIN must be 4 to 12 digits.',
  trustSection: 'Trust data',
  trustBundleAge: (ago: string) => `Trust list signed ${ago}`,
  trustBundleSeq: (seq: number, expires: string) => `Version ${seq}, valid until ${expires}`,
  trustListAge: (issuer: string, ago: string) => `Cancellation list for ${issuer} updated ${ago}`,
  trustListMissing: (issuer: string) => `No cancellation list for ${issuer}`,
  trustNone: 'No trust data held.',
  trustLoadFiles: 'Load trust files',
  trustLoadHint: 'Choose a trust bundle (.jwt) and/or cancellation lists (.jwt) given to you by the scheme.',
  trustLoaded: (n: number) => (n === 1 ? '1 file loaded.' : `${n} files loaded.`),
  trustFileRejected: (file: string, why: string) => `${file} was not used: ${why}`,
  trustBundleNotNewer: 'it is not newer than the trust list this device already holds',
  trustNotAToken: 'it is not a trust bundle or a cancellation list',
  /** Why a chosen trust bundle was refused, by the core's BundleRejection code. */
  bundleRejected: {
    malformed: 'it is not a trust bundle file, or it is damaged',
    header: 'it is not a trust bundle file, or it is damaged',
    'unpinned-root': 'it was not signed by this scheme\u2019s trusted key',
    'bad-signature': 'its signature does not match: it may have been altered',
    claims: 'its contents are not in the expected form',
    'bad-key': 'it holds a key this app cannot use',
    'private-key': 'it holds a secret key, which a trust bundle must never contain',
    'kid-mismatch': 'one of its keys is not named correctly',
    'duplicate-kid': 'it lists the same key twice',
    rollback: 'it is older than the trust bundle this device already holds',
  } satisfies Record<BundleRejection, string>,
  trustListUnusable: (problem: string) => `the cancellation list could not be used (${problem})`,
  /** Why a cancellation list file staff chose is not used, per core StatusListProblem. */
  listProblem: {
    'unknown-key': 'it is signed by a key this device does not trust',
    'bad-signature': 'its signature does not verify',
    'too-large': 'it is too large',
    'not-a-token': 'it is damaged or not in the expected form',
    header: 'it is damaged or not in the expected form',
    claims: 'it is damaged or not in the expected form',
    bits: 'it is damaged or not in the expected form',
    'lst-encoding': 'it is damaged or not in the expected form',
    'not-one-zlib-stream': 'it is damaged or not in the expected form',
  } satisfies Record<StatusListProblem, string>,
  storageSection: 'Storage on this device',
  storagePersisted: 'Records are kept safe: the browser will not clear them on its own.',
  storageNotPersisted: 'The browser may clear records when space runs low.',
  storageUnknown: 'This browser cannot say whether records are kept.',
  storageAsk: 'Ask to keep records',
  retention: (days: number) => `Uploaded records are removed after ${days} days.`,

  // kiosk
  kioskInstruction: 'Hold your passport QR code up to the camera',
  kioskLeave: 'Staff',
  kioskLeaveHeading: 'Leave kiosk mode',
  kioskNextIn: (seconds: number) => `Ready for the next person in ${seconds} s`,
} as const;

// ---- Sync with the scheme service (issue 4): enrolment, trust data refresh, upload. Owned by the sync helper. ----

export const SYNC_M = {
  sectionHeading: 'Scheme service',
  enrolled: (scheme: string, partner: string) => `Enrolled with ${scheme} as ${partner}`,
  enrolledAt: (when: string) => `Enrolled on ${when}.`,
  notEnrolled: 'This device is not enrolled with a scheme: it uses a demo profile and keeps its records on this device.',
  enrolHeading: 'Enrol this device',
  enrolAgainHeading: 'Enrol this device again',
  enrolHint: 'Scan the enrolment QR code from your coordinator with the camera or a handheld scanner, or paste its text into the box.',
  enrolCodeLabel: 'Enrolment code',
  deviceNameLabel: 'Name for this device, so the coordinator can tell it apart (for example "Till 1")',
  enrolButton: 'Enrol',
  enrolCamera: 'Read the code with the camera',
  enrolCameraStop: 'Stop the camera',
  enrolling: 'Enrolling…',
  enrolDone: (partner: string) => `Done: this device now works for ${partner}.`,
  enrolEmpty: 'Paste or scan the enrolment code first.',
  enrolCode: {
    malformed: 'This is not an enrolment code. Check that all of it was copied.',
    'bad-signature': 'This enrolment code was not made by a scheme this app trusts, so it was not used.',
    expired: 'This enrolment code has expired. Ask your coordinator for a new one.',
  },
  enrolRefused: (serviceWords: string) => serviceWords || 'The scheme service refused this enrolment code. Ask your coordinator for a new one.',
  offline: 'Could not reach the scheme service. Check the internet connection and try again.',
  timeout: 'The scheme service did not answer in time. Try again.',
  server: 'The scheme service had a problem. Try again later.',
  malformed: 'The scheme service gave an answer this app does not understand. Try again later.',
  deviceRevoked: 'This device was removed from the scheme. Ask your coordinator to enrol it again.',

  // trust data refresh
  trustUpdateNow: 'Update now',
  trustChecking: 'Checking for updates…',
  trustCheckedAgo: (ago: string) => `Last checked with the scheme ${ago}.`,
  trustNeverChecked: 'Not checked with the scheme yet.',
  trustUpToDate: 'Trust data is up to date.',
  trustUpdated: (lists: number, bundle: boolean) =>
    [bundle ? 'New trust list adopted.' : '', lists > 0 ? `${lists === 1 ? '1 cancellation list' : `${lists} cancellation lists`} updated.` : ''].filter((s) => s !== '').join(' '),
  trustBundleRefused: 'The scheme sent trust data that did not verify, so the data held is kept.',
  trustCheckFailed: 'Could not update the trust data just now; the data held keeps working.',
  listAgeBadge: (ago: string) => `Cancellation list updated ${ago}`,

  // upload
  waiting: (n: number) => (n === 0 ? 'All records uploaded' : n === 1 ? '1 record waiting for upload' : `${n} records waiting for upload`),
  waitingShort: (n: number) => (n === 0 ? 'All uploaded' : `${n} waiting`),
  uploading: 'Uploading…',
  uploadNow: 'Upload now',
  uploadedAgo: (ago: string) => `Last upload ${ago}.`,
  retryIn: (seconds: number) => `Upload did not go through; trying again in ${seconds} s.`,
  notUploading: 'Not uploading: this device is not enrolled.',
  rejectedHeading: (n: number) => (n === 1 ? '1 record was refused by the scheme' : `${n} records were refused by the scheme`),
  rejectedHint: 'They stay on this device (and in the CSV export) and are not sent again.',
  rejectedReason: (reason: string) =>
    reason === 'not your device' || reason === 'not your partner'
      ? 'made before this device was enrolled, or for another partner'
      : reason === 'id already used'
        ? 'the scheme already holds a different record with the same id'
        : reason === 'service-failed-every-time'
          ? 'the scheme service failed every time it was sent, while it took the others (tell your coordinator)'
          : reason || 'no reason given',
  statusLabel: 'Upload status',
  revokedShort: 'device removed from the scheme',
  retryShort: 'will try again',
  uploadingShort: 'uploading',
} as const;


// ---- Another tab of this app holds the database at another version (storage.ts blocked/blocking, OtherTabNotice).
export const OTHER_TAB_MESSAGES = {
  updatedElsewhere: 'This app was updated in another tab. Reload to continue.',
  waitingForOtherTab: 'This app is open in another tab with an older version. Close or reload that tab to continue.',
  reload: 'Reload',
} as const;

/** Issue 11 point 4: a wrong device clock. */
export const CLOCK_M = {
  banner: 'This device\u2019s date or time is wrong.',
  advice: (code: 'BEHIND_SIGNED_DATA' | 'SERVICE_DISAGREES') =>
    code === 'BEHIND_SIGNED_DATA'
      ? 'It is earlier than the trust data it holds. Ask a manager to set the date and time, then check passports again.'
      : 'It is more than 5 minutes away from the scheme\u2019s clock. Ask a manager to set the date and time.',
  verdictNote: 'This device\u2019s date or time is wrong, so this result may be too: check the device\u2019s date before relying on it.',
};

/** Issue 11 point 5: an offer that needs photo ID seen. */
export const PHOTO_ID_M = {
  tick: 'Photo ID seen',
  hint: 'Check the carer\u2019s photo ID matches the name on the passport, then tick.',
  needed: 'Tick \u201cPhoto ID seen\u201d first.',
  recordedWith: '(photo ID seen)',
  editorLabel: 'Staff must see photo ID first',
  historyMark: 'photo ID seen',
};

/** Issue 11 point 3: what an emergency service (ambulance, fire, police, A&E reception) sees. */
export const EMERGENCY_M = {
  heading: 'An unpaid carer',
  statement: 'This person is an unpaid carer: someone may depend on them.',
  callHeading: 'Who to call',
  callIssuer: (issuer: string) => `${issuer}, who issued this passport`,
  phone: 'Phone',
  hours: 'Hours',
  web: 'Website',
  noContact: 'This passport\u2019s issuer has not given a number to call. Contact them by name.',
  quote: 'Passport number to quote',
  nothingKept: 'Nothing about this check is kept on this device.',
};

/** Issue 11 point 1: limits counted across a partner's tills. */
export const LIMITS_M = {
  overLimit: 'over limit: given at two tills while offline',
};

/** Issue 11 point 2: hospital stays. */
export const STAY_M = {
  heading: 'Hospital stay',
  onStay: (until: string, where: string) => `On a stay until ${until} (started on ${where})`,
  ended: (on: string) => `The stay ended on ${on}.`,
  none: 'No stay recorded for this carer.',
  until: 'Until (expected discharge)',
  note: 'Note, no names (for example \u201cWard 7, bay 3\u201d)',
  start: 'Start a stay',
  change: 'Change date',
  end: 'End stay',
  started: 'Stay started.',
  changed: 'Date changed.',
  endedNow: 'Stay ended.',
  badDate: 'Choose a date from today on.',
};
