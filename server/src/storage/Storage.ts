// The storage interface. The embedded default is SQLite (sqlite.ts); a PostgreSQL adapter for
// several server instances implements the same interface and passes the same contract suite
// (contract.ts). Methods are async so that a network-backed adapter fits without a rewrite.
import type {
  ActionItemId,
  AssessmentPhase,
  BallotBox,
  CompetenceAreaId,
  GoalId,
  GroupId,
  GroupLocale,
  MeetingEvent,
  MeetingId,
  MeetingSummary,
  NextMeeting,
  ParticipantId,
  ProgressNoteId,
  Role,
} from '@vermeboard/shared';
import type { BetweenStore } from './BetweenStore.js';
import type { NotifyStore } from './NotifyStore.js';
import type { ProgramStore } from './programStore.js';
import type { LibraryStore } from './libraryStore.js';
import type { RehearsalStore } from './rehearsalStore.js';

export interface GroupRecord {
  id: GroupId;
  name: string;
  createdAt: string;
  /** Bumped when the facilitator rotates the invite links; link tokens are derived from it. */
  linkGeneration: number;
}

export interface NewMeeting {
  id: MeetingId;
  groupId: GroupId;
  createdAt: string;
  /** The participant who started it, when they used a personal token. */
  facilitatedBy?: ParticipantId | null;
}

export interface MeetingRecord extends NewMeeting {
  facilitatedBy: ParticipantId | null;
  endedAt: string | null;
  /** When the retention rule deleted the meeting's documents and assets. */
  boardDeletedAt: string | null;
}

export interface NewParticipant {
  id: ParticipantId;
  groupId: GroupId;
  displayName: string;
  role: Role;
  createdAt: string;
}

export interface ParticipantRecord extends NewParticipant {
  /** A removed participant keeps their name for the history; their token rows are gone. */
  removedAt: string | null;
}

/** What a new group starts with, in its language. */
export interface GroupDefaults {
  locale: GroupLocale;
  groundRules: string[];
  competenceAreas: { id: CompetenceAreaId; name: string }[];
}

/** What a token hash resolves to: a role link of a group, or a participant's personal token. */
export type TokenRecord =
  | { kind: 'link'; groupId: GroupId; role: Role }
  | { kind: 'participant'; groupId: GroupId; role: Role; participantId: ParticipantId };

export interface AssetRecord {
  id: string;
  meetingId: MeetingId;
  mimeType: string;
  data: Uint8Array;
  createdAt: string;
}

/** Thrown by `appendUpdates` for a document whose meeting was purged. */
export class DocumentGoneError extends Error {
  constructor(docName: string) {
    super(`${docName} belongs to a purged meeting and takes no more updates`);
  }
}

/** One document's updates of a batch (DocStore.appendBatchNow). */
export interface DocAppend {
  docName: string;
  updates: readonly Uint8Array[];
}

