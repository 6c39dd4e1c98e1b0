// The server side of the facilitation engine. Every change to a meeting's session goes through
// here: a participant's command (from the HTTP API) or the server's own presence commands (from
// the sync server's connection hook). Per meeting, changes run one at a time: load the state,
// `reduce` it with the caller's token role and the private ballot box, write the new state in one
// transaction of the session document, store the ballot box, then carry out the effects.
// It also tells the sync server when a meeting's board starts or stops hiding cursors (silent steps
// and open votes, see shared presencePrivacy.ts), from every session state it reads or writes.
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import {
  builtInMethods,
  formatDocName,
  hidesCursors,
  openRoom,
  ownBallot,
  parseDocName,
  reduce,
  serverActor,
  type BallotBox,
  type ClientCommand,
  type CommandActor,
  type Effect,
  type MeetingId,
  type Method,
  type ParticipantId,
  type ReduceContext,
  type ReduceResult,
  type SessionCommand,
  type SessionState,
  type Subject,
  CloseCode,
} from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import type { ConnectionChange } from '../sync/SyncServer.js';
import { PresenceCounter, type PresenceChange, type SharedPresence } from './presence.js';
import { revealPrivateNotes, type DocWriter } from './privateNotes.js';
import { SerialQueues } from './serialQueues.js';
import { nameFirstPage, placeLayout, type LayoutStorage } from './layoutPlacement.js';
import { appendReactions, quarantinedSession, readSession, writeFreshSession, writeSession } from './sessionDoc.js';
import { boardRecords, isNoteInFrame, isParticipantNote } from './voteTargets.js';
import { applyMark } from '../board/noteMarks.js';
import { createMeetingEventLog } from '../debrief/eventLog.js';
import type { CloseSelector } from '../http/deps.js';
import { readRecords } from './boardRecords.js';
import { copyFrames, isFrame, type FrameSource } from './frameCopy.js';
import { copyRoomResults, prepareRoomBoard } from './roomBoards.js';

/** `unreadable`: the meeting's stored session is quarantined (see sessionDoc.ts). */
export type CommandRefused = { ok: false; code: 'forbidden' | 'invalid' | 'unreadable'; reason: string };
export type CommandOutcome = { ok: true } | CommandRefused;
export type EndOutcome = { ok: true; endedAt: string } | CommandRefused;

export interface Facilitation {
  /**
   * Writes a fresh session into a new meeting's session document; with `previous`, the breakout
   * rooms that meeting kept open again in this one (the group's next meeting).
   */
  createSession(meetingId: MeetingId, previous?: MeetingId): Promise<void>;
  /**
   * The `endMeeting` command as `subject` (the group route), or, when the meeting already ended
   * and the subject may end it, finishing the ending again (a crash may have cut it short). Answers
   * the end time (the first one).
   */
  endMeeting(meetingId: MeetingId, subject: Subject): Promise<EndOutcome>;
  /**
   * Copies a frame of another board onto this meeting's board (sharing into an encounter's plaza),
   * in the meeting's queue; answers how many records it wrote.
   */
  copyFrame(meetingId: MeetingId, source: LabelledSource): Promise<number | 'notFrame'>;
  /** Applies a caller's command; a refusal changes nothing. */
  command(meetingId: MeetingId, subject: Subject, command: ClientCommand): Promise<CommandOutcome>;
  /** The meeting's session as stored now (null when it cannot be read), e.g. for a room's assignment. */
  session(meetingId: MeetingId): Promise<SessionState | null>;
  /** The participant's own dots in the meeting's open votes: voteId → shape ids. */
  ownBallots(meetingId: MeetingId, participantId: ParticipantId): Promise<Record<string, string[]>>;
  /** The sync server's question: whether the document's presence hides cursors and selections now. */
  hidesCursors(docName: string): boolean;
  /** The sync server's connection hook: issues `join` and `leave`. */
  onConnectionChange(change: ConnectionChange): void;
  /** A session state another instance wrote arrived (cluster/): keeps the presence rules current. */
  observeSession(meetingId: MeetingId, state: SessionState): void;
  /** Stops taking presence changes and waits for the changes already queued. */
  close(): Promise<void>;
}

