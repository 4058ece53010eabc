// The one interface the service uses to reach PostgreSQL, whether embedded (PGlite) or a server (node-postgres).

export type Row = Record<string, unknown>;

/** Something that runs one parameterised statement ($1, $2, ...). */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Also runs several statements without parameters at once (migrations). */
export interface Executor extends Queryable {
  exec(sql: string): Promise<void>;
}

export interface Database extends Executor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding the advisory lock `key` (src/server/db/lock-keys.ts): instances sharing one PostgreSQL
   * server take turns. `work` uses the database as usual; the lock is held on a connection of its own.
   */
  withLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres', for the start banner and test names. */
  readonly kind: 'pglite' | 'postgres';
}
