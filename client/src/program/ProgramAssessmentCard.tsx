// The program-wide self-assessment: per released phase, the average over every group that released
// it (weighted by answers per area), how many answers and from how many groups.
import type { ProgramAssessment } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { phaseLabel } from './phaseLabel.js';

export function ProgramAssessmentCard({ assessment }: { assessment: ProgramAssessment[] }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <section className="card" aria-labelledby="program-assessment-title">
      <h2 id="program-assessment-title">{t('program.assessment.title')}</h2>
      <p className="muted">{t('program.assessment.intro')}</p>
      {assessment.length === 0 ? (
        <p>{t('program.assessment.empty')}</p>
      ) : (
        <dl className="program-assessment">
          {assessment.map((p) => (
            <div key={p.phase}>
              <dt>{phaseLabel(t, p.phase)}</dt>
              <dd>
                {t('program.assessment.row', {
                  average: p.average === null ? t('program.assessment.noAverage') : number.format(p.average),
                  answered: p.answered,
                  groups: p.groups,
                })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
