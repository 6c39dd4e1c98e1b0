// Roles the facilitator hands out: the case owner of the current agenda item (problem clinic and
// its variants), and the facilitator role itself, to another present member.
import { useId, useState } from 'react';
import { currentStep, type ParticipantId, type SessionState } from '@vermeboard/shared';
import { useI18n } from '../i18n/I18nProvider.js';
import { CommandButton } from './CommandButton.js';
import { useFacilitation } from './FacilitationProvider.js';

function presentSpeakers(state: SessionState) {
  return state.participants.filter((p) => p.present && p.role !== 'observer');
}

export function RoleControls({ state }: { state: SessionState }) {
  return (
    <>
      <CaseOwnerPicker state={state} />
      <Handover state={state} />
    </>
  );
}

function CaseOwnerPicker({ state }: { state: SessionState }) {
  const { t } = useI18n();
  const { send } = useFacilitation();
  const id = useId();
  const current = currentStep(state);
  const mode = current?.step.speakingMode;
  if (!current || !(current.step.caseOwnerChosenHere || mode === 'presenter' || mode === 'consultants')) return null;
  const owner = state.caseOwners[current.item.instanceId] ?? '';
  return (
    <div className="vb-fac-field">
      <label htmlFor={id}>{t('facilitation.caseOwner.label')}</label>
      <select
        id={id}
        value={owner}
        onChange={(e) =>
          void send({ type: 'chooseCaseOwner', participantId: (e.target.value || null) as ParticipantId | null })
        }
      >
        <option value="">{t('facilitation.caseOwner.none')}</option>
        {presentSpeakers(state).map((p) => (
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
