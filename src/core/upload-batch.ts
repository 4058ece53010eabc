// The redemption upload (POST /v1/redemptions, issue 4) as both ends see it: how many records a batch may hold and
// the answer for each record, so the app's uploader and the service's ingest cannot drift apart.

/** The most records in one upload: the service refuses a larger batch, and the app never sends one. */
export const MAX_UPLOAD_BATCH = 500;

/** What the service did with one record: stored it, had it already (the same id), or refused it with a reason. */
export type RecordStatus = 'stored' | 'duplicate' | 'rejected';

/** The service's answer for one record of a batch, in the order the records were sent. */
export type RecordResult = { id: string; status: RecordStatus; reason?: string };

export function isRecordStatus(value: unknown): value is RecordStatus {
  return value === 'stored' || value === 'duplicate' || value === 'rejected';
}
