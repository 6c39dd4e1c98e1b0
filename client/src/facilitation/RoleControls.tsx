// Roles the facilitator hands out: the case owner of the current agenda item (problem clinic and
// its variants; in a breakout room, the room's own), and the facilitator role itself, to another
// present member.
import { useId, useState } from 'react';
import { can, currentStep, roomCaseOwner, type ParticipantId, type Room, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { useShownRoom } from '../rooms/RoomView.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';

function presentSpeakers(state: SessionState) {
  return state.participants.filter((p) => p.present && p.role !== 'observer');
}

export function RoleControls({ state }: { state: SessionState }) {
  const shown = useShownRoom();
  return (
    <>
      <CaseOwnerPicker state={state} room={shown?.room ?? null} />
      <Handover state={state} />
    </>
  );
}

/**
 * The case owner of the current agenda item: the plenary's, or — shown in a breakout room — that
 * room's own, chosen among its members (the facilitator in the panel while visiting; a room's
 * members on their room card). Hidden from whoever may not choose.
 */
export function CaseOwnerPicker({ state, room }: { state: SessionState; room: Room | null }) {
  const { t } = useI18n();
  const { send, actor } = useFacilitation();
  const id = useId();
  const current = currentStep(state);
  const mode = current?.step.speakingMode;
  if (!current || !(current.step.caseOwnerChosenHere || mode === 'presenter' || mode === 'consultants')) return null;
  const target = room === null ? {} : { room: room.n };
  const allowed = can(actor, 'session.command', {
    session: state,
    command: { type: 'chooseCaseOwner', participantId: null, ...target },
  });
  if (!allowed) return null;
  const instanceId = current.item.instanceId;
  const owner = (room === null ? state.caseOwners[instanceId] : roomCaseOwner(state, instanceId, room)) ?? '';
  const candidates = presentSpeakers(state).filter((p) => room === null || room.memberIds.includes(p.id));
  return (
    <div className="vb-fac-field">
      <label htmlFor={id}>
        {room === null ? t('facilitation.caseOwner.label') : t('facilitation.caseOwner.roomLabel', { name: room.name })}
      </label>
      <select
        id={id}
        value={owner}
        onChange={(e) =>
          void send({
            type: 'chooseCaseOwner',
            participantId: (e.target.value || null) as ParticipantId | null,
            ...target,
          })
        }
      >
        <option value="">{t('facilitation.caseOwner.none')}</option>
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Handover({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const { me } = useFacilitation();
  const id = useId();
  const [to, setTo] = useState('');
  const candidates = presentSpeakers(state).filter((p) => p.id !== me);
  if (candidates.length === 0) return null;
  return (
    <div className="vb-fac-field">
      <label htmlFor={id}>{t('facilitation.handover.label')}</label>
      <div className="vb-fac-row">
        <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('facilitation.handover.choose')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <CommandButton
          command={() => (to ? { type: 'handOverFacilitation', participantId: to as ParticipantId } : null)}
          onSent={() => setTo('')}
        >
          {t('facilitation.handover.submit')}
        </CommandButton>
      </div>
    </div>
  );
}