/** A frame to copy, labelled from the frame's own name. */
export type LabelledSource = Omit<FrameSource, 'name'> & { name: (frameName: string) => string };

export interface FacilitationOptions {
  docs: DocWriter & { restampPresence(docName: string): Promise<void> };
  storage: Pick<Storage, 'loadBallots' | 'saveBallots' | 'endMeeting' | 'getParticipant' | 'appendMeetingEvents'> &
    LayoutStorage;
  logger: Logger;
  now?: () => number;
  /** Writes down an ended meeting (its summary); runs after every end, in the meeting's queue. */
  onMeetingEnded?: (meetingId: MeetingId) => Promise<unknown>;
  /** Told every session state written, in order; the board checks keep their rules from it. */
  onSessionWritten?: (meetingId: MeetingId, state: SessionState) => void;
  /**
   * Runs a meeting's task so that no other instance runs one of that meeting at the same time, with
   * the latest stored session loaded (cluster/meetingLock.ts). This process's own queue already
   * orders its tasks; by default nothing more is needed.
   */
  serialize?: <T>(meetingId: MeetingId, task: () => Promise<T>) => Promise<T>;
  /**
   * A library method (not built in) the meeting's group may add to its agenda, or null; adding it
   * copies its definition into the session. Without it only built-ins can be added.
   */
  libraryMethod?: (meetingId: MeetingId, methodId: string) => Promise<Method | null>;
  /** Presence counted over every instance (cluster/); by default this process's connections only. */
  sharedPresence?: SharedPresence;
  /** Closes live sync connections (on every instance): those of people who left a breakout room. */
  closeConnections?: (selector: CloseSelector, code: number, reason: string) => void;
}

export class FacilitationClosedError extends Error {
  constructor() {
    super('the server is shutting down');
  }
}

const uniform = () => randomInt(0, 2 ** 32) / 2 ** 32;

