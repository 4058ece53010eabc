// "Does it apply now to an adult carer?": GET /admin/api/partners/:id/preview runs the core's offer rules on a
// valid passport of that kind at that moment, and answers with the words staff see at the till. It runs again by
// itself after each save (`savedAt`), so a change shows at once.

import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../core/index.ts';
import { categoryWords } from '../issuers.ts';
import { getJson } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { wordsFor } from '../use-request.ts';

type OfferPreview = { offerId: string; title: string; applies: boolean; why?: string; limit: string };
type Preview = { localTime: string; offers: OfferPreview[] };

export function PartnersPreview({ partnerId, savedAt }: { partnerId: string; savedAt: number }) {
  const [cat, setCat] = useState<Category>('adult');
  const [at, setAt] = useState('');
  const [preview, setPreview] = useState<Preview | undefined>(undefined);
  const [problem, setProblem] = useState('');

  const check = async () => {
    setProblem('');
    const when = at ? `&at=${encodeURIComponent(new Date(at).toISOString())}` : '';
    try {
      setPreview(await getJson<Preview>(`/admin/api/partners/${encodeURIComponent(partnerId)}/preview?cat=${cat}${when}`));
    } catch (error) {
      setPreview(undefined);
      setProblem(wordsFor(error));
    }
  };
  useEffect(() => {
    void check();
  }, [partnerId, savedAt]);

  return (
    <section class="stack" aria-labelledby="preview-heading">
      <h3 id="preview-heading">Does it apply?</h3>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Field id="preview-cat" label="Kind of carer">
          <select value={cat} onChange={(e) => setCat(e.currentTarget.value as Category)}>
            {CATEGORIES.map((c) => <option value={c}>{categoryWords(c)}</option>)}
          </select>
        </Field>
        <Field id="preview-at" label="At" hint="Your computer's time; empty for now.">
          <input type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />
        </Field>
        <button>Check the offers</button>
      </form>
      <div aria-live="polite">
        <Notice notice={problem ? { kind: 'problem', text: problem } : undefined} />
        {preview && (
          <>
            <p>At {preview.localTime}:</p>
            {preview.offers.length === 0 ? (
              <p>This partner has no offers.</p>
            ) : (
              <div class="table-scroll">
              <table>
                <caption class="visually-hidden">Which offers apply</caption>
                <thead>
                  <tr><th scope="col">Offer</th><th scope="col">Applies?</th><th scope="col">Why not, or its limit</th></tr>
                </thead>
                <tbody>
                  {preview.offers.map((o) => (
                    <tr data-offer={o.offerId}>
                      <td>{o.title}</td>
                      <td>{o.applies ? 'Yes' : <strong>No</strong>}</td>
                      <td>{o.applies ? o.limit : o.why}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
