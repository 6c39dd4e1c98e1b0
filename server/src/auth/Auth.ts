// Who is calling: resolves a bearer token to its group, role and (for personal tokens) participant.
// All token handling lives here so that OpenID Connect sign-in can be added as another adapter.
import type { GroupId, ParticipantId, Role } from '@vermeboard/shared';
import { joinPath, tokenSchema } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import { createSyncTickets, type SyncTicketOptions } from './syncTickets.js';
import { deriveCalendarToken, deriveLinkToken, deriveMailStopToken, hashToken, mailStopTokenIds } from './tokens.js';

export interface Caller {
  groupId: GroupId;
  role: Role;
  /** Null for someone using a shared role link instead of a personal token. */
  participantId: ParticipantId | null;
  tokenHash: string;
}

export interface Auth {
  /** Resolves a token; null when it is missing, malformed or unknown. */
  authenticate(token: string | null | undefined): Promise<Caller | null>;
  /** A single-use ticket to open `docName` that stands for the caller's token (syncTickets.ts). */
  issueSyncTicket(caller: Caller, docName: string): string;
  /** Uses up a ticket; null when it is unknown, used, expired, for another document, or its token was revoked since. */
  redeemSyncTicket(ticket: string, docName: string): Promise<Caller | null>;
  linkTokens(groupId: GroupId, generation: number): Record<Role, string>;
  links(tokens: Record<Role, string>): Record<Role, string>;
  /** The token in the group's calendar feed URL (a capability for reading the season plan only). */
  calendarToken(groupId: GroupId, generation: number): string;
  /** The token of the stop link in a mail to `address` (tokens.ts); valid while that is the address. */
  mailStopToken(groupId: GroupId, participantId: ParticipantId, address: string): string;
  /** Whom a stop token (already matching mailStopTokenSchema) was made for; null when not by this server. */
  mailStopTokenIds(token: string): { groupId: GroupId; participantId: ParticipantId } | null;
}

/** A minute is enough to open a socket right after asking; eight covers a page's documents twice. */
export const syncTicketDefaults: SyncTicketOptions = { ttlMs: 60_000, perToken: 8, maxTickets: 100_000 };

export function createAuth(storage: Storage, secret: Buffer, ticketOptions = syncTicketDefaults): Auth {
  const tickets = createSyncTickets(ticketOptions);
  async function byHash(tokenHash: string): Promise<Caller | null> {
    const found = await storage.findToken(tokenHash);
    if (!found) return null;
    return {
      groupId: found.groupId,
      role: found.role,
      participantId: found.kind === 'participant' ? found.participantId : null,
      tokenHash,
    };
  }
  return {
    async authenticate(token) {
      if (!token || !tokenSchema.safeParse(token).success) return null;
      return byHash(hashToken(token));
    },
    issueSyncTicket: (caller, docName) => tickets.issue(caller.tokenHash, docName),
    async redeemSyncTicket(ticket, docName) {
      if (!tokenSchema.safeParse(ticket).success) return null;
      const tokenHash = tickets.redeem(ticket, docName);
      return tokenHash === null ? null : byHash(tokenHash);
    },
    linkTokens(groupId, generation) {
      return {
        facilitator: deriveLinkToken(secret, groupId, 'facilitator', generation),
        member: deriveLinkToken(secret, groupId, 'member', generation),
        observer: deriveLinkToken(secret, groupId, 'observer', generation),
      };
    },
    calendarToken: (groupId, generation) => deriveCalendarToken(secret, groupId, generation),
    mailStopToken: (groupId, participantId, address) => deriveMailStopToken(secret, groupId, participantId, address),
    mailStopTokenIds: (token) => mailStopTokenIds(secret, token),
    links(tokens) {
      return {
        facilitator: joinPath(tokens.facilitator),
        member: joinPath(tokens.member),
        observer: joinPath(tokens.observer),
      };
    },
  };
}
