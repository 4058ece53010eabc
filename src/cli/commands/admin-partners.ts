// `carers-passport admin partner|enrol|device ...`: partners and their offers, enrolment codes, devices.

import { usageError } from '../errors.ts';
import { oneOf, readJsonFile } from '../inputs.ts';
import type { CliIo } from '../io.ts';
import { jsonText, writeOutput } from '../outputs.ts';
import type { AdminScheme } from './admin-scheme.ts';

export async function adminPartner(scheme: AdminScheme, io: CliIo, positionals: string[]): Promise<void> {
  const store = await import('../../server/partners/partner-store.ts');
  const action = oneOf(positionals[0] ?? '', 'admin partner', ['save', 'list']);
  if (action === 'list') {
    io.stdout(jsonText(await store.listPartners(scheme.ctx.db)));
    return;
  }
  const file = positionals[1];
  if (!file) return usageError('admin partner save needs a PROFILE.json (the partner profile with its offers)');
  const saved = await store.savePartner(scheme.ctx, await readJsonFile(io, file, 'profile'), scheme.actor);
  if (!saved.ok) return usageError(`${file}: ${saved.problem}`);
  io.stdout(jsonText({ saved: saved.profile.id, offers: saved.profile.offers.length }));
}

export async function adminEnrol(scheme: AdminScheme, io: CliIo, positionals: string[], qrPath: string | undefined): Promise<void> {
  const { createEnrolmentCode } = await import('../../server/devices/enrolment-codes.ts');
  const partnerId = positionals[0];
  if (!partnerId) return usageError('admin enrol needs a PARTNER id');
  const created = await createEnrolmentCode(scheme.ctx, partnerId, scheme.actor);
  if (!created.ok) return usageError(created.problem);
  if (qrPath !== undefined) {
    const { textQrSvg } = await import('../../server/admin/qr-svg.ts');
    await writeOutput(io, qrPath, await textQrSvg(created.code), { kind: 'public', force: true });
  }
  io.stdout(jsonText({ code: created.code, partnerId, expiresAt: new Date(created.claims.exp * 1000).toISOString() }));
}

export async function adminDevice(scheme: AdminScheme, io: CliIo, positionals: string[]): Promise<void> {
  const devices = await import('../../server/devices/device-store.ts');
  const action = oneOf(positionals[0] ?? '', 'admin device', ['list', 'revoke']);
  if (action === 'list') {
    io.stdout(jsonText(await devices.listDevices(scheme.ctx)));
    return;
  }
  const deviceId = positionals[1];
  if (!deviceId) return usageError('admin device revoke needs a DEVICE id');
  const revoked = await devices.revokeDevice(scheme.ctx, deviceId, scheme.actor);
  if (!revoked.ok) return usageError(revoked.problem);
  io.stdout(jsonText({ revoked: deviceId }));
}

export async function adminReport(scheme: AdminScheme, io: CliIo, positionals: string[], csv: boolean): Promise<void> {
  const { REPORTS, REPORT_NAMES, toCsv } = await import('../../server/reports/reports.ts');
  const name = oneOf(positionals[0] ?? '', 'admin report', REPORT_NAMES);
  const report = await REPORTS[name]!(scheme.ctx.db);
  io.stdout(csv ? toCsv(report) : jsonText(report));
}
