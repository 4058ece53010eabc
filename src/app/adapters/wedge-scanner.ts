// Handheld USB and Bluetooth 2D scanners "type" what they read, like a very fast keyboard, then press Enter
// (a keyboard wedge). A burst of quick keystrokes ending in Enter is a scan wherever the focus is; slow human
// typing (in the paste box or anywhere) never is.

export type WedgeOptions = {
  /** A gap between two keystrokes longer than this is "slow" (a person, not a scanner). */
  maxGapMs?: number;
  /** Shorter bursts are ordinary typing; a passport code is hundreds of characters (spec section 2). */
  minLength?: number;
  /** Slow gaps tolerated in a burst, as a share of its keystrokes: Bluetooth scanners hiccup now and then. */
  slowShare?: number;
  /** A pause longer than this ends whatever was being typed; the next key starts afresh. */
  resetAfterMs?: number;
};

/** The part of a KeyboardEvent the detector reads, so tests can feed plain objects. */
export type WedgeKey = {
  key: string;
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
};

export type WedgeOutcome =
  | { kind: 'scan'; text: string }
  /** Enter or a character that did not complete a scan: let the page handle it as usual. */
  | { kind: 'pass' };

const DEFAULTS: Required<WedgeOptions> = { maxGapMs: 50, minLength: 20, slowShare: 0.05, resetAfterMs: 400 };

/** Pure state machine over key events: feed every keydown, act on `scan`. */
export class WedgeDetector {
  readonly #options: Required<WedgeOptions>;
  #text = '';
  #slowGaps = 0;
  #lastAt = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  handle(event: WedgeKey): WedgeOutcome {
    const { maxGapMs, minLength, slowShare, resetAfterMs } = this.#options;
    const gap = event.timeStamp - this.#lastAt;
    if (gap > resetAfterMs) this.reset();

    if (event.ctrlKey || event.altKey || event.metaKey) {
      // a shortcut (Ctrl+V into the paste box, Alt+Tab): never part of a scan
      this.reset();
      return { kind: 'pass' };
    }
    if (event.key === 'Enter') {
      const text = this.#text;
      const slow = this.#slowGaps + (gap > maxGapMs ? 1 : 0);
      this.reset();
      const fastEnough = slow <= Math.floor(text.length * slowShare);
      return text.length >= minLength && fastEnough ? { kind: 'scan', text } : { kind: 'pass' };
    }
    // Shift, CapsLock and other named keys come between characters when a scanner types capitals: skip them.
    if (event.key.length !== 1) return { kind: 'pass' };

    if (this.#text.length > 0 && gap > maxGapMs) this.#slowGaps++;
    this.#text += event.key;
    this.#lastAt = event.timeStamp;
    return { kind: 'pass' };
  }

  reset(): void {
    this.#text = '';
    this.#slowGaps = 0;
    this.#lastAt = Number.NEGATIVE_INFINITY;
  }
}

/**
 * Listens on `target` (the document while the scan screen is shown) in the capture phase, so a scan is seen
 * whichever element has focus. The Enter that completes a scan is swallowed (no newline in the paste box, no form
 * submitted); every other key reaches the page untouched. Returns the function that stops listening.
 */
export function listenForWedgeScans(target: EventTarget, onScan: (text: string) => void, options: WedgeOptions = {}): () => void {
  const detector = new WedgeDetector(options);
  const onKeyDown = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.isComposing) return;
    const outcome = detector.handle(event);
    if (outcome.kind === 'scan') {
      event.preventDefault();
      event.stopPropagation();
      onScan(outcome.text);
    }
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
