// The group's averages per competence area and phase. The server shows a phase's averages only after
// the facilitator closed it with enough answers, and freezes them; before that only the facilitator
// sees "k of n answered" and the button that closes the phase. This only shows what it got.
import type { AssessmentPhase, AssessmentSummaryResponse, PhaseSummary } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { AssessmentRelease } from './AssessmentRelease.js';
import type { HomeContext } from './homeContext.js';

type Released = Extract<PhaseSummary, { status: 'released' }>;
type Open = Extract<PhaseSummary, { status: 'open' }>;

interface Props {
  ctx: HomeContext;
  summary: AssessmentSummaryResponse;
  onChanged(summary: AssessmentSummaryResponse): void;
}

export function AssessmentSummary({ ctx, summary, onChanged }: Props) {
  const { t, locale } = useI18n();
  const shown = summary.phases.filter((p): p is Released => p.status === 'released');
  const open = summary.phases.filter((p): p is Open => p.status === 'open');
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const areas = shown[0]?.areas ?? [];
  const phaseName = (phase: AssessmentPhase) => t(`group.assess.phase.${phase}`);

  return (
    <div className="assessment-summary">
      <h3>{t('group.assess.group')}</h3>
      {shown.length > 0 && (
        <table className="data-table">
          <caption className="muted small">{t('group.assess.groupCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('group.assess.area')}</th>
              {shown.map((p) => (
                <th key={p.phase} scope="col">
                  {t('group.assess.answeredCount', { phase: phaseName(p.phase), n: p.answered })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.areaId}>
                <th scope="row">{area.name}</th>
                {shown.map((p) => {
                  const value = p.areas.find((a) => a.areaId === area.areaId)?.average;
                  return <td key={p.phase}>{value == null ? '–' : average.format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open.length > 0 && (
        <ul className="withheld-list">
          {open.map((p) => (
            <li key={p.phase}>
              <strong>{phaseName(p.phase)}:</strong>{' '}
              {p.progress ? (
                <AssessmentRelease
                  ctx={ctx}
                  phase={p.phase}
                  progress={p.progress}
                  minRespondents={summary.minRespondents}
                  onReleased={onChanged}
                />
              ) : (
                t('group.assess.waiting')
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
