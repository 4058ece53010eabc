// The trust data's codes in words: why a file staff chose was not used (issue 12: components make the words).

import type { Translator } from '../../i18n/translator.ts';
import type { TrustFileProblem } from '../trust-data.ts';

export function fileProblemWords({ t }: Translator, problem: TrustFileProblem): string {
  const why = (() => {
    switch (problem.why) {
      case 'NOT_A_TOKEN':
        return t('trustPanel.why.notAToken');
      case 'NOT_NEWER':
        return t('trustPanel.why.notNewer');
      case 'NO_BUNDLE':
        return t('trustPanel.why.noBundle');
      case 'BUNDLE_REJECTED':
        return t(`bundleRejected.${problem.rejection}`);
      case 'LIST_UNUSABLE':
        return t('trustPanel.why.listUnusable', { problem: t(`listProblem.${problem.problem}`) });
    }
  })();
  return t('trustPanel.fileRejected', { file: problem.file, why });
}
