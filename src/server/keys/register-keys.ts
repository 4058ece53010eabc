// Brings the database in line with the key material at start: issuers and the public parts of their keys.
// Returns whether anything changed, which calls for a new trust bundle (spec section 3). Only ever the configured
// root and issuers, and only into the database of their scheme (checked again here: no second root, ever).

import { withoutPrivate } from '../../core/index.ts';
import type { Database } from '../db/database.ts';
import type { KeyMaterial } from './key-material.ts';
import { readHeldScheme, SchemeRefused, schemeRefusal } from './scheme-record.ts';

export async function registerKeys(db: Database, material: KeyMaterial): Promise<boolean> {
  return db.transaction(async (tx) => {
    const refusal = schemeRefusal(await readHeldScheme(tx), material);
    if (refusal) throw new SchemeRefused(refusal);
    let changed = false;
    const root = await tx.query(
      `INSERT INTO scheme_keys (kid, role, public_jwk) VALUES ($1, 'root', $2) ON CONFLICT (kid) DO NOTHING RETURNING kid`,
      [material.root.kid, JSON.stringify(withoutPrivate(material.root))],
    );
    changed ||= root.length > 0;
    for (const issuer of material.issuers) {
      const upserted = await tx.query(
        `INSERT INTO issuers (iss, name, cats) VALUES ($1, $2, $3)
           ON CONFLICT (iss) DO UPDATE SET name = EXCLUDED.name, cats = EXCLUDED.cats
           WHERE issuers.name IS DISTINCT FROM EXCLUDED.name OR issuers.cats IS DISTINCT FROM EXCLUDED.cats
         RETURNING iss`,
        [issuer.iss, issuer.name, issuer.cats],
      );
      changed ||= upserted.length > 0;
      const key = await tx.query(
        // a key brought back into the issuers file signs again, even after it left the bundle
        `INSERT INTO scheme_keys (kid, role, iss, public_jwk) VALUES ($1, 'issuer', $2, $3)
           ON CONFLICT (kid) DO UPDATE SET state = 'active' WHERE scheme_keys.state <> 'active' AND scheme_keys.iss = EXCLUDED.iss RETURNING kid`,
        [issuer.key.kid, issuer.iss, JSON.stringify(withoutPrivate(issuer.key))],
      );
      changed ||= key.length > 0;
      // an issuer signs with the key in its file; an earlier key stays in the bundle as retired while a passport it
      // signed is valid (section 3; keys/key-rotation.ts drops it after)
      const retired = await tx.query(
        `UPDATE scheme_keys SET state = 'retired' WHERE iss = $1 AND kid <> $2 AND state = 'active' RETURNING kid`,
        [issuer.iss, issuer.key.kid],
      );
      changed ||= retired.length > 0;
    }
    return changed;
  });
}
