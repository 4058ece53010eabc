// Words of the scan screen and the update prompt, keyed by code, ready for translation. Plain English for staff
// at a till; kiosk words are for the carer themselves. (Kept beside messages.ts, which holds the other screens.)

import type { CameraProblem } from './adapters/camera.ts';

export const SCAN_MESSAGES = {
  'scan.heading': 'Scan a Carers Passport',
  'scan.kiosk.instruction': 'Hold your passport QR code up to the camera',
  'scan.kiosk.hint': 'Keep it inside the frame, about a hand’s length away.',
  'scan.kiosk.cameraProblem': 'The camera is not working. Please ask a member of staff.',
  'scan.wedge.hint': 'A handheld scanner works at any time on this screen: just scan.',
  'scan.other.heading': 'Other ways to check a passport',

  'camera.region': 'Camera',
  'camera.frame': 'Hold the QR code inside the frame',
  'camera.starting': 'Starting the camera…',
  'camera.paused': 'The camera is paused while the app is in the background.',
  // while scanning, when frames say why nothing is read (scan-loop.ts, ScanAdvice)
  'camera.advice.not-a-passport': 'This QR code is not a Carers Passport',
  'camera.advice.dark': 'Too dark: turn on the torch',
  'camera.advice.dark-no-torch': 'Too dark: move the card into more light',
  'camera.advice.closer': 'Move closer',
  'camera.advice.flatter': 'Hold the card flatter',
  'camera.picker': 'Camera to use',
  'camera.torch.on': 'Turn torch on',
  'camera.torch.off': 'Turn torch off',
  'camera.retry': 'Try the camera again',
  'camera.problem.refused': 'The camera is blocked for this app. To use it, allow the camera in the browser’s site settings.',
  'camera.problem.no-camera': 'No camera was found on this device.',
  'camera.problem.in-use': 'The camera is being used by another app. Close that app, then try again.',
  'camera.problem.unsupported': 'This browser cannot use a camera on this page.',
  'camera.problem.failed': 'The camera could not be started.',
  'camera.problem.otherWays': 'You can still check a passport: paste or type its code, choose a photo of it, or use a handheld scanner.',

  'decoder.broken': 'The QR code reader could not start on this device. Paste or type the passport code instead.',

  'paste.heading': 'Paste or type the passport code',
  'paste.label': 'Passport code',
  'paste.hint': 'The code starts with CP1:/. Paste it from a message or an email the carer shows you.',
  'paste.check': 'Check',
  'paste.empty': 'Paste or type a passport code first.',

  'photo.heading': 'Choose a photo or screenshot',
  'photo.label': 'Photo or screenshot of the passport',
  'photo.reading': 'Reading the picture…',
  'photo.notFound': 'No QR code could be read in that picture. Try a sharper, closer photo, or paste the code.',

  'update.ready': 'A new version of the app is ready.',
  'update.apply': 'Update now',
  'update.later': 'Later',
} as const;

export type ScanMessageKey = keyof typeof SCAN_MESSAGES;

export function scanMessage(key: ScanMessageKey): string {
  return SCAN_MESSAGES[key];
}

export function cameraProblemMessage(problem: CameraProblem): string {
  return SCAN_MESSAGES[`camera.problem.${problem}`];
}
