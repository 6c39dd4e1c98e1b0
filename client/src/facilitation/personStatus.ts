// What the board's people list says about each person during a step: speaking (highlighted),
// hand raised, done writing, case owner, leading the meeting after a hand-over.
import { currentSpeaker, currentStep, type SessionState } from '@vermeboard/shared';
import type { PersonStatus } from '../board/PeopleList.js';
import type { Translate } from '../i18n/I18nProvider.js';

export function personStatus(state: SessionState | null, personId: string, t: Translate): PersonStatus | null {
  if (state === null || state.status !== 'running') return null;
  const current = currentStep(state);
  const speaking =
    currentSpeaker(state) === personId ||
    (current?.step.speakingMode === 'presenter' && state.caseOwners[current.item.instanceId] === personId);
  // A member handed the facilitator role has no "facilitator" badge from their link: say it here.
  const handedFacilitation =
    state.facilitatorId === personId && state.participants.find((p) => p.id === personId)?.role !== 'facilitator';
  const labels = [
    handedFacilitation && t('facilitation.people.facilitating'),
    speaking && t('facilitation.people.speaking'),
    state.hands.some((h) => h.participantId === personId) && t('facilitation.people.hand'),
    current?.step.speakingMode === 'silent' && state.done.includes(personId as never) && t('facilitation.people.done'),
    !speaking &&
      current !== null &&
      state.caseOwners[current.item.instanceId] === personId &&
      t('facilitation.people.caseOwner'),
  ].filter((l): l is string => typeof l === 'string');
  if (labels.length === 0) return null;
  return { label: labels.join(', '), current: speaking };
}
