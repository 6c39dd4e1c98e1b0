import { defineMessages } from '../i18n/defineMessages.js';

export const boardMessages = defineMessages(
  {
    'board.status.connecting': 'Connecting…',
  },
  {
    'board.status.connecting': 'Yhdistetään…',
  },
);
