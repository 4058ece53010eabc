export function ImportScreen() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Import</h1>
    </section>
  );
}
