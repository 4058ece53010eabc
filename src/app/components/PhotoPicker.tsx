// "Choose a photo or screenshot": a passport sent as a picture, or the camera app's own photo when live scanning
// struggles. Read by the scanner model, with the same decoder as the camera.

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function PhotoPicker() {
  const { scanner } = useModels();
  const { t } = useT();
  const state = scanner.photo.value;

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire change again
    if (file) void scanner.decodePhoto(file);
  };

  return (
    <div class="photo-picker">
      <h2>{t('photo.heading')}</h2>
      <label for="photo-file">{t('photo.label')}</label>
      <input id="photo-file" type="file" accept="image/*" onChange={(e) => choose(e.currentTarget)} />
      <p role="status" class={state === 'not-found' ? 'error' : 'hint'}>
        {state === 'reading' ? t('photo.reading') : state === 'not-found' ? t('photo.notFound') : ''}
      </p>
    </div>
  );
}
