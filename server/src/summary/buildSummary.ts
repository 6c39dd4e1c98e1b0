// Builds a meeting's summary from its ended session, its board and the group's records (after the
// board's progress notes and action items were saved, so that those read back here include them).
import {
  sessionLibrary,
  layoutShapeId,
  locales,
  meetingSummaryFormat,
  plenaryResultFrameId,
  type MeetingSummary,
  type MethodLibrary,
  type NextMeeting,
  type SessionState,
  type SummaryAgendaItem,
  type SummaryCase,
  type SummaryPerson,
  type SummaryReflection,
  type SummaryVote,
} from '@vermeboard/shared';
import type {
  ActionItemRecord,
  GoalRecord,
  MeetingRecord,
  ParticipantRecord,
  ProgressNoteRecord,
} from '../storage/Storage.js';
import { frameName, isLayoutShape, textOf, type BoardShape, type BoardShapes } from './boardShapes.js';

export interface SummaryInput {
  groupName: string;
  meeting: MeetingRecord & { endedAt: string };
  session: SessionState;
  shapes: BoardShapes;
  participants: readonly ParticipantRecord[];
  /** The group's active goals at the end, with this meeting's progress notes on each. */
  goals: readonly { goal: GoalRecord; notes: readonly ProgressNoteRecord[] }[];
  /** The action items agreed in this meeting. */
  actionItems: readonly ActionItemRecord[];
  /** The group's next meeting as agreed when this one ended. */
  nextMeeting?: NextMeeting | null;
  methods?: MethodLibrary;
}

/** Longest list of texts one section keeps; a board holding more is not summarised in full. */
const maxTexts = 200;

const iso = (ms: number) => new Date(ms).toISOString();

