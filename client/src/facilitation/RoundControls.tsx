// Round-robin controls for the facilitator: the order (joining order or shuffled), and moving the
// turn. Each move carries the speaker the facilitator saw, so crossing clicks do not skip anyone.
import { useId } from 'react';
import { currentSpeaker, currentStep, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';

export function RoundControls({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const headingId = useId();
  if (currentStep(state)?.step.speakingMode !== 'round-robin') return null;
  const speakerId = currentSpeaker(state);
  const started = speakerId !== null || state.turns.roundDone;
  return (
    <div className="vb-fac-group" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="vb-fac-sublabel">
        {t('facilitation.round.heading')}
      </span>
      <div className="vb-fac-row">
        <CommandButton command={{ type: 'setTurnOrder', order: { kind: 'fixed', participantIds: [] } }}>
          {t('facilitation.round.fixed')}
        </CommandButton>
        <CommandButton command={{ type: 'setTurnOrder', order: { kind: 'shuffled' } }}>
          {t('facilitation.round.shuffle')}
        </CommandButton>
      </div>
      <div className="vb-fac-row">
        <CommandButton command={{ type: 'previousTurn', speakerId }}>{t('facilitation.round.back')}</CommandButton>
        {speakerId !== null && (
          <CommandButton command={{ type: 'passTurn', speakerId }}>{t('facilitation.round.pass')}</CommandButton>
        )}
        {!state.turns.roundDone && (
          <CommandButton
            className="vb-fac-button vb-fac-primary"
            command={{ type: 'nextTurn', speakerId }}
            shortcut="nextTurn"
          >
            {t(started ? 'facilitation.round.next' : 'facilitation.round.start')}
          </CommandButton>
        )}
      </div>
    </div>
  );
}
