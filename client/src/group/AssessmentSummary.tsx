// The group's averages per competence area and phase. The server withholds a phase until enough
// members answered it (and an area rated by too few has no average); this only shows what it got.
import type { AssessmentSummaryResponse } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';

export function AssessmentSummary({ summary }: { summary: AssessmentSummaryResponse }) {
  const { t, locale } = useI18n();
  const shown = summary.phases.filter((p) => !p.withheld);
  const withheld = summary.phases.filter((p) => p.withheld);
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const areas = shown[0]?.withheld === false ? shown[0].areas : [];

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
                  {t('group.assess.answeredCount', { phase: t(`group.assess.phase.${p.phase}`), n: p.answered })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.areaId}>
                <th scope="row">{area.name}</th>
                {shown.map((p) => {
                  const value = p.withheld ? null : p.areas.find((a) => a.areaId === area.areaId)?.average;
                  return <td key={p.phase}>{value == null ? '–' : average.format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {withheld.length > 0 && (
        <ul className="withheld-list">
          {withheld.map((p) => (
            <li key={p.phase}>
              <strong>{t(`group.assess.phase.${p.phase}`)}:</strong>{' '}
              {t('group.assess.withheld', { min: summary.minRespondents, n: p.answered })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
