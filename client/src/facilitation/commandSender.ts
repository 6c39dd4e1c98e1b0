// Sending a command: the server validates it against the caller's role and the state machine, so
// the browser only reports what went wrong, in the viewer's language.
import type { ClientCommand } from '@vermeboard/shared';
import { HttpError, NetworkError } from '../api/errors.js';
import type { MessageKey } from '../i18n/messages.js';

export type PostCommand = (command: ClientCommand) => Promise<unknown>;
/** Resolves true when the server applied the command; a failure is reported, never thrown. */
export type SendCommand = (command: ClientCommand) => Promise<boolean>;

export function commandErrorKey(error: unknown): MessageKey {
  if (error instanceof NetworkError) return 'facilitation.error.network';
  if (error instanceof HttpError) {
    if (error.status === 401 || error.status === 403) return 'facilitation.error.forbidden';
    // 409: the reducer refused it in the current state, typically because someone else's click won.
    if (error.status === 409) return 'facilitation.error.conflict';
  }
  return 'facilitation.error.other';
}

export function createCommandSender(post: PostCommand, report: (key: MessageKey) => void): SendCommand {
  return async (command) => {
    try {
      await post(command);
      return true;
    } catch (error) {
      console.warn(`[facilitation] ${command.type} failed:`, error);
      report(commandErrorKey(error));
      return false;
    }
  };
}
