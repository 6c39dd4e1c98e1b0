// The self-assessment form: which phase (start, mid-way, end), then one radio group per competence
// area, named by the area, with 1 = beginner … 5 = confident. Saving again replaces that phase's answer.
import {
  assessmentPhases,
  type AssessmentPhase,
  type CompetenceArea,
  type CompetenceAreaId,
  type OwnAssessment,
} from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { defaultPhase, ratingsOf, unratedAreas, type Ratings } from './assessment.js';
import type { HomeContext } from './homeContext.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

const scale = [1, 2, 3, 4, 5] as const;

interface Props {
  ctx: HomeContext;
  areas: readonly CompetenceArea[];
  mine: readonly OwnAssessment[];
  onSaved(saved: OwnAssessment): void;
}

export function RatingForm({ ctx, areas, mine, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [phase, setPhase] = useState<AssessmentPhase>(() => defaultPhase(mine));
  const [ratings, setRatings] = useState<Ratings>(() => ratingsOf(mine, phase));
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmit();
  const missing = new Set(unratedAreas(areas, ratings).map((a) => a.id));
  const answered = new Set(mine.map((a) => a.phase));

  const choosePhase = (next: AssessmentPhase) => {
    setPhase(next);
    setRatings(ratingsOf(mine, next));
    setShowMissing(false);
  };

  const rate = (areaId: CompetenceAreaId, rating: number) => setRatings((r) => ({ ...r, [areaId]: rating }));

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (missing.size > 0) {
      setShowMissing(true);
      // Take the person to the first area still without a rating.
      document
        .getElementById(`${id}-area-${[...missing][0]}`)
        ?.querySelector('input')
        ?.focus();
      return;
    }
    const body = areas.map((a) => ({ areaId: a.id, rating: ratings[a.id] ?? 0 }));
    submit.run(() => ctx.api.saveAssessment(phase, body), onSaved);
  };

  return (
    <form onSubmit={save} noValidate className="rating-form" aria-label={t('group.assess.form')}>
      <fieldset className="phase-choice">
        <legend>{t('group.assess.phaseLegend')}</legend>
        <div className="segmented">
          {assessmentPhases.map((p) => (
            <label key={p} className="segment">
              <input
                type="radio"
                name={`${id}-phase`}
                value={p}
                checked={phase === p}
                onChange={() => choosePhase(p)}
              />
              <span>
                {t(`group.assess.phase.${p}`)}
                {answered.has(p) && <span className="segment-note"> ({t('group.assess.answered')})</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {areas.map((area) => {
        const error = showMissing && missing.has(area.id);
        const legendId = `${id}-legend-${area.id}`;
        return (
          <fieldset
            key={area.id}
            id={`${id}-area-${area.id}`}
            role="radiogroup"
            aria-labelledby={legendId}
            aria-describedby={error ? `${id}-error-${area.id}` : undefined}
            aria-invalid={error || undefined}
            className="rating-group"
          >
            <legend id={legendId}>{area.name}</legend>
            <div className="rating-scale">
              {scale.map((n) => (
                <label key={n} className="rating-option">
                  <input
                    type="radio"
                    name={`${id}-rating-${area.id}`}
                    value={n}
                    checked={ratings[area.id] === n}
                    onChange={() => rate(area.id, n)}
                  />
                  <span className="rating-number">{n}</span>
                  <span className="rating-word">{t(`group.assess.scale.${n}`)}</span>
                </label>
              ))}
            </div>
            {error && (
              <p id={`${id}-error-${area.id}`} className="field-error">
                {t('group.assess.missing')}
              </p>
            )}
          </fieldset>
        );
      })}

      {showMissing && missing.size > 0 && (
        <p className="field-error" role="alert">
          {t('group.assess.missingSome')}
        </p>
      )}
      <FormError error={submit.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.assess.save')}
        </button>
      </div>
    </form>
  );
}
