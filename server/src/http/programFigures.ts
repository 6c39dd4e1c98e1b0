// What a program's page shows of its groups, computed from the database alone — no board, note or
// summary text: per group its meetings (when, how many attended, who facilitated), the next one it
// planned, its open action items, and its released self-assessment averages (assessmentSummary.ts,
// with no live aggregate at all: only what the group's facilitator released). Attendance and the
// facilitator come from the meeting's stored summary, which the server wrote when the meeting ended.
import type { Logger } from 'pino';
import {
  assessmentPhases,
  type GroupId,
  type MeetingId,
  type ProgramAssessment,
  type ProgramGroup,
  type ProgramMeeting,
  type ProgramPhase,
} from '@vermeboard/shared';
import type { ProgramGroupRecord } from '../storage/programStore.js';
import type { MeetingRecord, ParticipantRecord, Storage } from '../storage/Storage.js';
import { readStoredSummary } from '../summary/storedSummary.js';
import { summarizeAssessments } from './assessmentSummary.js';

/** The sum and count behind a weighted average, so that groups and areas combine exactly. */
interface Sums {
  answered: number;
  sum: number;
  count: number;
}

const average = ({ sum, count }: Sums) => (count === 0 ? null : Math.round((sum / count) * 100) / 100);

export async function programGroupFigures(
  storage: Storage,
  membership: ProgramGroupRecord & { attachedAt: string },
  shared: ReadonlySet<MeetingId>,
  log: Logger,
): Promise<{ group: ProgramGroup; phases: Map<ProgramPhase['phase'], Sums> } | null> {
  const { groupId } = membership;
  const group = await storage.getGroup(groupId);
  const settings = await storage.getGroupSettings(groupId);
  if (!group || !settings) return null;
  const [participants, meetings, openItems, phases] = await Promise.all([
    storage.listParticipants(groupId),
    storage.listMeetings(groupId),
    storage.listActionItems(groupId, true),
    releasedPhases(storage, groupId),
  ]);
  const figures: ProgramGroup = {
    groupId,
    name: group.name,
    attachedAt: membership.attachedAt,
    members: participants.filter((p) => p.role !== 'observer' && p.removedAt === null).length,
    meetings: await Promise.all(meetings.map((m) => meetingFigures(storage, m, participants, shared, log))),
    planned: settings.nextMeetingDate ? { date: settings.nextMeetingDate, time: settings.nextMeetingTime } : null,
    openActionItems: openItems.length,
    assessment: [...phases].map(([phase, sums]) => ({ phase, answered: sums.answered, average: average(sums) })),
  };
  return { group: figures, phases };
}

async function meetingFigures(
  storage: Storage,
  meeting: MeetingRecord,
  participants: readonly ParticipantRecord[],
  shared: ReadonlySet<MeetingId>,
  log: Logger,
): Promise<ProgramMeeting> {
  const stored = meeting.endedAt === null ? null : await readStoredSummary(storage, meeting.id, log);
  const summary = stored?.kind === 'ok' ? stored.summary : null;
  const starter = participants.find((p) => p.id === meeting.facilitatedBy)?.displayName ?? null;
  return {
    id: meeting.id,
    startedAt: meeting.createdAt,
    endedAt: meeting.endedAt,
    attended: summary ? summary.attendees.filter((a) => a.role !== 'observer').length : null,
    facilitator: summary?.facilitator?.name ?? starter,
    summaryShared: shared.has(meeting.id),
  };
}

/** A group's released phases, each as the sums over its areas that have an average. */
async function releasedPhases(storage: Storage, groupId: GroupId): Promise<Map<ProgramPhase['phase'], Sums>> {
  const [releases, areas, minRespondents] = await Promise.all([
    storage.listAssessmentReleases(groupId),
    storage.listCompetenceAreas(groupId),
    storage.assessmentThreshold(groupId),
  ]);
  const summary = summarizeAssessments({
    releases,
    // The program reads released figures only: no live answers enter its figures.
    aggregate: { respondents: {}, areas: [] },
    areas,
    minRespondents,
    canAnswer: null,
  });
  const phases = new Map<ProgramPhase['phase'], Sums>();
  for (const p of summary.phases) {
    if (p.status !== 'released') continue;
    const sums: Sums = { answered: p.answered, sum: 0, count: 0 };
    for (const a of p.areas) {
      if (a.average === null) continue;
      sums.sum += a.average * a.count;
      sums.count += a.count;
    }
    phases.set(p.phase, sums);
  }
  return phases;
}

/** The program-wide figure of each phase some group released. */
export function programAssessment(groups: ReadonlyArray<Map<ProgramPhase['phase'], Sums>>): ProgramAssessment[] {
  return assessmentPhases.flatMap((phase) => {
    const released = groups.map((g) => g.get(phase)).filter((s): s is Sums => s !== undefined);
    if (released.length === 0) return [];
    const total = released.reduce((a, s) => ({
      answered: a.answered + s.answered,
      sum: a.sum + s.sum,
      count: a.count + s.count,
    }));
    return [{ phase, groups: released.length, answered: total.answered, average: average(total) }];
  });
}
