export function PassportsScreen() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Passports</h1>
    </section>
  );
}
