// The facilitator's panel, shown to whoever the session says facilitates (the policy's `can` decides, the
// same rule the server enforces). A holder of the facilitator role whose meeting lost its
// facilitator is offered to take over instead.
import { useId } from 'react';
import { can, currentStep, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { AgendaBuilder } from './AgendaBuilder.js';
import { AttentionControls } from './AttentionControls.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { GroupStatus } from './GroupStatus.js';
import { RoleControls } from './RoleControls.js';
import { RoundControls } from './RoundControls.js';
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
      {state.status === 'running' && <StepControls state={state} />}
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

function StepControls({ state }: { state: SessionState }) {
  const { t } = useI18n();
  // `from` makes a second click (or a co-facilitator's crossing click) fail instead of skipping a step.
  const from = state.position ?? undefined;
  return (
    <div className="vb-fac-row vb-fac-steps">
      <CommandButton command={{ type: 'previousStep', ...(from ? { from } : {}) }}>
        <span aria-hidden="true">← </span>
        {t('facilitation.step.previous')}
      </CommandButton>
      <CommandButton className="vb-fac-button vb-fac-primary" command={{ type: 'nextStep', ...(from ? { from } : {}) }}>
        {t('facilitation.step.next')}
        <span aria-hidden="true"> →</span>
      </CommandButton>
    </div>
  );
}

function TimerControls({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const headingId = useId();
  const { timer, turns } = state;
  const running = timer.state === 'running' || turns.timer.state === 'running';
  const paused = timer.state === 'paused' || turns.timer.state === 'paused';
  return (
    <div className="vb-fac-group" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="vb-fac-sublabel">
        {t('facilitation.timer.heading')}
      </span>
      <div className="vb-fac-row">
        {(timer.state === 'idle' || timer.state === 'finished') && !running && !paused && (
          <CommandButton command={{ type: 'startTimer' }}>{t('facilitation.timer.start')}</CommandButton>
        )}
        {running && <CommandButton command={{ type: 'pauseTimer' }}>{t('facilitation.timer.pause')}</CommandButton>}
        {paused && <CommandButton command={{ type: 'resumeTimer' }}>{t('facilitation.timer.resume')}</CommandButton>}
        <CommandButton command={{ type: 'adjustTimer', minutes: 1 }} label={t('facilitation.timer.plus')}>
          +1 min
        </CommandButton>
        <CommandButton command={{ type: 'adjustTimer', minutes: -1 }} label={t('facilitation.timer.minus')}>
          −1 min
        </CommandButton>
      </div>
    </div>
  );
}
