// Partners, devices and records for the server tests, made through the service's own API.

import { randomUUID } from 'node:crypto';
import type { PartnerProfile, RedemptionRecord } from '../../../src/core/index.ts';
import { adminCall } from './test-service.ts';

export function partnerProfile(id: string, offers = ['coffee', 'parking']): PartnerProfile {
  return {
    id,
    name: `Partner ${id}`,
    kind: 'shop',
    timeZone: 'Europe/London',
    offers: offers.map((offer) => ({
      id: offer,
      title: `Offer ${offer}`,
      description: '',
      kind: 'benefit',
      categories: ['adult', 'young', 'young-adult', 'parent'],
      limit: { kind: 'unlimited' },
    })),
  };
}

export async function createPartner(base: string, id: string, offers?: string[]): Promise<PartnerProfile> {
  const profile = partnerProfile(id, offers);
  const saved = await adminCall(base, 'PUT', `/admin/api/partners/${id}`, profile);
  if (saved.status !== 200) throw new Error(`saving partner ${id}: ${saved.status} ${JSON.stringify(saved.data)}`);
  return profile;
}

export async function enrolmentCode(base: string, partnerId: string): Promise<string> {
  const made = await adminCall(base, 'POST', `/admin/api/partners/${partnerId}/enrolment-codes`);
  if (made.status !== 201) throw new Error(`enrolment code: ${made.status}`);
  return made.data.code as string;
}

export type EnrolledDevice = { deviceId: string; deviceToken: string; partnerId: string };

export async function enrol(base: string, partnerId: string): Promise<EnrolledDevice> {
  const code = await enrolmentCode(base, partnerId);
  const res = await fetch(`${base}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Till 1' }) });
  if (res.status !== 200) throw new Error(`enrol: ${res.status}`);
  const data = (await res.json()) as { deviceId: string; deviceToken: string };
  return { ...data, partnerId };
}

export function record(device: EnrolledDevice, overrides: Partial<RedemptionRecord> = {}): RedemptionRecord {
  return {
    id: randomUUID(),
    redeemedAt: '2027-01-15T09:30:00.000Z',
    offerId: 'coffee',
    partnerId: device.partnerId,
    deviceId: device.deviceId,
    iss: 'uk.test.vasl',
    jti: 'VASL-0001',
    verdict: 'VALID',
    ...overrides,
  };
}

export async function upload(base: string, token: string | undefined, body: unknown): Promise<{ status: number; data: any; headers: Headers }> {
  const res = await fetch(`${base}/v1/redemptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, data: await res.json().catch(() => undefined), headers: res.headers };
}
