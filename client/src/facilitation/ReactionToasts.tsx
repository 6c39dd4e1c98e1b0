// Reactions from the group, floating briefly over the board corner. Screen readers hear each one
// through the page's announcer ("Anna: Agree"); the floating list itself is for the eyes.
import { useEffect, useRef, useState } from 'react';
import type { RecentReaction } from '@vermeboard/shared';
import { useAnnounce } from '../a11y/Announcer.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { nameOf } from './cueText.js';
import { useFacilitation } from './FacilitationProvider.js';
import { ReactionIcon } from './ReactionIcon.js';
import { freshReactions, highestSeq, reactionShowMs } from './reactions.js';

export function ReactionToasts() {
  const { t } = useI18n();
  const { reactions, clock, state } = useFacilitation();
  const announce = useAnnounce();
  const lastSeq = useRef<number | null>(null);
  const [shown, setShown] = useState<RecentReaction[]>([]);

  useEffect(() => {
    const fresh = freshReactions(reactions, lastSeq.current, clock.now());
    lastSeq.current = highestSeq(reactions, lastSeq.current);
    if (fresh.length === 0) return;
    for (const r of fresh) {
      const name = state ? nameOf(state, r.participantId, t('facilitation.someone')) : t('facilitation.someone');
      announce(`${name}: ${t(`facilitation.reaction.${r.reaction}`)}`);
    }
    setShown((current) => [...current, ...fresh].slice(-8));
    const timer = setTimeout(() => setShown((current) => current.filter((r) => !fresh.includes(r))), reactionShowMs);
    return () => clearTimeout(timer);
    // Only new reactions matter here; a change of names or language must not say old ones again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reactions, clock]);

  if (state === null || shown.length === 0) return null;
  return (
    <ul className="vb-reactions" aria-hidden="true">
      {shown.map((r) => {
        const name = nameOf(state, r.participantId, t('facilitation.someone'));
        return (
          <li key={r.seq} className="vb-reactions__item">
            <ReactionIcon kind={r.reaction} /> {name}: {t(`facilitation.reaction.${r.reaction}`)}
          </li>
        );
      })}
    </ul>
  );
}
