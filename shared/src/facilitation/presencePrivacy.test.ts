import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import type { SessionCommand } from './commands.js';
import { hidesCursors } from './presencePrivacy.js';
import type { SessionState } from './session.js';
import { createSession } from './session.js';
import { reduce } from './sessionReducer.js';

const F = 'facilitator-1' as ParticipantId;

function apply(state: SessionState, ...commands: SessionCommand[]): SessionState {
  return commands.reduce((s, command) => {
    const actor = command.type === 'join' ? ('server' as const) : { participantId: F, role: 'facilitator' as const };
    const result = reduce(s, command, { actor, now: 1000 });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    return result.state;
  }, state);
}

describe('hidesCursors', () => {
  it('hides them in silent steps and while a vote is open, and nowhere else', () => {
    const draft = apply(
      createSession(),
      { type: 'join', participantId: F, name: 'Fiona', role: 'facilitator' },
      { type: 'addAgendaItem', methodId: 'check-in-round' },
    );
    expect(hidesCursors(draft)).toBe(false);
    const silent = apply(draft, { type: 'startMeeting' });
    expect(hidesCursors(silent)).toBe(true);
    const spoken = apply(silent, { type: 'nextStep' });
    expect(hidesCursors(spoken)).toBe(false);
    const voting = apply(spoken, { type: 'startVote', frameShapeId: 'shape:frame', votesPerPerson: 3 });
    expect(hidesCursors(voting)).toBe(true);
    expect(hidesCursors(apply(voting, { type: 'closeVote', voteId: 'vote-1' }))).toBe(false);
    expect(hidesCursors(apply(silent, { type: 'endMeeting' }))).toBe(false);
  });
});
