// Competence self-assessment: the group's areas (the facilitator edits them), the member's own form
// and radar chart (personal: only they see it), and the group's averages once the facilitator
// released them (with the facilitator's controls for that).
import type { AssessmentPhase, CompetenceArea, OwnAssessment } from '@vermeboard/shared';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { chartSeries } from './assessment.js';
import { AssessmentSummary } from './AssessmentSummary.js';
import { AssessmentThreshold } from './AssessmentThreshold.js';
import { CompetenceAreasEditor } from './CompetenceAreasEditor.js';
import { canEdit, type HomeContext } from './homeContext.js';
import { RadarChart } from './RadarChart.js';
import { RatingForm } from './RatingForm.js';
import { SectionError } from './SectionError.js';
import { useLoaded } from './useLoaded.js';

const none: OwnAssessment[] = [];

export function SelfAssessmentSection({ ctx }: { ctx: HomeContext }) {
  const { t } = useI18n();
  const { api } = ctx;
  const takesPart = canEdit(ctx.role);
  const areas = useLoaded(useCallback(() => api.competenceAreas(), [api]));
  // Observers have no answers of their own (the server refuses them), so do not ask.
  const mine = useLoaded(
    useCallback(() => (takesPart ? api.myAssessments() : Promise.resolve(none)), [api, takesPart]),
  );
  const summary = useLoaded(useCallback(() => api.assessmentSummary(), [api]));
  const [editingAreas, setEditingAreas] = useState(false);

  const failed = [areas, mine, summary].find((s) => s.state.status === 'error');
  const onSaved = (saved: OwnAssessment) => {
    if (mine.state.status === 'ready') mine.set([...mine.state.data.filter((a) => a.phase !== saved.phase), saved]);
    summary.reload();
  };
  const onAreasSaved = (next: CompetenceArea[]) => {
    areas.set(next);
    setEditingAreas(false);
    summary.reload();
  };

  return (
    <section className="card" aria-labelledby="assess-title">
      <div className="card-heading">
        <h2 id="assess-title">{t('group.assess.title')}</h2>
        {ctx.role === 'facilitator' && !editingAreas && areas.state.status === 'ready' && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('group.areas.edit')}
            onClick={() => setEditingAreas(true)}
          >
            {t('group.edit')}
          </button>
        )}
      </div>
      <p className="muted">{t('group.assess.intro')}</p>
      {failed?.state.status === 'error' && (
        <SectionError
          error={failed.state.error}
          onRetry={() => [areas, mine, summary].forEach((s) => s.state.status === 'error' && s.reload())}
        />
      )}
      {areas.state.status === 'ready' && editingAreas && (
        <CompetenceAreasEditor
          ctx={ctx}
          areas={areas.state.data}
          onSaved={onAreasSaved}
          onCancel={() => setEditingAreas(false)}
        />
      )}
      {areas.state.status === 'ready' && mine.state.status === 'ready' && (
        <Personal ctx={ctx} areas={areas.state.data} mine={mine.state.data} onSaved={onSaved} />
      )}
      {summary.state.status === 'ready' && (
        <AssessmentSummary ctx={ctx} summary={summary.state.data} onChanged={summary.set} />
      )}
      {summary.state.status === 'ready' && ctx.role === 'facilitator' && (
        <AssessmentThreshold ctx={ctx} summary={summary.state.data} onSaved={summary.set} />
      )}
    </section>
  );
}

function Personal({
  ctx,
  areas,
  mine,
  onSaved,
}: {
  ctx: HomeContext;
  areas: CompetenceArea[];
  mine: OwnAssessment[];
  onSaved(saved: OwnAssessment): void;
}) {
  const { t } = useI18n();
  const [lastSaved, setLastSaved] = useState<AssessmentPhase | null>(null);
  if (areas.length === 0) return <p>{t('group.assess.noAreas')}</p>;
  if (!canEdit(ctx.role)) return <p className="muted">{t('group.assess.observer')}</p>;
  const series = chartSeries(areas, mine);
  return (
    <>
      {series.length > 0 && (
        <>
          <h3>{t('group.assess.mine')}</h3>
          <RadarChart areas={areas} series={series} />
        </>
      )}
      <p role="status" className="status-line">
        {lastSaved ? t('group.assess.saved', { phase: t(`group.assess.phase.${lastSaved}`) }) : ''}
      </p>
      {/* Open until the first answer; afterwards the chart leads and the form folds away. */}
      <details className="assessment-form" open={series.length === 0}>
        <summary>{series.length === 0 ? t('group.assess.form') : t('group.assess.update')}</summary>
        <RatingForm
          // A fresh form when the facilitator changes the areas.
          key={areas.map((a) => a.id).join()}
          ctx={ctx}
          areas={areas}
          mine={mine}
          onSaved={(saved) => {
            setLastSaved(saved.phase);
            onSaved(saved);
          }}
        />
      </details>
    </>
  );
}
