import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { betweenContract } from './betweenContract.test-suite.js';
import { storageContract } from './contract.test-suite.js';
import { notifyContract } from './notifyContract.test-suite.js';
import { migrate, migrations, openSqliteStorage } from './sqlite.js';
import { DocumentGoneError } from './Storage.js';

storageContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'test.sqlite');
  return { storage: openSqliteStorage(file), reopen: async () => openSqliteStorage(file) };
});

betweenContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'test.sqlite');
  return { storage: openSqliteStorage(file), reopen: async () => openSqliteStorage(file) };
});

notifyContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'test.sqlite');
  return { storage: openSqliteStorage(file), reopen: async () => openSqliteStorage(file) };
});

it('refuses a database written by a newer server', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'future.sqlite');
  const db = new Database(file);
  db.pragma('user_version = 999');
  db.close();
  expect(() => openSqliteStorage(file)).toThrow(/newer than this server knows/);
});

it('purges a meeting so that its board is gone from the database file, not only hidden', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vb-sqlite-'));
  const file = join(dir, 'purge.sqlite');
  const storage = openSqliteStorage(file);
  const groupId = 'group-000001' as GroupId;
  const meetingId = 'meeting-0001' as MeetingId;
  await storage.createGroup(
    { id: groupId, name: 'G', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
    { facilitator: 'f', member: 'm', observer: 'o' },
  );
  await storage.createMeeting({ id: meetingId, groupId, createdAt: '2026-01-01T00:00:00.000Z' });
  await storage.setRetention(groupId, 1);

  // A short secret lives inside a row; a long one spills into overflow pages.
  const doc = new Y.Doc();
  const board = doc.getMap('board');
  board.set('note', 'CONFIDENTIAL-CASE-7f3a');
  board.set('long', 'LONGSECRET-'.repeat(2000));
  await storage.appendUpdates(`meeting/${meetingId}/board`, [Y.encodeStateAsUpdate(doc)]);
  await storage.appendUpdates(`meeting/${meetingId}/private/participant1`, [
    new TextEncoder().encode('PRIVATE-NOTE-91c2'),
  ]);
  await storage.putAsset(
    {
      id: 'asset-000001',
      meetingId,
      mimeType: 'image/png',
      data: new TextEncoder().encode('IMAGE-BYTES-5d0e'.repeat(500)),
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    1 << 30,
  );
  await storage.endMeeting(meetingId, '2026-01-02T00:00:00.000Z');

  const secrets = ['CONFIDENTIAL-CASE-7f3a', 'LONGSECRET-', 'PRIVATE-NOTE-91c2', 'IMAGE-BYTES-5d0e'];
  const fileBytes = () =>
    readdirSync(dir)
      .filter((f) => f.startsWith('purge.sqlite'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
  // The secrets are in the file (or its WAL) before the purge, so the check below means something.
  for (const s of secrets) expect(fileBytes()).toContain(s);

  expect(await storage.purgeExpiredMeetings(new Date('2026-01-10T00:00:00.000Z'))).toEqual([meetingId]);
  const after = fileBytes();
  for (const s of secrets) expect(after).not.toContain(s);
  // The store keeps working afterwards.
  expect((await storage.getMeeting(meetingId))?.boardDeletedAt).toBe('2026-01-10T00:00:00.000Z');
  await storage.close();
  for (const s of secrets) expect(fileBytes()).not.toContain(s);
});

it('upgrades a database from the first schema version without losing data', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'v1.sqlite');
  const db = new Database(file);
  db.exec(`
    CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, link_generation INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE meetings (id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE, created_at TEXT NOT NULL);
    CREATE TABLE participants (id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE, display_name TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE tokens (hash TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE, role TEXT NOT NULL, participant_id TEXT REFERENCES participants(id) ON DELETE CASCADE);
    CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL);
    CREATE TABLE assets (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, mime_type TEXT NOT NULL, data BLOB NOT NULL, created_at TEXT NOT NULL);
    INSERT INTO groups VALUES ('group-000001', 'Old group', '2025-01-01T00:00:00.000Z', 2);
    INSERT INTO meetings VALUES ('meeting-0001', 'group-000001', '2025-01-02T00:00:00.000Z');
    PRAGMA user_version = 1;
  `);
  db.close();
  const storage = openSqliteStorage(file);
  expect(await storage.getGroup('group-000001' as GroupId)).toMatchObject({ name: 'Old group', linkGeneration: 2 });
  expect(await storage.getMeeting('meeting-0001' as MeetingId)).toMatchObject({ facilitatedBy: null, endedAt: null });
  expect(await storage.getGroupSettings('group-000001' as GroupId)).toEqual({
    locale: 'en',
    groundRules: [],
    nextMeetingDate: null,
    nextMeetingTime: null,
    nextMeetingPlace: null,
    nextMeetingTheme: null,
    deleteBoardsAfterDays: null,
  });
  await storage.close();
});

/** Everything SQLite wrote for a database: the main file and its write-ahead log. */
function fileText(file: string): string {
  const dir = dirname(file);
  return readdirSync(dir)
    .filter((f) => f.startsWith(basename(file)))
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('');
}

it('overwrites what any delete frees, not only what a purge does', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'deletes.sqlite');
  const storage = openSqliteStorage(file);
  // A compaction replaces rows by one merged row: the replaced rows are what must not linger. A long
  // draft spills into overflow pages, which a plain delete leaves intact on the free list.
  const doc = new Y.Doc();
  doc.getMap('board').set('note', 'FIRST-DRAFT-c41d'.repeat(500));
  await storage.appendUpdates('doc-a', [Y.encodeStateAsUpdate(doc)]);
  doc.getMap('board').set('note', 'final text');
  await storage.appendUpdates('doc-a', [Y.encodeStateAsUpdate(doc)]);
  expect(fileText(file)).toContain('FIRST-DRAFT-c41d');
  await storage.compact('doc-a', (updates) => {
    const merged = new Y.Doc({ gc: true });
    for (const u of updates) Y.applyUpdate(merged, u);
    return Y.encodeStateAsUpdate(merged);
  });
  await storage.close();
  expect(fileText(file)).not.toContain('FIRST-DRAFT-c41d');
});

