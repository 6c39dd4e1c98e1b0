import { defineMessages } from '../i18n/defineMessages.js';

export const rehearsalMessages = defineMessages(
  {
    'rehearsal.title': 'Rehearse',
    'rehearsal.explain':
      'Practise the facilitator’s controls alone before a real meeting: simulated participants join, take their turns, pass sometimes, write in silent steps, vote and raise a hand. A rehearsal never appears in the group’s history.',
    'rehearsal.agenda': 'Agenda',
    'rehearsal.bots': 'Simulated participants',
    'rehearsal.speed': 'Speed',
    'rehearsal.speedOption': '×{speed}',
    'rehearsal.realTime': 'Real time',
    'rehearsal.start': 'Rehearse',
    'rehearsal.starting': 'Starting the rehearsal…',
    'rehearsal.busy': 'A rehearsal of this group is already running. End it first.',
    'rehearsal.banner.title': 'Rehearsal',
    'rehearsal.banner.body':
      'You are rehearsing with {count, plural, one {# simulated participant} other {# simulated participants}} at ×{speed} speed. Nothing of it enters the group’s history, and its board is deleted a minute after it ends.',
  },
  {
    'rehearsal.title': 'Harjoittele',
    'rehearsal.explain':
      'Harjoittele fasilitaattorin toimintoja yksin ennen oikeaa tapaamista: simuloidut osallistujat liittyvät, ottavat vuoronsa, ohittavat joskus, kirjoittavat hiljaisissa vaiheissa, äänestävät ja nostavat käden. Harjoitus ei koskaan näy ryhmän historiassa.',
    'rehearsal.agenda': 'Asialista',
    'rehearsal.bots': 'Simuloidut osallistujat',
    'rehearsal.speed': 'Nopeus',
    'rehearsal.speedOption': '×{speed}',
    'rehearsal.realTime': 'Oikea aika',
    'rehearsal.start': 'Harjoittele',
    'rehearsal.starting': 'Harjoitus alkaa…',
    'rehearsal.busy': 'Ryhmällä on jo harjoitus käynnissä. Lopeta se ensin.',
    'rehearsal.banner.title': 'Harjoitus',
    'rehearsal.banner.body':
      'Harjoittelet {count, plural, one {# simuloidun osallistujan} other {# simuloidun osallistujan}} kanssa nopeudella ×{speed}. Mitään siitä ei tallenneta ryhmän historiaan, ja sen taulu poistetaan minuutti sen päättymisen jälkeen.',
  },
  {
    'rehearsal.title': 'Öva',
    'rehearsal.explain':
      'Öva facilitatorns kontroller på egen hand före en riktig träff: simulerade deltagare ansluter, tar sin tur, står över ibland, skriver i tysta steg, röstar och räcker upp handen. En övning syns aldrig i gruppens historik.',
    'rehearsal.agenda': 'Dagordning',
    'rehearsal.bots': 'Simulerade deltagare',
    'rehearsal.speed': 'Hastighet',
    'rehearsal.speedOption': '×{speed}',
    'rehearsal.realTime': 'Realtid',
    'rehearsal.start': 'Öva',
    'rehearsal.starting': 'Övningen startar…',
    'rehearsal.busy': 'Gruppen har redan en övning igång. Avsluta den först.',
    'rehearsal.banner.title': 'Övning',
    'rehearsal.banner.body':
      'Du övar med {count, plural, one {# simulerad deltagare} other {# simulerade deltagare}} i hastighet ×{speed}. Inget av den hamnar i gruppens historik, och dess tavla raderas en minut efter att den avslutats.',
  },
);
