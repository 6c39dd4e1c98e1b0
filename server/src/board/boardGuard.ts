// The per-document side of the board checks: keeps a count of live entries per record id (so a
// check knows whether a record exists without reading the whole array), runs checkBoardUpdate for
// a writer, and after the update is applied records what the server vouches for from then on —
// which participant owns each new client id, and who created each new record — in the document's
// server-only maps, in one server transaction.
import * as Y from 'yjs';
import {
  BOARD_AUTHORS,
  BOARD_CLIENTS,
  BOARD_RECORDS,
  can,
  isLayoutShapeId,
  type ParticipantId,
  type Role,
} from '@vermeboard/shared';
import { arrayEntryChanges } from './arrayChanges.js';
import type { MeetingRules } from './meetingRules.js';
import {
  checkBoardUpdate,
  UpdateRefusedError,
  type AcceptedUpdate,
  type DecodedUpdate,
  type EntryIndex,
  type UpdateRules,
} from './updateGuard.js';

export interface GuardedWriter {
  role: Role;
  participantId: ParticipantId | null;
  tokenHash: string;
}

export interface BoardGuardOptions {
  kind: 'board' | 'private';
  rules(): MeetingRules;
  maxRecordBytes: number;
  /** A further rule on who writes this document at all (a breakout room's people); null to allow. */
  mayWrite?: (writer: GuardedWriter) => string | null;
}

const maxNewClients = 32;

/** The key a writer's client ids are bound to: the participant, or for a shared link the link itself. */
export function writerKey(writer: GuardedWriter): string {
  return writer.participantId ?? `link:${writer.tokenHash.slice(0, 16)}`;
}

export class BoardGuard implements EntryIndex {
  private readonly counts = new Map<string, number>();
  private readonly records: Y.Array<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly opts: BoardGuardOptions,
  ) {
    this.records = doc.getArray(BOARD_RECORDS);
    for (const entry of this.records.toArray()) this.bump(entry, 1);
    this.records.observe(this.onRecords);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Throws UpdateRefusedError when the update breaks a rule; nothing is changed then. */
  check(update: DecodedUpdate, writer: GuardedWriter): AcceptedUpdate {
    const rules = this.opts.rules();
    if (rules.ended) throw new UpdateRefusedError('the meeting has ended');
    const refused = this.opts.mayWrite?.(writer) ?? null;
    if (refused !== null) throw new UpdateRefusedError(refused);
    const editsProtected = can(writer, 'board.editProtected', { session: { facilitatorId: rules.facilitatorId } });
    const updateRules: UpdateRules = {
      kind: this.opts.kind,
      isProtected: (id) => isLayoutShapeId(id) || rules.lockedShapeIds.has(id),
      maxRecordBytes: this.opts.maxRecordBytes,
      maxNewClients,
    };
    return checkBoardUpdate(
      this.doc,
      this,
      update,
      { writerKey: writerKey(writer), participantId: writer.participantId, mayEditProtected: editsProtected },
      updateRules,
    );
  }

  /** Writes the bindings and authors an accepted update brought; call after applying it. */
  record(accepted: AcceptedUpdate, writer: GuardedWriter, transact: (fn: (doc: Y.Doc) => void) => void): void {
    if (accepted.newClients.length === 0 && accepted.newAuthors.size === 0) return;
    transact((doc) => {
      const clients = doc.getMap<string>(BOARD_CLIENTS);
      const key = writerKey(writer);
      for (const client of accepted.newClients) if (!clients.has(String(client))) clients.set(String(client), key);
      const authors = doc.getMap<string>(BOARD_AUTHORS);
      for (const [id, author] of accepted.newAuthors) if (!authors.has(id)) authors.set(id, author);
    });
  }

  destroy(): void {
    this.records.unobserve(this.onRecords);
  }

  private readonly onRecords = (event: Y.YArrayEvent<unknown>): void => {
    // Not event.changes: that walks the whole array, history included, on every update.
    const { added, deleted } = arrayEntryChanges(this.records, event.transaction);
    for (const entry of added) this.bump(entry, 1);
    for (const entry of deleted) this.bump(entry, -1);
  };

  private bump(entry: unknown, by: 1 | -1): void {
    const key = (entry as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') return;
    const next = (this.counts.get(key) ?? 0) + by;
    if (next > 0) this.counts.set(key, next);
    else this.counts.delete(key);
  }
}
