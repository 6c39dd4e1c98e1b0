// What the facilitator watches: raised hands in order, how many are done in a silent step (and the
// reveal), and each member's talk time in a round-robin step.
import { useId } from 'react';
import { currentStep, formatClock, speakersByJoinOrder, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';
import { nameOf } from './cueText.js';

export function GroupStatus({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const handsId = useId();
  const talkId = useId();
  const mode = currentStep(state)?.step.speakingMode;
  const writers = speakersByJoinOrder(state.participants);
  const someone = t('facilitation.someone');
  return (
    <>
      <div className="vb-fac-group">
        <span id={handsId} className="vb-fac-sublabel">
          {t('facilitation.status.hands')}
        </span>
        {state.hands.length === 0 ? (
          <p className="vb-fac-hint">{t('facilitation.status.noHands')}</p>
        ) : (
          <ol className="vb-hands" aria-labelledby={handsId}>
            {state.hands.map((hand) => {
              const name = nameOf(state, hand.participantId, someone);
              return (
                <li key={hand.participantId}>
                  <span aria-hidden="true">✋ </span>
                  {name}
                  <CommandButton
                    className="vb-fac-mini"
                    label={t('facilitation.status.lowerHand', { name })}
                    command={{ type: 'lowerHand', participantId: hand.participantId }}
                  >
                    <span aria-hidden="true">↓</span>
                  </CommandButton>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {mode === 'silent' && (
        <div className="vb-fac-group">
          <p className="vb-fac-done" role="status">
            {t('facilitation.status.done', {
              n: state.done.filter((id) => writers.includes(id)).length,
              m: writers.length,
            })}
          </p>
          <CommandButton command={{ type: 'revealNotes', target: { kind: 'step' } }}>
            {t('facilitation.notes.reveal')}
          </CommandButton>
        </div>
      )}
      {mode === 'round-robin' && (
        <div className="vb-fac-group">
          <span id={talkId} className="vb-fac-sublabel">
            {t('facilitation.status.talkTime')}
          </span>
          <ul className="vb-talk" aria-labelledby={talkId}>
            {state.turns.order.map((id) => (
              <li key={id}>
                <span>{nameOf(state, id, someone)}</span>
                <span className="vb-talk__time">{formatClock(state.turns.talkMs[id] ?? 0)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
