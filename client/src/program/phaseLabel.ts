import type { AssessmentPhase } from '@vermeboard/shared';
import type { Translate } from '../i18n/I18nProvider.js';

/** A self-assessment phase's name on the program page. */
export function phaseLabel(t: Translate, phase: AssessmentPhase): string {
  return t(`program.assessment.phase.${phase}`);
}
