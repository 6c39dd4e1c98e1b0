// What simulated participants are called and what they write, in the group's language. Plain data:
// the names read as people in the people list, and the rehearsal banner says they are simulated.
import type { GroupLocale } from '@vermeboard/shared';

export const botNames: Record<GroupLocale, readonly string[]> = {
  en: ['Alex', 'Sam', 'Robin', 'Kim', 'Jamie', 'Charlie', 'Taylor', 'Noor'],
  fi: ['Aino', 'Eero', 'Helmi', 'Onni', 'Siiri', 'Väinö', 'Ilona', 'Jussi'],
  sv: ['Astrid', 'Lars', 'Maja', 'Nils', 'Elsa', 'Olle', 'Saga', 'Erik'],
};

export const botNotes: Record<GroupLocale, readonly string[]> = {
  en: [
    'A busy month, but I feel steadier',
    'How do I say no without guilt?',
    'I tried the weekly review and it helped',
    'Stuck with a difficult conversation',
    'Ask the team earlier',
    'Block focus time in the calendar',
    'I want to practise giving feedback',
    'Small steps work better for me',
  ],
  fi: [
    'Kiireinen kuukausi, mutta olen tasaisempi',
    'Miten sanon ei ilman syyllisyyttä?',
    'Kokeilin viikkokatsausta ja se auttoi',
    'Vaikea keskustelu on jumissa',
    'Kysy tiimiltä aiemmin',
    'Varaa kalenterista keskittymisaikaa',
    'Haluan harjoitella palautteen antamista',
    'Pienet askeleet toimivat minulle',
  ],
  sv: [
    'En hektisk månad, men jag känner mig stadigare',
    'Hur säger jag nej utan skuld?',
    'Jag provade veckogenomgången och den hjälpte',
    'Fast i ett svårt samtal',
    'Fråga teamet tidigare',
    'Boka fokustid i kalendern',
    'Jag vill öva på att ge återkoppling',
    'Små steg fungerar bättre för mig',
  ],
};
