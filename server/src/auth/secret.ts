// The server secret that link tokens are derived from. Configured via VERMEBOARD_SECRET, or generated
// once and kept (mode 0600) beside the database, so links survive restarts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadOrCreateSecret(dataDir: string, configured: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = join(dataDir, 'secret.key');
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file);
    throw err;
  }
}
