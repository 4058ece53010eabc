import { render } from 'preact';

function App() {
  return (
    <main>
      <h1>Carers Passport Check</h1>
      <p>Scan a Carers Passport to check it.</p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
