// What the board's people list says about each person during a step: speaking (highlighted),
// hand raised, done writing, case owner, leading the meeting after a hand-over.
import { caseOwnerFor, currentSpeaker, currentStep, type ParticipantId, type SessionState } from '@vermeboard/shared';
import type { PersonStatus } from '../board/PeopleList.js';
import type { Translate } from '../i18n/I18nProvider.js';

export function personStatus(state: SessionState | null, personId: string, t: Translate): PersonStatus | null {
  if (state === null || state.status !== 'running') return null;
  const current = currentStep(state);
  // The case this person is in is theirs: their own room's (Troika, Wise crowds) or the plenary's.
  const ownsCase = caseOwnerFor(state, personId as ParticipantId) === personId;
  const speaking = currentSpeaker(state) === personId || (current?.step.speakingMode === 'presenter' && ownsCase);
  // A member handed the facilitator role has no "facilitator" badge from their link: say it here.
  const handedFacilitation =
    state.facilitatorId === personId && state.participants.find((p) => p.id === personId)?.role !== 'facilitator';
  const labels = [
    handedFacilitation && t('facilitation.people.facilitating'),
    speaking && t('facilitation.people.speaking'),
    state.hands.some((h) => h.participantId === personId) && t('facilitation.people.hand'),
    current?.step.speakingMode === 'silent' && state.done.includes(personId as never) && t('facilitation.people.done'),
    !speaking && ownsCase && t('facilitation.people.caseOwner'),
  ].filter((l): l is string => typeof l === 'string');
  if (labels.length === 0) return null;
  return { label: labels.join(', '), current: speaking };
}
