// What the current step's speaking mode asks of one person right now. The step card turns the
// cue into a sentence in the viewer's language ("Your turn", "Listen — Anna presents her case",
// "Consultants: ideas for Anna; Anna listens"), so the cue carries ids, never text.
import type { ParticipantId } from '../ids.js';
import { currentStep } from './agenda.js';
import { caseOwnerFor, type CaseOwnerOptions } from './caseOwner.js';
import { currentSpeaker, presentIndexFrom } from './roundRobin.js';
import type { SessionState } from './session.js';

export type SpeakingCue =
  /** No step is running (draft or ended meeting). */
  | { kind: 'notRunning' }
  /** Anyone may speak. */
  | { kind: 'open' }
  /** It is this person's turn to speak: round-robin speaker, presenter, or facilitator in a facilitator step. */
  | { kind: 'yourTurn' }
  /** Round-robin: someone else speaks; `youAreNext` lets the next speaker get ready. */
  | { kind: 'listen'; speakerId: ParticipantId; youAreNext: boolean }
  | { kind: 'roundNotStarted' }
  | { kind: 'roundDone' }
  | { kind: 'facilitatorSpeaks'; facilitatorId: ParticipantId | null }
  /** Presenter step: the case owner presents, the others listen. */
  | { kind: 'presenterSpeaks'; presenterId: ParticipantId }
  /** Presenter or consultants step before anyone has been chosen as case owner. */
  | { kind: 'caseOwnerNotChosen' }
  /** Consultants step, for a consultant (or observer): talk about the owner's case while they listen. */
  | { kind: 'consultantsIdeasFor'; ownerId: ParticipantId }
  /** Consultants step, for the case owner: only listen and take notes. */
  | { kind: 'ownerListens' }
  /** Consultants step with questions: ask the owner, who answers briefly. */
  | { kind: 'askOwner'; ownerId: ParticipantId }
  /** …and for the owner: answer the consultants' questions briefly. */
  | { kind: 'ownerAnswers' }
  /** Silent step: write privately; `done` is whether they already said they are done. */
  | { kind: 'writeSilently'; done: boolean }
  /** Silent step, for an observer: the others are writing. */
  | { kind: 'othersWriteSilently' };

/**
 * The cue for one person. In a breakout room the case is that room's (caseOwner.ts): pass the room
 * the facilitator is visiting as `visiting`, so that they read the cue of the room they see.
 */
export function speakingCue(
  state: SessionState,
  participantId: ParticipantId,
  opts: CaseOwnerOptions = {},
): SpeakingCue {
  const current = currentStep(state, opts.methods);
  if (current === null) return { kind: 'notRunning' };
  const { step } = current;
  const owner = caseOwnerFor(state, participantId, opts) ?? undefined;
  const observer = state.participants.find((p) => p.id === participantId)?.role === 'observer';
  switch (step.speakingMode) {
    case 'open':
      return { kind: 'open' };
    case 'facilitator':
      return state.facilitatorId === participantId
        ? { kind: 'yourTurn' }
        : { kind: 'facilitatorSpeaks', facilitatorId: state.facilitatorId };
    case 'silent':
      return observer
        ? { kind: 'othersWriteSilently' }
        : { kind: 'writeSilently', done: state.done.includes(participantId) };
    case 'presenter':
      if (owner === undefined) return { kind: 'caseOwnerNotChosen' };
      return owner === participantId ? { kind: 'yourTurn' } : { kind: 'presenterSpeaks', presenterId: owner };
    case 'consultants':
      if (owner === undefined) return { kind: 'caseOwnerNotChosen' };
      if (step.ownerAnswers)
        return owner === participantId ? { kind: 'ownerAnswers' } : { kind: 'askOwner', ownerId: owner };
      return owner === participantId ? { kind: 'ownerListens' } : { kind: 'consultantsIdeasFor', ownerId: owner };
    case 'round-robin': {
      const { turns } = state;
      if (turns.roundDone) return { kind: 'roundDone' };
      const speaker = currentSpeaker(state);
      if (speaker === null) return { kind: 'roundNotStarted' };
      if (speaker === participantId) return { kind: 'yourTurn' };
      const nextIndex = presentIndexFrom(state, turns.currentIndex ?? -1, 1);
      return { kind: 'listen', speakerId: speaker, youAreNext: turns.order[nextIndex ?? -1] === participantId };
    }
  }
}
