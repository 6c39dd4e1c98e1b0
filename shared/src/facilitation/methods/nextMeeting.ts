import { defineMethod } from '../method.js';

/** Closes every meeting: agreeing on the next one while everyone is present avoids the calendar hunt later. */
export const nextMeeting = defineMethod({
  id: 'next-meeting',
  name: { en: 'Next theme and date', fi: 'Seuraava teema ja ajankohta', sv: 'Nästa tema och datum' },
  description: {
    en: 'Agree on the theme, date and preparations of the next meeting before saying goodbye.',
    fi: 'Sovitaan seuraavan tapaamisen teema, ajankohta ja valmistelut ennen hyvästejä.',
    sv: 'Kom överens om tema, datum och förberedelser för nästa träff innan ni säger hej då.',
  },
  steps: [
    {
      id: 'next-theme-and-date',
      title: { en: 'Next theme and date', fi: 'Seuraava teema ja ajankohta', sv: 'Nästa tema och datum' },
      instructions: {
        en: 'Propose a theme for next time and agree on the date. Write down who prepares what.',
        fi: 'Ehdota teemaa seuraavalle kerralle ja sopikaa päivämäärä. Kirjatkaa, kuka valmistelee mitä.',
        sv: 'Föreslå ett tema för nästa gång och kom överens om datumet. Skriv upp vem som förbereder vad.',
      },
      facilitatorNotes: {
        en: 'Fix the date now, with everyone present. Before a long break (summer), agree on a small task to keep the thread alive.',
        fi: 'Lyökää päivämäärä lukkoon nyt, kun kaikki ovat paikalla. Sopikaa ennen pitkää taukoa (kesää) pieni tehtävä, joka pitää yhteyden yllä tauon aikana.',
        sv: 'Slå fast datumet nu, när alla är med. Inför ett längre uppehåll (sommaren), kom överens om en liten uppgift som håller tråden vid liv.',
      },
      timeboxSeconds: 5 * 60,
      speakingMode: 'open',
      layout: {
        frames: [
          {
            id: 'next-meeting',
            label: { en: 'Next meeting', fi: 'Seuraava tapaaminen', sv: 'Nästa träff' },
            x: 0,
            y: 0,
            w: 1200,
            h: 600,
          },
        ],
        notes: [
          {
            id: 'prompt-theme',
            text: { en: 'Theme', fi: 'Teema', sv: 'Tema' },
            frameId: 'next-meeting',
            color: 'yellow',
          },
          {
            id: 'prompt-date',
            text: { en: 'Date and time', fi: 'Päivämäärä ja kellonaika', sv: 'Datum och tid' },
            frameId: 'next-meeting',
            color: 'yellow',
          },
          {
            id: 'prompt-preparation',
            text: { en: 'Who prepares what?', fi: 'Kuka valmistelee mitä?', sv: 'Vem förbereder vad?' },
            frameId: 'next-meeting',
            color: 'yellow',
          },
        ],
      },
    },
  ],
});
