export function RenewalsScreen() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Renewals</h1>
    </section>
  );
}
