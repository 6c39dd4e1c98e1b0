// The method schema's own words for the problems a trainer meets most, in the page's language.
// Every other problem is shown as the schema (and the server) words it, in English.
import type { MessageKey } from '../i18n/messages.js';

const known: Record<string, MessageKey> = {
  'must not be blank': 'studio.issue.blank',
  'must be a lower-case slug': 'studio.issue.slug',
};

export function issueText(message: string, t: (key: MessageKey) => string): string {
  const key = known[message];
  return key ? t(key) : message;
}
