// Turns an API failure into a message key in the user's language. The server's own error text is
// English and meant for logs; the status and field decide what the person reads.
import { HttpError, NetworkError } from '../api/errors.js';
import type { MessageKey } from '../i18n/messages.js';

/** What the failed call was about: the same status means different things to a join and a group load. */
export type ErrorContext = 'join' | 'group' | 'other';

export function errorMessageKey(error: unknown, context: ErrorContext): MessageKey {
  if (error instanceof NetworkError) return 'app.error.network';
  if (!(error instanceof HttpError)) return 'app.error.unexpected';
  switch (error.status) {
    case 400: {
      const field = fieldMessageKey(error.field);
      if (field) return field;
      // A malformed token in a join is, to the person holding the link, simply a dead link.
      return context === 'join' && error.field === 'token' ? 'app.error.linkInvalid' : 'app.error.unexpected';
    }
    case 401:
      return context === 'join' ? 'app.error.linkInvalid' : 'app.error.accessEnded';
    case 403:
      return context === 'join' ? 'app.error.linkInvalid' : 'app.error.forbidden';
    case 404:
      return context === 'join' ? 'app.error.linkInvalid' : 'app.error.notFound';
    case 429:
      return 'app.error.rateLimited';
    default:
      return 'app.error.unexpected';
  }
}

/** The message for an invalid form field the server named, or null when the field is not a form input. */
export function fieldMessageKey(field: string | undefined): MessageKey | null {
  switch (field) {
    case 'name':
      return 'app.field.groupName';
    case 'facilitatorName':
    case 'displayName':
      return 'app.field.displayName';
    default:
      return null;
  }
}
