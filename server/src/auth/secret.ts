// The server secret that link tokens are derived from. Configured via VERMEBOARD_SECRET, or generated
// once and kept (mode 0600) beside the database, so links survive restarts.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Shorter than this, invite links become guessable from the group id alone. */
export const minSecretBytes = 32;

export function loadOrCreateSecret(dataDir: string, configured: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = join(dataDir, 'secret.key');
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(minSecretBytes);
  // Written whole to a temporary file first and only then linked into place, so a crash mid-write
  // never leaves a short `secret.key` behind. `link` fails if another process won the race; then
  // use theirs.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, secret);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSecret(file)!;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

/** The stored secret, null when there is none yet; a short one stops the server. */
function readSecret(file: string): Buffer | null {
  let existing: Buffer;
  try {
    existing = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (existing.length < minSecretBytes) {
    throw new Error(
      `${file} holds ${existing.length} bytes but needs at least ${minSecretBytes}: it is damaged (an interrupted ` +
        'first start leaves it short). Invite links made from it would be guessable, so the server will not start. ' +
        'Restore the file from a backup, or delete it to make a new one; then each facilitator rotates their group’s links (personal tokens keep working).',
    );
  }
  return existing;
}
