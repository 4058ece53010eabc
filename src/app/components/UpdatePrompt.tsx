// A quiet note that a new version is ready. It waits while a verification is in progress (`busy`: a verdict on
// screen, a redemption being recorded) and never reloads on its own: staff choose the moment.

import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, registerServiceWorker, updateAvailable } from '../adapters/sw-bridge.ts';
import { scanMessage } from '../scan-messages.ts';
import './update-prompt.css';

export type UpdatePromptProps = {
  /** While true the prompt stays out of sight; it shows again once the verification is over. */
  busy?: boolean;
};

export function UpdatePrompt({ busy = false }: UpdatePromptProps) {
  const [later, setLater] = useState(false);

  // registering here too makes the prompt self-sufficient; registerServiceWorker() runs only once
  useEffect(() => void registerServiceWorker(), []);

  if (!updateAvailable.value || busy || later) return null;
  return (
    <div class="update-prompt" role="status">
      <p>{scanMessage('update.ready')}</p>
      <button type="button" onClick={applyUpdate}>
        {scanMessage('update.apply')}
      </button>
      <button type="button" onClick={() => setLater(true)}>
        {scanMessage('update.later')}
      </button>
    </div>
  );
}
