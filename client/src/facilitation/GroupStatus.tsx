// What the facilitator watches: raised hands in order, how many are done in a silent step (and the
// reveal), and each member's talk time in a round-robin step: this round's beside the whole
// meeting's, so who dominated shows even though each round starts from zero.
import { useId } from 'react';
import { currentStep, formatClock, speakersByJoinOrder, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';
import { nameOf } from './cueText.js';
import { ReactionIcon } from './ReactionIcon.js';

export function GroupStatus({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const handsId = useId();
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
                  <ReactionIcon kind="hand" size={16} />
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
          <table className="vb-talk">
            <caption className="vb-fac-sublabel">{t('facilitation.status.talkTime')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="vb-visually-hidden">{t('facilitation.status.talkPerson')}</span>
                </th>
                <th scope="col">{t('facilitation.status.talkRound')}</th>
                <th scope="col">{t('facilitation.status.talkMeeting')}</th>
              </tr>
            </thead>
            <tbody>
              {state.turns.order.map((id) => (
                <tr key={id}>
                  <th scope="row">{nameOf(state, id, someone)}</th>
                  <td className="vb-talk__time">{formatClock(state.turns.talkMs[id] ?? 0)}</td>
                  <td className="vb-talk__time">{formatClock(state.talkMs[id] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
