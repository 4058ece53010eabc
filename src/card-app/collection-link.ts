// The collection link carries its code in the fragment (`/card/#code=7K2M-9QXD-4HTP`), so it never reaches a server log.

/** The code in a location hash, or undefined. */
export function codeFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code')?.trim();
  return code ? code : undefined;
}
