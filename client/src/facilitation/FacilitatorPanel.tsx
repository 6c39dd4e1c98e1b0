// The facilitator's panel, shown to whoever the session says facilitates (the policy's `can` decides, the
// same rule the server enforces), and the compact bar with the step, its timer and next/previous
// that stays pinned above it. A holder of the facilitator role whose meeting lost its
// facilitator is offered to take over instead.
import { useId } from 'react';
import { can, currentSpeaker, currentStep, type SessionState, type Timer, type TimerKind } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { AgendaBuilder } from './AgendaBuilder.js';
import { AttentionControls } from './AttentionControls.js';
import { CommandButton } from './CommandButton.js';
import { Countdown } from './Countdown.js';
import { useFacilitation } from './FacilitationProvider.js';
import { GroupStatus } from './GroupStatus.js';
import { RoleControls } from './RoleControls.js';
import { RoundControls } from './RoundControls.js';
import { agendaStepNumber } from './StepCard.js';
import { VoteControls } from './VoteControls.js';

export function FacilitatorPanel() {
  const { t, locale } = useI18n();
  const { state, actor } = useFacilitation();
  const headingId = useId();
  if (state === null) return null;
  if (!can(actor, 'session.command', { session: state, command: { type: 'nextStep' } })) {
    if (
      !can(actor, 'session.command', { session: state, command: { type: 'claimFacilitation' } }) ||
      state.status === 'ended'
    )
      return null;
    return (
      <section className="vb-fac-section" aria-labelledby={headingId}>
        <h2 id={headingId} className="vb-fac-heading">
          {t('facilitation.panel.heading')}
        </h2>
        <p className="vb-fac-hint">{t('facilitation.panel.claimHint')}</p>
        <CommandButton command={{ type: 'claimFacilitation' }}>{t('facilitation.panel.claim')}</CommandButton>
      </section>
    );
  }
  const current = currentStep(state);
  return (
    <section className="vb-fac-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('facilitation.panel.heading')}
      </h2>
      {current && (
        <details className="vb-fac-notes">
          <summary>{t('facilitation.step.facilitatorNotes')}</summary>
          <p>{current.step.facilitatorNotes[locale]}</p>
        </details>
      )}
      {state.status === 'running' && <TimerControls state={state} />}
      {state.status === 'running' && <RoundControls state={state} />}
      {state.status === 'running' && <GroupStatus state={state} />}
      {state.status === 'running' && <VoteControls state={state} />}
      {state.status === 'running' && <AttentionControls />}
      {state.status !== 'ended' && <RoleControls state={state} />}
      {state.status !== 'ended' && <AgendaBuilder state={state} />}
      {state.status === 'draft' && state.agenda.length > 0 && (
        <CommandButton className="vb-fac-button vb-fac-primary" command={{ type: 'startMeeting' }}>
          {t('facilitation.meeting.start')}
        </CommandButton>
      )}
      {state.status === 'running' && (
        <CommandButton
          className="vb-fac-button vb-fac-danger"
          command={{ type: 'endMeeting' }}
          confirm={t('facilitation.meeting.endConfirm')}
        >
          {t('facilitation.meeting.end')}
        </CommandButton>
      )}
    </section>
  );
}

/**
 * The facilitator's bar: the step, its timer and previous/next, pinned to the top of the column so
 * it stays in view however far the panel below is scrolled.
 */
export function FacilitatorBar() {
  const { t, locale } = useI18n();
  const { state, actor, clock } = useFacilitation();
  if (
    state === null ||
    state.status !== 'running' ||
    !can(actor, 'session.command', { session: state, command: { type: 'nextStep' } })
  )
    return null;
  const current = currentStep(state);
  const { n, total } = agendaStepNumber(state);
  // `from` makes a second click (or a co-facilitator's crossing click) fail instead of skipping a step.
  const from = state.position ?? undefined;
  return (
    <section className="vb-fac-bar" aria-label={t('facilitation.bar.label')}>
      <p className="vb-fac-bar__step">
        <span className="vb-fac-bar__count">{t('facilitation.bar.count', { n, total })}</span>{' '}
        {current?.step.title[locale]}
      </p>
      <Countdown timer={state.timer} clock={clock} label={t('facilitation.bar.timer')} compact />
      <div className="vb-fac-row vb-fac-steps">
        <CommandButton command={{ type: 'previousStep', ...(from ? { from } : {}) }} shortcut="previousStep">
          <span aria-hidden="true">← </span>
          {t('facilitation.step.previous')}
        </CommandButton>
        <CommandButton
          className="vb-fac-button vb-fac-primary"
          command={{ type: 'nextStep', ...(from ? { from } : {}) }}
          shortcut="nextStep"
        >
          {t('facilitation.step.next')}
          <span aria-hidden="true"> →</span>
        </CommandButton>
      </div>
    </section>
  );
}

/** One control per timer: the step timer (with ±1 min) and, in a round with turns, the turn timer. */
function TimerControls({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const headingId = useId();
  const turnId = useId();
  const turnTimer = state.turns.timer.durationMs > 0 && currentSpeaker(state) !== null;
  return (
    <>
      <div className="vb-fac-group" role="group" aria-labelledby={headingId}>
        <span id={headingId} className="vb-fac-sublabel">
          {t('facilitation.timer.heading')}
        </span>
        <div className="vb-fac-row">
          <TimerToggle timer={state.timer} kind="step" />
          <CommandButton command={{ type: 'adjustTimer', minutes: 1 }} label={t('facilitation.timer.plus')}>
            +1 min
          </CommandButton>
          <CommandButton command={{ type: 'adjustTimer', minutes: -1 }} label={t('facilitation.timer.minus')}>
            −1 min
          </CommandButton>
        </div>
        <AutoStartToggle state={state} />
      </div>
      {turnTimer && (
        <div className="vb-fac-group" role="group" aria-labelledby={turnId}>
          <span id={turnId} className="vb-fac-sublabel">
            {t('facilitation.timer.turnHeading')}
          </span>
          <div className="vb-fac-row">
            <TimerToggle timer={state.turns.timer} kind="turn" />
          </div>
        </div>
      )}
    </>
  );
}

const toggleLabels = {
  step: {
    start: 'facilitation.timer.start',
    pause: 'facilitation.timer.pause',
    resume: 'facilitation.timer.resume',
  },
  turn: {
    start: 'facilitation.timer.turnStart',
    pause: 'facilitation.timer.turnPause',
    resume: 'facilitation.timer.turnResume',
  },
} as const;

/** Start, pause or resume — whichever the timer's state calls for, named for the timer it drives. */
function TimerToggle({ timer, kind }: { timer: Timer; kind: TimerKind }) {
  const { t } = useI18n();
  const labels = toggleLabels[kind];
  const shortcut = kind === 'step' ? 'timer' : undefined;
  const type = timer.state === 'running' ? 'pauseTimer' : timer.state === 'paused' ? 'resumeTimer' : 'startTimer';
  const label = timer.state === 'running' ? labels.pause : timer.state === 'paused' ? labels.resume : labels.start;
  return (
    <CommandButton command={{ type, timer: kind }} {...(shortcut ? { shortcut } : {})}>
      {t(label)}
    </CommandButton>
  );
}

function AutoStartToggle({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const { send } = useFacilitation();
  const on = state.autoStartTimers !== false;
  return (
    <label className="vb-fac-toggle">
      <input type="checkbox" checked={on} onChange={() => void send({ type: 'setAutoStartTimers', on: !on })} />
      {t('facilitation.timer.autoStart')}
    </label>
  );
}
