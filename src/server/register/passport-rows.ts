// A register entry as the register, its list and its routes read it from the passports table.

import type { Category, NumericDate } from '../../core/index.ts';

export type PassportStatus = 'valid' | 'revoked' | 'suspended';
/** The register's states by their number in passports.status (and in the status list: spec section 4). */
export const STATUS_NAMES: PassportStatus[] = ['valid', 'revoked', 'suspended'];

export type RegisterEntry = {
  iss: string;
  jti: string;
  cat: Category;
  name: string | null;
  nbf: NumericDate;
  exp: NumericDate;
  statusUri: string;
  statusIdx: number;
  status: PassportStatus;
};

export type PassportRow = { iss: string; jti: string; category: string; name: string | null; nbf: string | number; exp: string | number; uri: string; status_idx: number; status: number };

export const SELECT_ENTRY = `SELECT p.iss, p.jti, p.category, p.name, p.nbf, p.exp, l.uri, p.status_idx, p.status
  FROM passports p JOIN status_lists l ON l.id = p.status_list_id`;

export function toEntry(row: PassportRow): RegisterEntry {
  return {
    iss: row.iss, jti: row.jti, cat: row.category as Category, name: row.name, nbf: Number(row.nbf), exp: Number(row.exp),
    statusUri: row.uri, statusIdx: row.status_idx, status: STATUS_NAMES[row.status] ?? 'revoked',
  };
}
