// The amber banner of issue 11 point 4: this device's clock is earlier than data the scheme has already signed, or
// far from the service's clock. Results that depend on the date may be wrong until staff put the clock right.

import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function ClockWarning() {
  const { t } = useT();
  const { clockCheck } = useModels();
  const check = clockCheck.check.value;
  // role=status: it matters, but it must not interrupt a verdict being read out (that banner is role=alert)
  return (
    <div class="clock-warning" role="status">
      {!check.ok && (
        <p>
          <strong>{t('clock.banner')}</strong> {t(`clock.advice.${check.code}`)}
        </p>
      )}
    </div>
  );
}
