// The facilitator's setting for how many answers a self-assessment phase needs before its averages
// can be shown: at least three (the product's floor, so that an average is never one person's
// answer), and more if the group wants.
import { processLimits, type AssessmentSummaryResponse } from '@vermeboard/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { parseWholeNumber, serverField } from './formInput.js';
import type { HomeContext } from './homeContext.js';
import { FormError } from './SectionError.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  summary: AssessmentSummaryResponse;
  onSaved(summary: AssessmentSummaryResponse): void;
}

export function AssessmentThreshold({ ctx, summary, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(String(summary.minRespondents));
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const min = processLimits.assessmentMinRespondents;
  const max = processLimits.assessmentMaxThreshold;

  const save = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const parsed = parseWholeNumber(value, min, max);
    setInvalid(parsed === null);
    if (parsed === null) return;
    submit.run(
      () => ctx.api.setAssessmentThreshold(parsed),
      (next) => {
        onSaved(next);
        setDone(true);
      },
    );
  };
  const error = invalid || serverField(submit.error)?.field === 'minRespondents';

  return (
    <form onSubmit={save} noValidate aria-label={t('group.assess.threshold')} className="assessment-threshold">
      <div className="field field-narrow">
        <label htmlFor={`${id}-min`}>{t('group.assess.threshold')}</label>
        <input
          id={`${id}-min`}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${id}-min-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setDone(false);
          }}
        />
        {error && (
          <p id={`${id}-min-error`} className="field-error">
            {t('group.assess.thresholdInvalid', { min, max })}
          </p>
        )}
      </div>
      {!error && <FormError error={submit.error} />}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={submit.busy}>
          {submit.busy ? t('group.saving') : t('group.save')}
        </button>
        <p role="status" className="status-line">
          {done ? t('group.saved') : ''}
        </p>
      </div>
    </form>
  );
}
