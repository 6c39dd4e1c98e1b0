// What every participant can do: raise or lower a hand, say "I'm done" in a silent step, share
// their check-in note, end or pass their own round-robin turn, and send a quick reaction. Observers only watch.
import { useId } from 'react';
import { currentSpeaker, currentStep, reactions } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { ReactionIcon } from './ReactionIcon.js';

export function ParticipantControls() {
  const { t } = useI18n();
  const { state, me, actor } = useFacilitation();
  const headingId = useId();
  const reactionsId = useId();
  if (state === null || actor.role === 'observer' || state.status === 'ended') return null;
  const handUp = state.hands.some((h) => h.participantId === me);
  const silent = currentStep(state)?.step.speakingMode === 'silent';
  const done = state.done.includes(me);
  const speaking = currentSpeaker(state) === me;
  // The check-in round: my note stays private until I share it; passing keeps it so.
  const canShare = speaking && currentStep(state)?.step.revealOnTurn === true && !state.turns.shared?.includes(me);
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('facilitation.you.heading')}
      </h2>
      <div className="vb-fac-row">
        <CommandButton command={handUp ? { type: 'lowerHand' } : { type: 'raiseHand' }} pressed={handUp}>
          <ReactionIcon kind="hand" size={18} />
          {t(handUp ? 'facilitation.hand.lower' : 'facilitation.hand.raise')}
        </CommandButton>
        {silent && (
          <CommandButton command={done ? { type: 'markUndone' } : { type: 'markDone' }}>
            {t(done ? 'facilitation.done.unmark' : 'facilitation.done.mark')}
          </CommandButton>
        )}
        {canShare && (
          <CommandButton className="vb-fac-button vb-fac-primary" command={{ type: 'shareNotes', speakerId: me }}>
            {t('facilitation.turn.share')}
          </CommandButton>
        )}
        {speaking && (
          <>
            <CommandButton command={{ type: 'nextTurn', speakerId: me }}>{t('facilitation.turn.myDone')}</CommandButton>
            <CommandButton command={{ type: 'passTurn', speakerId: me }}>{t('facilitation.turn.myPass')}</CommandButton>
          </>
        )}
      </div>
      {state.status === 'running' && (
        <div className="vb-fac-row" role="group" aria-labelledby={reactionsId}>
          <span id={reactionsId} className="vb-fac-sublabel">
            {t('facilitation.reactions.heading')}
          </span>
          {reactions.map((reaction) => (
            <CommandButton
              key={reaction}
              className="vb-fac-reaction"
              command={{ type: 'react', reaction }}
              label={t(`facilitation.reaction.${reaction}`)}
            >
              <ReactionIcon kind={reaction} />
            </CommandButton>
          ))}
        </div>
      )}
    </section>
  );
}
