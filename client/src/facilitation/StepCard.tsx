// The step card everyone sees: method and step, instructions in their language, the countdown and
// what the speaking mode asks of them now.
import { useId } from 'react';
import { currentStep, sessionLibrary, speakingCue, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { useRoomView } from '../rooms/RoomView.js';
import { Countdown, TimeUpChime } from './Countdown.js';
import { cueText } from './cueText.js';
import { useFacilitation } from './FacilitationProvider.js';
import { privateStepKey } from './privateNotes.js';

/** Step n of the whole agenda, counting every method's steps. */
export function agendaStepNumber(state: SessionState): { n: number; total: number } {
  let n = 0;
  let total = 0;
  state.agenda.forEach((item, a) => {
    const count = sessionLibrary(state)[item.methodId]?.steps.length ?? 0;
    if (state.position && a < state.position.agendaIndex) n += count;
    total += count;
  });
  return { n: n + (state.position?.stepIndex ?? 0) + 1, total };
}

export function StepCard() {
  const { t, locale } = useI18n();
  const { state, me, clock, actor, unreadable } = useFacilitation();
  const { visiting } = useRoomView();
  const headingId = useId();
  if (unreadable) return <Unreadable />;
  if (state === null) return <p role="status">{t('facilitation.connecting')}</p>;
  const current = currentStep(state);
  if (current === null) {
    const ended = state.status === 'ended';
    return (
      <section className="vb-step-card" aria-labelledby={headingId}>
        <h2 id={headingId} className="vb-step-card__step">
          {t(ended ? 'facilitation.step.ended' : 'facilitation.step.notStarted')}
        </h2>
        <p className="vb-step-card__instructions">
          {t(ended ? 'facilitation.step.endedHint' : 'facilitation.step.notStartedHint')}
        </p>
      </section>
    );
  }
  const { method, step } = current;
  // The facilitator visiting a room reads that room's cue (its own case owner).
  const cue = speakingCue(state, me, { visiting });
  const { n, total } = agendaStepNumber(state);
  const writer = actor.role !== 'observer';
  return (
    <section className="vb-step-card" aria-labelledby={headingId} data-mode={step.speakingMode}>
      <p className="vb-step-card__method">
        {method.name[locale]} · {t('facilitation.step.of', { n, total })}
      </p>
      <h2 id={headingId} className="vb-step-card__step">
        {step.title[locale]}
      </h2>
      <p className="vb-step-card__cue" data-cue={cue.kind}>
        {cueText(cue, state, t, locale)}
      </p>
      <p className="vb-step-card__instructions">{step.instructions[locale]}</p>
      {privateStepKey(state, writer) !== null && (
        <p className="vb-step-card__private">{t('facilitation.private.hint')}</p>
      )}
      <Countdown timer={state.timer} clock={clock} label={t('facilitation.timer.label')} />
      {state.turns.timer.durationMs > 0 && (
        <Countdown timer={state.turns.timer} clock={clock} label={t('facilitation.timer.turn')} />
      )}
      <TimeUpChime timer={state.timer} clock={clock} />
    </section>
  );
}

/** The server sent a meeting state this page cannot read: say so instead of "Connecting…" forever. */
function Unreadable() {
  const { t } = useI18n();
  return (
    <div className="vb-fac-error" role="alert">
      <span>{t('facilitation.unreadable')}</span>
      <button type="button" className="vb-fac-button" onClick={() => window.location.reload()}>
        {t('facilitation.reload')}
      </button>
    </div>
  );
}
