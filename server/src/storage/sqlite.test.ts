import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { storageContract } from './contract.test-suite.js';
import { openSqliteStorage } from './sqlite.js';

storageContract('sqlite', async () => {
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
