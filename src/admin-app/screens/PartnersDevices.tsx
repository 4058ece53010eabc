// A partner's devices and its enrolment codes, as the classic page has them: a new code as a QR to scan in the app's
// Settings (or its text to paste), with its expiry; the enrolled devices, when last seen, and removing one.

import { useEffect, useState } from 'preact/hooks';
import { getJson, sendJson } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { wordsFor } from '../use-request.ts';

type Device = { id: string; partnerId: string; name: string; createdAt: string; lastSeen: string | null; revokedAt: string | null };
type EnrolmentCode = { code: string; expiresAt: string; qrSvg: string };

/** "2027-01-15T08:00:00Z" as the reader's own date and time. */
export function localWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function PartnersDevices({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const [devices, setDevices] = useState<Device[] | undefined>(undefined);
  const [code, setCode] = useState<EnrolmentCode | undefined>(undefined);
  const [message, setMessage] = useState<NoticeState>(undefined);
  const load = async () => {
    const answer = await getJson<{ devices: Device[] }>('/admin/api/devices');
    setDevices(answer.devices.filter((d) => d.partnerId === partnerId));
  };
  useEffect(() => {
    setCode(undefined);
    load().catch((error: unknown) => setMessage({ kind: 'problem', text: wordsFor(error) }));
  }, [partnerId]);

  const act = async (work: () => Promise<void>) => {
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'problem', text: wordsFor(error) });
    }
  };
  const newCode = () => act(async () => setCode(await sendJson<EnrolmentCode>('POST', `/admin/api/partners/${encodeURIComponent(partnerId)}/enrolment-codes`)));
  const remove = (device: Device) =>
    act(async () => {
      await sendJson('POST', `/admin/api/devices/${encodeURIComponent(device.id)}/revoke`);
      setMessage({ kind: 'done', text: `Removed ${device.name}: it can no longer sync.` });
      await load();
    });

  return (
    <section class="stack" aria-labelledby="devices-heading">
      <h3 id="devices-heading">Devices</h3>
      <button type="button" onClick={newCode}>New enrolment code</button>
      {code && (
        <div class="enrolment-code">
          <p>Scan this in the app's Settings on the device to enrol it for {partnerName}. It works once, until {localWhen(code.expiresAt)}.</p>
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`} alt={`Enrolment code for ${partnerName} as a QR code`} width={220} height={220} />
          <label for="enrolment-text">Or paste this code in the app</label>
          <textarea id="enrolment-text" readOnly rows={3} value={code.code} />
        </div>
      )}
      <Notice notice={message} />
      {devices && devices.length === 0 && <p>No devices enrolled yet.</p>}
      {devices && devices.length > 0 && (
        <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Devices of {partnerName}</caption>
          <thead>
            <tr><th scope="col">Device</th><th scope="col">Enrolled</th><th scope="col">Last seen</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr>
                <td>{d.name} <code>{d.id}</code></td>
                <td>{localWhen(d.createdAt)}</td>
                <td>{d.lastSeen ? localWhen(d.lastSeen) : 'never'}</td>
                <td>
                  {d.revokedAt ? `Removed ${localWhen(d.revokedAt)}` : (
                    <ConfirmAction
                      label="Remove"
                      accessibleLabel={`Remove ${d.name} (${d.id})`}
                      question={`Remove ${d.name}? It stops syncing and must be enrolled again to be used.`}
                      yes="Remove the device"
                      no="Keep it"
                      onConfirm={() => remove(d)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
