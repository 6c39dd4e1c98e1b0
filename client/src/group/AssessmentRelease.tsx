// The facilitator's view of an open self-assessment phase: "k of n answered" and, once enough have
// answered, closing the phase, which shows its averages to the group for good (after a confirmation
// that says they will not change).
import type { AssessmentPhase, AssessmentSummaryResponse, PhaseProgress } from '@vermeboard/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import type { HomeContext } from './homeContext.js';
import { useSubmit } from './useSubmit.js';

interface Props {
  ctx: HomeContext;
  phase: AssessmentPhase;
  progress: PhaseProgress;
  minRespondents: number;
  onReleased(summary: AssessmentSummaryResponse): void;
}

export function AssessmentRelease({ ctx, phase, progress, minRespondents, onReleased }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const release = useSubmit();
  const phaseName = t(`group.assess.phase.${phase}`);
  const enough = progress.answered >= minRespondents;

  const progressText = t('group.assess.progress', { k: progress.answered, n: progress.of });
  if (!enough) {
    return (
      <>
        {progressText} <span className="muted">{t('group.assess.needMore', { min: minRespondents })}</span>
      </>
    );
  }
  return (
    <>
      {progressText}{' '}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          release.clear();
          setConfirming(true);
        }}
      >
        {t('group.assess.release', { phase: phaseName })}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('group.assess.releaseTitle', { phase: phaseName })}
        confirmLabel={t('group.assess.release', { phase: phaseName })}
        busy={release.busy}
        error={release.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          release.run(
            () => ctx.api.releaseAssessment(phase),
            (summary) => {
              setConfirming(false);
              onReleased(summary);
            },
          )
        }
      >
        <p>{t('group.assess.releaseBody', { k: progress.answered })}</p>
      </ConfirmDialog>
    </>
  );
}
