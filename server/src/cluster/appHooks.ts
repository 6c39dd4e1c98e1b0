// What the application adds when instances share documents: a session document changed by another
// instance tells this one's board checks and presence rules its new state, as a session written
// here does (Facilitation's onSessionWritten); and connections to close (a revoked token, an ended
// or deleted meeting) are closed on every instance.
import { parseDocName, type MeetingId, type SessionState } from '@vermeboard/shared';
import { z } from 'zod';
import type { CloseSelector } from '../http/deps.js';
import { readSession } from '../facilitation/sessionDoc.js';
import type { Connection } from '../sync/Connection.js';
import type { LiveDoc } from '../sync/LiveDoc.js';
import type { Cluster } from './cluster.js';

export function withClusterHooks(
  cluster: Cluster | null,
  onLoad: (doc: LiveDoc<Connection>) => void,
  onRemoteSession: (meetingId: MeetingId, state: SessionState) => void,
): (doc: LiveDoc<Connection>) => void {
  if (!cluster) return onLoad;
  return (doc) => {
    onLoad(doc);
    const parsed = parseDocName(doc.name);
    if (parsed?.kind !== 'session') return;
    const meetingId = parsed.meetingId;
    doc.onRemoteUpdate = () => {
      const read = readSession(doc.doc);
      if (read.ok) onRemoteSession(meetingId, read.value);
    };
  };
}

const id = z.string().min(1).max(200);
const closeMessageSchema = z.strictObject({
  selector: z.union([
    z.strictObject({ tokenHashes: z.array(id).max(1000) }),
    z.strictObject({ participantId: id, docNames: z.array(id).max(100).optional() }),
    z.strictObject({ docPrefixes: z.array(id).max(10_000), exceptSession: z.boolean().optional() }),
  ]),
  code: z.number().int().min(1000).max(4999),
  reason: z.string().max(120),
});

export type CloseMessage = { selector: CloseSelector; code: number; reason: string };

export function encodeCloseMessage(message: CloseMessage): string {
  return JSON.stringify(message);
}

/** A close message from another instance, or null when it is not one (it is dropped). */
export function parseCloseMessage(text: string): CloseMessage | null {
  try {
    const parsed = closeMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as CloseMessage) : null;
  } catch {
    return null;
  }
}
