// Reactions from the group, floating briefly over the board corner.
import { useEffect, useRef, useState } from 'react';
import type { RecentReaction } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from './cueText.js';
import { useFacilitation } from './FacilitationProvider.js';
import { reactionEmoji } from './ParticipantControls.js';
import { freshReactions, highestSeq, reactionShowMs } from './reactions.js';

export function ReactionToasts() {
  const { t } = useI18n();
  const { reactions, clock, state } = useFacilitation();
  const lastSeq = useRef<number | null>(null);
  const [shown, setShown] = useState<RecentReaction[]>([]);

  useEffect(() => {
    const fresh = freshReactions(reactions, lastSeq.current, clock.now());
    lastSeq.current = highestSeq(reactions, lastSeq.current);
    if (fresh.length === 0) return;
    setShown((current) => [...current, ...fresh].slice(-8));
    const timer = setTimeout(() => setShown((current) => current.filter((r) => !fresh.includes(r))), reactionShowMs);
    return () => clearTimeout(timer);
  }, [reactions, clock]);

  if (state === null || shown.length === 0) return null;
  return (
    <ul className="vb-reactions" aria-live="polite">
      {shown.map((r) => {
        const name = nameOf(state, r.participantId, t('facilitation.someone'));
        return (
          <li key={r.seq} className="vb-reactions__item">
            <span aria-hidden="true">{reactionEmoji[r.reaction]}</span> {name}
            <span className="vb-visually-hidden">: {t(`facilitation.reaction.${r.reaction}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
