// The round-robin turn order with the current speaker, for everyone. The facilitator's version
// adds a button per person to give them the turn.
import { useId } from 'react';
import { currentSpeaker, currentStep } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';
import { nameOf } from './cueText.js';
import { useFacilitation } from './FacilitationProvider.js';

export function TurnOrder({ canGive }: { canGive: boolean }) {
  const { t } = useI18n();
  const { state, me } = useFacilitation();
  const headingId = useId();
  if (state === null || currentStep(state)?.step.speakingMode !== 'round-robin') return null;
  const speaker = currentSpeaker(state);
  return (
    <section className="vb-fac-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="vb-fac-heading">
        {t('facilitation.turns.heading')}
      </h2>
      <ol className="vb-turns">
        {state.turns.order.map((id) => {
          const person = state.participants.find((p) => p.id === id);
          const name = nameOf(state, id, t('facilitation.someone'));
          const current = id === speaker;
          const notes = [
            current && t('facilitation.turns.speaking'),
            state.turns.passed.includes(id) && t('facilitation.turns.passed'),
            state.turns.shared?.includes(id) && t('facilitation.turns.shared'),
            person?.present === false && t('facilitation.turns.away'),
          ].filter(Boolean);
          return (
            <li
              key={id}
              className="vb-turns__person"
              aria-current={current ? 'true' : undefined}
              data-self={id === me || undefined}
            >
              <span className="vb-turns__name">{id === me ? t('board.people.you', { name }) : name}</span>
              {notes.length > 0 && <span className="vb-turns__note">{notes.join(', ')}</span>}
              {canGive && !current && person?.present && (
                <CommandButton
                  className="vb-fac-mini"
                  command={{ type: 'giveTurn', participantId: id }}
                  label={t('facilitation.round.give', { name })}
                >
                  <span aria-hidden="true">▶</span>
                </CommandButton>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