export interface DocStore {
  /** Every stored update of a document, oldest first (empty when the document is new). */
  loadUpdates(docName: string): Promise<Uint8Array[]>;
  /**
   * Append updates to the document's log in one transaction; durable when the promise resolves.
   * A document of a purged meeting is a tombstone: appending to it rejects with `DocumentGoneError`
   * and writes nothing, so updates batched just before a purge never land after it.
   */
  appendUpdates(docName: string, updates: readonly Uint8Array[]): Promise<void>;
  /**
   * The same, for a store whose writes complete before they return (SQLite): durable on return,
   * throws what `appendUpdates` rejects with. A document then stores and relays a turn's updates
   * and presence together, in one write to each peer's socket.
   */
  appendUpdatesNow?(docName: string, updates: readonly Uint8Array[]): void;
  /**
   * `appendUpdatesNow` for several documents in one transaction (one commit for every document
   * that had traffic in a turn of the event loop). Each document's updates are stored or refused as
   * a whole and on their own: the result has, per entry, null when they are stored, or the error
   * that refused them (then nothing of that entry is stored, and the others are). Throws when the
   * transaction itself fails; nothing is stored then.
   */
  appendBatchNow?(batch: readonly DocAppend[]): (unknown | null)[];
  /** Number of rows in the document's log (compaction decides by it). */
  countUpdates(docName: string): Promise<number>;
  /**
   * Replace the rows the log holds now with `merge(rows)`: read them, merge (possibly elsewhere, so
   * `merge` may be asynchronous), then insert the merged update and delete the rows it covers in one
   * transaction. Rows appended meanwhile survive; if the rows were deleted meanwhile (`deleteDoc`),
   * nothing is inserted.
   */
  compact(docName: string, merge: (updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>): Promise<void>;
  /** Remove a document's log entirely (rows and compacted state). */
  deleteDoc(docName: string): Promise<void>;
}

export interface GroupStore {
  createGroup(group: GroupRecord, linkTokenHashes: Record<Role, string>, defaults?: GroupDefaults): Promise<void>;
  getGroup(id: GroupId): Promise<GroupRecord | null>;
  createMeeting(meeting: NewMeeting): Promise<void>;
  /**
   * Creates the meeting unless the group already has one that has not ended, atomically, so two
   * clicks (or two facilitators) cannot start two meetings at once. Returns null when it created
   * the meeting, or the id of the meeting that is still running.
   */
  startMeeting(meeting: NewMeeting): Promise<MeetingId | null>;
  getMeeting(id: MeetingId): Promise<MeetingRecord | null>;
  /** Meetings of a group, oldest first. */
  listMeetings(groupId: GroupId): Promise<MeetingRecord[]>;
  createParticipant(participant: NewParticipant, tokenHash: string): Promise<void>;
  getParticipant(id: ParticipantId): Promise<ParticipantRecord | null>;
  listParticipants(groupId: GroupId): Promise<ParticipantRecord[]>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  /**
   * Stores an image unless, checked in the same transaction, the meeting is unknown or purged
   * ('gone') or its images would pass `maxMeetingBytes` in all ('full').
   */
  putAsset(asset: AssetRecord, maxMeetingBytes: number): Promise<'stored' | 'full' | 'gone'>;
  getAsset(id: string): Promise<AssetRecord | null>;
}

export interface GroupSettingsRecord {
  locale: GroupLocale;
  groundRules: string[];
  nextMeetingDate: string | null;
  nextMeetingTime: string | null;
  nextMeetingPlace: string | null;
  nextMeetingTheme: string | null;
  deleteBoardsAfterDays: number | null;
}

export interface GoalRecord {
  id: GoalId;
  groupId: GroupId;
  text: string;
  position: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface ProgressNoteRecord {
  id: ProgressNoteId;
  goalId: GoalId;
  meetingId: MeetingId;
  participantId: ParticipantId;
  /** Filled from the participant on read. */
  authorName: string;
  text: string;
  createdAt: string;
}

export interface ActionItemRecord {
  id: ActionItemId;
  groupId: GroupId;
  meetingId: MeetingId;
  text: string;
  ownerParticipantId: ParticipantId | null;
  /** Filled from the owner on read; null without an owner. */
  ownerName: string | null;
  dueDate: string | null;
  doneAt: string | null;
  sourceShapeId: string | null;
  createdAt: string;
}

export type ActionItemPatch = Partial<Pick<ActionItemRecord, 'text' | 'ownerParticipantId' | 'dueDate' | 'doneAt'>>;

export interface CompetenceAreaRecord {
  id: CompetenceAreaId;
  name: string;
}

export interface AssessmentRecord {
  phase: AssessmentPhase;
  ratings: { areaId: CompetenceAreaId; rating: number }[];
  updatedAt: string;
}

/**
 * Aggregates only: the number of respondents per phase, and the sum and count of ratings per phase
 * and area. Deciding what may be shown (enough respondents) is the caller's rule.
 */
export interface AssessmentAggregate {
  respondents: Partial<Record<AssessmentPhase, number>>;
  areas: { phase: AssessmentPhase; areaId: CompetenceAreaId; sum: number; count: number }[];
}

/** A phase's averages as the facilitator released them: computed once and never changed after. */
export interface AssessmentRelease {
  phase: AssessmentPhase;
  releasedAt: string;
  answered: number;
  areas: { areaId: CompetenceAreaId; name: string; average: number | null; count: number }[];
}

/** The data of a group's process across meetings (issue: goals, members, history, self-assessment). */
export interface ProcessStore {
  /**
   * Replaces the group's three link-token hashes and bumps its link generation to `fromGeneration + 1`,
   * in one transaction. Returns the hashes it removed, or null when the generation was no longer
   * `fromGeneration` (a concurrent rotation won) or the group is unknown.
   */
  rotateLinks(groupId: GroupId, fromGeneration: number, newHashes: Record<Role, string>): Promise<string[] | null>;
  /** Deletes the participant's token and marks them removed; false when unknown or already removed. */
  removeParticipant(id: ParticipantId, at: string): Promise<boolean>;

