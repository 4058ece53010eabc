// "Choose a photo or screenshot": a passport sent as a picture, or the camera app's own photo when live scanning
// struggles. Decoded by the same worker as the camera.

import { useState } from 'preact/hooks';
import { sharedDecoder } from '../adapters/decoder-bridge.ts';
import { useT } from '../words.ts';

type Props = { onScan: (text: string) => void };

type PhotoState = 'idle' | 'reading' | 'not-found';

export function PhotoPicker({ onScan }: Props) {
  const { t } = useT();
  const [state, setState] = useState<PhotoState>('idle');

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire change again
    if (!file) return;
    setState('reading');
    const { text } = await sharedDecoder().decodeFile(file);
    if (text === undefined || text === '') return setState('not-found');
    setState('idle');
    onScan(text);
  };

  return (
    <div class="photo-picker">
      <h2>{t('photo.heading')}</h2>
      <label for="photo-file">{t('photo.label')}</label>
      <input id="photo-file" type="file" accept="image/*" onChange={(e) => void choose(e.currentTarget)} />
      <p role="status" class={state === 'not-found' ? 'error' : 'hint'}>
        {state === 'reading' ? t('photo.reading') : state === 'not-found' ? t('photo.notFound') : ''}
      </p>
    </div>
  );
}
