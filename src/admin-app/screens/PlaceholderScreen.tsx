// A screen still to come (built on another branch): says so, and where the classic page has it meanwhile.

import type { ComponentType } from 'preact';

export function placeholder(title: string): ComponentType {
  const Placeholder = () => (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{title}</h1>
      <p>
        This screen is not in the new admin page yet. Use the <a href="/admin/classic">classic admin page</a> meanwhile.
      </p>
    </section>
  );
  Placeholder.displayName = `${title}Placeholder`;
  return Placeholder;
}
