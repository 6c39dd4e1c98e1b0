// Capability tokens. A token is 128 random (or HMAC-derived) bits in URL-safe base64; the database
// only ever sees its SHA-256 hash.
//
// Link tokens (one per role of a group) are derived with HMAC from the server secret, the group id,
// the role and the group's link generation. That lets the facilitator see the links again on the
// group page without the database holding them: a leaked database file alone reveals no token.
// Rotating the links bumps the generation. Personal participant tokens are random and never
// recoverable.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GroupId, ParticipantId, Role } from '@vermeboard/shared';

const TOKEN_BYTES = 16;

export function randomToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Random id for groups, meetings, participants and assets (also 128 bits: ids appear in URLs). */
export function randomId(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function deriveLinkToken(secret: Buffer, groupId: GroupId, role: Role, generation: number): string {
  return createHmac('sha256', secret)
    .update(`link\0${groupId}\0${role}\0${generation}`, 'utf8')
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

/** The group's calendar feed token: derived like the link tokens, renewed by bumping its own generation. */
export function deriveCalendarToken(secret: Buffer, groupId: GroupId, generation: number): string {
  return createHmac('sha256', secret)
    .update(`calendar\0${groupId}\0${generation}`, 'utf8')
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

/**
 * A mail's stop link token (mailStopTokenSchema in shared): the ids, a mac over them, and a mac over
 * them and the address the mail went to. Nothing is stored: the route derives it again.
 */
export function deriveMailStopToken(
  secret: Buffer,
  groupId: GroupId,
  participantId: ParticipantId,
  address: string,
): string {
  const ids = `${groupId}\0${participantId}`;
  return `${groupId}.${participantId}.${mac(secret, `mail-stop\0${ids}`)}.${mac(secret, `mail-stop-address\0${ids}\0${address}`)}`;
}

/** The ids of a well-formed stop token whose first mac is this server's; null for any other. */
export function mailStopTokenIds(
  secret: Buffer,
  token: string,
): { groupId: GroupId; participantId: ParticipantId } | null {
  const [groupId, participantId, idsMac] = token.split('.') as [GroupId, ParticipantId, string];
  return sameToken(idsMac, mac(secret, `mail-stop\0${groupId}\0${participantId}`)) ? { groupId, participantId } : null;
}

function mac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest().subarray(0, TOKEN_BYTES).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
