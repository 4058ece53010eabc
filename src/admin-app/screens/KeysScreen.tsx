// The issuers' signing keys (issue 10, point 6): which signs new passports, which are retired and still needed by
// valid passports they signed, and which have left the trust bundle (their private file may then be destroyed).

import { getJson } from '../api.ts';
import { Loaded } from '../components/Loaded.tsx';
import { useRequest } from '../use-request.ts';

type IssuerKey = { kid: string; iss: string; state: 'active' | 'retired' | 'removed'; addedAt: string; validPassports: number; signsNew: boolean };

const STATE_WORDS: Record<IssuerKey['state'], string> = {
  active: 'in the bundle',
  retired: 'retired: in the bundle while passports it signed are valid',
  removed: 'removed from the bundle: destroy its private key file',
};

export function KeysScreen() {
  const keys = useRequest(() => getJson<{ keys: IssuerKey[] }>('/admin/api/keys').then((r) => r.keys), []);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Issuer keys</h1>
      <p>
        A new key is made on the offline machine and named in <code>issuers.json</code>; the service then signs with it and keeps the old one in
        the trust bundle until no valid passport needs it (README, "Key rotation").
      </p>
      <Loaded request={keys}>
        {(list) =>
          list.length === 0 ? (
            <p>No issuer keys yet.</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">Issuer keys and their state</caption>
                <thead>
                  <tr><th scope="col">Issuer</th><th scope="col">Key id</th><th scope="col">Added</th><th scope="col">State</th><th scope="col">Signs new passports</th><th scope="col">Valid passports it signed</th></tr>
                </thead>
                <tbody>
                  {list.map((key) => (
                    <tr key={key.kid}>
                      <td>{key.iss}</td>
                      <td><code>{key.kid}</code></td>
                      <td>{key.addedAt}</td>
                      <td>{STATE_WORDS[key.state]}</td>
                      <td>{key.signsNew ? 'yes' : 'no'}</td>
                      <td class="number">{key.validPassports.toLocaleString('en-GB')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
