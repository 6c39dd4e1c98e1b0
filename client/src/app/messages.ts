import { defineMessages } from '../i18n/defineMessages.js';

export const appMessages = defineMessages(
  {
    'app.name': 'Vermeboard',
  },
  {
    'app.name': 'Vermeboard',
  },
);