  getGroupSettings(groupId: GroupId): Promise<GroupSettingsRecord | null>;
  setGroundRules(groupId: GroupId, rules: string[]): Promise<void>;
  setNextMeeting(groupId: GroupId, next: NextMeeting): Promise<void>;
  setRetention(groupId: GroupId, deleteBoardsAfterDays: number | null): Promise<void>;

  /** Sets `endedAt` once and returns it; ending again keeps the first time. Null for an unknown meeting. */
  endMeeting(id: MeetingId, at: string): Promise<string | null>;
  /**
   * For every meeting of a group with retention on that ended more than that many days before `now`:
   * deletes its documents' update rows (`meeting/<id>/…`) and its assets, so the bytes are gone from
   * the store (not only hidden), and sets `boardDeletedAt`. Returns the meetings purged.
   */
  purgeExpiredMeetings(now: Date): Promise<MeetingId[]>;

  /** Active goals by position; with `includeArchived`, archived ones follow, oldest first. */
  listGoals(groupId: GroupId, includeArchived?: boolean): Promise<GoalRecord[]>;
  getGoal(id: GoalId): Promise<GoalRecord | null>;
  /** Appends an active goal unless the group already has `maxActive`; then returns 'full'. Atomic. */
  addGoal(goal: Omit<GoalRecord, 'position' | 'archivedAt'>, maxActive: number): Promise<GoalRecord | 'full'>;
  setGoalText(id: GoalId, text: string): Promise<void>;
  /** `ids` must be exactly the group's active goals; false otherwise (nothing changes). */
  reorderGoals(groupId: GroupId, ids: GoalId[]): Promise<boolean>;
  archiveGoal(id: GoalId, at: string): Promise<void>;
  addProgressNote(note: Omit<ProgressNoteRecord, 'authorName'>): Promise<void>;
  /** Oldest first. */
  listProgressNotes(goalId: GoalId): Promise<ProgressNoteRecord[]>;

  createActionItem(item: Omit<ActionItemRecord, 'ownerName' | 'doneAt'>): Promise<void>;
  getActionItem(id: ActionItemId): Promise<ActionItemRecord | null>;
  /** Oldest first; `openOnly` leaves out the ones ticked off. */
  listActionItems(groupId: GroupId, openOnly: boolean): Promise<ActionItemRecord[]>;
  updateActionItem(id: ActionItemId, patch: ActionItemPatch): Promise<void>;

