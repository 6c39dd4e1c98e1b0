// What storage keeps about programs (shared/src/process/programs.ts): the program and its plaza
// group, which groups belong to it or were asked to, which groups an encounter invites, and which
// meeting summaries a group shared with it. Both adapters implement it (sqlitePrograms.ts,
// postgresPrograms.ts) and pass the same contract suite.
import type { GroupId, MeetingId, ParticipantId, ProgramId } from '@vermeboard/shared';
import type { NewMeeting } from './Storage.js';

export interface ProgramRecord {
  id: ProgramId;
  name: string;
  createdAt: string;
  /** The program's own group: its meetings are the encounters, its member link lets guests in. */
  plazaGroupId: GroupId;
  /** The coordinator: the plaza group's facilitator participant, whose token is the coordinator link. */
  coordinatorId: ParticipantId;
}

/** A group's place in a program: asked (attachedAt null) or a member. */
export interface ProgramGroupRecord {
  programId: ProgramId;
  groupId: GroupId;
  requestedAt: string;
  attachedAt: string | null;
}

export type AttachOutcome =
  /** The request is stored (or was already). */
  | 'requested'
  /** The group is in this program already. */
  | 'member'
  /** The group belongs to another program (a group is in one program at most). */
  | 'taken'
  /** No such group, or it is a plaza group. */
  | 'unknown'
  /** The program holds as many groups and requests as it may. */
  | 'full';

export interface ProgramStore {
  /** Stores the program; its plaza group and coordinator participant must exist. */
  createProgram(program: ProgramRecord): Promise<void>;
  getProgram(id: ProgramId): Promise<ProgramRecord | null>;
  /** The program whose plaza group this is, or null for an ordinary group. */
  programOfPlaza(groupId: GroupId): Promise<ProgramRecord | null>;
  /**
   * Makes the group a member at once (a group the coordinator created inside the program). False
   * when the group is in a program already.
   */
  addProgramGroup(programId: ProgramId, groupId: GroupId, at: string): Promise<boolean>;
  /** Asks the group to join, atomically checking the outcomes listed in `AttachOutcome`. */
  requestAttach(programId: ProgramId, groupId: GroupId, at: string, maxGroups: number): Promise<AttachOutcome>;
  /**
   * The group's answer: accepting makes it a member (and drops its other programs' requests),
   * declining deletes the request. False when there was no open request (or, accepting, the group
   * joined another program meanwhile).
   */
  answerAttach(programId: ProgramId, groupId: GroupId, accept: boolean, at: string): Promise<boolean>;
  /** Members and open requests of a program, in the order they were asked or added. */
  listProgramGroups(programId: ProgramId): Promise<ProgramGroupRecord[]>;
  /** The group's membership and the requests it has, members first. */
  programsOfGroup(groupId: GroupId): Promise<ProgramGroupRecord[]>;
  /**
   * Starts an encounter: a meeting of the plaza group (unless one is running: then its id, as
   * `startMeeting`) with the groups it invites, in one transaction.
   */
  startEncounter(meeting: NewMeeting, groupIds: readonly GroupId[]): Promise<MeetingId | null>;
  /** The groups an encounter invites; empty for an ordinary meeting. */
  encounterGroups(meetingId: MeetingId): Promise<GroupId[]>;
  /** Lets the program read the meeting's summary (again: harmless). */
  shareSummary(programId: ProgramId, meetingId: MeetingId, at: string): Promise<void>;
  /** Takes the share back; false when it was not shared. */
  unshareSummary(programId: ProgramId, meetingId: MeetingId): Promise<boolean>;
  /** Meetings whose summaries are shared with the program, oldest share first. */
  listSharedSummaries(programId: ProgramId): Promise<MeetingId[]>;
}
