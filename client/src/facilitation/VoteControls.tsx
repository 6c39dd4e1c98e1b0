// Dot votes for the facilitator: start one on the notes in a frame (see targetFrameId) with N dots each,
// and close it to publish the counts.
import { useId, useState } from 'react';
import { facilitationLimits, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { targetFrameId } from './AttentionControls.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';
import { openVote } from './votes.js';

export function VoteControls({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const { editor } = useFacilitation();
  const headingId = useId();
  const inputId = useId();
  const [perPerson, setPerPerson] = useState(3);
  const [needsFrame, setNeedsFrame] = useState(false);
  const vote = openVote(state);
  return (
    <div className="vb-fac-group" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="vb-fac-sublabel">
        {t('facilitation.vote.heading')}
      </span>
      {vote ? (
        <>
          <p className="vb-fac-hint">{t('facilitation.vote.open')}</p>
          <CommandButton command={{ type: 'closeVote', voteId: vote.id }}>{t('facilitation.vote.close')}</CommandButton>
        </>
      ) : (
        <>
          <div className="vb-fac-row">
            <label htmlFor={inputId}>{t('facilitation.vote.perPerson')}</label>
            <input
              id={inputId}
              type="number"
              min={1}
              max={facilitationLimits.votesPerPerson}
              value={perPerson}
              onChange={(e) =>
                setPerPerson(Math.min(facilitationLimits.votesPerPerson, Math.max(1, Number(e.target.value) || 1)))
              }
            />
          </div>
          <CommandButton
            command={() => {
              const frame = targetFrameId(editor, state);
              setNeedsFrame(frame === null);
              return frame === null ? null : { type: 'startVote', frameShapeId: frame, votesPerPerson: perPerson };
            }}
          >
            {t('facilitation.vote.start')}
          </CommandButton>
          {needsFrame && (
            <p className="vb-fac-hint" role="status">
              {t('facilitation.attention.selectFrame')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
