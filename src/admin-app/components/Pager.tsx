// Previous and next page of a long list, and where it is ("Passports 101 to 150 of 100,000"); the screen reads the
// range out once, in its own status line.

type PagerProps = { range: string; hasPrevious: boolean; hasNext: boolean; busy: boolean; onPrevious: () => void; onNext: () => void; label: string };

export function Pager({ range, hasPrevious, hasNext, busy, onPrevious, onNext, label }: PagerProps) {
  return (
    <nav class="pager" aria-label={label}>
      <p>{range}</p>
      <button type="button" disabled={!hasPrevious || busy} onClick={onPrevious}>Previous page</button>
      <button type="button" disabled={!hasNext || busy} onClick={onNext}>Next page</button>
    </nav>
  );
}
