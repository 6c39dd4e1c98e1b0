// All user-visible strings, per feature. Each feature folder owns a `messages.ts` with an English
// object and a Finnish and a Swedish object typed against it, so a missing string is a compile error.
import { a11yMessages } from '../a11y/messages.js';
import { appMessages } from '../app/messages.js';
import { boardMessages } from '../board/messages.js';
import { debriefMessages } from '../debrief/messages.js';
import { facilitationMessages } from '../facilitation/messages.js';
import { betweenMessages } from '../group/betweenMessages.js';
import { groupMessages } from '../group/messages.js';
import { notifyMessages } from '../group/notifyMessages.js';
import { outlineMessages } from '../outline/messages.js';
import { programMessages } from '../program/messages.js';
import { rehearsalMessages } from '../rehearsal/messages.js';
import { studioMessages } from '../studio/messages.js';
import { summaryMessages } from '../summary/messages.js';
import { roomMessages } from '../rooms/messages.js';

export const locales = ['en', 'fi', 'sv'] as const;
export type Locale = (typeof locales)[number];

/** Each language named in itself, as a language switcher shows it to someone who can't read the other. */
export const localeNames: Record<Locale, string> = { en: 'English', fi: 'Suomi', sv: 'Svenska' };

export const messages = {
  en: {
    ...appMessages.en,
    ...boardMessages.en,
    ...groupMessages.en,
    ...betweenMessages.en,
    ...notifyMessages.en,
    ...facilitationMessages.en,
    ...summaryMessages.en,
    ...outlineMessages.en,
    ...debriefMessages.en,
    ...programMessages.en,
    ...studioMessages.en,
    ...a11yMessages.en,
    ...rehearsalMessages.en,
    ...roomMessages.en,
  },
  fi: {
    ...appMessages.fi,
    ...boardMessages.fi,
    ...groupMessages.fi,
    ...betweenMessages.fi,
    ...notifyMessages.fi,
    ...facilitationMessages.fi,
    ...summaryMessages.fi,
    ...outlineMessages.fi,
    ...debriefMessages.fi,
    ...programMessages.fi,
    ...studioMessages.fi,
    ...a11yMessages.fi,
    ...rehearsalMessages.fi,
    ...roomMessages.fi,
  },
  sv: {
    ...appMessages.sv,
    ...boardMessages.sv,
    ...groupMessages.sv,
    ...betweenMessages.sv,
    ...notifyMessages.sv,
    ...facilitationMessages.sv,
    ...summaryMessages.sv,
    ...outlineMessages.sv,
    ...debriefMessages.sv,
    ...programMessages.sv,
    ...studioMessages.sv,
    ...a11yMessages.sv,
    ...rehearsalMessages.sv,
    ...roomMessages.sv,
  },
} satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];
