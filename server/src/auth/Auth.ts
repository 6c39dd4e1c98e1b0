// Who is calling: resolves a bearer token to its group, role and (for personal tokens) participant.
// All token handling lives here so that OpenID Connect sign-in can be added as another adapter.
import type { GroupId, ParticipantId, Role } from '@vermeboard/shared';
import { joinPath, tokenSchema } from '@vermeboard/shared';
import type { Storage } from '../storage/Storage.js';
import { deriveLinkToken, hashToken } from './tokens.js';

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
  linkTokens(groupId: GroupId, generation: number): Record<Role, string>;
  links(tokens: Record<Role, string>): Record<Role, string>;
}

export function createAuth(storage: Storage, secret: Buffer): Auth {
  return {
    async authenticate(token) {
      if (!token || !tokenSchema.safeParse(token).success) return null;
      const tokenHash = hashToken(token);
      const found = await storage.findToken(tokenHash);
      if (!found) return null;
      return {
        groupId: found.groupId,
        role: found.role,
        participantId: found.kind === 'participant' ? found.participantId : null,
        tokenHash,
      };
    },
    linkTokens(groupId, generation) {
      return {
        facilitator: deriveLinkToken(secret, groupId, 'facilitator', generation),
        member: deriveLinkToken(secret, groupId, 'member', generation),
        observer: deriveLinkToken(secret, groupId, 'observer', generation),
      };
    },
    links(tokens) {
      return {
        facilitator: joinPath(tokens.facilitator),
        member: joinPath(tokens.member),
        observer: joinPath(tokens.observer),
      };
    },
  };
}
