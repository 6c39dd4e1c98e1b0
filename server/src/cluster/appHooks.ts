// What the application adds to each loaded document when instances share them: a session document
// changed by another instance tells this one's board checks and presence rules its new state, as a
// session written here does (Facilitation's onSessionWritten).
import { parseDocName, type MeetingId, type SessionState } from '@vermeboard/shared';
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
