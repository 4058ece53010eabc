// #/partners: the scheme's partners (a partner's manager sees only its own), and for the one chosen: its details and
// offers to edit, the "does it apply?" preview, its window sticker, enrolment codes and devices. Coordinators add
// partners.

import './partners-reports-accounts.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PARTNER_KIND_WORDS, type PartnerProfile } from '../../core/index.ts';
import { getJson } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { wordsFor } from '../use-request.ts';
import { session } from '../session.ts';
import { PartnersDevices } from './PartnersDevices.tsx';
import { PartnersEditor } from './PartnersEditor.tsx';
import { PartnersPreview } from './PartnersPreview.tsx';

type Chosen = { kind: 'new' } | { kind: 'partner'; profile: PartnerProfile; savedAt: number };

export function PartnersScreen() {
  const account = session.value?.account;
  const own = account?.role === 'partner' ? account.partner : undefined;
  // issuer staff read the list as the public directory shows it; partners are changed by coordinators and managers
  const mayOpen = account?.role !== 'issuer';
  const [partners, setPartners] = useState<PartnerProfile[] | undefined>(undefined);
  const [chosen, setChosen] = useState<Chosen | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const detail = useRef<HTMLDivElement>(null);

  const load = async () => {
    const answer = await getJson<{ partners: PartnerProfile[] }>('/admin/api/partners');
    setPartners(answer.partners.filter((p) => own === undefined || p.id === own));
  };
  const open = async (id: string) => {
    setProblem('');
    try {
      const { profile } = await getJson<{ profile: PartnerProfile }>(`/admin/api/partners/${encodeURIComponent(id)}`);
      setChosen({ kind: 'partner', profile, savedAt: Date.now() });
    } catch (error) {
      setProblem(wordsFor(error));
    }
  };
  useEffect(() => {
    load().catch((error: unknown) => setProblem(wordsFor(error)));
    if (own !== undefined) void open(own);
  }, [own]);
  // the chosen partner's heading takes focus, so a keyboard or screen reader user lands on what opened
  useEffect(() => {
    detail.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [chosen?.kind === 'partner' ? chosen.profile.id : chosen?.kind]);

  const saved = (profile: PartnerProfile) => {
    setChosen({ kind: 'partner', profile, savedAt: Date.now() });
    void load();
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{own ? 'Your partner' : 'Partners and offers'}</h1>
      <Notice notice={problem ? { kind: 'problem', text: problem } : undefined} />
      {partners && !own && (
        <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Partners</caption>
          <thead>
            <tr><th scope="col">Partner</th><th scope="col">Kind of place</th><th scope="col">Area</th><th scope="col">Offers</th><th scope="col"><span class="visually-hidden">Open</span></th></tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr data-partner={p.id}>
                <td>{p.name}</td>
                <td>{PARTNER_KIND_WORDS[p.kind]}</td>
                <td>{p.area ?? ''}</td>
                <td>{p.offers.length}</td>
                <td>{mayOpen && <button type="button" onClick={() => open(p.id)} aria-label={`Open ${p.name}`}>Open</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {!mayOpen && <p>Partners and their offers are changed by the scheme's coordinator and each partner's manager.</p>}
      {account?.role === 'coordinator' && <button type="button" onClick={() => setChosen({ kind: 'new' })}>Add a partner</button>}

      <div class="screen-detail" ref={detail}>
        {chosen?.kind === 'new' && (
          <>
            <h2 tabIndex={-1}>New partner</h2>
            <PartnersEditor saved={undefined} onSaved={saved} />
          </>
        )}
        {chosen?.kind === 'partner' && (
          <article key={chosen.profile.id} class="stack partner" aria-labelledby="partner-heading">
            <h2 id="partner-heading" tabIndex={-1}>{chosen.profile.name}</h2>
            <p>
              <a href={`/admin/api/partners/${encodeURIComponent(chosen.profile.id)}/sticker.pdf`} download>Download the window sticker (PDF)</a>
            </p>
            <PartnersEditor key={chosen.profile.id} saved={chosen.profile} onSaved={saved} />
            <PartnersPreview partnerId={chosen.profile.id} savedAt={chosen.savedAt} />
            <PartnersDevices partnerId={chosen.profile.id} partnerName={chosen.profile.name} />
          </article>
        )}
      </div>
    </section>
  );
}
