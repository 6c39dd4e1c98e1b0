// The member's own self-assessment as a radar chart: one spoke per competence area, one polygon per
// answered phase. Hand-written SVG (no chart dependency). Spokes carry numbers that the legend below
// names, because area names are too long to fit around a chart. Screen readers get a summary as the
// image's name and the exact numbers in a visually hidden table.
import type { AssessmentPhase, CompetenceArea } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Series } from './assessment.js';
import { radarPoint, ringPoint, ringPoints, seriesPoints, type RadarFrame } from './radarGeometry.js';

const SIZE = 340;
const frame: RadarFrame = { cx: SIZE / 2, cy: SIZE / 2, radius: 130, min: 1, max: 5 };
const levels = [1, 2, 3, 4, 5];

/** Line styles as well as colours, so the phases are told apart without colour vision. */
const seriesStyle: Record<AssessmentPhase, { className: string; dash?: string }> = {
  start: { className: 'radar-start', dash: '6 4' },
  mid: { className: 'radar-mid', dash: '2 3' },
  end: { className: 'radar-end' },
};

export function RadarChart({ areas, series }: { areas: readonly CompetenceArea[]; series: readonly Series[] }) {
  const { t } = useI18n();
  const phaseName = (phase: AssessmentPhase) => t(`group.assess.phase.${phase}`);
  const summary = areas
    .map((area, i) =>
      t('group.assess.chartArea', {
        area: area.name,
        values: series
          .map((s) =>
            t('group.assess.chartValue', {
              phase: phaseName(s.phase),
              rating: s.values[i] ?? t('group.assess.notRated'),
            }),
          )
          .join(', '),
      }),
    )
    .join(' ');
  const count = areas.length;

  return (
    <figure className="radar">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={t('group.assess.chart', { summary })}
        className="radar-svg"
      >
        {levels.map((level) => (
          <polygon key={level} points={ringPoints(frame, count, level)} className="radar-ring" />
        ))}
        {areas.map((area, i) => {
          const end = ringPoint(frame, i, count, 1);
          const label = ringPoint(frame, i, count, 1.13);
          return (
            <g key={area.id}>
              <line x1={frame.cx} y1={frame.cy} x2={end.x} y2={end.y} className="radar-spoke" />
              <text x={label.x} y={label.y} className="radar-label" textAnchor="middle" dominantBaseline="central">
                {i + 1}
              </text>
            </g>
          );
        })}
        {levels.map((level) => {
          // Scale numbers along the first spoke, just right of it.
          const p = radarPoint(frame, 0, count, level);
          return (
            <text key={level} x={p.x + 6} y={p.y} className="radar-scale" dominantBaseline="central">
              {level}
            </text>
          );
        })}
        {series.map((s) => (
          <polygon
            key={s.phase}
            points={seriesPoints(frame, s.values)}
            className={`radar-series ${seriesStyle[s.phase].className}`}
            strokeDasharray={seriesStyle[s.phase].dash}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="radar-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.phase}>
              <svg width="32" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="32"
                  y2="5"
                  className={`radar-key ${seriesStyle[s.phase].className}`}
                  strokeDasharray={seriesStyle[s.phase].dash}
                />
              </svg>
              {phaseName(s.phase)}
            </li>
          ))}
        </ul>
        <ol className="radar-areas" aria-hidden="true">
          {areas.map((area) => (
            <li key={area.id}>{area.name}</li>
          ))}
        </ol>
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('group.assess.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('group.assess.area')}</th>
            {series.map((s) => (
              <th key={s.phase} scope="col">
                {phaseName(s.phase)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((area, i) => (
            <tr key={area.id}>
              <th scope="row">{area.name}</th>
              {series.map((s) => (
                <td key={s.phase}>{s.values[i] ?? t('group.assess.notRated')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