it('scrubs the free pages an older database left behind, once, when it upgrades', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'old.sqlite');
  // What an older server did: the schema up to just before the scrub, deletes without secure_delete.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    migrations.slice(
      0,
      migrations.findIndex((m) => typeof m !== 'string'),
    ),
  );
  db.pragma('secure_delete = OFF');
  const insert = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)');
  insert.run('doc-a', Buffer.from('DELETED-LONG-AGO-88ab'.repeat(300)));
  insert.run('doc-b', Buffer.from('still here'));
  db.prepare('DELETE FROM doc_updates WHERE doc = ?').run('doc-a');
  db.close();
  expect(fileText(file)).toContain('DELETED-LONG-AGO-88ab');

  const upgraded = openSqliteStorage(file);
  expect(fileText(file)).not.toContain('DELETED-LONG-AGO-88ab');
  expect(await upgraded.loadUpdates('doc-b')).toEqual([new TextEncoder().encode('still here')]);
  await upgraded.close();
});

it('stores a batch of documents in one transaction, a refused document on its own', async () => {
  const storage = openSqliteStorage(join(mkdtempSync(join(tmpdir(), 'vb-sqlite-')), 'batch.sqlite'));
  const groupId = 'group-000001' as GroupId;
  const [live, purged] = ['meeting-0001', 'meeting-0002'] as MeetingId[];
  await storage.createGroup(
    { id: groupId, name: 'G', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
    { facilitator: 'f', member: 'm', observer: 'o' },
  );
  await storage.setRetention(groupId, 1);
  await storage.createMeeting({ id: purged!, groupId, createdAt: '2026-01-01T00:00:00.000Z' });
  await storage.endMeeting(purged!, '2026-01-02T00:00:00.000Z');
  expect(await storage.purgeExpiredMeetings(new Date('2026-01-10T00:00:00.000Z'))).toEqual([purged]);
  await storage.createMeeting({ id: live!, groupId, createdAt: '2026-01-10T00:00:00.000Z' });

  const bytes = (n: number) => new Uint8Array([n, n]);
  const errors = storage.appendBatchNow!([
    { docName: `meeting/${live}/board`, updates: [bytes(1), bytes(2)] },
    { docName: `meeting/${purged}/board`, updates: [bytes(3)] },
    { docName: `meeting/${live}/private/participant1`, updates: [bytes(4)] },
  ]);
  expect(errors[0]).toBeNull();
  expect(errors[1]).toBeInstanceOf(DocumentGoneError);
  expect(errors[2]).toBeNull();
  expect(await storage.loadUpdates(`meeting/${live}/board`)).toEqual([bytes(1), bytes(2)]);
  expect(await storage.loadUpdates(`meeting/${purged}/board`)).toEqual([]);
  expect(await storage.loadUpdates(`meeting/${live}/private/participant1`)).toEqual([bytes(4)]);
  await storage.close();
});
