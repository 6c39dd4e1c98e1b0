// The policy's rules about programs (shared/src/process/programs.ts): who coordinates a program,
// who answers for a group, and who may visit an encounter of another group's meeting. Spread into
// the one rule table in policy.ts.
import type { ParticipantId } from '../ids.js';
import type { Role } from '../roles.js';
import { needsPersonalToken } from './commandRules.js';
import type { Subject } from './subject.js';

/** What a program rule needs to know about the program. */
export interface ProgramFacts {
  coordinatorId: ParticipantId;
}

/** What an encounter rule needs to know: whether the caller's group is among those invited. */
export interface EncounterFacts {
  invited: boolean;
}

const facilitatorOnly = (refusal: string) => (subject: Subject) => (subject.role === 'facilitator' ? null : refusal);

export const programRules = {
  /** The program page, its groups, encounters and shared summaries: only the coordinator's own token. */
  'program.coordinate': (subject: Subject, program: ProgramFacts) =>
    subject.participantId !== null && subject.participantId === program.coordinatorId
      ? null
      : 'only the program’s coordinator can do this',
  /** Accept or decline a program's request to attach the group. */
  'program.answerAttach': facilitatorOnly('only the group’s facilitator can answer a program’s request'),
  /** Share one meeting's summary with the group's program, or take it back. */
  'program.shareSummary': facilitatorOnly('only the facilitator can share a summary with the program'),
  /** Copy one frame of the group's own board onto the running encounter's plaza board. */
  'program.sharePlaza': facilitatorOnly('only the group’s facilitator can share a frame with the encounter'),
  /**
   * Open an encounter (a meeting of the program's plaza group) with the caller's own group token:
   * only members of invited groups, as themselves.
   */
  'encounter.visit': (subject: Subject, encounter: EncounterFacts) => {
    if (!encounter.invited) return 'this token belongs to another group';
    return subject.participantId === null ? needsPersonalToken : null;
  },
};

/**
 * The role a visitor has in an encounter: a facilitator of their own group is a member of the
 * plaza (the coordinator facilitates it, and nobody from a group can claim it); observers stay
 * observers.
 */
export function visitorRole(role: Role): Role {
  return role === 'observer' ? 'observer' : 'member';
}