  /** The group's current competence areas, in order. */
  listCompetenceAreas(groupId: GroupId): Promise<CompetenceAreaRecord[]>;
  /**
   * Makes `areas` the group's list, in this order: known ids are renamed, new ids added, and areas
   * left out are retired (their past ratings stay but no longer count in the summary).
   */
  setCompetenceAreas(groupId: GroupId, areas: CompetenceAreaRecord[]): Promise<void>;
  /** One answer per participant and phase: saving again replaces the previous ratings. */
  saveAssessment(groupId: GroupId, participantId: ParticipantId, answer: AssessmentRecord): Promise<void>;
  /** The participant's own answers, by phase. */
  listOwnAssessments(participantId: ParticipantId): Promise<AssessmentRecord[]>;
  /** Aggregates over the group's current competence areas. */
  assessmentAggregate(groupId: GroupId): Promise<AssessmentAggregate>;
  /** Freezes a phase's figures; false (and nothing changes) when the phase was released before. */
  releaseAssessment(groupId: GroupId, release: AssessmentRelease): Promise<boolean>;
  /** The group's released phases. */
  listAssessmentReleases(groupId: GroupId): Promise<AssessmentRelease[]>;
  /** Answers a phase needs before its release (the product minimum unless the group raised it). */
  assessmentThreshold(groupId: GroupId): Promise<number>;
  setAssessmentThreshold(groupId: GroupId, minRespondents: number): Promise<void>;
}

/**
 * Dot-vote ballots of a meeting's open votes (facilitation). They never enter a document; the
 * server hands them to the session reducer and stores the box it gets back.
 */
export interface BallotStore {
  /** The meeting's ballots, voteId → participant → shape ids; empty when there are none. */
  loadBallots(meetingId: MeetingId): Promise<BallotBox>;
  /** Makes `box` the meeting's ballots, in one transaction: what it leaves out is deleted. */
  saveBallots(meetingId: MeetingId, box: BallotBox): Promise<void>;
}

/** A progress note read off a goal-recap board: one per note shape and meeting. */
export interface BoardProgressNote extends Omit<ProgressNoteRecord, 'authorName'> {
  sourceShapeId: string;
}

/** An action item read off a board: one per note shape and meeting. */
export interface BoardActionItem extends Omit<ActionItemRecord, 'ownerName' | 'doneAt'> {
  sourceShapeId: string;
}

/** What ending a meeting writes down (server/src/summary/). */
export interface SummaryStore {
  /**
   * Adds each note, or, when the meeting already has one from the same shape, replaces its goal,
   * author and text (the board was edited between two ends). Keeps the first `createdAt` and id.
   */
  saveBoardProgressNotes(notes: readonly BoardProgressNote[]): Promise<void>;
  /**
   * Creates the items whose shape has no item in the meeting yet and leaves the others alone (they
   * may have been edited or ticked off since). Returns how many it created. Atomic.
   */
  createBoardActionItems(items: readonly BoardActionItem[]): Promise<number>;
  /** Makes `summary` the meeting's summary, replacing an earlier one. */
  putMeetingSummary(meetingId: MeetingId, summary: MeetingSummary, at: string): Promise<void>;
  /**
   * The stored summary exactly as it was written (parsed JSON, of whatever version), or null when
   * the meeting has none yet. Read it through summary/storedSummary.ts, which migrates it.
   */
  getMeetingSummary(meetingId: MeetingId): Promise<unknown>;
}

/** A trainer a group invited as its coach (see shared/src/policy/debrief.ts). */
export interface CoachRecord {
  id: string;
  groupId: GroupId;
  name: string;
  createdAt: string;
}

export interface CoachingNoteRecord {
  id: string;
  meetingId: MeetingId;
  coachId: string;
  /** Filled from the coach on read. */
  coachName: string;
  /** The point on the timeline (server time, ms). */
  at: number;
  text: string;
  createdAt: string;
}

/**
 * The debrief's data (server/src/debrief/): the meeting event log the facilitation engine appends
 * to, the group's coaches and their coaching notes. Purged with the meeting's documents.
 */
export interface DebriefStore {
  /**
   * Appends events to the meeting's log in one transaction, up to `maxPerMeeting` in all: past it
   * the rest are dropped. Writes nothing for an unknown or purged meeting. Returns how many it stored.
   */
  appendMeetingEvents(meetingId: MeetingId, events: readonly MeetingEvent[], maxPerMeeting: number): Promise<number>;
  /** The log as stored (parsed JSON of each event, oldest first); the caller validates each. */
  listMeetingEvents(meetingId: MeetingId): Promise<unknown[]>;
  /** Adds a coach with their token's hash unless the group has `maxActive` already ('full'). */
  createCoach(coach: CoachRecord, tokenHash: string, maxActive: number): Promise<'created' | 'full'>;
  /** The coach a token hash belongs to; null when unknown or revoked. */
  findCoachByToken(tokenHash: string): Promise<CoachRecord | null>;
  /** The group's coaches who were not revoked, oldest first. */
  listCoaches(groupId: GroupId): Promise<CoachRecord[]>;
  /** Deletes the coach's token; their notes stay. False when unknown in the group or revoked before. */
  revokeCoach(groupId: GroupId, coachId: string, at: string): Promise<boolean>;
  /** Whether the group lets its coach join meetings as a silent observer (off for a new group). */
  coachMayShadow(groupId: GroupId): Promise<boolean>;
  setCoachMayShadow(groupId: GroupId, on: boolean): Promise<void>;
  /** Adds a note unless the meeting has `maxPerMeeting` already ('full') or was purged ('gone'). */
  addCoachingNote(
    note: Omit<CoachingNoteRecord, 'coachName'>,
    maxPerMeeting: number,
  ): Promise<'stored' | 'full' | 'gone'>;
  /** Oldest first. */
  listCoachingNotes(meetingId: MeetingId): Promise<CoachingNoteRecord[]>;
}

export interface Storage
  extends
    DocStore,
    GroupStore,
    ProcessStore,
    BallotStore,
    SummaryStore,
    BetweenStore,
    DebriefStore,
    ProgramStore,
    NotifyStore,
    LibraryStore,
    RehearsalStore {
  /** Resolves when the store answers a trivial query (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