export function createFacilitation(opts: FacilitationOptions): Facilitation {
  const { docs, storage, logger: log } = opts;
  const now = opts.now ?? Date.now;
  const queues = new SerialQueues();
  const serialize = opts.serialize;
  /** One meeting's task: in this process's queue, then (with a cluster) under the meeting's lock. */
  const run = <T>(meetingId: MeetingId, task: () => Promise<T>): Promise<T> =>
    queues.run(meetingId, serialize ? () => serialize(meetingId, task) : task);
  const shared = opts.sharedPresence;
  const presence = new PresenceCounter();
  /** Meetings whose stored presence was checked against the live connections since this process started. */
  const reconciled = new Set<MeetingId>();
  /** Meetings whose unreadable session was reported in the log since this process started. */
  const quarantined = new Set<MeetingId>();
  /** Meetings whose board hides cursors, as of the last session state this process read or wrote. */
  const cursorsHidden = new Set<MeetingId>();
  /** The debrief's event log: every session change written here is logged (debrief/eventLog.ts). */
  const events = createMeetingEventLog(storage, log);
  let closing = false;

  const sessionName = (meetingId: MeetingId) => formatDocName({ kind: 'session', meetingId });

  function notePresenceRules(meetingId: MeetingId, state: SessionState): void {
    const hide = hidesCursors(state);
    if (hide === cursorsHidden.has(meetingId)) return;
    if (hide) cursorsHidden.add(meetingId);
    else cursorsHidden.delete(meetingId);
    docs
      .restampPresence(formatDocName({ kind: 'board', meetingId }))
      .catch((err: unknown) => log.error({ err, meetingId }, 'could not restamp the board presence'));
  }

  /**
   * Runs one command as one transaction of the session document. The reducer is pure and
   * synchronous, so reading, reducing and writing all happen inside that one transaction.
   */
  async function apply(meetingId: MeetingId, actor: CommandActor, command: SessionCommand): Promise<CommandOutcome> {
    await reconcile(meetingId);
    const ballots = await storage.loadBallots(meetingId);
    const ctx: ReduceContext = { actor, now: now(), random: uniform, ballots };
    if (command.type === 'addAgendaItem' && builtInMethods[command.methodId] === undefined && opts.libraryMethod) {
      const method = await opts.libraryMethod(meetingId, command.methodId);
      if (method !== null) ctx.available = { [method.id]: method };
    }
    if (command.type === 'castVote') {
      const board = await boardRecords(docs, meetingId);
      ctx.isVoteTarget = (frameShapeId, shapeId) => isNoteInFrame(board, frameShapeId, shapeId);
    }
    if (command.type === 'starNote' || command.type === 'markAction') {
      // The note must be on the board the command names. A closed room's board is not opened (the
      // reducer refuses the command anyway); the queue keeps the session as read here.
      const board = (await roomIsOpen(meetingId, command.room))
        ? await docs.withDoc(markBoard(meetingId, command.room), (doc) => readRecords(doc))
        : new Map<string, unknown>();
      ctx.isMarkable = (shapeId) => isParticipantNote(board, shapeId);
    }
    const result = await docs.withDoc(sessionName(meetingId), (doc): ReduceResult | CommandRefused => {
      const stored = readSession(doc);
      if (!stored.ok) return quarantine(meetingId, stored.reason);
      const state = stored.value;
      const reduced = reduce(state, command, ctx);
      if (!reduced.ok) return reduced;
      if (reduced.state !== state) written(meetingId, doc, state, reduced.state, ctx.now);
      appendReactions(
        doc,
        reduced.effects.filter((e) => e.kind === 'reaction'),
      );
      return reduced;
    });
    await events.flush(meetingId);
    if (!result.ok) return { ok: false, code: result.code, reason: result.reason };
    notePresenceRules(meetingId, result.state);
    // After the state: a crash in between leaves at worst the ballots of a vote already closed.
    if (result.ballots !== ballots) await storage.saveBallots(meetingId, result.ballots);
    for (const effect of result.effects) await perform(meetingId, effect, result.state);
    if (command.type === 'endMeeting') await finishEnding(meetingId, ctx.now);
    return { ok: true };
  }

  /** Refuses a change to a meeting whose stored session cannot be read; says so in the log once per meeting. */
  function quarantine(meetingId: MeetingId, reason: string): CommandRefused {
    if (!quarantined.has(meetingId)) {
      quarantined.add(meetingId);
      log.error({ meetingId, reason }, 'the stored session cannot be read: kept as it is, and changes are refused');
    }
    return { ok: false, code: 'unreadable', reason: quarantinedSession };
  }

  /** What ending a meeting does outside the session document; safe to repeat. */
  async function finishEnding(meetingId: MeetingId, at: number): Promise<string | null> {
    const endedAt = await storage.endMeeting(meetingId, new Date(at).toISOString());
    // Nothing can be voted any more; a vote left open keeps no record of who chose what.
    await storage.saveBallots(meetingId, {});
    try {
      await opts.onMeetingEnded?.(meetingId);
    } catch (err) {
      // The meeting has ended either way; ending it again retries the summary.
      log.error({ err, meetingId }, 'could not write down the ended meeting');
    }
    return endedAt;
  }

  /** Writes a new session state, notes its events for the log and tells the listener. */
  function written(meetingId: MeetingId, doc: Y.Doc, prev: SessionState, state: SessionState, at: number): void {
    writeSession(doc, state);
    events.record(meetingId, prev, state, at);
    opts.onSessionWritten?.(meetingId, state);
    notePresenceRules(meetingId, state);
  }

  async function perform(meetingId: MeetingId, effect: Effect, state: SessionState): Promise<void> {
    switch (effect.kind) {
      case 'placeLayout': {
        const count = await placeLayout(docs, storage, meetingId, state, effect.step);
        log.debug({ meetingId, count, step: effect.step }, 'placed a layout');
        return;
      }
      case 'revealPrivateNotes': {
        const count = await revealPrivateNotes(docs, meetingId, effect.participantIds, effect.step);
        log.debug({ meetingId, count }, 'revealed private notes');
        return;
      }
      case 'setMark':
        await docs.withDoc(markBoard(meetingId, effect.room), (doc) =>
          applyMark(doc, effect.shapeId, effect.by, effect.mark),
        );
        return;
      case 'prepareRooms': {
        const locale = await meetingLocale(meetingId);
        for (const room of effect.rooms) await prepareRoomBoard(docs, meetingId, room, locale);
        return;
      }
      case 'leaveRooms':
        for (const move of effect.moves) {
          opts.closeConnections?.(
            {
              participantId: move.participantId,
              docNames: [formatDocName({ kind: 'room', meetingId, room: move.room })],
            },
            CloseCode.roomChanged,
            'moved to another room',
          );
        }
        return;
      case 'copyRoomResults': {
        const count = await copyRoomResults(docs, meetingId, effect.rooms, await meetingLocale(meetingId));
        log.debug({ meetingId, count }, 'copied the rooms’ results onto the plenary board');
        // Only the closed rooms: a step may open new rooms at once, and their people may be in already.
        const closedRooms = effect.rooms.map((r) => `${formatDocName({ kind: 'room', meetingId, room: r.n })}`);
        opts.closeConnections?.({ docPrefixes: closedRooms }, CloseCode.roomChanged, 'rooms closed');
        return;
      }
      // Vote counts are in the state and the ballots left the box stored above. Reactions were
      // written with the state, in the same transaction. Nothing is left to do for these.
      case 'publishVoteResults':
      case 'reaction':
        return;
    }
  }

  /** The board a mark goes on: the plenary's, or a breakout room's. */
  function markBoard(meetingId: MeetingId, room: number | undefined): string {
    return formatDocName(room === undefined ? { kind: 'board', meetingId } : { kind: 'room', meetingId, room });
  }

  /** True for the plenary board (no room), else whether the stored session has that room open. */
  async function roomIsOpen(meetingId: MeetingId, room: number | undefined): Promise<boolean> {
    if (room === undefined) return true;
    return docs.withDoc(sessionName(meetingId), (doc) => {
      const stored = readSession(doc);
      return stored.ok && openRoom(stored.value.breakout, room) !== null;
    });
  }

  async function meetingLocale(meetingId: MeetingId) {
    const meeting = await storage.getMeeting(meetingId);
    return (meeting && (await storage.getGroupSettings(meeting.groupId))?.locale) || 'en';
  }

  /**
   * After a restart the stored session still shows who was present when the process stopped.
   * The first time this process touches a meeting, everyone present there without a live
   * connection leaves.
   */
  async function reconcile(meetingId: MeetingId): Promise<void> {
    if (reconciled.has(meetingId)) return;
    reconciled.add(meetingId);
    const connectedElsewhere = new Set<ParticipantId>();
    if (shared) {
      const read = await docs.withDoc(sessionName(meetingId), (doc) => readSession(doc));
      for (const p of read.ok ? read.value.participants : []) {
        if (p.present && (await shared.isConnected(meetingId, p.id))) connectedElsewhere.add(p.id);
      }
    }
    await docs.withDoc(sessionName(meetingId), (doc) => {
      const stored = readSession(doc);
      if (!stored.ok) return;
      const state = stored.value;
      const at = now();
      let next = state;
      for (const p of state.participants) {
        if (!p.present || presence.isConnected(meetingId, p.id) || connectedElsewhere.has(p.id)) continue;
        const left = reduce(next, { type: 'leave', participantId: p.id }, { actor: serverActor, now: at });
        if (left.ok) next = left.state;
      }
      if (next !== state) written(meetingId, doc, state, next, at);
      notePresenceRules(meetingId, next);
    });
    await events.flush(meetingId);
  }

  function hasEnded(meetingId: MeetingId): Promise<boolean> {
    return docs.withDoc(sessionName(meetingId), (doc) => {
      const stored = readSession(doc);
      return stored.ok && stored.value.status === 'ended';
    });
  }

  async function presenceCommand(change: PresenceChange): Promise<void> {
    let command: SessionCommand;
    if (change.kind === 'join') {
      const participant = await storage.getParticipant(change.participantId);
      if (participant === null || participant.removedAt !== null) return;
      command = {
        type: 'join',
        participantId: change.participantId,
        name: participant.displayName,
        role: change.role,
        groupId: participant.groupId,
      };
    } else {
      command = { type: 'leave', participantId: change.participantId };
    }
    const outcome = await apply(change.meetingId, serverActor, command);
    if (!outcome.ok) log.warn({ meetingId: change.meetingId, reason: outcome.reason }, `${change.kind} was refused`);
  }

  return {
    async createSession(meetingId, previous) {
      const kept = previous
        ? await docs.withDoc(sessionName(previous), (doc) => {
            const read = readSession(doc);
            return read.ok ? (read.value.keptRooms ?? []) : [];
          })
        : [];
      await run(meetingId, async () => {
        await docs.withDoc(sessionName(meetingId), (doc) => {
          writeFreshSession(doc, kept);
          const read = readSession(doc);
          if (read.ok) opts.onSessionWritten?.(meetingId, read.value);
        });
        await nameFirstPage(docs, storage, meetingId);
      });
    },

    async copyFrame(meetingId, source) {
      if (closing) throw new FacilitationClosedError();
      const frame = await docs.withDoc(source.docName, (doc) => readRecords(doc).get(source.frameId));
      if (!isFrame(frame)) return 'notFrame';
      const name = source.name(String((frame as { props: { name?: unknown } }).props.name ?? ''));
      return run(meetingId, () =>
        copyFrames(docs, formatDocName({ kind: 'board', meetingId }), [{ ...source, name }], 'beside'),
      );
    },

    endMeeting(meetingId, subject) {
      if (closing) return Promise.reject(new FacilitationClosedError());
      return run(meetingId, async (): Promise<EndOutcome> => {
        const ended = await apply(meetingId, subject, { type: 'endMeeting' });
        // The reducer asks who may before whether the meeting is still open, so `invalid` for an
        // allowed caller of an ended session means it ended before: finishing again is safe, and
        // retries what a crash may have cut short.
        if (!ended.ok && (ended.code !== 'invalid' || !(await hasEnded(meetingId)))) return ended;
        const endedAt = ended.ok
          ? (await storage.getMeeting(meetingId))?.endedAt
          : await finishEnding(meetingId, now());
        return endedAt ? { ok: true, endedAt } : { ok: false, code: 'invalid', reason: 'unknown meeting' };
      });
    },

    command(meetingId, subject, command) {
      if (closing) return Promise.reject(new FacilitationClosedError());
      return run(meetingId, () => apply(meetingId, subject, command));
    },

    session(meetingId) {
      // Commands write the session in one transaction, so a read between them sees a whole state.
      return docs.withDoc(sessionName(meetingId), (doc) => {
        const read = readSession(doc);
        return read.ok ? read.value : null;
      });
    },

    async ownBallots(meetingId, participantId) {
      const box: BallotBox = await run(meetingId, () => storage.loadBallots(meetingId));
      const votes: Record<string, string[]> = {};
      for (const voteId of Object.keys(box)) {
        const dots = ownBallot(box, voteId, participantId);
        if (dots.length > 0) votes[voteId] = [...dots];
      }
      return votes;
    },

    hidesCursors(docName) {
      const doc = parseDocName(docName);
      return doc?.kind === 'board' && cursorsHidden.has(doc.meetingId);
    },

    onConnectionChange(change) {
      const counted = presence.count(change);
      // While shutting down every connection closes; the next start reconciles presence instead.
      if (counted === null || closing) return;
      run(counted.meetingId, async () => {
        // Across instances a person is present while any of them holds one of their connections.
        const change = shared ? await shared.confirm(counted) : counted;
        if (change) await presenceCommand(change);
      }).catch((err: unknown) => log.error({ err, meetingId: counted.meetingId }, `could not apply ${counted.kind}`));
    },

    observeSession(meetingId, state) {
      notePresenceRules(meetingId, state);
    },

    async close() {
      closing = true;
      await queues.idle();
    },
  };
}
