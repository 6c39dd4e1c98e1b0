import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite.js';
import { LiveDoc, type Peer } from './LiveDoc.js';
import { writeAwareness, writeAwarenessUpdate } from './protocol.js';

class RecordingPeer implements Peer {
  frames: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }
}

function liveDoc() {
  return new LiveDoc<RecordingPeer>('meeting/abcdefgh12/board', [], {
    store: openSqliteStorage(':memory:'),
    logger: pino({ level: 'silent' }),
    compactThreshold: 500,
    merge: () => Promise.reject(new Error('no compaction in these tests')),
    maxDocumentBytes: 1024 * 1024,
    awarenessClientsPerConnection: 4,
    samePerson: (a, b) => a === b,
    onPersistFailure: () => {},
  });
}

const presence = (clientId: number, clock: number, name: string) => [{ clientId, clock, state: { user: { name } } }];

describe('awareness relay', () => {
  it('echoes presence to a client alone in the document, so its connection stays alive', () => {
    const doc = liveDoc();
    const alone = new RecordingPeer();
    doc.join(alone);
    doc.applyAwareness(alone, presence(1, 1, 'Anna'));
    expect(alone.frames).toHaveLength(1);
    doc.destroy();
  });

  it('relays the received bytes to the others and no echo once someone else publishes', () => {
    const doc = liveDoc();
    const anna = new RecordingPeer();
    const bert = new RecordingPeer();
    doc.join(anna);
    doc.join(bert);
    doc.applyAwareness(anna, presence(1, 1, 'Anna'));
    doc.applyAwareness(bert, presence(2, 1, 'Bert'));
    anna.frames = [];
    bert.frames = [];

    doc.applyAwareness(anna, presence(1, 2, 'Anna moved'));
    expect(anna.frames).toHaveLength(0);
    expect(bert.frames).toEqual([writeAwareness(writeAwarenessUpdate(presence(1, 2, 'Anna moved')))]);
    doc.destroy();
  });
});
