// The advisory lock keys of the service, in one place so two never collide (pg_advisory_lock takes any bigint).
// Instances sharing one PostgreSQL server take turns with them; PGlite is one process and queues in memory.

/** Applying migrations (src/server/db/migrate.ts). */
export const MIGRATION_LOCK = 4_242_001;
/** The start: claiming the scheme, registering keys, seeding the demo, the first lists and bundle (scheme-startup.ts). */
export const STARTUP_LOCK = 4_242_002;
/** Creating an issuer's next status list; the second key is hashtext(iss) (publication/status-lists.ts). */
export const STATUS_LIST_LOCK = 4_242_003;
