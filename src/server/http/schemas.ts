// JSON-schema fragments the routes share: Fastify validates every body, parameter and query against them, and a
// value that does not fit gets a 400 problem naming the field (see errors.ts).

/** Spec section 2: `iss` is 1 to 64 characters; its letters are the issuer's own choice. */
export const ISS = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const ISS_PATTERN = '^.{1,64}$';
/** Spec section 2: the passport number as printed on the card. */
export const JTI = { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,31}$' } as const;
/** Partner and device ids (the core's partner-profile rule). */
export const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' } as const;
export const NUMERIC_DATE = { type: 'integer', minimum: 0, maximum: 253_402_300_799 } as const;

export function objectOf(properties: Record<string, object>, required: string[] = [], extra = false) {
  return { type: 'object', properties, required, additionalProperties: extra } as const;
}
