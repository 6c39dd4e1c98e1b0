// A program of five groups and twenty ended meetings, written straight into a store: for the
// program page's tests (integration and browser) and its screenshots. Each group has six people;
// its four meetings are facilitated in turn by a different person (rotation), with a known
// attendance, so the figures the page shows can be checked against what was seeded.
import {
  meetingSummaryFormat,
  type ActionItemId,
  type CompetenceAreaId,
  type GroupId,
  type MeetingId,
  type MeetingSummary,
  type ParticipantId,
  type ProgramId,
} from '@vermeboard/shared';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import type { Storage } from '../storage/Storage.js';

export interface SeededMeeting {
  meetingId: MeetingId;
  startedAt: string;
  attended: number;
  facilitator: string;
}

export interface SeededGroup {
  groupId: GroupId;
  name: string;
  people: string[];
  meetings: SeededMeeting[];
  openActionItems: number;
}

export interface SeededProgram {
  programId: ProgramId;
  plazaGroupId: GroupId;
  coordinatorId: ParticipantId;
  coordinatorToken: string;
  coordinatorName: string;
  name: string;
  groups: SeededGroup[];
}

const groupNames = ['Otaniemi leads', 'Kumpula leads', 'Hervanta leads', 'Linnanmaa leads', 'Kupittaa leads'];
const firstNames = [
  ['Aino', 'Eero', 'Helmi', 'Juho', 'Kaisa', 'Lauri'],
  ['Mikko', 'Noora', 'Oona', 'Pekka', 'Sanna', 'Tuomas'],
  ['Anna', 'Ben', 'Carla', 'David', 'Elina', 'Frank'],
  ['Greta', 'Hannu', 'Iida', 'Jari', 'Katja', 'Leo'],
  ['Maria', 'Niko', 'Olli', 'Paula', 'Riku', 'Satu'],
];
const meetingsPerGroup = 4;

/** When meeting `i` of group `g` was held: every three weeks from 12 January 2026, groups a day apart. */
const meetingDay = (g: number, i: number) => new Date(Date.UTC(2026, 0, 12 + i * 21 + g, 14, 0, 0));

export async function seedProgram(storage: Storage, at = new Date('2026-01-05T09:00:00.000Z')): Promise<SeededProgram> {
  const created = at.toISOString();
  const linkHashes = () => ({
    facilitator: hashToken(randomToken()),
    member: hashToken(randomToken()),
    observer: hashToken(randomToken()),
  });
  const name = 'Project leadership 2026';
  const coordinatorName = 'Riikka';
  const plazaGroupId = randomId() as GroupId;
  await storage.createGroup({ id: plazaGroupId, name, createdAt: created, linkGeneration: 0 }, linkHashes());
  const coordinatorId = randomId() as ParticipantId;
  const coordinatorToken = randomToken();
  await storage.createParticipant(
    { id: coordinatorId, groupId: plazaGroupId, displayName: coordinatorName, role: 'facilitator', createdAt: created },
    hashToken(coordinatorToken),
  );
  const programId = randomId() as ProgramId;
  await storage.createProgram({ id: programId, name, createdAt: created, plazaGroupId, coordinatorId });

  const groups: SeededGroup[] = [];
  for (const [g, groupName] of groupNames.entries()) {
    const groupId = randomId() as GroupId;
    const areas = ['Leading people', 'Planning'].map((n) => ({ id: randomId() as CompetenceAreaId, name: n }));
    await storage.createGroup({ id: groupId, name: groupName, createdAt: created, linkGeneration: 0 }, linkHashes(), {
      locale: 'en',
      groundRules: [],
      competenceAreas: areas,
    });
    // The first two groups released their start phase: averages 3.5 and 4, then 2.5 and 3, four answers each.
    const released = [
      [3.5, 4],
      [2.5, 3],
    ][g];
    if (released) {
      await storage.releaseAssessment(groupId, {
        phase: 'start',
        releasedAt: created,
        answered: 4,
        areas: areas.map((a, k) => ({ areaId: a.id, name: a.name, average: released[k]!, count: 4 })),
      });
    }
    await storage.addProgramGroup(programId, groupId, created);
    const people = firstNames[g]!;
    const ids: ParticipantId[] = [];
    for (const [p, displayName] of people.entries()) {
      const id = randomId() as ParticipantId;
      ids.push(id);
      const role = p === 0 ? 'facilitator' : 'member';
      await storage.createParticipant({ id, groupId, displayName, role, createdAt: created }, hashToken(randomToken()));
    }
    const meetings: SeededMeeting[] = [];
    for (let i = 0; i < meetingsPerGroup; i++) {
      const meetingId = randomId() as MeetingId;
      // Rotation: meeting i is facilitated by person (g + i) mod 6; one to three people miss it.
      const lead = (g + i) % people.length;
      const absent = 1 + ((g + i) % 3);
      const present = ids.map((id, p) => ({ id, p })).filter(({ p }) => p === lead || (p - lead + 6) % 6 <= 5 - absent);
      const startedAt = meetingDay(g, i).toISOString();
      const endedAt = new Date(meetingDay(g, i).getTime() + 2 * 3600_000).toISOString();
      await storage.createMeeting({ id: meetingId, groupId, createdAt: startedAt, facilitatedBy: ids[lead]! });
      await storage.endMeeting(meetingId, endedAt);
      const summary: MeetingSummary = {
        version: meetingSummaryFormat.version as MeetingSummary['version'],
        meetingId,
        groupName,
        startedAt,
        endedAt,
        facilitator: { id: ids[lead]!, name: people[lead]! },
        attendees: present.map(({ id, p }) => ({ id, name: people[p]!, role: p === lead ? 'facilitator' : 'member' })),
        agenda: [],
        goals: [],
        cases: [],
        reflections: [],
        actionItems: [],
        votes: [],
        nextMeeting: null,
      };
      await storage.putMeetingSummary(meetingId, summary, endedAt);
      meetings.push({ meetingId, startedAt, attended: present.length, facilitator: people[lead]! });
    }
    // g + 1 open action items and one ticked off.
    for (let a = 0; a < g + 2; a++) {
      const id = randomId() as ActionItemId;
      await storage.createActionItem({
        id,
        groupId,
        meetingId: meetings[a % meetingsPerGroup]!.meetingId,
        text: `Action ${a + 1}`,
        ownerParticipantId: ids[a % ids.length]!,
        dueDate: null,
        sourceShapeId: null,
        createdAt: created,
      });
      if (a === 0) await storage.updateActionItem(id, { doneAt: created });
    }
    // The first three groups agreed their next meeting.
    if (g < 3) {
      await storage.setNextMeeting(groupId, {
        date: `2026-04-${String(7 + g).padStart(2, '0')}`,
        time: '17:00',
        place: null,
        theme: null,
      });
    }
    groups.push({ groupId, name: groupName, people, meetings, openActionItems: g + 1 });
  }
  return { programId, plazaGroupId, coordinatorId, coordinatorToken, coordinatorName, name, groups };
}
