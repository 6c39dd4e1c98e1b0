// Mail between meetings (notifications/): members' own addresses, the outbox of mails to send (one
// row per person and occasion, so that a reminder is sent once however often the sweep runs, and a
// restart resumes what was left), and the group's summer break. Both adapters implement it
// (sqliteNotify.ts, postgresNotify.ts) and pass the same contract suite.
import type { GroupBreak, GroupId, ParticipantId } from '@vermeboard/shared';

export interface MailRecipient {
  participantId: ParticipantId;
  address: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface NewOutboxMail {
  id: string;
  groupId: GroupId;
  participantId: ParticipantId;
  /** What the mail is about, e.g. `reminder:<planned id>:<date>`: one mail per person and key, ever. */
  key: string;
  subject: string;
  text: string;
  attachment: MailAttachment | null;
  createdAt: string;
}

export interface PendingMail extends NewOutboxMail {
  /** The addressee's current address (a mail to someone who removed theirs is never pending). */
  address: string;
  attempts: number;
}

export interface NotifyStore {
  /** Sets the participant's own address (replacing an earlier one). */
  setMailAddress(groupId: GroupId, participantId: ParticipantId, address: string, at: string): Promise<void>;
  getMailAddress(participantId: ParticipantId): Promise<string | null>;
  /**
   * Removes the address and every mail still waiting for it. With `onlyIf`, only while the address
   * is still that one (a mail's stop link must not remove an address given after the mail was
   * sent); true when an address was removed.
   */
  deleteMailAddress(participantId: ParticipantId, onlyIf?: string): Promise<boolean>;
  /** The group's participants who gave an address and were not removed. */
  listMailRecipients(groupId: GroupId): Promise<MailRecipient[]>;
  /** Groups with at least one recipient, for the sweep. */
  listGroupsWithMail(): Promise<GroupId[]>;
  /** Queues the mail unless one with its person and key was queued before (sent or not); true when queued now. */
  enqueueMail(mail: NewOutboxMail): Promise<boolean>;
  /** Unsent mails tried fewer than `maxAttempts` times whose addressee still has an address, oldest first. */
  listPendingMail(maxAttempts: number, limit: number): Promise<PendingMail[]>;
  /** Marks it sent and forgets its text: only the fact that it went is kept. */
  markMailSent(id: string, at: string): Promise<void>;
  /** Counts a failed attempt; past the last one the text is forgotten too. */
  markMailFailed(id: string, at: string, maxAttempts: number): Promise<void>;

  getGroupBreak(groupId: GroupId): Promise<GroupBreak | null>;
  setGroupBreak(groupId: GroupId, value: GroupBreak | null): Promise<void>;
}