export function buildSummary(input: SummaryInput): MeetingSummary {
  const { session, shapes, meeting } = input;
  const methods = input.methods ?? sessionLibrary(session);
  const endMs = Date.parse(meeting.endedAt);
  const nameOf = (id: string) =>
    input.participants.find((p) => p.id === id)?.displayName ?? session.participants.find((p) => p.id === id)?.name;
  const person = (id: string | null): SummaryPerson | null => {
    const name = id === null ? undefined : nameOf(id);
    return id === null || name === undefined ? null : { id: id as SummaryPerson['id'], name };
  };
  const textsIn = (instanceId: string, frameId: string, keep = (_: string) => true) =>
    shapes
      .textsInside(layoutShapeId(instanceId, frameId))
      .filter((s) => !isLayoutShape(s) || keep(s.id))
      .map(textOf)
      .slice(0, maxTexts);

  const log = session.stepLog ?? [];
  const agenda: SummaryAgendaItem[] = session.agenda.flatMap((item) => {
    const method = methods[item.methodId];
    if (method === undefined) return [];
    return [
      {
        instanceId: item.instanceId,
        methodId: item.methodId,
        name: method.name,
        steps: method.steps.map((step) => {
          const visits = log.filter((v) => v.instanceId === item.instanceId && v.stepId === step.id);
          const left = visits.map((v) => v.leftAt ?? endMs);
          return {
            stepId: step.id,
            title: step.title,
            plannedMinutes: Math.round(step.timeboxSeconds / 6) / 10,
            enteredAt: visits.length > 0 ? iso(Math.min(...visits.map((v) => v.enteredAt))) : null,
            leftAt: visits.length > 0 ? iso(Math.max(...left)) : null,
            durationMs: visits.reduce((sum, v, i) => sum + Math.max(0, left[i]! - v.enteredAt), 0),
          };
        }),
      },
    ];
  });

  const cases: SummaryCase[] = session.agenda.flatMap((item) => {
    const method = methods[item.methodId];
    const owner = session.caseOwners[item.instanceId] ?? null;
    const roomOwners = (session.roomCaseOwners?.[item.instanceId] ?? []).flatMap((e) => {
      const p = person(e.participantId);
      return p === null ? [] : [{ room: e.name, owner: p }];
    });
    const chosen = owner !== null || roomOwners.length > 0;
    if (method === undefined || (!chosen && !method.steps.some((s) => s.caseOwnerChosenHere))) return [];
    const frames = new Set(method.steps.flatMap((s) => s.layout?.frames ?? []).map((f) => f.id));
    // An untouched prompt note ("How can I …?") is the template, not the owner's question.
    const prompts = new Set(
      method.steps
        .flatMap((s) => s.layout?.notes ?? [])
        .flatMap((n) => locales.map((l) => n.text[l]).map((t) => `${layoutShapeId(item.instanceId, n.id)}\n${t}`)),
    );
    const keyQuestion = frames.has('key-question')
      ? shapes
          .textsInside(layoutShapeId(item.instanceId, 'key-question'))
          .filter((s) => !prompts.has(`${s.id}\n${textOf(s)}`))
          .map(textOf)
      : [];
    // A room with its own case owner worked on its own case; its result frame, copied onto the
    // plenary board when the rooms closed, brings the ideas that owner starred in the room.
    const inRoomResult = (s: BoardShape) =>
      (session.roomCaseOwners?.[item.instanceId] ?? []).some(
        (e) => s.marks.starredBy === e.participantId && shapes.isInside(s, plenaryResultFrameId(e.room)),
      );
    const starred = shapes
      .all()
      .filter(
        (s) =>
          s.marks.starredBy !== undefined &&
          ([...frames].some((f) => shapes.isInside(s, layoutShapeId(item.instanceId, f))) || inRoomResult(s)) &&
          textOf(s) !== '',
      )
      .map(textOf);
    return [
      {
        instanceId: item.instanceId,
        methodName: method.name,
        owner: person(owner),
        ...(roomOwners.length > 0 ? { roomOwners } : {}),
        keyQuestion: keyQuestion.slice(0, maxTexts),
        starredIdeas: starred.slice(0, maxTexts),
      },
    ];
  });

  const reflections: SummaryReflection[] = session.agenda
    .filter((item) => methods[item.methodId]?.steps.some((s) => s.layout?.frames.some((f) => f.id === 'now-what')))
    .map((item) => ({
      instanceId: item.instanceId,
      what: textsIn(item.instanceId, 'what'),
      soWhat: textsIn(item.instanceId, 'so-what'),
      nowWhat: textsIn(item.instanceId, 'now-what'),
    }));

  const votes: SummaryVote[] = session.votes
    .filter((v) => v.status === 'closed')
    .map((v) => ({
      voteId: v.id,
      frameName: frameName(shapes.get(v.frameShapeId)),
      voterCount: v.voterCount ?? 0,
      results: Object.entries(v.results ?? {})
        .map(([shapeId, count]) => {
          const shape = shapes.get(shapeId);
          return { shapeId, text: shape ? textOf(shape) : '', count };
        })
        .sort((a, b) => b.count - a.count)
        .slice(0, maxTexts),
    }));

  const firstEntered = log.length > 0 ? Math.min(...log.map((v) => v.enteredAt)) : null;
  return {
    version: meetingSummaryFormat.version,
    meetingId: meeting.id,
    groupName: input.groupName,
    startedAt: firstEntered === null ? meeting.createdAt : iso(firstEntered),
    endedAt: meeting.endedAt,
    facilitator: person(session.facilitatorId ?? meeting.facilitatedBy),
    attendees: session.participants.map((p) => ({ id: p.id, name: nameOf(p.id) ?? p.name, role: p.role })),
    agenda,
    goals: input.goals.map(({ goal, notes }) => ({
      goalId: goal.id,
      text: goal.text,
      progress: notes.map((n) => ({ authorName: n.authorName, text: n.text })),
    })),
    cases,
    reflections,
    actionItems: input.actionItems.map((a) => ({
      id: a.id,
      text: a.text,
      ownerName: a.ownerName,
      dueDate: a.dueDate,
    })),
    votes,
    nextMeeting: hasNextMeeting(input.nextMeeting) ? input.nextMeeting : null,
  };
}

/** A next-meeting record with nothing in it is no agreement to write down. */
function hasNextMeeting(next: NextMeeting | null | undefined): next is NextMeeting {
  return next != null && Object.values(next).some((v) => v !== null);
}
