import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import { roles } from '../roles.js';
import { can, refusal } from './policy.js';
import { visitorRole } from './programRules.js';
import type { Subject } from './subject.js';

const C = 'p-coordinator' as ParticipantId;
const A = 'p-anna-00001' as ParticipantId;
const coordinator: Subject = { role: 'facilitator', participantId: C };
const anna: Subject = { role: 'member', participantId: A };
const facilitatorLink: Subject = { role: 'facilitator', participantId: null };

describe('program rules', () => {
  it('let only the coordinator’s own token coordinate, never a link or another facilitator', () => {
    const program = { coordinatorId: C };
    expect(can(coordinator, 'program.coordinate', program)).toBe(true);
    expect(can({ role: 'facilitator', participantId: A }, 'program.coordinate', program)).toBe(false);
    expect(refusal(facilitatorLink, 'program.coordinate', program)).toBe('only the program’s coordinator can do this');
  });

  it('let the group’s facilitator role answer requests, share summaries and frames', () => {
    for (const action of ['program.answerAttach', 'program.shareSummary', 'program.sharePlaza'] as const) {
      expect(roles.filter((role) => can({ role, participantId: A }, action))).toEqual(['facilitator']);
    }
  });

  it('let only people of invited groups visit an encounter, as members (observers stay observers)', () => {
    expect(can(anna, 'encounter.visit', { invited: true })).toBe(true);
    expect(refusal(anna, 'encounter.visit', { invited: false })).toBe('this token belongs to another group');
    expect(can(facilitatorLink, 'encounter.visit', { invited: true })).toBe(false);
    expect(roles.map(visitorRole)).toEqual(['member', 'member', 'observer']);
  });
});
