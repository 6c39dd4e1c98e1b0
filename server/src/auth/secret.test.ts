// The link secret on disk: made once, whole, and a damaged (short) one stops the server.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestServer } from '../testServer.testkit.js';
import { loadOrCreateSecret } from './secret.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'vb-secret-'));

it('creates a 32-byte secret once, leaves no temporary file, and reads the same one back', () => {
  const dir = freshDir();
  const first = loadOrCreateSecret(dir, null);
  expect(first.length).toBe(32);
  expect(readdirSync(dir)).toEqual(['secret.key']);
  expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  expect(loadOrCreateSecret(dir, null).equals(first)).toBe(true);
});

it('refuses to start on a secret.key shorter than 32 bytes', async () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'secret.key'), 'short');
  await expect(startTestServer({}, dir)).rejects.toThrow(/secret\.key holds 5 bytes but needs at least 32/);
  // The damaged file is left for the administrator to look at, not silently replaced.
  expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe('short');
});

it('refuses to start on an empty secret.key', () => {
  const dir = freshDir();
  writeFileSync(join(dir, 'secret.key'), '');
  expect(() => loadOrCreateSecret(dir, null)).toThrow(/holds 0 bytes/);
});

it('refuses a VERMEBOARD_SECRET shorter than 32 characters with a clear message', () => {
  expect(() => loadConfig({ VERMEBOARD_SECRET: 'x'.repeat(31) }, null)).toThrow(
    /VERMEBOARD_SECRET: must be at least 32 characters/,
  );
  expect(loadConfig({ VERMEBOARD_SECRET: 'x'.repeat(32) }, null).secret).toBe('x'.repeat(32));
});
