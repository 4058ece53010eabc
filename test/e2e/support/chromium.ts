// Debian's Chromium driven by playwright-core: the real browser for every UI test.

import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumOptions = {
  /** Absolute path of a .y4m file that Chromium plays as its camera (it loops). */
  fakeCamera?: string;
  extraArgs?: string[];
};

export function chromiumArgs(options: ChromiumOptions = {}): string[] {
  const camera = options.fakeCamera
    ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.fakeCamera}`]
    : [];
  return [...BASE_FLAGS, ...camera, ...(options.extraArgs ?? [])];
}

export function launchChromium(options: ChromiumOptions = {}, launch: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(options), ...launch });
}
